// Surgical edits of a record's text. The yaml Document finds where a key or item is; the
// change is spliced into the original text, so everything the edit does not touch (comments,
// blank lines, quoting, folded prose, indentation) stays byte for byte as the user wrote it.

import { isMap, isSeq, stringify, type Document, type Node } from 'yaml';
import { lineEndingOf } from '../fs/decode';
import { findMapPair, walkPath, type FieldPath } from './yaml-paths';

interface Splice {
  start: number;
  end: number;
  text: string;
}

export class EditError extends Error {}

/** One scalar as YAML text: quoted only when it has to be. */
export function yamlScalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Control characters, line and paragraph separators, BOM: written as escapes in double quotes. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/**
 * One scalar that stays one scalar inside a flow collection (`[a, b]`), and so anywhere:
 * `[`, `]`, `{`, `}`, `,`, a leading `- `, ` #`, `: ` and quotes get quoted (single quotes
 * where they do, so a glob's backslashes stay readable), unprintable characters escaped.
 */
export function yamlFlowScalar(value: string | number | boolean): string {
  if (typeof value === 'string' && UNPRINTABLE.test(value)) {
    return `"${[...value].map((ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : UNPRINTABLE.test(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('')}"`;
  }
  return stringify([value], { collectionStyle: 'flow', flowCollectionPadding: false, singleQuote: true, lineWidth: 0 }).trim().slice(1, -1);
}

export function yamlFlowList(values: readonly (string | number)[]): string {
  return `[${values.map((v) => yamlFlowScalar(v)).join(', ')}]`;
}

function span(node: unknown): [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range;
}

/** Collects splices against one text and applies them together. */
export class TextEditor {
  private readonly splices: Splice[] = [];
  /** New lines take the file's own line ending, so a CRLF record never gets a bare LF. */
  private readonly eol: '\n' | '\r\n';

  constructor(
    readonly text: string,
    readonly doc: Document,
  ) {
    this.eol = lineEndingOf(text);
  }

