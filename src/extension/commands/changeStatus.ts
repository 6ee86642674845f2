// Adrift: Change Decision Status — pick a record (or get it from the tree / a CodeLens), pick
// its new status. Choosing "superseded" continues as Supersede Decision, which needs the successor;
// choosing "accepted" for a successor also retires the records it supersedes (see setStatus).

import { setStatus } from '../../core/records/edits';
import { DECISION_STATUSES, type DecisionStatus } from '../../core/records/types';
import { folderOfTarget, optionsOf, pickDecision, pickFolder, type AdriftCommand, type CommandContext } from './context';
import type { PickItem } from './prompts';
import { applyRecordChanges, fresh, tryEdit } from './recordEdits';
import { SupersedeCommand } from './supersede';

const STATUS_HELP: Record<DecisionStatus, [icon: string, detail: string]> = {
  proposed: ['lightbulb', 'Open for discussion; not yet checked in code'],
  accepted: ['pass', 'In force: its modules and rules are checked in code'],
  rejected: ['circle-slash', 'Considered and turned down'],
  deprecated: ['archive', 'No longer in force, with nothing replacing it'],
  superseded: ['replace', 'Replaced by another decision (asks which, or proposes one; this one holds until it is accepted)'],
};

export interface ChangeStatusArgs {
  folder: string;
  id: number;
  status: DecisionStatus;
  /** For status superseded: the id of the record that replaces it. */
  by: number;
}

export class ChangeStatusCommand implements AdriftCommand {
  readonly id = 'adrift.changeStatus';
  constructor(private readonly ctx: CommandContext) {}

  async run(target?: unknown, statusArg?: unknown): Promise<DecisionStatus | undefined> {
    const opts = optionsOf<ChangeStatusArgs>(target);
    const title = 'Change Decision Status';
    const folder = folderOfTarget(this.ctx, target) ?? (await pickFolder(this.ctx, opts.folder, title));
    if (!folder) return undefined;
    const record = await pickDecision(this.ctx, folder, opts.id ?? target, { title, placeHolder: 'Which decision?' });
    const current = record?.record;
    if (!record || !current) return undefined;
    const given = opts.status ?? (typeof statusArg === 'string' ? (statusArg as DecisionStatus) : undefined);
    const items: PickItem<DecisionStatus>[] = DECISION_STATUSES.filter((s) => s !== current.status).map((s) => ({
      label: `$(${STATUS_HELP[s][0]}) ${s}`,
      detail: STATUS_HELP[s][1],
      value: s,
    }));
    const status = given && (DECISION_STATUSES as readonly string[]).includes(given) ? given : await this.ctx.prompter.pick(items, { title: `${title}: ${current.title}`, placeHolder: `Now ${current.status}. New status?` });
    if (!status) return undefined;
    if (status === 'superseded') {
      const done = await new SupersedeCommand(this.ctx).run({ folder: folder.root, id: current.id, ...(opts.by !== undefined ? { by: opts.by } : {}) });
      return done && !done.oldInForce ? 'superseded' : undefined;
    }
    const latest = fresh(this.ctx, folder);
    const changes = tryEdit(() => setStatus(latest.log, current.id, status));
    if (!changes || !(await applyRecordChanges(this.ctx, latest, changes, `Decision ${current.id}: ${status}`))) return undefined;
    return status;
  }
}
