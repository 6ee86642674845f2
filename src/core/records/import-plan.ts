// Turning imported records (Markdown or JSON-ADR) into new record files: one plan for the
// CLI's `adrift import` and the editor's Import Markdown Decisions, so both refuse the same
// clashes, renumber the same duplicates and write the same files.

import type { ImportedRecord, SkippedFile } from './markdown/import';
import { reconcileSupersedes } from './markdown/import';
import { nextId } from './edits';
import { importedFrom, importedHeader, padId, renumberLater } from './naming';
import { unimportedMarkdown, yamlTwins } from './store';
import { MAX_RECORD_CHARS } from './parse';
import { recordToYaml } from './serialize';
import type { DecisionLog, FileChange } from './types';
import { compareText } from '../order';

export type ImportPlan =
  | {
      ok: true;
      changes: FileChange[];
      /** The records written, in the order of `changes`. */
      written: ImportedRecord[];
      /** Every number two imported files shared, with the files. */
      clashes: string[];
      /** Files that got a free number because an earlier file had theirs. */
      renumbered: { source: string; from: number; to: number }[];
      /** Records that could not be written (too large to load). */
      skipped: SkippedFile[];
    }
  | { ok: false; problem: string };

/**
 * A number already taken in the decisions folder, and nothing is written. Two imported
 * records with the same number are both imported: the later one (by file name) gets the
 * next free number, as `adrift renumber` would, and the supersede links that meant it are
 * rewritten where it links back. `changes` paths are workspace-relative.
 */
export interface ImportPlanOptions {
  /**
   * Give an imported record whose number the decisions folder already holds the next free
   * number instead of refusing the import (merging another log into this one); the links of
   * the other imported records to it follow, and a note says which file got which number.
   */
  renumberTaken?: boolean;
}

export function planImport(all: ImportedRecord[], log: DecisionLog, importedBy: string, options: ImportPlanOptions = {}): ImportPlan {
  // A file a record of the log says it was imported from is not imported again: importing a
  // Markdown log that goes on growing adds only its new records.
  const already = yamlTwins(log.records);
  const again: SkippedFile[] = all.flatMap((r) => {
    const yaml = already.get(base(r.source));
    if (yaml === undefined) return [];
    const how = importedFrom(log.records.find((x) => x.file === yaml)?.text ?? '') === base(r.source) ? 'already imported as' : 'the Markdown of';
    return [{ source: r.source, reason: `${how} ${yaml}; edit that record, the Markdown file is not read again`, problem: false }];
  });
  const imported = all.filter((r) => !already.has(base(r.source)));
  const taken = new Map(log.records.map((r) => [r.record?.id ?? r.header.id, r.file]));
  const clashesWithLog = imported.filter((r) => taken.has(r.id)).map((r) => `${r.id} (${taken.get(r.id)})`);
  if (clashesWithLog.length > 0 && !options.renumberTaken) {
    const markdown = unimportedMarkdown(log);
    const adriftOwn = imported.some((r) => taken.has(r.id) && markdown.has(r.id));
    return {
      ok: false,
      problem:
        `these numbers are taken already: ${clashesWithLog.join(', ')}; ` +
        (adriftOwn
          ? `"adrift renumber" moves the YAML records off the numbers of the Markdown records in ${log.folderRelative}, then import again`
          : 'import with --renumber to give them the next free numbers, or into an empty decisions folder'),
    };
  }
  let firstFree = Math.max(nextId(log), ...imported.map((r) => r.id + 1));
  const offLog: { source: string; from: number; to: number }[] = [];
  if (options.renumberTaken) {
    // Every holder of a taken number moves; the links that meant that number mean the first of them by name, as in the source log.
    for (const n of [...new Set(imported.filter((r) => taken.has(r.id)).map((r) => r.id))].sort((a, b) => a - b)) {
      const holders = imported.filter((r) => r.id === n).sort((a, b) => compareText(a.source, b.source));
      const to = holders.map(() => firstFree++);
      for (const other of imported) {
        if (holders.includes(other)) continue;
        other.record.supersedes = other.record.supersedes?.map((x) => (x === n ? to[0] : x));
        if (other.record.superseded_by === n) other.record.superseded_by = to[0];
      }
      holders.forEach((r, i) => {
        r.notes.unshift(`number ${n} is taken in ${log.folderRelative} by ${taken.get(n)}; imported as ${to[i]}`);
        offLog.push({ source: r.source, from: n, to: to[i] });
        r.id = to[i];
        r.record.id = to[i];
      });
    }
  }
  const moved = renumberLater(imported, (r) => r.id, (r) => r.source, firstFree);
  const clashes = [...new Set(moved.map((m) => m.from))].map((n) => `number ${n}: ${imported.filter((r) => r.id === n).map((r) => base(r.source)).sort().join(', ')}`);
  for (const m of moved) {
    const r = m.item;
    const linked = new Set<number>([...(r.record.supersedes ?? []), ...(r.record.superseded_by !== undefined ? [r.record.superseded_by] : [])]);
    for (const other of imported) {
      if (other === r || !linked.has(other.id)) continue;
      other.record.supersedes = other.record.supersedes?.map((s) => (s === m.from ? m.to : s));
      if (other.record.superseded_by === m.from) other.record.superseded_by = m.to;
    }
    const first = imported.find((x) => x.id === m.from && !moved.some((y) => y.item === x));
    r.notes.unshift(`number ${m.from} is also used by ${first ? base(first.source) : 'another file'}; imported as ${m.to}`);
    r.id = m.to;
    r.record.id = m.to;
  }
  reconcileSupersedes(imported);
  const changes: FileChange[] = [];
  const written: ImportedRecord[] = [];
  const skipped: SkippedFile[] = [];
  for (const r of imported) {
    const defaults = r.notes.filter((n) => n.includes('(the default)'));
    const header = [importedHeader(base(r.source), importedBy), ...defaults.map((d) => `Default: ${d}.`)].join('\n ');
    const text = recordToYaml(r.record, header);
    if (text.length > MAX_RECORD_CHARS) {
      skipped.push({ source: r.source, reason: `its record would be ${Math.round(text.length / 1000)} KB; a record is at most ${MAX_RECORD_CHARS / 1000} KB, so it could not be loaded`, problem: true });
      continue;
    }
    changes.push({ path: `${log.folderRelative}/${padId(r.id)}-${r.slug}.yaml`, text });
    written.push(r);
  }
  return { ok: true, changes, written, clashes, renumbered: [...offLog, ...moved.map((m) => ({ source: m.item.source, from: m.from, to: m.to }))], skipped: [...again, ...skipped] };
}

const base = (source: string) => source.replace(/^.*[\\/]/, '');
