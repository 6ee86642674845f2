// File watchers for records and sources. Events are batched until the disk is quiet, so a
// branch switch that touches thousands of files costs one pass: a big batch rescans the
// folder once, a small one re-checks just its files, and a changed record, config or
// baseline reloads the model once per batch; a changed settings file or .gitignore rebuilds
// the index. A folder that appears is looked into: the watcher reports it, but not always the
// files written into it before it watched it (inotify on Linux, parcel-bundler/watcher#243).

import * as vscode from 'vscode';
import type { AdriftService, FolderState } from '../service/adriftService';
import { configFilesGlob, isLanguageConfigFile, sourceFilesGlob } from '../../core/engine/languages';
import { runScan } from './scan';

const QUIET_MS = 300;
/** How long the disk watcher's event of a file VS Code reported itself is taken for the same one. */
const ECHO_MS = 5_000;
/** More files than this in one batch: one full rescan is cheaper than file-by-file checks. */
const RESCAN_THRESHOLD = 200;
const SOURCES = sourceFilesGlob();
const RESOLUTION = configFilesGlob();
// A cheap first filter only: the index judges each file as the listing does (WorkspaceIndex.checks).
const IGNORED = /(^|\/)(node_modules|\.git|\.adrift-cache)\//;

export function registerWatchers(service: AdriftService): vscode.Disposable {
  const sources = new Map<string, vscode.Uri>();
  /** Created paths that are not source files: a folder among them may hold sources no event named. */
  const created = new Map<string, vscode.Uri>();
  const recordFolders = new Set<FolderState>();
  const rebuildFolders = new Set<FolderState>();
  let timer: NodeJS.Timeout | undefined;
  let flushing = Promise.resolve();

  const flush = async (): Promise<void> => {
    const appeared = [...created.values()];
    created.clear();
    const records = [...recordFolders];
    const rebuild = [...rebuildFolders];
    const bigFolders = new Set<FolderState>(rebuild);
    for (const uri of appeared) {
      const inside = await service.sourcesBelow(uri);
      const folder = service.folderOf(uri);
      if (inside === undefined && folder) bigFolders.add(folder);
      for (const file of inside ?? []) if (!isDirty(file)) sources.set(file.toString(), file);
    }
    const changed = [...sources.values()];
    sources.clear();
    recordFolders.clear();
    rebuildFolders.clear();
    for (const folder of new Set([...records, ...rebuild])) await service.reloadRecords(folder);
    const perFolder = new Map<FolderState, vscode.Uri[]>();
    for (const uri of changed) {
      const folder = service.folderOf(uri);
      if (!folder) continue;
      const list = perFolder.get(folder) ?? [];
      list.push(uri);
      perFolder.set(folder, list);
    }
    for (const [folder, uris] of perFolder) {
      if (uris.length > RESCAN_THRESHOLD) bigFolders.add(folder);
      else if (!bigFolders.has(folder)) await service.filesChanged(uris);
    }
    for (const folder of rebuild) service.resetIndex(folder);
    if (bigFolders.size > 0) await runScan(service, [...bigFolders], 'files changed');
  };

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      flushing = flushing.then(() => service.tasks.track('file watcher: changed files', flush)).catch(() => undefined);
    }, QUIET_MS);
  };

  // An open, unsaved editor is the truth for its file; its own events re-check it.
  const isDirty = (uri: vscode.Uri): boolean => vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString());

  const onSource = service.tasks.wrap('file watcher: a source changed', (uri: vscode.Uri): void => {
    if (IGNORED.test(uri.path) || isDirty(uri)) return;
    sources.set(uri.toString(), uri);
    schedule();
  });

  /** Anything created: a source file is re-checked, and any other path is looked into once the disk is quiet, in case it is a folder. */
  const onCreated = service.tasks.wrap('file watcher: something was created', (uri: vscode.Uri): void => {
    if (IGNORED.test(uri.path)) return;
    const at = service.locate(uri);
    if (!at) return;
    if (service.checksFile(at.folder, at.file)) {
      onSource(uri);
      return;
    }
    created.set(uri.toString(), uri);
    schedule();
  });

  /** Any deletion: a folder's disappears as one event, so its checked files are looked up. */
  const onDelete = service.tasks.wrap('file watcher: a deletion', (uri: vscode.Uri): void => {
    if (IGNORED.test(uri.path)) return;
    const inside = service.filesUnder(uri);
    if (inside.length === 0) return;
    for (const file of inside) sources.set(file.toString(), file);
    schedule();
  });

  const onYaml = service.tasks.wrap('file watcher: a YAML file changed', (uri: vscode.Uri): void => {
    if (IGNORED.test(uri.path)) return;
    const folder = service.folderOf(uri);
    if (!folder) return;
    const file = service.locate(uri)?.file;
    if (service.isRecordFile(uri) || file === folder.config.baseline) {
      recordFolders.add(folder);
      schedule();
    }
  });

  const onResolution = service.tasks.wrap('file watcher: a resolution setting changed', (uri: vscode.Uri): void => {
    if (IGNORED.test(uri.path)) return;
    const folder = service.folderOf(uri);
    if (folder) {
      rebuildFolders.add(folder);
      schedule();
    }
  });

  /**
   * What VS Code reported itself, by kind and URI: when, the disk watchers whose handlers it
   * was given to (onCreated and onDelete cover the source watcher's), and whose echo was dropped.
   */
  const reported = new Map<string, { at: number; handled: Set<string>; echoed: Set<string> }>();
  /**
   * A file VS Code itself created or deleted (the explorer, a workspace edit, a refactoring,
   * another extension): told to every handler whose watcher would match it, so a record
   * written that way reloads the model without waiting for the disk watcher's event, which
   * comes late or, in one CI run, not at all (a created record stayed unloaded for 30 s).
   */
  const fileOperation = (uri: vscode.Uri, kind: 'created' | 'deleted'): void => {
    const now = Date.now();
    for (const [key, r] of reported) if (now - r.at > ECHO_MS) reported.delete(key);
    const handled = new Set(['any', 'source']);
    if (kind === 'created') onCreated(uri);
    else onDelete(uri);
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (/\.(ya?ml|json)$/i.test(name)) {
      onYaml(uri);
      handled.add('yaml');
    }
    if (name === '.gitignore' || isLanguageConfigFile(name)) {
      onResolution(uri);
      handled.add('resolution').add('gitignore');
    }
    reported.set(`${kind} ${uri.toString()}`, { at: now, handled, echoed: new Set() });
  };

  /**
   * A disk watcher's create or delete event, unless it is the echo of one VS Code reported
   * itself moments ago: the echo would come after the batch was handled, and a settings
   * file's would rebuild the index and rescan the workspace a second time. Each watcher's
   * first echo is dropped, not a second event (the file made again on disk).
   */
  const fromDisk =
    (watcher: string, kind: 'created' | 'deleted', handle: (uri: vscode.Uri) => void) =>
    (uri: vscode.Uri): void => {
      const r = reported.get(`${kind} ${uri.toString()}`);
      if (r && Date.now() - r.at <= ECHO_MS && r.handled.has(watcher) && !r.echoed.has(watcher)) {
        r.echoed.add(watcher);
        return;
      }
      handle(uri);
    };

  const sourceWatcher = vscode.workspace.createFileSystemWatcher(SOURCES);
  const yamlWatcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}');
  const resolutionWatcher = vscode.workspace.createFileSystemWatcher(RESOLUTION);
  // A .gitignore changes which files the scan lists, as `adrift check` would list them now.
  const gitignoreWatcher = vscode.workspace.createFileSystemWatcher('**/.gitignore');
  const anyWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  return vscode.Disposable.from(
    anyWatcher,
    anyWatcher.onDidCreate(fromDisk('any', 'created', onCreated)),
    anyWatcher.onDidDelete(fromDisk('any', 'deleted', onDelete)),
    // What VS Code itself creates, deletes or renames (the explorer, a workspace edit, a
    // refactoring) is reported here whatever the file watcher saw.
    vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => fileOperation(uri, 'created'))),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => fileOperation(uri, 'deleted'))),
    vscode.workspace.onDidRenameFiles((e) =>
      e.files.forEach(({ oldUri, newUri }) => {
        fileOperation(oldUri, 'deleted');
        fileOperation(newUri, 'created');
      }),
    ),
    sourceWatcher,
    yamlWatcher,
    resolutionWatcher,
    sourceWatcher.onDidCreate(fromDisk('source', 'created', onSource)),
    sourceWatcher.onDidChange(onSource),
    sourceWatcher.onDidDelete(fromDisk('source', 'deleted', onSource)),
    yamlWatcher.onDidCreate(fromDisk('yaml', 'created', onYaml)),
    yamlWatcher.onDidChange(onYaml),
    yamlWatcher.onDidDelete(fromDisk('yaml', 'deleted', onYaml)),
    resolutionWatcher.onDidCreate(fromDisk('resolution', 'created', onResolution)),
    resolutionWatcher.onDidChange(onResolution),
    resolutionWatcher.onDidDelete(fromDisk('resolution', 'deleted', onResolution)),
    gitignoreWatcher,
    gitignoreWatcher.onDidCreate(fromDisk('gitignore', 'created', onResolution)),
    gitignoreWatcher.onDidChange(onResolution),
    gitignoreWatcher.onDidDelete(fromDisk('gitignore', 'deleted', onResolution)),
    new vscode.Disposable(() => clearTimeout(timer)),
  );
}
