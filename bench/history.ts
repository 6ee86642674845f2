// Gives the benchmark's synthetic repository a git history for `adrift debt`: one commit of
// the generated tree, then commits that each edit a few files the way a team does — add an
// import that breaks a boundary, remove one, add a new file, grow the baseline — so the
// ledger walk has real differences to read. Deterministic for a seed.

import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { random } from './generate';

export interface HistoryShape {
  commits: number;
  seed: number;
}

export const DEFAULT_HISTORY_SHAPE: HistoryShape = { commits: 100, seed: 20261202 };

export function generateHistory(root: string, shape: HistoryShape = DEFAULT_HISTORY_SHAPE): { commits: number } {
  const rand = random(shape.seed);
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  let day = 0;
  const git = (...args: string[]): void => {
    const date = new Date(Date.UTC(2026, 0, 1) + day * 3_600_000).toISOString();
    execFileSync('git', args, { cwd: root, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'generated tree');
  const pkgs = readdirSync(path.join(root, 'packages')).sort();
  const filesOf = (pkg: string) =>
    readdirSync(path.join(root, 'packages', pkg, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f.includes('/'))
      .sort();
  const baseline: { rule: string; file: string; fromModule: string; toModule: string; specifier: string; reason: string }[] = [];
  const edited: string[] = [];
  for (let i = 1; i < shape.commits; i++) {
    day++;
    const pkg = pkgs[Math.floor(rand() * (pkgs.length - 1))];
    const files = filesOf(pkg);
    const file = path.posix.join('packages', pkg, 'src', files[Math.floor(rand() * files.length)]);
    const abs = path.join(root, file);
    const roll = rand();
    if (roll < 0.5 || edited.length === 0) {
      // A new import of the last (highest) package: a boundary break from every other layer.
      const text = readFileSync(abs, 'utf8');
      writeFileSync(abs, `import { late${i} } from '@acme/${pkgs[pkgs.length - 1]}';\n` + text);
      edited.push(file);
    } else if (roll < 0.75) {
      // A fix: the newest added import goes again.
      const back = path.join(root, edited.pop() ?? file);
      writeFileSync(back, readFileSync(back, 'utf8').replace(/^import \{ late\d+ \} from '[^']+';\n/, ''));
    } else if (roll < 0.9) {
      const name = `added${i}.ts`;
      writeFileSync(path.join(root, 'packages', pkg, 'src', name), `import type { Shape } from './types';\nexport const s${i}: Shape = { id: '${i}' };\n`);
    } else {
      // The baseline grows by the newest break.
      const last = edited[edited.length - 1] ?? file;
      const from = last.split('/')[1];
      baseline.push({ rule: 'module-dependency', file: last, fromModule: from, toModule: pkgs[pkgs.length - 1], specifier: `@acme/${pkgs[pkgs.length - 1]}`, reason: `bench ${i}` });
      writeFileSync(path.join(root, '.adrift-baseline.json'), JSON.stringify({ version: 1, entries: baseline }, null, 2) + '\n');
      appendFileSync(path.join(root, 'README.md'), `baseline ${i}\n`);
    }
    git('add', '-A');
    git('commit', '-q', '-m', `change ${i}`);
  }
  return { commits: shape.commits };
}
