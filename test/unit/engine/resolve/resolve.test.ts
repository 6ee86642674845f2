import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { NodeFileSystem } from '../../../../src/core/fs/node';
import { listSourceFiles } from '../../../../src/core/engine/files';
import { extractFile } from '../../../../src/core/engine/extract';
import { createResolver, type Resolver } from '../../../../src/core/engine/resolve';
import type { ImportRef, Resolution } from '../../../../src/core/engine/types';
import { engineFixture } from '../extract/fixtures';

const FIXTURE = engineFixture('monorepo');

function show(r: Resolution): string {
  switch (r.kind) {
    case 'file':
      return r.path;
    case 'external':
      return `external ${r.packageName}`;
    case 'builtin':
      return `builtin ${r.name}`;
    default:
      return r.local ? 'unresolved local' : 'unresolved';
  }
}

/** Every import of `file` as `specifier → where it leads`. */
async function resolutions(resolver: Resolver, file: string): Promise<string[]> {
  const text = await fsp.readFile(path.join(FIXTURE, file), 'utf8');
  const extracted = extractFile(file, text);
  assert.ok(!('skipped' in extracted));
  return extracted.imports.map((ref) => `${ref.specifier} → ${resolver.resolveAll(file, ref).map(show).join(' + ')}`);
}

function ref(specifier: string, names?: string[]): ImportRef {
  return { specifier, names, kind: 'import', typeOnly: false, range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } } };
}

