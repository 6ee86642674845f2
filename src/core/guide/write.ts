// The guide's records as files: one YAML file per record in the decisions folder, named
// NNNN-kebab-title.yaml. Only new files: the plan never reuses an id, so nothing existing is
// overwritten.

import { Document, isScalar, visit } from 'yaml';
import { recordFileName } from '../records/naming';
import type { DecisionRecord, FileChange } from '../records/types';

/** A record as YAML: block style, with short lists of words in flow style as people write them. */
export function recordYaml(record: DecisionRecord): string {
  const doc = new Document(record);
  visit(doc, {
    Seq(_key, node) {
      const short = node.items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value.length <= 40);
      if (short && node.items.length > 0 && node.items.length <= 6) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 100 });
}

/** Workspace-relative path of a record in the decisions folder. */
export function recordPath(folderRelative: string, record: DecisionRecord): string {
  const folder = folderRelative === '.' || folderRelative === '' ? '' : `${folderRelative.replace(/\/+$/, '')}/`;
  return `${folder}${recordFileName(record.id, record.title)}`;
}

export function recordFileChanges(records: readonly DecisionRecord[], folderRelative: string): FileChange[] {
  return records.map((r) => ({ path: recordPath(folderRelative, r), text: recordYaml(r) }));
}
