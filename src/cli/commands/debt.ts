// `adrift debt`: the debt ledger of each accepted decision — open findings, baseline entries
// and suppressions with their reasons and ages, and the trend over the last commits — read
// from git objects, never a checkout.

import { DEFAULT_HISTORY, debtLedger, MAX_HISTORY } from '../../core/debt/ledger';
import { DEBT_FORMATS, formatLedger, type DebtFormat } from '../../core/debt/report';
import { GitError } from '../../core/git/port';
import { NodeGit } from '../../core/git/node';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../command';

export const debtCommand: CliCommand = {
  name: 'debt',
  summary: "the debt ledger of each accepted decision: open findings, baseline entries and suppressions with their ages, and the trend over the last commits",
  args: [],
  options: [
    { name: 'history', value: 'n', description: `walk the last n commits that touched this folder; default ${DEFAULT_HISTORY}, at most ${MAX_HISTORY}` },
    { name: 'since', value: 'date', description: 'walk the commits after this date instead (2026-10-01, "3 months ago")' },
    { name: 'format', value: 'f', description: 'output format; default text', choices: DEBT_FORMATS },
  ],
  details: [
    'Reads every version from git objects (git cat-file, git diff-tree): the work tree is never',
    'changed, and uncommitted changes are not part of the ledger (HEAD is "now").',
    'An item\'s age is the oldest commit of the walk from which on it is present without a break;',
    '"before <date>" when it is in the oldest commit walked and the history goes further back.',
    'Exits 1 when a decision is over its `enforce.budget`, 2 when git or the history is missing.',
  ].join('\n'),
  async run(ctx) {
    const format = (ctx.options.format ?? 'text') as DebtFormat;
    const history = ctx.options.history;
    if (history !== undefined && ctx.options.since !== undefined) throw new UsageError('give --history or --since, not both');
    if (history !== undefined && (typeof history !== 'string' || !/^\d+$/.test(history) || Number(history) < 1)) {
      throw new UsageError(`--history takes a number of commits, 1 or more (got "${String(history)}")`);
    }
    if (ctx.options.since === true) throw new UsageError('--since takes a date, such as 2026-10-01 or "3 months ago"');
    if (history !== undefined && Number(history) > MAX_HISTORY) ctx.err(`adrift debt: --history ${history} is over the bound; walking the newest ${MAX_HISTORY} commits`);
    try {
      const ledger = await debtLedger(new NodeGit(ctx.cwd), ctx.cwd, {
        ...(history !== undefined ? { history: Math.min(Number(history), MAX_HISTORY) } : {}),
        ...(typeof ctx.options.since === 'string' ? { since: ctx.options.since } : {}),
        ...(ctx.decisionsFolder !== undefined ? { decisions: ctx.decisionsFolder } : {}),
      });
      ctx.out(formatLedger(format, ledger));
      return ledger.overBudget.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
    } catch (err) {
      if (err instanceof GitError) {
        ctx.err(`adrift debt: ${err.message}`);
        return EXIT_USAGE;
      }
      throw err;
    }
  },
};
