// `npm run bench -- --scale`: the synthetic repository (bench/generate.ts) scaled to about
// 10,000, 30,000 and 100,000 files, each timed in one run against its own read floor (walk +
// readFileSync of the same files, same process start): `adrift check` cold and warm, wall
// time and peak memory. On the largest, the one-file re-check the editor runs on every edit
// (WorkspaceIndex.checkFile, as adriftService calls it), timed in-process over many edits.
// The figures feed BENCHMARKS.md's issue-16 table and its linear fit towards 1M files.

import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cacheFolder } from '../src/core/engine/cache';
import { checkWorkspace } from '../src/core/engine/check';
import { NodeFileSystem } from '../src/core/fs/node';
import { generateRepository, scaledShape } from './generate';

export interface Run {
  label: string;
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  stdout: string;
}

export type Measure = (label: string, command: string[], cwd?: string) => Run;

const SIZES = [10_000, 30_000, 100_000];
const EDITS = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The editor's one-file re-check on a full in-process index: an import line typed, then undone. */
async function recheck(root: string): Promise<{ p50: number; p95: number; max: number; heapMb: number }> {
  const fs = new NodeFileSystem();
  const { index } = await checkWorkspace(fs, root, { baseline: false });
  const files = index.sourceFiles().filter((f) => f.startsWith('packages/') && f.endsWith('.ts'));
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const file = files[(i * 7919) % files.length];
    const text = (await fs.readText(path.posix.join(root, file))) ?? '';
    const edited = `import { late${i} } from '@acme/pkg${i % 2 === 0 ? '00' : '17'}';\n` + text;
    const started = performance.now();
    index.checkFile(file, edited);
    times.push(performance.now() - started);
    index.checkFile(file, text);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
}

export async function scaleFigures(work: string, cli: string, readAll: string, measure: Measure, letFilesAge: () => void): Promise<string[]> {
  const rows: string[] = [];
  const fit: { files: number; cold: number; warm: number; read: number; coldCpu: number; warmCpu: number; readCpu: number; coldMb: number; readMb: number }[] = [];
  let last: Awaited<ReturnType<typeof recheck>> | undefined;
  for (const size of SIZES) {
    const root = path.join(work, `scale-${size}`);
    const started = performance.now();
    const repo = generateRepository(root, scaledShape(size));
    const files = repo.tsFiles + repo.pyFiles;
    console.log(`generated ${files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    letFilesAge();
    const read = measure(`${files}: read every file`, [process.execPath, '-e', readAll, root]);
    rmSync(cacheFolder(root.replace(/\\/g, '/')), { recursive: true, force: true });
    const cold = measure(`${files}: adrift check, cold`, [process.execPath, cli, 'check', root, '--format', 'json', '--no-baseline']);
    const warm = measure(`${files}: adrift check, warm`, [process.execPath, cli, 'check', root, '--format', 'json', '--no-baseline']);
    const r = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
    rows.push(
      `| ${files} | ${read.seconds.toFixed(2)} s / ${read.peakMb.toFixed(0)} MB | ${cold.seconds.toFixed(2)} s (${r(cold.seconds, read.seconds)}) / ${cold.peakMb.toFixed(0)} MB (${r(cold.peakMb, read.peakMb)}) | ` +
        `${warm.seconds.toFixed(2)} s (${r(warm.seconds, read.seconds)}) / ${warm.peakMb.toFixed(0)} MB (${r(warm.peakMb, read.peakMb)}) | ${cold.cpuSeconds.toFixed(2)} s / ${warm.cpuSeconds.toFixed(2)} s |`,
    );
    fit.push({ files, cold: cold.seconds, warm: warm.seconds, read: read.seconds, coldCpu: cold.cpuSeconds, warmCpu: warm.cpuSeconds, readCpu: read.cpuSeconds, coldMb: cold.peakMb, readMb: read.peakMb });
    if (size === SIZES[SIZES.length - 1]) last = await recheck(root);
    rmSync(root, { recursive: true, force: true });
  }
  // Least squares y = a + b·files over the three sizes, then read at 1M files.
  const line = (ys: number[]): { a: number; b: number } => {
    const xs = fit.map((f) => f.files);
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
    const my = ys.reduce((s, y) => s + y, 0) / ys.length;
    const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    return { a: my - b * mx, b };
  };
  const at = (name: string, ys: number[], unit: string): string => {
    const { a, b } = line(ys);
    return `${name}: ${a.toFixed(2)} ${unit} + ${(b * 1000).toFixed(4)} ${unit} per 1,000 files → ${(a + b * 1_000_000).toFixed(0)} ${unit} at 1M files`;
  };
  return [
    '| files | read floor: wall / peak | cold: wall (÷ floor) / peak (÷ floor) | warm: wall (÷ floor) / peak (÷ floor) | CPU cold / warm |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Linear fits (least squares over the three sizes):',
    `- ${at('read floor wall', fit.map((f) => f.read), 's')}`,
    `- ${at('cold wall', fit.map((f) => f.cold), 's')}`,
    `- ${at('read floor CPU', fit.map((f) => f.readCpu), 's')}`,
    `- ${at('cold CPU', fit.map((f) => f.coldCpu), 's')}`,
    `- ${at('warm CPU', fit.map((f) => f.warmCpu), 's')}`,
    `- ${at('warm wall', fit.map((f) => f.warm), 's')}`,
    `- ${at('cold peak', fit.map((f) => f.coldMb), 'MB')}`,
    `- ${at('read-floor peak', fit.map((f) => f.readMb), 'MB')}`,
    ...(last
      ? [
          '',
          `One-file re-check on the ${fit[fit.length - 1].files}-file index (WorkspaceIndex.checkFile, ${EDITS} edits, in-process): p50 ${last.p50.toFixed(2)} ms, p95 ${last.p95.toFixed(2)} ms, max ${last.max.toFixed(2)} ms; heap used with the index ${last.heapMb.toFixed(0)} MB.`,
        ]
      : []),
  ];
}
