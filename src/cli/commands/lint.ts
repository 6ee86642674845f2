// `adrift lint`: every problem in the decision records, as file:line:col rule message.

import { planAgentFiles } from '../../core/agents/instructions';
import { loadConfig, type AdriftConfig } from '../../core/config';
import { budgetFindings } from '../../core/debt/budget';
import { countDebt, debtItems } from '../../core/debt/debt';
import { readBaseline } from '../../core/engine/check';
import type { DecisionLog } from '../../core/records/types';
import { jsonFinding } from '../../core/report/json';
import { EXIT_FINDINGS, EXIT_OK, type CliCommand, type CommandContext } from '../command';
import { configuredFindings, printFindings, requireLog } from '../workspace';

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'check the decision records: schema, references between records and to modules, lifecycle, the modules they declare together, what a reviewer checks',
  args: [],
  options: [{ name: 'json', description: 'print the findings as JSON, each as in `check --format json` (1-based lines and columns)' }],
  details: 'Exits 1 when a finding is an error; warnings (e.g. a review_by date in the past) alone exit 0.\nSeverities follow `severity` in .adrift.yaml.',
  async run(ctx) {
    const log = await requireLog(ctx);
    const config = await loadConfig(ctx.fs, ctx.cwd);
    const agentFiles = (await planAgentFiles(ctx.fs, ctx.cwd, config.agentFiles, log)).flatMap((p) => p.findings);
    const findings = await configuredFindings(ctx, [...log.findings, ...agentFiles, ...(await baselineBudgetFindings(ctx, log, config))]);
    if (ctx.options.json) ctx.out(JSON.stringify(findings.map(jsonFinding), null, 2));
    else printFindings(ctx, findings);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const broken = log.records.filter((r) => !r.record).length;
    ctx.err(`${log.records.length} record${log.records.length === 1 ? '' : 's'} in ${log.folderRelative}${broken ? ` (${broken} unusable)` : ''}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

/**
 * Budgets of baseline entries, which the records and the baseline file alone decide; budgets
 * of open and suppressed findings need a scan of the code (`adrift check`).
 */
async function baselineBudgetFindings(ctx: CommandContext, log: DecisionLog, config: AdriftConfig) {
  if (!log.records.some((r) => r.record?.enforce?.budget?.baseline !== undefined)) return [];
  const baseline = await readBaseline(ctx.fs, ctx.cwd, config.baseline, false).catch(() => undefined);
  const counts = countDebt(debtItems([], baseline?.baseline.entries ?? [], [])).byDecision;
  return budgetFindings(log, counts, { severities: config.severity, fields: ['baseline'] });
}
