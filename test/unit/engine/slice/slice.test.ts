// The time slicer that keeps long loops of the editor's scan off one turn of the event loop:
// due only once the budget is spent, and a pause really lets other callbacks run.

import * as assert from 'node:assert/strict';
import { eachSliced, timeSlicer, unsliced } from '../../../../src/core/engine/slice';

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
});
