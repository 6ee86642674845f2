// The Decisions view (`adrift.decisions`): records grouped by status, a folder level only when
// the workspace has several folders, a text filter, and inline actions through
// `view/item/context` menus keyed on each item's contextValue (decision.<status>).

import * as vscode from 'vscode';
import { timedMethods } from '../service/longTasks';
import type { AdriftService, FolderState } from '../service/adriftService';
import { GROUP_LABELS, groupDecisions, padId, todayIso, type DecisionEntry, type StatusGroup } from './decisionItems';
import { debtSum, type DebtCounts } from '../../core/debt/debt';

export const DECISIONS_VIEW_ID = 'adrift.decisions';

export type DecisionNode =
  | { kind: 'folder'; folder: FolderState }
  | { kind: 'group'; folder: FolderState; status: StatusGroup; entries: DecisionEntry[] }
  | { kind: 'decision'; folder: FolderState; entry: DecisionEntry };

const STATUS_ICONS: Record<StatusGroup, [icon: string, color?: string]> = {
  accepted: ['pass', 'testing.iconPassed'],
  proposed: ['lightbulb', 'editorLightBulb.foreground'],
  deprecated: ['archive'],
  superseded: ['replace'],
  rejected: ['circle-slash'],
  invalid: ['error', 'problemsErrorIcon.foreground'],
};

function icon(status: StatusGroup): vscode.ThemeIcon {
  const [id, color] = STATUS_ICONS[status];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** The plain facts of a tree item, as tests and the UI both see them. */
export interface DecisionTreeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  icon?: string;
  children?: DecisionTreeSnapshot[];
}

export class DecisionsTreeProvider implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DecisionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AdriftService) {
    // Every change of findings: a decision's debt count moves with a single file's edit too.
    this.subscription = service.onDidChange(() => this.changed.fire(undefined));
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  getChildren(node?: DecisionNode): DecisionNode[] {
    const today = todayIso();
    if (!node) {
      const folders = this.service.folders();
      if (folders.length > 1) return folders.map((folder) => ({ kind: 'folder', folder }));
      return folders.length === 1 ? this.groups(folders[0], today) : [];
    }
    if (node.kind === 'folder') return this.groups(node.folder, today);
    if (node.kind === 'group') return node.entries.map((entry) => ({ kind: 'decision', folder: node.folder, entry }));
    return [];
  }

  getParent(node: DecisionNode): DecisionNode | undefined {
    if (node.kind === 'folder') return undefined;
    if (node.kind === 'group') return this.service.folders().length > 1 ? { kind: 'folder', folder: node.folder } : undefined;
    const group = this.groups(node.folder, todayIso()).find((g) => g.kind === 'group' && g.status === node.entry.status);
    return group;
  }

