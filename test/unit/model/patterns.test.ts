// Pattern modules: a key with captures expands to one module per folder, sorted by name,
// with the captures filled into paths, public entries and uses; bad capture values, name
// clashes and patterns that match no folder are findings at the record.

import * as assert from 'node:assert/strict';
import { foldModel } from '../../../src/core/model/fold';
import { checkModelAgainstFiles, noSourceFile } from '../../../src/core/model/check-files';
import { captureName, couldExpandTo, expandPatterns, foldersOf, isPatternKey, modulesOfKey } from '../../../src/core/model/patterns';
import { ModuleMap } from '../../../src/core/engine/modules';
import { Layering, layersForbid } from '../../../src/core/model/layers';
import { parseRecord } from '../../../src/core/records/parse';
import { formatFindingLine } from '../../../src/core/findings';
import { WorkspaceIndex } from '../../../src/core/engine/index';
import { MemoryFileSystem, relativeAnalyzer } from '../engine/check/memory';

const rec = (id: number, body: string) => parseRecord(`docs/adr/${String(id).padStart(4, '0')}-r.yaml`, `id: ${id}\ntitle: Record ${id}\nstatus: accepted\ndate: 2026-11-01\n${body}`);

const SERVICES = rec(3, `enforce:
  modules:
    platform:
      paths: [platform/**]
    service-{name}:
      paths: ["services/{name}/**"]
      public: ["services/{name}/index.ts"]
      uses: [platform, "{name}-db"]
    "{name}-db":
      paths: ["db/{name}/**"]
    web:
      paths: [web/**]
      uses: ["service-{name}"]
`);

const FILES = ['platform/a.ts', 'services/orders/index.ts', 'services/orders/deep/x.ts', 'services/billing/index.ts', 'db/billing/r.ts', 'web/app.ts', 'services/README.md'];

