// The Architecture Guide's webviews: the sidebar view (adrift.guide) and, on demand, an editor
// tab (adrift.guidePanel) with room for the tables. Both show the same guide on the same state:
// what one saves the host keeps in workspace state and passes on to the other. Every message
// from a webview is parsed against the protocol first and rejected with a reason when it does
// not fit; requests get exactly one reply, to the webview that asked. The webviews do not
// retain their context: state survives hiding and reloading through getState/setState and the
// workspace state the webview mirrors into.

import * as vscode from 'vscode';
import { parseGuideMessage, type GuideAction, type GuideFlow, type GuideState, type HostToWebview, type WebviewToHost } from '../../protocol/guide';
import type { AdriftService } from '../service/adriftService';
import { guideHtml } from './html';
import { webviewRoot } from '../webviewPage';
import type { GuideSession } from './guideSession';

export const GUIDE_VIEW_ID = 'adrift.guide';
export const GUIDE_PANEL_TYPE = 'adrift.guidePanel';

const ACTION_COMMANDS: Record<GuideAction, string> = {
  showModuleMap: 'adrift.showModuleMap',
  showProblems: 'workbench.actions.view.problems',
  checkWorkspace: 'adrift.checkWorkspace',
  exportOverview: 'adrift.exportOverview',
  showDecisions: 'adrift.decisions.focus',
};

/** What happened to one incoming message; tests read it through the test hooks. */
export type MessageOutcome = { accepted: true; reply?: HostToWebview } | { accepted: false; error: string };

/** One webview showing the guide: the sidebar view or the editor tab. */
interface GuideWebview {
  readonly kind: 'view' | 'panel';
  readonly webview: vscode.Webview;
  visible(): boolean;
}

