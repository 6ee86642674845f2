// Writes a record object as a new YAML file, keys in the schema's order. Used only for files
// Adrift creates from scratch (imports, the guide); edits of existing files go through
// text-edit.ts.

import { Document, isScalar, visit } from 'yaml';
import type { DecisionRecord } from './types';

const KEY_ORDER: readonly (keyof DecisionRecord)[] = [
  'id', 'title', 'status', 'date', 'kind', 'area', 'deciders', 'consulted', 'informed', 'tags', 'context', 'drivers',
  'options', 'decision', 'consequences', 'supersedes', 'superseded_by', 'review_by', 'links', 'build_vs_buy', 'evolution', 'enforce', 'extra',
];

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
}

/** The record with keys in schema order and empty lists/mappings left out. */
export function orderedRecord(rec: DecisionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (!isEmpty(rec[k])) out[k] = rec[k];
  return out;
}

/** Block style, with short lists of words in flow style (`tags: [tenancy, modules]`) as people write them. */
export function recordToYaml(rec: DecisionRecord, headerComment?: string): string {
  const doc = new Document(orderedRecord(rec));
  visit(doc, {
    Seq(_key, node) {
      const short = node.items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value.length <= 40);
      if (short && node.items.length > 0 && node.items.length <= 6) node.flow = true;
    },
  });
  if (headerComment) doc.commentBefore = ` ${headerComment}`;
  return doc.toString({ lineWidth: 0 });
}
