// The debt of each decision at one moment: the findings that break it and are still open,
// the baseline entries that accept findings of it, and the findings of it that inline
// `adrift-ignore` comments silence. `adrift check` counts it for the budgets, `adrift debt`
// at every commit of a walk over history (./ledger.ts).

import type { Finding, RuleId } from '../findings';
import { baselineKey, type BaselineEntry, type BaselineOutcome } from '../engine/baseline';
import type { SuppressionComment } from '../engine/types';

export interface DebtCounts {
  /** Open findings: neither baselined nor suppressed. */
  findings: number;
  /** Baseline entries that accept a finding (expired ones and those of fixed code are not debt). */
  baseline: number;
  /** Findings silenced by an adrift-ignore comment. */
  suppressions: number;
}

export type DebtKind = 'finding' | 'baseline' | 'suppression';
export const DEBT_KINDS: readonly DebtKind[] = ['finding', 'baseline', 'suppression'];

/** One piece of debt, as `adrift debt` lists it. */
export interface DebtItem {
  kind: DebtKind;
  rule: string;
  file: string;
  /** 1-based line of a finding or of the suppression comment. */
  line?: number;
  message?: string;
  /** A baseline entry's or a suppression comment's reason. */
  reason?: string;
  expires?: string;
  /** The decision it counts against; undefined for findings no decision explains. */
  decision?: number;
  /** Identity across commits: the same for the same item after its line moves. */
  key: string;
}

export interface Suppressed {
  finding: Finding;
  comment: SuppressionComment;
}

/** Rules about records, the configuration or the tool itself: not debt of a decision's code. */
const NOT_DEBT: ReadonlySet<RuleId> = new Set<RuleId>([
  'decision-schema',
  'decision-reference',
  'decision-lifecycle',
  'decision-model',
  'decision-review',
  'decision-budget',
  'agent-instructions',
  'skipped-file',
  'unused-suppression',
]);

export function isDebtRule(rule: RuleId): boolean {
  return !NOT_DEBT.has(rule);
}

/**
 * The debt items of one state of the workspace.
 * @param open findings after inline suppressions and the baseline (any rule; non-debt rules are left out)
 */
export function debtItems(open: readonly Finding[], baseline: readonly BaselineEntry[], suppressed: readonly Suppressed[]): DebtItem[] {
  const items: DebtItem[] = [];
  for (const f of open) {
    if (!isDebtRule(f.rule)) continue;
    items.push({ kind: 'finding', rule: f.rule, file: f.file, line: f.range.start.line + 1, message: f.message, decision: f.decision?.id, key: `f\0${baselineKey(f)}` });
  }
  for (const e of baseline) {
    items.push({
      kind: 'baseline',
      rule: e.rule,
      file: e.file,
      ...(e.message !== undefined ? { message: e.message } : e.specifier !== undefined ? { message: `import "${e.specifier}"` } : {}),
      reason: e.reason,
      ...(e.expires ? { expires: e.expires } : {}),
      decision: e.decision,
      key: `b\0${baselineKey(e)}`,
    });
  }
  for (const { finding: f, comment: c } of suppressed) {
    items.push({
      kind: 'suppression',
      rule: f.rule,
      file: f.file,
      line: c.range.start.line + 1,
      message: f.message,
      reason: c.reason,
      decision: f.decision?.id,
      key: `s\0${f.file}\0${c.rule}\0${c.reason}\0${baselineKey(f)}`,
    });
  }
  return items;
}

export function zeroCounts(): DebtCounts {
  return { findings: 0, baseline: 0, suppressions: 0 };
}

const FIELD: Record<DebtKind, keyof DebtCounts> = { finding: 'findings', baseline: 'baseline', suppression: 'suppressions' };

/** Counts per decision id, and over everything (`total`, items of no decision included). */
export function countDebt(items: readonly DebtItem[]): { total: DebtCounts; byDecision: Map<number, DebtCounts> } {
  const total = zeroCounts();
  const byDecision = new Map<number, DebtCounts>();
  for (const item of items) {
    const field = FIELD[item.kind];
    total[field]++;
    if (item.decision === undefined) continue;
    let counts = byDecision.get(item.decision);
    if (!counts) byDecision.set(item.decision, (counts = zeroCounts()));
    counts[field]++;
  }
  return { total, byDecision };
}

export function debtSum(c: DebtCounts): number {
  return c.findings + c.baseline + c.suppressions;
}

/** The baseline entries that accept a finding now: neither expired nor left over from fixed code. */
export function matchedEntries(entries: readonly BaselineEntry[], outcome: Pick<BaselineOutcome, 'expired' | 'unused'>): BaselineEntry[] {
  const gone = new Set([...outcome.expired, ...outcome.unused]);
  return entries.filter((e) => !gone.has(e));
}
