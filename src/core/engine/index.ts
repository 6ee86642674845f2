// The workspace index: every source file's imports and where they lead, checked against the
// architecture model. The CLI scans once; the editor scans once and then keeps the index
// current file by file (checkFile on every keystroke, removeFile on delete), and swaps the
// model without re-reading files when a decision changes.

import type { Finding, Range } from '../findings';
import { compareFindings } from '../findings';
import type { FileSystemPort } from '../fs/port';
import { compileRawGlobs } from '../model/globs';
import { decodeSourceText } from './files';
import type { ArchitectureModel } from '../model/types';
import type { ImportResolver, SourceAnalyzer } from './analyzer';
import { contentHash, ExtractionCache, type CachedExtraction } from './cache';
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
import { severityFor } from './rules/severity';
import { applyInlineSuppressions } from './suppression';
import type { ExtractedFile, ImportRef, Resolution, SkippedFile, UnresolvedImport } from './types';

/** What the index needs of the workspace configuration (AdriftConfig fits). */
export interface EngineConfig {
  exclude?: string[];
  severity?: RuleSeverities;
}

export interface ScanOptions {
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export interface ScanStats {
  files: number;
  skipped: SkippedFile[];
  /** Files whose extraction came from the disk cache. */
  cached: number;
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
}

interface FileState {
  facts: FileFacts;
  hash: string;
  /** Kept only for files with suppression comments: they need the lines after the comment. */
  text?: string;
  evaluation?: FileEvaluation;
}

const CHUNK = 128;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function isLocalSpecifier(s: string): boolean {
  return s.startsWith('.') || s.startsWith('/') || s.startsWith('#') || s.startsWith('@/') || s.startsWith('~/');
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileState>();
  private readonly skipped = new Map<string, string>();
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

  constructor(
    private readonly fs: FileSystemPort,
    /** Absolute POSIX path of the workspace folder. */
    readonly root: string,
    private readonly config: EngineConfig,
    model: ArchitectureModel,
    private readonly analyzer: SourceAnalyzer,
    private readonly options: IndexOptions = {},
  ) {
    this.ctx = createRuleContext(model, { severities: config.severity });
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
    const listing = await this.analyzer.listFiles();
    const files = listing.files.filter((f) => !this.excluded(f));
    const where = this.options.cache;
    const cache =
      where === false
        ? undefined
        : typeof where === 'object'
          ? await ExtractionCache.open(where.fs, this.root, this.analyzer.version, where.folder)
          : await ExtractionCache.open(this.fs, this.root, this.analyzer.version);
    this.files.clear();
    this.skipped.clear();
    this.edgeCounts.clear();
    this.closing = undefined;
    for (const s of listing.skipped) this.skipped.set(s.file, s.reason);

    // A file's text is kept only when its suppression comments need it: holding every text
    // until the resolver exists cost hundreds of MB on a 200k-file workspace.
    const extracted = new Map<string, { hash: string; text: string | undefined; extracted: ExtractedFile }>();
    let cached = 0;
    let cancelled = false;
    for (let i = 0; i < files.length; i += CHUNK) {
      if (opts.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const chunk = files.slice(i, i + CHUNK);
      const texts = await Promise.all(chunk.map((f) => this.read(f)));
      chunk.forEach((file, j) => {
        const text = texts[j];
        if (text === undefined) return;
        const hash = contentHash(text);
        const hit = cache?.get(file, hash);
        if (hit) cached++;
        const result = hit ?? this.analyzer.extract(file, text);
        if ('skipped' in result) this.skipped.set(file, result.skipped);
        else extracted.set(file, { hash, text: result.suppressions.length > 0 ? text : undefined, extracted: this.detach(result) });
      });
      opts.onProgress?.(Math.min(i + CHUNK, files.length), files.length);
      await yieldToEventLoop();
    }

    const fromDisk = [...extracted.keys()];
    const resolver = await this.analyzer.createResolver(fromDisk);
    this.dataModels = await this.analyzer.dataModels(fromDisk);
    // From here to the end of the loop nothing awaits, so no edit can slip in between.
    const toCache = new Map<string, CachedExtraction>();
    for (const [file, e] of extracted) toCache.set(file, { hash: e.hash, extracted: e.extracted });
    this.takeNewer(newer, extracted, resolver);
    this.resolver = resolver;
    this.ctx = createRuleContext(this.ctx.model, { severities: this.config.severity, dataModels: this.dataModels });
    // Whatever the editor checked meanwhile (without a resolver, or against the old one) is rebuilt.
    this.files.clear();
    this.edgeCounts.clear();
    this.closing = undefined;
    const unresolvedLocal: ScanStats['unresolvedLocal'] = [];
    for (const [file, e] of extracted) {
      const state = this.stateOf(file, e.hash, e.text, e.extracted);
      this.files.set(file, state);
      state.facts.resolutions.forEach((r, k) => {
        const { specifier, range } = state.facts.extracted.imports[k];
        if (r.kind === 'unresolved' && (r.local === true || isLocalSpecifier(specifier))) {
          unresolvedLocal.push({ file, specifier, line: range.start.line + 1, column: range.start.column + 1 });
        }
      });
      this.addEdges(this.evaluationOf(state));
    }
    // A scan that reused every cached extraction and dropped none leaves the cache as it was.
    if (cache && !cancelled && !(cached === toCache.size && cache.size === toCache.size)) await cache.save(toCache);
    return {
      files: this.files.size,
      skipped: [...this.skipped].map(([file, reason]) => ({ file, reason })),
      cached,
      unresolvedLocal,
      cancelled,
      durationMs: Date.now() - started,
    };
  }

  /**
   * Puts the files checked or removed while the scan ran in place of what it read from disk
   * (an unsaved editor, or a save after the scan's read), and tells the resolver about files
   * that came or went meanwhile.
   */
  private takeNewer(
    newer: ReadonlyMap<string, string | null>,
    extracted: Map<string, { hash: string; text: string | undefined; extracted: ExtractedFile }>,
    resolver: ImportResolver,
  ): void {
    for (const [file, text] of newer) {
      const had = extracted.delete(file);
      this.skipped.delete(file);
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
    this.ctx = createRuleContext(model, { severities: this.config.severity, dataModels: this.dataModels });
    this.edgeCounts.clear();
    this.closing = undefined;
    for (const state of this.files.values()) {
      state.evaluation = undefined;
      this.addEdges(this.evaluationOf(state));
    }
  }

  /**
   * Takes the file's current text (an unsaved editor's, say), re-checks it alone and returns
   * its findings. The rest of the workspace is not read again; module-cycle findings of other
   * files follow in findings().
   */
  checkFile(file: string, text: string): Finding[] {
    if (this.excluded(file) || !this.analyzer.isSourceFile(file)) return [];
    for (const newer of this.scans) newer.set(file, text);
    const result = this.analyzer.extract(file, text);
    const old = this.files.get(file);
    if (old?.evaluation) this.removeEdges(old.evaluation);
    if ('skipped' in result) {
      this.files.delete(file);
      this.skipped.set(file, result.skipped);
      return this.findingsOf(file);
    }
    this.skipped.delete(file);
    if (!old) this.resolver?.fileAdded?.(file);
    const state = this.stateOf(file, contentHash(text), text, this.detach(result));
    this.files.set(file, state);
    this.addEdges(this.evaluationOf(state));
    return this.findingsOf(file);
  }

  /** Same as checkFile: the editor calls this for saved changes from disk. */
  updateFile(file: string, text: string): Finding[] {
    return this.checkFile(file, text);
  }

  removeFile(file: string): void {
    for (const newer of this.scans) newer.set(file, null);
    const old = this.files.get(file);
    if (old?.evaluation) this.removeEdges(old.evaluation);
    if (old) this.resolver?.fileRemoved?.(file);
    this.files.delete(file);
    this.skipped.delete(file);
  }

  /** The findings of one file, after its inline suppressions. */
  findingsOf(file: string): Finding[] {
    const reason = this.skipped.get(file);
    if (reason !== undefined) return this.skippedFinding(file, reason);
    const state = this.files.get(file);
    if (!state) return [];
    const evaluation = this.evaluationOf(state);
    const all = [...evaluation.findings, ...checkModuleCycle(this.ctx, file, evaluation.moduleImports, this.closingEdges())];
    const out = applyInlineSuppressions(file, state.text, state.facts.extracted.suppressions, all, this.config.severity);
    return [...out.kept, ...out.problems].sort(compareFindings);
  }

  /** Every finding of the workspace, sorted by file and position. */
  findings(): Finding[] {
    const out: Finding[] = [];
    for (const file of this.files.keys()) out.push(...this.findingsOf(file));
    for (const [file, reason] of this.skipped) out.push(...this.skippedFinding(file, reason));
    return out.sort(compareFindings);
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

  private async read(file: string): Promise<string | undefined> {
    const abs = `${this.root}/${file}`;
    try {
      if (!this.fs.readBytes) return await this.fs.readText(abs);
      const bytes = await this.fs.readBytes(abs);
      if (bytes === undefined) return undefined;
      const decoded = decodeSourceText(bytes);
      if ('text' in decoded) return decoded.text;
      this.skipped.set(file, decoded.skipped);
      return undefined;
    } catch (err) {
      this.skipped.set(file, `could not be read: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
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

  private stateOf(file: string, hash: string, text: string | undefined, extracted: ExtractedFile): FileState {
    const resolver = this.resolver;
    const imports: ImportRef[] = [];
    const resolutions: Resolution[] = [];
    for (const ref of extracted.imports) {
      // An import with several targets appears once per target, so each is judged on its own.
      const targets = !resolver ? [{ kind: 'unresolved' as const }] : resolver.resolveAll ? resolver.resolveAll(file, ref) : [resolver.resolve(file, ref)];
      for (const t of targets.length > 0 ? targets : [{ kind: 'unresolved' as const }]) {
        imports.push(ref);
        resolutions.push(t);
      }
    }
    const facts = { file, extracted: imports.length === extracted.imports.length ? extracted : { ...extracted, imports }, resolutions };
    const state: FileState = { facts, hash };
    if (extracted.suppressions.length > 0) state.text = text;
    return state;
  }

  private evaluationOf(state: FileState): FileEvaluation {
    if (!state.evaluation) state.evaluation = evaluateFile(this.ctx, state.facts);
    return state.evaluation;
  }

  private skippedFinding(file: string, reason: string): Finding[] {
    const severity = severityFor('skipped-file', this.config.severity);
    if (severity === 'off') return [];
    return [
      {
        rule: 'skipped-file',
        severity,
        file,
        range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
        message: `"${file}" was not checked: ${reason}`,
      },
    ];
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
