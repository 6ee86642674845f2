// Adrift: Show Module Map — opens (or reveals) the map panel for a folder.

import { markDriftSeen } from './walkthrough';
import { optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';

export class ShowModuleMapCommand implements AdriftCommand {
  readonly id = 'adrift.showModuleMap';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<boolean> {
    const opts = optionsOf<{ folder: string; edge: string }>(arg);
    const folder = await pickFolder(this.ctx, opts.folder ?? arg, 'Show Module Map');
    if (!folder) return false;
    this.ctx.map.show(folder);
    markDriftSeen();
    if (opts.edge) this.ctx.map.selectEdge(opts.edge);
    return true;
  }
}
