// `adrift status <id> <status>`: change a record's status (and its date). Accepting a record
// that supersedes others marks them superseded in the same write.

import { EditError, setStatus } from '../../core/records/edits';
import { DECISION_STATUSES, type DecisionStatus } from '../../core/records/types';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { applyChanges, parseId, requireLog } from '../workspace';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'change the status of a record (proposed, accepted, rejected, deprecated)',
  args: [
    { name: 'id', description: 'the record number' },
    { name: 'status', description: DECISION_STATUSES.join(', ') },
  ],
  options: [],
  details: 'Also sets `date` to today. Accepting a record that lists others in `supersedes` marks them superseded (superseded_by <id>) in the same write. To replace a record, use "adrift supersede <old> new".',
  async run(ctx) {
    const id = parseId(ctx.args.id, '<id>');
    const status = ctx.args.status ?? '';
    if (!(DECISION_STATUSES as readonly string[]).includes(status)) throw new UsageError(`<status> must be one of ${DECISION_STATUSES.join(', ')} (got "${status}")`);
    const log = await requireLog(ctx);
    try {
      const changes = setStatus(log, id, status as DecisionStatus);
      await applyChanges(ctx, changes);
      if (changes.length === 0) ctx.out(`record ${id} is already ${status}`);
      else {
        ctx.out(`${changes[0].path}: status ${status}`);
        for (const c of changes.slice(1)) ctx.out(`${c.path}: status superseded (superseded_by ${id})`);
      }
    } catch (err) {
      if (err instanceof EditError) throw new UsageError(err.message);
      throw err;
    }
    return EXIT_OK;
  },
};
