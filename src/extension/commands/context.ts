// What every Adrift command shares: the service, the prompter, the views, and the three
// questions nearly every command asks first — which folder, is there a decisions folder,
// which decision.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LoadedRecord } from '../../core/records/types';
import type { AdriftService, FolderState } from '../service/adriftService';
import type { ModuleMapPanel } from '../map/mapPanel';
import type { DriftPanel } from '../drift/driftPanel';
import type { DecisionNode, DecisionsTreeProvider } from '../views/decisionsView';
import { padId } from '../views/decisionItems';
import type { PickItem, Prompter } from './prompts';

export interface CommandContext {
  service: AdriftService;
  prompter: Prompter;
  decisions: DecisionsTreeProvider;
  map: ModuleMapPanel;
  drift: DriftPanel;
  log: vscode.LogOutputChannel;
}

/** A command: its id and what it does. Arguments are whatever the palette, a menu or a test passes. */
export interface AdriftCommand {
  readonly id: string;
  run(...args: unknown[]): Promise<unknown>;
}

export function isDecisionNode(value: unknown): value is DecisionNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'folder' in value && typeof (value as { kind: unknown }).kind === 'string';
}

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

/** A folder named by a test or a caller: its name, its path, or a Uri inside it. */
function folderNamed(service: AdriftService, hint: unknown): FolderState | undefined {
  if (isUri(hint)) return service.folderOf(hint);
  if (typeof hint !== 'string') return undefined;
  const posix = hint.split(path.sep).join('/');
  return service.folders().find((f) => f.folder.name === hint || f.root === posix) ?? (path.isAbsolute(hint) ? service.folderOf(vscode.Uri.file(hint)) : undefined);
}

/**
 * The workspace folder a command works on: the one named by `hint`, the only one, or the one
 * the user picks. Without a workspace, says so and resolves undefined.
 */
export async function pickFolder(ctx: CommandContext, hint: unknown, title: string): Promise<FolderState | undefined> {
  await ctx.service.ready;
  const folders = ctx.service.folders();
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Adrift works on a workspace folder: open a folder first (File > Open Folder).');
    return undefined;
  }
  const named = folderNamed(ctx.service, hint);
  if (named) return named;
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = active && ctx.service.folderOf(active);
  const items: PickItem<FolderState>[] = folders.map((f) => ({
    label: f.folder.name,
    description: f.log.folderRelative + (f === current ? ' · active editor' : ''),
    detail: `${f.log.records.length} decision record${f.log.records.length === 1 ? '' : 's'}`,
    value: f,
  }));
  if (current) items.sort((a, b) => Number(b.value === current) - Number(a.value === current));
  return ctx.prompter.pick(items, { title, placeHolder: 'Which workspace folder?' });
}

/**
 * Makes sure the folder has a decisions folder, offering to create it. Resolves true when
 * it exists (or now exists).
 */
export async function ensureDecisionsFolder(ctx: CommandContext, folder: FolderState): Promise<boolean> {
  if (folder.log.folderExists) return true;
  const create = `Create ${folder.log.folderRelative}`;
  const answer = await ctx.prompter.confirm(`${folder.folder.name} has no decisions folder yet (${folder.log.folderRelative}). Create it?`, [create], true);
  if (answer !== create) return false;
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(folder.log.folder));
  await ctx.service.reloadRecords(folder);
  return true;
}

/** The record a command acts on: from a tree item, a Uri, an id, or picked from the log. */
export async function pickDecision(
  ctx: CommandContext,
  folder: FolderState,
  target: unknown,
  options: { title: string; placeHolder: string; filter?: (r: LoadedRecord) => boolean },
): Promise<LoadedRecord | undefined> {
  const current = ctx.service.folders().find((f) => f.root === folder.root) ?? folder;
  if (isDecisionNode(target) && target.kind === 'decision') return current.log.records.find((r) => r.file === target.entry.file);
  if (isUri(target)) return ctx.service.recordAt(target);
  if (typeof target === 'number') return ctx.service.record(current, target);
  const candidates = current.log.records.filter((r) => r.record && (options.filter?.(r) ?? true));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(`Adrift: no decision record in ${current.log.folderRelative} fits "${options.title}".`);
    return undefined;
  }
  // The record open in the editor comes first, so it is the one highlighted: Enter picks it.
  const active = vscode.window.activeTextEditor?.document.uri;
  const open = active ? ctx.service.recordAt(active)?.file : undefined;
  const ordered = [...candidates.filter((r) => r.file === open), ...candidates.filter((r) => r.file !== open)];
  return ctx.prompter.pick(
    ordered.map((r) => ({ label: `${padId(r.record?.id)} ${r.record?.title ?? r.file}`, description: `${r.record?.status ?? ''}${r.file === open ? ' · open in the editor' : ''}`, detail: r.file, value: r })),
    { title: options.title, placeHolder: options.placeHolder },
  );
}

/** The folder a target (tree item, Uri, folder hint) belongs to, when it says. */
export function folderOfTarget(ctx: CommandContext, target: unknown): FolderState | undefined {
  if (isDecisionNode(target)) return target.folder;
  if (isUri(target)) return ctx.service.folderOf(target);
  return undefined;
}

export async function openRecord(ctx: CommandContext, folder: FolderState, file: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(ctx.service.uriOf(folder, file), { preview: false });
}

/** Options object a test or another command passes instead of answering prompts. */
export function optionsOf<T extends object>(value: unknown): Partial<T> {
  return typeof value === 'object' && value !== null && !isUri(value) && !isDecisionNode(value) && !Array.isArray(value) ? (value as Partial<T>) : {};
}
