// Turning imported records (Markdown or JSON-ADR) into new record files: one plan for the
// CLI's `adrift import` and the editor's Import Markdown Decisions, so both refuse the same
// clashes and write the same files.

import type { ImportedRecord } from './markdown/import';
import { reconcileSupersedes } from './markdown/import';
import { padId } from './naming';
import { recordToYaml } from './serialize';
import type { DecisionLog, FileChange } from './types';

export type ImportPlan = { ok: true; changes: FileChange[] } | { ok: false; problem: string };

/**
 * All or nothing: a number already taken in the decisions folder, or two imported records
 * with the same number, and nothing is written. `changes` paths are workspace-relative.
 */
export function planImport(imported: ImportedRecord[], log: DecisionLog, importedBy: string): ImportPlan {
  reconcileSupersedes(imported);
  const taken = new Map(log.records.map((r) => [r.record?.id ?? r.header.id, r.file]));
  const clashes = imported.filter((r) => taken.has(r.id)).map((r) => `${r.id} (${taken.get(r.id)})`);
  if (clashes.length > 0) {
    return { ok: false, problem: `these numbers are taken already: ${clashes.join(', ')}; import into an empty decisions folder, or renumber first` };
  }
  const seen = new Map<number, string>();
  for (const r of imported) {
    const other = seen.get(r.id);
    if (other) return { ok: false, problem: `${r.source} and ${other} both have number ${r.id}` };
    seen.set(r.id, r.source);
  }
  const base = (source: string) => source.replace(/^.*[\\/]/, '');
  return {
    ok: true,
    changes: imported.map((r) => ({
      path: `${log.folderRelative}/${padId(r.id)}-${r.slug}.yaml`,
      text: recordToYaml(r.record, `Imported from ${base(r.source)} by ${importedBy}.`),
    })),
  };
}
