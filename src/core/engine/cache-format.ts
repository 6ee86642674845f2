// The scan cache's on-disk format: one string table and the entries as variable-length
// integers, instead of one JSON document. The JSON form repeated every key of every import
// ("specifier", "range", "start", "line" …) and had to be built as one string before it was
// written: 5–6× the size, and the save alone blocked the editor for most of a second on a
// large workspace. Decoding is strict: anything out of place throws, and the cache is then
// not used (a signed body can only be malformed by a bug, never by a user).

import type { FileStat } from '../fs/port';
import type { DataAccess, ExtractedFile, ImportKind, ImportRef, Resolution, SuppressionComment } from './types';
import type { Range } from '../findings';
import { unsliced, type Slicer } from './slice';

/** What the scan keeps of one file between runs. */
export interface CacheEntry {
  /** Content hash of the file's bytes. */
  hash: string;
  /** The stat the file had when it was read, when old enough to trust (see ExtractionCache). */
  stat?: StatKey;
  extracted: ExtractedFile;
  /** The targets of each import, valid while the resolver's inputs for this file keep `key`. */
  resolved?: { key: string; targets: Resolution[][] };
}

export type StatKey = Required<Pick<FileStat, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>>;

const IMPORT_KINDS: readonly ImportKind[] = ['import', 'export', 'dynamic', 'require', 'import-equals'];
const ACCESS_KINDS: readonly DataAccess['kind'][] = ['sql', 'prisma', 'orm'];

