import * as assert from 'node:assert/strict';
import { batchesUnder, DIAGNOSTICS_PER_BATCH } from '../../../src/extension/editor/batches';

const entry = (file: string, n: number): [string, number[]] => [file, Array.from({ length: n }, (_, i) => i)];
const sizes = (batches: [string, number[]][][]) => batches.map((b) => b.reduce((sum, [, d]) => sum + d.length, 0));

describe('diagnostics batches', () => {
  it('keeps every batch under the cap VS Code passes on whole (1,100), for 5,000 findings in 1,300 files', () => {
    const entries = Array.from({ length: 1300 }, (_, i) => entry(`f${i}.ts`, i % 7 === 0 ? 10 : 3));
    const batches = batchesUnder(entries);
    assert.ok(DIAGNOSTICS_PER_BATCH < 1100);
    assert.ok(Math.max(...sizes(batches)) <= DIAGNOSTICS_PER_BATCH);
    assert.deepEqual(batches.flat(), entries, 'every file once, in order');
  });

  it('never splits a file, and gives a file bigger than the cap a batch of its own', () => {
    const batches = batchesUnder([entry('a', 2), entry('big', 7), entry('b', 1), entry('c', 0), entry('d', 3)], 4);
    assert.deepEqual(batches.map((b) => b.map(([f]) => f)), [['a'], ['big'], ['b', 'c', 'd']]);
    assert.deepEqual(batchesUnder([]), []);
  });
});
