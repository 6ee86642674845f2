#!/usr/bin/env node
// `npm start`: builds Adrift and opens a fresh copy of examples/helpdesk in a real VS Code
// with Adrift loaded as an extension under development.
//   - `code` on PATH: a desktop extension development host.
//   - otherwise: the test harness's VS Code server on 127.0.0.1, URL printed for a browser.
// Ctrl+C stops everything started here (by pid, whole process groups).
// Options: --watch (rebuild on change; Developer: Reload Window picks it up),
//          --port N (server mode; default ADRIFT_PORT or a free port), --example NAME.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePrerequisites } from './prerequisites.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const watch = argv.includes('--watch');
const example = option('example') ?? 'helpdesk';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(label, command, args, { tolerate = false } = {}) {
  console.log(`[start] ${label}`);
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0 && !tolerate) {
    console.error(`[start] ${label} failed (exit ${result.status}).`);
    process.exit(1);
  }
  return result.status === 0;
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

step('building the extension (esbuild)', npm, ['run', '--silent', 'build']);
// The harness is TypeScript compiled with the rest; tsc emits even when a file elsewhere has a type error.
if (!step('compiling the harness (tsc)', npm, ['run', '--silent', 'compile'], { tolerate: true })) {
  console.log('[start] type errors above; tsc still emitted, continuing.');
}

const { cacheRoot } = require(path.join(repo, 'out/test/harness/paths.js'));
const { copyWorkspace } = require(path.join(repo, 'out/test/harness/workspaces.js'));
const { spawnGroup, stopGroup } = require(path.join(repo, 'out/test/harness/processes.js'));
// A copy, so that trying things out never edits the example the tests rely on.
const folder = copyWorkspace(example, path.join(cacheRoot, 'start', 'workspace'));
console.log(`[start] workspace: a fresh copy of ${example} at ${folder}`);

const children = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n[start] stopping…');
  await Promise.all(children.map((pid) => stopGroup(pid)));
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

if (watch) {
  const watcher = spawnGroup(process.execPath, ['esbuild.mjs', '--watch'], { cwd: repo, stdio: 'inherit' });
  children.push(watcher.pid);
  console.log('[start] esbuild is watching; run "Developer: Reload Window" after a change');
}

if (onPath('code') && !process.env.ADRIFT_START_SERVER) {
  console.log('[start] opening an extension development host with `code`');
  const desktop = spawnGroup('code', ['--new-window', `--extensionDevelopmentPath=${repo}`, folder, '--wait'], { stdio: 'inherit' });
  children.push(desktop.pid);
  desktop.once('exit', () => void stopAll(0));
} else {
  const { ensureVSCodeServer } = require(path.join(repo, 'out/test/harness/install.js'));
  const { startVSCodeServer } = require(path.join(repo, 'out/test/harness/server.js'));
  const { workbenchUrl } = require(path.join(repo, 'out/test/harness/browser.js'));
  // A fresh machine lacks what installing the offline VS Code needs (ripgrep, build tools): as root this installs them, otherwise it names the command.
  if (ensurePrerequisites({ layers: ['start'], mode: 'offline', who: 'npm start' }) !== 0) process.exit(1);
  const install = await ensureVSCodeServer();
  const port = Number(option('port') ?? process.env.ADRIFT_PORT ?? 0) || undefined;
  // The extension under development arrives in the URL payload, which a built VS Code
  // honours only with the smoke-test driver enabled.
  const server = await startVSCodeServer({ install, runDir: path.join(cacheRoot, 'start', 'server'), port, smokeTestDriver: true, settings: { 'workbench.startupEditor': 'none' } });
  children.push(server.pid);
  const payload = [['extensionDevelopmentPath', `vscode-remote://${server.host}:${server.port}${repo}`]];
  console.log(`[start] VS Code ${install.vscodeVersion} server (pid ${server.pid}), log ${server.logPath}`);
  console.log(`\n  Open in a browser:  ${workbenchUrl(server.url, folder, payload)}\n`);
  console.log('[start] Ctrl+C stops the server.');
  server.exited.then((code) => {
    if (!stopping) {
      console.error(`[start] the VS Code server exited (code ${code}); log: ${server.logPath}`);
      void stopAll(1);
    }
  });
}
