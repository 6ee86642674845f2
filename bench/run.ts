// `npm run bench`: generates the synthetic repository, then times in one run
//   1. reading every file (the floor any checker pays),
//   2. `adrift check` with a cold and a warm extraction cache,
//   3. dependency-cruiser with the same module rules,
// each as its own process with its peak memory, and the p50/p95 of re-checking one edited
// file through the incremental API. Prints the table and the ratios; writes them to
// bench/.work/results.md for BENCHMARKS.md.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cacheFolder, RACY_MS } from '../src/core/engine/cache';
import { sinceFigures } from './since';
import { checkWorkspace } from '../src/core/engine/check';
import { NodeFileSystem } from '../src/core/fs/node';
import { dependencyCruiserConfig, generateRepository, DEFAULT_SHAPE } from './generate';
import { DEFAULT_GO_SHAPE, generateGoRepository } from './generate-go';
import { goHugeFile } from './go-huge';
import { scaleFigures } from './scale';
import { editorScaleFigures } from './editorScale';
import { poolBench } from './pool';
import { shardFigures } from './shard';
import { DEFAULT_HISTORY_SHAPE, generateHistory } from './history';

const PROJECT = path.resolve(__dirname, '../..');
const WORK = path.join(PROJECT, 'bench', '.work');
const REPO = path.join(WORK, 'repo');
const GO_REPO = path.join(WORK, 'go-repo');
const HISTORY_REPO = path.join(WORK, 'history-repo');
const GO_ORACLE = path.join(PROJECT, 'test', 'fixtures', 'engine', 'go-oracle', 'imports.go');
const CLI = path.join(PROJECT, 'dist', 'cli.js');
const DEPCRUISE = path.join(PROJECT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const EDITS = 300;
/** The violating TypeScript edges dependency-cruiser agreed on (BENCHMARKS.md): the check when it is not run. */
const EXPECTED_EDGES = 271;

interface Measured {
  label: string;
  seconds: number;
  /** User + system CPU time: fairer than wall time on a busy machine. */
  cpuSeconds: number;
  peakMb: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time for wall time and peak resident memory. */
function measure(label: string, command: string[], cwd = PROJECT): Measured {
  const timeFile = path.join(WORK, 'time.txt');
  const res = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, ...command], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (res.error) throw res.error;
  const [seconds, user, system, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  // dependency-cruiser's exit code is its number of errors; only a signal or spawn failure is a failed run.
  if (res.status === null) throw new Error(`${label} exited ${res.status}: ${res.stderr.slice(0, 2000)}`);
  const m = { label, seconds, cpuSeconds: user + system, peakMb: kb / 1024, stdout: res.stdout };
  // Printed as it comes: a long dependency-cruiser run should not hide the rows before it.
  console.log(`  ${label}: ${seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU, ${m.peakMb.toFixed(0)} MB peak`);
  return m;
}

const READ_ALL = `
const fs = require('node:fs'), path = require('node:path');
let files = 0, bytes = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (new RegExp(process.argv[2] || '\\\\.(ts|tsx|py)$').test(e.name)) { bytes += fs.readFileSync(p, 'utf8').length; files++; }
  }
})(process.argv[1]);
console.log(JSON.stringify({ files, bytes }));
`;

/** A JSON report without its one timing field, so two runs' findings compare byte for byte. */
function findingsOnly(report: string): string {
  return report.replace(/"durationMs": *\d+/, '"durationMs": 0');
}

/**
 * Waits until every file just generated is older than the cache's racy window: the scan cache
 * records the stat only of files changed well before it ran (src/core/engine/cache.ts), as
 * the files of any real checkout are. Without the wait the warm run would hash every file.
 */
function letFilesAge(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MS + 200);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function incremental(): Promise<{ p50: number; p95: number; max: number; edges: Set<string> }> {
  const result = await checkWorkspace(new NodeFileSystem(), REPO, { baseline: false });
  const index = result.index;
  const files = index.sourceFiles().filter((f) => f.startsWith('packages/') && f.endsWith('.ts'));
  const fs = new NodeFileSystem();
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const file = files[(i * 7919) % files.length];
    const text = (await fs.readText(path.posix.join(REPO, file))) ?? '';
    // An edit as typed: a new import line (every other time one that breaks a boundary).
    const edited = `import { late${i} } from '@acme/pkg${i % 2 === 0 ? '00' : '17'}';\n` + text;
    const started = performance.now();
    index.checkFile(file, edited);
    times.push(performance.now() - started);
    index.checkFile(file, text);
  }
  times.sort((a, b) => a - b);
  const edges = new Set(
    index
      .moduleImports()
      .filter((e) => !e.allowed && !e.file.startsWith('services/'))
      .map((e) => `${e.file} → ${e.target}`),
  );
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], edges };
}

