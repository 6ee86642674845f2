// The workspace index: every source file's imports and where they lead, checked against the
// architecture model. The CLI scans once; the editor scans once and then keeps the index
// current file by file (checkFile on every keystroke, removeFile on delete), and swaps the
// model without re-reading files when a decision changes.

import type { Finding, Range } from '../findings';
import { compareFindings } from '../findings';
import type { FileSystemPort } from '../fs/port';
import { compileRawGlobs } from '../model/globs';
import type { InvalidByte } from '../fs/decode';
import { expandPatterns } from '../model/patterns';
import type { ArchitectureModel } from '../model/types';
import type { ImportResolver, SourceAnalyzer } from './analyzer';
import { contentHash, ExtractionCache, type CacheEntry } from './cache';
import type { StatKey } from './cache-format';
import type { BatchRunner } from './pool';
import { readAndExtract, type ReadOutcome, type ReadRequest } from './scan-read';
import { eachSliced, unsliced, waitOn, type Slicer } from './slice';
import {
  checkModuleCycle,
  closingEdges,
  createRuleContext,
  evaluateFile,
  type DataModelAlias,
  type FileEvaluation,
  type FileFacts,
  type ModuleImport,
  type RuleContext,
  type RuleSeverities,
} from './rules';
import { isAllowedEdge } from './rules/module-dependency';
import { moduleImportsOf } from './rules/module-imports';
import { severityFor } from './rules/severity';
import { applyInlineSuppressions, type SuppressionOutcome } from './suppression';
import type { ExtractedFile, ImportRef, Resolution, SettingsProblem, SkippedFile, SuppressionComment, UnresolvedImport } from './types';

/** What the index needs of the workspace configuration (AdriftConfig fits). */
export interface EngineConfig {
  exclude?: string[];
  severity?: RuleSeverities;
}

export interface ScanOptions {
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /**
   * Edits may arrive while the scan runs (the editor): the resolver is built from the listing
   * before any file is read, so a file checked meanwhile has its imports resolved and judged
   * at once instead of when the scan ends (seconds on a large workspace).
   */
  live?: boolean;
  /**
   * Loops over every file pause whenever this says so (the editor's, slice.ts), and edits
   * made during a pause win over what the scan read. Without one the scan runs through.
   */
  slicer?: Slicer;
}

export interface ScanStats {
  files: number;
  skipped: SkippedFile[];
  /** Files whose extraction came from the disk cache. */
  cached: number;
  /** Files sent to the pool's worker threads (a batch redone on this thread after its worker failed included; that failure is warned of). */
  onWorkers: number;
  /**
   * Imports of workspace files (relative, aliased, or naming a workspace package) that led
   * nowhere, with the 1-based line and column of the specifier.
   */
  unresolvedLocal: UnresolvedImport[];
  cancelled: boolean;
  durationMs: number;
}

/** One import along a module-to-module edge, for the module map. */
export interface EdgeImport {
  from: string;
  to: string;
  file: string;
  range: Range;
  specifier: string;
  /** The imported file. */
  target: string;
  typeOnly: boolean;
  /** Some accepted decision lets `from` use `to`. */
  allowed: boolean;
}

export interface IndexOptions {
  /**
   * Keep extractions on disk between runs (default true), optionally in a folder of the
   * caller's and through a file system of its own (the editor's port routes writes through
   * WorkspaceEdits, which is right for records and wrong for a cache).
   */
  cache?: boolean | { folder: string; fs: FileSystemPort };
  /**
   * Extract on worker threads (pool/index.ts) when at least `threshold` files miss the
   * cache. The workers read through their own Node file system, so only a caller whose port
   * reads the real disk passes one (the CLI; the editor, whose port names the files it holds
   * in memory, which are read again here) and whose analyzer is the real front end.
   * `warn`: told when a batch falls back to this thread because its worker failed.
   */
  parallel?: {
    pool: BatchRunner;
    threshold: number;
    warn?: (message: string) => void;
    /**
     * Count every listed file against the threshold, not only cache misses (the editor): a
     * worker answers a file the cache knows by its stat without reading it, while a port
     * without synchronous reads reads and hashes every file on the calling thread.
     */
    everyFile?: boolean;
  };
  /**
   * Only these files' findings are wanted (a CI shard, `check --module`). Every listed file is
   * still read, extracted and resolved, since resolution, pattern modules and the module graph
   * need the whole tree; of the others only the module edges are computed (module-cycle needs
   * them), and findings() and suppressedFindings() leave them out.
   */
  reportOnly?: (file: string) => boolean;
}

