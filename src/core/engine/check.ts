// One whole-workspace check, as `adrift check` and the benchmark run it: configuration,
// decision log, architecture model, a scan of every source file, then the baseline.

import * as path from 'node:path';
import { loadConfig, type AdriftConfig } from '../config';
import { budgetFindings, hasBudgets } from '../debt/budget';
import { countDebt, debtItems, matchedEntries } from '../debt/debt';
import { compareFindings, type Finding } from '../findings';
import type { FileSystemPort } from '../fs/port';
import { checkModelAgainstFiles, type OtherFilesProbe } from '../model/check-files';
import { foldModel } from '../model/fold';
import type { ArchitectureModel } from '../model/types';
import { loadDecisionLog } from '../records/store';
import type { DecisionLog } from '../records/types';
import type { SourceAnalyzer } from './analyzer';
import { applyBaseline, parseBaseline, proposedDecisions, todayIso, type Baseline, type BaselineEntry } from './baseline';
import { otherFilesMatching } from './files';
import { createSourceAnalyzer } from './front-end';
import { WorkspaceIndex, type IndexOptions, type ScanOptions, type ScanStats } from './index';
import { severityFor, type RuleSeverities } from './rules/severity';
import { Shard, unknownBeforeScan, type ShardFilter, type ShardRequest } from './shard';
import type { Slicer } from './slice';

export interface CheckOptions extends ScanOptions {
  /** Decisions folder override (workspace-relative). */
  decisions?: string;
  /**
   * Baseline file, workspace-relative or absolute. `undefined`: the config's, if that file
   * exists; `false`: none.
   */
  baseline?: string | false;
  /** Keep extractions on disk between runs (default true). */
  cache?: boolean;
  /** YYYY-MM-DD, for baseline expiry and review dates; default today (UTC). */
  today?: string;
  /** Another front end (tests, benchmark); default the real extractor and resolver. */
  analyzer?: SourceAnalyzer;
  /** Ids of records to fold on top of the accepted ones, as if accepted (a preview). */
  preview?: number[];
  /** Extract on worker threads for a cold scan (IndexOptions.parallel); only with the real front end and file system. */
  parallel?: IndexOptions['parallel'];
  /** Check one shard of the workspace (`--module`, `--rest`): see shard.ts. */
  shard?: ShardRequest;
  /** A shard decided by another check (the base of --since takes the work tree's); instead of `shard`. */
  shardFilter?: ShardFilter;
}

export interface BaselineUse {
  file: string;
  suppressed: number;
  expired: BaselineEntry[];
  unused: BaselineEntry[];
  /** Entries waiting for a proposed decision to be accepted. */
  pending: BaselineEntry[];
}

export interface CheckResult {
  root: string;
  config: AdriftConfig;
  model: ArchitectureModel;
  /** The decision log the model was folded from. */
  log: DecisionLog;
  /** Every finding after suppression, sorted: records, config and code. */
  findings: Finding[];
  stats: ScanStats;
  baseline?: BaselineUse;
  index: WorkspaceIndex;
  /** With a shard: which findings are its own, and the requested modules that own no file. */
  shard?: { filter: ShardFilter; empty: string[] };
}

/** A problem that makes the check itself impossible (exit code 2), as opposed to findings. */
export class CheckSetupError extends Error {}

