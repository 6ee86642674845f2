// Issue 16 item 2: the scan cache holds extractions and resolutions, trusts an unchanged stat
// and checks content by hash otherwise, and never gives a finding a scan without it would not.
// Runs on a real folder through the CLI's file-system port (the one with stat and batch reads).

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ImportResolver, SourceAnalyzer } from '../../../../src/core/engine/analyzer';
import { decodeEntries, encodeEntries, type CacheEntry } from '../../../../src/core/engine/cache-format';
import type { Slicer } from '../../../../src/core/engine/slice';
import { RACY_MS } from '../../../../src/core/engine/cache';
import { checkWorkspace } from '../../../../src/core/engine/check';
import { extractFile } from '../../../../src/core/engine/extract';
import type { Resolution } from '../../../../src/core/engine/types';
import { createSourceAnalyzer } from '../../../../src/core/engine/front-end';
import { createResolver } from '../../../../src/core/engine/resolve';
import type { BatchRead, ReadOptions } from '../../../../src/core/fs/port';
import { NodeFileSystem } from '../../../../src/core/fs/node';

// Ticket may not use billing, in each of the three languages.
const DECISION = [
  'id: 4',
  'title: Keep tickets out of billing',
  'date: 2026-12-02',
  'status: accepted',
  'enforce:',
  '  modules:',
  '    billing:',
  '      paths: [src/billing/**, go/billing/**, py/billing/**]',
  '    ticket:',
  '      paths: [src/ticket/**, go/ticket/**, py/ticket/**]',
  '      uses: []',
  '  undeclared: deny',
  '',
].join('\n');

