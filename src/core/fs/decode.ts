// Bytes to text, for files a person edits and Adrift may write back (decision records).
// Unlike a plain UTF-8 read it says what it saw: a byte-order mark (kept on write), UTF-16,
// the first byte that is not UTF-8 (where the plain read silently makes U+FFFD), and the
// line ending the file uses, so an edit can keep all of them as they were.

import type { Position } from '../findings';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

/** The first byte that is not valid in a file's encoding, and where it sits in the text (0-based). */
export interface InvalidByte {
  byte: number;
  at: Position;
}

export interface DecodedText {
  /** The text without its byte-order mark; invalid bytes read as U+FFFD. */
  text: string;
  encoding: TextEncodingName;
  /** Whether the file starts with a byte-order mark. */
  bom: boolean;
  /** For UTF-16 without a byte-order mark: the encoding is a guess from where the NUL bytes sit. */
  guessed?: true;
  invalid?: InvalidByte;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead byte, and the smallest code point that needs them.
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (n === 0) return i;
    const min = [0, 0x80, 0x800, 0x10000][n];
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Which byte of each pair is NUL in mostly-ASCII UTF-16: the high byte (odd in LE, even in BE). */
function utf16ByNuls(n: number, isNul: (i: number) => boolean): 'UTF-16LE' | 'UTF-16BE' | undefined {
  n = Math.min(n, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (isNul(i)) evenNul++;
    if (isNul(i + 1)) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul === 0) return 'UTF-16LE';
  if (evenNul >= pairs * 0.6 && oddNul === 0) return 'UTF-16BE';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE', skip: number): string {
  return new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(skip));
}

/**
 * Decodes a file the way Adrift reads records: UTF-8 (with or without a byte-order mark),
 * or UTF-16 when a byte-order mark or the NUL pattern says so. Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 'UTF-16LE', 2), encoding: 'UTF-16LE', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 'UTF-16BE', 2), encoding: 'UTF-16BE', bom: true };
  const bom = startsWith(bytes, UTF8_BOM);
  const start = bom ? UTF8_BOM.length : 0;
  if (!bom) {
    const utf16 = utf16ByNuls(bytes.length, (i) => bytes[i] === 0);
    if (utf16) return { text: decodeUtf16(bytes, utf16, 0), encoding: utf16, bom: false, guessed: true };
  }
  const body = bytes.subarray(start);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  const bad = firstInvalidUtf8(body);
  if (bad < 0) return { text, encoding: 'UTF-8', bom };
  return { text, encoding: 'UTF-8', bom, invalid: invalidByteAt(body, bad) };
}

/** The byte at offset `bad` of UTF-8 `bytes` and its line and column in the decoded text. */
export function invalidByteAt(bytes: Uint8Array, bad: number): InvalidByte {
  const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1;
  let line = 0;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  // The bytes of the line before the bad one are valid, so their decoded length is the column.
  const column = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, bad)).length;
  return { byte: bytes[bad], at: { line, column } };
}

/**
 * For text that was read as UTF-8 although it is UTF-16 (a source file, say): which UTF-16.
 * Its byte-order mark reads as two U+FFFD; its ASCII as a NUL in every other character.
 */
export function utf16ReadAsUtf8(text: string): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const from = text.startsWith('\uFFFD\uFFFD') ? 2 : 0;
  return utf16ByNuls(text.length - from, (i) => text.charCodeAt(from + i) === 0);
}

/** The line ending a text uses: that of its first line (a file that has none gets \n). */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** The text to write for a file that had a byte-order mark (or not). */
export function withBom(text: string, bom: boolean | undefined): string {
  return bom && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
}
