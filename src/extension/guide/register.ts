// The Architecture Guide feature: the sidebar view, "Open Architecture Guide", the same guide
// in an editor tab ("Open Architecture Guide in Editor"), and
// "Export Architecture Overview" (docs/architecture.md from the accepted records).

import * as vscode from 'vscode';
import { overviewMarkdown } from '../../core/overview/markdown';
import { buildOverview } from '../../core/overview/overview';
import type { AdriftService } from '../service/adriftService';
import { GuideSession } from './guideSession';
import { GUIDE_PANEL_TYPE, GUIDE_VIEW_ID, GuideViewProvider } from './guideView';

export const OVERVIEW_FILE = 'docs/architecture.md';

/** Commands only registered outside production: integration tests reach the live view through them. */
export const GUIDE_TEST_COMMANDS = {
  /** { resolved, answered: { method: count }, statesSaved }. */
  state: 'adrift.test.guide.state',
  /** Feeds a raw message to the view's handler as if the webview sent it; returns the MessageOutcome. */
  receive: 'adrift.test.guide.receive',
} as const;

async function exportOverview(service: AdriftService): Promise<vscode.Uri | undefined> {
  await service.ready;
  const folder = service.folders()[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Adrift: open a folder first; the overview is written into the workspace.');
    return undefined;
  }
  await service.reloadRecords(folder);
  const records = folder.log.records.flatMap((r) => (r.record ? [r.record] : []));
  const text = overviewMarkdown(buildOverview(records));
  const changes = [{ path: OVERVIEW_FILE, text }];
  if (!(await service.mayReplace(changes, folder, 'Export Architecture Overview'))) return undefined;
  const result = await service.applyChanges(changes, folder, 'Export Architecture Overview');
  if (!result.applied || !result.uris[0]) throw new Error(`could not write ${OVERVIEW_FILE}`);
  await vscode.window.showTextDocument(result.uris[0], { preview: false });
  return result.uris[0];
}

export function registerGuide(service: AdriftService, context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const stateFile = context.storageUri ? vscode.Uri.joinPath(context.storageUri, 'guide-state.json') : undefined;
  const session = new GuideSession(service, context.workspaceState, log, stateFile);
  const provider = new GuideViewProvider(context.extensionUri, session, service, log);
  const disposables: vscode.Disposable[] = [
    provider,
    vscode.window.registerWebviewViewProvider(GUIDE_VIEW_ID, provider),
    vscode.window.registerWebviewPanelSerializer(GUIDE_PANEL_TYPE, provider),
    vscode.commands.registerCommand('adrift.openGuide', service.tasks.wrap('command adrift.openGuide', async () => {
      await vscode.commands.executeCommand(`${GUIDE_VIEW_ID}.focus`);
    })),
    vscode.commands.registerCommand('adrift.openGuideInEditor', service.tasks.wrap('command adrift.openGuideInEditor', () => {
      provider.openInEditor();
    })),
    vscode.commands.registerCommand('adrift.exportOverview', service.tasks.wrap('command adrift.exportOverview', async () => {
      try {
        return await exportOverview(service);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log.error(`adrift.exportOverview: ${message}`);
        void vscode.window.showErrorMessage(`Adrift: ${message}`);
        return undefined;
      }
    })),
  ];
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    disposables.push(
      vscode.commands.registerCommand(GUIDE_TEST_COMMANDS.state, () => ({
        resolved: provider.resolved,
        inEditor: provider.inEditor,
        answered: Object.fromEntries(provider.answered),
        statesSaved: provider.statesSaved,
      })),
      vscode.commands.registerCommand(GUIDE_TEST_COMMANDS.receive, (data: unknown) => provider.receive(data)),
    );
  }
  return vscode.Disposable.from(...disposables);
}
