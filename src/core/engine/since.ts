// `check --since <ref>`: the findings a change introduces, told apart from those it inherits.
// The base is the merge base of the ref with HEAD; its findings come from the very same check
// run on that commit's files (read from git objects through BaseCommitFileSystem, with the
// base's own decision records and configuration), never from a checkout. A finding is
// inherited when the base had one with the same identity (baselineKey: rule, file, modules,
// import — not the line), its file followed through git's rename detection.

import * as path from 'node:path';
import type { Finding } from '../findings';
import type { FileSystemPort } from '../fs/port';
import { BaseCommitFileSystem } from '../git/base-fs';
import { GitError, type GitPort } from '../git/port';
import { changedFiles, listTree, mergeBase, repositoryInfo, resolveCommit, type FileChange } from '../git/repository';
import type { DecisionLog } from '../records/types';
import { baselineKey, type BaselineEntry } from './baseline';
import { checkWorkspace, readBaseline, type CheckOptions, type CheckResult } from './check';
import { renamedFilter } from './shard';

export interface RecordChange {
  id: number;
  title: string;
  /** Workspace-relative path of the record (now, or at the base when removed). */
  file: string;
  change: 'added' | 'removed' | 'status' | 'edited';
  /** For a status change: the status at the base. */
  from?: string;
  /** For a status change: the status now. */
  to?: string;
}

export interface ChangeScope {
  /** The ref as the user gave it. */
  ref: string;
  /** The merge base of the ref with HEAD: the commit compared with. */
  base: string;
  /** The checked-out branch, undefined on a detached HEAD. */
  branch: string | undefined;
  /** The current findings the base did not have. */
  introduced: ReadonlySet<Finding>;
  /** How many current findings the base had too. */
  inherited: number;
  /** Findings of the base that are gone now (their files as they are named now). */
  fixed: Finding[];
  /** Decision records added, removed or changed since the base. */
  records: RecordChange[];
  /** Workspace-relative path at the base → path now, for files git sees as renamed. */
  renames: ReadonlyMap<string, string>;
  /** The check of the base commit (no baseline applied). */
  baseResult: CheckResult;
  /** The base's files, for anything else that compares with it (the ratchet). */
  baseFs: FileSystemPort;
}

export interface SinceCheck {
  result: CheckResult;
  scope: ChangeScope;
}

/** Where the base commit is, and how the work tree differs from it: git questions, no check. */
export interface BaseLocation {
  ref: string;
  /** The merge base of the ref with HEAD. */
  base: string;
  branch: string | undefined;
  /** git's top folder, spelled from the workspace root; and the root's path inside it ('' at the top). */
  repositoryRoot: string;
  prefix: string;
  /** Files of the work tree that differ from the base, renames detected. */
  changes: FileChange[];
}

/**
 * The merge base of `ref` with HEAD and the work tree's changes since. Throws a GitError (no
 * git, not a repository, unknown ref, shallow clone) a user can act on.
 */
export async function locateBase(git: GitPort, fs: FileSystemPort, rootIn: string, ref: string): Promise<BaseLocation> {
  const root = normalRoot(rootIn);
  const info = await repositoryInfo(git);
  if (!info.head) throw new GitError('unknown-ref', 'this repository has no commit yet, so there is nothing to compare with');
  const refCommit = await resolveCommit(git, ref);
  const base = await mergeBase(git, refCommit, info.head, info.shallow).catch(async (err: unknown) => {
    throw err instanceof GitError && err.failure === 'shallow' ? await shallowError(git, ref) : err;
  });
  const repositoryRoot = await spelledLike(fs, root, info.root);
  const prefix = path.posix.relative(repositoryRoot, root);
  if (prefix.startsWith('..')) throw new GitError('not-a-repository', `${root} is not inside the git repository at ${info.root}`);
  if (prefix !== '' && (await listTree(git, info.head, prefix)).length === 0) {
    throw new GitError('not-a-repository', `${root} has no file git tracks in the repository at ${info.root} (ignored, or never committed): open the repository's folder, or commit the folder first`);
  }
  return { ref, base, branch: info.branch, repositoryRoot, prefix, changes: await changedFiles(git, base) };
}

