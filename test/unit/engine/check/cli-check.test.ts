// `adrift check` and `adrift baseline` through the CLI runner, on an in-memory workspace:
// exit codes, formats and the baseline round trip.

import * as assert from 'node:assert/strict';
import { runCli } from '../../../../src/cli/run';
import { NodeFileSystem } from '../../../../src/core/fs/node';
import type { FileSystemPort } from '../../../../src/core/fs/port';
import { engineFixture } from '../extract/fixtures';
import { baselineCommand } from '../../../../src/cli/commands/baseline';
import { checkCommand } from '../../../../src/cli/commands/check';
import { MemoryFileSystem } from './memory';

const ROOT = '/ws';
const DECISION = [
  'id: 3',
  'title: Split the help desk into modules',
  'status: accepted',
  'date: 2026-11-27',
  'enforce:',
  '  undeclared: deny',
  '  modules:',
  '    ticket:',
  '      paths: [src/ticket/**]',
  '      uses: [user]',
  '    user:',
  '      paths: [src/user/**]',
  '    knowledgebase:',
  '      paths: [src/knowledgebase/**]',
  '',
].join('\n');

function workspace(ticketService: string): MemoryFileSystem {
  return new MemoryFileSystem(ROOT, {
    'docs/adr/0003-split-the-help-desk-into-modules.yaml': DECISION,
    'src/ticket/service.ts': ticketService,
    'src/user/session.ts': 'export const currentUser = () => 1;\n',
    'src/knowledgebase/search.ts': 'export const search = () => [];\n',
  });
}

async function run(fs: FileSystemPort, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runIn(ROOT, fs, ...argv);
}

async function runIn(cwd: string, fs: FileSystemPort, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { fs, out: (t) => void (out += t + '\n'), err: (t) => void (err += t + '\n'), processCwd: cwd }, [checkCommand, baselineCommand], '0.0.0');
  return { code, out, err };
}

const DRIFT = "import { currentUser } from '../user/session';\nimport { search } from '../knowledgebase/search';\n";

