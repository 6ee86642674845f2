// Adrift: Supersede Decision — the old record becomes superseded by a successor, either an
// existing record or a new one created on the spot (same kind, title to fill in). Both files
// change in one undoable edit.

import { createRecord, nextId, supersede } from '../../core/records/edits';
import { parseRecord } from '../../core/records/parse';
import type { DecisionKind, LoadedRecord } from '../../core/records/types';
import { padId } from '../views/decisionItems';
import { folderOfTarget, openRecord, optionsOf, pickDecision, pickFolder, type AdriftCommand, type CommandContext } from './context';
import type { PickItem } from './prompts';
import { applyRecordChanges, fresh, tryEdit } from './recordEdits';

export interface SupersedeArgs {
  folder: string;
  /** The record being replaced. */
  id: number;
  /** An existing record that replaces it. */
  by: number;
  /** Or: the title of a new record that replaces it. */
  newTitle: string;
  kind: DecisionKind;
}

const NEW_RECORD = Symbol('new record');

export class SupersedeCommand implements AdriftCommand {
  readonly id = 'adrift.supersede';
  constructor(private readonly ctx: CommandContext) {}

  async run(target?: unknown): Promise<{ superseded: number; by: number } | undefined> {
    const opts = optionsOf<SupersedeArgs>(target);
    const title = 'Supersede Decision';
    const folder = folderOfTarget(this.ctx, target) ?? (await pickFolder(this.ctx, opts.folder, title));
    if (!folder) return undefined;
    const old = await pickDecision(this.ctx, folder, opts.id ?? target, {
      title,
      placeHolder: 'Which decision is being replaced?',
      filter: (r) => r.record?.status === 'accepted' || r.record?.status === 'proposed' || r.record?.status === 'deprecated',
    });
    const oldRecord = old?.record;
    if (!old || !oldRecord) return undefined;
    const latest = fresh(this.ctx, folder);

    let successor: number | typeof NEW_RECORD | undefined = opts.by ?? (opts.newTitle ? NEW_RECORD : undefined);
    if (successor === undefined) {
      const items: PickItem<number | typeof NEW_RECORD>[] = [
        { label: '$(add) New decision record…', detail: 'Write the decision that replaces this one', value: NEW_RECORD },
        ...latest.log.records
          .filter((r): r is LoadedRecord & { record: NonNullable<LoadedRecord['record']> } => r.record !== undefined && r.record.id !== oldRecord.id && r.record.status !== 'superseded' && r.record.status !== 'rejected')
          .map((r) => ({ label: `${padId(r.record.id)} ${r.record.title}`, description: r.record.status, value: r.record.id })),
      ];
      successor = await this.ctx.prompter.pick(items, { title: `${title}: ${oldRecord.title}`, placeHolder: 'Which decision replaces it?' });
    }
    if (successor === undefined) return undefined;

    if (successor !== NEW_RECORD) {
      const by = successor;
      const changes = tryEdit(() => supersede(latest.log, oldRecord.id, by));
      if (!changes || !(await applyRecordChanges(this.ctx, latest, changes, `Decision ${by} supersedes ${oldRecord.id}`))) return undefined;
      return { superseded: oldRecord.id, by };
    }

    const newTitle =
      opts.newTitle ??
      (await this.ctx.prompter.input({
        title: `${title}: ${oldRecord.title}`,
        prompt: 'Title of the new decision that replaces it',
        value: oldRecord.title,
        validate: (text) => (text.trim() ? undefined : 'A decision needs a title.'),
      }));
    if (!newTitle?.trim()) return undefined;
    const kind = opts.kind ?? oldRecord.kind ?? 'general';
    // The new record exists only in memory until the one edit that writes both files.
    const created = tryEdit(() => createRecord(latest.log, kind, newTitle, { id: nextId(latest.log) }));
    if (!created) return undefined;
    const withNew = { ...latest.log, records: [...latest.log.records, parseRecord(created.path, created.text)] };
    const newId = nextId(latest.log);
    const changes = tryEdit(() => supersede(withNew, oldRecord.id, newId));
    if (!changes || !(await applyRecordChanges(this.ctx, latest, changes, `Decision ${newId} supersedes ${oldRecord.id}`))) return undefined;
    await openRecord(this.ctx, latest, created.path);
    return { superseded: oldRecord.id, by: newId };
  }
}
