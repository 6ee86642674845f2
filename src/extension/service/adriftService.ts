// The state every editor feature shares: per workspace folder, the config, the decision log,
// the architecture model folded from it, the drift engine's index and the findings.
// Features never load records or run checks themselves; they read from here and listen.
//
// API (created once in activate(), passed to every register…() function):
//   service.folders(): readonly FolderState[]            every workspace folder Adrift knows
//   service.folderOf(uri): FolderState | undefined         the folder holding a file
//   service.locate(uri): { folder, file } | undefined      folder + workspace-relative POSIX path
//   service.uriOf(folder, file): Uri                       inverse of locate (file may be absolute)
//   service.recordAt(uri): LoadedRecord | undefined        the decision record stored in that file
//   service.record(folder, id): LoadedRecord | undefined
//   service.moduleOf(folder, file): ModelModule | undefined the module a workspace-relative file belongs to
//   service.engineIndex(folder): WorkspaceIndex | undefined  the engine's index (moduleImports() for the map)
//   service.findings(folder?): Finding[]                   record + drift findings, settings applied
//                                                          (severity per rule, 'off' and adrift.exclude dropped)
//   service.findingsOf(uri): Finding[]                     the same for one file
//   service.filesWithFindings(folder): string[]            the files that have any (a publish reads each one's in turn)
//   service.findingsOfDecision(folder, id): Finding[]      findings that name decision `id`
//   service.debtOf(folder): Map<id, DebtCounts>            open, baselined and suppressed findings per decision
//   service.previewAccepting(folder, id): Promise<{ resolved: Finding[]; added: Finding[] }>
//                                                          what accepting a proposed record would change
//   service.checkDocument(document): Finding[]             re-check an open file from its in-memory text
//   service.filesChanged(uris): Promise<void>              batch of created/changed/deleted sources
//   service.filesUnder(uri): Uri[]                         checked files at or below a (deleted) folder
//   service.sourcesBelow(uri): Promise<Uri[] | undefined>  source files inside a folder that appeared
//   service.reloadRecords(folder?): Promise<void>          re-read config + records, re-fold, re-evaluate
//   service.scan(folder, token?, onProgress?)              full background scan of a folder
//   service.resetIndex(folder)                             fresh engine index (a language's settings changed)
//   service.applyChanges(changes, folder?, label?)         the core's FileChange[] through ONE WorkspaceEdit
//   service.fileSystem                                     the FileSystemPort the core uses (open editors win)
//   service.onDidChange: Event<AdriftChange>               'records' (model reloaded), 'findings' (files or all),
//                                                          'folders' (workspace folders added/removed)
//   service.ready: Promise<void>                           resolves once every folder is loaded (not scanned)
//   service.tasks: LongTaskMonitor                         times Adrift's entry points; logs main-thread blocks over 50 ms
// A FolderState is read-only to features: { folder, root, config, log, model, settings, scanned }.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareFindings, type Finding } from '../../core/findings';
import type { ArchitectureModel, ModelModule } from '../../core/model/types';
import { loadConfig, type AdriftConfig } from '../../core/config';
import { confineToWorkspace, OutsideWorkspaceError } from '../../core/fs/confine';
import { isAdriftOutput } from '../../core/fs/generated';
import { loadDecisionLog } from '../../core/records/store';
import type { DecisionLog, FileChange, LoadedRecord } from '../../core/records/types';
import { foldModel } from '../../core/model/fold';
import { compileRawGlobs } from '../../core/model/globs';
import { ModuleMap } from '../../core/engine/modules';
import { languageOf } from '../../core/engine/extract';
import { applyBaseline, parseBaseline, todayIso, type Baseline } from '../../core/engine/baseline';
import { recordFindings } from '../../core/engine/check';
import { budgetFindings, hasBudgets } from '../../core/debt/budget';
import { countDebt, debtItems, matchedEntries, type DebtCounts } from '../../core/debt/debt';
import { decodeSourceText, otherFilesMatching, sourceFilesBelow } from '../../core/engine/files';
import { applyFileChanges, type AppliedChanges, type ChangedFile } from './applyChanges';
import type { ScanStats, WorkspaceIndex } from '../../core/engine/index';
import { eachSliced, timeSlicer, type Slicer } from '../../core/engine/slice';
import { OverlayFileSystem } from './overlayFileSystem';
import { LongTaskMonitor, nodeTimer } from './longTasks';
import { relativeTo, toPosix, uriOf } from './paths';
import { readSettings, type AdriftSettings } from './settings';
import { decideWrite, type WriteOrigin } from './trustPolicy';