export async function checkWorkspace(fs: FileSystemPort, rootIn: string, options: CheckOptions = {}): Promise<CheckResult> {
  const root = rootIn.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  if ((await fs.stat(root))?.kind !== 'directory') throw new CheckSetupError(`${rootIn} is not a folder`);
  const config = await loadConfig(fs, root);
  const log = await loadDecisionLog(fs, root, options.decisions !== undefined ? { folder: options.decisions, today: options.today } : { today: options.today });
  const model = foldModel(log, options.preview?.length ? { preview: options.preview } : {});
  const analyzer = options.analyzer ?? createSourceAnalyzer(fs, root, config);
  if (options.shard) {
    const unknown = unknownBeforeScan(options.shard, model);
    if (unknown.length > 0) throw new CheckSetupError(unknownModules(unknown, [...model.modules.keys()]));
  }
  // The rest shard reports the debt budgets, which count every finding: it evaluates every file.
  const everyFile = (options.shardFilter?.rest ?? options.shard?.rest ?? false) && hasBudgets(log, config.severity);
  // The shard asks the index (once it has scanned) which module owns a file.
  const shard: ShardFilter | undefined = options.shardFilter ?? (options.shard && new Shard(options.shard, (file): string | undefined => index.moduleOf(file), (): ArchitectureModel => index.model));
  const reportOnly = shard && !everyFile ? (file: string) => shard.hasFile(file) : undefined;
  const index: WorkspaceIndex = new WorkspaceIndex(fs, root, config, model, analyzer, { cache: options.cache, parallel: options.analyzer ? undefined : options.parallel, reportOnly });
  const stats = await index.scan(options);
  if (shard instanceof Shard) {
    const unknown = shard.unknownNames();
    if (unknown.length > 0) throw new CheckSetupError(unknownModules(unknown, [...index.model.modules.keys()]));
  }

  const probe = (glob: string) => otherFilesMatching(fs, root, glob, { dotFolders: config.scanDotFolders });
  const records = !shard || shard.rest ? await recordFindings([...config.findings, ...log.findings], index.model, index.sourceFiles(), config.severity, probe) : [];
  let findings = [...records, ...index.findings()];

  let baselineUse: BaselineUse | undefined;
  let accepted: BaselineEntry[] = [];
  const baseline = await readBaseline(fs, root, options.baseline === undefined ? config.baseline : options.baseline, options.baseline !== undefined);
  if (baseline) {
    // A shard applies only its own entries, so an entry of another shard is neither used nor stale here.
    const entries = shard && !everyFile ? baseline.baseline.entries.filter((e) => shard.has(e)) : baseline.baseline.entries;
    const out = applyBaseline(findings, { entries }, options.today ?? todayIso(), proposedDecisions(log));
    findings = out.kept;
    const own = <T extends { rule: string; file: string }>(list: T[]): T[] => (shard ? list.filter((e) => shard.has(e)) : list);
    baselineUse = { file: baseline.file, suppressed: own(out.suppressed).length, expired: own(out.expired), unused: own(out.unused), pending: own(out.pending) };
    accepted = matchedEntries(entries, out);
  }
  if (!shard || shard.rest) {
    const debt = countDebt(debtItems(findings, accepted, index.suppressedFindings()));
    findings.push(...budgetFindings(log, debt.byDecision, { severities: config.severity }));
  }
  if (shard) findings = findings.filter((f) => shard.has(f));
  const shardUse = shard && { filter: shard, empty: shard instanceof Shard ? shard.emptyNames(index.sourceFiles()) : [] };
  // The index's model: pattern modules expanded against the files scanned.
  return { root, config, model: index.model, log, findings: findings.sort(compareFindings), stats: shard ? shardStats(stats, shard, index.sourceFiles()) : stats, baseline: baselineUse, index, shard: shardUse };
}

/** The scan's figures for a shard's own files. */
function shardStats(stats: ScanStats, shard: ShardFilter, files: readonly string[]): ScanStats {
  return {
    ...stats,
    files: files.filter((f) => shard.hasFile(f)).length,
    skipped: stats.skipped.filter((s) => shard.hasFile(s.file)),
    unresolvedLocal: stats.unresolvedLocal.filter((u) => shard.hasFile(u.file)),
  };
}

function unknownModules(unknown: readonly { name: string; guess: string | undefined }[], known: readonly string[]): string {
  const each = unknown.map((u) => `"${u.name}"${u.guess ? ` (did you mean "${u.guess}"?)` : ''}`);
  const list = known.length > 0 ? `; the modules are ${[...known].sort().join(', ')}` : '; the records declare no module';
  return `--module ${each.join(', ')}: no such module${unknown.length > 1 ? 's' : ''}${list}`;
}

/**
 * The findings of the configuration and the decision records, with the records' globs
 * checked against the scanned source files (none when not scanned yet), at the severities `.adrift.yaml` sets. The CLI
 * and the editor both report exactly these next to the index's drift findings; the editor
 * passes a `slicer` so the loops over every file leave its main thread turns.
 */
export async function recordFindings(
  loaded: readonly Finding[],
  model: ArchitectureModel,
  sourceFiles: readonly string[] | undefined,
  severities: RuleSeverities | undefined,
  otherFiles?: OtherFilesProbe,
  slicer?: Slicer,
): Promise<Finding[]> {
  return [...loaded, ...(sourceFiles ? await checkModelAgainstFiles(model, sourceFiles, otherFiles, slicer) : [])].flatMap((f) => {
    const severity = severityFor(f.rule, severities, f.severity);
    return severity === 'off' ? [] : [{ ...f, severity }];
  });
}

/** The baseline to apply; a file named explicitly must exist, the configured default may not. */
export async function readBaseline(
  fs: FileSystemPort,
  root: string,
  file: string | false,
  explicit: boolean,
): Promise<{ file: string; baseline: Baseline } | undefined> {
  if (file === false) return undefined;
  const abs = path.posix.isAbsolute(file) ? file : path.posix.join(root, file);
  let text: string | undefined;
  try {
    text = await fs.readText(abs);
  } catch (err) {
    throw new CheckSetupError(`baseline file ${file} could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (text === undefined) {
    if (explicit) throw new CheckSetupError(`baseline file ${file} does not exist (write one with \`adrift baseline\`)`);
    return undefined;
  }
  const parsed = parseBaseline(text);
  if (parsed.problems.length > 0) throw new CheckSetupError(`baseline file ${file}: ${parsed.problems.join('; ')}`);
  return { file: path.posix.relative(root, abs) || file, baseline: parsed.baseline };
}
