// The debt ledger: the debt of each accepted decision now, with the age of every item, and
// its trend over the last commits — computed from git objects, never a checkout.
//
// The walk goes newest to oldest. The newest commit's tree is read once (through a file-system
// port over git objects, ../git/tree-fs.ts); each older commit changes only the paths
// `git diff-tree` names, and the index re-checks only those files (and the files whose
// imports they could change), the way the editor re-checks an edited file. A blob is read
// once and extracted once, however many commits share it. A change of the configuration
// (.adrift.yaml, .gitignore, a tsconfig, go.mod...) rebuilds the index over the cached
// extractions; a change of the records re-folds the model without reading any file.

import * as path from 'node:path';
import { loadConfig, type AdriftConfig } from '../config';
import { parseBaseline, todayIso, applyBaseline, type BaselineEntry } from '../engine/baseline';
import type { SourceAnalyzer } from '../engine/analyzer';
import { isConfigFile } from '../engine/files';
import { languageOf } from '../engine/extract';
import { createSourceAnalyzer } from '../engine/front-end';
import { WorkspaceIndex } from '../engine/index';
import type { ExtractedFile } from '../engine/types';
import { decodeSourceText } from '../engine/files';
import { GitError, type GitPort } from '../git/port';
import { commitsSince, commitsTouching, listTree, repositoryInfo, treeChanges, type Commit } from '../git/repository';
import { GitTreeFileSystem } from '../git/tree-fs';
import { foldModel } from '../model/fold';
import { loadDecisionLog } from '../records/store';
import type { DebtBudget, DecisionLog } from '../records/types';
import type { Finding } from '../findings';
import { budgetFindings, type BudgetTrend } from './budget';
import { countDebt, debtItems, matchedEntries, zeroCounts, type DebtCounts, type DebtItem } from './debt';

/** The most commits one ledger walks, whatever is asked: the work stays bounded on huge histories. */
export const MAX_HISTORY = 1000;
export const DEFAULT_HISTORY = 30;

