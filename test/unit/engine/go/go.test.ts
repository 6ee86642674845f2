import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractFile } from '../../../../src/core/engine/extract';
import { listSourceFiles } from '../../../../src/core/engine/files';
import { parseModFile } from '../../../../src/core/engine/languages/go/modfile';
import { createResolver, type Resolver } from '../../../../src/core/engine/resolve';
import type { ExtractedFile, Resolution } from '../../../../src/core/engine/types';
import { NodeFileSystem } from '../../../../src/core/fs/node';

const FIXTURE = path.resolve('test/fixtures/engine/go/workspace');
const fs = new NodeFileSystem();

function extract(file: string, text: string): ExtractedFile {
  const x = extractFile(file, text);
  assert.ok(!('skipped' in x), 'skipped');
  return x;
}

function show(r: Resolution): string {
  if (r.kind === 'file') return r.path;
  if (r.kind === 'external') return `external ${r.packageName}`;
  if (r.kind === 'builtin') return `builtin ${r.name}`;
  return r.local ? 'unresolved local' : 'unresolved';
}

describe('Go extraction', () => {
  it('reads single, grouped, aliased, dot, blank and raw-string imports, with comments between them, and leaves out import "C"', () => {
    const text = `// doc\npackage main\n\nimport "fmt"\nimport (\n\t// why\n\t"a/b" /* c */\n\tx "c/d"\n\t. "e/f"\n\t_ "g/h"\n\t\`i/j\`\n\t"C"\n\t"\\x6bl"\n)\nimport k "l/m"; import ()\n\nfunc main() {}\n`;
    const x = extract('cmd/main.go', text);
    assert.equal(x.language, 'go');
    assert.deepEqual(x.imports.map((i) => i.specifier), ['fmt', 'a/b', 'c/d', 'e/f', 'g/h', 'i/j', 'kl', 'l/m']);
    // The range is the literal with its quotes.
    const fmt = x.imports[0].range;
    assert.deepEqual([fmt.start.line, fmt.start.column, fmt.end.column], [3, 7, 12]);
  });

  it('stops at the first declaration: strings and runes later in the file are not imports', () => {
    const text = 'package p\n\nimport "ok"\n\nconst q = \'"\'\nvar s = `\nimport "no"\n`\nfunc f() { _ = "import \\"no\\"" }\n';
    assert.deepEqual(extract('p.go', text).imports.map((i) => i.specifier), ['ok']);
  });

  it('reads a rune holding a quote or a backtick without losing its place', () => {
    const text = "package p\n\nimport (\n\t\"a\"\n)\n\nvar r = '`'\nvar q = '\\''\nconst sql = `SELECT id FROM jobs WHERE id = 1`\n";
    const x = extract('p.go', text);
    assert.deepEqual(x.imports.map((i) => i.specifier), ['a']);
    assert.deepEqual(x.dataAccess.map((d) => `${d.kind} ${d.name}`), ['sql jobs']);
  });

  it('finds SQL in strings and raw strings, GORM Table("…") and Model(&T{}), and adrift-ignore comments', async () => {
    const store = extract('server/store/store.go', await fsp.readFile(path.join(FIXTURE, 'server/store/store.go'), 'utf8'));
    assert.deepEqual(store.dataAccess.map((d) => `${d.kind} ${d.name}`), ['sql jobs', 'orm builds', 'orm Agent']);
    const jobs = extract('agent/runner/jobs.go', await fsp.readFile(path.join(FIXTURE, 'agent/runner/jobs.go'), 'utf8'));
    assert.deepEqual(jobs.suppressions.map((s) => `${s.rule} -- ${s.reason} @${s.range.start.line}`), ['data-ownership -- the agent reads its own job cache table @4']);
    assert.deepEqual(jobs.dataAccess.map((d) => `${d.kind} ${d.name} @${d.range.start.line}`), ['sql jobs @5']);
  });

  it('finds the table of a sqlc query, which starts with its -- name: comment', () => {
    const text = 'package db\n\nconst getUser = `-- name: GetUser :one\nSELECT id, email FROM users\nWHERE id = $1\n`\n\nconst note = "-- not SQL at all"\n';
    assert.deepEqual(extract('db/query.sql.go', text).dataAccess.map((d) => `${d.kind} ${d.name} @${d.range.start.line}:${d.range.start.column}`), ['sql users @3:22']);
  });

  it('reads a file with build constraints for another system, and a generated file', async () => {
    const windows = extract('r.go', await fsp.readFile(path.join(FIXTURE, 'agent/runner/runner_windows.go'), 'utf8'));
    assert.deepEqual(windows.imports.map((i) => i.specifier), ['golang.org/x/sys/windows']);
    const generated = extract('s.go', await fsp.readFile(path.join(FIXTURE, 'server/store/store.go'), 'utf8'));
    assert.equal(generated.imports.length, 2);
  });

  it('reads every literal of a long generated table (40,000 SQL strings)', () => {
    const body = 'var x = []string{' + '"SELECT a FROM t",\n'.repeat(40_000) + '}\n';
    const x = extract('gen.go', `package gen\n\nimport "fmt"\n\n${body}`);
    assert.equal(x.imports.length, 1);
    assert.equal(x.dataAccess.length, 40_000);
    assert.equal(x.dataAccess[39_999].range.start.line, 40_003); // 0-based: the header is 4 lines, the table starts on the same line as its first string
  });
});

