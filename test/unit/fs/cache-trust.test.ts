// Issue 17 item 1: a cache that came with the repository must never hide drift. Runs the
// built CLI on a real git repository without node_modules (a Python-style service).

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI } from '../cli/run-cli';
import { decodeEntries, encodeEntries } from '../../../src/core/engine/cache-format';

const DECISION = [
  'id: 1',
  'title: Split the service into modules',
  'status: accepted',
  'date: 2026-11-27',
  'enforce:',
  '  undeclared: deny',
  '  modules:',
  '    ticket:',
  '      paths: [src/ticket/**]',
  '    billing:',
  '      paths: [src/billing/**]',
  '',
].join('\n');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

function check(cwd: string, cacheHome: string, ...extra: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...extra], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome } });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** Every scan cache file under `dir` (this layout, and the JSON one of format 2). */
function cacheFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== '.git') walk(p);
      else if (e.name === 'scan-cache.bin' || e.name === 'extractions.json') out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Sets every cached `imports` to [] the way an attacker would, whatever the cache's layout. */
async function blankImports(file: string): Promise<void> {
  if (file.endsWith('.bin')) {
    // A header line, then the encoded entries: blanked and encoded again, the header kept.
    const bytes = readFileSync(file);
    const nl = bytes.indexOf(0x0a);
    const entries = await decodeEntries(bytes.subarray(nl + 1));
    for (const e of entries.values()) {
      e.extracted.imports = [];
      e.resolved = undefined;
    }
    writeFileSync(file, Buffer.concat([bytes.subarray(0, nl + 1), await encodeEntries(entries)]));
    return;
  }
  const blank = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(blank);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'imports' ? [] : blank(x)]));
  };
  // Each line that is JSON is rewritten (the cache may be one JSON document or a header line and a body).
  const lines = readFileSync(file, 'utf8').split('\n').map((line) => {
    try {
      return JSON.stringify(blank(JSON.parse(line)));
    } catch {
      return line;
    }
  });
  writeFileSync(file, lines.join('\n'));
}

describe('the extraction cache (issue 17 item 1)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'adrift-cache-trust-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function repository(): string {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'docs/adr'), { recursive: true });
    mkdirSync(path.join(repo, 'src/ticket'), { recursive: true });
    mkdirSync(path.join(repo, 'src/billing'), { recursive: true });
    writeFileSync(path.join(repo, 'docs/adr/0001-split-the-service-into-modules.yaml'), DECISION);
    writeFileSync(path.join(repo, 'src/billing/invoice.ts'), 'export const invoice = 1;\n');
    writeFileSync(path.join(repo, 'src/ticket/service.ts'), "import { invoice } from '../billing/invoice';\nexport const t = invoice;\n");
    git(repo, 'init', '-q');
    return repo;
  }

  it('a cache with blanked imports, committed and cloned, does not hide the drift', async () => {
    const repo = repository();
    const cacheHome = path.join(tmp, 'cache-home');
    assert.equal(check(repo, cacheHome).code, 1, 'the drift is found');
    // The attacker's cache: whatever the first run left in the work tree, tampered; and, in
    // case nothing was left there, the layout Adrift used to write, planted by hand.
    let planted = cacheFiles(repo);
    if (planted.length === 0) {
      const own = cacheFiles(cacheHome);
      assert.equal(own.length, 1, 'the cache went to the user cache folder');
      mkdirSync(path.join(repo, '.adrift-cache'));
      writeFileSync(path.join(repo, '.adrift-cache', path.basename(own[0])), readFileSync(own[0]));
      planted = cacheFiles(repo);
    }
    for (const f of planted) await blankImports(f);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'tampered cache');
    const clone = path.join(tmp, 'clone');
    git(tmp, 'clone', '-q', repo, clone);
    assert.equal(check(clone, path.join(tmp, 'fresh-cache-home'), '--no-cache').code, 1, '--no-cache finds the drift');
    assert.equal(check(clone, path.join(tmp, 'fresh-cache-home')).code, 1, 'with the cache, the drift is still found');
  });

  it('writes nothing into the work tree, and keeps the cache in XDG_CACHE_HOME/adrift keyed by the workspace path', () => {
    const repo = repository();
    const cacheHome = path.join(tmp, 'cache-home');
    check(repo, cacheHome);
    assert.equal(git(repo, 'status', '--porcelain', '--untracked-files=all').split('\n').filter((l) => !/ (docs|src)\//.test(l) && l).length, 0, 'no untracked file besides the workspace\'s own');
    const files = cacheFiles(cacheHome);
    assert.equal(files.length, 1);
    assert.ok(files[0].startsWith(path.join(cacheHome, 'adrift') + path.sep), files[0]);
    assert.equal(statSync(path.join(path.dirname(files[0]), 'cache.key')).mode & 0o777, 0o600, 'the key is private to the user');
    // A second workspace gets a cache of its own.
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'workspace');
    const other = path.join(tmp, 'other');
    git(tmp, 'clone', '-q', repo, other);
    check(other, cacheHome);
    assert.equal(cacheFiles(cacheHome).length, 2);
  });

  it('does not trust its own cache once an entry was edited behind its back', async () => {
    const repo = repository();
    const cacheHome = path.join(tmp, 'cache-home');
    assert.equal(check(repo, cacheHome).code, 1);
    const [file] = cacheFiles(cacheHome);
    await blankImports(file);
    assert.ok(statSync(file).size > 0);
    assert.equal(check(repo, cacheHome).code, 1, 'a tampered entry is not used');
  });
});