const FILES: Record<string, string> = {
  'docs/adr/0004-keep-tickets-out-of-billing.yaml': DECISION,
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@billing/*': ['src/billing/*'] } } }),
  'src/billing/invoice.ts': 'export const invoice = 1;\n',
  'src/billing/tax.ts': 'export const tax = 2;\n',
  'src/ticket/service.ts': "import { invoice } from '@billing/invoice';\nexport const t = invoice;\n",
  'src/ticket/quiet.ts': "// adrift-ignore module-dependency -- reviewed\nimport { tax } from '../billing/tax';\nexport const q = tax;\n",
  'src/ticket/clean.ts': 'export const clean = 0;\n',
  'go.mod': 'module example.com/svc\n\ngo 1.22\n',
  'go/billing/b.go': 'package billing\n\nconst B = 1\n',
  'go/ticket/t.go': 'package ticket\n\nimport "example.com/svc/go/billing"\n\nvar T = billing.B\n',
  'py/billing/__init__.py': '',
  'py/billing/ledger.py': 'LEDGER = 1\n',
  'py/ticket/__init__.py': '',
  'py/ticket/handler.py': 'from py.billing import ledger\n',
};

/** The CLI's port, counting the source files it reads. */
class CountingFileSystem extends NodeFileSystem {
  read: string[] = [];
  override readFilesSync(paths: readonly string[], each: (index: number, read: BatchRead) => void, options?: ReadOptions): void {
    this.read.push(...paths);
    super.readFilesSync(paths, each, options);
  }
}

/** The real front end, counting extractions and resolutions. */
function counting(fs: NodeFileSystem, root: string): SourceAnalyzer & { extracted: string[]; resolved: string[] } {
  const real = createSourceAnalyzer(fs, root, {});
  const out = {
    ...real,
    extracted: [] as string[],
    resolved: [] as string[],
    extract(file: string, text: string) {
      out.extracted.push(file);
      return extractFile(file, text);
    },
    async createResolver(files: readonly string[]): Promise<ImportResolver> {
      const r = await real.createResolver(files);
      return {
        ...r,
        resolve: (from, ref) => (out.resolved.push(from), r.resolve(from, ref)),
        resolveAll: r.resolveAll && ((from, ref) => (out.resolved.push(from), r.resolveAll!(from, ref))),
        fileAdded: r.fileAdded?.bind(r),
        fileRemoved: r.fileRemoved?.bind(r),
        inputsKey: r.inputsKey?.bind(r),
      };
    },
  };
  return out;
}

/** Every finding of the workspace as one string per finding. */
function lines(findings: { rule: string; file: string; range: { start: { line: number } }; message: string }[]): string[] {
  return findings.map((f) => `${f.rule} ${f.file}:${f.range.start.line + 1} ${f.message}`);
}

describe('the scan cache: stat, hash and resolutions (issue 16)', function () {
  this.timeout(60_000);
  let tmp: string;
  let root: string;
  let cacheHome: string | undefined;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'adrift-scan-cache-'));
    root = path.join(tmp, 'ws').replace(/\\/g, '/');
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    cacheHome = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = path.join(tmp, 'cache');
  });
  afterEach(() => {
    if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = cacheHome;
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A check with the cache, and the same check without it: the findings must be equal. */
  async function checkBoth(): Promise<{ fs: CountingFileSystem; analyzer: ReturnType<typeof counting>; findings: string[]; cached: number }> {
    const fs = new CountingFileSystem();
    const analyzer = counting(fs, root);
    const warm = await checkWorkspace(fs, root, { baseline: false, analyzer });
    const cold = await checkWorkspace(new NodeFileSystem(), root, { baseline: false, cache: false });
    assert.deepEqual(lines(warm.findings), lines(cold.findings), 'the cached check finds exactly what an uncached one finds');
    return { fs, analyzer, findings: lines(warm.findings), cached: warm.stats.cached };
  }

  const sources = (list: string[]): string[] => [...new Set(list.map((p) => path.posix.relative(root, p)))].filter((f) => !f.includes('..')).sort();

  /** Lets every file age past the racy window, so the next scan records their stats. */
  const age = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));

  it('reads only what changed: same stat → not read, same hash → not extracted, same inputs → not resolved', async () => {
    const first = await checkBoth();
    assert.equal(first.cached, 0);
    assert.equal(first.analyzer.extracted.length, 11, 'the cold scan extracts every source file');
    const drift = first.findings.filter((f) => f.startsWith('module-dependency'));
    assert.equal(drift.length, 3, drift.join('\n'));

    // Files just written may change again within the same clock tick: their stats are not trusted yet.
    const racy = await checkBoth();
    assert.equal(sources(racy.fs.read.filter((p) => !p.includes('/cache/'))).length, 11, 'young files are read and hashed');
    assert.deepEqual(racy.analyzer.extracted, [], 'but not extracted again');
    assert.deepEqual(racy.analyzer.resolved, [], 'nor resolved again');

    await age();
    await checkBoth(); // records the stats, now old enough
    const warm = await checkBoth();
    assert.deepEqual(sources(warm.fs.read), ['src/ticket/quiet.ts'], 'only the file whose suppression needs its text is read');
    assert.deepEqual(warm.analyzer.extracted, []);
    assert.deepEqual(warm.analyzer.resolved, []);
    assert.equal(warm.cached, 11);

    // Touched, not changed: read and hashed, neither extracted nor resolved.
    const now = Date.now() / 1000;
    utimesSync(path.join(root, 'src/billing/tax.ts'), now, now);
    const touched = await checkBoth();
    assert.deepEqual(sources(touched.fs.read), ['src/billing/tax.ts', 'src/ticket/quiet.ts']);
    assert.deepEqual(touched.analyzer.extracted, []);
    assert.deepEqual(touched.analyzer.resolved, []);
  });

  it('an edit of the same size with the mtime put back is still seen (the ctime changed)', async () => {
    const file = path.join(root, 'src/ticket/clean.ts');
    // A whole second an hour ago, so that putting it back is exact.
    const mtime = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(file, mtime, mtime);
    await checkBoth();
    await age();
    await checkBoth();
    const before = statSync(file);
    // Same length as 'export const clean = 0;\n', and now it imports billing.
    const edited = "import '@billing/tax';\n\n";
    assert.equal(edited.length, FILES['src/ticket/clean.ts'].length);
    writeFileSync(file, edited);
    utimesSync(file, mtime, mtime);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    assert.equal(statSync(file).size, before.size);
    const after = await checkBoth();
    assert.deepEqual(after.analyzer.extracted, ['src/ticket/clean.ts']);
    assert.ok(after.findings.some((f) => f.startsWith('module-dependency src/ticket/clean.ts:1')), after.findings.join('\n'));
  });

  it('a renamed or deleted file changes the resolutions of the files that import it', async () => {
    await checkBoth();
    await age();
    await checkBoth();
    renameSync(path.join(root, 'src/billing/invoice.ts'), path.join(root, 'src/billing/bill.ts'));
    const renamed = await checkBoth();
    assert.deepEqual(renamed.analyzer.extracted, ['src/billing/bill.ts'], 'only the renamed file is extracted');
    assert.ok(renamed.analyzer.resolved.includes('src/ticket/service.ts'), 'the file set changed: imports are resolved again');
    assert.ok(!renamed.findings.some((f) => f.startsWith('module-dependency src/ticket/service.ts')), 'the import of the old name leads nowhere now');

    unlinkSync(path.join(root, 'go/billing/b.go'));
    const deleted = await checkBoth();
    assert.deepEqual(deleted.analyzer.extracted, []);
    assert.ok(!deleted.findings.some((f) => f.startsWith('module-dependency go/ticket/t.go')), 'the Go package it imported is gone');
  });

  it('a settings file that changes invalidates the resolutions of its own language only', async () => {
    await checkBoth();
    // The alias now leads into ticket itself: the import of @billing/invoice resolves nowhere.
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@billing/*': ['src/ticket/*'] } } }));
    const ts = await checkBoth();
    assert.deepEqual([...new Set(ts.analyzer.resolved)].sort(), ['src/ticket/quiet.ts', 'src/ticket/service.ts'], 'the files with imports, TypeScript only');
    assert.ok(!ts.findings.some((f) => f.startsWith('module-dependency src/ticket/service.ts')));

    writeFileSync(path.join(root, 'go.mod'), 'module example.com/other\n\ngo 1.22\n');
    const go = await checkBoth();
    assert.deepEqual([...new Set(go.analyzer.resolved)].sort(), ['go/ticket/t.go']);
    assert.ok(!go.findings.some((f) => f.startsWith('module-dependency go/ticket/t.go')), 'the import names a module that is not this one any more');

    writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "svc"\n');
    const py = await checkBoth();
    assert.deepEqual([...new Set(py.analyzer.resolved)].sort(), ['py/ticket/handler.py']);
  });

  it('gives each language its own key, changed by its settings files and by the file set', async () => {
    const fs = new NodeFileSystem();
    const files = Object.keys(FILES).filter((f) => /\.(ts|go|py)$/.test(f));
    const keys = async (list = files): Promise<string[]> => {
      const r = await createResolver(fs, root, list, { configFiles: ['go.mod', 'tsconfig.json'] });
      return ['src/ticket/service.ts', 'go/ticket/t.go', 'py/ticket/handler.py'].map((f) => r.inputsKey(f) ?? '');
    };
    const base = await keys();
    assert.equal(new Set(base).size, 3);
    assert.deepEqual(await keys(), base, 'the same inputs give the same keys');
    writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": {} }');
    const ts = await keys();
    assert.deepEqual([ts[0] !== base[0], ts[1] === base[1], ts[2] === base[2]], [true, true, true]);
    writeFileSync(path.join(root, 'go.mod'), 'module example.com/x\n');
    const go = await keys();
    assert.deepEqual([go[0] === ts[0], go[1] !== ts[1], go[2] === ts[2]], [true, true, true]);
    const fewer = await keys(files.filter((f) => f !== 'src/billing/tax.ts'));
    assert.ok(fewer.every((k, i) => k !== go[i]), 'a file less changes every key');
    const r = await createResolver(fs, root, files, { configFiles: ['go.mod', 'tsconfig.json'] });
    const before = r.inputsKey('src/ticket/service.ts');
    r.fileRemoved('src/billing/tax.ts');
    assert.notEqual(r.inputsKey('src/ticket/service.ts'), before, 'the key follows the editor\'s removed files');
    r.fileAdded('src/billing/tax.ts');
    assert.equal(r.inputsKey('src/ticket/service.ts'), before);
  });

  it('encodes every cached entry so that it decodes to the same value', async () => {
    const entries = new Map<string, CacheEntry>();
    for (const [file, text] of Object.entries(FILES)) {
      const extracted = extractFile(file, text);
      if ('skipped' in extracted) continue;
      entries.set(file, {
        hash: `h-${file}`,
        stat: { size: text.length, mtimeMs: 1764658000123.4567, ctimeMs: 1764658000999.5, ino: 2 ** 40 + 3 },
        extracted,
        resolved: { key: 'k', targets: extracted.imports.map((_, i) => [{ kind: 'file', path: 'a.ts' }, { kind: 'external', packageName: 'p' }, { kind: 'builtin', name: 'os' }, { kind: 'unresolved' }, { kind: 'unresolved', local: true }, { kind: 'unresolved', local: false }].slice(i % 6) as Resolution[]) },
      });
    }
    entries.set('no-stat.ts', { hash: 'x', extracted: { language: 'typescript', imports: [{ specifier: 'ü', range: { start: { line: 1, column: 2 }, end: { line: 300, column: 70000 } }, kind: 'import-equals', typeOnly: true, names: [] }], dataAccess: [{ kind: 'prisma', name: 'user', range: { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } } }], suppressions: [{ rule: 'r', reason: 'why', range: { start: { line: 0, column: 0 }, end: { line: 0, column: 9 } } }] } });
    const bytes = await encodeEntries(entries);
    assert.deepEqual(await decodeEntries(bytes), entries);
    await assert.rejects(() => decodeEntries(bytes.subarray(0, bytes.length - 1)));
    // Sliced as the editor slices it (a slicer always due pauses after every entry): the same bytes, the same entries.
    const always: Slicer = { due: () => true, pause: () => new Promise((resolve) => setImmediate(resolve)) };
    assert.deepEqual(await encodeEntries(entries, always), bytes);
    assert.deepEqual(await decodeEntries(bytes, always), entries);
  });
});
