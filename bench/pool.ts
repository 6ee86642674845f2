// `npm run bench -- --pool`: where the extraction pool starts to pay. For synthetic
// repositories of about 1k, 3k, 12k and 24k files it times, each as its own process and several
// times over (the machine is shared), reading every file (the Node read floor), a cold
// `adrift check --threads 1` and a cold check on the pool (ADRIFT_POOL_THRESHOLD=1 forces it
// below its threshold), and prints min and median wall time and their ratios to the floor.

import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SHAPE, generateRepository, type SyntheticShape } from './generate';

const REPS = Number(process.env.POOL_BENCH_REPS ?? 5);

const SIZES: { label: string; shape: SyntheticShape }[] = [
  { label: '1k', shape: { ...DEFAULT_SHAPE, filesPerPackage: 40, appFiles: 80, filesPerPythonModule: 20 } },
  { label: '3k', shape: { ...DEFAULT_SHAPE, filesPerPackage: 125, appFiles: 250, filesPerPythonModule: 50 } },
  { label: '12k', shape: DEFAULT_SHAPE },
  { label: '24k', shape: { ...DEFAULT_SHAPE, packages: 36, appFiles: 2000, pythonModules: 20 } },
];
/** POOL_BENCH_SIZES=12k,24k: only those. */
const ONLY = process.env.POOL_BENCH_SIZES?.split(',');

/** Reads every .ts and .py file once, as the floor any checker pays. */
const FLOOR = `
const fs = require('node:fs'), path = require('node:path');
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
  const p = path.join(d, e.name);
  if (e.isDirectory()) { if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p); }
  else if (/\\.(ts|tsx|py)$/.test(e.name)) fs.readFileSync(p, 'utf8');
});
walk(process.argv[1]);
`;

function wall(command: string[], env: Record<string, string> = {}): { seconds: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const seconds = (performance.now() - t) / 1000;
  if (r.status === null || r.status > 1) throw new Error(`${command.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { seconds, stdout: r.stdout };
}

function stats(xs: number[]): { min: number; median: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 };
}

export function poolBench(work: string, cli: string): string[] {
  const threads = availableParallelism();
  const lines = [
    `Extraction pool (issue 16 item 1): ${REPS} runs each, interleaved; ${threads} cores, load ${loadavg()[0].toFixed(1)} at the start. Wall time min / median; ratio to the read floor of the same run.`,
    '',
    '| files | read floor | check --threads 1 (cold) | check on the pool, --threads ' + threads + ' (cold) | single / floor | pool / floor | pool / single (median) | load (1 min) | same report |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const { label, shape } of SIZES.filter((s) => !ONLY || ONLY.includes(s.label))) {
    const repo = path.join(work, `pool-${label}`);
    const generated = generateRepository(repo, shape);
    const files = generated.tsFiles + generated.pyFiles;
    const floor: number[] = [];
    const single: number[] = [];
    const pool: number[] = [];
    let same = true;
    const check = ['check', repo, '--format', 'json', '--no-baseline', '--no-cache'];
    for (let i = 0; i < REPS; i++) {
      floor.push(wall(['-e', FLOOR, repo]).seconds);
      const a = wall([cli, ...check, '--threads', '1']);
      const b = wall([cli, ...check, '--threads', String(threads)], { ADRIFT_POOL_THRESHOLD: '1' });
      single.push(a.seconds);
      pool.push(b.seconds);
      const timeless = (s: string) => s.replace(/"durationMs": \d+/g, '');
      same &&= timeless(a.stdout) === timeless(b.stdout);
    }
    const [f, s, p] = [stats(floor), stats(single), stats(pool)];
    const sec = (x: { min: number; median: number }) => `${x.min.toFixed(2)} / ${x.median.toFixed(2)} s`;
    const row = `| ${files} | ${sec(f)} | ${sec(s)} | ${sec(p)} | ${(s.min / f.min).toFixed(1)}× | ${(p.min / f.min).toFixed(1)}× | ${(p.median / s.median).toFixed(2)} | ${loadavg()[0].toFixed(1)} | ${same ? 'yes' : 'NO'} |`;
    console.log(row);
    lines.push(row);
  }
  return lines;
}
