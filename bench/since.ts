// `adrift check --since main` on the synthetic repository, against a plain check of the same
// work tree in the same run: the repository becomes a git repository (one commit on main), a
// branch renames, edits and adds files (some with new module-dependency findings) and leaves
// one edit uncommitted. Both checks run with a warm extraction cache, as in CI with a cache.

import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface Timed {
  label: string;
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  stdout: string;
}

type Measure = (label: string, command: string[], cwd?: string) => Timed;

const CHANGED = { renamed: 10, edited: 20, copied: 10 };

function sourceFiles(root: string, dir = 'packages'): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const r = `${rel}/${name}`;
      if (statSync(path.join(root, r)).isDirectory()) walk(r);
      else if (name.endsWith('.ts')) out.push(r);
    }
  };
  walk(dir);
  return out;
}

export function sinceFigures(repo: string, cli: string, measure: Measure): string[] {
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'the synthetic repository');
  git('checkout', '-q', '-b', 'feature');
  // The check of main also warms the cache; its findings name files whose copies will be new findings.
  const onMain = measure('adrift check of main (cache warm-up)', [process.execPath, cli, 'check', repo, '--format', 'json', '--no-baseline']);
  const violating = [...new Set((JSON.parse(onMain.stdout) as { findings: { rule: string; file: string }[] }).findings.filter((f) => f.rule === 'module-dependency' && f.file.startsWith('packages/')).map((f) => f.file))];
  // Spread over the packages: every 97th file, so the change touches many modules.
  const files = sourceFiles(repo).filter((f, i) => i % 97 === 0 && !violating.includes(f));
  const [renamed, edited] = [files.slice(0, CHANGED.renamed), files.slice(CHANGED.renamed, CHANGED.renamed + CHANGED.edited)];
  const copied = violating.filter((_, i) => i % 7 === 0).slice(0, CHANGED.copied);
  for (const f of renamed) renameSync(path.join(repo, f), path.join(repo, f.replace(/\.ts$/, '-moved.ts')));
  for (const f of edited) writeFileSync(path.join(repo, f), `// edited on the branch\n${readFileSync(path.join(repo, f), 'utf8')}`);
  // A copy of a violating file keeps its imports in a new file: its findings are new.
  for (const f of copied) copyFileSync(path.join(repo, f), path.join(repo, f.replace(/\.ts$/, '-copy.ts')));
  git('add', '-A');
  git('commit', '-q', '-m', 'rename, edit and copy files');
  writeFileSync(path.join(repo, edited[0]), `${readFileSync(path.join(repo, edited[0]), 'utf8')}\n// not committed\n`);

  // Warm the cache for the branch's tree, then time both in the same run.
  measure('adrift check (cache warm-up for the branch)', [process.execPath, cli, 'check', repo, '--format', 'json', '--no-baseline']);
  const plain = measure('adrift check, warm cache, on the branch', [process.execPath, cli, 'check', repo, '--format', 'json', '--no-baseline']);
  const since = measure('adrift check --since main, warm cache', [process.execPath, cli, 'check', repo, '--since', 'main', '--format', 'json', '--no-baseline']);
  const report = JSON.parse(since.stdout) as { since: { new: number; inherited: number; fixed: unknown[] } };
  return [
    `check --since: the repository as one commit on main, a branch that renames ${CHANGED.renamed}, edits ${CHANGED.edited} and copies ${CHANGED.copied} files, one edit uncommitted; ` +
      `${report.since.new} new, ${report.since.inherited} inherited, ${report.since.fixed.length} fixed.`,
    '| run | wall time | CPU time (user + sys) | peak memory |',
    '| --- | ---: | ---: | ---: |',
    ...[plain, since].map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.cpuSeconds.toFixed(2)} s | ${r.peakMb.toFixed(0)} MB |`),
    `Ratio: --since / plain check = ${(since.seconds / plain.seconds).toFixed(1)}× wall, ${(since.cpuSeconds / plain.cpuSeconds).toFixed(1)}× CPU.`,
  ];
}