/**
 * The Go service: the read floor, `adrift check` cold, and Go's own parser (go/parser in
 * ImportsOnly mode, compiled) over the same files, where Go is installed.
 */
function goService(): { lines: string[]; ok: boolean } {
  const started = performance.now();
  const repo = generateGoRepository(GO_REPO, DEFAULT_GO_SHAPE);
  console.log(`generated the Go service: ${repo.goFiles} .go files in ${DEFAULT_GO_SHAPE.modules} nested modules in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  letFilesAge();
  const read = measure('Go: read every .go file (node, read-only)', [process.execPath, '-e', READ_ALL, GO_REPO, '\\.go$']);
  rmSync(cacheFolder(GO_REPO.replace(/\\/g, '/')), { recursive: true, force: true });
  const cold = measure('Go: adrift check, cold cache', [process.execPath, CLI, 'check', GO_REPO, '--format', 'json', '--no-baseline']);
  const warm = measure('Go: adrift check, warm cache', [process.execPath, CLI, 'check', GO_REPO, '--format', 'json', '--no-baseline']);
  const report = JSON.parse(cold.stdout) as { summary: { files: number }; findings: { rule: string }[] };
  const violations = report.findings.filter((f) => f.rule === 'module-dependency').length;
  let oracle: Measured | undefined;
  const binary = path.join(WORK, 'go-oracle');
  const built = spawnSync('go', ['build', '-o', binary, GO_ORACLE], { encoding: 'utf8', env: { ...process.env, GO111MODULE: 'off', GOCACHE: process.env.GOCACHE ?? path.join(WORK, 'gocache') } });
  if (built.status === 0) oracle = measure('Go: go/parser ImportsOnly (compiled oracle)', [binary, GO_REPO]);
  else console.log(`  Go: go/parser oracle not measured (${built.error ? 'go is not installed' : built.stderr.trim().slice(0, 200)})`);
  const ok = violations === repo.plantedEdges && findingsOnly(cold.stdout) === findingsOnly(warm.stdout);
  const lines = [
    `Go service: ${repo.goFiles} .go files, a root module and ${DEFAULT_GO_SHAPE.modules} nested modules tied by local replace directives; ${repo.plantedEdges} imports planted across the layering.`,
    '',
    '| run | wall time | CPU time (user + sys) | peak memory |',
    '| --- | ---: | ---: | ---: |',
    ...[read, cold, warm, ...(oracle ? [oracle] : [])].map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.cpuSeconds.toFixed(2)} s | ${r.peakMb.toFixed(0)} MB |`),
    '',
    `Go findings: ${violations} module-dependency (planted ${repo.plantedEdges}): ${violations === repo.plantedEdges ? 'the same' : 'NOT the same'}; adrift read ${report.summary.files} files; cold and warm reports byte-identical: ${findingsOnly(cold.stdout) === findingsOnly(warm.stdout) ? 'yes' : 'NO'}.`,
    `Go ratios (CPU): adrift cold / read-only = ${(cold.cpuSeconds / read.cpuSeconds).toFixed(1)}× (target 4×)` +
      (oracle ? `, adrift cold / go/parser oracle = ${(cold.cpuSeconds / oracle.cpuSeconds).toFixed(1)}× (target 3×).` : '; go/parser oracle not measured (no Go).'),
    `Go ratios (wall): adrift cold / read-only = ${(cold.seconds / read.seconds).toFixed(1)}×, warm / read-only = ${(warm.seconds / read.seconds).toFixed(1)}×` + (oracle ? `, adrift cold / oracle = ${(cold.seconds / oracle.seconds).toFixed(1)}×.` : '.'),
  ];
  return { lines, ok };
}

