// `npm run test:integration`: runs every integration suite inside a real VS Code extension
// host through @vscode/test-electron's runTests, one run per suite file, each on a fresh
// copy of its workspace (see suites.ts).
//
//   node out/test/harness/runIntegration.js [filter ...]
//     filter: a workspace name or part of a suite path, e.g. `activation` or `broken`
//   ADRIFT_TEST_MODE=download|offline   force the VS Code source (default: probe)
//   ADRIFT_CODE_SERVER_VERSION, ADRIFT_VSCODE_NODE   offline: another code-server + its Node
//   ADRIFT_FORCE_FAIL=1                 add a failing test (proves a failure fails the run)
//   ADRIFT_KEEP_RUNS=1                  keep the run folders (profiles, logs) after success

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ensureVSCodeServer, type VSCodeServerInstall } from './install';
import { chooseMode, type HarnessMode } from './mode';
import { cacheRoot, chromiumPath, defaultVSCodeVersion, repoRoot } from './paths';
import { discoverSuites, type SuiteGroup } from './suites';
import { copyWorkspace, generatedWorkspaces } from './workspaces';

interface GroupResult {
  name: string;
  workspace: string;
  ok: boolean;
  seconds: number;
  detail: string;
}

function chromiumVersion(): string {
  try {
    return execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return `no Chromium at ${chromiumPath}`;
  }
}

/** The stand-in executable test-electron spawns: a tiny script that runs shim.js with this Node. */
function writeShim(): string {
  const bin = path.join(cacheRoot, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const shim = path.join(bin, 'adrift-code-shim');
  const script = `#!/bin/sh\nexec "${process.execPath}" "${path.join(__dirname, 'shim.js')}" "$@"\n`;
  fs.writeFileSync(`${shim}.${process.pid}`, script, { mode: 0o755 });
  fs.renameSync(`${shim}.${process.pid}`, shim); // atomic: a parallel run never sees half a script
  return shim;
}

async function runGroup(group: SuiteGroup, mode: HarnessMode, install: VSCodeServerInstall | undefined, shim: string | undefined): Promise<GroupResult> {
  const started = Date.now();
  const runDir = path.join(cacheRoot, 'runs', `${group.workspace}-${process.pid}-${started}`);
  const workspace = copyWorkspace(group.workspace, path.join(runDir, 'workspace'));
  console.log(`\n[harness] ── ${group.name} on a fresh copy of ${group.workspace} at ${workspace}`);
  const env: Record<string, string> = {
    ADRIFT_TEST_WORKSPACE: workspace,
    ADRIFT_TEST_EXAMPLE: group.workspace,
    ADRIFT_TEST_SUITES: JSON.stringify(group.files),
  };
  if (install) {
    Object.assign(env, {
      ADRIFT_VSCODE_SERVER_MAIN: install.serverMain,
      ADRIFT_VSCODE_NODE: install.node,
      ADRIFT_VSCODE_VERSION: install.vscodeVersion,
      ADRIFT_CODE_SERVER_VERSION: install.codeServerVersion,
    });
  }
  let ok = false;
  let detail = '';
  // The stand-in executable has its own timeout; this one also covers a desktop VS Code that
  // never starts. test-electron does not expose its child, so its children go by parent pid.
  const limitMs = Number(process.env.ADRIFT_TEST_TIMEOUT_MS ?? 600_000) + 60_000;
  let watchdog: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => {
      spawnSync('pkill', ['-TERM', '-P', String(process.pid)]);
      reject(new Error(`no result within ${Math.round(limitMs / 1000)} s (ADRIFT_TEST_TIMEOUT_MS); VS Code was stopped`));
    }, limitMs);
  });
  try {
    await Promise.race([expired, runTests({
      ...(mode === 'offline' ? { vscodeExecutablePath: shim } : { version: defaultVSCodeVersion, cachePath: path.join(cacheRoot, 'vscode-download') }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${runDir}`, `--extensions-dir=${path.join(runDir, 'extensions')}`, '--disable-extensions'],
      extensionTestsEnv: env,
    })]);
    ok = true;
  } catch (error) {
    detail = (error as Error).message;
  } finally {
    clearTimeout(watchdog);
  }
  const seconds = (Date.now() - started) / 1000;
  if (ok && !process.env.ADRIFT_KEEP_RUNS) fs.rmSync(runDir, { recursive: true, force: true });
  else if (!ok) {
    // A generated workspace is the same every run (a fixed seed) and large: the logs are the evidence.
    if (Object.hasOwn(generatedWorkspaces, group.workspace) && !process.env.ADRIFT_KEEP_RUNS) fs.rmSync(workspace, { recursive: true, force: true });
    detail += ` — profile and server log kept in ${runDir}`;
  }
  return { name: group.name, workspace: group.workspace, ok, seconds, detail };
}

/** Run folders kept after a failure are evidence for a day, then clutter. */
function pruneOldRuns(): void {
  const runs = path.join(cacheRoot, 'runs');
  if (!fs.existsSync(runs)) return;
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const entry of fs.readdirSync(runs)) {
    const folder = path.join(runs, entry);
    if (fs.statSync(folder).mtimeMs < dayAgo) fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  pruneOldRuns();
  const groups = discoverSuites(process.argv.slice(2));
  if (groups.length === 0) {
    console.error('[harness] no integration suite matched (test/integration/**/*.test.ts).');
    return 1;
  }
  const mode = await chooseMode();
  let install: VSCodeServerInstall | undefined;
  let shim: string | undefined;
  if (mode === 'offline') {
    install = await ensureVSCodeServer({
      codeServerVersion: process.env.ADRIFT_CODE_SERVER_VERSION,
      node: process.env.ADRIFT_VSCODE_NODE,
    });
    shim = writeShim();
    console.log(`[harness] mode: offline — VS Code ${install.vscodeVersion} (VS Code server from code-server ${install.codeServerVersion}, Node ${execFileSync(install.node, ['--version'], { encoding: 'utf8' }).trim()}) with the workbench in headless ${chromiumVersion()}`);
  } else {
    console.log(`[harness] mode: download — VS Code ${defaultVSCodeVersion} desktop, downloaded by @vscode/test-electron`);
  }

  const results: GroupResult[] = [];
  for (const group of groups) results.push(await runGroup(group, mode, install, shim));

  console.log('\n[harness] integration summary');
  for (const r of results) {
    console.log(`  ${r.ok ? 'passed' : 'FAILED'}  ${r.name.padEnd(36)} ${r.workspace.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.detail}`);
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(`  ${passed} of ${results.length} suite files passed`);
  return passed === results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[harness] ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
