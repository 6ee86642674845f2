// What the CLI and the editor each report for the workspace copy, as comparable
// "file:line rule" keys: the CLI run as CI runs it (`node dist/cli.js check`, SARIF, whose
// lines are 1-based by the standard), the editor read from the diagnostics it published.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AdriftApi } from '../../src/extension/extension';
import { adriftExtension, testWorkspace, waitFor } from './harness';

interface SarifLog {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
}

/** `adrift check --format sarif` on the workspace copy, from the built CLI. */
export function cliFindings(): string[] {
  const cli = path.join(adriftExtension().extensionPath, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'sarif', '--no-cache'], { cwd: testWorkspace(), encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  assert.ok(run.status === 0 || run.status === 1, `adrift check ran (exit ${run.status}): ${run.stderr}`);
  const log = JSON.parse(run.stdout) as SarifLog;
  return log.runs
    .flatMap((r) => r.results)
    .map((r) => {
      const at = r.locations[0].physicalLocation;
      return `${at.artifactLocation.uri.split('/').map(decodeURIComponent).join('/')}:${at.region.startLine} ${r.ruleId}`;
    })
    .sort();
}

/** Every Adrift diagnostic the editor shows, with its workspace-relative file and rule. */
export function adriftDiagnostics(): { file: string; rule: string; diagnostic: vscode.Diagnostic }[] {
  const root = testWorkspace();
  const out: { file: string; rule: string; diagnostic: vscode.Diagnostic }[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const file = path.relative(root, uri.fsPath).split(path.sep).join('/');
    for (const d of diagnostics) {
      if (d.source !== 'Adrift') continue;
      out.push({ file, rule: typeof d.code === 'object' ? String(d.code.value) : String(d.code), diagnostic: d });
    }
  }
  return out;
}

/** The Adrift diagnostics the editor shows, every file of the workspace. */
export function editorFindings(): string[] {
  return adriftDiagnostics().map(({ file, rule, diagnostic }) => `${file}:${diagnostic.range.start.line + 1} ${rule}`).sort();
}

export function adriftApi(): AdriftApi {
  return adriftExtension().exports as AdriftApi;
}

/** Waits for the first folder's scan, then for the editor to publish what the CLI reports. */
export async function assertEditorAgreesWithCli(timeoutMs = 30_000): Promise<string[]> {
  await waitFor('the workspace scan', () => adriftApi().service.folders()[0]?.scanned, timeoutMs);
  const cli = cliFindings();
  try {
    await waitFor('the editor to publish what the CLI reports', () => JSON.stringify(editorFindings()) === JSON.stringify(cli), timeoutMs);
  } catch {
    assert.deepEqual(editorFindings(), cli, 'the editor publishes the same (file, line, rule) set as `adrift check`');
  }
  return cli;
}
