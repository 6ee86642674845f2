// Every rule on Go code, and Go's bad input, end to end: the fixture workspace
// test/fixtures/engine/go/rules plants one finding per rule (each line says why in a comment),
// and a copy of it with a broken go.mod, go.work and a Latin-1 .go file shows each problem
// as a finding at its place while every other finding stays (issue 12).

import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, type CheckResult } from '../../../../src/core/engine/check';
import type { Finding } from '../../../../src/core/findings';
import { NodeFileSystem } from '../../../../src/core/fs/node';
import { adrift } from '../../cli/run-cli';

const FIXTURE = path.resolve('test/fixtures/engine/go/rules');
const fs = new NodeFileSystem();

const at = (f: Finding): string => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.rule}`;

function check(root: string): Promise<CheckResult> {
  return checkWorkspace(fs, root, { cache: false, baseline: false });
}

/** A copy of the fixture to change, removed after the test. */
function copy(temps: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'adrift-go-rules-'));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

// In string order, as the tests sort what they compare.
const PLANTED = [
  'api/client/client.go:10:45 data-ownership',
  'api/handler/handler.go:9:2 forbidden-import',
  'api/handler/handler_ext_test.go:7:2 module-dependency',
  'api/handler/handler_test.go:6:2 module-dependency',
  'scripts/seed/main.go:1:1 unassigned-file',
  'store/db/db.go:6:2 module-cycle',
  'store/db/db.go:6:2 module-dependency',
  'store/db/models_gen.go:5:8 module-cycle',
  'store/db/models_gen.go:5:8 module-dependency',
  'tools/cli/cli.go:6:4 forbidden-package',
  'worker/queue/queue.go:16:14 data-ownership',
  'worker/queue/queue.go:6:2 private-import',
  'worker/queue/queue_windows.go:5:8 module-dependency',
];

describe('Go: every rule on Go code (fixture go/rules)', function () {
  this.timeout(60_000);
  let result: CheckResult;
  const temps: string[] = [];

  before(async () => {
    result = await check(FIXTURE);
  });
  after(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('finds exactly the planted findings: all seven rules, each on its import line or literal', () => {
    assert.deepEqual(result.findings.map(at).sort(), PLANTED);
    const rules = new Set(result.findings.map((f) => f.rule));
    for (const rule of ['module-dependency', 'private-import', 'forbidden-package', 'forbidden-import', 'module-cycle', 'data-ownership', 'unassigned-file']) assert.ok(rules.has(rule as Finding['rule']), rule);
    assert.deepEqual(result.stats.unresolvedLocal, []);
  });

  it('reads _test.go files of both kinds: package handler and package handler_test', () => {
    const inPackage = result.findings.find((f) => f.file === 'api/handler/handler_test.go');
    const external = result.findings.find((f) => f.file === 'api/handler/handler_ext_test.go');
    assert.match(inPackage?.message ?? '', /module "api" may not use module "worker"/);
    assert.match(external?.message ?? '', /module "api" may not use module "tools"/);
  });

  it('reads a file whatever its //go:build constraint: a windows-only file is checked on any machine', () => {
    assert.match(readFileSync(path.join(FIXTURE, 'worker/queue/queue_windows.go'), 'utf8'), /^\/\/go:build windows\n/);
    assert.ok(result.findings.some((f) => f.file === 'worker/queue/queue_windows.go' && f.rule === 'module-dependency'));
  });

  it('a public entry naming a package folder makes its files public; other folders of the module stay private', () => {
    const queue = result.findings.filter((f) => f.file === 'worker/queue/queue.go' && f.rule === 'private-import');
    assert.deepEqual(queue.map((f) => f.range.start.line + 1), [6]); // line 7 imports api/handler: public
    assert.match(queue[0].message, /only its public entries \(api\/handler\) may be imported/);
  });

  it('forbidding github.com/lib/pq forbids its subpackage github.com/lib/pq/oid', () => {
    const pq = result.findings.find((f) => f.rule === 'forbidden-package');
    assert.equal(pq?.file, 'tools/cli/cli.go');
    assert.match(pq?.message ?? '', /imports package "github\.com\/lib\/pq", which ADR-0001 .* rules out: the service uses pgx/);
    assert.equal(result.index.factsOf('tools/cli/cli.go')?.resolutions[1].kind, 'external');
  });

  it("does not report Go's own internal/ rule again: imports of internal packages are judged by the records alone", () => {
    // tools → store/internal/pool: Go refuses it (store/ is not tools' parent); tools may use store, so no finding.
    // api/handler → api/internal/auth: inside its own tree. Only the record's imports.forbid flags api → store/internal.
    const internal = result.findings.filter((f) => /internal/.test(f.message));
    assert.deepEqual(internal.map(at), ['api/handler/handler.go:9:2 forbidden-import']);
    const tools = result.index.factsOf('tools/cli/cli.go');
    assert.ok(tools?.resolutions.some((r) => r.kind === 'file' && r.path === 'store/internal/pool/pool.go'));
  });

  it('recognises the standard library and leaves out import "C"', () => {
    const cgo = result.index.factsOf('tools/cli/cgo.go');
    assert.deepEqual(cgo?.extracted.imports.map((i) => i.specifier), ['os']);
    assert.deepEqual(cgo?.resolutions, [{ kind: 'builtin', name: 'os' }]);
    const handler = result.index.factsOf('api/handler/handler.go');
    assert.deepEqual(handler?.resolutions[0], { kind: 'builtin', name: 'net/http' });
  });

  it('leaves vendor/ and testdata/ out: their imports are never findings', () => {
    const files = result.index.sourceFiles();
    assert.equal(files.length, 13);
    assert.ok(!files.some((f) => f.startsWith('vendor/') || f.includes('/testdata/')), files.join(', '));
  });

  it('an adrift-ignore comment with a reason silences the data-ownership finding on the next line, and only that', () => {
    const file = 'worker/queue/queue.go';
    assert.ok(!result.findings.some((f) => f.file === file && f.range.start.line + 1 === 18));
    const text = readFileSync(path.join(FIXTURE, file), 'utf8');
    const without = text.replace(/\t\/\/ adrift-ignore .*\n/, '');
    assert.notEqual(without, text);
    const found = result.index.checkFile(file, without).map(at);
    assert.ok(found.includes(`${file}:17:30 data-ownership`), found.join('\n'));
    result.index.checkFile(file, text);
  });

  it('reads generated files, and exclude in .adrift.yaml leaves them out', async () => {
    assert.match(readFileSync(path.join(FIXTURE, 'store/db/models_gen.go'), 'utf8'), /^\/\/ Code generated by sqlc\. DO NOT EDIT\./);
    const dir = copy(temps);
    writeFileSync(path.join(dir, '.adrift.yaml'), 'severity:\n  unassigned-file: warning\nexclude: ["**/*_gen.go"]\n');
    const excluded = await check(dir);
    assert.deepEqual(excluded.findings.map(at).sort(), PLANTED.filter((p) => !p.startsWith('store/db/models_gen.go')));
    assert.ok(!excluded.index.sourceFiles().includes('store/db/models_gen.go'));
  });
});

describe('Go: bad input is one finding at its place, and nothing else is lost', function () {
  this.timeout(120_000);
  const temps: string[] = [];
  let dir: string;

  const BAD = [
    'api/handler/latin1.go:3:7 skipped-file',
    'go.mod:5:1 skipped-file',
    'go.mod:6:28 skipped-file',
    'go.work:5:2 skipped-file',
    'plugin/go.mod:1:1 skipped-file',
  ];

  before(() => {
    dir = copy(temps);
    // A bad directive (line 5), a replace out of the workspace (line 6, at its target, column 28); the rest is read.
    writeFileSync(
      path.join(dir, 'go.mod'),
      'module example.com/svc\n\ngo 1.22\n\nfrobnicate now\nreplace example.com/old => ../../elsewhere/old\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.5.0\n\tgithub.com/lib/pq v1.10.9\n\tgorm.io/gorm v1.25.0\n)\n',
    );
    // A go.work whose second use leads out of the workspace.
    writeFileSync(path.join(dir, 'go.work'), 'go 1.22\n\nuse (\n\t.\n\t../outside\n)\n');
    // A nested go.mod without its module line; its file still counts, as the root module's.
    mkdirSync(path.join(dir, 'plugin'));
    writeFileSync(path.join(dir, 'plugin/go.mod'), '// no module line\ngo 1.22\n');
    writeFileSync(path.join(dir, 'plugin/plugin.go'), 'package plugin\n\nimport "example.com/old/thing"\n\nvar _ = thing.X\n');
    // Latin-1 bytes in a comment before the import: the import is still read (api → worker).
    writeFileSync(path.join(dir, 'api/handler/latin1.go'), Buffer.concat([Buffer.from('package handler\n\n// caf'), Buffer.from([0xe9]), Buffer.from(' au lait\nimport "example.com/svc/worker/queue"\n\nvar _ = queue.Name\n')]));
  });
  after(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('each problem is a skipped-file finding at its line and column; every planted finding stays', async () => {
    const result = await check(dir);
    const found = result.findings.map(at);
    assert.deepEqual(found.filter((f) => f.endsWith('skipped-file')).sort(), BAD);
    const rest = found.filter((f) => !f.endsWith('skipped-file'));
    for (const p of PLANTED) assert.ok(rest.includes(p), `${p} was lost`);
    assert.ok(rest.includes('api/handler/latin1.go:4:8 module-dependency'), rest.join('\n'));
    assert.ok(rest.includes('plugin/plugin.go:1:1 unassigned-file'), rest.join('\n'));
    const byFile = new Map(result.findings.filter((f) => f.rule === 'skipped-file').map((f) => [`${f.file}:${f.range.start.line + 1}`, f.message]));
    assert.match(byFile.get('go.mod:5') ?? '', /^unknown directive "frobnicate": Adrift skips this line and reads the rest of the file$/);
    // The range covers the directive (for the editor's squiggle) and the replace's target.
    const ranges = result.findings.filter((f) => f.file === 'go.mod').map((f) => `${f.range.start.column}-${f.range.end.column}`);
    assert.deepEqual(ranges, ['0-14', '27-46']);
    assert.match(byFile.get('go.mod:6') ?? '', /^replace example\.com\/old => \.\.\/\.\.\/elsewhere\/old points outside the workspace: Adrift does not follow it/);
    assert.match(byFile.get('go.work:5') ?? '', /^use \.\.\/outside points outside the workspace/);
    assert.match(byFile.get('plugin/go.mod:1') ?? '', /has no module directive/);
    assert.match(byFile.get('api/handler/latin1.go:3') ?? '', /^byte 0xE9 is not valid UTF-8/);
    // The replacement outside is not followed: example.com/old stays a third-party module.
    assert.deepEqual(result.index.factsOf('plugin/plugin.go')?.resolutions, [{ kind: 'external', packageName: 'example.com/old/thing' }]);
  });

  it('an unterminated block and a missing module line each point at their line', async () => {
    const other = copy(temps);
    writeFileSync(path.join(other, 'go.mod'), 'go 1.22\n\nrequire (\n\tgithub.com/lib/pq v1.10.9\n');
    const result = await check(other);
    const bad = result.findings.filter((f) => f.rule === 'skipped-file').map((f) => `${at(f)} ${f.message}`);
    assert.deepEqual(bad, [
      'go.mod:1:1 skipped-file go.mod has no module directive, so imports of its packages are not resolved into its folder',
      'go.mod:3:1 skipped-file "require (" is never closed: Adrift reads every line after it as one of its entries',
    ]);
    // Without a module path nothing resolves into the workspace, but every file is still read and checked.
    assert.equal(result.stats.files, 13);
    assert.ok(result.findings.some((f) => f.rule === 'forbidden-package'));
  });

  it('the CLI shows them the same way as text, JSON and SARIF', () => {
    const text = adrift(['check', dir, '--no-cache']);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^ {2}go\.mod:5:1 skipped-file unknown directive "frobnicate"/m);
    assert.match(text.stdout, /^ {2}api\/handler\/latin1\.go:3:7 skipped-file byte 0xE9 is not valid UTF-8/m);

    const json = JSON.parse(adrift(['check', dir, '--no-cache', '--format', 'json']).stdout) as { findings: { rule: string; file: string; line: number; column: number }[] };
    const jsonBad = json.findings.filter((f) => f.rule === 'skipped-file').map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
    assert.deepEqual(jsonBad.sort(), BAD);

    interface SarifResult {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }
    const sarif = JSON.parse(adrift(['check', dir, '--no-cache', '--format', 'sarif']).stdout) as { runs: { results: SarifResult[] }[] };
    const sarifBad = sarif.runs[0].results
      .filter((r) => r.ruleId === 'skipped-file')
      .map((r) => {
        const loc = r.locations[0].physicalLocation;
        return `${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn} ${r.ruleId}`;
      })
      .sort();
    assert.deepEqual(sarifBad, BAD);
  });
});
