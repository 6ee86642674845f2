// `adrift supersede <old> <new|new>`: a successor for a record. With `new`, a proposed record
// pre-filled from <old> is written and <old> stays in force until it is accepted; with an
// existing record, it lists <old> in its supersedes, and <old> is retired at once only when
// that record is already accepted.

import { EditError, proposeSuccessor, supersede } from '../../core/records/edits';
import type { FileChange } from '../../core/records/types';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { applyChanges, parseId, requireLog } from '../workspace';

export const supersedeCommand: CliCommand = {
  name: 'supersede',
  summary: 'replace record <old>: write a proposed successor (<new> = new) or link an existing record',
  args: [
    { name: 'old', description: 'the record being replaced' },
    { name: 'new', description: 'the record that replaces it, or "new" to write a proposed successor pre-filled from <old>' },
  ],
  options: [{ name: 'title', value: 'text', description: 'with "new": the title of the successor (default: the title of <old>)' }],
  details: [
    '<old> stays accepted, and its rules stay in force, until its successor is accepted:',
    '"adrift status <new> accepted" then marks <old> superseded (superseded_by <new>) in the same write.',
    'With an existing <new> that is already accepted, both records change now.',
  ].join('\n'),
  async run(ctx) {
    const oldId = parseId(ctx.args.old, '<old>');
    const fresh = (ctx.args.new ?? '').toLowerCase() === 'new';
    const newId = fresh ? undefined : parseId(ctx.args.new, '<new>');
    const log = await requireLog(ctx);
    let changes: FileChange[];
    try {
      changes = newId === undefined ? [proposeSuccessor(log, oldId, typeof ctx.options.title === 'string' ? { title: ctx.options.title } : {})] : supersede(log, oldId, newId);
    } catch (err) {
      if (err instanceof EditError) throw new UsageError(err.message);
      throw err;
    }
    await applyChanges(ctx, changes);
    if (newId === undefined) {
      const id = /(\d+)-[^/]*$/.exec(changes[0].path)?.[1];
      ctx.out(`created ${changes[0].path}`);
      ctx.out(`record ${oldId} stays in force until its successor is accepted: edit ${changes[0].path}, then run "adrift status ${Number(id)} accepted"`);
      return EXIT_OK;
    }
    for (const c of changes) ctx.out(`updated ${c.path}`);
    const successor = log.records.find((r) => r.record?.id === newId)?.record;
    if (successor && successor.status !== 'accepted') ctx.out(`record ${oldId} stays in force until record ${newId} (${successor.status}) is accepted: "adrift status ${newId} accepted"`);
    return EXIT_OK;
  },
};
