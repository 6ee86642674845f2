// `adrift new <kind> <title>`: a proposed record from the skeleton of its kind.

import { createRecord, EditError } from '../../core/records/edits';
import { DECISION_KINDS, type DecisionKind } from '../../core/records/types';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { applyChanges, listOption, loadLog } from '../workspace';

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'add a proposed decision record from a skeleton (general, technology, boundaries, build-vs-buy, evolution)',
  args: [
    { name: 'kind', description: `what sort of decision: ${DECISION_KINDS.join(', ')}` },
    { name: 'title', description: 'the decision as a short sentence; quote it, e.g. "Use PostgreSQL"' },
  ],
  options: [{ name: 'deciders', value: 'names', description: 'comma-separated deciders, e.g. "tech lead,ops"' }],
  details: 'The record gets the next free id and status proposed; edit it, then run "adrift status <id> accepted".',
  async run(ctx) {
    const kind = ctx.args.kind ?? '';
    if (!(DECISION_KINDS as readonly string[]).includes(kind)) throw new UsageError(`<kind> must be one of ${DECISION_KINDS.join(', ')} (got "${kind}")`);
    const log = await loadLog(ctx);
    const deciders = listOption(ctx, 'deciders');
    let change;
    try {
      change = createRecord(log, kind as DecisionKind, ctx.args.title ?? '', deciders ? { deciders } : {});
    } catch (err) {
      if (err instanceof EditError) throw new UsageError(err.message);
      throw err;
    }
    await applyChanges(ctx, [change]);
    ctx.out(`created ${change.path}`);
    return EXIT_OK;
  },
};
