// Issue 17 item 10: a FIFO, a device or a huge file where Adrift expects a small text file.
// FIFOs are tried in child processes with a timeout: a blocked open would otherwise hang the
// test run itself, which is exactly what the issue saw.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MAX_READ_BYTES, NodeFileSystem } from '../../../src/core/fs/node';
import { CLI, REPO } from '../cli/run-cli';

const DECISION = 'id: 1\ntitle: Split into modules\nstatus: accepted\ndate: 2026-11-27\nenforce:\n  modules:\n    app:\n      paths: [src/**]\n';
const LIMIT_MS = 8_000;

function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'adrift-special-'));
  mkdirSync(path.join(ws, 'docs/adr'), { recursive: true });
  mkdirSync(path.join(ws, 'src'));
  writeFileSync(path.join(ws, 'docs/adr/0001-split-into-modules.yaml'), DECISION);
  writeFileSync(path.join(ws, 'src/app.ts'), 'export const app = 1;\n');
  return ws;
}

function run(args: string[], cwd: string): { code: number | null; out: string; ms: number; killed: boolean } {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: LIMIT_MS, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(cwd, '..', `${path.basename(cwd)}-cache`) } });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, ms: Date.now() - started, killed: r.signal !== null };
}

const adrift = (cwd: string, ...args: string[]) => run([CLI, ...args], cwd);

describe('special files (issue 17 item 10)', () => {
  const temps: string[] = [];
  const ws = () => {
    const w = workspace();
    temps.push(w, `${w}-cache`);
    return w;
  };
  afterEach(() => {
    for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
  });

  for (const name of ['.adrift.yaml', '.gitignore', '.adrift-baseline.json']) {
    it(`check and lint finish when ${name} is a FIFO`, function () {
      this.timeout(3 * LIMIT_MS);
      const w = ws();
      execFileSync('mkfifo', [path.join(w, name)]);
      const check = adrift(w, 'check');
      assert.equal(check.killed, false, `check hung on a FIFO ${name} (${check.ms} ms)`);
      const lint = adrift(w, 'lint');
      assert.equal(lint.killed, false, `lint hung on a FIFO ${name}`);
      if (name !== '.gitignore') assert.match(check.out, new RegExp(`${name.replace('.', '\\.')}.*not a regular file \\(a FIFO\\)`), check.out);
      else assert.equal(check.code, 0, check.out);
    });
  }

  it('the config loader reports a FIFO .adrift.yaml as a finding instead of blocking', function () {
    this.timeout(2 * LIMIT_MS);
    const w = ws();
    execFileSync('mkfifo', [path.join(w, '.adrift.yaml')]);
    const script = `require(${JSON.stringify(path.join(REPO, 'out/src/core/config.js'))}).loadConfig(new (require(${JSON.stringify(path.join(REPO, 'out/src/core/fs/node.js'))}).NodeFileSystem)(), process.cwd()).then((c) => console.log(JSON.stringify(c.findings.map((f) => f.message))))`;
    const r = run(['-e', script], w);
    assert.equal(r.killed, false, 'loadConfig hung');
    assert.match(r.out, /could not read \.adrift\.yaml: not a regular file \(a FIFO\)/);
  });

  it('a symlink to /dev/zero is refused before anything is read', async function () {
    this.timeout(LIMIT_MS);
    const w = ws();
    symlinkSync('/dev/zero', path.join(w, 'zero.ts'));
    const before = process.memoryUsage().rss;
    const started = Date.now();
    await assert.rejects(new NodeFileSystem().readText(path.join(w, 'zero.ts')), /not a regular file \(a character device\)/);
    assert.ok(Date.now() - started < 1000, 'refused at once');
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'nothing large was read');
  });

  it('check and lint do not read a committed .adrift.yaml or .gitignore that links to /dev/zero', function () {
    this.timeout(3 * LIMIT_MS);
    for (const name of ['.adrift.yaml', '.gitignore']) {
      const w = ws();
      symlinkSync('/dev/zero', path.join(w, name));
      for (const cmd of ['check', 'lint']) {
        const r = adrift(w, cmd);
        assert.equal(r.killed, false, `${cmd} with ${name} → /dev/zero took over ${LIMIT_MS} ms`);
        assert.ok(r.ms < 3000, `${cmd} with ${name} → /dev/zero took ${r.ms} ms`);
        if (name === '.adrift.yaml') assert.match(r.out, /\.adrift\.yaml.*not a regular file \(a character device\)/, r.out);
      }
    }
  });

  it('caps every read by size: a larger file is refused without being read', async () => {
    const w = ws();
    const big = path.join(w, 'big.ts');
    writeFileSync(big, '');
    truncateSync(big, MAX_READ_BYTES + 1);
    const fs = new NodeFileSystem();
    await assert.rejects(fs.readText(big), /larger than 16 MB/);
    truncateSync(big, 1000);
    assert.equal((await fs.readText(big))?.length, 1000);
    await assert.rejects(fs.readText(big, { maxBytes: 999 }), /larger than/);
    assert.equal(await fs.readText(path.join(w, 'missing.ts')), undefined);
  });

  it('a source file that links to /dev/zero or is a FIFO is skipped with a note', function () {
    this.timeout(2 * LIMIT_MS);
    const w = ws();
    symlinkSync('/dev/zero', path.join(w, 'src/zero.ts'));
    execFileSync('mkfifo', [path.join(w, 'src/pipe.ts')]);
    const r = adrift(w, 'check', '--format', 'json');
    assert.equal(r.killed, false);
    assert.equal(r.code, 0, r.out);
    const report = JSON.parse(r.out) as { skipped: { file: string; reason: string }[] };
    assert.deepEqual(report.skipped, [
      { file: 'src/pipe.ts', reason: 'not a regular file (a FIFO, device or socket)' },
      { file: 'src/zero.ts', reason: 'not a regular file (a FIFO, device or socket)' },
    ]);
  });
});
