// Issue 17 item 5: nothing Adrift writes lands outside the workspace folder, whatever
// `.adrift.yaml`, a flag or a symbolic link says. Real folders on disk, the real commands.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { COMMANDS } from '../../../src/cli/commands';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { confineToWorkspace, lexicallyInside, OutsideWorkspaceError } from '../../../src/core/fs/confine';

const RECORD = 'id: 1\ntitle: Use modules\nstatus: accepted\ndate: 2026-11-27\n';

describe('writes stay inside the workspace (issue 17 item 5)', () => {
  let tmp: string;
  let ws: string;
  let outside: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'adrift-confine-'));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'outside');
    mkdirSync(path.join(ws, 'docs/adr'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(ws, 'docs/adr/0001-use-modules.yaml'), RECORD);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  async function adrift(...argv: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const io = { fs: new NodeFileSystem(), out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (out += `${t}\n`), processCwd: ws };
    return { code: await runCli(argv, io, COMMANDS, '0.0.0'), out };
  }

  const nothingOutside = () => assert.deepEqual(readdirSync(outside), [], 'nothing was written outside the workspace');

  for (const value of ['../outside', '../../x', '/etc/adrift']) {
    it(`decisions: ${value} is a configuration error at its value, and no command writes`, async () => {
      writeFileSync(path.join(ws, '.adrift.yaml'), `# where the records live\ndecisions: ${value}\n`);
      const lint = await adrift('lint');
      assert.equal(lint.code, 1);
      assert.match(lint.out, new RegExp(`^\\.adrift\\.yaml:2:12 decision-schema decisions "${value.replace(/\./g, '\\.')}" is outside the workspace folder`, 'm'), lint.out);
      for (const argv of [['new', 'general', 'Use a queue'], ['init'], ['status', '1', 'deprecated'], ['renumber'], ['overview', '--out', 'docs/architecture.md']]) {
        const r = await adrift(...argv);
        if (argv[0] === 'renumber' || argv[0] === 'init') continue; // nothing to renumber or initialise: no write either way
        assert.equal(r.code, 2, `${argv.join(' ')}: ${r.out}`);
        assert.match(r.out, /\.adrift\.yaml:2:12 .*outside the workspace folder[\s\S]*nothing was written/, `${argv.join(' ')}: ${r.out}`);
      }
      nothingOutside();
      assert.deepEqual(readdirSync(path.join(ws, 'docs/adr')), ['0001-use-modules.yaml']);
    });
  }

  it('baseline: outside the workspace is refused by adrift baseline', async () => {
    writeFileSync(path.join(ws, '.adrift.yaml'), `baseline: ${path.join(outside, 'baseline.json')}\n`);
    const r = await adrift('baseline');
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /\.adrift\.yaml:1:11 .*baseline ".*" is outside the workspace folder/);
    nothingOutside();
  });

  it('a decisions folder that is a symbolic link to outside counts as outside', async () => {
    rmSync(path.join(ws, 'docs'), { recursive: true });
    mkdirSync(path.join(outside, 'adr'));
    writeFileSync(path.join(outside, 'adr/0001-use-modules.yaml'), RECORD);
    symlinkSync(outside, path.join(ws, 'docs'));
    writeFileSync(path.join(ws, '.adrift.yaml'), 'decisions: docs/adr\n');
    const lint = await adrift('lint');
    assert.match(lint.out, /^\.adrift\.yaml:1:12 .*leads outside the workspace folder through a symbolic link/m, lint.out);
    const r = await adrift('new', 'general', 'Use a queue');
    assert.equal(r.code, 2, r.out);
    assert.deepEqual(readdirSync(path.join(outside, 'adr')), ['0001-use-modules.yaml'], 'no record was added outside');
  });

  it('the default folder reached through a symbolic link is refused too', async () => {
    rmSync(path.join(ws, 'docs'), { recursive: true });
    mkdirSync(path.join(outside, 'adr'));
    symlinkSync(outside, path.join(ws, 'docs'));
    const r = await adrift('init');
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /refused to write docs\/adr\/0001-.*symbolic link/);
    assert.deepEqual(readdirSync(path.join(outside, 'adr')), []);
  });

  it('overview --out, export --out and --decisions outside the workspace are refused', async () => {
    for (const argv of [
      ['overview', '--out', '../outside/architecture.md'],
      ['overview', '--out', path.join(outside, 'architecture.md')],
      ['export', '--format', 'madr', '--out', outside],
      ['new', 'general', 'Use a queue', '--decisions', '../outside'],
    ]) {
      const r = await adrift(...argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.out}`);
      assert.match(r.out, /refused to write .*outside the workspace folder/, r.out);
    }
    nothingOutside();
  });

  it('confineToWorkspace: lexical and through links', async () => {
    assert.equal(lexicallyInside('/ws', 'docs/adr'), '/ws/docs/adr');
    assert.equal(lexicallyInside('/ws', 'docs/../../x'), undefined);
    assert.equal(lexicallyInside('/ws', '/wsx/a'), undefined);
    const fs = new NodeFileSystem();
    writeFileSync(path.join(outside, 'target.yaml'), RECORD);
    symlinkSync(path.join(outside, 'target.yaml'), path.join(ws, 'docs/adr/0002-link.yaml'));
    await assert.rejects(confineToWorkspace(fs, ws, 'docs/adr/0002-link.yaml'), OutsideWorkspaceError);
    assert.equal(await confineToWorkspace(fs, ws, 'docs/adr/new/0003-x.yaml'), path.join(ws, 'docs/adr/new/0003-x.yaml'));
    assert.equal(existsSync(path.join(ws, 'docs/adr/new')), false, 'checking creates nothing');
  });
});
