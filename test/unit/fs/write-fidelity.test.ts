// Issue 17 item 8: a rewritten record keeps its mode; a multi-file edit is all or nothing
// even when the process is killed (SIGKILL) in the middle; Adrift's orphan temp files go.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { JOURNAL, NodeFileSystem } from '../../../src/core/fs/node';
import { adrift, CLI } from '../cli/run-cli';

const record = (id: number, title: string) => `id: ${id}\ntitle: ${title}\nstatus: proposed\ndate: 2026-11-27\n`;
const PAIRS = 300;

function duplicateLog(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'adrift-fidelity-'));
  const adr = path.join(ws, 'docs/adr');
  mkdirSync(adr, { recursive: true });
  for (let i = 1; i <= PAIRS; i++) {
    const id = String(i).padStart(4, '0');
    writeFileSync(path.join(adr, `${id}-from-main.yaml`), record(i, `From main ${i}`));
    writeFileSync(path.join(adr, `${id}-from-branch.yaml`), record(i, `From branch ${i}`));
  }
  return ws;
}

/** 'before' (untouched), 'after' (fully renumbered) or a description of the mess. */
function stateOf(adr: string): string {
  const names = readdirSync(adr);
  const strays = names.filter((n) => n.endsWith('.tmp') || n === JOURNAL);
  if (strays.length) return `${strays.length} stray files (${strays.slice(0, 3).join(', ')})`;
  const ids = names.map((n) => Number(/^id: (\d+)$/m.exec(readFileSync(path.join(adr, n), 'utf8'))?.[1]));
  const mismatched = names.filter((n, i) => Number(n.slice(0, 4)) !== ids[i]).length;
  const unique = new Set(ids).size;
  if (names.length === 2 * PAIRS && unique === PAIRS && mismatched === 0) return 'before';
  if (names.length === 2 * PAIRS && unique === 2 * PAIRS && mismatched === 0) return 'after';
  return `${names.length} files, ${unique} ids, ${mismatched} names not matching their id`;
}

/** Starts `adrift renumber` and SIGKILLs it once `ready` holds for the decisions folder. */
function killRenumber(ws: string, ready: (names: string[]) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'renumber', ws], { stdio: 'ignore' });
    let killed = false;
    const poll = setInterval(() => {
      let names: string[] = [];
      try {
        names = readdirSync(path.join(ws, 'docs/adr'));
      } catch {
        return;
      }
      if (ready(names)) {
        killed = child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 1);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(killed);
    });
  });
}

describe('write fidelity (issue 17 item 8)', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
  });

  const points: [string, (names: string[]) => boolean][] = [
    ['while staging', (n) => n.filter((x) => x.endsWith('.tmp')).length > PAIRS / 2],
    ['after the commit point', (n) => n.includes(JOURNAL)],
    ['while renaming', (n) => n.includes(JOURNAL) && n.filter((x) => x.endsWith('.tmp')).length < PAIRS / 2],
  ];
  for (const [when, ready] of points) {
    it(`a renumber of ${PAIRS} records killed ${when} leaves, after the next run, a consistent log and no temp files`, async function () {
      this.timeout(60_000);
      const ws = duplicateLog();
      temps.push(ws);
      const killed = await killRenumber(ws, ready);
      const next = adrift(['list', ws]);
      assert.equal(next.code, 0, next.stderr);
      const state = stateOf(path.join(ws, 'docs/adr'));
      assert.ok(state === 'before' || state === 'after', `killed=${killed}: ${state}`);
      if (state === 'before') {
        const again = adrift(['renumber', ws]);
        assert.equal(again.code, 0, again.stderr);
        assert.equal(stateOf(path.join(ws, 'docs/adr')), 'after');
      }
    });
  }

  it('keeps the mode of a rewritten record', async () => {
    const ws = duplicateLog();
    temps.push(ws);
    const file = path.join(ws, 'docs/adr/0001-from-main.yaml');
    chmodSync(file, 0o640);
    assert.equal(adrift(['status', '1', 'accepted', '--decisions', 'docs/adr', ws]).code, 2, 'duplicate ids: status refuses');
    writeFileSync(path.join(ws, 'docs/adr/0001-from-branch.yaml'), record(301, 'Moved'));
    const r = adrift(['status', '1', 'accepted', ws]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(file, 'utf8'), /status: accepted/);
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it('deletes its own orphan temp files on the next write, and nobody else\'s', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'adrift-orphans-'));
    temps.push(dir);
    const orphan = '.0001-x.yaml.999999999-0123456789ab.tmp';
    writeFileSync(path.join(dir, orphan), 'half');
    writeFileSync(path.join(dir, 'notes.tmp'), 'mine');
    writeFileSync(path.join(dir, '.editor.swp.tmp'), 'mine');
    await new NodeFileSystem().writeAtomic([{ path: path.join(dir, '0001-x.yaml'), text: 'id: 1\n' }]);
    assert.deepEqual(readdirSync(dir).sort(), ['.editor.swp.tmp', '0001-x.yaml', 'notes.tmp']);
  });

  it('names the record, not its temp file, when it cannot be written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'adrift-unwritable-'));
    temps.push(dir);
    writeFileSync(path.join(dir, 'adr'), 'a file where the folder should be');
    await assert.rejects(new NodeFileSystem().writeAtomic([{ path: path.join(dir, 'adr/0001-x.yaml'), text: 'id: 1\n' }]), (err: Error) => {
      assert.match(err.message, /^could not write .*adr\/0001-x\.yaml: /);
      assert.doesNotMatch(err.message, /\.tmp/);
      return true;
    });
  });
});

