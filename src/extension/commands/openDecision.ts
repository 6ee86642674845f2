// Adrift: Open Decision Record — opens a record given as a Uri (tree click), an id, or picked.

import * as vscode from 'vscode';
import { folderOfTarget, openRecord, optionsOf, pickDecision, pickFolder, type AdriftCommand, type CommandContext } from './context';

export class OpenDecisionCommand implements AdriftCommand {
  readonly id = 'adrift.openDecision';
  constructor(private readonly ctx: CommandContext) {}

  async run(target?: unknown): Promise<string | undefined> {
    if (target instanceof vscode.Uri) {
      await vscode.window.showTextDocument(target, { preview: true });
      return target.fsPath;
    }
    const opts = optionsOf<{ folder: string; id: number }>(target);
    const folder = folderOfTarget(this.ctx, target) ?? (await pickFolder(this.ctx, opts.folder, 'Open Decision Record'));
    if (!folder) return undefined;
    const record = await pickDecision(this.ctx, folder, opts.id ?? target, { title: 'Open Decision Record', placeHolder: 'Which decision?' });
    if (!record) return undefined;
    await openRecord(this.ctx, folder, record.file);
    return record.file;
  }
}