describe('pattern modules', () => {
  it('expands one module per matching folder, sorted by name, at the pattern\'s place', () => {
    const model = expandPatterns(foldModel([SERVICES]), FILES);
    assert.deepEqual([...model.modules.keys()], ['platform', 'service-billing', 'service-orders', 'billing-db', 'web']);
    const billing = model.modules.get('service-billing')!;
    assert.deepEqual(billing.paths, ['services/billing/**']);
    assert.deepEqual(billing.public, ['services/billing/index.ts']);
    assert.deepEqual(billing.uses.map((u) => u.value), ['platform', 'billing-db']);
    assert.deepEqual(billing.pattern, { key: 'service-{name}', captures: { name: 'billing' }, folders: ['services/billing'] });
    assert.equal(billing.definedBy.id, 3);
    assert.equal(billing.pathSources![0].decision.line, SERVICES.rangeOf(['enforce', 'modules', 'service-{name}', 'paths', 0]).start.line);
    // A plain module naming the pattern's key may use all its modules.
    assert.deepEqual(model.modules.get('web')!.uses.map((u) => u.value), ['service-billing', 'service-orders']);
    assert.deepEqual(modulesOfKey(model, 'service-{name}'), ['service-billing', 'service-orders']);
    assert.deepEqual(modulesOfKey(model, 'platform'), ['platform']);
    assert.deepEqual(modulesOfKey(model, 'nothing-{x}'), []);
    assert.equal(ModuleMap.of(model).moduleOf('services/orders/deep/x.ts'), 'service-orders');
    assert.equal(ModuleMap.of(model).isPublic('service-orders', 'services/orders/deep/x.ts'), false);
  });

  it('gives the same model whatever order the files come in, and re-expands from the declarations', () => {
    const a = expandPatterns(foldModel([SERVICES]), FILES);
    const b = expandPatterns(foldModel([SERVICES]), [...FILES].reverse());
    assert.deepEqual([...b.modules.keys()], [...a.modules.keys()]);
    assert.deepEqual(JSON.stringify([...b.modules.values()]), JSON.stringify([...a.modules.values()]));
    // Expanded before the scan (no files), then with them: web's uses still name the pattern.
    const again = expandPatterns(expandPatterns(foldModel([SERVICES]), []), FILES);
    assert.deepEqual(again.modules.get('web')!.uses.map((u) => u.value), ['service-billing', 'service-orders']);
    const fewer = expandPatterns(a, FILES.filter((f) => !f.startsWith('services/orders')));
    assert.deepEqual(modulesOfKey(fewer, 'service-{name}'), ['service-billing']);
  });

  it('makes capture values module names, and reports a folder whose name cannot be one at the glob', async () => {
    assert.equal(captureName('Order_Intake'), 'order-intake');
    const r = rec(4, `enforce:
  modules:
    "{name}":
      paths: ["packages/{name}/src/**"]
`);
    const files = ['packages/Web_App/src/a.ts', 'packages/2fa/src/b.ts', 'packages/core/src/c.ts', 'packages/core/test/t.ts'];
    const model = expandPatterns(foldModel([r]), files);
    assert.deepEqual([...model.modules.keys()], ['core', 'web-app']);
    assert.deepEqual(model.modules.get('web-app')!.paths, ['packages/Web_App/src/**']);
    const found = (await checkModelAgainstFiles(model, files)).map(formatFindingLine);
    assert.deepEqual(found, [
      'docs/adr/0004-r.yaml:8:15 decision-reference pattern {name}: folder packages/2fa gives the module name "2fa", which is not a module name (lower-case letters, digits and dashes, starting with a letter); rename the folder or narrow the glob',
    ]);
  });

  it('reports a pattern that matches no folder at its key, but not before there is code', async () => {
    const r = rec(5, `enforce:
  modules:
    job-{name}:
      paths: ["jobs/{name}/**"]
`);
    const model = expandPatterns(foldModel([r]), ['src/a.ts']);
    assert.equal(model.modules.size, 0);
    assert.deepEqual((await checkModelAgainstFiles(model, ['src/a.ts'])).map(formatFindingLine), [
      'docs/adr/0005-r.yaml:7:1 decision-reference pattern job-{name}: "jobs/{name}/**" matches no folder with source files, so it declares no module (a renamed or deleted folder?)',
    ]);
    assert.deepEqual(await checkModelAgainstFiles(expandPatterns(foldModel([r]), []), []), []);
  });

  it('reports a plain module, or a second pattern, giving a name an expansion has, naming both', async () => {
    const r = rec(6, `enforce:
  modules:
    service-billing:
      paths: [legacy/billing/**]
    service-{name}:
      paths: ["services/{name}/**"]
    svc-{name}:
      paths: ["apps/{name}/**"]
    "{name}":
      paths: ["apps/{name}/**"]
`);
    const files = ['legacy/billing/a.ts', 'services/billing/b.ts', 'services/orders/c.ts', 'apps/service-orders/d.ts'];
    const model = expandPatterns(foldModel([r]), files);
    assert.deepEqual([...model.modules.keys()], ['service-billing', 'service-orders', 'svc-service-orders']);
    assert.deepEqual(model.modules.get('service-billing')!.paths, ['legacy/billing/**']);
    const found = (await checkModelAgainstFiles(model, files)).map(formatFindingLine).filter((l) => l.includes('has that name'));
    assert.deepEqual(found, [
      'docs/adr/0006-r.yaml:9:1 decision-reference pattern service-{name} gives module service-billing (from service-{name}, ADR-0006, folder services/billing), but module service-billing (ADR-0006) has that name; a name names one module: rename one, or narrow the pattern\'s paths',
      'docs/adr/0006-r.yaml:13:1 decision-reference pattern {name} gives module service-orders (from {name}, ADR-0006, folder apps/service-orders), but module service-orders (from service-{name}, ADR-0006, folder services/orders) has that name; a name names one module: rename one, or narrow the pattern\'s paths',
    ]);
  });

  it('adds a later record\'s entry without paths to the expanded module of that name', async () => {
    const later = rec(10, `enforce:
  modules:
    service-orders:
      uses: [service-billing]
`);
    const model = expandPatterns(foldModel([SERVICES, later]), FILES);
    const orders = model.modules.get('service-orders')!;
    assert.deepEqual(orders.uses.map((u) => [u.value, u.decision.id]), [['platform', 3], ['orders-db', 3], ['service-billing', 10]]);
    assert.deepEqual(orders.paths, ['services/orders/**']);
    assert.deepEqual(orders.changedBy.map((d) => d.id), [10]);
    assert.deepEqual([...model.modules.keys()], ['platform', 'service-billing', 'service-orders', 'billing-db', 'web']);
    assert.deepEqual((await checkModelAgainstFiles(model, FILES)).filter((f) => f.message.includes('has that name')), []);
  });

  it('reports two folders that give one module name, keeping the first', async () => {
    const r = rec(9, `enforce:
  modules:
    service-{name}:
      paths: ["services/{name}/**"]
`);
    const files = ['services/a_b/x.ts', 'services/a-b/y.ts'];
    const model = expandPatterns(foldModel([r]), files);
    assert.deepEqual(model.modules.get('service-a-b')!.paths, ['services/a-b/**']);
    assert.deepEqual((await checkModelAgainstFiles(model, files)).map(formatFindingLine), [
      'docs/adr/0009-r.yaml:8:15 decision-reference pattern service-{name}: folders services/a-b and services/a_b both give the module name service-a-b; rename one folder or narrow the glob',
    ]);
  });

  it('reports a glob or key naming a capture the key does not have', async () => {
    const r = rec(7, `enforce:
  modules:
    app-{name}:
      paths: ["apps/{team}/**"]
`);
    const found = (await checkModelAgainstFiles(expandPatterns(foldModel([r]), ['apps/x/a.ts']), ['apps/x/a.ts'])).map(formatFindingLine);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /"apps\/\{team\}\/\*\*" names \{team\}, which the key does not capture/);
    assert.match(found[1], /no path names all of its captures \(\{name\}\)/);
  });

  it('lets enforce.layers name a pattern key: every expanded module is in that layer', () => {
    const r = rec(11, `enforce:
  modules:
    web:
      paths: [web/**]
    service-{name}:
      paths: ["services/{name}/**"]
  layers:
    - [web]
    - ["service-{name}"]
`);
    const model = expandPatterns(foldModel([r]), ['web/a.ts', 'services/billing/b.ts', 'services/orders/c.ts']);
    assert.equal(Layering.of(model).layerOf('service-orders')?.name, 'service-{name}');
    assert.equal(layersForbid(model, 'service-billing', 'web'), true);
    assert.equal(layersForbid(model, 'web', 'service-billing'), false);
  });

  it('knows keys from names, and folders from files', () => {
    assert.equal(isPatternKey('service-{name}'), true);
    assert.equal(isPatternKey('service'), false);
    assert.deepEqual(foldersOf(['a/b/c.ts', 'a/d.ts', 'e.ts']), ['a', 'a/b']);
    assert.equal(couldExpandTo('service-{name}', 'service-billing'), true);
    assert.equal(couldExpandTo('{name}', 'server'), true);
    assert.equal(couldExpandTo('service-{name}', 'billing'), false);
    assert.equal(couldExpandTo('billing', 'billing'), false);
  });

  it('says what a glob matched when it matched no source file', async () => {
    assert.equal(noSourceFile(new Map([['.json', 2], ['.md', 10]])), 'matches 12 files but no source file (.md, .json)');
    assert.equal(noSourceFile(new Map([['.md', 1]])), 'matches 1 file but no source file (.md)');
    const r = rec(8, `enforce:
  modules:
    docs:
      paths: [docs/**]
`);
    const found = (await checkModelAgainstFiles(foldModel([r]), ['src/a.ts'], async () => new Map([['.md', 10], ['.json', 2]]))).map(formatFindingLine);
    assert.equal(found.length, 1);
    assert.match(found[0], /module docs: path "docs\/\*\*" matches 12 files but no source file \(\.md, \.json\); Adrift checks /);
  });
});

