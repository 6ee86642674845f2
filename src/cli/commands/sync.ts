// `adrift sync`: the accepted module boundaries against today's imports. Writes one new
// proposed record that would allow the new edges and drop the allowances no import uses;
// no accepted record is edited (dropping an allowance supersedes the records that grant it,
// once the proposal is accepted).

import { compareBoundaries, leftOutReason, proposeSync, type SyncReport } from '../../core/adopt';
import { CheckSetupError, checkWorkspace, readBaseline } from '../../core/engine/check';
import { nextId } from '../../core/records/edits';
import { todayUtc } from '../../core/records/store';
import { ContentError, EXIT_OK, EXIT_USAGE, type CliCommand } from '../command';
import { absolute, applyChanges, listOption } from '../workspace';

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'propose a record that brings the accepted module boundaries up to date with the code',
  args: [],
  options: [
    { name: 'keep-unused', description: 'only allow the new edges; keep allowances no import uses' },
    { name: 'deciders', value: 'names', description: 'comma-separated deciders of the proposed record' },
    { name: 'dry-run', description: 'print the proposed record, write nothing' },
  ],
  details: [
    'New edges are imports between modules that no accepted decision allows. An allowance no import uses',
    'can only go by superseding every record that grants it: the proposed record then restates what those',
    'records enforce, without it, and they stay in force until the proposal is accepted (`adrift status <id> accepted`).',
    'A new edge that would close a cycle of allowed dependencies, or that the layers forbid, is left out and',
    'named ("left out"): its imports stay findings; break the cycle in the code or accept them in the baseline.',
    'Writes nothing when the boundaries match the code.',
  ].join('\n'),
  async run(ctx) {
    let result;
    let baseline;
    try {
      result = await checkWorkspace(ctx.fs, ctx.cwd, { decisions: ctx.decisionsFolder, baseline: false });
      baseline = (await readBaseline(ctx.fs, ctx.cwd, result.config.baseline, false))?.baseline;
    } catch (err) {
      if (err instanceof CheckSetupError) {
        ctx.err(`adrift sync: ${err.message}`);
        return EXIT_USAGE;
      }
      throw err;
    }
    if (result.model.modules.size === 0) throw new ContentError('no accepted record declares modules; run `adrift init --from-code` to propose them from the code');
    const id = nextId(result.log);
    const keepUnused = ctx.options['keep-unused'] === true;
    const proposal = proposeSync(result.index, result.log, { id, date: todayUtc(), baseline, keepUnused, deciders: listOption(ctx, 'deciders') });
    if (!proposal) {
      const report = compareBoundaries(result.index, result.log, { baseline, keepUnused });
      const debt = report.baselined.reduce((n, e) => n + e.count, 0);
      if (report.leftOut.length > 0) {
        printLeftOut(ctx.out, report);
        ctx.out(`Nothing to propose: no accepted decision allows ${report.leftOut.length === 1 ? 'this pair' : 'these pairs'}, and a \`uses\` would not make ${report.leftOut.length === 1 ? 'it' : 'them'} right. Nothing was written.`);
      } else {
        ctx.out(`The accepted boundaries match the code (${result.model.modules.size} modules, ${result.stats.files} source files): nothing to propose.`);
      }
      if (debt > 0) ctx.out(`${debt} import${debt === 1 ? '' : 's'} between modules ${debt === 1 ? 'is' : 'are'} accepted by the baseline for now.`);
      return EXIT_OK;
    }
    for (const e of proposal.newEdges) ctx.out(`new edge     ${e.from} → ${e.to}: ${e.count} import${e.count === 1 ? '' : 's'}, most in ${topFiles(e)}`);
    printLeftOut(ctx.out, proposal);
    const debt = proposal.baselined.reduce((n, e) => n + e.count, 0);
    if (debt > 0) ctx.out(`baselined    ${debt} import${debt === 1 ? '' : 's'} in ${proposal.baselined.length} pair${proposal.baselined.length === 1 ? '' : 's'} the baseline accepts for now: not proposed`);
    for (const u of proposal.unused) ctx.out(`unused       ${u.from} → ${u.to}: allowed by record ${u.grantedBy.join(', ')}, imported nowhere`);
    if (proposal.pending !== undefined) {
      ctx.out(`Record ${proposal.pending} (proposed) already proposes exactly this: review it, then \`adrift status ${proposal.pending} accepted\` or rejected. Nothing was written.`);
      return EXIT_OK;
    }
    if (await ctx.fs.stat(absolute(ctx, proposal.recordPath))) throw new ContentError(`${proposal.recordPath} exists; nothing was written`);
    if (ctx.options['dry-run']) {
      ctx.out(`would write ${proposal.recordPath}\n`);
      ctx.out(proposal.recordText.trimEnd());
      return EXIT_OK;
    }
    await applyChanges(ctx, [{ path: proposal.recordPath, text: proposal.recordText }]);
    const supersedes = proposal.record.supersedes ?? [];
    ctx.out(`created ${proposal.recordPath} (proposed${supersedes.length > 0 ? `; supersedes ${supersedes.join(', ')} once accepted` : ''})`);
    ctx.out(`Next: review it, then \`adrift status ${id} accepted\`, or reject it and change the code.`);
    return EXIT_OK;
  },
};

function topFiles(e: SyncReport['newEdges'][number]): string {
  return e.topFiles.map((f) => `${f.file}:${f.line} (${f.count})`).join(', ');
}

/** The pairs no `uses` is proposed for, each with why and what stays reported. */
function printLeftOut(out: (line: string) => void, report: Pick<SyncReport, 'leftOut'>): void {
  for (const e of report.leftOut) out(`left out     ${e.from} → ${e.to}: ${e.count} import${e.count === 1 ? '' : 's'}, most in ${topFiles(e)}; not proposed: ${leftOutReason(e)}`);
}
