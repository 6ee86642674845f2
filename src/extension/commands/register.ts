// Wires the commands, the Decisions view, the module map and the status bar to the service.
// activate() calls registerCommandsAndViews once; everything it creates is disposed with the
// returned Disposable.

import * as vscode from 'vscode';
import type { AdriftService } from '../service/adriftService';
import { untrustedWriteQuestion, WRITE_ANYWAY } from '../service/trustPolicy';
import { ModuleMapPanel, MODULE_MAP_VIEW_TYPE } from '../map/mapPanel';
import { DriftStatusBar } from '../statusBar';
import { SinceBaseStatusBar } from '../sinceBaseStatus';
import { registerDecisionsView } from '../views/decisionsView';
import { AddDecisionCommand } from './addDecision';
import { offerAgentRefresh, UpdateAgentInstructionsCommand } from './agentInstructions';
import { AssignFolderCommand } from './assignFolder';
import { ChangeStatusCommand } from './changeStatus';
import { CheckWorkspaceCommand } from './checkWorkspace';
import type { AdriftCommand, CommandContext } from './context';
import { CreateBaselineCommand } from './createBaseline';
import { ClearDecisionsFilterCommand, FilterDecisionsCommand } from './filterDecisions';
import { OpenDecisionCommand } from './openDecision';
import { ExportModuleMapCommand } from './exportModuleMap';
import { ExportMarkdownCommand, ImportMarkdownCommand } from './markdown';
import { ScriptedPrompter, WindowPrompter } from './prompts';
import { ShowModuleMapCommand } from './showModuleMap';
import { ShowDriftCommand } from './showDrift';
import { DriftPanel, DRIFT_VIEW_TYPE } from '../drift/driftPanel';
import { SupersedeCommand } from './supersede';
import { SyncBoundariesCommand } from './syncBoundaries';
import { registerTestHooks } from './testHooks';
import { registerWalkthroughProgress } from './walkthrough';

export function registerCommandsAndViews(
  service: AdriftService,
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const REPLACE = 'Replace';
  const prompter = new ScriptedPrompter(new WindowPrompter());
  const decisionsView = registerDecisionsView(service);
  const map = new ModuleMapPanel(service, context.extensionUri, prompter, (folder) => service.engineIndex(folder)?.moduleImports() ?? [], log);
  const statusBar = new DriftStatusBar(service);
  const drift = new DriftPanel(service, context.extensionUri, log);
  const ctx: CommandContext = { service, prompter, decisions: decisionsView.provider, map, drift, log };
  // In Restricted Mode a command writes only after a yes to this question (see trustPolicy.ts).
  // Generated output never replaces a hand-written file without a yes naming that file.
  service.askOverwrite = async (label, file) => (await prompter.confirm(`${label}: ${file} was not written by Adrift. Replace it?`, [REPLACE], true)) === REPLACE;
  service.askUntrustedWrite = async (label, files) => (await prompter.confirm(untrustedWriteQuestion(label, files), [WRITE_ANYWAY], true)) === WRITE_ANYWAY;

  const commands: AdriftCommand[] = [
    new AddDecisionCommand(ctx),
    new ChangeStatusCommand(ctx),
    new SupersedeCommand(ctx),
    new CheckWorkspaceCommand(ctx),
    new AssignFolderCommand(ctx),
    new ShowModuleMapCommand(ctx),
    new ShowDriftCommand(ctx),
    new ExportModuleMapCommand(ctx),
    new ExportMarkdownCommand(ctx),
    new ImportMarkdownCommand(ctx),
    new CreateBaselineCommand(ctx),
    new FilterDecisionsCommand(ctx),
    new ClearDecisionsFilterCommand(ctx),
    new OpenDecisionCommand(ctx),
    new UpdateAgentInstructionsCommand(ctx),
    new SyncBoundariesCommand(ctx),
  ];
  const disposables: vscode.Disposable[] = [decisionsView, map, drift, statusBar, offerAgentRefresh(ctx)];
  for (const command of commands) {
    disposables.push(
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await service.tasks.track(`command ${command.id}`, () => command.run(...args));
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          log.error(`${command.id}: ${err instanceof Error && err.stack ? err.stack : message}`);
          void vscode.window.showErrorMessage(`Adrift: ${message}`);
          // Tests drive commands through executeCommand and must see the failure.
          if (context.extensionMode === vscode.ExtensionMode.Test) throw err;
          return undefined;
        }
      }),
    );
  }
  disposables.push(
    vscode.window.registerWebviewPanelSerializer(MODULE_MAP_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        await service.ready;
        const folder = service.folders()[0];
        if (folder) map.restore(panel, folder);
        else panel.dispose();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(DRIFT_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        await service.ready;
        const folder = service.folders()[0];
        if (folder) drift.restore(panel, folder);
        else panel.dispose();
      },
    }),
    registerWalkthroughProgress(service),
  );
  const sinceBase = new SinceBaseStatusBar(service);
  disposables.push(sinceBase);
  if (context.extensionMode !== vscode.ExtensionMode.Production) disposables.push(registerTestHooks(ctx, decisionsView.view, statusBar, sinceBase));
  return vscode.Disposable.from(...disposables);
}
