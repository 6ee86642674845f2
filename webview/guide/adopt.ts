// The state of adopting Adrift on existing code, as the guide's answers hold it: the modules
// the code proposes, kept, renamed, merged or dropped by the user before they are added to the
// modules table; and per pair of modules whether today's imports are allowed (a `uses`
// answer), baselined (a row with a reason and an expiry) or left to be reported as drift.
// Pure functions over plain answers (no DOM), so they are unit-tested in Node.

import type { BaselineChoice, GuideAnswers, ModuleProposal, PairImports, ProposalRow, TableRow } from '../../src/protocol/guide';

// ---- proposals ----

/** The host's proposals as rows to edit: every one kept under its own name, none merged. */
export function proposalRows(proposals: readonly ModuleProposal[]): ProposalRow[] {
  return proposals.map((p) => ({ id: p.name, name: p.name, folders: [...p.folders], files: String(p.files), source: p.source, keep: 'yes', into: '' }));
}

function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** The rows of a `discover` answer, whatever was saved (an older or edited state). */
export function readProposals(value: unknown): ProposalRow[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is TableRow => typeof r === 'object' && r !== null && !Array.isArray(r))
    .map((r) => ({ id: asString(r.id), name: asString(r.name), folders: asStrings(r.folders), files: asString(r.files), source: asString(r.source), keep: r.keep === 'no' ? 'no' : 'yes', into: asString(r.into) }))
    .filter((r) => r.id !== '');
}

/** Rows other rows can be merged into: kept and not merged themselves. */
export function mergeTargets(rows: readonly ProposalRow[], id: string): ProposalRow[] {
  return rows.filter((r) => r.id !== id && r.keep === 'yes' && r.into === '');
}

/**
 * Merges `id` into `target` ('' un-merges it). What was merged into `id` follows it into
 * `target`, so a merge never leaves a chain; a target that cannot take merges is refused.
 */
export function mergeInto(rows: ProposalRow[], id: string, target: string): boolean {
  const row = rows.find((r) => r.id === id);
  if (!row) return false;
  if (target !== '' && !mergeTargets(rows, id).some((r) => r.id === target)) return false;
  row.into = target;
  if (target !== '') {
    row.keep = 'yes';
    for (const r of rows) if (r.into === id) r.into = target;
  }
  return true;
}

/** Keeps or drops `id`. Dropping a module un-merges what was merged into it: those are shown again, never dropped with it. */
export function setKept(rows: ProposalRow[], id: string, keep: boolean): void {
  const row = rows.find((r) => r.id === id);
  if (!row) return;
  row.keep = keep ? 'yes' : 'no';
  if (keep) return;
  row.into = '';
  for (const r of rows) if (r.into === id) r.into = '';
}

export interface KeptModule {
  name: string;
  folders: string[];
  files: number;
}

/** The modules the proposals come to: each kept one not merged, under its name, with the folders of those merged into it. */
export function keptModules(rows: readonly ProposalRow[]): KeptModule[] {
  const out: KeptModule[] = [];
  for (const r of rows) {
    if (r.keep !== 'yes' || r.into !== '') continue;
    const merged = rows.filter((m) => m.keep === 'yes' && m.into === r.id);
    const folders = [...new Set([...r.folders, ...merged.flatMap((m) => m.folders)])];
    const files = [r, ...merged].reduce((n, m) => n + (Number.parseInt(m.files, 10) || 0), 0);
    out.push({ name: r.name.trim() || r.id, folders, files });
  }
  return out;
}

/**
 * Adds modules to a table's rows: a module named like a row already there (ignoring case and
 * spaces) adds its folders to that row; the others become new rows. Nothing is removed.
 */
export function addToTable(table: TableRow[], modules: readonly KeptModule[], columns: { name: string; folders: string }, emptyRow: () => TableRow): { added: number; extended: number } {
  const key = (s: unknown) => asString(s).trim().toLowerCase();
  let added = 0;
  let extended = 0;
  for (const m of modules) {
    const existing = table.find((r) => key(r[columns.name]) === key(m.name) && key(m.name) !== '');
    if (existing) {
      const before = asStrings(existing[columns.folders]);
      const folders = [...new Set([...before, ...m.folders])];
      if (folders.length > before.length) extended++;
      existing[columns.folders] = folders;
      continue;
    }
    // An empty row (a blank template's first row, say) is filled rather than left above.
    const blank = table.find((r) => Object.values(r).every((v) => (Array.isArray(v) ? v.length === 0 : asString(v).trim() === '')));
    const row = blank ?? emptyRow();
    row[columns.name] = m.name;
    row[columns.folders] = [...m.folders];
    if (!blank) table.push(row);
    added++;
  }
  return { added, extended };
}