class Writer {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private readonly view = new DataView(new ArrayBuffer(8));
  readonly strings = new Map<string, number>();

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  uint(n: number): void {
    if (this.length + 8 > this.bytes.length) this.room(8);
    // Most integers are small (columns, counts, string indexes): one byte, no arithmetic.
    if (n < 0x80 && n >= 0 && (n | 0) === n) {
      this.bytes[this.length++] = n;
      return;
    }
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a cache integer: ${n}`);
    while (n >= 0x80) {
      this.bytes[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.bytes[this.length++] = n;
  }

  float(n: number): void {
    this.room(8);
    this.view.setFloat64(0, n);
    for (let i = 0; i < 8; i++) this.bytes[this.length++] = this.view.getUint8(i);
  }

  raw(b: Uint8Array): void {
    this.room(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }

  str(s: string): void {
    let i = this.strings.get(s);
    if (i === undefined) this.strings.set(s, (i = this.strings.size));
    this.uint(i);
  }

  range(r: Range): void {
    this.uint(r.start.line);
    this.uint(r.start.column);
    this.uint(r.end.line);
    this.uint(r.end.column);
  }

  done(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

class Reader {
  private at = 0;
  private readonly view: DataView;
  strings: string[] = [];

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get ended(): boolean {
    return this.at === this.bytes.length;
  }

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('cache ends early');
      const b = this.bytes[this.at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new Error('cache integer too long');
    }
  }

  float(): number {
    if (this.at + 8 > this.bytes.length) throw new Error('cache ends early');
    const n = this.view.getFloat64(this.at);
    this.at += 8;
    return n;
  }

  utf8(length: number): string {
    if (this.at + length > this.bytes.length) throw new Error('cache ends early');
    const s = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.at, length).toString('utf8');
    this.at += length;
    return s;
  }

  str(): string {
    const i = this.uint();
    if (i >= this.strings.length) throw new Error('cache string out of range');
    return this.strings[i];
  }

  pick<T>(values: readonly T[], i = this.uint()): T {
    if (i >= values.length) throw new Error('cache value out of range');
    return values[i];
  }

  range(): Range {
    return { start: { line: this.uint(), column: this.uint() }, end: { line: this.uint(), column: this.uint() } };
  }
}

function writeResolution(w: Writer, r: Resolution): void {
  switch (r.kind) {
    case 'file':
      w.uint(0);
      w.str(r.path);
      return;
    case 'external':
      w.uint(1);
      w.str(r.packageName);
      return;
    case 'builtin':
      w.uint(2);
      w.str(r.name);
      return;
    case 'unresolved':
      w.uint(r.local === undefined ? 3 : r.local ? 4 : 5);
  }
}

function readResolution(r: Reader): Resolution {
  const tag = r.uint();
  switch (tag) {
    case 0:
      return { kind: 'file', path: r.str() };
    case 1:
      return { kind: 'external', packageName: r.str() };
    case 2:
      return { kind: 'builtin', name: r.str() };
    case 3:
      return { kind: 'unresolved' };
    case 4:
      return { kind: 'unresolved', local: true };
    case 5:
      return { kind: 'unresolved', local: false };
    default:
      throw new Error(`unknown cached resolution ${tag}`);
  }
}

function writeEntry(w: Writer, file: string, e: CacheEntry): void {
  w.str(file);
  w.str(e.hash);
  if (e.stat) {
    w.uint(1);
    w.float(e.stat.size);
    w.float(e.stat.mtimeMs);
    w.float(e.stat.ctimeMs);
    w.float(e.stat.ino);
  } else w.uint(0);
  const x = e.extracted;
  w.str(x.language);
  w.uint(x.imports.length);
  for (const ref of x.imports) {
    w.str(ref.specifier);
    w.range(ref.range);
    w.uint(IMPORT_KINDS.indexOf(ref.kind) * 2 + (ref.typeOnly ? 1 : 0));
    if (ref.names === undefined) w.uint(0);
    else {
      w.uint(ref.names.length + 1);
      for (const n of ref.names) w.str(n);
    }
  }
  w.uint(x.dataAccess.length);
  for (const a of x.dataAccess) {
    w.uint(ACCESS_KINDS.indexOf(a.kind));
    w.str(a.name);
    w.range(a.range);
  }
  w.uint(x.suppressions.length);
  for (const c of x.suppressions) {
    w.str(c.rule);
    w.str(c.reason);
    w.range(c.range);
  }
  if (e.resolved && e.resolved.targets.length === x.imports.length) {
    w.uint(1);
    w.str(e.resolved.key);
    for (const targets of e.resolved.targets) {
      w.uint(targets.length);
      for (const t of targets) writeResolution(w, t);
    }
  } else w.uint(0);
}

function readEntry(r: Reader): [string, CacheEntry] {
  const file = r.str();
  const hash = r.str();
  const entry: CacheEntry = { hash, extracted: undefined as unknown as ExtractedFile };
  if (r.uint() === 1) entry.stat = { size: r.float(), mtimeMs: r.float(), ctimeMs: r.float(), ino: r.float() };
  const language = r.str();
  const imports: ImportRef[] = new Array<ImportRef>(r.uint());
  for (let i = 0; i < imports.length; i++) {
    const specifier = r.str();
    const range = r.range();
    const flags = r.uint();
    const ref: ImportRef = { specifier, range, kind: r.pick(IMPORT_KINDS, flags >> 1), typeOnly: (flags & 1) === 1 };
    const names = r.uint();
    if (names > 0) {
      ref.names = new Array<string>(names - 1);
      for (let k = 0; k < names - 1; k++) ref.names[k] = r.str();
    }
    imports[i] = ref;
  }
  const dataAccess: DataAccess[] = new Array<DataAccess>(r.uint());
  for (let i = 0; i < dataAccess.length; i++) dataAccess[i] = { kind: r.pick(ACCESS_KINDS), name: r.str(), range: r.range() };
  const suppressions: SuppressionComment[] = new Array<SuppressionComment>(r.uint());
  for (let i = 0; i < suppressions.length; i++) suppressions[i] = { rule: r.str(), reason: r.str(), range: r.range() };
  entry.extracted = { language, imports, dataAccess, suppressions };
  if (r.uint() === 1) {
    const key = r.str();
    const targets: Resolution[][] = new Array<Resolution[]>(imports.length);
    for (let i = 0; i < imports.length; i++) {
      const list: Resolution[] = new Array<Resolution>(r.uint());
      for (let k = 0; k < list.length; k++) list[k] = readResolution(r);
      targets[i] = list;
    }
    entry.resolved = { key, targets };
  }
  return [file, entry];
}

/**
 * The entries as bytes: the string table, then each entry. `slicer`: the editor's, so that
 * encoding a large workspace's cache never holds its main thread for long (slice.ts).
 */
export async function encodeEntries(entries: ReadonlyMap<string, CacheEntry>, slicer: Slicer = unsliced): Promise<Uint8Array> {
  const body = new Writer();
  body.uint(entries.size);
  for (const [file, e] of entries) {
    writeEntry(body, file, e);
    if (slicer.due()) await slicer.pause();
  }
  const encoder = new TextEncoder();
  const out = new Writer();
  out.uint(body.strings.size);
  for (const s of body.strings.keys()) {
    const b = encoder.encode(s);
    out.uint(b.length);
    out.raw(b);
    if (slicer.due()) await slicer.pause();
  }
  out.raw(body.done());
  return out.done();
}

/** The entries back from encodeEntries' bytes; throws on anything malformed. */
export async function decodeEntries(bytes: Uint8Array, slicer: Slicer = unsliced): Promise<Map<string, CacheEntry>> {
  const r = new Reader(bytes);
  const strings = new Array<string>(r.uint());
  for (let i = 0; i < strings.length; i++) {
    strings[i] = r.utf8(r.uint());
    if (slicer.due()) await slicer.pause();
  }
  r.strings = strings;
  const count = r.uint();
  const out = new Map<string, CacheEntry>();
  for (let i = 0; i < count; i++) {
    const [file, entry] = readEntry(r);
    out.set(file, entry);
    if (slicer.due()) await slicer.pause();
  }
  if (!r.ended) throw new Error('cache has trailing bytes');
  return out;
}