  private groups(folder: FolderState, today: string): DecisionNode[] {
    return [...groupDecisions(folder.log, this.filterText, today)].map(([status, entries]) => ({ kind: 'group', folder, status, entries }));
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.folder.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.folder.root}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.description = node.folder.log.folderRelative;
      item.contextValue = 'folder';
      return item;
    }
    if (node.kind === 'group') {
      const expanded = node.status === 'accepted' || node.status === 'proposed' || node.status === 'invalid' || this.filterText !== '';
      const item = new vscode.TreeItem(GROUP_LABELS[node.status], expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${node.folder.root}:${node.status}`;
      item.description = String(node.entries.length);
      item.iconPath = icon(node.status);
      item.contextValue = `group.${node.status}`;
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(`${padId(e.id)} ${e.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `decision:${node.folder.root}:${e.file}`;
    const parts = [e.date ?? ''];
    if (e.overdue) parts.push(`review overdue since ${e.reviewBy}`);
    if (e.supersededBy !== undefined) parts.push(`by ${padId(e.supersededBy)}`);
    if (e.problems > 0) parts.push(`${e.problems} problem${e.problems === 1 ? '' : 's'}`);
    const debt = e.status === 'accepted' && e.id !== undefined ? this.service.debtOf(node.folder).get(e.id) : undefined;
    const debtCount = debt ? debtSum(debt) : 0;
    if (debt && debtCount > 0) parts.push(`${debtCount} debt`);
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = e.overdue ? new vscode.ThemeIcon('history', new vscode.ThemeColor('list.warningForeground')) : icon(e.status);
    item.contextValue = `decision.${e.status}${e.overdue ? '.overdue' : ''}`;
    item.resourceUri = this.service.uriOf(node.folder, e.file);
    item.tooltip = tooltip(e, debt);
    item.command = { command: 'adrift.openDecision', title: 'Open Decision Record', arguments: [item.resourceUri] };
    item.accessibilityInformation = { label: `Decision ${e.id ?? ''} ${e.title}, ${e.status}${e.overdue ? ', review overdue' : ''}${debtCount > 0 ? `, ${debtCount} debt` : ''}` };
    return item;
  }

  /** Everything the tree shows now, expanded: for tests and for the UI test's assertions. */
  snapshot(): DecisionTreeSnapshot[] {
    const walk = (node: DecisionNode): DecisionTreeSnapshot => {
      const item = this.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const children = this.getChildren(node);
      return {
        label,
        ...(typeof item.description === 'string' ? { description: item.description } : {}),
        ...(item.contextValue ? { contextValue: item.contextValue } : {}),
        ...(item.iconPath instanceof vscode.ThemeIcon ? { icon: item.iconPath.id } : {}),
        ...(children.length > 0 ? { children: children.map(walk) } : {}),
      };
    };
    return this.getChildren().map(walk);
  }
}

function tooltip(e: DecisionEntry, debt: DebtCounts | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**ADR-${padId(e.id)}** `).appendText(e.title).appendMarkdown('\n\n');
  md.appendMarkdown(`$(${STATUS_ICONS[e.status][0]}) ${e.status}`);
  if (e.date) md.appendText(` · ${e.date}`);
  if (e.tags.length > 0) md.appendText(` · ${e.tags.map((t) => `#${t}`).join(' ')}`);
  if (e.reviewBy) md.appendMarkdown(`\n\n${e.overdue ? '$(history) Review overdue: ' : 'Review by '}`).appendText(e.reviewBy);
  if (e.problems > 0) md.appendMarkdown(`\n\n$(error) ${e.problems} problem${e.problems === 1 ? '' : 's'} in this record (see Problems)`);
  if (debt && debtSum(debt) > 0) md.appendMarkdown('\n\n').appendText(`Debt: ${debt.findings} open, ${debt.baseline} baselined, ${debt.suppressions} suppressed (adrift debt shows the trend)`);
  md.appendMarkdown('\n\n').appendText(e.file);
  return md;
}

export interface DecisionsView extends vscode.Disposable {
  provider: DecisionsTreeProvider;
  view: vscode.TreeView<DecisionNode>;
}

export function registerDecisionsView(service: AdriftService): DecisionsView {
  const provider = new DecisionsTreeProvider(service);
  const view = vscode.window.createTreeView(DECISIONS_VIEW_ID, { treeDataProvider: timedMethods(service.tasks, 'Decisions view', provider, ['getChildren', 'getTreeItem', 'getParent']), showCollapseAll: true });
  const update = (): void => {
    view.description = provider.filter ? `filter: ${provider.filter}` : undefined;
    view.message = provider.filter && provider.getChildren().length === 0 ? `No decision matches "${provider.filter}".` : undefined;
    void vscode.commands.executeCommand('setContext', 'adrift.decisionsFiltered', provider.filter !== '');
  };
  const subscriptions = [provider.onDidChangeTreeData(update)];
  update();
  void service.ready.then(update);
  return {
    provider,
    view,
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      view.dispose();
      provider.dispose();
    },
  };
}