// ---- pairs of modules ----

export type PairChoice = 'allow' | 'baseline' | 'drift';

/** Where a pair's choice is kept: the per-row `uses` answer and the baseline rows. */
export interface PairAnswers {
  allow: string;
  baseline: string;
}

function usesOf(answers: GuideAnswers, field: string): Record<string, string[]> {
  const v = answers[field];
  const map = (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {}) as Record<string, string[]>;
  answers[field] = map;
  return map;
}

function baselineRows(answers: GuideAnswers, field: string): BaselineChoice[] {
  const v = answers[field];
  const list = (Array.isArray(v) ? v : []) as BaselineChoice[];
  answers[field] = list;
  return list;
}

/** The baseline row of a pair, when it is baselined. */
export function baselineOf(answers: GuideAnswers, where: PairAnswers, from: string, to: string): BaselineChoice | undefined {
  const v = answers[where.baseline];
  return (Array.isArray(v) ? (v as BaselineChoice[]) : []).find((r) => r.from === from && r.to === to);
}

export function pairChoice(answers: GuideAnswers, where: PairAnswers, from: string, to: string): PairChoice {
  const uses = answers[where.allow];
  const allowed = typeof uses === 'object' && uses !== null && !Array.isArray(uses) && asStrings((uses as Record<string, unknown>)[from]).includes(to);
  if (allowed) return 'allow';
  return baselineOf(answers, where, from, to) ? 'baseline' : 'drift';
}

/**
 * Sets what happens to a pair's imports: allowed (`to` joins what `from` may use), baselined
 * (a row with the defaults, or the reason and expiry it had before) or drift. One of the three
 * only: allowing a pair takes it out of the baseline and the other way round.
 */
export function setPairChoice(answers: GuideAnswers, where: PairAnswers, from: string, to: string, choice: PairChoice, defaults: { reason: string; expires: string }): void {
  const uses = usesOf(answers, where.allow);
  const list = baselineRows(answers, where.baseline);
  const others = asStrings(uses[from]).filter((m) => m !== to);
  uses[from] = choice === 'allow' ? [...others, to] : others;
  const at = list.findIndex((r) => r.from === from && r.to === to);
  if (choice === 'baseline') {
    if (at < 0) list.push({ from, to, reason: defaults.reason, expires: defaults.expires });
  } else if (at >= 0) {
    list.splice(at, 1);
  }
}

/** Changes a baselined pair's reason or expiry. */
export function setBaselineDetail(answers: GuideAnswers, where: PairAnswers, from: string, to: string, detail: Partial<Pick<BaselineChoice, 'reason' | 'expires'>>): void {
  const row = baselineOf(answers, where, from, to);
  if (!row) return;
  if (detail.reason !== undefined) row.reason = detail.reason;
  if (detail.expires !== undefined) row.expires = detail.expires;
}

/**
 * "Allow every edge that exists today": every pair with imports is allowed, except the lighter
 * direction of a cycle, which is baselined (allowed, the uses would go round). Returns how
 * many pairs it allowed and baselined that were not so before.
 */
export function allowAll(answers: GuideAnswers, where: PairAnswers, pairs: readonly PairImports[], defaults: { reason: string; expires: string }): { allowed: number; baselined: number } {
  const changed = { allowed: 0, baselined: 0 };
  for (const p of pairs) {
    if (p.imports === 0) continue;
    const choice = p.closesCycle ? 'baseline' : 'allow';
    if (pairChoice(answers, where, p.from, p.to) === choice) continue;
    setPairChoice(answers, where, p.from, p.to, choice, defaults);
    if (choice === 'allow') changed.allowed++;
    else changed.baselined++;
  }
  return changed;
}

/** A renamed module keeps its baselined pairs under its new name. */
export function renameInBaseline(answers: GuideAnswers, field: string, before: string, after: string): void {
  const v = answers[field];
  if (!Array.isArray(v) || before === '' || before === after) return;
  for (const r of v as BaselineChoice[]) {
    if (r.from === before) r.from = after;
    if (r.to === before) r.to = after;
  }
}