describe('import resolution (fixture monorepo)', () => {
  let resolver: Resolver;
  let files: string[];

  before(async () => {
    const fs = new NodeFileSystem();
    const listing = await listSourceFiles(fs, FIXTURE);
    files = listing.files;
    resolver = await createResolver(fs, FIXTURE, new Set(listing.files), { configFiles: listing.configFiles });
  });

  it('resolves relative paths, index files, .js written for .ts, tsconfig paths, #imports and workspace packages', async () => {
    assert.deepEqual(await resolutions(resolver, 'apps/web/src/app.tsx'), [
      'react → external react',
      './components/Button → apps/web/src/components/Button.tsx',
      './components → apps/web/src/components/index.ts',
      '@/lib/util → apps/web/src/lib/util.ts',
      './lib/util.js → apps/web/src/lib/util.ts',
      '@shared/index → packages/shared/src/index.ts',
      '@fixture/shared/format → packages/shared/src/format.ts',
      '@fixture/shared → packages/shared/src/index.ts',
      '#internal/secret → apps/web/src/internal/secret.ts',
      '#config → apps/web/src/config.ts',
      '#dep → external left-pad',
      'config → apps/web/src/config.ts',
      'node:fs → builtin node:fs',
      'path → builtin path',
      './styles.css → apps/web/src/styles.css',
      './does-not-exist → unresolved local',
      '@/nowhere → unresolved local',
      './lazy → apps/web/src/lazy.ts',
    ]);
  });

  it('uses the tsconfig nearest to each file, with paths inherited through extends', async () => {
    // admin's tsconfig extends the base without paths of its own: `@shared/*` resolves
    // against the base's folder, and `@/*` (web's alias) means nothing here.
    assert.deepEqual(await resolutions(resolver, 'apps/admin/src/main.ts'), [
      '@shared/index → packages/shared/src/index.ts',
      '@/lib/util → unresolved',
    ]);
  });

  it('follows extends into a workspace package and resolves baseUrl imports', async () => {
    assert.deepEqual(await resolutions(resolver, 'apps/api/src/server.ts'), [
      'db/client → apps/api/src/db/client.ts',
      './routes/users → apps/api/src/routes/users.ts',
      '@fixture/lib → packages/lib/src/index.ts',
      'plain-pkg → packages/plain/src/index.ts',
      'express → external express',
      '@types/pg → external @types/pg',
    ]);
    // worker's tsconfig extends a package config whose `${configDir}` means worker's folder.
    assert.deepEqual(await resolutions(resolver, 'apps/worker/src/job.ts'), ['@lib/util → packages/lib/src/util.ts', '~/queue → apps/worker/src/queue.ts']);
    assert.deepEqual(resolver.problems, []);
  });

  it('resolves Python imports in a src layout: absolute, relative by level, submodules, stdlib, external', async () => {
    assert.deepEqual(await resolutions(resolver, 'services/py/src/helpdesk/api/routes.py'), [
      '__future__ → builtin __future__',
      'os.path → builtin os.path',
      'typing → builtin typing',
      'sqlalchemy → external sqlalchemy',
      '. → services/py/src/helpdesk/api/deps.py',
      '.. → services/py/src/helpdesk/models.py',
      '..models → services/py/src/helpdesk/models.py',
      'helpdesk.api.deps → services/py/src/helpdesk/api/deps.py',
      'helpdesk.models → services/py/src/helpdesk/models.py',
      'orjson → external orjson',
      'json → builtin json',
    ]);
    assert.deepEqual(await resolutions(resolver, 'services/py/src/helpdesk/api/__init__.py'), ['.routes → services/py/src/helpdesk/api/routes.py']);
    // manage.py sits beside pyproject.toml: the src/ layout root is found for it.
    assert.deepEqual(await resolutions(resolver, 'services/py/manage.py'), [
      'sys → builtin sys',
      'helpdesk → services/py/src/helpdesk/api/__init__.py',
      'helpdesk.models → services/py/src/helpdesk/models.py',
      'fastapi → external fastapi',
    ]);
  });

  it('resolves a top-level Python package beside a script, and reports local misses as unresolved', async () => {
    // A local package named like a stdlib module shadows it, as on sys.path.
    assert.deepEqual(await resolutions(resolver, 'tools/run.py'), [
      'pyutil.strings → tools/pyutil/strings.py',
      'missing_local_module_xyz → external missing_local_module_xyz',
      '.nowhere → unresolved local',
      'calendar.models → tools/calendar/models.py',
      'calendar → tools/calendar/__init__.py',
    ]);
    assert.deepEqual(show(resolver.resolve('tools/run.py', ref('pyutil.nothing'))), 'unresolved local');
  });

  it('reports both the package and its submodules for `from pkg import a, b`', () => {
    const all = resolver.resolveAll('services/py/manage.py', ref('helpdesk', ['api', 'models', 'VERSION'])).map(show);
    assert.deepEqual(all, ['services/py/src/helpdesk/api/__init__.py', 'services/py/src/helpdesk/models.py', 'services/py/src/helpdesk/__init__.py']);
  });

  it('sees files added and removed after it was created', () => {
    const spec = ref('./fresh');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', spec)), 'unresolved local');
    resolver.fileAdded('apps/web/src/fresh.ts');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', spec)), 'apps/web/src/fresh.ts');
    resolver.fileRemoved('apps/web/src/fresh.ts');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', spec)), 'unresolved local');
  });

  it('finds its settings files itself when not given them', async () => {
    const own = await createResolver(new NodeFileSystem(), FIXTURE, files);
    assert.equal(show(own.resolve('apps/web/src/app.tsx', ref('@/lib/util'))), 'apps/web/src/lib/util.ts');
    assert.equal(show(own.resolve('apps/web/src/app.tsx', ref('#internal/secret'))), 'apps/web/src/internal/secret.ts');
  });

  it('names scoped packages whole and never resolves into node_modules', () => {
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', ref('@tanstack/react-query/devtools'))), 'external @tanstack/react-query');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', ref('left-pad'))), 'external left-pad');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', ref('fs/promises'))), 'builtin fs/promises');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', ref('../../../../outside'))), 'unresolved local');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', ref('virtual:pwa-register/react'))), 'external virtual:pwa-register');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', ref('./lazy?worker'))), 'apps/web/src/lazy.ts');
    assert.equal(show(resolver.resolve('apps/web/src/app.tsx', ref('#internal/secret'))), 'apps/web/src/internal/secret.ts');
  });
});

