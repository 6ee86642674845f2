// The Architecture Guide sidebar view (adrift.guide). It only wires the webview to the
// session: every message from the webview is parsed against the protocol first and
// rejected with a reason when it does not fit; requests get exactly one reply.
// State survives hiding and reloading through the webview's getState/setState and the
// workspace state the webview mirrors into; the view does not retain its context.

import * as vscode from 'vscode';
import { parseGuideMessage, type GuideAction, type HostToWebview, type WebviewToHost } from '../../protocol/guide';
import type { AdriftService } from '../service/adriftService';
import { guideHtml } from './html';
import { webviewRoot } from '../webviewPage';
import type { GuideSession } from './guideSession';

export const GUIDE_VIEW_ID = 'adrift.guide';

const ACTION_COMMANDS: Record<GuideAction, string> = {
  showModuleMap: 'adrift.showModuleMap',
  showProblems: 'workbench.actions.view.problems',
  checkWorkspace: 'adrift.checkWorkspace',
  exportOverview: 'adrift.exportOverview',
  showDecisions: 'adrift.decisions.focus',
};

/** What happened to one incoming message; tests read it through the test hooks. */
export type MessageOutcome = { accepted: true; reply?: HostToWebview } | { accepted: false; error: string };

export class GuideViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private pendingAll = false;
  /** Counts per request method answered, and the last saved state: what tests observe. */
  readonly answered = new Map<string, number>();
  statesSaved = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: GuideSession,
    service: AdriftService,
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

  resolveWebviewView(view: vscode.WebviewView): void {
    for (const d of this.viewDisposables) d.dispose();
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] };
    view.webview.html = guideHtml(view.webview, this.extensionUri);
    this.viewDisposables = [
      view.webview.onDidReceiveMessage((data: unknown) => void this.receive(data)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.schedule('all');
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    ];
  }

  /** Handles one message as if the webview sent it, and says whether it was accepted. */
  async receive(data: unknown): Promise<MessageOutcome> {
    const parsed = parseGuideMessage(data);
    if (!parsed.ok) {
      this.log.warn(`Architecture Guide: rejected a message from the webview: ${parsed.error}`);
      const requestId = typeof data === 'object' && data !== null ? (data as { requestId?: unknown }).requestId : undefined;
      // A malformed request still gets its one reply, so the webview never waits forever.
      if (typeof requestId === 'number') await this.post({ type: 'reply', requestId, ok: false, error: parsed.error });
      return { accepted: false, error: parsed.error };
    }
    const reply = await this.handle(parsed.value);
    return reply ? { accepted: true, reply } : { accepted: true };
  }

  private async handle(message: WebviewToHost): Promise<HostToWebview | undefined> {
    switch (message.type) {
      case 'saveState':
        await this.session.saveState(message.state);
        this.statesSaved++;
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
          reply = { type: 'reply', requestId: message.requestId, ok: true, result };
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          this.log.error(`Architecture Guide: ${message.method} failed: ${error}`);
          reply = { type: 'reply', requestId: message.requestId, ok: false, error };
        }
        await this.post(reply);
        this.answered.set(message.method, (this.answered.get(message.method) ?? 0) + 1);
        if (message.method === 'write' && reply.ok) await this.afterWrite();
        return reply;
      }
    }
  }

  /** Opens a record the guide wrote; any other path from the webview is refused. */
  private async openWritten(file: string): Promise<void> {
    const uri = this.session.writtenUri(file);
    if (!uri) {
      this.log.warn(`Architecture Guide: refused to open ${file}, which the guide did not write`);
      return;
    }
    await vscode.window.showTextDocument(uri, { preview: false });
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
    if (!this.view) return;
    // A burst of findings events must not cancel a pending refresh of the overview.
    this.pendingAll ||= what === 'all';
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      const all = this.pendingAll;
      this.pendingAll = false;
      void this.refresh(all);
    }, 150);
  }

  private async refresh(all: boolean): Promise<void> {
    if (!this.view?.visible) return;
    await this.post({ type: 'drift', drift: this.session.drift() });
    if (all) {
      await this.post({ type: 'overview', overview: this.session.overview() });
      await this.post({ type: 'folders', folders: await this.session.folders() });
    }
  }

  private async post(message: HostToWebview): Promise<boolean> {
    if (!this.view) return false;
    try {
      return await this.view.webview.postMessage(message);
    } catch {
      return false; // the view was disposed while we were answering
    }
  }

  reveal(): void {
    this.view?.show(false);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of [...this.viewDisposables, ...this.disposables]) d.dispose();
  }
}
