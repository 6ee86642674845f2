import * as assert from 'node:assert/strict';
import { minimalReplacement } from '../../../src/extension/service/textDiff';

function apply(before: string, r: { start: number; end: number; text: string }): string {
  return before.slice(0, r.start) + r.text + before.slice(r.end);
}

describe('minimalReplacement', () => {
  const cases: [string, string][] = [
    ['status: proposed\n', 'status: accepted\n'],
    ['a\nb\nc\n', 'a\nx\nb\nc\n'],
    ['abc', ''],
    ['', 'abc'],
    ['same', 'same'],
    ['aaaa', 'aa'],
    ['id: 1\nstatus: proposed\ndate: 2026-01-01\n', 'id: 1\nstatus: accepted\ndate: 2026-11-27\n'],
  ];

  for (const [before, after] of cases) {
    it(`turns ${JSON.stringify(before)} into ${JSON.stringify(after)}`, () => {
      assert.equal(apply(before, minimalReplacement(before, after)), after);
    });
  }

  it('touches only the changed span, so editors keep their cursors elsewhere', () => {
    const r = minimalReplacement('id: 12\nstatus: proposed\ntitle: x\n', 'id: 12\nstatus: accepted\ntitle: x\n');
    assert.deepEqual(r, { start: 15, end: 21, text: 'accept' });
  });

  it('is empty when nothing changed', () => {
    assert.deepEqual(minimalReplacement('x\n', 'x\n'), { start: 2, end: 2, text: '' });
  });
});
