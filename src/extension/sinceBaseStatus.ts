// "N new since main" in the status bar: the findings the editor shows now that the merge base
// of the base branch (`adrift.baseBranch`, default main) and HEAD did not have. Thin over the
// core, as `adrift check --since` is: locateBase (a few git questions) on each change of the
// findings, checkBaseCommit once per base commit (in the background; it reads git objects and
// writes nothing), splitFindings against the service's live findings, unsaved editors included.
// Hidden when no folder is a git repository with that branch, when git is missing, and in
// Restricted Mode (a repository's own git config can run programs, e.g. core.fsmonitor).

import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { NodeFileSystem } from '../core/fs/node';
import { NodeGit } from '../core/git/node';
import { GitError } from '../core/git/port';
import { checkBaseCommit, locateBase, renamesUnder, splitFindings } from '../core/engine/since';
import { timeSlicer } from '../core/engine/slice';
import type { AdriftService, FolderState } from './service/adriftService';
import { readSettings } from './service/settings';

export const SHOW_NEW_SINCE_BASE_COMMAND = 'adrift.showNewSinceBase';

/** What one folder has against its base branch, or why it has nothing. */
export type FolderSince =
  | { folder: string; branch: string; base: string; introduced: Finding[]; inherited: number }
  | { folder: string; branch: string; unavailable: string };

export interface SinceBaseState {
  /** The status bar text, or undefined when the item is hidden. */
  text: string | undefined;
  folders: FolderSince[];
}

export function sinceText(folders: readonly FolderSince[]): string | undefined {
  const known = folders.flatMap((f) => ('base' in f ? [f] : []));
  if (known.length === 0) return undefined;
  const branches = [...new Set(known.map((f) => f.branch))];
  const count = known.reduce((n, f) => n + f.introduced.length, 0);
  return `$(git-compare) ${count} new since ${branches.length === 1 ? branches[0] : 'base'}`;
}

export function sinceTooltip(folders: readonly FolderSince[]): string {
  return folders
    .map((f) =>
      'base' in f
        ? `${f.folder}: ${f.introduced.length} finding${f.introduced.length === 1 ? '' : 's'} new since ${f.branch} (merge base ${f.base.slice(0, 7)}), ${f.inherited} inherited.`
        : `${f.folder}: no comparison with ${f.branch}: ${f.unavailable}`,
    )
    .concat('Click to list the new ones.')
    .join('\n');
}

export class SinceBaseStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('adrift.sinceBase', vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disk = new NodeFileSystem();
  /** Per folder root: the base commit checked and its findings (a promise while it runs). */
  private readonly bases = new Map<string, { base: string; findings: Promise<Finding[]> }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SinceBaseState> | undefined;
  private last: SinceBaseState = { text: undefined, folders: [] };

  constructor(private readonly service: AdriftService) {
    this.item.name = 'Adrift New Since Base Branch';
    this.item.command = SHOW_NEW_SINCE_BASE_COMMAND;
    this.subscriptions.push(
      service.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('adrift.baseBranch')) this.schedule();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
      vscode.commands.registerCommand(SHOW_NEW_SINCE_BASE_COMMAND, service.tasks.wrap(`command ${SHOW_NEW_SINCE_BASE_COMMAND}`, () => this.showNew())),
    );
    void service.ready.then(() => this.schedule());
  }

  /** Typing changes the findings often; git is asked at most once a second or so. */
  private schedule(): void {
    clearTimeout(this.timer);
    // While a scan runs the findings are partial, so a count would be wrong, and the base's
    // check (git processes, a whole check of the base commit) would compete with the scan for
    // the extension host's thread. The scan's end fires a change, which schedules this again.
    if (this.service.scanning) return;
    this.timer = setTimeout(() => {
      if (!this.service.scanning) void this.service.tasks.track('since-base status: comparing', () => this.refresh());
    }, 1000);
  }

  /** Compares every folder with its base branch now and updates the item; one run at a time. */
  async refresh(): Promise<SinceBaseState> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.compute();
    try {
      this.last = await this.running;
    } finally {
      this.running = undefined;
    }
    this.item.text = this.last.text ?? '';
    this.item.tooltip = sinceTooltip(this.last.folders);
    this.item.accessibilityInformation = { label: sinceTooltip(this.last.folders) };
    if (this.last.text) this.item.show();
    else this.item.hide();
    return this.last;
  }

  private async compute(): Promise<SinceBaseState> {
    if (!vscode.workspace.isTrusted) return { text: undefined, folders: [] };
    await this.service.ready;
    const folders = await Promise.all(this.service.folders().map((f) => this.folderSince(f)));
    return { text: sinceText(folders), folders };
  }

  private async folderSince(folder: FolderState): Promise<FolderSince> {
    const branch = readSettings(folder.folder).baseBranch;
    const name = folder.folder.name;
    const git = new NodeGit(folder.root);
    try {
      const at = await locateBase(git, this.disk, folder.root, branch);
      let known = this.bases.get(folder.root);
      if (known?.base !== at.base) {
        const decisions = folder.settings.decisionsFolder || undefined;
        // A whole check of the base commit on this thread: sliced as the editor's scan is (slice.ts).
        const findings = checkBaseCommit(git, this.disk, folder.root, at, { decisions, slicer: timeSlicer() }).then((r) => r.result.findings);
        known = { base: at.base, findings };
        this.bases.set(folder.root, known);
        // A failed base check is tried again on the next change, not remembered.
        findings.catch(() => this.bases.delete(folder.root));
      }
      const split = splitFindings(this.service.findings(folder), await known.findings, renamesUnder(at.changes, at.prefix));
      return { folder: name, branch, base: at.base, introduced: [...split.introduced], inherited: split.inherited };
    } catch (err) {
      if (err instanceof GitError) return { folder: name, branch, unavailable: err.message };
      return { folder: name, branch, unavailable: err instanceof Error ? err.message : String(err) };
    }
  }

  private async showNew(): Promise<void> {
    const state = await this.refresh();
    const items = state.folders.flatMap((f) =>
      'base' in f
        ? f.introduced.map((finding) => ({ label: `${finding.file}:${finding.range.start.line + 1}`, description: finding.rule, detail: finding.message, folder: this.service.folders().find((s) => s.folder.name === f.folder), finding }))
        : [],
    );
    if (items.length === 0) {
      void vscode.window.showInformationMessage(state.text ? 'Adrift: no finding is new since the base branch.' : 'Adrift: no folder is a git repository with the base branch (adrift.baseBranch).');
      return;
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Findings new since the base branch', matchOnDetail: true });
    if (!picked?.folder) return;
    const { start, end } = picked.finding.range;
    await vscode.window.showTextDocument(this.service.uriOf(picked.folder, picked.finding.file), {
      selection: new vscode.Range(start.line, start.column, end.line, end.column),
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