/** The monitor's labels of the loops over every finding: a scan's end (then checking the records), a refresh after edits, a new model. */
const AFTER_SCAN = 'scan: collecting the findings';
const REFRESH = 'refreshing the findings after edits';
const REEVALUATE = 'collecting the findings under the new model';

export type AdriftChange =
  | { kind: 'records'; folder: FolderState }
  | { kind: 'findings'; folder: FolderState; files?: readonly string[] }
  | { kind: 'folders' };

/** Asks the user whether a command may write `files` in an untrusted workspace; see trustPolicy.ts. */
export type UntrustedWriteQuestion = (label: string, files: readonly string[]) => Promise<boolean>;
/** Whether the user lets Adrift replace `file` (workspace-relative), which Adrift did not write. */
export type OverwriteQuestion = (label: string, file: string) => Promise<boolean>;

export type CreateWorkspaceIndex = (
  fs: OverlayFileSystem,
  root: string,
  config: AdriftConfig,
  model: ArchitectureModel,
) => WorkspaceIndex;

export interface FolderState {
  readonly folder: vscode.WorkspaceFolder;
  /** Absolute POSIX path of the folder. */
  readonly root: string;
  config: AdriftConfig;
  log: DecisionLog;
  model: ArchitectureModel;
  settings: AdriftSettings;
  /** The folder's baseline (empty when there is no baseline file or it cannot be read). */
  baseline: Baseline;
  /** True once a full scan has finished since the last reload of the index. */
  scanned: boolean;
  /** How long the last full scan took in the extension host, in ms. */
  scanDurationMs?: number;
}

interface FolderData extends FolderState {
  index: WorkspaceIndex | undefined;
  /** Drift findings by workspace-relative file. */
  drift: Map<string, Finding[]>;
  /**
   * The config's and records' findings, the records' globs checked against the scanned files
   * once a scan has finished (before, every glob would match nothing): what `adrift check`
   * reports next to the drift.
   */
  records: Finding[];
  /** Counts record checks started, so an older check that ends late never replaces a newer result. */
  recordChecks?: number;
  /** The source files of the last finished scan. */
  scannedFiles?: readonly string[];
  /** A scan runs: the index holds only part of the files. */
  scanning: boolean;
  /**
   * One set per collection of the drift now running (collectDrift): the files re-checked or
   * removed meanwhile, whose own result is newer than what the collection read of them.
   */
  touched: Set<Set<string>>;
  /** Counts drift collections started, so an older one that ends late never replaces a newer one. */
  driftCollections: number;
  excluded: (file: string) => boolean;
  /** File → module, compiled once per model. */
  modules?: ModuleMap;
  /** Previews of proposed records, valid while `version` has not moved (re-folding the workspace twice per CodeLens render would be wasteful). */
  previews: Map<number, { version: number; result: { resolved: Finding[]; added: Finding[] } }>;
  refresh?: NodeJS.Timeout;
  /** Serialises reloads of one folder so two quick record edits never interleave. */
  queue: Promise<void>;
}

async function groupByFile(findings: Finding[], slicer: Slicer): Promise<Map<string, Finding[]>> {
  const map = new Map<string, Finding[]>();
  await eachSliced(findings, slicer, (f) => {
    const list = map.get(f.file);
    if (list) list.push(f);
    else map.set(f.file, [f]);
  });
  return map;
}

export class AdriftService implements vscode.Disposable {
  readonly fileSystem: OverlayFileSystem;
  private readonly emitter = new vscode.EventEmitter<AdriftChange>();
  readonly onDidChange = this.emitter.event;

  private fire(change: AdriftChange): void {
    this.version++;
    this.emitter.fire(change);
  }
  private readonly data = new Map<string, FolderData>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Moves on every change of findings or model, so cached previews know they are stale. */
  private version = 0;
  ready: Promise<void>;
  /** Every Adrift entry point runs through it; a task or block over 50 ms is logged. */
  readonly tasks: LongTaskMonitor;

