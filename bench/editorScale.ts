// The editor at 30,000 files, as a real VS Code extension host measured it: the figures
// test/integration/synthetic-30k/editorScale.test.ts writes to .cache/metrics/editor-scale.json
// (the benchmark cannot start VS Code itself; `node out/test/harness/runIntegration.js
// synthetic-30k` does), printed against issue 16's editor target: no main-thread task over
// 50 ms during the first scan.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LongTaskStats } from '../src/extension/service/longTasks';

export interface EditorScaleMetrics {
  activationToDiagnosticsMs: number;
  firstScanMs?: number;
  cliColdMs?: number;
  findings?: number;
  typedDiagnosticMs?: number;
  typedWhileScanning?: boolean;
  typedRecheckMs?: number;
  typedRecheckedWhileScanning?: boolean;
  savedWhileScanning?: boolean;
  suiteMs?: number;
  firstScan: LongTaskStats;
  vscode: string;
  measuredAt: string;
}

const ms = (n: number | undefined): string => (n === undefined ? 'n/a' : n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`);

export function editorScaleFigures(project: string): string[] {
  const file = path.join(project, '.cache', 'metrics', 'editor-scale.json');
  if (!existsSync(file)) {
    return ['Editor at 30,000 files: not measured yet — run `node out/test/harness/runIntegration.js synthetic-30k` first (it records what the extension host measured).'];
  }
  const m = JSON.parse(readFileSync(file, 'utf8')) as EditorScaleMetrics;
  const s = m.firstScan;
  const adrift = Object.entries(s.blocksByLabel).filter(([label]) => label !== 'not Adrift');
  const adriftOver = adrift.reduce((n, [, v]) => n + v.over, 0);
  const byLabel = Object.entries(s.blocksByLabel)
    .sort((a, b) => b[1].maxMs - a[1].maxMs)
    .map(([label, v]) => `${label} ${v.over} (longest ${ms(v.maxMs)})`)
    .join('; ');
  const met = s.blocksOver === 0 ? 'met' : 'MISSED';
  return [
    `Editor at 30,000 files (VS Code ${m.vscode} extension host, ${m.measuredAt}; ${m.findings ?? 'n/a'} findings):`,
    `- activation → every finding published: ${ms(m.activationToDiagnosticsMs)} (first scan ${ms(m.firstScanMs)}); \`adrift check --no-cache\` on the same folder in the same run: ${ms(m.cliColdMs)}` +
      (m.cliColdMs ? ` (editor ÷ CLI = ${(m.activationToDiagnosticsMs / m.cliColdMs).toFixed(1)}×)` : '') + '.',
    `- target "no main-thread task over 50 ms during the first scan": ${met} — ${s.blocksOver} blocks over 50 ms (${adriftOver} charged to Adrift), longest ${ms(s.longestBlock?.ms)} (${s.longestBlock?.label ?? 'none'}); by task: ${byLabel || 'none'}.`,
    `- longest timed Adrift callback: ${ms(s.longestTask?.ms)} (${s.longestTask?.label ?? 'none'}); timed callbacks over 50 ms: ${s.tasksOver}.`,
    `- extension host peak: RSS ${s.memory ? `${s.memory.rssMb.toFixed(0)} MB` : 'n/a'}, heap used ${s.memory ? `${s.memory.heapUsedMb.toFixed(0)} MB` : 'n/a'} (${s.memory?.samples ?? 0} samples); the probe's own cost ${s.probe.ownMs.toFixed(0)} ms over ${ms(s.probe.runningMs)} (${s.probe.ticks} ticks).`,
    `- an import typed during the scan: re-checked after ${ms(m.typedRecheckMs)}${m.typedRecheckedWhileScanning ? ' (while the scan ran)' : ''}, flagged after ${ms(m.typedDiagnosticMs)}${m.typedWhileScanning === false ? ' (the scan had ended by then)' : ''}; suite ${ms(m.suiteMs)}.`,
  ];
}