/**
 * The check of the base commit, with its own records and configuration and no baseline,
 * through a read-only view of its tree: git objects for the files the work tree changed, the
 * disk (`disk`, never an editor overlay) for the rest. It writes nothing, not even the cache.
 */
export async function checkBaseCommit(git: GitPort, disk: FileSystemPort, root: string, at: BaseLocation, options: CheckOptions = {}): Promise<{ result: CheckResult; fs: FileSystemPort }> {
  const differing = new Set(at.changes.flatMap((c) => (c.status === 'added' ? [] : [c.oldPath ?? c.path])));
  // A workspace folder the base does not have yet is an empty folder there: all its findings are new.
  const fs = await BaseCommitFileSystem.open(git, { repositoryRoot: at.repositoryRoot, commit: at.base, differing, disk, folder: at.prefix });
  // The pool's workers read the disk, not this commit: the base is scanned on this thread.
  const result = await checkWorkspace(fs, normalRoot(root), { ...options, baseline: false, preview: undefined, onProgress: undefined, parallel: undefined });
  return { result, fs };
}

/** Checks the workspace and the base commit of `ref`, and splits the findings (see locateBase for the errors). */
export async function checkSince(fs: FileSystemPort, git: GitPort, rootIn: string, ref: string, options: CheckOptions = {}): Promise<SinceCheck> {
  const root = normalRoot(rootIn);
  const at = await locateBase(git, fs, root, ref);
  // The work tree first: its run writes the extraction cache, which the base's run reads (for
  // every file the change left alone) and cannot write.
  const result = await checkWorkspace(fs, root, options);
  const renames = renamesUnder(at.changes, at.prefix);
  // A shard's base is the same shard: the base's files as the work tree names them, in the work tree's modules.
  const shard = result.shard?.filter;
  const baseOptions = shard ? { ...options, shard: undefined, shardFilter: renamedFilter(shard, (file) => renames.get(file) ?? file) } : options;
  const base = await checkBaseCommit(git, fs, root, at, baseOptions);
  const entries = result.baseline ? ((await readBaseline(fs, root, result.baseline.file, true))?.baseline.entries ?? []).filter((e) => !shard || shard.has(e)) : [];
  const split = splitFindings(result.findings, base.result.findings, renames, result.baseline && { entries, expired: result.baseline.expired, unused: result.baseline.unused });
  const records = !shard || shard.rest ? recordChanges(base.result.log, result.log) : [];
  return { result, scope: { ref, base: at.base, branch: at.branch, renames, baseResult: base.result, baseFs: base.fs, records, ...split } };
}

const normalRoot = (root: string): string => root.replace(/\\/g, '/').replace(/\/+$/, '') || '/';

/** The baseline as the check used it: every entry, those that expired and those that matched nothing. */
export interface BaselineState {
  entries: readonly BaselineEntry[];
  expired: readonly BaselineEntry[];
  unused: readonly BaselineEntry[];
}

/** A finding's (or entry's) identity, under another file name when given. */
export const identity = (e: Parameters<typeof baselineKey>[0], file = e.file): string => baselineKey(file === e.file ? e : { ...e, file });

