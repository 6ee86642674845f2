// Reads one decision record: YAML with positions and comments kept, validated against the
// schema, every problem a finding at the key or value it is about. Never throws: a broken
// file (syntax error, wrong types, binary garbage, a huge file, an alias bomb) gives findings.

import { isMap, parseDocument, type Document, type Node } from 'yaml';
import type { Finding, Range } from '../findings';
import { TextPositions } from './positions';
import { schemaProblems } from './schema-messages';
import type { DecisionRecord, LoadedRecord, RecordHeader } from './types';
import { RECORD_SCHEMA, recordValidator } from './validator';
import { nodeSpan, walkPath, type FieldPath } from './yaml-paths';

/** Records are short prose; anything larger is not a record and is not parsed at all. */
export const MAX_RECORD_CHARS = 1_000_000;
/** Aliases a record may expand; YAML anchors are rare in records and a bomb expands without bound. */
const MAX_ALIAS_COUNT = 100;

function schemaFinding(file: string, range: Range, message: string, header: RecordHeader): Finding {
  const f: Finding = { rule: 'decision-schema', severity: 'error', file, range, message };
  if (header.id !== undefined) {
    f.decision = { id: header.id, title: header.title ?? '', status: header.status ?? '', file, line: range.start.line };
  }
  return f;
}

function headerOf(data: unknown): RecordHeader {
  const h: RecordHeader = {};
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if (typeof d.id === 'number' && Number.isInteger(d.id)) h.id = d.id;
    if (typeof d.title === 'string') h.title = d.title;
    if (typeof d.status === 'string') h.status = d.status;
  }
  return h;
}

function firstKey(doc: Document): Node | undefined {
  const c = doc.contents;
  return isMap(c) && c.items.length > 0 ? (c.items[0].key as Node) : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}

export function parseRecord(relPath: string, text: string): LoadedRecord {
  const positions = new TextPositions(text);
  let doc: Document | undefined;
  const rangeOf = (path: FieldPath, at: 'key' | 'value' = 'key'): Range => {
    if (!doc) return positions.range(0, 0);
    const hit = walkPath(doc, path);
    // A problem with the whole record points at its first key, not at every line of it.
    if (path.length === 0 && at === 'key') hit.value = firstKey(doc) ?? hit.value;
    const node = at === 'key' && hit.key && hit.depth === path.length ? hit.key : (hit.value ?? hit.key);
    const span = nodeSpan(node) ?? nodeSpan(hit.key);
    return span ? positions.range(span[0], span[1]) : positions.range(0, 0);
  };
  const loaded: LoadedRecord = { file: relPath, text, doc: undefined, header: {}, findings: [], rangeOf: (p) => rangeOf(p, 'key') };
  const fail = (range: Range, message: string): LoadedRecord => {
    loaded.findings.push(schemaFinding(relPath, range, message, loaded.header));
    return loaded;
  };

  if (text.length > MAX_RECORD_CHARS) {
    return fail(positions.range(0, 0), `the file is ${Math.round(text.length / 1024)} KB; a decision record is at most ${MAX_RECORD_CHARS / 1000} KB, so it was not read`);
  }
  if (text.includes('\u0000')) return fail(positions.range(0, 0), 'the file is not text (it contains NUL bytes); a decision record is a YAML file');
  if (text.trim() === '') return fail(positions.range(0, 0), 'the file is empty; a decision record needs at least id, title, status and date');

  let data: unknown;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    loaded.doc = doc;
    if (doc.errors.length > 0) {
      // Later syntax errors are mostly echoes of the first; one clear finding helps more.
      const e = doc.errors[0];
      return fail(positions.range(e.pos[0], Math.max(e.pos[0], e.pos[1])), `YAML syntax error: ${firstLine(e.message)}`);
    }
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // toJS refuses alias bombs; a pathological nesting can exhaust the stack. Both are findings.
    const why = err instanceof ReferenceError ? 'it expands too many YAML aliases (*anchor references)' : `it could not be read (${err instanceof Error ? err.message : String(err)})`;
    return fail(positions.range(0, 0), `the record was not loaded: ${why}`);
  }

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(rangeOf([], 'value'), 'a decision record must be a YAML mapping of fields (id, title, status, date, ...)');
  }
  loaded.header = headerOf(data);

  const validate = recordValidator();
  if (validate(data)) {
    loaded.record = data as DecisionRecord;
    return loaded;
  }
  for (const p of schemaProblems(validate.errors ?? [], data, RECORD_SCHEMA)) {
    loaded.findings.push(schemaFinding(relPath, rangeOf(p.path, p.at), p.message, loaded.header));
  }
  return loaded;
}