describe('go.mod and go.work', () => {
  it('reads module, require, replace (single and block) and use, with comments and quotes', () => {
    const mod = parseModFile('module "example.com/m" // the module\n\nrequire (\n\ta.com/b v1.0.0\n)\nreplace a.com/b v1.0.0 => ../b\nreplace (\n\tc.com/d => c.com/e v1.2.3\n)\nuse ./x\n');
    assert.equal(mod.module, 'example.com/m');
    assert.deepEqual(mod.requires, ['a.com/b']);
    assert.deepEqual(mod.replaces.map((r) => `${r.from}=>${r.to} ${r.local}`), ['a.com/b=>../b true', 'c.com/d=>c.com/e false']);
    assert.deepEqual(mod.uses.map((u) => u.path), ['./x']);
    assert.deepEqual(mod.problems, []);
  });

  it('says where a malformed go.mod is wrong, and keeps the rest', () => {
    const mod = parseModFile('module example.com/m\nrequire a.com/b\nreplace x =>\nfrobnicate\nrequire (\n');
    assert.equal(mod.module, 'example.com/m');
    assert.deepEqual(mod.problems.map((p) => `${p.line}:${p.column}+${p.length}: ${p.message}`), [
      '2:9+7: require needs a module path and a version: Adrift skips this line and reads the rest of the file',
      '3:9+4: replace must read "module [version] => target [version]": Adrift skips this line and reads the rest of the file',
      '4:1+10: unknown directive "frobnicate": Adrift skips this line and reads the rest of the file',
      '5:1+7: "require (" is never closed: Adrift reads every line after it as one of its entries',
    ]);
  });
});

describe('Go resolution (fixture go.work workspace)', () => {
  let resolver: Resolver;
  let files: string[];

  before(async () => {
    const listing = await listSourceFiles(fs, FIXTURE);
    files = listing.files;
    resolver = await createResolver(fs, FIXTURE, listing.files, { configFiles: listing.configFiles });
  });

  async function resolutions(file: string): Promise<string[]> {
    const x = extract(file, await fsp.readFile(path.join(FIXTURE, file), 'utf8'));
    return x.imports.map((ref) => `${ref.specifier} → ${show(resolver.resolve(file, ref))}`);
  }

  it('leaves vendor/ and testdata/ out of the scan', () => {
    assert.ok(files.every((f) => !f.includes('/vendor/') && !f.includes('/testdata/')), files.join(', '));
    assert.ok(files.includes('agent/runner/runner_ext_test.go'));
  });

  it('leads an import to its package folder (its first non-test file), through the module, go.work and local replace', async () => {
    assert.deepEqual(await resolutions('agent/cmd/agent/main.go'), [
      'fmt → builtin fmt',
      'example.com/ci/agent/runner → agent/runner/jobs.go',
      'example.com/ci/server/store → server/store/store.go',
      'example.com/ci/shared/proto → shared/proto/proto.go',
      'github.com/lib/pq → external github.com/lib/pq',
      'gopkg.in/yaml.v3 → external gopkg.in/yaml.v3',
      'os → builtin os',
    ]);
  });

  it('names a third-party package by the module it requires, and says when a module-local package is missing', async () => {
    assert.deepEqual(await resolutions('server/store/store.go'), ['context → builtin context', 'github.com/jackc/pgx/v5/pgxpool → external github.com/jackc/pgx/v5']);
    assert.deepEqual(await resolutions('agent/runner/jobs.go'), ['database/sql → builtin database/sql', 'example.com/ci/agent/missing → unresolved local']);
  });

  /** Modules a (importing example.com/b/lib) and b in a temporary folder, a's go.mod as given. */
  async function twoModules(aGoMod: (dir: string) => string): Promise<{ dir: string; resolve: () => Promise<{ shown: string; problems: Resolver['problems'] }> }> {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'adrift-go-'));
    await fsp.mkdir(path.join(dir, 'a'), { recursive: true });
    await fsp.mkdir(path.join(dir, 'b/lib'), { recursive: true });
    await fsp.writeFile(path.join(dir, 'a/go.mod'), aGoMod(dir));
    await fsp.writeFile(path.join(dir, 'a/a.go'), 'package a\nimport "example.com/b/lib"\n');
    await fsp.writeFile(path.join(dir, 'b/go.mod'), 'module example.com/b\n');
    await fsp.writeFile(path.join(dir, 'b/lib/lib.go'), 'package lib\n');
    const resolve = async (): Promise<{ shown: string; problems: Resolver['problems'] }> => {
      const listing = await listSourceFiles(fs, dir);
      const r = await createResolver(fs, dir, listing.files, { configFiles: listing.configFiles });
      const x = extract('a/a.go', 'package a\nimport "example.com/b/lib"\n');
      return { shown: show(r.resolve('a/a.go', x.imports[0])), problems: r.problems };
    };
    return { dir, resolve };
  }

  it('does not reach a module the go.work does not use: shared is the agent\'s replace only', async () => {
    const { dir, resolve } = await twoModules(() => 'module example.com/a\nreplace example.com/x => ../../outside\n');
    assert.deepEqual(await resolve(), {
      shown: 'external example.com/b/lib',
      problems: [{ file: 'a/go.mod', at: { line: 1, column: 25 }, length: 13, message: 'replace example.com/x => ../../outside points outside the workspace: Adrift does not follow it, so imports of example.com/x count as a third-party module' }],
    });
    await fsp.writeFile(path.join(dir, 'go.work'), 'use (\n\t./a\n\t./b\n)\n');
    assert.equal((await resolve()).shown, 'b/lib/lib.go');
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('follows a replace to an absolute path inside the workspace, as to a relative one', async () => {
    const { dir, resolve } = await twoModules((d) => `module example.com/a\nreplace example.com/b => ${d}/b\n`);
    assert.deepEqual(await resolve(), { shown: 'b/lib/lib.go', problems: [] });
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
