// Context keys the walkthrough's completionEvents listen to (package.json
// contributes.walkthroughs): a step completes when the workspace shows it was done, however
// the user did it (the guide, the palette, the CLI, or by hand).

import * as vscode from 'vscode';
import type { AdriftChange, AdriftService } from '../service/adriftService';

export const WALKTHROUGH_CONTEXT = {
  hasDecisions: 'adrift.hasDecisions',
  hasModules: 'adrift.hasModules',
  driftSeen: 'adrift.driftSeen',
} as const;

export function registerWalkthroughProgress(service: AdriftService): vscode.Disposable {
  let last = '';
  const update = (): void => {
    const folders = service.folders();
    const hasDecisions = folders.some((f) => f.log.records.length > 0);
    const hasModules = folders.some((f) => f.model.modules.size > 0);
    const key = `${hasDecisions}/${hasModules}`;
    if (key === last) return;
    last = key;
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.hasDecisions, hasDecisions);
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.hasModules, hasModules);
  };
  void service.ready.then(update);
  return service.onDidChange(service.tasks.wrap('walkthrough: progress', (c: AdriftChange) => {
    if (c.kind !== 'findings') update();
  }));
}

/** Called by the commands that show drift (Check Workspace, the map, Problems from the status bar). */
export function markDriftSeen(): void {
  void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.driftSeen, true);
}