/**
 * `adrift debt --history 100` on a copy of the synthetic repository with a history of 100
 * commits (bench/history.ts), against one `adrift check` of the same tree: the walk reads and
 * extracts only what each commit changed, so its cost over a single check is the figure.
 */
function debtHistory(): { lines: string[] } {
  const started = performance.now();
  generateRepository(HISTORY_REPO, DEFAULT_SHAPE);
  generateHistory(HISTORY_REPO, DEFAULT_HISTORY_SHAPE);
  console.log(`generated a history of ${DEFAULT_HISTORY_SHAPE.commits} commits in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  rmSync(cacheFolder(HISTORY_REPO.replace(/\\/g, '/')), { recursive: true, force: true });
  const check = measure('adrift check of HEAD, cold cache', [process.execPath, CLI, 'check', HISTORY_REPO, '--format', 'json', '--no-baseline', '--no-cache']);
  const debt = measure('adrift debt --history 100', [process.execPath, CLI, 'debt', HISTORY_REPO, '--history', '100', '--format', 'json']);
  const ledger = JSON.parse(debt.stdout) as { points: { total: { findings: number; baseline: number } }[]; stats: { commits: number; blobsRead: number; extracted: number; rebuilds: number } };
  const first = ledger.points[ledger.points.length - 1].total;
  const last = ledger.points[0].total;
  return {
    lines: [
      `Debt ledger: ${ledger.stats.commits} commits walked from git objects, ${ledger.stats.blobsRead} blobs read, ${ledger.stats.extracted} files extracted, ${ledger.stats.rebuilds} full scan(s); open findings ${first.findings} → ${last.findings}, baselined ${first.baseline} → ${last.baseline}.`,
      `| run | wall time | CPU time (user + sys) | peak memory |`,
      '| --- | ---: | ---: | ---: |',
      ...[check, debt].map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.cpuSeconds.toFixed(2)} s | ${r.peakMb.toFixed(0)} MB |`),
      `Ratio (CPU): adrift debt --history 100 / one adrift check = ${(debt.cpuSeconds / check.cpuSeconds).toFixed(1)}×.`,
    ],
  };
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  mkdirSync(WORK, { recursive: true });
  if (process.argv.includes('--go')) {
    // Only the Go service: `npm run bench -- --go`.
    const go = goService();
    const huge = await goHugeFile(WORK);
    console.log('\n' + [...go.lines, '', ...huge.lines].join('\n'));
    if (!go.ok || !huge.ok) process.exitCode = 1;
    return;
  }
  if (process.argv.includes('--scale')) {
    // Only the 10k / 30k / 100k-file repositories: `npm run bench -- --scale` (bench/scale.ts).
    console.log('\n' + (await scaleFigures(WORK, CLI, READ_ALL, measure, letFilesAge)).join('\n'));
    return;
  }
  if (process.argv.includes('--editor')) return void console.log('\n' + editorScaleFigures(PROJECT).join('\n')); // `npm run bench -- --editor`
  if (process.argv.includes('--shard')) {
    // Only the shards: `npm run bench -- --shard [root ...]`; without a root, the synthetic repository (bench/shard.ts).
    const roots = process.argv.slice(process.argv.indexOf('--shard') + 1).filter((a) => !a.startsWith('--'));
    if (roots.length === 0) {
      generateRepository(REPO, DEFAULT_SHAPE);
      letFilesAge();
    }
    const out = await shardFigures(roots.length > 0 ? roots.map((r) => path.resolve(r)) : [REPO], CLI, measure);
    console.log('\n' + out.lines.join('\n'));
    if (!out.ok) process.exitCode = 1;
    return;
  }
  if (process.argv.includes('--pool')) return void console.log('\n' + poolBench(WORK, CLI).join('\n')); // `npm run bench -- --pool`
  if (process.argv.includes('--debt')) {
    // Only the debt ledger: `npm run bench -- --debt`.
    console.log('\n' + debtHistory().lines.join('\n'));
    return;
  }
  const started = performance.now();
  const repo = generateRepository(REPO, DEFAULT_SHAPE);
  writeFileSync(path.join(REPO, '.dependency-cruiser.cjs'), dependencyCruiserConfig(repo));
  console.log(`generated ${repo.tsFiles} TypeScript + ${repo.pyFiles} Python files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`machine: ${machine()}`);
  letFilesAge();

  // The page cache is warm for every contender: generating just wrote every file.
  const read = measure('read every file (node, read-only)', [process.execPath, '-e', READ_ALL, REPO]);
  const readFiles = (JSON.parse(read.stdout) as { files: number }).files;

  rmSync(cacheFolder(REPO.replace(/\\/g, '/')), { recursive: true, force: true });
  const cold = measure('adrift check, cold cache', [process.execPath, CLI, 'check', REPO, '--format', 'json', '--no-baseline']);
  const warm = measure('adrift check, warm cache', [process.execPath, CLI, 'check', REPO, '--format', 'json', '--no-baseline']);
  const report = JSON.parse(warm.stdout) as { summary: { files: number; error: number }; findings: { rule: string }[] };

  // `npm run bench -- --no-cruiser`: Adrift's rows and the Go service only (dependency-cruiser takes minutes).
  const cruise = process.argv.includes('--no-cruiser') ? undefined : measure(
    'dependency-cruiser 17.3.9',
    // The `err` report: its JSON report of 10,000 modules does not fit in one string.
    [process.execPath, DEPCRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', '--progress', 'none', 'packages', 'apps'],
    REPO,
  );
  const cruised = cruise && Number(/(\d+) modules, \d+ dependencies cruised/.exec(cruise.stdout)?.[1] ?? NaN);
  const cruiseEdges = cruise && new Set(
    [...cruise.stdout.matchAll(/^\s*error\s+module-dependency-\S+:\s+(\S+)\s+→\s+(\S+)\s*$/gm)].map((m) => `${m[1]} → ${m[2]}`),
  );

  const inc = await incremental();
  const go = goService();
  const huge = await goHugeFile(WORK);
  const debt = debtHistory();
  const sameEdges = cruiseEdges ? inc.edges.size === cruiseEdges.size && [...inc.edges].every((e) => cruiseEdges.has(e)) : inc.edges.size === EXPECTED_EDGES;

  const rows = [read, cold, warm, ...(cruise ? [cruise] : [])];
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
  // Last of the runs on the repository: it becomes a git repository with a branch.
  const since = sinceFigures(REPO, CLI, measure);
  const lines = [
    `Synthetic repository: ${repo.tsFiles} TypeScript files (npm workspaces, ${DEFAULT_SHAPE.packages} packages with their own tsconfig, a Next.js-style app with @/ aliases) + ${repo.pyFiles} Python files (src layout); ${repo.modules.length} modules.`,
    `Machine: ${machine()}.`,
    '',
    '| run | wall time | CPU time (user + sys) | peak memory |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.cpuSeconds.toFixed(2)} s | ${r.peakMb.toFixed(0)} MB |`),
    '',
    `Files: read-only ${readFiles}, adrift ${report.summary.files} (TypeScript and Python)` + (cruise ? `, dependency-cruiser ${cruised} (TypeScript only, plus externals it lists as modules).` : '.'),
    `Findings: adrift ${report.findings.length} (${report.findings.filter((f) => f.rule === 'module-dependency').length} module-dependency)` + (cruiseEdges ? `; dependency-cruiser ${cruiseEdges.size} module-dependency violations.` : '.'),
    cruiseEdges
      ? `Same violating TypeScript module-dependency edges (file → file): ${sameEdges ? 'yes' : 'NO'} (adrift ${inc.edges.size}, dependency-cruiser ${cruiseEdges.size}).`
      : `Violating TypeScript module-dependency edges (file → file): adrift ${inc.edges.size} (dependency-cruiser not run; ${EXPECTED_EDGES} expected).`,
    `Cold and warm JSON reports byte-identical: ${findingsOnly(cold.stdout) === findingsOnly(warm.stdout) ? 'yes' : 'NO'}.`,
    '',
    `Against the read floor (issue 16): cold / read-only wall = ${ratio(cold.seconds, read.seconds)} (target ≤ 3×), warm / read-only wall = ${ratio(warm.seconds, read.seconds)} (target ≤ 2×), ` +
      `peak memory cold / read-only = ${ratio(cold.peakMb, read.peakMb)}, warm = ${ratio(warm.peakMb, read.peakMb)} (target ≤ 2×).`,
    `Ratios (CPU): adrift cold / read-only = ${ratio(cold.cpuSeconds, read.cpuSeconds)}, warm / read-only = ${ratio(warm.cpuSeconds, read.cpuSeconds)}.`,
    ...(cruise
      ? [
          `Ratios against dependency-cruiser: wall ${ratio(cruise.seconds, cold.seconds)} cold / ${ratio(cruise.seconds, warm.seconds)} warm; ` +
            `CPU ${ratio(cruise.cpuSeconds, cold.cpuSeconds)} cold / ${ratio(cruise.cpuSeconds, warm.cpuSeconds)} warm; peak memory ${ratio(cruise.peakMb, cold.peakMb)} less.`,
        ]
      : []),
    `Re-checking one edited file (WorkspaceIndex.checkFile, ${EDITS} edits): p50 ${inc.p50.toFixed(2)} ms, p95 ${inc.p95.toFixed(2)} ms, max ${inc.max.toFixed(2)} ms.`,
    '',
    ...since,
    '',
    ...go.lines,
    '',
    ...huge.lines,
    ...debt.lines,
    '',
    ...extensionFigures(),
    ...editorScaleFigures(PROJECT),
  ];
  const text = lines.join('\n');
  console.log('\n' + text);
  writeFileSync(path.join(WORK, 'results.md'), text + '\n');
  if (!sameEdges || !go.ok || !huge.ok) process.exitCode = 1;
}