/** Each key as often as it occurs in `items`, less once per occurrence in each of `minus`. */
function keyCounts(items: readonly BaselineEntry[], ...minus: (readonly BaselineEntry[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of items) counts.set(identity(e), (counts.get(identity(e)) ?? 0) + 1);
  for (const list of minus) for (const e of list) counts.set(identity(e), (counts.get(identity(e)) ?? 0) - 1);
  return counts;
}

/**
 * The current findings matched one by one with the base's (their files renamed as now):
 * those without a match were introduced. With the baseline, the findings its entries accepted
 * are matched too (so they are not "fixed"), and one whose entry expired counts as introduced.
 */
export function splitFindings(
  findings: readonly Finding[],
  baseFindings: readonly Finding[],
  renames: ReadonlyMap<string, string>,
  baseline?: BaselineState,
): Pick<ChangeScope, 'introduced' | 'inherited' | 'fixed'> {
  const pool = new Map<string, Finding[]>();
  for (const f of baseFindings) {
    const k = identity(f, renames.get(f.file));
    pool.set(k, [...(pool.get(k) ?? []), f]);
  }
  const introduced = new Set<Finding>();
  // A finding whose baseline entry expired fails again, as without --since.
  const expired = new Set((baseline?.expired ?? []).map((e) => identity(e)));
  let inherited = 0;
  for (const f of findings) {
    const matched = pool.get(identity(f))?.shift() !== undefined;
    if (matched && !expired.has(identity(f))) inherited++;
    else introduced.add(f);
  }
  for (const [k, n] of keyCounts(baseline?.entries ?? [], baseline?.expired ?? [], baseline?.unused ?? [])) pool.get(k)?.splice(0, Math.max(0, n));
  const fixed = [...pool.values()].flat().map((f) => ({ ...f, file: renames.get(f.file) ?? f.file }));
  return { introduced, inherited, fixed };
}

export function renamesUnder(changes: readonly FileChange[], prefix: string): Map<string, string> {
  const under = (p: string): string | undefined => (prefix === '' ? p : p.startsWith(prefix + '/') ? p.slice(prefix.length + 1) : undefined);
  const renames = new Map<string, string>();
  for (const c of changes) {
    if (c.status !== 'renamed' || !c.oldPath) continue;
    const from = under(c.oldPath);
    const to = under(c.path);
    if (from !== undefined && to !== undefined) renames.set(from, to);
  }
  return renames;
}

/** Which decisions' records the change added, removed, or changed (status or content). */
export function recordChanges(base: DecisionLog, now: DecisionLog): RecordChange[] {
  const byId = (log: DecisionLog) => new Map(log.records.flatMap((r) => (r.header.id !== undefined ? [[r.header.id, r] as const] : [])));
  const before = byId(base);
  const after = byId(now);
  const changes: RecordChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b)) {
    const b = before.get(id);
    const a = after.get(id);
    const title = a?.header.title ?? b?.header.title ?? '';
    if (!b && a) changes.push({ id, title, file: a.file, change: 'added' });
    else if (b && !a) changes.push({ id, title, file: b.file, change: 'removed' });
    else if (a && b && a.header.status !== b.header.status) changes.push({ id, title, file: a.file, change: 'status', from: b.header.status, to: a.header.status });
    else if (a && b && JSON.stringify(a.record ?? a.text) !== JSON.stringify(b.record ?? b.text)) changes.push({ id, title, file: a.file, change: 'edited' });
  }
  return changes;
}

/** The shallow clone's depth, and how much more to fetch. */
async function shallowError(git: GitPort, ref: string): Promise<GitError> {
  const depth = Number(new TextDecoder().decode((await git.run(['rev-list', '--count', 'HEAD'])).stdout).trim()) || 1;
  return new GitError(
    'shallow',
    `this clone is shallow (${depth} commit${depth === 1 ? '' : 's'} of history) and does not reach the merge base of ${ref} and HEAD: ` +
      `fetch more than ${depth} commits (git fetch --deepen=${Math.max(50, depth * 2)} origin ${ref}), or all of them (actions/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0)`,
  );
}

/** git's top folder spelled from `root` (which may reach it through a symbolic link). */
async function spelledLike(fs: FileSystemPort, root: string, top: string): Promise<string> {
  const realRoot = (await fs.realPath?.(root)) ?? root;
  const realTop = (await fs.realPath?.(top)) ?? top;
  const up = path.posix.relative(realRoot, realTop);
  return up === '' ? root : path.posix.resolve(root, up);
}
