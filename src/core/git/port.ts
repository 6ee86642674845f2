// The git port: how the core reads a repository's history. Adrift only ever reads — no
// checkout, no index refresh, no lock files (the Node implementation sets
// GIT_OPTIONAL_LOCKS=0) — so `adrift check --since` and `adrift debt` never change the work
// tree. The CLI and the extension use the Node implementation (./node.ts), which runs the
// user's own `git` as a child process; tests may give a fake.

/** Why a git call failed, in words a user can act on. */
export type GitFailure =
  /** `git` is not installed or not on PATH. */
  | 'no-git'
  /** The folder is not inside a git repository. */
  | 'not-a-repository'
  /** A ref (branch, tag, commit) that does not exist here. */
  | 'unknown-ref'
  /** The history needed is not in this (shallow) clone. */
  | 'shallow'
  /** The output went past the caller's bound. */
  | 'too-large'
  /** Anything else: git's own message is kept. */
  | 'failed';

export class GitError extends Error {
  constructor(
    readonly failure: GitFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface GitRunOptions {
  /** Text written to git's standard input, then closed. */
  input?: string;
  /** Refuse output past this many bytes (default 256 MB) with a 'too-large' GitError. */
  maxBytes?: number;
  /** Exit codes that are answers, not failures (e.g. 1 from `merge-base --is-ancestor`). */
  okCodes?: number[];
}

export interface GitResult {
  code: number;
  stdout: Uint8Array;
}

export interface GitPort {
  /** The folder git runs in (absolute, POSIX separators). */
  readonly cwd: string;
  /**
   * Runs `git <args>` in `cwd` and resolves with its output. Rejects with a GitError: 'no-git'
   * when git cannot be started, 'failed' (with git's stderr) on an exit code not in okCodes.
   */
  run(args: string[], options?: GitRunOptions): Promise<GitResult>;
}
