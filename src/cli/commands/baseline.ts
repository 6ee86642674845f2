// `adrift baseline`: records today's findings in the baseline file so `adrift check` accepts
// them, for adopting Adrift on a codebase that already drifts. Entries that still match keep
// their reason and expiry; entries whose finding is gone are dropped.

import { buildBaseline, describeEntry, proposedDecisions, pruneBaseline, serializeBaseline, todayIso, DEFAULT_BASELINE_REASON } from '../../core/engine/baseline';
import { CheckSetupError, checkWorkspace, readBaseline } from '../../core/engine/check';
import type { RuleId } from '../../core/findings';
import { loadConfig } from '../../core/config';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../command';
import { baselineReasonAndExpiry, writeFiles } from '../workspace';

/** Problems in the records themselves are fixed, not accepted. */
const NOT_BASELINED: ReadonlySet<RuleId> = new Set(['decision-schema', 'decision-reference', 'decision-lifecycle', 'decision-model', 'decision-review', 'decision-budget', 'skipped-file', 'ratchet']);

export const baselineCommand: CliCommand = {
  name: 'baseline',
  summary: 'accept the current drift findings in a baseline file that `adrift check` honours',
  args: [],
  options: [
    { name: 'baseline', value: 'file', description: 'baseline file to write; default: `baseline` of .adrift.yaml' },
    { name: 'reason', value: 'text', description: `why these findings are accepted; default "${DEFAULT_BASELINE_REASON}"` },
    { name: 'expires', value: 'date', description: 'YYYY-MM-DD after which new entries stop suppressing' },
    { name: 'prune', description: 'only remove the entries that match no finding any more (the drift was fixed); add none' },
  ],
  details: 'Entries match findings by rule, file, modules and import specifier, not by line, so they survive edits.\nWrites YAML for a .yaml/.yml file name, JSON otherwise.',
  async run(ctx) {
    const { reason, expires } = baselineReasonAndExpiry(ctx);
    const config = await loadConfig(ctx.fs, ctx.cwd);
    const file = typeof ctx.options.baseline === 'string' ? ctx.options.baseline : config.baseline;
    try {
      const previous = await readBaseline(ctx.fs, ctx.cwd, file, false);
      const result = await checkWorkspace(ctx.fs, ctx.cwd, { decisions: ctx.decisionsFolder, baseline: false });
      const accepted = result.findings.filter((f) => !NOT_BASELINED.has(f.rule));
      if (ctx.options.prune) {
        if (!previous) throw new UsageError(`--prune: there is no baseline file ${file} to prune`);
        const pruned = pruneBaseline(accepted, previous.baseline, todayIso(), proposedDecisions(result.log));
        for (const e of pruned.removed) ctx.out(`removed: ${describeEntry(e)}`);
        if (pruned.removed.length > 0) await writeFiles(ctx, [{ path: file, text: serializeBaseline(pruned.baseline, file) }]);
        ctx.err(`${file}: ${pruned.removed.length} fixed entr${pruned.removed.length === 1 ? 'y' : 'ies'} removed, ${pruned.baseline.entries.length} kept`);
        return EXIT_OK;
      }
      const baseline = buildBaseline(accepted, previous?.baseline, reason, expires);
      await writeFiles(ctx, [{ path: file, text: serializeBaseline(baseline, file) }]);
      const kept = previous ? baseline.entries.filter((e) => previous.baseline.entries.includes(e)).length : 0;
      ctx.err(`wrote ${file}: ${baseline.entries.length} entr${baseline.entries.length === 1 ? 'y' : 'ies'} (${kept} kept from before)`);
      const left = result.findings.filter((f) => NOT_BASELINED.has(f.rule));
      const skipped = left.filter((f) => f.rule === 'skipped-file').length;
      const records = left.length - skipped;
      if (records > 0) ctx.err(`${records} finding${records === 1 ? '' : 's'} about the decision records themselves ${records === 1 ? 'is' : 'are'} not baselined: fix them (adrift lint)`);
      if (skipped > 0) ctx.err(`${skipped} note${skipped === 1 ? '' : 's'} about files Adrift could not read (minified, binary, too large) ${skipped === 1 ? 'is' : 'are'} not baselined: they are notes, not drift`);
      return EXIT_OK;
    } catch (err) {
      if (err instanceof CheckSetupError) {
        ctx.err(`adrift baseline: ${err.message}`);
        return EXIT_USAGE;
      }
      throw err;
    }
  },
};
