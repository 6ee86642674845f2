// The "Drift over time" panel on the host side: one panel, charting the debt ledger of one
// workspace folder — a decision's or the whole workspace's. The ledger is walked from git
// objects (src/core/debt/ledger.ts) once per HEAD and kept; choosing another scope redraws
// from it without walking again.

import * as vscode from 'vscode';
import { debtLedger, type DebtLedger } from '../../core/debt/ledger';
import { NodeGit } from '../../core/git/node';
import { GitError } from '../../core/git/port';
import { parseDriftWebviewMessage, type DriftToHostMessage, type HostToDriftMessage } from '../../protocol/drift';
import type { AdriftService, FolderState } from '../service/adriftService';
import { watchPanel, webviewHtml, webviewRoot } from '../webviewPage';
import { driftChart } from './chartData';

export const DRIFT_VIEW_TYPE = 'adrift.driftOverTime';
/** Commits the chart walks: enough for a trend, cheap enough to open on a click. */
export const CHART_HISTORY = 30;

export type DriftRendered = Extract<DriftToHostMessage, { type: 'rendered' }>;

const BODY = `<header class="toolbar" role="toolbar" aria-label="Drift over time">
  <label for="scope">Show</label>
  <select id="scope" aria-label="Decision to chart"></select>
  <button id="open" title="Open the decision record"><span class="codicon codicon-go-to-file" aria-hidden="true"></span>Open record</button>
  <ul class="legend" aria-label="Legend">
    <li><span class="swatch swatch--findings"></span>open</li>
    <li><span class="swatch swatch--baseline"></span>baselined</li>
    <li><span class="swatch swatch--suppressions"></span>suppressed</li>
  </ul>
  <span id="status" role="status" aria-live="polite">Loading…</span>
</header>
<main id="chart" aria-label="Debt at each commit, oldest first"></main>
<details id="table-box" open><summary>Table</summary><div id="table"></div></details>`;

export class DriftPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: FolderState | undefined;
  private decision: number | undefined;
  private ledger: { root: string; ledger: DebtLedger } | undefined;
  private ready = false;
  private readonly renderedEmitter = new vscode.EventEmitter<DriftRendered>();
  /** Fires each time the webview finished drawing; tests wait on it. */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: DriftRendered | undefined;

  constructor(
    private readonly service: AdriftService,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Opens (or reveals) the chart of `decision` in `folder`, or of the whole workspace. */
  show(folder: FolderState, decision?: number): void {
    this.folder = folder;
    this.decision = decision;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(DRIFT_VIEW_TYPE, 'Drift over Time', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [webviewRoot(this.extensionUri)],
      });
      this.attach(panel);
    } else {
      this.panel.reveal();
      void this.refresh();
    }
  }

  /** Takes over a panel VS Code restored after a reload: the workspace's chart. */
  restore(panel: vscode.WebviewPanel, folder: FolderState): void {
    this.folder = folder;
    panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] };
    this.attach(panel);
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, { title: 'Drift over Time', stylesheet: ['toolbar.css', 'drift.css'], scripts: [['drift.js']], body: BODY });
    watchPanel(panel, {
      message: (raw) => void this.service.tasks.track('drift panel: a webview message', () => this.receive(raw)),
      hidden: () => {
        if (this.panel === panel) this.ready = false;
      },
      disposed: () => {
        if (this.panel === panel) this.panel = undefined;
      },
    });
  }

  private post(message: HostToDriftMessage): Thenable<boolean> {
    return this.panel ? this.panel.webview.postMessage(message) : Promise.resolve(false);
  }

  /** The folder's ledger, walked again only when HEAD moved. */
  private async ledgerOf(folder: FolderState): Promise<DebtLedger> {
    const git = new NodeGit(folder.root);
    const head = new TextDecoder().decode((await git.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { okCodes: [1] })).stdout).trim();
    if (this.ledger && this.ledger.root === folder.root && this.ledger.ledger.head === head) return this.ledger.ledger;
    const ledger = await debtLedger(git, folder.root, { history: CHART_HISTORY });
    this.ledger = { root: folder.root, ledger };
    this.log.info(`drift over time: walked ${ledger.stats.commits} commits of ${folder.folder.name} in ${ledger.stats.durationMs} ms`);
    return ledger;
  }

  private async refresh(): Promise<void> {
    const folder = this.folder;
    if (!folder || !this.ready) return;
    this.panel!.title = this.decision === undefined ? 'Drift over Time' : `Drift over Time: ADR-${String(this.decision).padStart(4, '0')}`;
    await this.post({ type: 'loading', what: `Reading the last ${CHART_HISTORY} commits of ${folder.folder.name}…` });
    try {
      const ledger = await this.ledgerOf(folder);
      await this.post({ type: 'chart', chart: driftChart(folder.folder.name, ledger, this.decision) });
    } catch (err) {
      const message = err instanceof GitError ? `${err.message}. The chart reads the history with git; the check itself works without it.` : err instanceof Error ? err.message : String(err);
      this.log.warn(`drift over time: ${message}`);
      await this.post({ type: 'problem', message });
    }
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseDriftWebviewMessage(raw);
    if ('rejected' in message) {
      this.log.warn(`drift over time: ignored a message from the webview: ${message.rejected}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.refresh();
        return;
      case 'rendered':
        this.lastRendered = message;
        this.renderedEmitter.fire(message);
        return;
      case 'showScope':
        this.decision = message.decision;
        await this.refresh();
        return;
      case 'openDecision': {
        const record = this.folder && this.service.record(this.folder, message.id);
        if (record && this.folder) await vscode.window.showTextDocument(this.service.uriOf(this.folder, record.file), { preview: false });
        return;
      }
    }
  }
}