export class GuideViewProvider implements vscode.WebviewViewProvider, vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly open = new Map<GuideWebview, vscode.Disposable[]>();
  private panel: vscode.WebviewPanel | undefined;
  private view: vscode.WebviewView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private pendingAll = false;
  /** The flow last sent, as JSON: a saved state whose answers change it sends the new one. */
  private flowSent: string | undefined;
  /** Counts per request method answered, and the last saved state: what tests observe. */
  readonly answered = new Map<string, number>();
  statesSaved = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: GuideSession,
    private readonly service: AdriftService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      service.onDidChange((change) => {
        if (change.kind === 'findings') this.schedule('drift');
        else this.schedule('all');
      }),
    );
  }

  get resolved(): boolean {
    return this.view !== undefined;
  }

  /** Whether the guide is open in an editor tab. */
  get inEditor(): boolean {
    return this.panel !== undefined;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    if (this.view) this.close([...this.open.keys()].find((w) => w.kind === 'view'));
    this.view = view;
    const entry = this.attach({ kind: 'view', webview: view.webview, visible: () => view.visible }, [
      view.onDidChangeVisibility(() => {
        if (view.visible) this.schedule('all');
      }),
    ]);
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
      this.close(entry);
    });
  }

  /** Opens the guide in an editor tab, or reveals the one already open. */
  openInEditor(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Active);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(GUIDE_PANEL_TYPE, 'Architecture Guide', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] });
    this.adoptPanel(panel);
    return panel;
  }

  /** A guide tab restored after a window reload. */
  deserializeWebviewPanel(panel: vscode.WebviewPanel): Thenable<void> {
    panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] };
    this.adoptPanel(panel);
    return Promise.resolve();
  }

  private adoptPanel(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'adrift.svg');
    const entry = this.attach({ kind: 'panel', webview: panel.webview, visible: () => panel.visible }, [
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.schedule('all');
      }),
    ]);
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      this.close(entry);
    });
  }

  private attach(entry: GuideWebview, extra: vscode.Disposable[]): GuideWebview {
    entry.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] };
    entry.webview.html = guideHtml(entry.webview, this.extensionUri, entry.kind);
    this.open.set(entry, [entry.webview.onDidReceiveMessage((data: unknown) => void this.service.tasks.track('guide: a webview message', () => this.receive(data, entry))), ...extra]);
    return entry;
  }

  private close(entry: GuideWebview | undefined): void {
    if (!entry) return;
    for (const d of this.open.get(entry) ?? []) d.dispose();
    this.open.delete(entry);
  }

  /** Handles one message as if `from` sent it (the sidebar view when not given), and says whether it was accepted. */
  async receive(data: unknown, from?: GuideWebview): Promise<MessageOutcome> {
    const sender = from ?? [...this.open.keys()].find((w) => w.kind === 'view');
    const parsed = parseGuideMessage(data);
    if (!parsed.ok) {
      this.log.warn(`Architecture Guide: rejected a message from the webview: ${parsed.error}`);
      const requestId = typeof data === 'object' && data !== null ? (data as { requestId?: unknown }).requestId : undefined;
      // A malformed request still gets its one reply, so the webview never waits forever.
      if (typeof requestId === 'number') await this.post(sender, { type: 'reply', requestId, ok: false, error: parsed.error });
      return { accepted: false, error: parsed.error };
    }
    const reply = await this.handle(parsed.value, sender);
    return reply ? { accepted: true, reply } : { accepted: true };
  }

  private async handle(message: WebviewToHost, sender: GuideWebview | undefined): Promise<HostToWebview | undefined> {
    switch (message.type) {
      case 'saveState':
        await this.saveState(message.state, sender);
        return undefined;
      case 'run':
        await vscode.commands.executeCommand(ACTION_COMMANDS[message.action]);
        return undefined;
      case 'openFile':
        await this.openWritten(message.path);
        return undefined;
      case 'request': {
        let reply: HostToWebview;
        try {
          const result = await this.session.handle(message.method, message.params);
          if (message.method === 'load') this.flowSent = (result as { flow: GuideFlow }).flow.id;
          reply = { type: 'reply', requestId: message.requestId, ok: true, result };
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          this.log.error(`Architecture Guide: ${message.method} failed: ${error}`);
          reply = { type: 'reply', requestId: message.requestId, ok: false, error };
        }
        await this.post(sender, reply);
        this.answered.set(message.method, (this.answered.get(message.method) ?? 0) + 1);
        if (message.method === 'write' && reply.ok) await this.afterWrite();
        return reply;
      }
    }
  }

  /** Keeps the state, passes it on to the other guide webview, and sends a changed flow to all. */
  private async saveState(state: GuideState, sender: GuideWebview | undefined): Promise<void> {
    const saving = this.session.saveState(state);
    this.statesSaved++;
    for (const other of this.open.keys()) if (other !== sender) await this.post(other, { type: 'state', state });
    // The flow is the spine plus one pack, and its id names both: compare ids, not whole flows.
    const flow = this.session.flowFor(state.answers);
    if (flow.id !== this.flowSent) {
      this.flowSent = flow.id;
      for (const w of this.open.keys()) await this.post(w, { type: 'flow', flow });
    }
    await saving;
  }

  /** Opens a file the guide wrote, or one it listed with a pair's imports (at the first of them); any other path from the webview is refused. */
  private async openWritten(file: string): Promise<void> {
    const target = this.session.openable(file);
    if (!target) {
      this.log.warn(`Architecture Guide: refused to open ${file}, which the guide neither wrote nor listed`);
      return;
    }
    // At the start of the import's line: a narrow editor beside the guide would scroll sideways to its column.
    const at = target.line !== undefined ? new vscode.Position(Math.max(0, target.line - 1), 0) : undefined;
    // From the editor tab, beside it, so the guide stays in view.
    await vscode.window.showTextDocument(target.uri, { preview: false, viewColumn: this.panel?.active ? vscode.ViewColumn.Beside : undefined, ...(at ? { selection: new vscode.Range(at, at) } : {}) });
  }

  /** After writing: show the records in the Decisions view and run the drift check. */
  private async afterWrite(): Promise<void> {
    try {
      await vscode.commands.executeCommand('adrift.decisions.focus');
    } catch (err) {
      this.log.warn(`Architecture Guide: could not reveal the Decisions view: ${String(err)}`);
    }
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes('adrift.checkWorkspace')) void vscode.commands.executeCommand('adrift.checkWorkspace');
    this.schedule('all');
  }

  private schedule(what: 'drift' | 'all'): void {
    if (this.open.size === 0) return;
    // A burst of findings events must not cancel a pending refresh of the overview.
    this.pendingAll ||= what === 'all';
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      const all = this.pendingAll;
      this.pendingAll = false;
      void this.service.tasks.track('guide: refreshing the overview', () => this.refresh(all));
    }, 150);
  }

  private async refresh(all: boolean): Promise<void> {
    const visible = [...this.open.keys()].filter((w) => w.visible());
    if (visible.length === 0) return;
    const drift = this.session.drift();
    const overview = all ? this.session.overview() : undefined;
    const folders = all ? await this.session.folders() : undefined;
    for (const w of visible) {
      await this.post(w, { type: 'drift', drift });
      if (overview) await this.post(w, { type: 'overview', overview });
      if (folders) await this.post(w, { type: 'folders', folders });
    }
  }

  private async post(to: GuideWebview | undefined, message: HostToWebview): Promise<boolean> {
    if (!to || !this.open.has(to)) return false;
    try {
      return await to.webview.postMessage(message);
    } catch {
      return false; // the webview was disposed while we were answering
    }
  }

  reveal(): void {
    this.view?.show(false);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const d of [...[...this.open.values()].flat(), ...this.disposables]) d.dispose();
    this.open.clear();
  }
}
