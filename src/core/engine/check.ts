// One whole-workspace check, as `adrift check` and the benchmark run it: configuration,
// decision log, architecture model, a scan of every source file, then the baseline.

import * as path from 'node:path';
import { loadConfig, type AdriftConfig } from '../config';
import { budgetFindings } from '../debt/budget';
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
  const index = new WorkspaceIndex(fs, root, config, model, analyzer, { cache: options.cache, parallel: options.analyzer ? undefined : options.parallel });
  const stats = await index.scan(options);

  const probe = (glob: string) => otherFilesMatching(fs, root, glob, { dotFolders: config.scanDotFolders });
  let findings = [...(await recordFindings([...config.findings, ...log.findings], index.model, index.sourceFiles(), config.severity, probe)), ...index.findings()];

  let baselineUse: BaselineUse | undefined;
  let accepted: BaselineEntry[] = [];
  const baseline = await readBaseline(fs, root, options.baseline === undefined ? config.baseline : options.baseline, options.baseline !== undefined);
  if (baseline) {
    const out = applyBaseline(findings, baseline.baseline, options.today ?? todayIso(), proposedDecisions(log));
    findings = out.kept;
    baselineUse = { file: baseline.file, suppressed: out.suppressed.length, expired: out.expired, unused: out.unused, pending: out.pending };
    accepted = matchedEntries(baseline.baseline.entries, out);
  }
  const debt = countDebt(debtItems(findings, accepted, index.suppressedFindings()));
  findings.push(...budgetFindings(log, debt.byDecision, { severities: config.severity }));
  // The index's model: pattern modules expanded against the files scanned.
  return { root, config, model: index.model, log, findings: findings.sort(compareFindings), stats, baseline: baselineUse, index };
}

/**
 * The findings of the configuration and the decision records, with the records' globs
 * checked against the scanned source files (none when not scanned yet), at the severities `.adrift.yaml` sets. The CLI
 * and the editor both report exactly these next to the index's drift findings.
 */
export async function recordFindings(
  loaded: readonly Finding[],
  model: ArchitectureModel,
  sourceFiles: readonly string[] | undefined,
  severities: RuleSeverities | undefined,
  otherFiles?: OtherFilesProbe,
): Promise<Finding[]> {
  return [...loaded, ...(sourceFiles ? await checkModelAgainstFiles(model, sourceFiles, otherFiles) : [])].flatMap((f) => {
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
