// Read-only questions about a repository's history, over the git port: what the CI features
// (`check --since`, the ratchet, `adrift debt`) and the editor's "N new since main" need.
// Every path given and returned is relative to the repository's top folder, POSIX.

import { GitError, type GitPort } from './port';

export interface RepositoryInfo {
  /** Absolute path of the work tree's top folder. */
  root: string;
  /** The current commit, or undefined in a repository with no commit yet. */
  head: string | undefined;
  /** The checked-out branch, or undefined on a detached HEAD. */
  branch: string | undefined;
  /** True in a shallow clone (history cut at some depth). */
  shallow: boolean;
}

export interface Commit {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  subject: string;
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

export interface FileChange {
  status: ChangeStatus;
  path: string;
  /** For a rename or copy: where the file was before. */
  oldPath?: string;
}

export interface TreeEntry {
  path: string;
  /** Blob id. */
  sha: string;
  mode: string;
}

const decoder = new TextDecoder('utf-8');
const text = (bytes: Uint8Array): string => decoder.decode(bytes);

export async function repositoryInfo(git: GitPort): Promise<RepositoryInfo> {
  const top = text((await git.run(['rev-parse', '--show-toplevel', '--is-shallow-repository'])).stdout).split('\n');
  const head = text((await git.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okCodes: [1] })).stdout).trim();
  const branch = text((await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { okCodes: [1] })).stdout).trim();
  return { root: top[0] ?? git.cwd, shallow: top[1] === 'true', head: head || undefined, branch: branch || undefined };
}

/** The commit a ref names; a GitError 'unknown-ref' naming the ref when there is none. */
export async function resolveCommit(git: GitPort, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitError('unknown-ref', `'${ref}' is not a ref`);
  const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { okCodes: [1] });
  const sha = text(result.stdout).trim();
  if (result.code !== 0 || !sha) throw new GitError('unknown-ref', `unknown ref '${ref}': no branch, tag or commit of that name here (in CI, fetch it first: git fetch origin ${ref})`);
  return sha;
}

/**
 * The merge base of two commits. In a shallow clone whose history does not reach it, a
 * GitError 'shallow' that says to fetch more history, instead of a wrong answer.
 */
export async function mergeBase(git: GitPort, a: string, b: string, shallow: boolean): Promise<string> {
  const result = await git.run(['merge-base', a, b], { okCodes: [1] });
  const sha = text(result.stdout).trim();
  if (result.code === 0 && sha) return sha;
  if (shallow) {
    throw new GitError(
      'shallow',
      'this clone is shallow and its history does not reach the merge base; fetch more history (actions/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0; or git fetch --deepen=200) or pass --since with a commit that is in the clone',
    );
  }
  throw new GitError('unknown-ref', `${a} and ${b} have no common history`);
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/**
 * Files that differ between `base` and the work tree (or `head`, when given), with git's
 * rename detection: a moved file is one change with its old path, not a delete and an add.
 */
export async function changedFiles(git: GitPort, base: string, head?: string): Promise<FileChange[]> {
  const args = ['diff', '--no-ext-diff', '--no-textconv', '-M', '--name-status', '-z', base];
  if (head) args.push(head);
  const fields = text((await git.run([...args, '--'])).stdout).split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const code = fields[i++] ?? '';
    const status = STATUS[code[0] ?? ''];
    if (!status) continue;
    if (status === 'renamed' || status === 'copied') {
      const oldPath = fields[i++] ?? '';
      changes.push({ status, oldPath, path: fields[i++] ?? '' });
    } else changes.push({ status, path: fields[i++] ?? '' });
  }
  return changes;
}

/** Every blob of a commit's tree (under `prefix` when given). */
export async function listTree(git: GitPort, commit: string, prefix?: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (prefix) args.push('--', prefix);
  const entries: TreeEntry[] = [];
  for (const line of text((await git.run(args)).stdout).split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type, sha = ''] = line.slice(0, tab).split(' ');
    if (type === 'blob') entries.push({ mode, sha, path: line.slice(tab + 1) });
  }
  return entries;
}

/** The newest `limit` commits reachable from `from` (default HEAD) that touch `paths` (all when empty). */
export async function commitsTouching(git: GitPort, paths: string[], limit: number, from = 'HEAD', extra: string[] = []): Promise<Commit[]> {
  const out = text((await git.run(['log', '--no-merges', `--max-count=${limit}`, '--format=%H%x00%ct%x00%s%x1e', ...extra, from, '--', ...paths])).stdout);
  return out
    .split('\x1e')
    .map((r) => r.replace(/^\n/, ''))
    .filter(Boolean)
    .map((r) => {
      const [sha = '', time = '0', subject = ''] = r.split('\0');
      return { sha, time: Number(time), subject };
    });
}

/**
 * The contents of many objects at once, each named `<commit>:<path>` or by blob id, through
 * one `git cat-file --batch`. A name git does not know maps to undefined.
 */
export async function readObjects(git: GitPort, names: string[], maxBytes?: number): Promise<Map<string, Uint8Array | undefined>> {
  const result = new Map<string, Uint8Array | undefined>();
  const wanted = [...new Set(names)].filter((n) => !n.includes('\n'));
  if (wanted.length === 0) return result;
  const out = (await git.run(['cat-file', '--batch'], { input: wanted.join('\n') + '\n', ...(maxBytes ? { maxBytes } : {}) })).stdout;
  let at = 0;
  for (const name of wanted) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = text(out.subarray(at, eol));
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      result.set(name, undefined); // "<name> missing" or "ambiguous"
      continue;
    }
    const size = Number(m[2]);
    result.set(name, m[1] === 'blob' ? out.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return result;
}

/** One path whose blob differs between two trees (diff-tree --raw): its new blob, or none when deleted. */
export interface TreeChange {
  path: string;
  /** The blob at `to`; undefined when the path is gone there. */
  sha: string | undefined;
  mode: string;
}

/**
 * The paths whose blobs differ between two commits' trees (under `prefix` when given), without
 * rename detection: what a walk over history must re-read to go from `from` to `to`.
 */
export async function treeChanges(git: GitPort, from: string, to: string, prefix?: string): Promise<TreeChange[]> {
  const args = ['diff-tree', '-r', '-z', '--no-renames', '--raw', from, to];
  if (prefix) args.push('--', prefix);
  const fields = text((await git.run(args)).stdout).split('\0');
  const out: TreeChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":<old mode> <new mode> <old sha> <new sha> <status>" then the path.
    const [, mode = '', , sha = '', status = ''] = (fields[i] ?? '').slice(1).split(' ');
    const file = fields[i + 1] ?? '';
    out.push({ path: file, mode, sha: status === 'D' || /^0+$/.test(sha) ? undefined : sha });
  }
  return out;
}

/** The newest commits (at most `limit`) reachable from HEAD and committed after `since` (a date git understands), touching `paths`. */
export async function commitsSince(git: GitPort, paths: string[], since: string, limit: number): Promise<Commit[]> {
  if (since.startsWith('-') || since.includes('\n')) throw new GitError('failed', `'${since}' is not a date`);
  return commitsTouching(git, paths, limit, 'HEAD', [`--since=${since}`]);
}