describe('adrift check (CLI)', () => {
  it('exits 0 on a clean workspace and 1 with findings, printing file:line:col rule message', async () => {
    assert.equal((await run(workspace("import { currentUser } from '../user/session';\n"), 'check', '--no-cache')).code, 0);
    const r = await run(workspace(DRIFT), 'check', '--no-cache');
    assert.equal(r.code, 1);
    assert.match(r.out, /^ticket → knowledgebase \(1 error\)$/m);
    assert.match(r.out, /^ {2}src\/ticket\/service.ts:2:24 module-dependency module "ticket" may not use module "knowledgebase"/m);
  });

  it('prints JSON, SARIF and GitHub annotations', async () => {
    const fs = workspace(DRIFT);
    const json = JSON.parse((await run(fs, 'check', '--format', 'json', '--no-cache')).out) as { findings: Record<string, unknown>[] };
    assert.deepEqual(
      json.findings.map(({ rule, file, line, column, target }) => ({ rule, file, line, column, target })),
      [{ rule: 'module-dependency', file: 'src/ticket/service.ts', line: 2, column: 24, target: 'src/knowledgebase/search.ts' }],
    );
    const sarif = JSON.parse((await run(fs, 'check', '--format', 'sarif', '--no-cache')).out) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, 1);
    assert.match((await run(fs, 'check', '--format', 'github', '--no-cache')).out, /^::error file=src\/ticket\/service.ts,line=2,col=24,/);
  });

  it('exits 2 on bad usage, a missing baseline file and a broken .adrift.yaml', async () => {
    assert.equal((await run(workspace(DRIFT), 'check', '--format', 'xml')).code, 2);
    const missing = await run(workspace(DRIFT), 'check', '--baseline', 'nope.yaml', '--no-cache');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /baseline file nope.yaml does not exist/);
    const fs = workspace(DRIFT);
    fs.files.set(`${ROOT}/.adrift.yaml`, 'severity: [oops]\n');
    assert.equal((await run(fs, 'check', '--no-cache')).code, 2);
  });

  it('accepts the findings written by adrift baseline, across line shifts, until they expire', async () => {
    const fs = workspace(DRIFT);
    const written = await run(fs, 'baseline', '--baseline', '.adrift-baseline.yaml', '--reason', 'search moves in Q2', '--expires', '2999-01-01');
    assert.equal(written.code, 0, written.err);
    assert.match(fs.files.get(`${ROOT}/.adrift-baseline.yaml`) ?? '', /reason: search moves in Q2/);
    fs.files.set(`${ROOT}/src/ticket/service.ts`, '// moved down a line\n' + DRIFT);
    const accepted = await run(fs, 'check', '--baseline', '.adrift-baseline.yaml', '--no-cache');
    assert.equal(accepted.code, 0);
    assert.match(accepted.out, /no findings .*1 accepted by \.adrift-baseline\.yaml/);
    fs.files.set(`${ROOT}/.adrift-baseline.yaml`, (fs.files.get(`${ROOT}/.adrift-baseline.yaml`) ?? '').replace('2999-01-01', '2000-01-01'));
    const expired = await run(fs, 'check', '--baseline', '.adrift-baseline.yaml', '--no-cache');
    assert.equal(expired.code, 1);
    assert.match(expired.out, /its baseline entry expired on 2000-01-01 \(search moves in Q2\)/);
  });

  it('sees the violations behind deep imports of built workspace paths, and names the imports it could not resolve', async () => {
    // The fixture's packages are imported as `@fx/core/lib/browser/widget`, `@fx/legacy/build/parse`:
    // built paths whose source is in src/ (or lib/). Before, both edges were lost in silence.
    const r = await runIn(engineFixture('built-packages'), new NodeFileSystem(), 'check', '--no-cache');
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /^ {2}apps\/web\/src\/main.ts:3:\d+ private-import .*"core"/m);
    assert.match(r.out, /^ {2}apps\/web\/src\/main.ts:7:\d+ module-dependency module "web" may not use module "legacy"/m);
    // Imports that name a workspace package and lead nowhere are counted and named, with their place.
    assert.match(r.out, /^ {2}apps\/web\/src\/stale.ts:2:\d+ "@fx\/core\/lib\/gone"$/m);
    assert.match(r.out, /^ {2}apps\/web\/src\/stale.ts:3:\d+ "@fx\/ui\/dist\/nothing"$/m);
    assert.match(r.out, /2 local imports not resolved, so not checked/);
    const json = JSON.parse((await runIn(engineFixture('built-packages'), new NodeFileSystem(), 'check', '--no-cache', '--format', 'json')).out) as {
      summary: { unresolved: number };
      unresolved: { file: string; specifier: string; line: number; column: number }[];
    };
    assert.equal(json.summary.unresolved, 2);
    assert.deepEqual(json.unresolved.map((u) => `${u.file}:${u.line} ${u.specifier}`), ['apps/web/src/stale.ts:2 @fx/core/lib/gone', 'apps/web/src/stale.ts:3 @fx/ui/dist/nothing']);
  });

  it('finishes on a module glob that backtracks catastrophically in a regular expression (issue 17 item 9)', async () => {
    const fs = workspace("import { currentUser } from '../user/session';\n");
    fs.files.set(`${ROOT}/docs/adr/0004-weird.yaml`, 'id: 4\ntitle: A weird glob\nstatus: accepted\ndate: 2026-11-27\nenforce:\n  modules:\n    weird:\n      paths: ["src/*a**a**a**a**a**a**a**a**a**a*b"]\n');
    fs.files.set(`${ROOT}/src/${'a'.repeat(47)}.ts`, 'export const a = 1;\n');
    const r = await run(fs, 'check', '--no-cache');
    assert.equal(r.code, 0);
    assert.match(r.out, /module weird: path "src\/\*a\*\*a.*" matches no file/);
  });
});
