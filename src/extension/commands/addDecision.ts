// Adrift: Add Decision Record — kind, then title, then the new record opens, written from the
// kind's skeleton with the next free id.

import { createRecord } from '../../core/records/edits';
import { DECISION_KINDS, type DecisionKind } from '../../core/records/types';
import { ensureDecisionsFolder, openRecord, optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';
import type { PickItem } from './prompts';
import { applyRecordChanges, fresh, tryEdit } from './recordEdits';

export const KIND_ITEMS: readonly PickItem<DecisionKind>[] = [
  { label: '$(note) General', description: 'general', detail: 'Any architecture decision: context, options, the choice and why', value: 'general' },
  { label: '$(database) Technology choice', description: 'technology', detail: 'Database, queue, file storage, auth …: options with pros and cons; ruled-out packages can be forbidden', value: 'technology' },
  { label: '$(type-hierarchy) Module boundaries', description: 'boundaries', detail: 'Domain modules, their folders, the data they own and which module may use which', value: 'boundaries' },
  { label: '$(package) Build vs buy', description: 'build-vs-buy', detail: 'Per capability: build it or buy it, and from whom', value: 'build-vs-buy' },
  { label: '$(milestone) Evolution', description: 'evolution', detail: 'v1, v2, v3 of the architecture and the trigger for each step', value: 'evolution' },
];

export interface AddDecisionArgs {
  folder: string;
  kind: DecisionKind;
  title: string;
}

export class AddDecisionCommand implements AdriftCommand {
  readonly id = 'adrift.addDecision';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<string | undefined> {
    const opts = optionsOf<AddDecisionArgs>(arg);
    const title = 'Add Decision Record';
    const folder = await pickFolder(this.ctx, opts.folder ?? arg, title);
    if (!folder || !(await ensureDecisionsFolder(this.ctx, folder))) return undefined;
    const kind = opts.kind && (DECISION_KINDS as readonly string[]).includes(opts.kind) ? opts.kind : await this.ctx.prompter.pick(KIND_ITEMS, { title, step: 1, totalSteps: 2, placeHolder: 'What kind of decision?' });
    if (!kind) return undefined;
    const name =
      opts.title ??
      (await this.ctx.prompter.input({
        title,
        step: 2,
        totalSteps: 2,
        prompt: 'Title of the decision, as a short sentence of what was decided',
        placeHolder: kind === 'technology' ? 'e.g. Use PostgreSQL for tenant data' : 'e.g. Split the help desk into five domain modules',
        validate: (text) => (text.trim() ? undefined : 'A decision needs a title.'),
      }));
    if (!name?.trim()) return undefined;
    const current = fresh(this.ctx, folder);
    const change = tryEdit(() => createRecord(current.log, kind, name));
    if (!change || !(await applyRecordChanges(this.ctx, current, [change], 'Add decision record'))) return undefined;
    await openRecord(this.ctx, current, change.path);
    return change.path;
  }
}
