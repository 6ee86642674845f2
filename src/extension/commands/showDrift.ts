// Adrift: Show Drift over Time — the debt chart of a decision (from the Decisions view's menu
// on an accepted record) or of the whole workspace (from the palette or the view's title).

import { isDecisionNode, optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';

export class ShowDriftCommand implements AdriftCommand {
  readonly id = 'adrift.showDrift';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<boolean> {
    if (isDecisionNode(arg) && arg.kind === 'decision') {
      this.ctx.drift.show(arg.folder, arg.entry.id);
      return true;
    }
    const opts = optionsOf<{ folder: string; decision: number }>(arg);
    const folder = await pickFolder(this.ctx, opts.folder ?? arg, 'Show Drift over Time');
    if (!folder) return false;
    this.ctx.drift.show(folder, typeof opts.decision === 'number' ? opts.decision : undefined);
    return true;
  }
}
