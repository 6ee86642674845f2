// Adrift: Export Module Map as SVG — saves the open map (opening it first if needed).

import * as vscode from 'vscode';
import { optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';

export class ExportModuleMapCommand implements AdriftCommand {
  readonly id = 'adrift.exportModuleMap';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<{ saved: boolean; message?: string } | undefined> {
    if (!this.ctx.map.visible) {
      const folder = await pickFolder(this.ctx, optionsOf<{ folder: string }>(arg).folder ?? arg, 'Export Module Map as SVG');
      if (!folder) return undefined;
      const drawn = new Promise<void>((resolve) => {
        const sub = this.ctx.map.onDidRender(() => {
          sub.dispose();
          resolve();
        });
      });
      this.ctx.map.show(folder);
      await drawn;
    }
    const outcome = await this.ctx.map.exportSvg();
    if (outcome.saved && outcome.message) void vscode.window.showInformationMessage(`Adrift: ${outcome.message}`);
    return outcome;
  }
}
