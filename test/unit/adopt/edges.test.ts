// What the code does today between modules: counts, the files with most imports, cycles.

import * as assert from 'node:assert/strict';
import { edgeStats, summariseEdges } from '../../../src/core/adopt';
import type { EdgeImport } from '../../../src/core/engine/index';
import { scanForAdoption } from '../../../src/core/adopt';
import { cleanUp } from '../cli/run-cli';
import { fs, tree } from './tree';

function imp(from: string, to: string, file: string, line: number, typeOnly = false): EdgeImport {
  return {
    from,
    to,
    file,
    range: { start: { line, column: 4 }, end: { line, column: 10 } },
    specifier: `../${to}`,
    target: `src/${to}/index.ts`,
    typeOnly,
    allowed: false,
  };
}

describe('edge statistics', () => {
  after(cleanUp);

  it('counts imports per ordered pair, most first, with the top three files and where each first imports', () => {
    const stats = summariseEdges([
      imp('web', 'api', 'src/web/a.ts', 3),
      imp('web', 'api', 'src/web/a.ts', 1),
      imp('web', 'api', 'src/web/b.ts', 0, true),
      imp('web', 'api', 'src/web/c.ts', 0),
      imp('web', 'api', 'src/web/d.ts', 0),
      imp('api', 'db', 'src/api/x.ts', 7),
    ]);
    assert.deepEqual(
      stats.edges.map((e) => [e.from, e.to, e.count, e.typeOnly, e.fileCount, e.inCycle]),
      [
        ['web', 'api', 5, 1, 4, false],
        ['api', 'db', 1, 0, 1, false],
      ],
    );
    assert.deepEqual(stats.edges[0].topFiles, [
      { file: 'src/web/a.ts', count: 2, line: 2, column: 5 },
      { file: 'src/web/b.ts', count: 1, line: 1, column: 5 },
      { file: 'src/web/c.ts', count: 1, line: 1, column: 5 },
    ]);
    assert.deepEqual(stats.cycles, []);
  });

  it('marks the modules that depend on each other in a circle, and only the edges inside it', () => {
    const stats = summariseEdges(
      [imp('a', 'b', 'a.ts', 0), imp('b', 'c', 'b.ts', 0), imp('c', 'a', 'c.ts', 0), imp('c', 'd', 'c.ts', 1), imp('d', 'e', 'd.ts', 0), imp('e', 'd', 'e.ts', 0)],
      { order: ['e', 'd', 'c', 'b', 'a'] },
    );
    assert.deepEqual(stats.cycles, [
      ['e', 'd'],
      ['c', 'b', 'a'],
    ]);
    assert.deepEqual(
      stats.edges.filter((e) => !e.inCycle).map((e) => `${e.from}→${e.to}`),
      ['c→d'],
    );
  });

  it('reads the imports of a real workspace under proposed modules, without changing the index', async () => {
    const root = tree({
      'src/web/page.ts': "import { a } from '../api/a';\nimport type { B } from '../api/b';\nexport const p = a;\n",
      'src/api/a.ts': "import { q } from '../db/q';\nexport const a = q;\n",
      'src/api/b.ts': 'export type B = number;\n',
      'src/db/q.ts': "import { a } from '../api/a';\nexport const q = 1; export const z = a;\n",
    });
    const modules = ['web', 'api', 'db'].map((name) => ({ name, paths: [`src/${name}/**`] }));
    const { index } = await scanForAdoption(fs, root, modules, { exclude: [], scanDotFolders: true, severity: {} }, { cache: false });
    const stats = edgeStats(index, modules);
    assert.deepEqual(
      stats.edges.map((e) => `${e.from}→${e.to} ${e.count} typeOnly ${e.typeOnly}${e.inCycle ? ' cycle' : ''}`),
      ['web→api 2 typeOnly 1', 'api→db 1 typeOnly 0 cycle', 'db→api 1 typeOnly 0 cycle'],
    );
    assert.deepEqual(stats.cycles, [['api', 'db']]);
    // Merging two proposals is a new list of modules; the same index answers.
    const merged = edgeStats(index, [modules[0], { name: 'backend', paths: ['src/api/**', 'src/db/**'] }]);
    assert.deepEqual(merged.edges.map((e) => `${e.from}→${e.to} ${e.count}`), ['web→backend 2']);
    assert.equal(index.model.modules.size, 3);
  });
});