describe('pattern modules in the index the editor keeps', () => {
  const ROOT = '/ws';
  const files = {
    'platform/a.ts': 'export const a = 1;\n',
    'services/orders/index.ts': "import { a } from '../../platform/a';\nexport const o = a;\n",
    'web/app.ts': "import { o } from '../services/orders';\nexport const app = o;\n",
  };
  const show = (findings: readonly { file: string; rule: string; message: string }[]) => findings.map((f) => `${f.file} ${f.rule} ${f.message}`).sort();

  /** What a scan from scratch reports for the workspace as it is now. */
  async function fresh(fs: MemoryFileSystem): Promise<string[]> {
    const index = new WorkspaceIndex(fs, ROOT, {}, foldModel([SERVICES]), relativeAnalyzer(fs, ROOT), { cache: false });
    await index.scan();
    return show(index.findings());
  }

  it('adds the module of a folder that gains its first file, and drops it with the last, as a scan would', async () => {
    const fs = new MemoryFileSystem(ROOT, files);
    const index = new WorkspaceIndex(fs, ROOT, {}, foldModel([SERVICES]), relativeAnalyzer(fs, ROOT), { cache: false });
    await index.scan();
    assert.deepEqual(modulesOfKey(index.model, 'service-{name}'), ['service-orders']);

    // A new service, typed in the editor: its own module at once, and its import of web is drift.
    const text = "import { app } from '../../web/app';\nexport const p = app;\n";
    const found = index.checkFile('services/payments/index.ts', text);
    assert.deepEqual(modulesOfKey(index.model, 'service-{name}'), ['service-orders', 'service-payments']);
    assert.equal(index.moduleOf('services/payments/index.ts'), 'service-payments');
    assert.ok(found.some((f) => f.rule === 'module-dependency' && /module "service-payments" \(from service-\{name\}, ADR-0003\)/.test(f.message)), show(found).join('\n'));
    await fs.writeAtomic([{ path: `${ROOT}/services/payments/index.ts`, text }]);
    assert.deepEqual(show(index.findings()), await fresh(fs));

    // A second file in a known folder changes nothing; removing every file of the folder drops the module.
    index.checkFile('services/payments/more.ts', 'export const m = 1;\n');
    assert.deepEqual(modulesOfKey(index.model, 'service-{name}'), ['service-orders', 'service-payments']);
    index.removeFile('services/payments/more.ts');
    index.removeFile('services/payments/index.ts');
    assert.deepEqual(modulesOfKey(index.model, 'service-{name}'), ['service-orders']);
    fs.files.delete(`${ROOT}/services/payments/index.ts`);
    assert.deepEqual(show(index.findings()), await fresh(fs));
  });
});