  constructor(
    private readonly createIndex: CreateWorkspaceIndex | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.tasks = new LongTaskMonitor({
      report: (t) =>
        this.log.warn(
          t.source === 'task'
            ? `${t.label} took ${t.ms.toFixed(0)} ms on the extension host (over the 50 ms budget)`
            : `the extension host's main thread was blocked for ${t.ms.toFixed(0)} ms (${t.label}${t.inside ? `; ${t.inside.label} ran ${t.inside.ms.toFixed(0)} ms of it` : ''})`,
        ),
      memory: () => process.memoryUsage(),
    });
    this.tasks.start(nodeTimer);
    this.fileSystem = new OverlayFileSystem(async (files) => {
      const result = await this.applyChanges(files.map((f) => ({ path: f.path, text: f.text })), undefined, 'Adrift', 'automatic');
      if (!result.applied) throw new Error(`could not write ${files.map((f) => f.path).join(', ')}`);
    });
    this.subscriptions.push(
      this.emitter,
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const removed of e.removed) this.data.delete(removed.uri.toString());
        this.ready = Promise.all(e.added.map((f) => this.addFolder(f))).then(() => undefined);
        this.fire({ kind: 'folders' });
      }),
      // Restricted settings (adrift.decisionsFolder) take their workspace value once trusted.
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reloadRecords()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('adrift')) return;
        for (const d of this.data.values()) {
          if (!e.affectsConfiguration('adrift', d.folder)) continue;
          const before = d.settings.decisionsFolder;
          this.applySettings(d);
          if (d.settings.decisionsFolder !== before) void this.reloadRecords(d);
          else this.fire({ kind: 'findings', folder: d });
        }
      }),
    );
    this.ready = Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.addFolder(f))).then(() => undefined);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.tasks.stop();
    for (const d of this.data.values()) clearTimeout(d.refresh);
    this.data.clear();
  }

  // ---- where things are -------------------------------------------------------------

  folders(): readonly FolderState[] {
    return [...this.data.values()];
  }

  /** Whether a full scan of some folder runs now (its findings are partial until it ends, and it fires a change then). */
  get scanning(): boolean {
    return [...this.data.values()].some((d) => d.scanning);
  }

  folderOf(uri: vscode.Uri): FolderState | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf ? this.data.get(wf.uri.toString()) : undefined;
  }

  locate(uri: vscode.Uri): { folder: FolderState; file: string } | undefined {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    const file = relativeTo(folder.root, uri);
    return file === undefined ? undefined : { folder, file };
  }

  uriOf(folder: FolderState, file: string): vscode.Uri {
    return uriOf(folder.root, file);
  }

  recordAt(uri: vscode.Uri): LoadedRecord | undefined {
    const at = this.locate(uri);
    return at?.folder.log.records.find((r) => r.file === at.file);
  }

  record(folder: FolderState, id: number): LoadedRecord | undefined {
    return folder.log.records.find((r) => r.record?.id === id);
  }

  /** True when the file is a decision record of its folder (or the folder's config). */
  isRecordFile(uri: vscode.Uri): boolean {
    const at = this.locate(uri);
    if (!at) return false;
    if (at.file === '.adrift.yaml') return true;
    return path.posix.dirname(at.file) === at.folder.log.folderRelative && /\.ya?ml$/i.test(at.file);
  }

  /** True when the engine checks the file: a source file `adrift check` would list (not excluded, not gitignored …). */
  checksFile(folder: FolderState, file: string): boolean {
    const d = this.must(folder);
    if (d.excluded(file)) return false;
    return d.index ? d.index.checks(file) : languageOf(file) !== undefined;
  }

  moduleOf(folder: FolderState, file: string): ModelModule | undefined {
    const d = this.must(folder);
    if (d.modules?.model !== d.model) d.modules = new ModuleMap(d.model);
    const name = d.modules.moduleOf(file);
    return name === undefined ? undefined : d.model.modules.get(name);
  }

  /** The drift engine's index of the folder (module edges for the map, dependents ...), once created. */
  engineIndex(folder: FolderState): WorkspaceIndex | undefined {
    return this.must(folder).index;
  }

  // ---- findings -----------------------------------------------------------------------

  findings(folder?: FolderState): Finding[] {
    const out: Finding[] = [];
    for (const d of folder ? [this.must(folder)] : this.data.values()) {
      out.push(...this.effective(d, this.unbaselined(d, d.records)));
      for (const list of d.drift.values()) out.push(...this.effective(d, this.unbaselined(d, list)));
    }
    return out.sort(compareFindings);
  }

  findingsOf(uri: vscode.Uri): Finding[] {
    const at = this.locate(uri);
    if (!at) return [];
    const d = this.must(at.folder);
    const records = d.records.filter((f) => f.file === at.file);
    return this.effective(d, this.unbaselined(d, [...records, ...(d.drift.get(at.file) ?? [])])).sort(compareFindings);
  }

  /** The files of a folder that have findings now, before settings apply (findingsOf says which are shown). */
  filesWithFindings(folder: FolderState): string[] {
    const d = this.must(folder);
    return [...new Set([...d.records.map((f) => f.file), ...d.drift.keys()])];
  }

  findingsOfDecision(folder: FolderState, id: number): Finding[] {
    return this.findings(folder).filter((f) => f.decision?.id === id && f.decision.file !== f.file);
  }

  /**
   * The debt of each decision now, as `adrift debt` counts it at HEAD but from the editor's
   * index (unsaved edits included): open findings, baseline entries that accept a finding,
   * findings silenced by adrift-ignore comments. Empty before the index exists.
   */
  debtOf(folder: FolderState): Map<number, DebtCounts> {
    const d = this.must(folder);
    if (!d.index) return new Map();
    const drift = [...d.drift.values()].flat();
    const out = applyBaseline(drift, d.baseline, todayIso());
    return countDebt(debtItems(this.effective(d, out.kept), matchedEntries(d.baseline.entries, out), d.index.suppressedFindings())).byDecision;
  }

  /** What accepting proposed record `id` would resolve and newly flag, settings applied. */
  async previewAccepting(folder: FolderState, id: number): Promise<{ resolved: Finding[]; added: Finding[] }> {
    const d = this.must(folder);
    await d.queue;
    if (!d.index) return { resolved: [], added: [] };
    const cached = d.previews.get(id);
    if (cached && cached.version === this.version) return cached.result;
    const key = (f: Finding): string => `${f.rule}\u0000${f.file}\u0000${f.range.start.line}\u0000${f.range.start.column}\u0000${f.specifier ?? ''}`;
    const now = this.effective(d, this.unbaselined(d, [...d.drift.values()].flat()));
    const then = this.effective(d, this.unbaselined(d, d.index.findingsUnder(foldModel(d.log, { preview: [id] }))));
    const nowKeys = new Set(now.map(key));
    const thenKeys = new Set(then.map(key));
    const result = {
      resolved: now.filter((f) => !thenKeys.has(key(f))).sort(compareFindings),
      added: then.filter((f) => !nowKeys.has(key(f))).sort(compareFindings),
    };
    d.previews.set(id, { version: this.version, result });
    return result;
  }

  /** Re-checks an open source file from its text; its findings replace the file's old ones. */
  checkDocument(document: vscode.TextDocument): Finding[] {
    const at = this.locate(document.uri);
    if (!at) return [];
    const d = this.must(at.folder);
    if (!d.index || d.excluded(at.file) || this.isRecordFile(document.uri)) return this.findingsOf(document.uri);
    const index = d.index;
    const edgesBefore = this.moduleEdgesOf(index, at.file);
    const modelBefore = index.model;
    const found = this.tasks.run('re-checking an edited file', () => index.checkFile(at.file, document.getText()));
    this.setDrift(d, at.file, found);
    this.fire({ kind: 'findings', folder: d, files: [at.file] });
    // A new or removed edge between modules can open or close a cycle reported in other files;
    // a file in a new folder can add a pattern module, which changes other files' findings.
    if (index.model !== modelBefore || this.moduleEdgesOf(index, at.file) !== edgesBefore) this.scheduleRefresh(d);
    return this.findingsOf(document.uri);
  }

  /**
   * Sources created, changed or deleted on disk (a save, a branch switch). Each file is
   * re-read through the overlay and re-checked once, yielding between chunks.
   */
  async filesChanged(uris: readonly vscode.Uri[], token?: vscode.CancellationToken): Promise<void> {
    const byFolder = new Map<FolderData, Set<string>>();
    for (const uri of uris) {
      const at = this.locate(uri);
      if (!at) continue;
      const d = this.must(at.folder);
      let files = byFolder.get(d);
      if (!files) byFolder.set(d, (files = new Set()));
      files.add(at.file);
    }
    for (const [d, files] of byFolder) {
      const index = d.index;
      if (!index) continue;
      const changed: string[] = [];
      /** A file came or went: the records' globs may match differently now. */
      let listed = false;
      let sliceStart = Date.now();
      for (const file of files) {
        if (token?.isCancellationRequested) break;
        // Bytes, decoded as a scan decodes them, so a file that is not UTF-8 keeps its finding.
        const bytes = d.excluded(file) ? undefined : await this.fileSystem.readBytes(path.posix.join(d.root, file));
        const read = bytes === undefined ? undefined : decodeSourceText(bytes);
        const known = index.factsOf(file) !== undefined;
        if (read === undefined) {
          index.removeFile(file);
          if (known) listed = true;
          if (d.drift.has(file)) changed.push(file);
          this.setDrift(d, file, []);
        } else {
          if (!known) listed = true;
          this.setDrift(d, file, index.checkFile(file, read.text, read.invalid));
          changed.push(file);
        }
        if (Date.now() - sliceStart > 20) {
          await new Promise((r) => setImmediate(r));
          sliceStart = Date.now();
        }
      }
      if (changed.length > 0) this.fire({ kind: 'findings', folder: d, files: changed });
      if (listed) this.scheduleRefresh(d);
    }
  }

  /**
   * The checked files at or below a path: a deleted folder is reported by the file watcher
   * as one event for the folder, not one per file inside it.
   */
  filesUnder(uri: vscode.Uri): vscode.Uri[] {
    const at = this.locate(uri);
    if (!at) return [];
    const d = this.must(at.folder);
    const prefix = `${at.file}/`;
    const files = new Set<string>([...(d.index?.sourceFiles() ?? []), ...d.drift.keys()]);
    return [...files].filter((f) => f === at.file || f.startsWith(prefix)).map((f) => this.uriOf(d, f));
  }

  /**
   * The source files the index would check at or below a folder that appeared on disk, or
   * undefined when it holds too many to look at one by one (rescan instead). Empty for a
   * path outside every folder, one the listing skips, or anything that is not a folder.
   */
  async sourcesBelow(uri: vscode.Uri): Promise<vscode.Uri[] | undefined> {
    const at = this.locate(uri);
    if (!at || at.file === '') return [];
    const d = this.must(at.folder);
    const index = d.index;
    if (!index) return [];
    // A folder the listing skips (node_modules, a build's output, one a .gitignore names) holds
    // nothing the index checks: a build writing thousands of files there costs no walk.
    if (!index.checks(`${at.file}/index.ts`)) return [];
    const stat = await this.fileSystem.stat(path.posix.join(d.root, at.file)).catch(() => undefined);
    if (stat?.kind !== 'directory') return [];
    const files = await sourceFilesBelow(this.fileSystem, d.root, at.file, (f) => index.checks(f));
    return files?.map((f) => this.uriOf(d, f));
  }

  // ---- loading --------------------------------------------------------------------------

  /** Re-reads config and records, re-folds the model and re-evaluates the rules. */
  reloadRecords(folder?: FolderState): Promise<void> {
    const targets = folder ? [this.must(folder)] : [...this.data.values()];
    return Promise.all(
      targets.map((d) => {
        d.queue = d.queue.then(() => this.load(d)).catch((err: unknown) => this.log.error(`reloading ${d.root}: ${String(err)}`));
        return d.queue;
      }),
    ).then(() => undefined);
  }

  /** A full scan of one folder's sources; cancelling keeps what was found so far. */
  async scan(
    folder: FolderState,
    token?: vscode.CancellationToken,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const d = this.must(folder);
    await d.queue;
    const index = d.index;
    if (!index) return;
    const started = Date.now();
    d.scanning = true;
    let stats: ScanStats;
    try {
      stats = await index.scan({ live: true, slicer: this.tasks.slicer('scan'), onProgress, isCancelled: () => token?.isCancellationRequested === true });
    } catch (err) {
      // A bug, not bad input (that is a finding): say so, keep what is shown, and let the other folders scan.
      this.log.error(`scanning ${d.root} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      void vscode.window.showWarningMessage(`Adrift could not check ${d.folder.name}: ${err instanceof Error ? err.message : String(err)}. Its findings may be incomplete; the Adrift output has the details.`);
      return;
    } finally {
      d.scanning = false;
    }
    if (d.index !== index) return; // reloaded meanwhile: the new index has its own scan
    // Everything from here to the publish runs in slices: on a large workspace each of these
    // loops over every file froze the extension host for up to seconds.
    const done = await this.tasks.track(AFTER_SCAN, async () => {
      const slicer = this.tasks.slicer(AFTER_SCAN);
      await this.collectDrift(d, index, slicer);
      if (d.index !== index) return false;
      // The index expanded the pattern modules against the files it found.
      d.model = index.model;
      const complete = token?.isCancellationRequested !== true;
      this.tasks.phase(AFTER_SCAN, 'checking the records');
      if (complete) await this.checkRecords(d, slicer, true);
      // Scanned once the records are checked against its files too: what a listener reads then is whole.
      d.scanned = complete;
      return true;
    });
    if (!done) return;
    d.scanDurationMs = Date.now() - started;
    const workers = stats.onWorkers > 0 ? `, ${stats.onWorkers} files extracted on worker threads` : '';
    this.log.info(`scanned ${d.root} in ${Date.now() - started} ms: ${[...d.drift.values()].flat().length} findings${workers}`);
    this.fire({ kind: 'findings', folder: d });
  }

  /**
   * Drops the folder's index and starts a fresh one (resolution settings such as tsconfig
   * paths changed); its findings stay visible until the next scan replaces them.
   */
  resetIndex(folder: FolderState): void {
    const d = this.must(folder);
    if (!this.createIndex) return;
    d.index = this.createIndex(this.fileSystem, d.root, d.config, d.model);
    d.scanned = false;
  }

  // ---- writing --------------------------------------------------------------------------

  /** How a command's write is confirmed in an untrusted workspace (set by the commands layer, which owns the prompts). */
  askUntrustedWrite: UntrustedWriteQuestion = () => Promise.resolve(false);

  /** How replacing a file Adrift did not generate is confirmed (set by the commands layer, which owns the prompts). */
  askOverwrite: OverwriteQuestion = () => Promise.resolve(false);

  /**
   * Refuses a change that would create a file which is already on disk (a record written by
   * a git pull a moment ago that the log has not re-read yet): records are never
   * overwritten. A change to a record the log has read, or a rename, is an edit, not this.
   */
  async refuseExisting(changes: readonly (FileChange | ChangedFile)[], folder: FolderState): Promise<void> {
    const known = new Set(folder.log.records.map((r) => r.file));
    for (const c of changes) {
      if (c.renameFrom !== undefined || known.has(toPosix(c.path))) continue;
      if (await this.fileSystem.stat(path.posix.join(folder.root, toPosix(c.path)))) {
        throw new Error(`${c.path} already exists; records are never overwritten (reload the decisions and try again)`);
      }
    }
  }

  /**
   * For a command that writes generated output (the overview, the Markdown export): every
   * change that would replace an existing file Adrift did not generate is asked about, by
   * name. False when the user said no to any of them: then nothing should be written.
   */
  async mayReplace(changes: readonly { path: string }[], folder: FolderState, label: string): Promise<boolean> {
    for (const c of changes) {
      const text = await this.fileSystem.readText(path.posix.join(folder.root, toPosix(c.path))).catch(() => undefined);
      if (text === undefined || isAdriftOutput(text)) continue;
      if (!(await this.askOverwrite(label, c.path))) {
        this.log.info(`${label}: ${c.path} was not written by Adrift and the user kept it`);
        return false;
      }
    }
    return true;
  }

  /**
   * Applies the core's edit results through one WorkspaceEdit (undoable; unsaved editors
   * respected). Nothing is written outside the folder (the CLI's confinement). In an untrusted
   * workspace a command's write asks first and any other write is refused: the result is then
   * not applied, with `declined` set.
   */
  async applyChanges(changes: readonly (FileChange | ChangedFile)[], folder?: FolderState, label = 'Adrift', origin: WriteOrigin = 'command'): Promise<AppliedChanges> {
    const target = folder ?? this.folders()[0];
    const root = target?.root;
    if (!target || !root) throw new OutsideWorkspaceError('refused to write: there is no workspace folder to write into');
    if (target.config.outside?.length) {
      throw new OutsideWorkspaceError(`${target.config.outside.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.message}`).join('; ')}. Nothing was written.`);
    }
    for (const c of changes) for (const p of c.renameFrom ? [c.path, c.renameFrom] : [c.path]) await confineToWorkspace(this.fileSystem, root, p);
    const decision = decideWrite(vscode.workspace.isTrusted, origin);
    if (decision !== 'write') {
      const files = changes.map((c) => (path.posix.isAbsolute(toPosix(c.path)) ? (relativeTo(root, vscode.Uri.file(c.path)) ?? c.path) : c.path));
      if (decision === 'refuse' || !(await this.askUntrustedWrite(label, files))) {
        this.log.info(`${label}: not written in an untrusted workspace (${decision === 'refuse' ? 'no user action asked for it' : 'declined'}): ${files.join(', ')}`);
        return { applied: false, uris: [], declined: true };
      }
    }
    return applyFileChanges(
      changes,
      (p) => (path.posix.isAbsolute(toPosix(p)) ? vscode.Uri.file(p) : uriOf(root, p)),
      label,
    );
  }

  // ---- internals ------------------------------------------------------------------------

  private must(folder: FolderState): FolderData {
    const d = this.data.get(folder.folder.uri.toString());
    if (!d) throw new Error(`Adrift does not know the folder ${folder.root}`);
    return d;
  }

  private effective(d: FolderData, findings: readonly Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of findings) {
      const level = d.settings.severity[f.rule];
      if (level === 'off' || d.excluded(f.file)) continue;
      out.push(level && level !== f.severity ? { ...f, severity: level } : f);
    }
    return out;
  }

  /** The modules a file imports, as one comparable string. */
  private moduleEdgesOf(index: WorkspaceIndex, file: string): string {
    const targets = new Set<string>();
    for (const r of index.factsOf(file)?.resolutions ?? []) {
      if (r.kind === 'file') targets.add(index.moduleOf(r.path) ?? '');
    }
    return [...targets].sort().join(',');
  }

  /** Re-reads every file's findings from the index once edits pause (cheap: nothing is re-read from disk). */
  private scheduleRefresh(d: FolderData): void {
    clearTimeout(d.refresh);
    d.refresh = setTimeout(() => {
      d.refresh = undefined;
      const index = d.index;
      if (!index) return;
      // The index re-expands pattern modules as folders come and go, as a scan does.
      if (d.scanned && !d.scanning) d.model = index.model;
      void this.tasks.track(REFRESH, async () => {
        const slicer = this.tasks.slicer(REFRESH);
        if (!(await this.collectDrift(d, index, slicer))) return;
        await this.checkRecords(d, slicer);
        this.fire({ kind: 'findings', folder: d });
      });
    }, 500);
  }

  /**
   * Every drift finding of the index into `d.drift`, collected and grouped in slices of the
   * main thread. Edits go on meanwhile: a file re-checked or removed between two slices keeps
   * the result of its own check (taken again at the end), never the older one the collection
   * may have read. False when the folder's index was replaced or a newer collection started,
   * which then sets the drift instead.
   */
  private async collectDrift(d: FolderData, index: WorkspaceIndex, slicer: Slicer): Promise<boolean> {
    const started = ++d.driftCollections;
    const touched = new Set<string>();
    d.touched.add(touched);
    let drift: Map<string, Finding[]>;
    try {
      drift = await groupByFile(await index.findingsSliced(slicer), slicer);
    } finally {
      d.touched.delete(touched);
    }
    if (d.index !== index || started !== d.driftCollections) return false;
    for (const file of touched) {
      const own = d.drift.get(file);
      if (own) drift.set(file, own);
      else drift.delete(file);
    }
    d.drift = drift;
    return true;
  }

  /**
   * The records' findings as the CLI computes them, the globs checked against the files of
   * the last finished scan (kept current as files come and go); none before the first.
   */
  private async checkRecords(d: FolderData, slicer: Slicer = timeSlicer(), whole = d.scanned && !d.scanning): Promise<void> {
    if (whole && d.index) d.scannedFiles = d.index.sourceFiles();
    const probe = (glob: string) => otherFilesMatching(this.fileSystem, d.root, glob, { dotFolders: d.config.scanDotFolders });
    const started = (d.recordChecks = (d.recordChecks ?? 0) + 1);
    const found = await recordFindings(d.log.findings, d.model, d.scannedFiles, d.config.severity, probe, slicer);
    // Budgets are judged on a whole scan only: half an index would look under budget.
    // Counting the debt reads every finding and every file's suppressions: only when a budget needs it.
    const budget = whole && hasBudgets(d.log, d.config.severity) ? budgetFindings(d.log, this.debtOf(d), { severities: d.config.severity }) : [];
    if (started === d.recordChecks) d.records = [...found, ...budget];
  }

  private unbaselined(d: FolderData, findings: Finding[]): Finding[] {
    if (d.baseline.entries.length === 0 || findings.length === 0) return findings;
    return applyBaseline(findings, d.baseline, todayIso()).kept;
  }

  private setDrift(d: FolderData, file: string, found: Finding[]): void {
    for (const t of d.touched) t.add(file);
    const own = found.filter((f) => f.file === file);
    if (own.length > 0) d.drift.set(file, own);
    else d.drift.delete(file);
  }

  private applySettings(d: FolderData): void {
    d.settings = readSettings(d.folder);
    const globs = [...d.settings.exclude, ...d.config.exclude];
    d.excluded = compileRawGlobs(globs);
  }

  private async addFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    if (folder.uri.scheme !== 'file') return;
    const root = toPosix(folder.uri.fsPath);
    try {
      const loaded = await this.read(root, folder);
      const d: FolderData = { folder, root, ...loaded, scanned: false, index: undefined, drift: new Map(), records: [], scanning: false, touched: new Set(), driftCollections: 0, previews: new Map(), excluded: () => false, queue: Promise.resolve() };
      this.data.set(folder.uri.toString(), d);
      await this.evaluate(d);
    } catch (err) {
      this.log.error(`loading ${root}: ${String(err)}`);
    }
  }

  private async read(
    root: string,
    folder: vscode.WorkspaceFolder,
  ): Promise<{ config: AdriftConfig; settings: AdriftSettings; log: DecisionLog; model: ArchitectureModel; baseline: Baseline }> {
    const started = Date.now();
    const config = await loadConfig(this.fileSystem, root);
    const settings = readSettings(folder);
    let settingProblem: Finding | undefined;
    if (settings.decisionsFolder) {
      try {
        await confineToWorkspace(this.fileSystem, root, settings.decisionsFolder, 'use');
      } catch (err) {
        if (!(err instanceof OutsideWorkspaceError)) throw err;
        // A workspace's .vscode/settings.json comes with the repository: never follow it out.
        const problem: Finding = { rule: 'decision-schema', severity: 'error', file: '.vscode/settings.json', range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, message: `the setting adrift.decisionsFolder "${settings.decisionsFolder}" is outside the workspace folder; Adrift ignores it and writes nothing until it is fixed` };
        settingProblem = problem;
        (config.outside ??= []).push(problem);
        settings.decisionsFolder = '';
      }
    }
    // Without a folder setting the store reads `.adrift.yaml` itself and reports its findings.
    const log = settings.decisionsFolder
      ? await loadDecisionLog(this.fileSystem, root, { folder: settings.decisionsFolder })
      : await loadDecisionLog(this.fileSystem, root);
    if (settings.decisionsFolder) log.findings.unshift(...config.findings);
    if (settingProblem) log.findings.unshift(settingProblem);
    const model = foldModel(log);
    const baselineText = await this.fileSystem.readText(path.posix.join(root, config.baseline)).catch(() => undefined);
    const parsed = baselineText === undefined ? undefined : parseBaseline(baselineText);
    if (parsed && parsed.problems.length > 0) this.log.warn(`${config.baseline}: ${parsed.problems.join('; ')}`);
    this.log.info(`loaded ${log.records.length} decision records of ${root} in ${Date.now() - started} ms`);
    return { config, settings, log, model, baseline: parsed?.baseline ?? { entries: [] } };
  }

  private async load(d: FolderData): Promise<void> {
    Object.assign(d, await this.read(d.root, d.folder));
    await this.evaluate(d);
  }

  /** Hands the freshly folded model to the index (creating it on first use) and tells listeners. */
  private async evaluate(d: FolderData): Promise<void> {
    this.applySettings(d);
    if (this.createIndex) {
      if (!d.index) {
        d.index = this.createIndex(this.fileSystem, d.root, d.config, d.model);
        d.scanned = false;
      } else {
        const index = d.index;
        const reevaluating = 're-evaluating the workspace against the new model';
        await this.tasks.track(reevaluating, () => index.setModelSliced(d.model, this.tasks.slicer(reevaluating)));
        await this.tasks.track(REEVALUATE, () => this.collectDrift(d, index, this.tasks.slicer(REEVALUATE)));
      }
      // The index's model has the pattern modules expanded against the files it knows.
      d.model = d.index.model;
    }
    await this.checkRecords(d);
    this.fire({ kind: 'records', folder: d });
    this.fire({ kind: 'findings', folder: d });
  }
}
