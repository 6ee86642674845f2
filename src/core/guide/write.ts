// The guide's records as files: one YAML file per record in the decisions folder, named
// NNNN-kebab-title.yaml. Only new files: the plan never reuses an id, so nothing existing is
// overwritten.

import { recordFileName } from '../records/naming';
import { recordToYaml } from '../records/serialize';
import type { DecisionRecord, FileChange } from '../records/types';


/** Workspace-relative path of a record in the decisions folder. */
export function recordPath(folderRelative: string, record: DecisionRecord): string {
  const folder = folderRelative === '.' || folderRelative === '' ? '' : `${folderRelative.replace(/\/+$/, '')}/`;
  return `${folder}${recordFileName(record.id, record.title)}`;
}

export function recordFileChanges(records: readonly DecisionRecord[], folderRelative: string): FileChange[] {
  return records.map((r) => ({ path: recordPath(folderRelative, r), text: recordToYaml(r) }));
}