  /** Offset of the start of the line after the one holding `offset` (end of text when none). */
  private nextLineStart(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  private columnOf(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** Inserts whole lines at a line start, adding the newline the last line of the file may lack. */
  private insertLines(at: number, lines: string): void {
    const needsBreak = at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n');
    this.splices.push({ start: at, end: at, text: (needsBreak ? '\n' : '') + lines });
  }

  /** The end of a map entry: after its value and any comment on that line. */
  private pairEnd(pair: { key: unknown; value: unknown }): number {
    const v = span(pair.value);
    const k = span(pair.key)!;
    return this.nextLineStart(v && v[1] > k[1] ? v[1] : k[2]);
  }

  /** Replaces the value at `path` with `yaml` (a scalar or a flow collection). */
  replaceValue(path: FieldPath, yaml: string): void {
    const hit = walkPath(this.doc, path);
    const r = span(hit.value);
    if (hit.depth !== path.length || !r) throw new EditError(`no ${path.join('.')} to change`);
    const type = (hit.value as (Node & { type?: string }) | null | undefined)?.type;
    if (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL' || ((isMap(hit.value) || isSeq(hit.value)) && !hit.value.flow)) {
      // A block scalar's range runs to the next key; keep the line break before it.
      this.splices.push({ start: r[0], end: r[1], text: `${yaml}\n` });
    } else if (r[0] === r[1]) {
      // `key:` with nothing after it.
      this.splices.push({ start: r[0], end: r[1], text: `${this.text[r[0] - 1] === ' ' ? '' : ' '}${yaml}` });
    } else {
      this.splices.push({ start: r[0], end: r[1], text: yaml });
    }
  }

  /** Sets a key of the mapping at `mapPath`, inserting it after the first existing key of `after` (or last) when absent. */
  setKey(mapPath: FieldPath, key: string, yaml: string, after: readonly string[] = []): void {
    const map = walkPath(this.doc, mapPath);
    if (map.depth !== mapPath.length || !isMap(map.value)) throw new EditError(`${mapPath.join('.') || 'the record'} is not a mapping`);
    const existing = findMapPair(map.value, key);
    if (existing) {
      this.replaceValue([...mapPath, key], yaml);
      return;
    }
    this.insertKey(mapPath, key, yaml, after);
  }

  private insertKey(mapPath: FieldPath, key: string, yaml: string, after: readonly string[]): void {
    const map = walkPath(this.doc, mapPath).value;
    if (!isMap(map) || map.flow || map.items.length === 0) throw new EditError(`cannot add ${key} to a flow mapping`);
    let anchor = map.items[map.items.length - 1];
    for (const a of after) {
      const p = findMapPair(map, a);
      if (p) {
        anchor = p;
        break;
      }
    }
    const indent = ' '.repeat(this.columnOf(span(map.items[0].key)![0]));
    this.insertLines(this.pairEnd(anchor), `${indent}${yamlScalar(key)}:${yaml.startsWith('\n') ? '' : ' '}${yaml}\n`);
  }

  /** Removes the entry `key` of the block mapping at `mapPath` (its line, its value's lines), if it is there. */
  removeKey(mapPath: FieldPath, key: string): void {
    const map = walkPath(this.doc, mapPath);
    const pair = map.depth === mapPath.length ? findMapPair(map.value, key) : undefined;
    if (!pair) return;
    if (!isMap(map.value) || map.value.flow) throw new EditError(`cannot remove ${key} from a flow mapping`);
    const k = span(pair.key)!;
    const start = this.text.lastIndexOf('\n', k[0] - 1) + 1;
    this.splices.push({ start, end: this.pairEnd(pair), text: '' });
  }

  /** Puts whole lines (comments, say) before the first line of the text. */
  prependLines(lines: readonly string[]): void {
    this.splices.push({ start: 0, end: 0, text: lines.map((l) => `${l}\n`).join('') });
  }

  /** Adds a block entry `key:` with nested lines (already indented relative to the key) to the mapping at `mapPath`. */
  addBlockEntry(mapPath: FieldPath, key: string, nested: readonly string[]): void {
    const map = walkPath(this.doc, mapPath).value;
    if (!isMap(map) || map.flow || map.items.length === 0) throw new EditError(`cannot add ${key} to ${mapPath.join('.')}`);
    const last = map.items[map.items.length - 1];
    const indent = ' '.repeat(this.columnOf(span(map.items[0].key)![0]));
    const lines = [`${indent}${key}:`, ...nested.map((l) => `${indent}  ${l}`)].join('\n');
    this.insertLines(this.pairEnd(last), `${lines}\n`);
  }

  /** Appends an item to the sequence at `path`, in the style (flow or block) it is written in. */
  appendItem(path: FieldPath, yaml: string): void {
    const hit = walkPath(this.doc, path);
    const seq = hit.value;
    if (hit.depth !== path.length || !isSeq(seq)) throw new EditError(`${path.join('.')} is not a list`);
    const r = span(seq)!;
    if (seq.flow) {
      const close = this.text.lastIndexOf(']', r[1]);
      const before = this.text.slice(r[0] + 1, close);
      const sep = seq.items.length === 0 ? '' : before.trimEnd().endsWith(',') ? ' ' : ', ';
      const trimmedEnd = r[0] + 1 + before.trimEnd().length;
      this.splices.push({ start: trimmedEnd, end: trimmedEnd, text: `${sep}${yaml}` });
      return;
    }
    const last = seq.items[seq.items.length - 1];
    const lr = span(last)!;
    const dash = this.text.lastIndexOf('-', lr[0]);
    const indent = ' '.repeat(this.columnOf(dash));
    this.insertLines(this.nextLineStart(lr[1]), `${indent}- ${yaml}\n`);
  }

  /** Appends to a list at `key` of the mapping at `mapPath`, creating `key: [item]` when absent. */
  addToList(mapPath: FieldPath, key: string, item: string | number, after: readonly string[] = []): void {
    const hit = walkPath(this.doc, [...mapPath, key]);
    if (hit.depth === mapPath.length + 1 && isSeq(hit.value)) {
      if (hit.value.items.some((i) => (i as { value?: unknown }).value === item)) return;
      this.appendItem([...mapPath, key], yamlFlowScalar(item));
    } else {
      this.setKey(mapPath, key, yamlFlowList([item]), after);
    }
  }

  /** Removes the text between two offsets (e.g. whole comment lines). */
  deleteRange(start: number, end: number): void {
    this.splices.push({ start, end, text: '' });
  }

  result(): string {
    let out = this.text;
    const sorted = [...this.splices].sort((a, b) => b.start - a.start || b.end - a.end);
    for (const s of sorted) out = out.slice(0, s.start) + (this.eol === '\n' ? s.text : s.text.replace(/\r?\n/g, this.eol)) + out.slice(s.end);
    return out;
  }
}
