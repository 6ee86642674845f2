// The git port on Node: the user's `git`, as a child process, read-only.

import { spawn } from 'node:child_process';
import { GitError, type GitPort, type GitResult, type GitRunOptions } from './port';

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export class NodeGit implements GitPort {
  constructor(
    readonly cwd: string,
    private readonly executable = 'git',
  ) {}

  run(args: string[], options: GitRunOptions = {}): Promise<GitResult> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    return new Promise<GitResult>((resolve, reject) => {
      const child = spawn(this.executable, ['-c', 'core.quotePath=off', '-c', 'color.ui=false', ...args], {
        cwd: this.cwd,
        // Never take a lock, never ask for a password or a pager.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      let settled = false;
      const fail = (e: GitError): void => {
        if (settled) return;
        settled = true;
        child.kill();
        reject(e);
      };
      child.on('error', (e: NodeJS.ErrnoException) => {
        fail(
          e.code === 'ENOENT'
            ? new GitError('no-git', `git is not installed or not on PATH (${this.executable}); install git to compare with history`)
            : new GitError('failed', `git could not start: ${e.message}`),
        );
      });
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(new GitError('too-large', `git ${args[0]} printed more than ${Math.round(maxBytes / 1048576)} MB; narrow the range`));
        else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (err.reduce((n, b) => n + b.length, 0) < 65536) err.push(chunk);
      });
      child.stdin.on('error', () => undefined); // git may exit before reading all input
      child.on('close', (code) => {
        if (settled) return;
        settled = true;
        const exit = code ?? -1;
        if (exit === 0 || (options.okCodes ?? []).includes(exit)) {
          resolve({ code: exit, stdout: Buffer.concat(out) });
          return;
        }
        const message = Buffer.concat(err).toString('utf8').trim().split('\n').filter(Boolean).slice(-3).join('; ');
        reject(classify(message, args));
      });
      child.stdin.end(options.input ?? '');
    });
  }
}

function classify(stderr: string, args: string[]): GitError {
  if (/not a git repository/i.test(stderr)) return new GitError('not-a-repository', 'not a git repository (or any parent folder)');
  if (/unknown revision|bad revision|invalid object name|not a valid object name|needed a single revision|ambiguous argument/i.test(stderr)) {
    return new GitError('unknown-ref', stderr);
  }
  return new GitError('failed', `git ${args.join(' ')}: ${stderr || 'failed'}`);
}
