// Runs the built CLI (dist/cli.js, from `npm run build`) as a child process on temporary
// copies of fixture workspaces.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO, 'dist/cli.js');
export const FIXTURES = path.join(REPO, 'test/fixtures/records');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function adrift(args: readonly string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): CliResult {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run build" first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];

/** A temporary copy of a fixture folder under test/fixtures/records (or an empty folder). */
export function workspace(fixture?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'adrift-cli-'));
  temps.push(dir);
  if (fixture) cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

export function cleanUp(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Every file under `dir` with its text, keyed by relative POSIX path. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r), 'utf8'));
    }
  };
  walk('');
  return out;
}

/** Relative paths whose content differs between two snapshots (added, removed or changed). */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
