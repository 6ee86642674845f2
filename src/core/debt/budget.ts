// `enforce.budget`: the most debt an accepted decision accepts. Over it is a decision-budget
// finding on the record's budget key, so check, lint and the editor show it where the number
// was written, with the trend when the caller knows one (`adrift debt` walks the history).

import type { Finding } from '../findings';
import { padId } from '../records/naming';
import { refOf } from '../records/ref';
import type { DebtBudget, DecisionLog } from '../records/types';
import { severityFor, type RuleSeverities } from '../engine/rules/severity';
import type { DebtCounts } from './debt';

const WORDS: Record<keyof DebtBudget, [string, string]> = {
  findings: ['open finding', 'open findings'],
  baseline: ['baseline entry', 'baseline entries'],
  suppressions: ['suppressed finding', 'suppressed findings'],
};
const FIELDS = Object.keys(WORDS) as (keyof DebtBudget)[];

/** Earlier counts of a decision, oldest first, with what they span ("the last 12 commits"). */
export interface BudgetTrend {
  counts: DebtCounts[];
  span: string;
}

export interface BudgetOptions {
  severities?: RuleSeverities;
  /** Per decision id, the counts before now, oldest first. */
  trends?: ReadonlyMap<number, BudgetTrend>;
  /** Only these budgets (lint, which does not scan the code, checks the baseline's alone). */
  fields?: readonly (keyof DebtBudget)[];
}

/** Some accepted record sets a debt budget that is reported: else budgetFindings finds nothing, and the debt need not be counted. */
export function hasBudgets(log: DecisionLog, severities: RuleSeverities | undefined): boolean {
  return severityFor('decision-budget', severities) !== 'off' && log.records.some((r) => r.record?.status === 'accepted' && r.record.enforce?.budget !== undefined);
}

/**
 * A finding for each budget of an accepted record that `now` exceeds.
 * @param now debt counts per decision id (a decision with no debt may be absent)
 */
export function budgetFindings(log: DecisionLog, now: ReadonlyMap<number, DebtCounts>, options: BudgetOptions = {}): Finding[] {
  const { severities, trends, fields = FIELDS } = options;
  const severity = severityFor('decision-budget', severities);
  if (severity === 'off') return [];
  const out: Finding[] = [];
  for (const r of log.records) {
    const budget = r.record?.enforce?.budget;
    if (!budget || r.record?.status !== 'accepted') continue;
    const counts = now.get(r.record.id) ?? { findings: 0, baseline: 0, suppressions: 0 };
    for (const field of fields) {
      const limit = budget[field];
      if (limit === undefined || counts[field] <= limit) continue;
      const range = r.rangeOf(['enforce', 'budget', field]);
      const [one, many] = WORDS[field];
      const trend = trends?.get(r.record.id);
      const history = trend && trend.counts.length > 0 ? `; ${trend.span}: ${[...trend.counts.map((c) => c[field]), counts[field]].join(' → ')}` : '';
      out.push({
        rule: 'decision-budget',
        severity,
        file: r.file,
        range,
        message: `ADR-${padId(r.record.id)} "${r.record.title}" is over its debt budget: ${counts[field]} ${counts[field] === 1 ? one : many}, budget ${limit}${history}`,
        decision: refOf(r, range.start.line),
        fixes: [field === 'findings' ? 'fix the findings that break the decision' : field === 'baseline' ? 'fix baselined findings and run adrift baseline --prune' : 'fix the code behind the adrift-ignore comments', 'or raise the budget in a new proposed record', 'adrift debt lists the items and their trend'],
      });
    }
  }
  return out;
}
