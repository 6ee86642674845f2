// What the guide's host does for each request, independent of the webview that asked:
// load the flow and the workspace's state, start a template, preview and write records.
// The records are always planned again here from the answers; the webview never sends
// records, so it cannot write anything the core did not produce.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { flowFor } from '../../core/guide/flow';
import { workspaceFolders } from '../../core/guide/folders';
import { hasConflicts, planRecords, problemKind, type RecordPlan, type WriteStatus } from '../../core/guide/records';
import { GUIDE_TEMPLATES, templateAnswers } from '../../core/guide/templates';
import type { GuideAnswers, GuideFlow } from '../../core/guide/types';
import { recordFileChanges, recordPath } from '../../core/guide/write';
import { recordToYaml } from '../../core/records/serialize';
import { acyclicAllowed, discoverModules, edgeStats } from '../../core/adopt';
import { DEFAULT_BASELINE_REASON, parseBaseline, serializeBaseline, type Baseline } from '../../core/engine/baseline';
import { addMonths } from '../../core/records/review';
import { BASELINE_FIELD, baselineChoices } from '../../core/guide/adoption';
import { guideBaseline, modulesOfAnswers, proposalFolders, proposalSource, type GuideBaseline } from '../../core/guide/adoptionBaseline';
import { runScan } from '../editor/scan';
import { summarizeDrift, type DriftSummary } from '../../core/overview/drift';
import { buildOverview, type ArchitectureOverview } from '../../core/overview/overview';
import type { DecisionRecord } from '../../core/records/types';
import { todayUtc } from '../../core/records/store';
import { parseGuideState, type BaselinePreview, type DiscoverResult, type EdgesResult, type FirstCheck, type GuideLoaded, type GuideMethod, type GuideRequests, type GuideState, type ModuleOfAnswers, type RecordsParams, type RecordsPreview, type WriteResult } from '../../protocol/guide';
import type { AdriftService, FolderState } from '../service/adriftService';
import type { AppliedChanges } from '../service/applyChanges';

export const GUIDE_STATE_KEY = 'adrift.guide.state';

/** How long a pair baselined in the guide stays accepted unless the user picks another date. */
export const BASELINE_MONTHS = 3;

export class GuideSession {
  constructor(
    private readonly service: AdriftService,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    /** A copy of the state in the extension's storage folder (none without a workspace). */
    private readonly stateFile?: vscode.Uri,
  ) {}

  /** The folder the guide works on: the first workspace folder (multi-root picks the first). */
  folder(): FolderState | undefined {
    return this.service.folders()[0];
  }

