// `npm run bench -- --shard [root ...]`: `adrift check --module` as a CI matrix would run it.
// For each workspace (default: the synthetic 12,000-file repository, generated), it runs the
// whole check and then one shard per module plus `--rest`, all through the CLI with the cache
// warm, and checks that the shards' findings together are the whole check's, finding for
// finding (same JSON, each once). Then it times the whole check and the largest module's
// shard, warm and cold, several runs each: CPU time (user + sys) and peak memory, min and median.

import { rmSync } from 'node:fs';
import { cacheFolder } from '../src/core/engine/cache';
import { checkWorkspace } from '../src/core/engine/check';
import { NodeFileSystem } from '../src/core/fs/node';
import type { Measure, Run } from './scale';

const RUNS = 3;

/** The findings of a JSON report, one JSON string each. */
function findingsOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: unknown[] }).findings.map((f) => JSON.stringify(f));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Every module of the expanded model with its file count, the largest first. */
async function modulesOf(root: string): Promise<{ name: string; files: number }[]> {
  const result = await checkWorkspace(new NodeFileSystem(), root, { baseline: false });
  const counts = new Map<string, number>([...result.model.modules.keys()].map((m) => [m, 0]));
  for (const f of result.index.sourceFiles()) {
    const m = result.index.moduleOf(f);
    if (m !== undefined) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return [...counts].map(([name, files]) => ({ name, files })).sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : 1));
}

export async function shardFigures(roots: readonly string[], cli: string, measure: Measure): Promise<{ lines: string[]; ok: boolean }> {
  const lines: string[] = [];
  let ok = true;
  for (const root of roots) {
    const check = (label: string, extra: string[]): Run => measure(label, [process.execPath, cli, 'check', root, '--format', 'json', '--no-baseline', ...extra]);
    const modules = await modulesOf(root);
    const whole = check('whole check (warms the cache)', []);
    const expected = findingsOf(whole.stdout).sort();
    const parts: string[] = [];
    for (const m of modules) parts.push(...findingsOf(check(`--module ${m.name}`, ['--module', m.name]).stdout));
    parts.push(...findingsOf(check('--rest', ['--rest']).stdout));
    parts.sort();
    const same = parts.length === expected.length && parts.every((p, i) => p === expected[i]);
    ok &&= same;
    lines.push(
      `${root}: ${modules.length} modules + --rest; union of the shards' findings = the whole check's: ${same ? 'yes' : 'NO'} (${parts.length} / ${expected.length} findings).`,
    );

    const largest = modules[0];
    const timed = (label: string, extra: string[], cold: boolean): Run[] =>
      Array.from({ length: RUNS }, () => {
        if (cold) rmSync(cacheFolder(root.replace(/\\/g, '/')), { recursive: true, force: true });
        return check(label, [...extra, ...(cold ? ['--threads', '1'] : [])]);
      });
    const rows: [string, Run[]][] = [
      ['whole check, warm', timed('whole, warm', [], false)],
      [`--module ${largest.name} (${largest.files} files), warm`, timed('shard, warm', ['--module', largest.name], false)],
      ['--rest, warm', timed('rest, warm', ['--rest'], false)],
      ['whole check, cold (one thread)', timed('whole, cold', [], true)],
      [`--module ${largest.name}, cold (one thread)`, timed('shard, cold', ['--module', largest.name], true)],
    ];
    lines.push('', '| run | CPU min / median | peak memory min / median |', '| --- | ---: | ---: |');
    for (const [label, runs] of rows) {
      const cpu = runs.map((r) => r.cpuSeconds);
      const mb = runs.map((r) => r.peakMb);
      lines.push(`| ${label} | ${Math.min(...cpu).toFixed(2)} / ${median(cpu).toFixed(2)} s | ${Math.min(...mb).toFixed(0)} / ${median(mb).toFixed(0)} MB |`);
    }
    lines.push('');
  }
  return { lines, ok };
}
