// One very long line (a minified bundle, a generated table) must cost time linear in its
// length. extractFile skips such files before lexing, but the lexers themselves must not
// depend on that guard. Linearity is measured, not timed: the work counted is every
// character code read and every character that indexOf scans, at 1x and at 4x the size.

import * as assert from 'node:assert/strict';
import { extractPython } from '../../../../src/core/engine/languages/python/extract';
import { extractTypeScript } from '../../../../src/core/engine/languages/typescript/extract';

/** Characters read by `fn`: charCodeAt calls plus the span of every indexOf scan. */
function charactersRead(fn: () => void): number {
  const proto = String.prototype;
  const { charCodeAt, indexOf } = proto;
  let read = 0;
  proto.charCodeAt = function (this: string, i: number): number {
    read++;
    return charCodeAt.call(this, i);
  };
  proto.indexOf = function (this: string, search: string, from?: number): number {
    const start = Math.max(0, from ?? 0);
    const found = indexOf.call(this, search, start);
    read += (found === -1 ? this.length : found) - start + 1;
    return found;
  };
  try {
    fn();
  } finally {
    proto.charCodeAt = charCodeAt;
    proto.indexOf = indexOf;
  }
  return read;
}

/** Work at 4x the size over work at 1x: about 4 when linear, about 16 when quadratic. */
function growth(build: (n: number) => string, extract: (text: string) => void, n: number): number {
  const small = build(n);
  const large = build(4 * n);
  return charactersRead(() => extract(large)) / charactersRead(() => extract(small));
}

const tsLine = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += `var m${i}=require("./m${i}"),t${i}=\`SELECT a FROM t${i}\`;`;
  return s;
};

const pyLine = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += `import m${i}; s = f'{'a'}'; `;
  return s;
};

describe('extraction of one very long line', () => {
  it('reads every import of a multi-megabyte single-line bundle at its exact column', () => {
    const text = tsLine(60000);
    assert.ok(text.length > 3_500_000 && !text.includes('\n'));
    const { imports, dataAccess } = extractTypeScript(text, false);
    assert.equal(imports.length, 60000);
    assert.equal(dataAccess.length, 60000);
    for (const i of [imports[0], imports[31234], imports[59999]]) {
      const at = text.indexOf(`"${i.specifier}"`);
      assert.deepEqual(i.range, { start: { line: 0, column: at }, end: { line: 0, column: at + i.specifier.length + 2 } });
    }
    // A line break after the long line: positions continue on line 1.
    const { imports: after } = extractTypeScript(`${text}\nrequire("./last")`, false);
    assert.deepEqual(after[60000].range.start, { line: 1, column: 8 });
  });

  it('lexes TypeScript in time linear in the line length', () => {
    const ratio = growth(tsLine, (t) => extractTypeScript(t, true), 4000);
    assert.ok(ratio < 5, `4x the line cost ${ratio.toFixed(1)}x the work`);
  });

  it('lexes Python in time linear in the line length, f-strings included', () => {
    const text = pyLine(20000);
    const { imports } = extractPython(text);
    assert.equal(imports.length, 20000);
    const last = imports[19999];
    assert.deepEqual(last.range.start, { line: 0, column: text.lastIndexOf('import m19999') + 7 });
    const ratio = growth(pyLine, (t) => extractPython(t), 3000);
    assert.ok(ratio < 5, `4x the line cost ${ratio.toFixed(1)}x the work`);
  });
});
