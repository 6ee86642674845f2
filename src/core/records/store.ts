// The decision log: every record file of the decisions folder, loaded side by side so one
// broken record never hides the others, plus the checks that need more than one record
// (duplicate ids, references between records and to modules, lifecycle).

import * as path from 'node:path';
import { loadConfig, resolveDecisionsFolder, toPosix } from '../config';
import type { DecisionRef, Finding, Range, RuleId, Severity } from '../findings';
import type { FileSystemPort } from '../fs/port';
import { idFromFileName, padId } from './naming';
import { parseRecord } from './parse';
import { closest } from './schema-messages';
import type { DecisionLog, LoadedRecord } from './types';

export interface LoadOptions {
  /** Decisions folder, relative to root (or absolute). Absent: from `.adrift.yaml`, else the default. */
  folder?: string;
  /** Today as YYYY-MM-DD, for review_by checks; absent: the current UTC date. */
  today?: string;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function refOf(r: LoadedRecord, line?: number): DecisionRef | undefined {
  const id = r.record?.id ?? r.header.id;
  if (id === undefined) return undefined;
  return {
    id,
    title: r.record?.title ?? r.header.title ?? '',
    status: r.record?.status ?? r.header.status ?? '',
    file: r.file,
    line: line ?? r.rangeOf(['id']).start.line,
  };
}

function finding(r: LoadedRecord, rule: RuleId, severity: Severity, range: Range, message: string): Finding {
  const f: Finding = { rule, severity, file: r.file, range, message };
  const ref = refOf(r, range.start.line);
  if (ref) f.decision = ref;
  return f;
}

function idOf(r: LoadedRecord): number | undefined {
  return r.record?.id ?? r.header.id;
}

export function compareRecords(a: LoadedRecord, b: LoadedRecord): number {
  const ia = idOf(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = idOf(b) ?? Number.MAX_SAFE_INTEGER;
  return ia - ib || a.file.localeCompare(b.file);
}

export async function loadDecisionLog(fs: FileSystemPort, root: string, opts: LoadOptions = {}): Promise<DecisionLog> {
  const rootPosix = toPosix(root).replace(/\/+$/, '') || '/';
  const findings: Finding[] = [];
  let folderRel: string;
  if (opts.folder !== undefined) {
    folderRel = toPosix(opts.folder);
  } else {
    const config = await loadConfig(fs, rootPosix);
    findings.push(...config.findings);
    folderRel = await resolveDecisionsFolder(fs, rootPosix, config);
  }
  const folder = path.posix.isAbsolute(folderRel) ? folderRel : path.posix.join(rootPosix, folderRel);
  const folderRelative = path.posix.relative(rootPosix, folder) || '.';
  const entries = await fs.readDirectory(folder);
  const names = (entries ?? [])
    .filter((e) => e.kind === 'file' && /\.ya?ml$/i.test(e.name) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();

  const records: LoadedRecord[] = [];
  for (const name of names) {
    const rel = folderRelative === '.' ? name : `${folderRelative}/${name}`;
    let text: string | undefined;
    try {
      text = await fs.readText(path.posix.join(folder, name));
    } catch (err) {
      findings.push({ rule: 'decision-schema', severity: 'error', file: rel, range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, message: `could not read the record: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    if (text === undefined) continue; // deleted between listing and reading
    records.push(withFallbackHeader(parseRecord(rel, text), name));
  }
  records.sort(compareRecords);
  for (const r of records) findings.push(...r.findings);
  findings.push(...checkLog(records, opts.today ?? todayUtc()));
  const fileIds = (entries ?? []).flatMap((e) => {
    const m = /^(\d{1,9})-/.exec(e.name);
    return m ? [Number(m[1])] : [];
  });
  return { root: rootPosix, folder, folderRelative, folderExists: entries !== undefined, records, findings, fileIds };
}

/**
 * A record whose YAML does not parse still deserves a line in the log: its number from the
 * file name and its title from a plain `title:` line, so lists stay sorted and readable.
 */
function withFallbackHeader(r: LoadedRecord, name: string): LoadedRecord {
  if (r.header.id === undefined) {
    const id = idFromFileName(name);
    if (id !== undefined) r.header.id = id;
  }
  if (r.header.title === undefined && !r.record) {
    const m = /^title:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(r.text.slice(0, 10_000));
    const title = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    if (title && !/^[[{&*!|>]/.test(title)) r.header.title = title;
  }
  return r;
}

/** Checks across records. Exported so the extension can re-run them on records it holds in memory. */
export function checkLog(records: readonly LoadedRecord[], today: string): Finding[] {
  const out: Finding[] = [];
  const byId = new Map<number, LoadedRecord[]>();
  for (const r of records) {
    const id = idOf(r);
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  const declared = new Set<string>();
  for (const r of records) for (const m of Object.keys(r.record?.enforce?.modules ?? {})) declared.add(m);

  for (const r of records) {
    const name = r.file.slice(r.file.lastIndexOf('/') + 1);
    const id = idOf(r);
    const fileId = idFromFileName(name);
    if (fileId === undefined) {
      out.push(finding(r, 'decision-schema', 'warning', { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, `the file name should be NNNN-kebab-title.yaml (e.g. ${padId(id ?? 1)}-use-postgresql.yaml)`));
    } else if (id !== undefined && fileId !== id) {
      out.push(finding(r, 'decision-reference', 'warning', r.rangeOf(['id']), `id ${id} does not match the file name ${name}; rename the file to ${padId(id)}-… or fix the id`));
    }
    if (id !== undefined) {
      const same = byId.get(id) ?? [];
      if (same.length > 1) {
        const others = same.filter((o) => o !== r).map((o) => o.file);
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['id']), `id ${id} is also used by ${others.join(', ')} (two branches each added one?); run "adrift renumber" to give each record its own id`));
      }
    }
    const rec = r.record;
    if (!rec) continue;

    (rec.supersedes ?? []).forEach((sid, i) => {
      const targets = byId.get(sid);
      if (!targets) {
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['supersedes', i]), `supersedes record ${sid}, which does not exist`));
        return;
      }
      const t = targets[0].record;
      if (sid === rec.id) out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['supersedes', i]), 'a record cannot supersede itself'));
      else if (t && (t.status !== 'superseded' || t.superseded_by !== rec.id)) {
        out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['supersedes', i]), `record ${sid} is superseded by this one but does not say so (it should have status: superseded and superseded_by: ${rec.id}); run "adrift supersede ${sid} ${rec.id}"`));
      }
    });
    if (rec.superseded_by !== undefined) {
      const targets = byId.get(rec.superseded_by);
      if (!targets) {
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['superseded_by']), `superseded_by names record ${rec.superseded_by}, which does not exist`));
      } else {
        const t = targets[0].record;
        if (t && !(t.supersedes ?? []).includes(rec.id)) {
          out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['superseded_by']), `record ${rec.superseded_by} does not list ${rec.id} in its supersedes; add it there so both records tell the same story`));
        }
        if (rec.status !== 'superseded') {
          out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['superseded_by']), `superseded_by is set but the status is ${rec.status}; a replaced record has status superseded`));
        }
      }
    }
    if (rec.review_by && rec.review_by < today && (rec.status === 'accepted' || rec.status === 'proposed')) {
      out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['review_by']), `review_by ${rec.review_by} has passed; revisit the decision and confirm it (set a new review_by), supersede it or deprecate it`));
    }
    for (const [mod, decl] of Object.entries(rec.enforce?.modules ?? {})) {
      (decl.uses ?? []).forEach((used, i) => {
        if (declared.has(used)) return;
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['enforce', 'modules', mod, 'uses', i]), `module ${mod} uses "${used}", but no record declares a module ${used}${hint(used, declared)}`));
      });
    }
  }
  return out;
}

function hint(name: string, declared: Set<string>): string {
  const guess = closest(name, [...declared]);
  return guess ? ` (did you mean "${guess}"?)` : declared.size ? ` (declared: ${[...declared].sort().join(', ')})` : '';
}
