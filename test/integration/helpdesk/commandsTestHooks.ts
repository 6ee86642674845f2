// Shared by the commands, views and map suites: typed wrappers around the extension's
// test-only commands (src/extension/commands/testHooks.ts) and small file helpers.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { adriftExtension, testWorkspace, waitFor } from '../harness';

export interface TreeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  icon?: string;
  children?: TreeSnapshot[];
}

export interface RenderedState {
  modules: number;
  edges: number;
  selectedEdge?: string;
  listedImports: number;
}

export async function activated(): Promise<void> {
  await adriftExtension().activate();
  await waitFor('the Adrift test hooks to be registered', async () => (await vscode.commands.getCommands(true)).includes('adrift.test.answerPrompts'));
}

/** Queues answers for the prompts the next command asks; null cancels a prompt. */
export async function answer(...answers: (string | null)[]): Promise<void> {
  await vscode.commands.executeCommand('adrift.test.answerPrompts', answers);
}

export async function prompts(): Promise<{ pending: number; asked: string[] }> {
  return (await vscode.commands.executeCommand('adrift.test.prompts')) as { pending: number; asked: string[] };
}

export async function decisionsTree(): Promise<{ description?: string; message?: string; items: TreeSnapshot[] }> {
  return (await vscode.commands.executeCommand('adrift.test.decisionsTree')) as { description?: string; message?: string; items: TreeSnapshot[] };
}

export async function statusBar(): Promise<{ text: string; tooltip: string; count: { errors: number; warnings: number; infos: number; records: number } }> {
  return (await vscode.commands.executeCommand('adrift.test.statusBar')) as { text: string; tooltip: string; count: { errors: number; warnings: number; infos: number; records: number } };
}

export async function mapState(): Promise<{ visible: boolean; rendered?: RenderedState }> {
  return (await vscode.commands.executeCommand('adrift.test.mapState')) as { visible: boolean; rendered?: RenderedState };
}

/** The groups of the tree (one folder: the top level) as label → child labels. */
export function groups(items: TreeSnapshot[]): Map<string, string[]> {
  return new Map(items.map((g) => [g.label, (g.children ?? []).map((c) => c.label)]));
}

export function readFile(relative: string): string {
  return fs.readFileSync(path.join(testWorkspace(), relative), 'utf8');
}

export function exists(relative: string): boolean {
  return fs.existsSync(path.join(testWorkspace(), relative));
}

export function recordFiles(): string[] {
  return fs.readdirSync(path.join(testWorkspace(), 'docs', 'adr')).filter((f) => f.endsWith('.yaml')).sort();
}

/** Waits until the tree shows `label` somewhere (the service reloads records asynchronously). */
export async function treeShows(label: string, timeoutMs = 10_000): Promise<TreeSnapshot[]> {
  return waitFor(`the Decisions view to show "${label}"`, async () => {
    const tree = await decisionsTree();
    const all = tree.items.flatMap((g) => [g, ...(g.children ?? [])]);
    return all.some((i) => i.label === label) ? tree.items : undefined;
  }, timeoutMs);
}

/**
 * Remembers the workspace's files so a suite that edits records, settings and folders can
 * put everything back: the suites after it (in the same extension host) see the example as
 * it was. Restoring rewrites changed files (open clean editors follow the disk), deletes new
 * ones, resets the settings, and waits until Adrift has re-read the records and re-scanned.
 * Editors are left open: closing one another suite left unsaved would block on a dialog.
 */
export function snapshotWorkspace(): () => Promise<void> {
  const root = testWorkspace();
  const skip = /(^|\/)(node_modules|\.git|\.adrift-cache)(\/|$)/;
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (skip.test(rel)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(rel, fs.readFileSync(full));
    }
  };
  walk(root);
  return async () => {
    for (const key of ['decisionsFolder', 'severity', 'exclude']) await vscode.workspace.getConfiguration('adrift').update(key, undefined, vscode.ConfigurationTarget.Workspace);
    const now = new Set<string>();
    const prune = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        const rel = path.relative(root, full).split(path.sep).join('/');
        if (skip.test(rel) || rel === '.vscode' || rel.startsWith('.vscode/')) continue;
        if (entry.isDirectory()) {
          prune(full);
          if (fs.readdirSync(full).length === 0 && ![...files.keys()].some((f) => f.startsWith(`${rel}/`))) fs.rmdirSync(full);
        } else if (!files.has(rel)) {
          fs.rmSync(full);
        } else {
          now.add(rel);
        }
      }
    };
    prune(root);
    for (const [rel, content] of files) {
      const full = path.join(root, rel);
      if (!now.has(rel) || !fs.readFileSync(full).equals(content)) {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
      }
    }
    await vscode.commands.executeCommand('adrift.checkWorkspace');
  };
}

/** The id the next new record gets: one above the highest number in docs/adr. */
export function nextRecordId(): number {
  return Math.max(0, ...recordFiles().map((f) => Number(/^(\d+)-/.exec(f)?.[1] ?? 0))) + 1;
}

export function pad(id: number): string {
  return String(id).padStart(4, '0');
}
