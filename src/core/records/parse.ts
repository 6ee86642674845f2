// Reads one decision record: YAML with positions and comments kept, validated against the
// schema, every problem a finding at the key or value it is about. Never throws: a broken
// file (syntax error, wrong types, binary garbage, a huge file, an alias bomb) gives findings.

import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { Finding, Range } from '../findings';
import { TextPositions } from './positions';
import { schemaProblems } from './schema-messages';
import type { DecisionRecord, LoadedRecord, RecordHeader } from './types';
import { RECORD_SCHEMA, recordValidator } from './validator';
import { nodeSpan, walkPath, type FieldPath } from './yaml-paths';

/**
 * Records are short prose (the largest real ones are a few KB); anything past this is not a
 * record and is not parsed at all, since parsing costs grow with the number of nodes.
 */
export const MAX_RECORD_CHARS = 256_000;
/** Aliases a record may expand; YAML anchors are rare in records and a bomb expands without bound. */
const MAX_ALIAS_COUNT = 100;
/** Records nest a few levels; the parser recurses per level, so a deep file is refused up front. */
const MAX_NESTING = 64;
const MAX_INDENT = 256;
/** Past this many schema problems in one file, the rest are summed up in one finding. */
const MAX_SCHEMA_FINDINGS = 50;

/** Where a collection opens deeper than MAX_NESTING flow levels or a line is indented past MAX_INDENT, if anywhere. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      quote = '';
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        if (++indent > MAX_INDENT) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Duplicate keys, found in one pass per mapping (yaml's own check compares every pair). */
function duplicateKey(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k === undefined) continue;
        if (seen.has(k)) {
          found = pair.key as Node;
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The alias behind a failed toJS: one without an anchor before it, or, for an alias bomb, the
 * alias that stands for the most nodes (the top of the chain that blows up).
 */
function aliasProblem(doc: Document, message: string): { node: Node; why: string } | undefined {
  const anchors = new Map<string, Node>();
  const aliases: { alias: Alias; source: Node | undefined }[] = [];
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) aliases.push({ alias: node, source: anchors.get(node.source) });
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  if (/^Unresolved alias/.test(message)) {
    const lost = aliases.find((a) => a.source === undefined);
    return lost && { node: lost.alias, why: `the alias *${lost.alias.source} has no anchor &${lost.alias.source} before it` };
  }
  const sizes = new Map<Node, number>();
  const sourceOf = new Map(aliases.map((a) => [a.alias as Node, a.source]));
  const size = (node: unknown, depth: number): number => {
    if (!node || typeof node !== 'object' || depth > MAX_NESTING) return 1;
    const n = node as Node;
    if (isAlias(n)) return size(sourceOf.get(n), depth + 1);
    const known = sizes.get(n);
    if (known !== undefined) return known;
    sizes.set(n, 1); // an alias inside its own anchor counts once
    let total = 1;
    if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) total += isPair(item) ? size(item.key, depth + 1) + size(item.value, depth + 1) : size(item, depth + 1);
    total = Math.min(total, Number.MAX_SAFE_INTEGER);
    sizes.set(n, total);
    return total;
  };
  let worst: { alias: Alias; n: number } | undefined;
  for (const a of aliases) {
    const n = size(a.source, 0);
    if (!worst || n > worst.n) worst = { alias: a.alias, n };
  }
  return worst && { node: worst.alias, why: `it expands too many YAML aliases (an alias bomb): *${worst.alias.source} here alone stands for ${worst.n.toLocaleString('en-US')} nodes` };
}

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
  const loaded: LoadedRecord = { file: relPath, text, doc: undefined, header: {}, findings: [], rangeOf };
  const fail = (range: Range, message: string): LoadedRecord => {
    loaded.findings.push(schemaFinding(relPath, range, message, loaded.header));
    return loaded;
  };

  if (text.length > MAX_RECORD_CHARS) {
    return fail(positions.range(0, 0), `the file is ${Math.round(text.length / 1024)} KB; a decision record is at most ${MAX_RECORD_CHARS / 1000} KB, so it was not read`);
  }
  if (text.includes('\u0000')) return fail(positions.range(0, 0), 'the file is not text (it contains NUL bytes); a decision record is a YAML file');
  if (text.trim() === '') return fail(positions.range(0, 0), 'the file is empty; a decision record needs at least id, title, status and date');

  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return fail(positions.range(deep, deep + 1), `the record nests lists or mappings more than ${MAX_NESTING} levels (or ${MAX_INDENT} spaces) deep, so it was not read`);
  }

  let data: unknown;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    loaded.doc = doc;
    if (doc.errors.length > 0) {
      // Later syntax errors are mostly echoes of the first; one clear finding helps more.
      const e = doc.errors[0];
      return fail(positions.range(e.pos[0], Math.max(e.pos[0], e.pos[1])), `YAML syntax error: ${firstLine(e.message)}`);
    }
    const dup = duplicateKey(doc);
    if (dup) {
      const span = nodeSpan(dup) ?? [0, 0];
      return fail(positions.range(span[0], span[1]), `the key "${String((dup as Node & { value?: unknown }).value)}" appears twice in the same mapping; YAML keeps only one of them`);
    }
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // toJS refuses alias bombs and aliases without an anchor; a pathological nesting can
    // exhaust the stack. All are findings, the alias ones at the alias that causes them.
    const alias = doc && err instanceof ReferenceError ? aliasProblem(doc, err.message) : undefined;
    if (alias) {
      const span = nodeSpan(alias.node) ?? [0, 0];
      return fail(positions.range(span[0], span[1]), `the record was not loaded: ${alias.why}`);
    }
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
  const { problems, more } = schemaProblems(validate.errors ?? [], data, RECORD_SCHEMA, MAX_SCHEMA_FINDINGS);
  for (const p of problems) loaded.findings.push(schemaFinding(relPath, rangeOf(p.path, p.at), p.message, loaded.header));
  if (more > 0) loaded.findings.push(schemaFinding(relPath, positions.range(0, 0), `… and up to ${more} more problems in this record`, loaded.header));
  return loaded;
}
