// Real lines from public repositories that the lexer once misread (their sources and
// licences head each file in test/fixtures/engine/lexer-excerpts): each must now read as
// TypeScript's own parser reads it, the same imports with the same type-only marking, and
// every string, template and regular expression where TypeScript has one.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { engineFixture } from './fixtures';
import { adriftImports, literalMismatch, referenceImports } from './typescript-reference';

const DIR = engineFixture('lexer-excerpts');

describe('real excerpts that once broke the TypeScript lexer', () => {
  const files = readdirSync(DIR).filter((name) => /\.[jt]sx?$/.test(name));

  it('has excerpts to read', () => assert.ok(files.length >= 6));

  for (const name of files) {
    it(`reads ${name} as TypeScript does`, () => {
      const text = readFileSync(path.join(DIR, name), 'utf8');
      const mismatch = literalMismatch(name, text);
      assert.notEqual(mismatch, 'unparsed', 'the excerpt must be valid syntax');
      assert.equal(mismatch, undefined, `literals part at ${mismatch}`);
      assert.deepEqual(adriftImports(name, text), referenceImports(name, text));
    });
  }
});