interface FileState {
  facts: FileFacts;
  hash: string;
  /** Kept only for files with suppression comments: they need the lines after the comment. */
  text?: string;
  evaluation?: FileEvaluation;
}

/** What the scan holds of one file between reading it and checking it. */
interface Extracted {
  hash: string;
  stat?: StatKey;
  text: string | undefined;
  extracted: ExtractedFile;
  /** Resolutions from the cache, used when the resolver's inputs key for the file is still theirs. */
  resolved?: CacheEntry['resolved'];
  /** The first byte that is not UTF-8 (the text has U+FFFD there); such a file is never cached, so the next scan finds it again. */
  invalid?: InvalidByte;
}

const CHUNK = 256;
/** Files read and extracted at once on the editor's thread: a few milliseconds of work. */
const SLICED_CHUNK = 16;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function isLocalSpecifier(s: string): boolean {
  return s.startsWith('.') || s.startsWith('/') || s.startsWith('#') || s.startsWith('@/') || s.startsWith('~/');
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileState>();
  private readonly skipped = new Map<string, string>();
  /** Files read with U+FFFD in place of bytes that are not UTF-8: the first such byte. */
  private readonly invalidBytes = new Map<string, InvalidByte>();
  /** Settings files the resolver could use only in part (go.mod, go.work, tsconfig.json …). */
  private settingsProblems: readonly SettingsProblem[] = [];
  /** One copy of every string the extractions hold (see detach). */
  private readonly strings = new Map<string, string>();
  private resolver: ImportResolver | undefined;
  private dataModels: DataModelAlias[] = [];
  private ctx: RuleContext;
  private readonly excluded: (file: string) => boolean;
  /** Count of imports per module edge `from\0to`, kept current as files change. */
  private readonly edgeCounts = new Map<string, number>();
  private closing: Map<string, string[]> | undefined;
  /**
   * One map per running scan: the files checked (their latest text) or removed (null) since
   * it started. They are newer than anything the scan read, so they win when it ends.
   */
  private readonly scans = new Set<Map<string, string | null>>();
  /**
   * How many files lie under each folder, for pattern modules (a folder that gains its first
   * file or loses its last changes what a pattern expands to). Built when first needed,
   * dropped when a scan starts over.
   */
  private folderCounts: Map<string, number> | undefined;
  /** Counts re-evaluations under a new model, so a sliced one knows when another replaced it. */
  private modelGeneration = 0;
  /** While a sliced re-evaluation runs: the files whose module edges it has not counted yet. */
  private unevaluated: Set<string> | undefined;

  constructor(
    private readonly fs: FileSystemPort,
    /** Absolute POSIX path of the workspace folder. */
    readonly root: string,
    private readonly config: EngineConfig,
    model: ArchitectureModel,
    private readonly analyzer: SourceAnalyzer,
    private readonly options: IndexOptions = {},
  ) {
    this.ctx = createRuleContext(expandPatterns(model, []), { severities: config.severity });
    this.excluded = compileRawGlobs(config.exclude ?? []);
  }

  get model(): ArchitectureModel {
    return this.ctx.model;
  }

  /** Reads and checks every source file, yielding to the event loop between chunks. */
  async scan(opts: ScanOptions = {}): Promise<ScanStats> {
    const newer = new Map<string, string | null>();
    this.scans.add(newer);
    try {
      return await this.scanFiles(opts, newer);
    } finally {
      this.scans.delete(newer);
    }
  }

  private async scanFiles(opts: ScanOptions, newer: Map<string, string | null>): Promise<ScanStats> {
    const started = Date.now();
    const slicer = opts.slicer ?? unsliced;
    const listing = await waitOn(slicer, this.analyzer.listFiles());
    const files = listing.files.filter((f) => !this.excluded(f));
    const where = this.options.cache;
    const cache =
      where === false
        ? undefined
        : typeof where === 'object'
          ? await ExtractionCache.open(where.fs, this.root, this.analyzer.version, where.folder, slicer)
          : await ExtractionCache.open(this.fs, this.root, this.analyzer.version, undefined, slicer);
    this.files.clear();
    this.folderCounts = undefined;
    // A sliced re-evaluation still running is over: the scan evaluates every file itself.
    this.modelGeneration++;
    this.unevaluated = undefined;
    this.skipped.clear();
    this.invalidBytes.clear();
    this.edgeCounts.clear();
    this.closing = undefined;
    for (const s of listing.skipped) this.skipped.set(s.file, s.reason);
    const early = opts.live ? await this.analyzer.createResolver(files, opts.slicer) : undefined;
    if (early) {
      this.resolver = early;
      this.ctx = createRuleContext(expandPatterns(this.ctx.model, files), { severities: this.config.severity, dataModels: this.dataModels });
    }

    const { extracted, cached, onWorkers, cancelled } = await this.extractAll(files, cache, started, opts);
    const fromDisk = [...extracted.keys()];
    // The early resolver serves only if every listed file was read: one built without a file is not one with it removed (its folders stay).
    const resolver = early && extracted.size === files.length ? early : await this.analyzer.createResolver(fromDisk, opts.slicer);
    this.settingsProblems = resolver.problems ?? [];
    this.dataModels = await this.analyzer.dataModels(fromDisk, opts.slicer);
    this.takeNewer(newer, extracted, resolver);
    // From here on a file in `newer` was checked or removed during one of the loop's pauses,
    // against the new resolver and model: that result stands, and the disk's is dropped.
    newer.clear();
    const toCache = new Map<string, CacheEntry>();
    // Whether the cache on disk is still exactly right: every file a hit, stat and resolutions unchanged.
    let cacheCurrent = cache !== undefined && cached === extracted.size && cache.size === extracted.size;
    this.resolver = resolver;
    this.ctx = createRuleContext(expandPatterns(this.ctx.model, [...extracted.keys()]), { severities: this.config.severity, dataModels: this.dataModels });
    // Whatever the editor checked meanwhile (without a resolver, or against the old one) is rebuilt.
    this.files.clear();
    this.folderCounts = undefined;
    // A sliced re-evaluation begun meanwhile (a record changed during the scan) is over too: its model is this.ctx's now.
    this.modelGeneration++;
    this.unevaluated = undefined;
    this.edgeCounts.clear();
    this.closing = undefined;
    const unresolvedLocal: ScanStats['unresolvedLocal'] = [];
    for (const [file, e] of extracted) {
      if (slicer.due()) await slicer.pause();
      if (newer.has(file)) {
        cacheCurrent = false;
        continue;
      }
      const key = cache ? resolver.inputsKey?.(file) : undefined;
      const reuse = key !== undefined && e.resolved?.key === key ? e.resolved.targets : undefined;
      const targets = reuse ?? this.resolveTargets(file, e.extracted);
      const state = this.stateOf(file, e.hash, e.text, e.extracted, targets);
      if (cache && !e.invalid) {
        const entry: CacheEntry = { hash: e.hash, extracted: e.extracted };
        if (e.stat) entry.stat = e.stat;
        if (key !== undefined) entry.resolved = { key, targets };
        toCache.set(file, entry);
        if (cacheCurrent && ((key !== undefined && !reuse) || !sameStatKey(cache.peek(file)?.stat, e.stat))) cacheCurrent = false;
      }
      this.files.set(file, state);
      state.facts.resolutions.forEach((r, k) => {
        const { specifier, range } = state.facts.extracted.imports[k];
        if (r.kind === 'unresolved' && (r.local === true || isLocalSpecifier(specifier))) {
          unresolvedLocal.push({ file, specifier, line: range.start.line + 1, column: range.start.column + 1 });
        }
      });
      this.addEdges(this.evaluationOf(state));
    }
    // Pattern modules follow the scan's listing while it runs (countFolders); a file that came or went in a pause may change them.
    if (newer.size > 0) this.reexpandPatterns();
    // A scan that reused every cached entry as it was and dropped none leaves the cache alone.
    if (cache && !cancelled && !cacheCurrent) await cache.save(toCache, slicer);
    return {
      files: this.files.size,
      skipped: [...this.skipped].map(([file, reason]) => ({ file, reason })),
      cached,
      onWorkers,
      unresolvedLocal,
      cancelled,
      durationMs: Date.now() - started,
    };
  }

  /**
   * Reads and extracts every listed file in chunks, in file order, yielding to the event loop
   * between chunks. A file the cache knows by stat is not read; one it knows by hash is not
   * extracted. A file's text is kept only when its suppression comments need it: holding
   * every text until the resolver exists cost hundreds of MB on a 200k-file workspace.
   */
  private async extractAll(
    files: readonly string[],
    cache: ExtractionCache | undefined,
    started: number,
    opts: ScanOptions,
  ): Promise<{ extracted: Map<string, Extracted>; cached: number; onWorkers: number; cancelled: boolean }> {
    const extracted = new Map<string, Extracted>();
    let cached = 0;
    const take = (file: string, outcome: ReadOutcome): void => {
      if (outcome.kind === 'missing') return;
      if (outcome.kind === 'skipped') {
        this.skipped.set(file, outcome.reason);
        return;
      }
      if (outcome.kind === 'unchanged') {
        const held = cache!.peek(file)!;
        cached++;
        extracted.set(file, { hash: outcome.hash, stat: outcome.stat, text: held.extracted.suppressions.length > 0 ? outcome.text : undefined, extracted: held.extracted, resolved: held.resolved });
      } else {
        extracted.set(file, { hash: outcome.hash, stat: outcome.stat, text: outcome.text, extracted: this.detach(outcome.extracted), invalid: outcome.invalid });
        if (outcome.invalid) this.invalidBytes.set(file, outcome.invalid);
      }
    };
    const requests: ReadRequest[] = files.map((file) => {
      const held = cache?.peek(file);
      return held ? { file, known: { hash: held.hash, stat: held.stat, wantsText: held.extracted.suppressions.length > 0 } } : { file };
    });
    const chunks: ReadRequest[][] = [];
    for (let i = 0; i < requests.length; i += CHUNK) chunks.push(requests.slice(i, i + CHUNK));
    const parallel = this.options.parallel;
    const misses = !parallel ? 0 : parallel.everyFile ? requests.length : requests.reduce((n, r) => (r.known ? n : n + 1), 0);
    const slicer = opts.slicer ?? unsliced;
    // On the pool every batch is sent at once and the outcomes are taken in file order, as below.
    // The CLI's thread would only wait meanwhile, so it extracts every (workers + 1)th batch
    // itself; the editor's thread is the one to keep free (a sliced scan), so it extracts none.
    const share = parallel && !opts.slicer ? parallel.pool.workers + 1 : 0;
    const ours = (k: number): boolean => share > 0 && k % share === share - 1;
    const sent =
      parallel && misses >= parallel.threshold ? chunks.map((chunk, k) => (ours(k) ? undefined : parallel.pool.run(this.root, chunk, started))) : undefined;
    sent?.forEach((p) => p?.catch(() => undefined)); // each is awaited in turn; a failure is handled there
    let done = 0;
    let onWorkers = 0;
    for (const [k, chunk] of chunks.entries()) {
      if (opts.isCancelled?.()) return { extracted, cached, onWorkers, cancelled: true };
      const fromWorker = sent?.[k];
      if (fromWorker) onWorkers += chunk.length;
      // Waiting for a worker's batch is no work of this thread's; reading and extracting here is.
      const outcomes = fromWorker ? await waitOn(slicer, this.fromPool(fromWorker, chunk, started, slicer)) : await this.readHere(chunk, started, slicer);
      chunk.forEach((r, j) => take(r.file, outcomes[j]));
      done += chunk.length;
      opts.onProgress?.(done, files.length);
      // A sliced scan's chunk ends its slice: the editor's monitor times each (longTasks.ts).
      await (opts.slicer ? opts.slicer.pause() : yieldToEventLoop());
    }
    return { extracted, cached, onWorkers, cancelled: false };
  }

  /**
   * A batch's outcomes from the pool, or from this thread when its worker failed: no file is
   * lost. A file the port holds in memory (an unsaved editor) is read again here: the worker
   * read the disk.
   */
  private async fromPool(outcomes: Promise<ReadOutcome[]>, chunk: ReadRequest[], started: number, slicer: Slicer): Promise<ReadOutcome[]> {
    let out: ReadOutcome[];
    try {
      out = await outcomes;
    } catch (err) {
      this.options.parallel?.warn?.(
        `extraction worker failed on ${chunk.length} files from ${chunk[0].file} (${err instanceof Error ? err.message : String(err)}); extracting them on the main thread`,
      );
      return this.readHere(chunk, started, slicer);
    }
    const inMemory = this.fs.pathsInMemory?.();
    if (!inMemory?.size) return out;
    const again = chunk.flatMap((r, i) => (inMemory.has(`${this.root}/${r.file}`) ? [i] : []));
    if (again.length === 0) return out;
    const redone = await this.readHere(again.map((i) => chunk[i]), started, slicer);
    again.forEach((i, k) => (out[i] = redone[k]));
    return out;
  }

  /** A batch read and extracted on this thread; a sliced scan takes it a few files at a time, pausing between them. */
  private async readHere(chunk: ReadRequest[], started: number, slicer: Slicer): Promise<ReadOutcome[]> {
    if (slicer === unsliced) return readAndExtract(this.fs, this.root, chunk, this.analyzer.extract, started);
    const out: ReadOutcome[] = [];
    for (let i = 0; i < chunk.length; i += SLICED_CHUNK) {
      out.push(...(await readAndExtract(this.fs, this.root, chunk.slice(i, i + SLICED_CHUNK), this.analyzer.extract, started)));
      if (slicer.due()) await slicer.pause();
    }
    return out;
  }

  /**
   * Puts the files checked or removed while the scan ran in place of what it read from disk
   * (an unsaved editor, or a save after the scan's read), and tells the resolver about files
   * that came or went meanwhile.
   */
  private takeNewer(
    newer: ReadonlyMap<string, string | null>,
    extracted: Map<string, Extracted>,
    resolver: ImportResolver,
  ): void {
    for (const [file, text] of newer) {
      const had = extracted.delete(file);
      this.skipped.delete(file);
      this.invalidBytes.delete(file);
      const result = text === null ? undefined : this.analyzer.extract(file, text);
      if (text === null || result === undefined) {
        if (had) resolver.fileRemoved?.(file);
      } else if ('skipped' in result) {
        this.skipped.set(file, result.skipped);
        if (had) resolver.fileRemoved?.(file);
      } else {
        extracted.set(file, { hash: contentHash(text), text: result.suppressions.length > 0 ? text : undefined, extracted: this.detach(result) });
        if (!had) resolver.fileAdded?.(file);
      }
    }
  }

  /** Re-evaluates every rule against a new model; no file is read again. */
  setModel(model: ArchitectureModel): void {
    const steps = this.reevaluate(model);
    while (!steps.next().done) {
      // one pass, no pause
    }
  }

  /**
   * The same in slices (the editor, after a record changed: on a large workspace one pass froze
   * its thread). A file checked or removed during a pause keeps its own result; a re-evaluation
   * started meanwhile (a preview, a new folder for a pattern) ends this one, having done it all.
   */
  async setModelSliced(model: ArchitectureModel, slicer: Slicer): Promise<void> {
    const steps = this.reevaluate(model);
    while (!steps.next().done) if (slicer.due()) await slicer.pause();
  }

  /** Installs the model, then evaluates file after file, yielding after each. */
  private *reevaluate(model: ArchitectureModel): Generator<void> {
    const generation = ++this.modelGeneration;
    this.ctx = createRuleContext(expandPatterns(model, this.sourceFiles()), { severities: this.config.severity, dataModels: this.dataModels });
    this.edgeCounts.clear();
    this.closing = undefined;
    for (const state of this.files.values()) state.evaluation = undefined;
    // Files whose edges are not counted under this model yet; checkFile and removeFile take theirs out.
    const pending = new Set(this.files.keys());
    this.unevaluated = pending;
    try {
      for (const file of pending) {
        if (this.modelGeneration !== generation) return;
        pending.delete(file);
        const state = this.files.get(file);
        if (state) this.addEdges(this.evaluationOf(state));
        yield;
      }
    } finally {
      if (this.unevaluated === pending) this.unevaluated = undefined;
    }
  }

  /**
   * Takes the file's current text (an unsaved editor's, say), re-checks it alone and returns
   * its findings. The rest of the workspace is not read again; module-cycle findings of other
   * files follow in findings(). `invalid`: the text was decoded from bytes that are not all
   * UTF-8 (decodeSourceText says so); an editor's text never is.
   */
  checkFile(file: string, text: string, invalid?: InvalidByte): Finding[] {
    if (!this.checks(file)) return [];
    for (const newer of this.scans) newer.set(file, text);
    if (invalid) this.invalidBytes.set(file, invalid);
    else this.invalidBytes.delete(file);
    const result = this.analyzer.extract(file, text);
    const old = this.files.get(file);
    this.forgetEdges(file, old);
    if ('skipped' in result) {
      this.files.delete(file);
      this.skipped.set(file, result.skipped);
      return this.findingsOf(file);
    }
    this.skipped.delete(file);
    if (!old) this.resolver?.fileAdded?.(file);
    const state = this.stateOf(file, contentHash(text), text, this.detach(result));
    const folderAppeared = !old && this.countFolders(file, 1);
    this.files.set(file, state);
    // A file in a new folder can add a pattern module (services/payments/ for service-{name}), as the next scan would.
    if (!(folderAppeared && this.reexpandPatterns())) this.addEdges(this.evaluationOf(state));
    return this.findingsOf(file);
  }

  /** Whether the index checks this file at all: a source file the scan would list (not excluded, not gitignored …). */
  checks(file: string): boolean {
    return !this.excluded(file) && this.analyzer.isSourceFile(file);
  }

  /** Same as checkFile: the editor calls this for saved changes from disk. */
  updateFile(file: string, text: string): Finding[] {
    return this.checkFile(file, text);
  }

  removeFile(file: string): void {
    for (const newer of this.scans) newer.set(file, null);
    const old = this.files.get(file);
    this.forgetEdges(file, old);
    // Also when the index does not hold it yet (a scan read it and has not checked it): the resolver knows it from the listing.
    this.resolver?.fileRemoved?.(file);
    this.files.delete(file);
    this.skipped.delete(file);
    this.invalidBytes.delete(file);
    if (old && this.countFolders(file, -1)) this.reexpandPatterns();
  }

  /**
   * Counts `file` in (+1) or out (-1) of every folder above it; true when that made a folder
   * appear or vanish while the model has pattern modules. Without patterns nothing is counted.
   */
  private countFolders(file: string, delta: 1 | -1): boolean {
    // While a scan runs the index holds part of the files: the expansion is the scan's, from its listing.
    if (!this.ctx.model.patterns?.length || this.scans.size > 0) {
      this.folderCounts = undefined;
      return false;
    }
    if (!this.folderCounts) {
      this.folderCounts = new Map();
      for (const f of this.files.keys()) if (f !== file) this.countFolders(f, 1);
      if (delta === -1) return true; // the file was already gone from the map: count from what is left
    }
    const counts = this.folderCounts;
    let changed = false;
    for (let i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) {
      const folder = file.slice(0, i);
      const n = (counts.get(folder) ?? 0) + delta;
      if (n <= 0) counts.delete(folder);
      else counts.set(folder, n);
      // A folder appears when its count becomes 1, and vanishes when it reaches 0; 2 → 1 changes nothing.
      if (delta === 1 ? n === 1 : n <= 0) changed = true;
    }
    return changed;
  }

  /** Expands the pattern modules again over the files held now; true when that changed them, and every file was re-evaluated. */
  private reexpandPatterns(): boolean {
    const expanded = expandPatterns(this.ctx.model, this.sourceFiles());
    if (sameExpansion(expanded, this.ctx.model)) return false;
    this.setModel(expanded);
    return true;
  }

  /** The findings of one file, after its inline suppressions. */
  findingsOf(file: string): Finding[] {
    if (this.options.reportOnly && !this.options.reportOnly(file)) return [];
    const reason = this.skipped.get(file);
    if (reason !== undefined) return this.skippedFinding(file, reason);
    const settings = this.settingsFindings(file);
    const out = this.suppressionOutcome(file);
    return out ? [...out.kept, ...out.problems, ...this.encodingFinding(file), ...settings].sort(compareFindings) : settings;
  }

  /** Every finding an inline `adrift-ignore` comment silences, with that comment: the debt it hides. */
  suppressedFindings(): { finding: Finding; comment: SuppressionComment }[] {
    const out: { finding: Finding; comment: SuppressionComment }[] = [];
    for (const [file, state] of this.files) {
      if (state.facts.extracted.suppressions.length === 0 || this.options.reportOnly?.(file) === false) continue;
      const outcome = this.suppressionOutcome(file);
      outcome?.suppressed.forEach((finding, i) => out.push({ finding, comment: outcome.suppressedBy[i] }));
    }
    return out;
  }

  private suppressionOutcome(file: string): SuppressionOutcome | undefined {
    const state = this.files.get(file);
    if (!state) return undefined;
    const evaluation = this.evaluationOf(state);
    const all = [...evaluation.findings, ...checkModuleCycle(this.ctx, file, evaluation.moduleImports, this.closingEdges())];
    return applyInlineSuppressions(file, state.text, state.facts.extracted.suppressions, all, this.config.severity);
  }

  /** Every finding of the workspace, sorted by file and position. */
  findings(): Finding[] {
    return [...this.findingsByFile()].flat().sort(compareFindings);
  }

  /**
   * The same findings, in the same order, collected in slices (the editor's main thread):
   * between two slices the editor may check or remove files, and each file's findings are
   * taken as they are when its turn comes.
   */
  async findingsSliced(slicer: Slicer): Promise<Finding[]> {
    const parts: Finding[][] = [];
    await eachSliced(this.findingsByFile(), slicer, (part) => parts.push(part));
    return parts.flat().sort(compareFindings);
  }

  /** One file's findings at a time: every source file's, every skipped file's, then settings files that are neither. */
  private *findingsByFile(): Generator<Finding[]> {
    for (const file of this.files.keys()) yield this.findingsOf(file);
    const wanted = this.options.reportOnly ?? (() => true);
    for (const [file, reason] of this.skipped) if (wanted(file)) yield this.skippedFinding(file, reason);
    if (this.settingsProblems.length === 0) return;
    const sources = new Set([...this.files.keys(), ...this.skipped.keys()]);
    for (const file of new Set(this.settingsProblems.map((p) => p.file))) if (!sources.has(file) && wanted(file)) yield this.settingsFindings(file);
  }

  /** The findings under another model (a proposed decision's preview); the index is unchanged. */
  findingsUnder(model: ArchitectureModel): Finding[] {
    return this.under(model, () => this.findings());
  }

  /** Every import from one module into another, for the module map. */
  moduleImports(): EdgeImport[] {
    const out: EdgeImport[] = [];
    for (const [file, state] of this.files) {
      for (const m of this.evaluationOf(state).moduleImports) out.push(edgeImport(file, m));
    }
    return out;
  }

  /** Every import from one module into another under another model (modules not recorded yet); the index is unchanged. */
  moduleImportsUnder(model: ArchitectureModel): EdgeImport[] {
    return this.under(model, () => this.moduleImports());
  }

  private under<T>(model: ArchitectureModel, read: () => T): T {
    const current = this.ctx.model;
    this.setModel(model);
    try {
      return read();
    } finally {
      this.setModel(current);
    }
  }

  /** Files that import `file`. */
  dependents(file: string): string[] {
    const out: string[] = [];
    for (const [from, state] of this.files) {
      if (state.facts.resolutions.some((r) => r.kind === 'file' && r.path === file)) out.push(from);
    }
    return out;
  }

  /** The module `file` belongs to under the current model. */
  moduleOf(file: string): string | undefined {
    return this.ctx.modules.moduleOf(file);
  }

  sourceFiles(): string[] {
    return [...this.files.keys()];
  }

  /** Extracted facts of a file as last seen (imports, resolutions). */
  factsOf(file: string): FileFacts | undefined {
    return this.files.get(file)?.facts;
  }

  /**
   * Replaces the extraction's strings by shared copies of their own. A specifier sliced out of
   * the file's text is, in V8, a view that keeps the whole text alive: that alone kept every
   * file of the workspace in memory (~6 KB a file, 1.2 GB at 200k files). Equal names
   * (`React`, `useState`, the same specifier) share one string too.
   */
  private detach(extracted: ExtractedFile): ExtractedFile {
    const own = (s: string): string => {
      let copy = this.strings.get(s);
      if (copy === undefined) {
        // Concatenating and slicing flattens into a new string that references nothing else.
        copy = (' ' + s).slice(1);
        this.strings.set(copy, copy);
      }
      return copy;
    };
    for (const ref of extracted.imports) {
      ref.specifier = own(ref.specifier);
      if (ref.names) ref.names = ref.names.map(own);
    }
    for (const access of extracted.dataAccess) access.name = own(access.name);
    for (const comment of extracted.suppressions) {
      comment.rule = own(comment.rule);
      comment.reason = own(comment.reason);
    }
    return extracted;
  }

  /** Where each import leads: one list of targets per import (several for a `from pkg import a, b` of submodules). */
  private resolveTargets(file: string, extracted: ExtractedFile): Resolution[][] {
    const resolver = this.resolver;
    return extracted.imports.map((ref) => {
      const targets = !resolver ? [] : resolver.resolveAll ? resolver.resolveAll(file, ref) : [resolver.resolve(file, ref)];
      return targets.length > 0 ? targets : [{ kind: 'unresolved' as const }];
    });
  }

  private stateOf(file: string, hash: string, text: string | undefined, extracted: ExtractedFile, targets = this.resolveTargets(file, extracted)): FileState {
    const imports: ImportRef[] = [];
    const resolutions: Resolution[] = [];
    extracted.imports.forEach((ref, k) => {
      // An import with several targets appears once per target, so each is judged on its own.
      for (const t of targets[k]) {
        imports.push(ref);
        resolutions.push(t);
      }
    });
    const facts = { file, extracted: imports.length === extracted.imports.length ? extracted : { ...extracted, imports }, resolutions };
    const state: FileState = { facts, hash };
    if (extracted.suppressions.length > 0) state.text = text;
    return state;
  }

  private evaluationOf(state: FileState): FileEvaluation {
    if (!state.evaluation) state.evaluation = this.options.reportOnly?.(state.facts.file) === false ? this.edgesOnly(state.facts) : evaluateFile(this.ctx, state.facts);
    return state.evaluation;
  }

  /** A file whose findings nobody asked for: its module edges, for the graph, and no rule. */
  private edgesOnly(facts: FileFacts): FileEvaluation {
    const module = this.ctx.modules.moduleOf(facts.file);
    return { module, moduleImports: moduleImportsOf(this.ctx, facts, module), findings: [] };
  }

  private skippedFinding(file: string, reason: string): Finding[] {
    return this.skippedAt(file, { line: 0, column: 0 }, 0, `"${file}" was not checked: ${reason}`);
  }

  /** A file read with U+FFFD in place of bytes that are not UTF-8: where the first one is. */
  private encodingFinding(file: string): Finding[] {
    const invalid = this.invalidBytes.get(file);
    if (!invalid) return [];
    const hex = `0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return this.skippedAt(file, invalid.at, 1, `byte ${hex} is not valid UTF-8 (was the file saved as Latin-1 or Windows-1252?); Adrift checks the rest of the file, reading such bytes as U+FFFD`);
  }

  private settingsFindings(file: string): Finding[] {
    return this.settingsProblems.filter((p) => p.file === file).flatMap((p) => this.skippedAt(file, p.at, p.length, p.message));
  }

  /** A skipped-file finding: a file, or a part of one, that Adrift did not read. */
  private skippedAt(file: string, at: Range['start'], length: number, message: string): Finding[] {
    const severity = severityFor('skipped-file', this.config.severity);
    if (severity === 'off') return [];
    return [{ rule: 'skipped-file', severity, file, range: { start: at, end: { line: at.line, column: at.column + length } }, message }];
  }

  /** Takes a file's module edges out of the counts, if they are in: a sliced re-evaluation may not have counted them yet. */
  private forgetEdges(file: string, state: FileState | undefined): void {
    if (this.unevaluated?.delete(file)) return;
    if (state?.evaluation) this.removeEdges(state.evaluation);
  }

  private addEdges(e: FileEvaluation): void {
    this.changeEdges(e, 1);
  }

  private removeEdges(e: FileEvaluation): void {
    this.changeEdges(e, -1);
  }

  private changeEdges(e: FileEvaluation, delta: number): void {
    for (const m of e.moduleImports) {
      const key = `${m.fromModule}\u0000${m.toModule}`;
      const before = this.edgeCounts.get(key) ?? 0;
      const after = before + delta;
      if (after <= 0) this.edgeCounts.delete(key);
      else this.edgeCounts.set(key, after);
      // The cycles change only when an edge appears or disappears.
      if ((before === 0) !== (after <= 0)) this.closing = undefined;
    }
  }

  private closingEdges(): Map<string, string[]> {
    if (!this.closing) {
      const graph = new Map<string, Set<string>>();
      for (const key of this.edgeCounts.keys()) {
        const [from, to] = key.split('\u0000');
        let set = graph.get(from);
        if (!set) graph.set(from, (set = new Set()));
        set.add(to);
      }
      this.closing = closingEdges(this.ctx.modules.names(), graph, (from, to) => isAllowedEdge(this.ctx, from, to));
    }
    return this.closing;
  }
}

/** Two expansions of one model give the same modules from the same folders, with the same findings. */
function sameExpansion(a: ArchitectureModel, b: ArchitectureModel): boolean {
  const shape = (m: ArchitectureModel): string =>
    JSON.stringify([[...m.modules.values()].map((x) => [x.name, x.pattern?.folders]), (m.patternFindings ?? []).map((f) => f.message)]);
  return shape(a) === shape(b);
}

function sameStatKey(a: StatKey | undefined, b: StatKey | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino);
}

function edgeImport(file: string, m: ModuleImport): EdgeImport {
  return {
    from: m.fromModule,
    to: m.toModule,
    file,
    range: m.ref.range,
    specifier: m.ref.specifier,
    target: m.target,
    typeOnly: m.ref.typeOnly,
    allowed: m.allowed,
  };
}
