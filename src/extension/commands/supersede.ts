// Adrift: Supersede Decision — a successor for a record: a new proposed record pre-filled
// from it, or an existing record. The old record stays in force until the successor is
// accepted (Accept / Change Decision Status), which then marks it superseded in one edit.

import * as vscode from 'vscode';
import { nextId, proposeSuccessor, supersede } from '../../core/records/edits';
import type { LoadedRecord } from '../../core/records/types';
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
}

export interface SupersedeResult {
  old: number;
  successor: number;
  /** The old record still holds: the successor is proposed, and accepting it retires the old one. */
  oldInForce: boolean;
}

const NEW_RECORD = Symbol('new record');

export class SupersedeCommand implements AdriftCommand {
  readonly id = 'adrift.supersede';
  constructor(private readonly ctx: CommandContext) {}

  async run(target?: unknown): Promise<SupersedeResult | undefined> {
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
          .filter((r): r is LoadedRecord & { record: NonNullable<LoadedRecord['record']> } => r.record !== undefined && r.record.id !== oldRecord.id && (r.record.status === 'accepted' || r.record.status === 'proposed'))
          .map((r) => ({ label: `${padId(r.record.id)} ${r.record.title}`, description: r.record.status, value: r.record.id })),
      ];
      successor = await this.ctx.prompter.pick(items, { title: `${title}: ${oldRecord.title}`, placeHolder: 'Which decision replaces it?' });
    }
    if (successor === undefined) return undefined;

    if (successor !== NEW_RECORD) {
      const by = successor;
      const changes = tryEdit(() => supersede(latest.log, oldRecord.id, by));
      if (!changes || !(await applyRecordChanges(this.ctx, latest, changes, `Decision ${by} supersedes ${oldRecord.id}`))) return undefined;
      const accepted = latest.log.records.find((r) => r.record?.id === by)?.record?.status === 'accepted';
      if (!accepted) this.stillInForce(oldRecord.id, by);
      return { old: oldRecord.id, successor: by, oldInForce: !accepted };
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
    const newId = nextId(latest.log);
    const created = tryEdit(() => proposeSuccessor(latest.log, oldRecord.id, { id: newId, title: newTitle }));
    if (!created || !(await applyRecordChanges(this.ctx, latest, [created], `Propose a successor of decision ${oldRecord.id}`))) return undefined;
    await openRecord(this.ctx, latest, created.path);
    this.stillInForce(oldRecord.id, newId);
    return { old: oldRecord.id, successor: newId, oldInForce: true };
  }

  private stillInForce(old: number, successor: number): void {
    void vscode.window.showInformationMessage(`Adrift: decision ${padId(successor)} is proposed; decision ${padId(old)} stays in force until you accept ${padId(successor)}.`);
  }
}
