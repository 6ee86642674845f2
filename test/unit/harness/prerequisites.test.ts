// The prerequisites check of `npm test` (scripts/prerequisites.mjs): which system packages the
// planned layers need, and whether it installs them or stops with the command to run. The
// decision is pure, so it is tested here without touching the machine.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultCodeServerVersion, repoRoot } from '../../harness/paths';

interface Requirement { name: string; debianPackage: string; neededFor: string }
type Decision = { action: 'none' } | { action: 'install'; packages: string[]; summary: string } | { action: 'fail'; message: string };
interface Prerequisites {
  codeServerVersion: string;
  requirementsFor(input: { layers: string[]; mode: 'download' | 'offline'; installReady: boolean }): Requirement[];
  decide(input: { missing: Requirement[]; isRoot: boolean; hasAptGet: boolean; hasSudo: boolean; checkOnly: boolean; chromiumOverride?: string; who?: string }): Decision;
}

async function prerequisites(): Promise<Prerequisites> {
  return (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'prerequisites.mjs')).href)) as Prerequisites;
}

const names = (requirements: Requirement[]) => requirements.map((r) => r.name);
const fresh = { isRoot: false, hasAptGet: true, hasSudo: false, checkOnly: false };

describe('prerequisites of npm test', () => {
  it('needs Chromium, ripgrep and the native build tools for a full run on a fresh machine', async () => {
    const { requirementsFor } = await prerequisites();
    assert.deepEqual(names(requirementsFor({ layers: ['build', 'compile', 'lint', 'unit', 'integration', 'package', 'ui', 'self'], mode: 'offline', installReady: false })), [
      'chromium', 'rg', 'python3', 'make', 'g++', 'node headers',
    ]);
  });

  it('for npm start on a fresh machine, needs what installing the offline VS Code needs, but no Chromium (the browser is the user\'s), and names npm start', async () => {
    const { requirementsFor, decide } = await prerequisites();
    const needed = requirementsFor({ layers: ['start'], mode: 'offline', installReady: false });
    assert.deepEqual(names(needed), ['rg', 'python3', 'make', 'g++', 'node headers']);
    assert.deepEqual(requirementsFor({ layers: ['start'], mode: 'offline', installReady: true }), []);
    const decision = decide({ ...fresh, missing: needed.slice(0, 1), who: 'npm start' });
    assert.equal(decision.action, 'fail');
    assert.match(decision.action === 'fail' ? decision.message : '', /^npm start: missing rg; run as root: apt-get update && apt-get install -y --no-install-recommends ripgrep$/);
  });

  it('needs only Chromium once the offline VS Code is installed', async () => {
    const { requirementsFor } = await prerequisites();
    assert.deepEqual(names(requirementsFor({ layers: ['integration', 'ui'], mode: 'offline', installReady: true })), ['chromium']);
  });

  it('needs nothing from the system for unit tests, nor for integration tests that download VS Code', async () => {
    const { requirementsFor } = await prerequisites();
    assert.deepEqual(requirementsFor({ layers: ['compile', 'unit', 'lint'], mode: 'offline', installReady: false }), []);
    assert.deepEqual(requirementsFor({ layers: ['build', 'compile', 'integration'], mode: 'download', installReady: false }), []);
  });

  it('needs Go (golang-go) for the differential layer only, which CI asks for', async () => {
    const { requirementsFor } = await prerequisites();
    assert.deepEqual(requirementsFor({ layers: ['differential'], mode: 'offline', installReady: true }).map((r) => r.debianPackage), ['golang-go']);
    assert.deepEqual(names(requirementsFor({ layers: ['integration', 'ui', 'differential'], mode: 'offline', installReady: true })), ['chromium', 'go']);
  });

  it('never asks for libkrb5-dev: the offline install leaves kerberos out', async () => {
    const { requirementsFor } = await prerequisites();
    const packages = requirementsFor({ layers: ['integration', 'ui'], mode: 'offline', installReady: false }).map((r) => r.debianPackage);
    assert.ok(!packages.includes('libkrb5-dev'), packages.join(' '));
  });

  it('as root with apt-get, installs exactly the Debian packages of what is missing', async () => {
    const { requirementsFor, decide } = await prerequisites();
    const missing = requirementsFor({ layers: ['ui'], mode: 'offline', installReady: false }).filter((r) => r.name === 'chromium' || r.name === 'rg');
    const decision = decide({ ...fresh, missing, isRoot: true });
    assert.equal(decision.action, 'install');
    assert.deepEqual(decision.action === 'install' && decision.packages, ['chromium', 'ripgrep']);
  });

  it('without root, stops with one line that names the apt-get command', async () => {
    const { requirementsFor, decide } = await prerequisites();
    const missing = requirementsFor({ layers: ['ui'], mode: 'offline', installReady: true });
    const decision = decide({ ...fresh, missing });
    assert.deepEqual(decision, { action: 'fail', message: 'npm test: missing chromium; run as root: apt-get update && apt-get install -y --no-install-recommends chromium' });
  });

  it('with sudo, names the sudo command; with ADRIFT_PREREQUISITES=check as root, the plain one', async () => {
    const { requirementsFor, decide } = await prerequisites();
    const missing = requirementsFor({ layers: ['ui'], mode: 'offline', installReady: false }).filter((r) => r.name === 'rg');
    const sudo = decide({ ...fresh, missing, hasSudo: true });
    assert.equal(sudo.action === 'fail' && sudo.message, "npm test: missing rg; run: sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends ripgrep'");
    const checkOnly = decide({ ...fresh, missing, isRoot: true, checkOnly: true });
    assert.equal(checkOnly.action === 'fail' && checkOnly.message, 'npm test: missing rg; run: apt-get update && apt-get install -y --no-install-recommends ripgrep');
  });

  it('does not apt-get a Chromium that CHROMIUM points elsewhere for', async () => {
    const { requirementsFor, decide } = await prerequisites();
    const missing = requirementsFor({ layers: ['ui'], mode: 'offline', installReady: true });
    const decision = decide({ ...fresh, missing, isRoot: true, chromiumOverride: '/opt/chrome/chrome' });
    assert.equal(decision.action, 'fail');
    assert.match(decision.action === 'fail' ? decision.message : '', /CHROMIUM=\/opt\/chrome\/chrome does not exist/);
  });

  it('without apt-get, names the packages to install', async () => {
    const { requirementsFor, decide } = await prerequisites();
    const missing = requirementsFor({ layers: ['ui'], mode: 'offline', installReady: true });
    const decision = decide({ ...fresh, missing, isRoot: true, hasAptGet: false });
    assert.equal(decision.action === 'fail' && decision.message, "npm test: missing chromium; install the Debian packages chromium (or your system's equivalent)");
  });

  it('checks the marker of the same code-server version the harness installs', async () => {
    assert.equal((await prerequisites()).codeServerVersion, defaultCodeServerVersion);
  });
});