  /**
   * The state saved last: the workspace state, or the copy in the extension's storage folder
   * when that one is newer. In a browser the workspace state reaches its database some time
   * after the update; the file is on the extension host's disk as soon as it is written, so a
   * reload of the page right after typing still finds the text.
   */
  async savedState(): Promise<GuideState | undefined> {
    const fromMemento = this.parse(this.memento.get<unknown>(GUIDE_STATE_KEY), 'workspace state');
    let fromFile: GuideState | undefined;
    if (this.stateFile) {
      try {
        fromFile = this.parse(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.stateFile))) as unknown, this.stateFile.fsPath);
      } catch {
        fromFile = undefined; // not written yet
      }
    }
    if (!fromMemento || !fromFile) return fromMemento ?? fromFile;
    return (fromFile.savedAt ?? 0) > (fromMemento.savedAt ?? 0) ? fromFile : fromMemento;
  }

  private parse(raw: unknown, where: string): GuideState | undefined {
    if (raw === undefined) return undefined;
    const parsed = parseGuideState(raw);
    if (!parsed.ok) this.log.warn(`Architecture Guide: ignoring the state saved in ${where} (${parsed.error})`);
    return parsed.ok ? parsed.value : undefined;
  }

  /** The state to write next, and the write under way: writes never overlap, the last state wins. */
  private nextFileState: GuideState | undefined;
  private stateFolderMade = false;
  private fileWrite: Promise<void> | undefined;

  saveState(state: GuideState): Thenable<void> {
    const memento = this.memento.update(GUIDE_STATE_KEY, state);
    if (!this.stateFile) return memento;
    this.nextFileState = state;
    this.fileWrite ??= this.writeStateFile(this.stateFile);
    return Promise.all([memento, this.fileWrite]).then(() => undefined);
  }

  private async writeStateFile(file: vscode.Uri): Promise<void> {
    try {
      while (this.nextFileState) {
        const state = this.nextFileState;
        this.nextFileState = undefined;
        if (!this.stateFolderMade) {
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
          this.stateFolderMade = true;
        }
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(state)));
      }
    } catch (err) {
      this.log.warn(`Architecture Guide: could not keep the state in ${file.fsPath}: ${String(err)}`);
    } finally {
      this.fileWrite = undefined;
    }
  }

  /** The flow for these answers: the generic checklist plus the pack of their product kind. The webview draws whatever this returns, and follows when it changes. */
  flowFor(answers: GuideAnswers): GuideFlow {
    return flowFor(answers);
  }

  drift(): DriftSummary {
    const folder = this.folder();
    return folder ? summarizeDrift(this.service.findings(folder), folder.scanned) : summarizeDrift([], true);
  }

  overview(): ArchitectureOverview {
    return buildOverview(this.records(this.folder()));
  }

  async folders(): Promise<string[]> {
    const folder = this.folder();
    return folder ? workspaceFolders(this.service.fileSystem, folder.root) : [];
  }

  async handle<M extends GuideMethod>(method: M, params: GuideRequests[M]['params']): Promise<GuideRequests[M]['result']> {
    // The protocol parser has checked params against the method; the casts only restate that.
    switch (method) {
      case 'load':
        return (await this.load()) as GuideRequests[M]['result'];
      case 'startTemplate':
        return this.startTemplate((params as GuideRequests['startTemplate']['params']).template) as GuideRequests[M]['result'];
      case 'preview':
        return (await this.preview(params as GuideRequests['preview']['params'])) as GuideRequests[M]['result'];
      case 'write':
        return (await this.write(params as GuideRequests['write']['params'])) as GuideRequests[M]['result'];
      case 'discover':
        return (await this.discover()) as GuideRequests[M]['result'];
      case 'edges':
        return (await this.edges((params as GuideRequests['edges']['params']).modules)) as GuideRequests[M]['result'];
    }
    throw new Error(`unknown request ${String(method)}`);
  }

  private async load(): Promise<GuideLoaded> {
    await this.service.ready;
    const saved = await this.savedState();
    return {
      flow: this.flowFor(saved?.answers ?? {}),
      templates: GUIDE_TEMPLATES.map(({ id, label, description, placeholders }) => ({ id, label, description, ...(placeholders ? { placeholders } : {}) })),
      ...(saved ? { saved } : {}),
      folders: await this.folders(),
      drift: this.drift(),
      overview: this.overview(),
      hasWorkspace: this.folder() !== undefined,
      recordCount: this.folder()?.log.records.length ?? 0,
    };
  }

  private startTemplate(template: string): { answers: GuideAnswers } {
    const answers = templateAnswers(template);
    if (!answers) throw new Error(`there is no template "${template}"`);
    return { answers };
  }

  private records(folder: FolderState | undefined): DecisionRecord[] {
    return (folder?.log.records ?? []).flatMap((r) => (r.record ? [r.record] : []));
  }

  private plan(folder: FolderState, answers: GuideAnswers, status: WriteStatus): RecordPlan {
    // Files too broken to parse still hold their id, and so do the Markdown records of the folder: new records never reuse one.
    const takenIds = [...folder.log.records.flatMap((r) => (r.record === undefined && r.header.id !== undefined ? [r.header.id] : [])), ...(folder.log.markdown ?? []).map((m) => m.id)];
    return planRecords(answers, { existing: this.records(folder), takenIds, date: todayUtc(), status });
  }

  private mustFolder(): FolderState {
    const folder = this.folder();
    if (!folder) throw new Error('open a folder first: the decision records are written into the workspace');
    return folder;
  }

  /** The modules the workspace's code suggests, ranked, as the modules table takes them. */
  private async discover(): Promise<DiscoverResult> {
    await this.service.ready;
    const folder = this.mustFolder();
    const found = await discoverModules(this.service.fileSystem, folder.root, { exclude: folder.config.exclude, dotFolders: folder.config.scanDotFolders });
    return {
      proposals: found.proposals.map((p) => ({ name: p.name, folders: proposalFolders(p), files: p.fileCount, source: proposalSource(p) })),
      files: found.files,
      unassigned: found.unassigned.count,
      scanned: true,
    };
  }

  /** The folder's engine index with every file read: a scan still running is waited for. */
  private async scannedIndex(folder: FolderState) {
    if (!folder.scanned) await runScan(this.service, [folder], 'Architecture Guide');
    const current = this.service.folders().find((f) => f.root === folder.root) ?? folder;
    const index = this.service.engineIndex(current);
    if (!index) throw new Error('the workspace has not been read yet; try again in a moment');
    return { folder: current, index };
  }

  /** Files listed with a pair's imports: the webview may ask to open these, at the line of their first such import. */
  private readonly listed = new Map<string, { uri: vscode.Uri; line: number }>();

  private async edges(asked: ModuleOfAnswers[]): Promise<EdgesResult> {
    await this.service.ready;
    const { folder, index } = await this.scannedIndex(this.mustFolder());
    const { modules, nameOf } = modulesOfAnswers(asked);
    const stats = edgeStats(index, modules, { topFiles: 3 });
    const name = (slug: string) => nameOf.get(slug) ?? slug;
    const breaks = new Set(acyclicAllowed({ stats, otherwise: 'allow' }).cycleBreaks.map((e) => `${e.from}\u0000${e.to}`));
    for (const e of stats.edges) for (const f of e.topFiles) this.listed.set(f.file, { uri: this.service.uriOf(folder, f.file), line: f.line });
    return {
      pairs: stats.edges.map((e) => ({ from: name(e.from), to: name(e.to), imports: e.count, files: e.topFiles.map((f) => ({ file: f.file, imports: f.count })), fileCount: e.fileCount, inCycle: e.inCycle, closesCycle: breaks.has(`${e.from}\u0000${e.to}`) })),
      quietPairs: modules.length * (modules.length - 1) - stats.edges.length,
      cycles: stats.cycles.map((c) => c.map(name)),
      scanned: folder.scanned,
      defaults: { reason: DEFAULT_BASELINE_REASON, expires: addMonths(todayUtc(), BASELINE_MONTHS) },
    };
  }

  /**
   * What writing adds to the baseline file for the baselined pairs, and what the first check
   * then reports from the code. Throws when the baseline file is there but is no baseline.
   */
  private async planBaseline(folder: FolderState, answers: GuideAnswers, plan: RecordPlan): Promise<{ file: string; result: GuideBaseline }> {
    const choices = baselineChoices(answers, BASELINE_FIELD);
    const scanned = await this.scannedIndex(folder);
    const file = scanned.folder.config.baseline;
    // The editor's text when the file is open (the service reads through open editors).
    const text = await this.service.fileSystem.readText(path.posix.join(folder.root, file)).catch(() => undefined);
    let previous: Baseline | undefined;
    if (text !== undefined) {
      const parsed = parseBaseline(text);
      if (parsed.problems.length > 0) throw new Error(`${file} is not a valid baseline (${parsed.problems[0]}); fix it first: nothing was written`);
      previous = parsed.baseline;
    }
    const dir = folder.log.folderRelative;
    const planned = plan.records.map((r) => ({ id: r.id, path: recordPath(dir, r), text: recordToYaml(r) }));
    return { file, result: guideBaseline(scanned.index, scanned.folder.log, planned, choices, { previous, today: todayUtc() }) };
  }

  private async preview({ answers, status = 'proposed' }: RecordsParams): Promise<RecordsPreview> {
    await this.service.ready;
    const folder = this.mustFolder();
    const plan = this.plan(folder, answers, status);
    const dir = folder.log.folderRelative;
    // Without baselined pairs the outcome is only a forecast: the preview goes without it if the code cannot be read.
    const baseline = plan.records.length === 0 ? undefined : await this.planBaseline(folder, answers, plan).catch((err: unknown) => {
      if (baselineChoices(answers, BASELINE_FIELD).length > 0) throw err;
      this.log.warn(`Architecture Guide: no forecast of the first check: ${String(err)}`);
      return undefined;
    });
    return {
      records: plan.records.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        path: recordPath(dir, r),
        yaml: recordToYaml(r),
        ...(r.supersedes ? { supersedes: r.supersedes } : {}),
      })),
      problems: plan.problems,
      status,
      unchanged: plan.unchanged,
      folder: dir,
      ...(baseline?.result.baseline ? { baseline: baselinePreview(baseline.file, baseline.result) } : {}),
      ...(baseline ? { firstCheck: firstCheck(baseline.result) } : {}),
    };
  }

  /** The files this session wrote, by workspace-relative path: the only ones the webview may ask to open. */
  private readonly written = new Map<string, vscode.Uri>();

  /** A file the webview may open: one this session wrote, or one it listed with a pair's imports (then with the line of the first). */
  openable(file: string): { uri: vscode.Uri; line?: number } | undefined {
    const written = this.written.get(file);
    return written ? { uri: written } : this.listed.get(file);
  }

  /** Writes run one after the other: each plans against the records the previous one wrote. */
  private writing: Promise<unknown> = Promise.resolve();

  private write(params: RecordsParams): Promise<WriteResult> {
    const next = this.writing.then(() => this.writeNow(params));
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writeNow({ answers, status = 'proposed' }: RecordsParams): Promise<WriteResult> {
    await this.service.ready;
    const folder = this.mustFolder();
    await this.service.reloadRecords(folder);
    const plan = this.plan(folder, answers, status);
    // The webview disables Write on a conflict; the host holds the line for any other sender.
    if (hasConflicts(plan)) {
      const conflicts = plan.problems.filter((p) => problemKind(p) === 'conflict').map((p) => p.message);
      throw new Error(`nothing written: resolve ${conflicts.length === 1 ? 'this conflict' : `these ${conflicts.length} conflicts`} first: ${conflicts.join(' ')}`);
    }
    if (plan.records.length === 0) throw new Error('nothing to write: every decision is already recorded as answered');
    const changes = recordFileChanges(plan.records, folder.log.folderRelative);
    // Every change is a new record: refuse a path that exists, even one the log has read (a
    // record whose id could not be read, or whose name and id disagree).
    for (const c of changes) {
      if (await this.service.fileSystem.stat(path.posix.join(folder.root, c.path))) throw new Error(`${c.path} already exists; records are never overwritten (reload the decisions and try again)`);
    }
    // The baselined pairs' imports join the baseline file's entries (which stay as they are), in the same edit.
    const baseline = baselineChoices(answers, BASELINE_FIELD).length > 0 ? await this.planBaseline(folder, answers, plan) : undefined;
    if (baseline?.result.baseline) changes.push({ path: baseline.file, text: serializeBaseline(baseline.result.baseline, baseline.file) });
    const result = await this.service.applyChanges(changes, folder, 'Architecture Guide');
    if (!result.applied) throw new Error('VS Code did not apply the edit that writes the records');
    await this.service.reloadRecords(folder);
    this.log.info(`Architecture Guide wrote ${changes.map((c) => c.path).join(', ')}`);
    for (const c of changes) this.written.set(c.path, this.service.uriOf(folder, c.path));
    const records = changes.slice(0, plan.records.length).map((c) => c.path);
    return {
      written: records,
      accepted: plan.records.filter((r) => r.status === 'accepted').length,
      ...(baseline?.result.baseline ? { baseline: { path: baseline.file, entries: baseline.result.entries.length, ...(unsavedIn(result, this.service.uriOf(folder, baseline.file)) ? { unsaved: true as const } : {}) } } : {}),
    };
  }
}

const FIRST_CHECK_SHOWN = 50;

function firstCheck(planned: GuideBaseline): FirstCheck {
  return {
    total: planned.flagged.length,
    findings: planned.flagged.slice(0, FIRST_CHECK_SHOWN).map((f) => ({ rule: f.rule, file: f.file, line: f.range.start.line + 1, message: f.message })),
  };
}

function baselinePreview(file: string, planned: GuideBaseline): BaselinePreview {
  return { path: file, pairs: planned.pairs, text: serializeBaseline(planned.baseline ?? { entries: planned.entries }, file) };
}

/** Whether the write left `uri` in an editor with unsaved changes (its entries are not on disk yet). */
function unsavedIn(result: AppliedChanges, uri: vscode.Uri): boolean {
  return result.unsaved?.some((u) => u.toString() === uri.toString()) ?? false;
}
