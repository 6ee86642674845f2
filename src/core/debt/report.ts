// The debt ledger as people and tools read it: text for a terminal, Markdown for a pull
// request or a wiki page, JSON for scripts. All three take the same ledger.

import { formatFindingLine } from '../findings';
import { jsonFinding } from '../report/json';
import { padId } from '../records/naming';
import { debtSum, type DebtCounts } from './debt';
import { trendOf, type AgedItem, type DebtLedger, type DecisionDebt } from './ledger';

export const DEBT_FORMATS = ['text', 'json', 'markdown'] as const;
export type DebtFormat = (typeof DEBT_FORMATS)[number];

const BARS = '▁▂▃▄▅▆▇█';

/** A one-line sparkline of the totals, oldest first. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(...values, 0);
  const min = Math.min(...values, max);
  return values.map((v) => BARS[max === min ? 0 : Math.round(((v - min) / (max - min)) * (BARS.length - 1))]).join('');
}

function date(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function age(item: AgedItem): string {
  return `${item.olderThanWalk ? 'before' : 'since'} ${date(item.since.time)} (${item.since.commit.slice(0, 7)})`;
}

function countsText(c: DebtCounts): string {
  return `${c.findings} open, ${c.baseline} baselined, ${c.suppressions} suppressed`;
}

function trendText(values: readonly number[]): string {
  if (values.length <= 1) return `${values[0] ?? 0}`;
  return `${values[0]} → ${values[values.length - 1]} ${sparkline(values)}`;
}

function budgetText(d: DecisionDebt): string {
  if (!d.budget) return '';
  const parts = (['findings', 'baseline', 'suppressions'] as const).flatMap((k) =>
    d.budget?.[k] === undefined ? [] : [`${k} ${d.now[k]}/${d.budget[k]}${d.now[k] > (d.budget[k] ?? 0) ? ' OVER' : ''}`],
  );
  return ` — budget: ${parts.join(', ')}`;
}

function itemText(item: AgedItem): string {
  const where = item.line !== undefined ? `${item.file}:${item.line}` : item.file;
  const why = item.reason !== undefined ? ` — "${item.reason}"` : '';
  const until = item.expires ? ` (expires ${item.expires})` : '';
  return `    ${item.kind.padEnd(11)} ${item.rule} ${where}${item.message ? `: ${item.message}` : ''}${why}${until}, ${age(item)}`;
}

function span(ledger: DebtLedger): string {
  const oldest = ledger.points[ledger.points.length - 1];
  return `${ledger.points.length} commit${ledger.points.length === 1 ? '' : 's'} (${date(oldest.time)} … ${date(ledger.points[0].time)})`;
}

export function formatLedgerText(ledger: DebtLedger): string {
  const budget = ledger.overBudget;
  const lines = [`Debt of ${ledger.decisions.length} accepted decision${ledger.decisions.length === 1 ? '' : 's'} at ${ledger.head.slice(0, 7)}${ledger.branch ? ` (${ledger.branch})` : ''}, trend over ${span(ledger)}, oldest → now`];
  for (const d of ledger.decisions) {
    lines.push('', `ADR-${padId(d.id)} ${d.title}: ${countsText(d.now)}${budgetText(d)}`, `  trend: ${trendText(trendOf(ledger, d.id).map(debtSum))}`);
    for (const item of d.items) lines.push(itemText(item));
  }
  if (ledger.unattributed.length > 0) {
    lines.push('', `No decision (${ledger.unattributed.length}):`);
    for (const item of ledger.unattributed) lines.push(itemText(item));
  }
  const total = ledger.points[0].total;
  lines.push('', `Workspace: ${countsText(total)}; trend: ${trendText(trendOf(ledger).map(debtSum))}`);
  for (const f of budget) lines.push(formatFindingLine(f));
  if (ledger.bounded) lines.push(`note: ${ledger.bounded}`);
  lines.push(
    `walked ${ledger.stats.commits} commits in ${(ledger.stats.durationMs / 1000).toFixed(2)} s (${ledger.stats.blobsRead} blobs read, ${ledger.stats.extracted} extracted, ${ledger.stats.rebuilds} full scans)`,
  );
  return lines.join('\n');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatLedgerMarkdown(ledger: DebtLedger): string {
  const budget = ledger.overBudget;
  const lines = [
    `### Decision debt at \`${ledger.head.slice(0, 7)}\``,
    '',
    `Trend over ${span(ledger)}, oldest → now.`,
    '',
    '| Decision | Open | Baselined | Suppressed | Trend | Budget |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const d of ledger.decisions) {
    lines.push(`| ADR-${padId(d.id)} ${cell(d.title)} | ${d.now.findings} | ${d.now.baseline} | ${d.now.suppressions} | ${trendText(trendOf(ledger, d.id).map(debtSum))} | ${cell(budgetText(d).replace(/^ — budget: /, ''))} |`);
  }
  const total = ledger.points[0].total;
  lines.push(`| **Workspace** | ${total.findings} | ${total.baseline} | ${total.suppressions} | ${trendText(trendOf(ledger).map(debtSum))} | |`);
  if (budget.length > 0) {
    lines.push('', '**Over budget**', '');
    for (const f of budget) lines.push(`- \`${f.file}:${f.range.start.line + 1}\` ${cell(f.message)}`);
  }
  for (const d of ledger.decisions.filter((x) => x.items.length > 0)) {
    lines.push('', `<details><summary>ADR-${padId(d.id)} ${cell(d.title)}: ${d.items.length} item${d.items.length === 1 ? '' : 's'}</summary>`, '');
    for (const item of d.items) lines.push(`- ${item.kind} \`${item.rule}\` \`${item.line !== undefined ? `${item.file}:${item.line}` : item.file}\`${item.reason !== undefined ? ` — ${cell(item.reason)}` : ''}, ${age(item)}`);
    lines.push('', '</details>');
  }
  if (ledger.bounded) lines.push('', `_${ledger.bounded}_`);
  return lines.join('\n');
}

export function formatLedgerJson(ledger: DebtLedger): string {
  const budget = ledger.overBudget;
  return JSON.stringify({ ...ledger, overBudget: budget.map(jsonFinding) }, null, 2);
}

export function formatLedger(format: DebtFormat, ledger: DebtLedger): string {
  return format === 'json' ? formatLedgerJson(ledger) : format === 'markdown' ? formatLedgerMarkdown(ledger) : formatLedgerText(ledger);
}
