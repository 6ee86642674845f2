// The time slicer that keeps long loops of the editor's scan off one turn of the event loop:
// due only once the budget is spent, and a pause really lets other callbacks run.

import * as assert from 'node:assert/strict';
import { eachSliced, timeSlicer, unsliced, type Slicer } from '../../../../src/core/engine/slice';
import { createSourceAnalyzer } from '../../../../src/core/engine/front-end';
import { MemoryFileSystem } from '../check/memory';

describe('time slicing', () => {
  it('is due once the budget is spent, and a pause starts a new slice', async () => {
    let clock = 100;
    const s = timeSlicer(8, () => clock);
    assert.equal(s.due(), false);
    clock = 107.9;
    assert.equal(s.due(), false);
    clock = 108;
    assert.equal(s.due(), true);
    await s.pause();
    assert.equal(s.due(), false);
    clock = 116;
    assert.equal(s.due(), true);
  });

  it('lets a timer and an I/O callback run between slices of one loop', async () => {
    let clock = 0;
    const s = timeSlicer(5, () => clock);
    const seen: string[] = [];
    setImmediate(() => seen.push('other'));
    await eachSliced([1, 2, 3, 4, 5, 6], s, (n) => {
      seen.push(String(n));
      clock += 2; // every item costs 2 ms: due after the third of each slice
    });
    assert.deepEqual(seen, ['1', '2', '3', 'other', '4', '5', '6']);
  });

  it('starts a new slice when something it waited for settles, and passes its value on', async () => {
    let clock = 0;
    const s = timeSlicer(8, () => clock);
    clock = 6;
    const got = s.wait!(Promise.resolve('batch'));
    clock = 50; // the wait took 44 ms: no work of the loop's
    assert.equal(await got, 'batch');
    assert.equal(s.due(), false);
    clock = 58;
    assert.equal(s.due(), true);
  });

  it('never pauses when unsliced', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('other'));
    await eachSliced([1, 2, 3], unsliced, (n) => seen.push(String(n)));
    assert.deepEqual(seen, ['1', '2', '3']);
  });

  describe('the reads of the resolver and the Prisma schemas (the editor\'s scan)', () => {
    const ROOT = '/ws';
    const FILES: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'shop', workspaces: ['packages/*'] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'packages/db/package.json': JSON.stringify({ name: '@shop/db' }),
      'packages/db/src/index.ts': 'export const db = 1;\n',
      'src/app.ts': "import { db } from '@shop/db';\nimport { util } from '@/util';\nexport const app = db + util;\n",
      'src/util.ts': 'export const util = 2;\n',
      'prisma/schema.prisma': 'model Ticket {\n  id Int @id\n  @@map("tickets")\n}\n',
    };
    /** Each read costs 30 ms of a fake clock; the slicer records each slice's length on it. */
    function slowDisk(): { fs: MemoryFileSystem; slicer: Slicer; slices: number[]; waits: () => number } {
      const fs = new MemoryFileSystem(ROOT, FILES);
      let clock = 0;
      const read = fs.readText.bind(fs);
      fs.readText = async (p: string) => {
        const text = await read(p);
        clock += 30;
        return text;
      };
      const slices: number[] = [];
      let start = 0;
      let waits = 0;
      const slicer: Slicer = {
        due: () => false,
        pause: async () => {
          slices.push(clock - start);
          start = clock;
        },
        wait: async (pending) => {
          waits++;
          slices.push(clock - start);
          try {
            return await pending;
          } finally {
            start = clock;
          }
        },
      };
      return { fs, slicer, slices, waits: () => waits };
    }

    it('end a slice at every read, so the reads\' waits are not timed as work, and resolve as without a slicer', async () => {
      const disk = slowDisk();
      const analyzer = createSourceAnalyzer(disk.fs, ROOT, {});
      const { files } = await analyzer.listFiles();
      const before = disk.fs.reads;
      const resolver = await analyzer.createResolver(files, disk.slicer);
      const models = await analyzer.dataModels(files, disk.slicer);
      const reads = disk.fs.reads - before;
      assert.ok(reads >= 4, `the resolver and the schema read settings files (${reads})`);
      assert.equal(disk.waits(), reads, 'every read went through the slicer\'s wait');
      assert.ok(disk.slices.length > 0);
      assert.equal(Math.max(...disk.slices), 0, `no slice holds a read's 30 ms: ${disk.slices.join(', ')}`);

      const plain = createSourceAnalyzer(new MemoryFileSystem(ROOT, FILES), ROOT, {});
      const listed = (await plain.listFiles()).files;
      assert.deepEqual(files, listed);
      const unslicedResolver = await plain.createResolver(listed);
      for (const specifier of ['@shop/db', '@/util']) {
        const ref = { specifier, kind: 'import' as const, typeOnly: false, range: { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } } };
        assert.deepEqual(resolver.resolve('src/app.ts', ref), unslicedResolver.resolve('src/app.ts', ref), specifier);
      }
      assert.deepEqual(models, await plain.dataModels(listed));
      assert.deepEqual(models, [{ model: 'Ticket', table: 'tickets' }]);
    });
  });
});
