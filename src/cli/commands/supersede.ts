// `adrift supersede <old> <new>`: both records change together, nothing else does.

import { EditError, supersede } from '../../core/records/edits';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { applyChanges, parseId, requireLog } from '../workspace';

export const supersedeCommand: CliCommand = {
  name: 'supersede',
  summary: 'mark record <old> as superseded by record <new> (both files change)',
  args: [
    { name: 'old', description: 'the record being replaced' },
    { name: 'new', description: 'the record that replaces it' },
  ],
  options: [],
  details: '<old> gets status superseded, superseded_by <new> and today\'s date; <new> lists <old> in supersedes.',
  async run(ctx) {
    const oldId = parseId(ctx.args.old, '<old>');
    const newId = parseId(ctx.args.new, '<new>');
    const log = await requireLog(ctx);
    try {
      const changes = supersede(log, oldId, newId);
      await applyChanges(ctx, changes);
      for (const c of changes) ctx.out(`updated ${c.path}`);
      const successor = log.records.find((r) => r.record?.id === newId)?.record;
      if (successor && successor.status !== 'accepted') ctx.out(`note: record ${newId} is ${successor.status}; accept it with "adrift status ${newId} accepted"`);
    } catch (err) {
      if (err instanceof EditError) throw new UsageError(err.message);
      throw err;
    }
    return EXIT_OK;
  },
};