describe('overview --out and export --out never replace a hand-written file (issue 17 item 8)', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
  });

  it('refuses without --force, replaces its own output, and replaces anything with --force', function () {
    this.timeout(60_000);
    const ws = mkdtempSync(path.join(tmpdir(), 'adrift-force-'));
    temps.push(ws);
    mkdirSync(path.join(ws, 'docs/adr'), { recursive: true });
    writeFileSync(path.join(ws, 'docs/adr/0001-use-modules.yaml'), record(1, 'Use modules').replace('proposed', 'accepted'));
    const handWritten = '# Our architecture\n\nWritten by hand over two years.\n';
    writeFileSync(path.join(ws, 'docs/architecture.md'), handWritten);
    mkdirSync(path.join(ws, 'adr-export'));
    writeFileSync(path.join(ws, 'adr-export/0001-use-modules.md'), handWritten);
    writeFileSync(path.join(ws, 'adr-export/decisions.json'), '{"mine": true}\n');

    const overview = adrift(['overview', '--out', 'docs/architecture.md', ws]);
    assert.equal(overview.code, 2);
    assert.match(overview.stderr, /refusing to overwrite docs\/architecture\.md: Adrift did not generate it .*pass --force/);
    for (const format of ['madr', 'json-adr']) {
      const r = adrift(['export', '--format', format, ws]);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, /refusing to overwrite adr-export\/(0001-use-modules\.md|decisions\.json)/);
    }
    assert.equal(readFileSync(path.join(ws, 'docs/architecture.md'), 'utf8'), handWritten, 'nothing was overwritten');
    assert.equal(readFileSync(path.join(ws, 'adr-export/0001-use-modules.md'), 'utf8'), handWritten);

    assert.equal(adrift(['overview', '--out', 'docs/architecture.md', '--force', ws]).code, 0);
    assert.match(readFileSync(path.join(ws, 'docs/architecture.md'), 'utf8'), /adrift:generated/);
    assert.equal(adrift(['overview', '--out', 'docs/architecture.md', ws]).code, 0, 'its own output is replaced without --force');
    assert.equal(adrift(['export', '--format', 'madr', '--force', ws]).code, 0);
    assert.equal(adrift(['export', '--format', 'madr', ws]).code, 0);
    assert.equal(adrift(['export', '--format', 'json-adr', '--force', ws]).code, 0);
    assert.equal(adrift(['export', '--format', 'json-adr', ws]).code, 0);
  });
});

describe('a write journal that came with the repository (hostile input)', () => {
  it('listing a folder with a crafted journal neither deletes nor moves a file outside that folder', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'adrift-journal-'));
    try {
      const adr = path.join(ws, 'repo/docs/adr');
      mkdirSync(adr, { recursive: true });
      const victim = path.join(ws, 'outside-secret.txt');
      const moved = path.join(ws, 'outside-moved.txt');
      writeFileSync(victim, 'keep me');
      writeFileSync(moved, 'keep me too');
      // A pid that cannot be alive, so the temp name also looks orphaned.
      const journal = { steps: [{ tmp: moved, target: path.join(ws, 'outside-overwritten.txt') }], remove: [victim] };
      writeFileSync(path.join(adr, JOURNAL), JSON.stringify(journal));
      await new NodeFileSystem().readDirectory(adr);
      assert.equal(readFileSync(victim, 'utf8'), 'keep me', 'a file outside the journal folder was deleted');
      assert.equal(readFileSync(moved, 'utf8'), 'keep me too', 'a file outside the journal folder was moved');
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('nor renames a file of the folder that is not one of Adrift\'s temp files over a record', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'adrift-journal-'));
    try {
      const adr = path.join(ws, 'docs/adr');
      mkdirSync(adr, { recursive: true });
      writeFileSync(path.join(adr, '0001-a.yaml'), record(1, 'A'));
      writeFileSync(path.join(adr, 'notes.txt'), 'hand-written');
      const journal = { steps: [{ tmp: path.join(adr, 'notes.txt'), target: path.join(adr, '0001-a.yaml') }], remove: [] };
      writeFileSync(path.join(adr, JOURNAL), JSON.stringify(journal));
      await new NodeFileSystem().readDirectory(adr);
      assert.equal(readFileSync(path.join(adr, '0001-a.yaml'), 'utf8'), record(1, 'A'));
      assert.equal(readFileSync(path.join(adr, 'notes.txt'), 'utf8'), 'hand-written');
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
