// Adrift: Check Workspace — re-reads the decisions and scans every source file of the chosen
// folder (or all folders), then says how much drift there is.

import * as vscode from 'vscode';
import { runScan } from '../editor/scan';
import { countDrift } from '../statusBar';
import { markDriftSeen } from './walkthrough';
import { optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';

export interface CheckWorkspaceResult {
  folders: string[];
  findings: number;
  errors: number;
  warnings: number;
}

export class CheckWorkspaceCommand implements AdriftCommand {
  readonly id = 'adrift.checkWorkspace';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<CheckWorkspaceResult | undefined> {
    const { service } = this.ctx;
    await service.ready;
    if (service.folders().length === 0) {
      void vscode.window.showWarningMessage('Adrift works on a workspace folder: open a folder first (File > Open Folder).');
      return undefined;
    }
    const hint = optionsOf<{ folder: string }>(arg).folder ?? arg;
    // Several folders: check all of them unless one was named; a check is cheap to widen.
    const named = typeof hint === 'string' || hint instanceof vscode.Uri ? await pickFolder(this.ctx, hint, 'Check Workspace') : undefined;
    const folders = named ? [named] : [...service.folders()];
    for (const f of folders) await service.reloadRecords(f);
    const current = service.folders().filter((f) => folders.some((g) => g.root === f.root));
    await runScan(service, current, 'Check Workspace command');
    const findings = current.flatMap((f) => service.findings(f));
    const count = countDrift(findings);
    markDriftSeen();
    const total = findings.length;
    const message = total === 0 ? 'Adrift: no drift — the code follows the accepted decisions.' : `Adrift: ${total} finding${total === 1 ? '' : 's'} (${count.errors} error${count.errors === 1 ? '' : 's'}, ${count.warnings} warning${count.warnings === 1 ? '' : 's'}).`;
    if (total > 0) {
      void vscode.window.showInformationMessage(message, 'Show Problems', 'Show Module Map').then((choice) => {
        if (choice === 'Show Problems') void vscode.commands.executeCommand('adrift.showProblems');
        else if (choice === 'Show Module Map') void vscode.commands.executeCommand('adrift.showModuleMap');
      });
    } else {
      void vscode.window.showInformationMessage(message);
    }
    return { folders: current.map((f) => f.folder.name), findings: total, errors: count.errors, warnings: count.warnings };
  }
}
