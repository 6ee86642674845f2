// Random and mangled source never makes extraction throw, and whatever it reports points
// into the text it was given. Seeded, so a failure reproduces; inputs are bounded in size,
// and the extractors are linear, which is what keeps every case finishing.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { extractFile } from '../../../../src/core/engine/extract';
import type { Range } from '../../../../src/core/findings';
import { engineFixture } from './fixtures';

const FIXTURES = engineFixture();
const EXTENSIONS = ['a.ts', 'a.tsx', 'a.js', 'a.mjs', 'a.py'];
const PIECES = [
  "'", '"', '`', '${', '}', '{', '(', ')', '[', ']', '/', '*', '\\', '\n', '\r\n', ' ', '<', '>', '</', '/>', '<>',
  'import ', 'export ', 'from ', "'./x'", 'require(', 'type ', ' as ', '#', '"""', "'''", 'f"', 'if TYPE_CHECKING:\n    ',
  '//', '/*', '*/', 'SELECT * FROM t', 'prisma.a.update(', 'adrift-ignore r -- x', 'é', '\u2028', '\uFEFF', ':', ';', ',', '.', '=', '=>',
];

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    s = (s ^ (s >>> 13)) >>> 0;
    return s % n;
  };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    assert.ok(nl !== -1, `line ${line} is past the end of the text`);
    offset = nl + 1;
  }
  return offset + column;
}

function assertInside(text: string, r: Range): [number, number] {
  const start = offsetOf(text, r.start.line, r.start.column);
  const end = offsetOf(text, r.end.line, r.end.column);
  assert.ok(start <= end && end <= text.length, `range ${JSON.stringify(r)} outside a text of ${text.length}`);
  return [start, end];
}

/** Extraction must not throw, and each import's range must hold its specifier. */
function check(file: string, text: string): void {
  let result;
  try {
    result = extractFile(file, text);
  } catch (err) {
    assert.fail(`${file} threw on ${JSON.stringify(text.slice(0, 300))}: ${(err as Error).stack}`);
  }
  if ('skipped' in result) return;
  for (const i of result.imports) {
    const [start, end] = assertInside(text, i.range);
    const written = text.slice(start, end);
    if (file.endsWith('.py')) assert.equal(written.replace(/[\s\\]/g, ''), i.specifier, `in ${JSON.stringify(text)}`);
    else if (!written.includes('\\')) assert.equal(written.slice(1, -1), i.specifier, `in ${JSON.stringify(text)}`);
  }
  for (const d of result.dataAccess) assertInside(text, d.range);
  for (const s of result.suppressions) assertInside(text, s.range);
}

function realSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:tsx?|jsx?|py)$/.test(name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(FIXTURES);
  return out;
}

describe('extraction fuzzing', () => {
  it('never throws on random text built from the characters that matter to the lexers', () => {
    const rand = rng(20261127);
    for (let n = 0; n < 700; n++) {
      let text = '';
      const parts = rand(80);
      for (let k = 0; k < parts; k++) {
        text += rand(4) === 0 ? String.fromCharCode(rand(0x3000)) : PIECES[rand(PIECES.length)];
      }
      check(EXTENSIONS[n % EXTENSIONS.length], text);
    }
  });

  it('never throws on mangled real source: truncated, spliced, with stray quotes, braces and bytes', () => {
    const rand = rng(7);
    const sources = realSources();
    assert.ok(sources.length > 10);
    for (let n = 0; n < 600; n++) {
      let text = sources[rand(sources.length)];
      const edits = 1 + rand(6);
      for (let e = 0; e < edits && text.length > 0; e++) {
        const at = rand(text.length + 1);
        switch (rand(5)) {
          case 0:
            text = text.slice(0, at); // truncation
            break;
          case 1:
            text = text.slice(0, at) + PIECES[rand(PIECES.length)] + text.slice(at); // unbalanced quote/brace/JSX
            break;
          case 2:
            text = text.slice(0, at) + text.slice(Math.min(text.length, at + rand(40))); // deletion
            break;
          case 3:
            text = text.slice(0, at) + String.fromCharCode(rand(0xffff)) + text.slice(at); // random code unit
            break;
          default: {
            const from = rand(text.length);
            text = text.slice(0, at) + text.slice(from, from + rand(200)) + text.slice(at); // splice
          }
        }
      }
      check(EXTENSIONS[n % EXTENSIONS.length], text);
    }
  });

  it('finishes on deeply nested and pathological input', () => {
    // Line breaks keep these from being skipped as minified: they must really be lexed.
    check('a.tsx', '<a>\n'.repeat(5000) + '{\n'.repeat(5000) + '`${\n'.repeat(3000));
    check('a.tsx', '<a b={\n'.repeat(5000) + "require('x')");
    check('a.ts', '(\n'.repeat(20000) + "import('x')");
    check('a.py', 'f"{\n'.repeat(5000) + '(\n'.repeat(5000) + 'f"""{\n'.repeat(3000));
    check('a.py', 'if TYPE_CHECKING:\n' + '    import a\n'.repeat(2000));
    check('a.js', '/\n'.repeat(30000));
    check('a.js', "'\\\n".repeat(20000));
  });
});