/**
 * The editor's own figures: the bundle the extension host loads, and the activation time a
 * real extension host measured in the last integration run (the benchmark cannot start VS
 * Code itself; `npm run test:integration` writes the figures).
 */
function extensionFigures(): string[] {
  const bundle = path.join(PROJECT, 'dist', 'extension.js');
  const lines = [`Extension bundle: dist/extension.js ${(statSync(bundle).size / 1024).toFixed(0)} KB (development build; \`npm run package\` minifies).`];
  const metricsFile = path.join(PROJECT, '.cache', 'metrics', 'extension-activation.json');
  if (!existsSync(metricsFile)) {
    lines.push('Activation time: not measured yet — run `npm run test:integration -- editor` first (it records what the extension host measured).');
    return lines;
  }
  const m = JSON.parse(readFileSync(metricsFile, 'utf8')) as { activationTimeMs: number; firstScanMs?: number; vscode: string; measuredAt: string };
  lines.push(
    `Activation time (VS Code ${m.vscode} extension host, ${m.measuredAt}): activate() ${m.activationTimeMs.toFixed(1)} ms; first scan of the help desk example ${m.firstScanMs === undefined ? 'n/a' : `${m.firstScanMs.toFixed(0)} ms`}.`,
  );
  return lines;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 2;
});
