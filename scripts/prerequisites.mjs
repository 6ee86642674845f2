#!/usr/bin/env node
// What the test layers need from the machine, checked before any of them runs, so that
// `npm test` on a fresh Debian machine with only Node and npm either sets itself up or says in
// one line what to run, instead of failing half an hour in.
//   - Chromium (/usr/bin/chromium, or $CHROMIUM): the UI layer, and the integration layer
//     when it runs offline (the workbench is served by VS Code's server into Chromium).
//   - While the offline VS Code (code-server, see test/harness/install.ts) is not installed
//     yet: ripgrep (seeds @vscode/ripgrep, which cannot download offline), and python3, make,
//     g++ and Node's headers for its native addons (node-pty, spdlog, watcher).
//   - Layer `differential` (CI asks for it): Go (Debian's golang-go), the oracle of the unit
//     layer's Go differential test, which skips with a message where `go` is absent. The
//     product never needs Go.
// As root with apt-get: one `apt-get update`, then `apt-get install` of what is missing,
// printed. Otherwise: exit within seconds, one line naming the command to run.
// Plain Node, no dependencies: it runs before `npm ci`'s packages are built or compiled.
//   node scripts/prerequisites.mjs [layer ...]     (default: every layer of `npm test`)
// ADRIFT_PREREQUISITES=check: only check, never install (also as root).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Same as defaultCodeServerVersion in test/harness/paths.ts (a unit test keeps them equal). */
export const codeServerVersion = '4.100.3';

/**
 * @typedef {{ name: string, debianPackage: string, neededFor: string }} Requirement
 * @typedef {{ name: string, present: boolean }} Probe
 */

/**
 * What the planned layers need. `mode` matters only for the integration layer; `installReady`
 * says the offline VS Code is already installed for this Node.
 * @param {{ layers: string[], mode: 'download' | 'offline', installReady: boolean }} input
 * @returns {Requirement[]}
 */
export function requirementsFor({ layers, mode, installReady }) {
  /** @type {Requirement[]} */
  const oracles = layers.includes('differential') ? [{ name: 'go', debianPackage: 'golang-go', neededFor: 'the Go differential test (go/parser as the oracle)' }] : [];
  const users = [];
  if (layers.includes('integration') && mode === 'offline') users.push('integration (offline)');
  if (layers.includes('ui')) users.push('ui');
  // `npm start` serves the offline VS Code to the user's own browser: it needs the install's tools, not Chromium.
  const starting = layers.includes('start');
  if (starting) users.push('npm start');
  if (users.length === 0) return oracles;
  const neededFor = users.join(', ');
  /** @type {Requirement[]} */
  const needed = [...(starting && users.length === 1 ? [] : [{ name: 'chromium', debianPackage: 'chromium', neededFor }]), ...oracles];
  if (!installReady) {
    const install = `installing the offline VS Code for ${neededFor}`;
    needed.push(
      { name: 'rg', debianPackage: 'ripgrep', neededFor: install },
      { name: 'python3', debianPackage: 'python3', neededFor: install },
      { name: 'make', debianPackage: 'make', neededFor: install },
      { name: 'g++', debianPackage: 'g++', neededFor: install },
      { name: 'node headers', debianPackage: 'libnode-dev', neededFor: install },
    );
  }
  return needed;
}

/**
 * What to do about the missing ones.
 * @param {{ missing: Requirement[], isRoot: boolean, hasAptGet: boolean, hasSudo: boolean, checkOnly: boolean, chromiumOverride?: string, who?: string }} input
 * @returns {{ action: 'none' } | { action: 'install', packages: string[], summary: string } | { action: 'fail', message: string }}
 */
