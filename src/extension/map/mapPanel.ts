// The module map panel on the host side: one panel per extension, showing one workspace
// folder at a time. It sends the graph, answers the webview's requests (an edge's imports,
// saving an SVG) and follows the service, so the map redraws when records or findings change.

import * as vscode from 'vscode';
import { parseMapWebviewMessage, type HostToMapMessage, type MapGraph, type MapToHostMessage } from '../../protocol/map';
import type { AdriftService, FolderState } from '../service/adriftService';
import type { Prompter } from '../commands/prompts';
import { buildModuleMap, type ModuleImport, type ModuleMapData } from './graph';
import { mapHtml } from './html';
import { watchPanel, webviewRoot } from '../webviewPage';

export const MODULE_MAP_VIEW_TYPE = 'adrift.moduleMap';

/** Where the map gets the code's actual module-to-module imports (the drift engine's index). */
export type ModuleImportsSource = (folder: FolderState) => readonly ModuleImport[];

export type RenderedState = Extract<MapToHostMessage, { type: 'rendered' }>;

export class ModuleMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: FolderState | undefined;
  private data: ModuleMapData | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedState>();
  /** Fires each time the webview finished drawing; tests wait on it. */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: RenderedState | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private exportWaiters: ((outcome: { saved: boolean; message?: string }) => void)[] = [];

  constructor(
    private readonly service: AdriftService,
    private readonly extensionUri: vscode.Uri,
    private readonly prompter: Prompter,
    private readonly importsOf: ModuleImportsSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.renderedEmitter,
      service.onDidChange((change) => {
        if (change.kind === 'folders' || change.folder.root === this.folder?.root) this.scheduleRefresh();
      }),
    );
  }

  get visible(): boolean {
    return this.panel !== undefined;
  }

  /** The graph last sent to the webview. */
  get graph(): MapGraph | undefined {
    return this.data?.graph;
  }

  show(folder: FolderState): void {
    this.folder = folder;
    if (this.panel) {
      this.panel.title = this.title(folder);
      this.panel.reveal();
      this.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(MODULE_MAP_VIEW_TYPE, this.title(folder), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot(this.extensionUri)],
    });
    this.attach(panel);
  }

  /** Takes over a panel VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel, folder: FolderState): void {
    this.folder = folder;
    panel.title = this.title(folder);
    panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] };
    this.attach(panel);
  }

  /**
   * Asks the webview for its SVG and saves it (the webview's own Export button does the same).
   * Resolves with the outcome once the file is written or the save was cancelled. A map tab in
   * the background has no live page (its content is dropped while hidden), so it is brought to
   * the front first and drawn again; a page that never answers ends in a message, not silence.
   */
  async exportSvg(timeoutMs = 15_000): Promise<{ saved: boolean; message?: string }> {
    const panel = this.panel;
    if (!panel) return { saved: false, message: 'Open the module map first.' };
    if (!panel.visible || !this.ready) {
      const drawn = this.nextRender(timeoutMs);
      panel.reveal(undefined, false);
      if (!(await drawn)) return this.exportFailed('the module map did not draw again after it was brought to the front');
    }
    let timer: NodeJS.Timeout | undefined;
    const outcome = new Promise<{ saved: boolean; message?: string }>((resolve) => {
      this.exportWaiters.push(resolve);
      // The save dialog waits for the user, so the timeout covers only the page's answer.
      timer = setTimeout(() => {
        if (!this.saving) resolve(this.exportFailed('the module map did not send its SVG'));
      }, timeoutMs);
    });
    void this.post({ type: 'requestExport' });
    return outcome.finally(() => clearTimeout(timer));
  }

  private saving = false;

  private exportFailed(why: string): { saved: boolean; message: string } {
    const message = `Could not export the module map: ${why}.`;
    this.log.warn(message);
    void vscode.window.showErrorMessage(`Adrift: ${message}`);
    return { saved: false, message };
  }

  /** Resolves true at the webview's next `rendered` report, false after `timeoutMs`. */
  private nextRender(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        sub.dispose();
        resolve(false);
      }, timeoutMs);
      const sub = this.onDidRender(() => {
        clearTimeout(timer);
        sub.dispose();
        resolve(true);
      });
    });
  }

  /** Asks the webview to choose an edge as a click would; it then requests the edge's imports. */
  selectEdge(edgeId: string): void {
    void this.post({ type: 'selectEdge', edgeId });
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private title(folder: FolderState): string {
    return vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length > 1 ? `Module Map: ${folder.folder.name}` : 'Module Map';
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.lastRendered = undefined;
    panel.webview.html = mapHtml(panel.webview, this.extensionUri);
    watchPanel(panel, {
      message: (raw) => void this.service.tasks.track('module map: a webview message', () => this.receive(raw)),
      hidden: () => {
        if (this.panel === panel) this.ready = false;
      },
      disposed: () => {
        if (this.panel === panel) this.panel = undefined;
      },
    });
  }

  private scheduleRefresh(): void {
    if (!this.panel) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.service.tasks.run('module map: refreshing', () => this.refresh()), 300);
  }

  private refresh(): void {
    const folder = this.folder && this.service.folders().find((f) => f.root === this.folder?.root);
    if (!folder || !this.panel) return;
    this.folder = folder;
    const findings = this.service.findings(folder);
    this.data = buildModuleMap(folder.folder.name, folder.model, findings, this.importsOf(folder));
    if (this.ready) void this.post({ type: 'graph', graph: this.data.graph });
  }

  private post(message: HostToMapMessage): Thenable<boolean> {
    return this.panel ? this.panel.webview.postMessage(message) : Promise.resolve(false);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseMapWebviewMessage(raw);
    if ('rejected' in message) {
      this.log.warn(`module map: ignored a message from the webview: ${message.rejected}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.refresh();
        return;
      case 'rendered':
        this.lastRendered = message;
        this.renderedEmitter.fire(message);
        return;
      case 'showEdge': {
        const imports = this.data?.imports.get(message.edgeId) ?? [];
        await this.post({ type: 'edgeImports', requestId: message.requestId, edgeId: message.edgeId, imports });
        return;
      }
      case 'openImport':
        await this.openImport(message.file, message.line, message.column);
        return;
      case 'openDecision': {
        const record = this.folder && this.service.record(this.folder, message.id);
        if (record && this.folder) await vscode.window.showTextDocument(this.service.uriOf(this.folder, record.file), { preview: false });
        return;
      }
      case 'exportSvg': {
        this.saving = true;
        const outcome = await this.saveSvg(message.svg).finally(() => (this.saving = false));
        await this.post({ type: 'exportResult', requestId: message.requestId, ...outcome });
        for (const settle of this.exportWaiters.splice(0)) settle(outcome);
        return;
      }
    }
  }

  /** Opens only files the map listed: the webview cannot make the host open arbitrary paths. */
  private async openImport(file: string, line: number, column: number): Promise<void> {
    const listed = [...(this.data?.imports.values() ?? [])].some((sites) => sites.some((s) => s.file === file));
    if (!listed || !this.folder) {
      this.log.warn(`module map: refused to open ${file}, which the map did not list`);
      return;
    }
    const position = new vscode.Position(line, column);
    await vscode.window.showTextDocument(this.service.uriOf(this.folder, file), { selection: new vscode.Range(position, position), preview: false });
  }

  private async saveSvg(svg: string): Promise<{ saved: boolean; message?: string }> {
    const folder = this.folder;
    const defaultUri = folder ? vscode.Uri.joinPath(folder.folder.uri, 'module-map.svg') : undefined;
    const target = await this.prompter.saveFile({ title: 'Export Module Map as SVG', ...(defaultUri ? { defaultUri } : {}), filters: { 'SVG image': ['svg'] } });
    if (!target) return { saved: false, message: 'Export cancelled.' };
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`));
      return { saved: true, message: `Saved ${vscode.workspace.asRelativePath(target)}.` };
    } catch (err) {
      const message = `Could not save ${target.fsPath}: ${err instanceof Error ? err.message : String(err)}`;
      void vscode.window.showErrorMessage(message);
      return { saved: false, message };
    }
  }
}