describe('import resolution falls back to workspace packages', () => {
  it('reaches a workspace package by name when a tsconfig paths pattern matches but its target does not exist', async () => {
    const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'adrift-paths-fallback-'));
    const write = async (rel: string, text: string) => {
      await fsp.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await fsp.writeFile(path.join(root, rel), text);
    };
    try {
      await write('package.json', JSON.stringify({ private: true, workspaces: ['packages/*', 'apps/*'] }));
      await write('packages/ui/package.json', JSON.stringify({ name: '@fx/ui', main: 'src/index.ts' }));
      await write('packages/ui/src/index.ts', 'export const button = 1;\n');
      // The base maps @fx/* to a folder that is not there; TypeScript would go on to node_modules.
      await write('tsconfig.base.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@fx/*': ['libs/*'] } } }));
      await write('apps/web/tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json' }));
      await write('apps/web/src/page.ts', "import { button } from '@fx/ui';\nimport { x } from '@fx/missing';\n");
      const fs = new NodeFileSystem();
      const listing = await listSourceFiles(fs, root);
      const resolver = await createResolver(fs, root, new Set(listing.files), { configFiles: listing.configFiles });
      assert.equal(show(resolver.resolve('apps/web/src/page.ts', ref('@fx/ui'))), 'packages/ui/src/index.ts');
      // No such package either: the alias stays unresolved (a local miss) rather than becoming an external package.
      assert.equal(show(resolver.resolve('apps/web/src/page.ts', ref('@fx/missing'))), 'unresolved local');
    } finally {
      await fsp.rm(root, { recursive: true, force: true });
    }
  });
});

describe('import resolution maps the built paths of workspace packages back to their source', () => {
  const BUILT = engineFixture('built-packages');
  let resolver: Resolver;

  before(async () => {
    const fs = new NodeFileSystem();
    const listing = await listSourceFiles(fs, BUILT);
    resolver = await createResolver(fs, BUILT, new Set(listing.files), { configFiles: listing.configFiles });
  });

  async function builtResolutions(file: string): Promise<string[]> {
    const extracted = extractFile(file, await fsp.readFile(path.join(BUILT, file), 'utf8'));
    assert.ok(!('skipped' in extracted));
    return extracted.imports.map((r) => `${r.specifier} → ${show(resolver.resolve(file, r))}`);
  }

  it('follows tsconfig outDir/rootDir, the src/ convention, typesVersions and exports, with or without a tsconfig', async () => {
    assert.deepEqual(await builtResolutions('apps/web/src/main.ts'), [
      // core: rootDir src, outDir lib, no exports; main and typings in lib/.
      '@fx/core → packages/core/src/common/index.ts',
      '@fx/core/lib/common/uri → packages/core/src/common/uri.ts',
      '@fx/core/lib/browser/widget → packages/core/src/browser/widget.ts',
      // ui: no tsconfig; dist/ and dist/esm/ of a bundler build, and lib/, stand for src/.
      '@fx/ui/dist/button → packages/ui/src/button.ts',
      '@fx/ui/dist/esm/forms/input.js → packages/ui/src/forms/input.tsx',
      '@fx/ui/lib/button → packages/ui/src/button.ts',
      // legacy: rootDir lib, outDir build: its source is in lib/, not src/.
      '@fx/legacy/build/parse → packages/legacy/lib/parse.ts',
      // typed: typesVersions maps subpaths into dist/.
      '@fx/typed/helpers → packages/typed/src/tools/helpers.ts',
      '@fx/typed/math → packages/typed/src/math.ts',
      // exported: exports into out/, whose source folder tsc infers from include: ["source"].
      '@fx/exported/sub/a → packages/exported/source/sub/a.ts',
      '@fx/exported → packages/exported/source/index.ts',
      // An asset of a package, not a file under web's baseUrl (apps/web/@fx/ui/… does not exist).
      '@fx/ui/styles/theme.css → packages/ui/styles/theme.css',
    ]);
  });

  it('maps a relative import of the package\'s own build output to the source', async () => {
    assert.deepEqual(await builtResolutions('packages/core/bin/core.js'), ['../lib/common/index.js → packages/core/src/common/index.ts']);
    assert.equal(show(resolver.resolve('packages/core/bin/core.js', ref('../lib/browser/missing'))), 'unresolved local');
  });

  it('maps subpath imports (#) that point into the build output', async () => {
    assert.deepEqual(await builtResolutions('packages/exported/source/index.ts'), ['#internal/secret → packages/exported/source/internal/secret.ts']);
  });

  it('marks an import that names a workspace package but leads to no file as a local miss', async () => {
    assert.deepEqual(await builtResolutions('apps/web/src/stale.ts'), ['@fx/core/lib/gone → unresolved local', '@fx/ui/dist/nothing → unresolved local']);
    assert.equal(show(resolver.resolve('apps/web/src/main.ts', ref('some-npm-package/dist/x'))), 'external some-npm-package');
  });
});