export interface LedgerOptions {
  /** How many commits to walk, newest first (default DEFAULT_HISTORY, at most MAX_HISTORY). */
  history?: number;
  /** Walk the commits after this date instead (git's date syntax: 2026-10-01, "3 months ago"). */
  since?: string;
  /** Decisions folder override (workspace-relative). */
  decisions?: string;
  /** YYYY-MM-DD for baseline expiry; default today (UTC). */
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface LedgerPoint {
  commit: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  subject: string;
  total: DebtCounts;
  /** Per decision id (decisions with no debt there are absent). */
  byDecision: Record<number, DebtCounts>;
}

export interface AgedItem extends DebtItem {
  /** The oldest commit of the walk from which on the item is present without a break. */
  since: { commit: string; time: number };
  /** Present in the oldest commit walked while older history exists: it is older than `since`. */
  olderThanWalk: boolean;
}

export interface DecisionDebt {
  id: number;
  title: string;
  /** Workspace-relative record file, and the 1-based line of its id. */
  file: string;
  line: number;
  budget?: DebtBudget;
  now: DebtCounts;
  items: AgedItem[];
}

export interface DebtLedger {
  head: string;
  branch?: string;
  /** Newest first; points[0] is HEAD. */
  points: LedgerPoint[];
  /** Every accepted decision at HEAD, by id. */
  decisions: DecisionDebt[];
  /** Items no decision explains (unassigned files, say), aged too. */
  unattributed: AgedItem[];
  /** decision-budget findings of HEAD, each with the decision's trend over the walk. */
  overBudget: Finding[];
  /** Why the walk stopped before the history did (the bound, a shallow clone), in words. */
  bounded?: string;
  /** Figures of the walk itself. */
  stats: { commits: number; blobsRead: number; extracted: number; rebuilds: number; durationMs: number };
}

/** The state the walk keeps while it moves from one commit to the one before. */
interface WalkState {
  config: AdriftConfig;
  log: DecisionLog;
  index: WorkspaceIndex;
  analyzer: SourceAnalyzer;
  baseline: BaselineEntry[];
}

export async function debtLedger(git: GitPort, rootIn: string, options: LedgerOptions = {}): Promise<DebtLedger> {
  const started = Date.now();
  const root = rootIn.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  const info = await repositoryInfo(git);
  if (!info.head) throw new GitError('unknown-ref', 'this repository has no commit yet: commit once, then adrift debt has a history to read');
  const prefix = new TextDecoder().decode((await git.run(['rev-parse', '--show-prefix'])).stdout).trim();
  const asked = options.history ?? DEFAULT_HISTORY;
  if (!Number.isInteger(asked) || asked < 1) throw new RangeError(`--history must be a whole number of commits, 1 or more (got ${asked})`);
  const limit = Math.min(asked, MAX_HISTORY);
  // One more than walked, to know whether older history exists.
  const listed = options.since !== undefined ? await commitsSince(git, ['.'], options.since, limit + 1) : await commitsTouching(git, ['.'], limit + 1);
  const commits = listed.slice(0, limit);
  if (commits.length === 0) throw new GitError('unknown-ref', options.since !== undefined ? `no commit since ${options.since} touches this folder` : 'no commit touches this folder');
  const olderExists = listed.length > limit || info.shallow;
  let bounded: string | undefined;
  if (listed.length > limit) {
    bounded =
      asked > MAX_HISTORY || options.since !== undefined
        ? `walked the newest ${limit} commits only (the bound is ${MAX_HISTORY}); ages of items present in all of them are "older than" the oldest`
        : undefined;
  }
  if (info.shallow && listed.length <= limit) bounded = 'this clone is shallow: the walk ends where its history does (fetch more with git fetch --deepen=N or fetch-depth: 0)';

  const today = options.today ?? todayIso();
  const fs = new GitTreeFileSystem(git, root, prefix);
  const memo = new Map<string, ExtractedFile | { skipped: string }>();
  const stats = { commits: 0, blobsRead: 0, extracted: 0, rebuilds: 0, durationMs: 0 };

  const memoAnalyzer = (inner: SourceAnalyzer): SourceAnalyzer => ({
    ...inner,
    extract(file, text) {
      const sha = fs.blobOf(file);
      const key = `${sha}\0${path.posix.basename(file)}`;
      const hit = sha ? memo.get(key) : undefined;
      if (hit) return hit;
      stats.extracted++;
      const out = inner.extract(file, text);
      if (sha) memo.set(key, out);
      return out;
    },
  });

  const build = async (): Promise<WalkState> => {
    stats.rebuilds++;
    const config = await loadConfig(fs, root);
    const log = await loadDecisionLog(fs, root, { folder: options.decisions, today });
    const analyzer = memoAnalyzer(createSourceAnalyzer(fs, root, config));
    const index = new WorkspaceIndex(fs, root, config, foldModel(log), analyzer, { cache: false });
    await index.scan();
    return { config, log, index, analyzer, baseline: await baselineAt(config) };
  };
  const baselineAt = async (config: AdriftConfig): Promise<BaselineEntry[]> => {
    const text = await fs.readText(path.posix.join(root, config.baseline)).catch(() => undefined);
    // A broken baseline at some commit counts as none there; `adrift check` reports it today.
    return text === undefined ? [] : parseBaseline(text).baseline.entries;
  };
  const textOf = async (rel: string): Promise<string | undefined> => {
    const bytes = await fs.readBytes(`${root}/${rel}`).catch(() => undefined);
    if (bytes === undefined) return undefined;
    const decoded = decodeSourceText(bytes);
    return 'text' in decoded ? decoded.text : undefined;
  };

  fs.setTree(await listTree(git, commits[0].sha));
  // One batch for the first tree's sources, settings and records instead of one per chunk the index reads.
  const wanted = (rel: string): boolean => languageOf(rel) !== undefined || isConfigFile(path.posix.basename(rel)) || /\.(ya?ml|json)$/.test(rel);
  await fs.prefetch([...fs.paths()].filter(wanted));
  let state = await build();
  // HEAD's records and config, kept: the walk changes the state's log and baseline in place.
  const head = { log: state.log, config: state.config };
  const points: LedgerPoint[] = [];
  const itemsAtHead: DebtItem[] = [];
  const ages = new Map<string, Commit>();

  for (let i = 0; i < commits.length; i++) {
    const commit = commits[i];
    if (i > 0) state = await moveTo(commits[i - 1].sha, commit.sha, state);
    const items = itemsOf(state, today);
    const present = new Set(items.map((it) => it.key));
    if (i === 0) {
      itemsAtHead.push(...items);
      for (const key of present) ages.set(key, commit);
    } else {
      // An item is as old as the oldest commit of its unbroken run back from HEAD.
      for (const [key, since] of ages) if (since === commits[i - 1] && present.has(key)) ages.set(key, commit);
    }
    const { total, byDecision } = countDebt(items);
    points.push({ commit: commit.sha, time: commit.time, subject: commit.subject, total, byDecision: Object.fromEntries(byDecision) });
    stats.commits++;
    options.onProgress?.(i + 1, commits.length);
  }

  async function moveTo(from: string, to: string, s: WalkState): Promise<WalkState> {
    const changed = fs.apply(await treeChanges(git, from, to));
    if (changed.length === 0) return s;
    await fs.prefetch(changed.filter(wanted));
    const folder = s.log.folderRelative + '/';
    const rebuild = changed.some((rel) => rel === '.adrift.yaml' || path.posix.basename(rel) === '.gitignore' || isConfigFile(path.posix.basename(rel)));
    if (rebuild) return build();
    if (changed.some((rel) => rel.startsWith(folder))) {
      s.log = await loadDecisionLog(fs, root, { folder: options.decisions, today });
      s.index.setModel(foldModel(s.log));
    }
    if (changed.includes(s.config.baseline)) s.baseline = await baselineAt(s.config);
    const sources = changed.filter((rel) => s.analyzer.isSourceFile(rel) && !rel.startsWith(folder));
    if (sources.length === 0) return s;
    const modifiedOnly = sources.every((rel) => fs.blobOf(rel) !== undefined && s.index.factsOf(rel) !== undefined);
    if (modifiedOnly) {
      for (const rel of sources) {
        const text = await textOf(rel);
        if (text === undefined) s.index.removeFile(rel);
        else s.index.updateFile(rel, text);
      }
      return s;
    }
    // Files came or went: the listing (gitignore, excludes) says which count, and imports
    // that led to a removed file, or nowhere, are resolved again.
    const listed = new Set((await s.analyzer.listFiles()).files);
    const recheck = new Set<string>();
    for (const rel of sources) {
      if (listed.has(rel)) continue;
      for (const dep of s.index.dependents(rel)) recheck.add(dep);
      s.index.removeFile(rel);
    }
    let added = false;
    for (const rel of sources) {
      if (!listed.has(rel)) continue;
      added ||= s.index.factsOf(rel) === undefined;
      const text = await textOf(rel);
      if (text === undefined) s.index.removeFile(rel);
      else s.index.updateFile(rel, text);
    }
    if (added) {
      for (const file of s.index.sourceFiles()) {
        if (s.index.factsOf(file)?.resolutions.some((r) => r.kind === 'unresolved')) recheck.add(file);
      }
    }
    for (const rel of recheck) {
      if (!listed.has(rel) || sources.includes(rel)) continue;
      const text = await textOf(rel);
      if (text !== undefined) s.index.updateFile(rel, text);
    }
    return s;
  }

  stats.blobsRead = fs.blobsRead;
  const aged = (it: DebtItem): AgedItem => {
    const c = ages.get(it.key) ?? commits[0];
    return { ...it, since: { commit: c.sha, time: c.time }, olderThanWalk: olderExists && c.sha === commits[commits.length - 1].sha };
  };
  const decisions: DecisionDebt[] = [];
  const nowCounts = countDebt(itemsAtHead).byDecision;
  for (const r of head.log.records) {
    if (r.record?.status !== 'accepted') continue;
    const id = r.record.id;
    decisions.push({
      id,
      title: r.record.title,
      file: r.file,
      line: r.rangeOf(['id']).start.line + 1,
      ...(r.record.enforce?.budget ? { budget: r.record.enforce.budget } : {}),
      now: nowCounts.get(id) ?? { findings: 0, baseline: 0, suppressions: 0 },
      items: itemsAtHead.filter((it) => it.decision === id).map(aged),
    });
  }
  const known = new Set(decisions.map((d) => d.id));
  const walked = `over the last ${points.length} commit${points.length === 1 ? '' : 's'}`;
  const trends = new Map<number, BudgetTrend>(decisions.map((d) => [d.id, { counts: trendAt(points, d.id).slice(0, -1), span: walked }]));
  const overBudget = budgetFindings(head.log, nowCounts, { severities: head.config.severity, trends });
  stats.durationMs = Date.now() - started;
  return {
    head: commits[0].sha,
    ...(info.branch ? { branch: info.branch } : {}),
    points,
    decisions,
    unattributed: itemsAtHead.filter((it) => it.decision === undefined || !known.has(it.decision)).map(aged),
    overBudget,
    ...(bounded ? { bounded } : {}),
    stats,
  };
}

/** The debt items of the walk's current commit. */
function itemsOf(s: WalkState, today: string): DebtItem[] {
  const out = applyBaseline(s.index.findings(), { entries: s.baseline }, today);
  return debtItems(out.kept, matchedEntries(s.baseline, out), s.index.suppressedFindings());
}

/** Counts at each point, oldest first (HEAD last): of one decision, or of the whole workspace. */
function trendAt(points: readonly LedgerPoint[], id?: number): DebtCounts[] {
  return [...points].reverse().map((p) => (id === undefined ? p.total : (p.byDecision[id] ?? zeroCounts())));
}

export function trendOf(ledger: DebtLedger, id?: number): DebtCounts[] {
  return trendAt(ledger.points, id);
}