export function decide({ missing, isRoot, hasAptGet, hasSudo, checkOnly, chromiumOverride, who = 'npm test' }) {
  if (missing.length === 0) return { action: 'none' };
  if (chromiumOverride && missing.some((r) => r.name === 'chromium')) {
    return { action: 'fail', message: `${who}: CHROMIUM=${chromiumOverride} does not exist; point CHROMIUM at a Chromium binary or unset it to use /usr/bin/chromium.` };
  }
  const packages = [...new Set(missing.map((r) => r.debianPackage))];
  const summary = missing.map((r) => `${r.name} (${r.neededFor})`).join('; ');
  if (isRoot && hasAptGet && !checkOnly) return { action: 'install', packages, summary };
  const install = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const command = !hasAptGet
    ? `install the Debian packages ${packages.join(' ')} (or your system's equivalent)`
    : isRoot
      ? `run: ${install}`
      : hasSudo
        ? `run: sudo sh -c '${install}'`
        : `run as root: ${install}`;
  return { action: 'fail', message: `${who}: missing ${missing.map((r) => r.name).join(', ')}; ${command}` };
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (!dir) return false;
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Where node-gyp finds Node's headers; the same rule as headersFolder in test/harness/install.ts. */
function nodeHeadersPresent(node) {
  const prefix = path.resolve(path.dirname(node), '..');
  return [prefix, '/usr'].some((dir) => fs.existsSync(path.join(dir, 'include', 'node', 'node.h')));
}

/** @param {Requirement} requirement */
function present(requirement, chromiumPath, node) {
  switch (requirement.name) {
    case 'chromium': return fs.existsSync(chromiumPath);
    case 'node headers': return nodeHeadersPresent(node);
    default: return onPath(requirement.name);
  }
}

/** The harness's completion marker (test/harness/install.ts) for this version and Node. */
function installReady(env, node) {
  const cacheRoot = env.ADRIFT_CACHE_DIR ? path.resolve(env.ADRIFT_CACHE_DIR) : path.join(repoRoot, '.cache', 'vscode-offline');
  const version = env.ADRIFT_CODE_SERVER_VERSION ?? codeServerVersion;
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(cacheRoot, `code-server-${version}`, 'installed.json'), 'utf8'));
    return marker.node === node;
  } catch {
    return false;
  }
}

/**
 * Whether the integration layer can download VS Code: ADRIFT_TEST_MODE=download|offline
 * decides, otherwise a quick probe of the update service (test/harness/mode.ts asks here too).
 * @returns {Promise<'download' | 'offline'>}
 */
export async function chooseMode(env = process.env) {
  const forced = env.ADRIFT_TEST_MODE;
  if (forced === 'download' || forced === 'offline') return forced;
  if (forced) throw new Error(`ADRIFT_TEST_MODE must be "download" or "offline", not "${forced}".`);
  try {
    const response = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(3000) });
    return response.ok ? 'download' : 'offline';
  } catch {
    return 'offline';
  }
}

function run(command, args) {
  console.log(`[prerequisites] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Checks (and as root installs) what `layers` need. Returns 0 when everything is there.
 * @param {{ layers: string[], mode: 'download' | 'offline', env?: NodeJS.ProcessEnv, who?: string }} input
 */
export function ensurePrerequisites({ layers, mode, env = process.env, who = 'npm test' }) {
  const node = env.ADRIFT_VSCODE_NODE ?? process.execPath;
  const chromiumPath = env.CHROMIUM ?? '/usr/bin/chromium';
  const needed = requirementsFor({ layers, mode, installReady: installReady(env, node) });
  const missingNow = () => needed.filter((r) => !present(r, chromiumPath, node));
  const decision = decide({
    missing: missingNow(),
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get'),
    hasSudo: onPath('sudo'),
    checkOnly: env.ADRIFT_PREREQUISITES === 'check',
    chromiumOverride: env.CHROMIUM,
    who,
  });
  if (decision.action === 'none') {
    console.log(`[prerequisites] ${needed.length === 0 ? 'nothing needed from the system' : `present: ${needed.map((r) => r.name).join(', ')}`}`);
    return 0;
  }
  if (decision.action === 'fail') {
    console.error(decision.message);
    return 1;
  }
  console.log(`[prerequisites] missing: ${decision.summary}`);
  console.log(`[prerequisites] installing with apt-get: ${decision.packages.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...decision.packages]);
  const still = missingNow();
  if (still.length > 0) {
    console.error(`${who}: still missing after apt-get install: ${still.map((r) => r.name).join(', ')}`);
    return 1;
  }
  console.log(`[prerequisites] installed ${decision.packages.join(' ')}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const layers = process.argv.length > 2 ? process.argv.slice(2) : ['integration', 'ui'];
  const mode = await chooseMode();
  process.exit(ensurePrerequisites({ layers, mode }));
}
