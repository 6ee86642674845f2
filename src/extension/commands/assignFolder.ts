// Adrift: Assign Folder to Module — from the Explorer's context menu (a folder), a CodeLens
// (a file: its folder), or the palette (asks for a folder). Pick a module or name a new one;
// then where to write it: a new proposed record (the default, so no accepted decision changes
// unseen), a proposed record, or — after an explicit yes — the accepted record in force.
// The folder's name is escaped as a glob and quoted as YAML, so `src/app/[slug]` claims
// exactly that folder.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { folderGlob } from '../../core/model/globs';
import { assignFolderToModule, assignmentTargets } from '../../core/records/edits';
import { padId } from '../views/decisionItems';
import type { FolderState } from '../service/adriftService';
import { ensureDecisionsFolder, openRecord, optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';
import type { PickItem } from './prompts';
import { applyRecordChanges, fresh, tryEdit } from './recordEdits';

export interface AssignFolderArgs {
  /** Workspace folder (name or path) the folder belongs to. */
  folder: string;
  /** The folder to assign, relative to the workspace folder. */
  path: string;
  module: string;
  /** Where to write: 'new' (a new proposed record) or a record id. Asked when absent. */
  into: 'new' | number;
  /** With `into` an accepted record: true answers "Edit it anyway?" in advance (default: ask). */
  editAccepted: boolean;
}

const NEW_MODULE = Symbol('new module');
const MODULE_NAME = /^[a-z][a-z0-9-]*$/;

/** A module name suggested from a folder name: "KnowledgeBase" → "knowledge-base". */
export function suggestModuleName(folderPath: string): string {
  const base = path.posix.basename(folderPath) || 'module';
  const kebab = base
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(kebab) ? kebab : `m-${kebab || 'module'}`;
}

export class AssignFolderCommand implements AdriftCommand {
  readonly id = 'adrift.assignFolder';
  constructor(private readonly ctx: CommandContext) {}

  async run(target?: unknown): Promise<{ module: string; glob: string; file?: string } | undefined> {
    const opts = optionsOf<AssignFolderArgs>(target);
    const title = 'Assign Folder to Module';
    const located = target instanceof vscode.Uri ? await this.fromUri(target) : undefined;
    if (target instanceof vscode.Uri && !located) return undefined;
    const folder = located?.folder ?? (await pickFolder(this.ctx, opts.folder, title));
    if (!folder) return undefined;
    const relative = located?.relative ?? (opts.path !== undefined ? opts.path.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '') : await this.askFolder(folder, title));
    if (relative === undefined) return undefined;
    if (!(await ensureDecisionsFolder(this.ctx, folder))) return undefined;
    const glob = folderGlob(relative);

    const current = fresh(this.ctx, folder);
    const module = opts.module ?? (await this.askModule(current, relative, glob, title));
    if (!module) return undefined;
    const into = await this.askRecord(current, module, relative, title, opts);
    if (into === undefined) return undefined;
    const changes = tryEdit(() => assignFolderToModule(current.log, current.model, { module, glob, into }));
    if (!changes) return undefined;
    if (changes.length === 0) {
      void vscode.window.showInformationMessage(`Adrift: ${glob} already belongs to module ${module}.`);
      return { module, glob };
    }
    if (!(await applyRecordChanges(this.ctx, current, changes, `Assign ${glob} to module ${module}`))) return undefined;
    const file = changes[0].path;
    await openRecord(this.ctx, current, file);
    const status = current.log.records.find((r) => r.file === file)?.record?.status ?? 'proposed';
    void vscode.window.showInformationMessage(
      status === 'accepted'
        ? `Adrift: ${glob} now belongs to module ${module} (${path.posix.basename(file)}).`
        : `Adrift: ${relative || 'the workspace'} joins module ${module} in the proposed record ${path.posix.basename(file)}; accept it to start checking.`,
    );
    return { module, glob, file };
  }

  /**
   * Which record gets the folder: a new proposed record unless the user picks another.
   * An accepted record is in force, so editing it takes a second, explicit yes.
   */
  private async askRecord(folder: FolderState, module: string, relative: string, title: string, given: { into?: 'new' | number; editAccepted?: boolean }): Promise<'new' | number | undefined> {
    const targets = assignmentTargets(folder.log, folder.model, module);
    let chosen = given.into;
    if (chosen === undefined) {
      if (targets.length === 0) return 'new';
      const items: PickItem<'new' | number>[] = [
        { label: '$(new-file) New proposed record', description: 'recommended', detail: `Accepting it makes ${relative || 'the workspace'} part of module ${module}; nothing changes before`, value: 'new' },
        ...targets.map((t) => ({ label: `${padId(t.id)} ${t.title}`, description: t.status, detail: t.status === 'accepted' ? 'In force: asks before changing it' : t.file, value: t.id })),
      ];
      chosen = await this.ctx.prompter.pick(items, { title: `${title}: ${module}`, placeHolder: 'Write the folder into which record?' });
    }
    const target = targets.find((t) => t.id === chosen);
    if (chosen === undefined || !target || target.status !== 'accepted' || given.editAccepted === true) return chosen;
    const edit = 'Edit Accepted Record';
    const answer = await this.ctx.prompter.confirm(
      `Record ${padId(target.id)} "${target.title}" is accepted: adding ${relative || 'the workspace'} to module ${module} there changes the architecture in force without a review. Edit it anyway?`,
      [edit],
      true,
    );
    return answer === edit ? chosen : undefined;
  }

  /** The workspace folder and folder path of an Explorer folder, or of a file's folder. */
  private async fromUri(uri: vscode.Uri): Promise<{ folder: FolderState; relative: string } | undefined> {
    await this.ctx.service.ready;
    const folder = this.ctx.service.folderOf(uri);
    if (!folder) {
      void vscode.window.showWarningMessage(`Adrift: ${uri.fsPath} is not inside a workspace folder.`);
      return undefined;
    }
    let target = uri;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) target = vscode.Uri.joinPath(uri, '..');
    } catch {
      // Gone (or not yet saved): a name with an extension is a file, anything else a folder.
      if (/\.[^./]+$/.test(path.posix.basename(uri.path))) target = vscode.Uri.joinPath(uri, '..');
    }
    const relative = path.posix.relative(folder.root, target.fsPath.split(path.sep).join('/'));
    return { folder, relative };
  }

  private async askFolder(folder: FolderState, title: string): Promise<string | undefined> {
    const picked = await this.ctx.prompter.openFolder({ title: `${title}: which folder?`, defaultUri: folder.folder.uri });
    if (!picked) return undefined;
    const relative = path.posix.relative(folder.root, picked.fsPath.split(path.sep).join('/'));
    if (relative.startsWith('..') || path.posix.isAbsolute(relative)) {
      void vscode.window.showWarningMessage(`Adrift: ${picked.fsPath} is outside ${folder.folder.name}; pick a folder inside it.`);
      return undefined;
    }
    return relative;
  }

  private async askModule(folder: FolderState, relative: string, glob: string, title: string): Promise<string | undefined> {
    // A pattern's module takes its folders from the pattern: giving it another folder would declare a second module of its name.
    const modules = [...folder.model.modules.values()].filter((m) => !m.pattern);
    const items: PickItem<string | typeof NEW_MODULE>[] = [
      { label: '$(add) New module…', detail: `Declare a new module owning ${glob}`, value: NEW_MODULE },
      ...modules.map((m) => ({ label: m.name, description: m.paths.join(', '), detail: m.description, value: m.name })),
    ];
    const chosen = modules.length === 0 ? NEW_MODULE : await this.ctx.prompter.pick(items, { title: `${title}: ${relative || folder.folder.name}`, placeHolder: 'Which module does this folder belong to?' });
    if (chosen !== NEW_MODULE) return chosen;
    const name = await this.ctx.prompter.input({
      title: `${title}: ${relative || folder.folder.name}`,
      prompt: 'Name of the new module (lower-case letters, digits and dashes)',
      value: suggestModuleName(relative),
      validate: (text) => (MODULE_NAME.test(text.trim()) ? (folder.model.modules.has(text.trim()) ? `Module ${text.trim()} exists already: pick it from the list instead.` : undefined) : 'Use lower-case letters, digits and dashes, starting with a letter, e.g. "billing".'),
    });
    return name?.trim() || undefined;
  }
}
