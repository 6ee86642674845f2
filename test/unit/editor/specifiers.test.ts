import * as assert from 'node:assert/strict';
import { entrySpecifier, importedNames, relativeSpecifier } from '../../../src/extension/editor/specifiers';

describe('import specifiers for the public-entry quick fix', () => {
  describe('importedNames', () => {
    it('lists named imports by their imported name, type-only ones included', () => {
      assert.deepEqual(importedNames("import { a, b as c, type D } from './x'"), ['a', 'b', 'D']);
    });

    it('counts a default import as "default"', () => {
      assert.deepEqual(importedNames("import def, { a } from './x'"), ['default', 'a']);
      assert.deepEqual(importedNames('import def from "./x"'), ['default']);
    });

    it('reads multi-line and type-only statements and re-exports', () => {
      assert.deepEqual(importedNames("import type {\n  A,\n  B,\n} from './x'"), ['A', 'B']);
      assert.deepEqual(importedNames("export { a } from './x'"), ['a']);
    });

    it('gives nothing to check for namespace and side-effect imports', () => {
      assert.equal(importedNames("import * as ns from './x'"), undefined);
      assert.equal(importedNames("import './x'"), undefined);
      assert.equal(importedNames("export * from './x'"), undefined);
    });
  });

  describe('relativeSpecifier', () => {
    it('points at a folder entry without extension or /index', () => {
      assert.equal(relativeSpecifier('src/app/a.ts', 'src/server/ticket/index.ts'), '../server/ticket');
      assert.equal(relativeSpecifier('src/server/ticket/x/a.ts', 'src/server/ticket/index.ts'), '..');
      assert.equal(relativeSpecifier('src/a.ts', 'src/b.tsx'), './b');
      assert.equal(relativeSpecifier('src/a.ts', 'src/index.ts'), '.');
    });
  });

  describe('entrySpecifier', () => {
    it('keeps the alias of an aliased import', () => {
      assert.equal(entrySpecifier('@/server/ticket/assignment', 'src/app/route.ts', 'src/server/ticket/index.ts'), '@/server/ticket');
      assert.equal(entrySpecifier('~lib/billing/internal/tax', 'apps/web/x.ts', 'packages/lib/billing/public.ts'), '~lib/billing/public');
    });

    it('stays relative for a relative import', () => {
      assert.equal(entrySpecifier('../server/ticket/assignment', 'src/app/route.ts', 'src/server/ticket/index.ts'), '../server/ticket');
    });

    it('falls back to a relative path when the alias cannot be matched', () => {
      assert.equal(entrySpecifier('#internal/thing', 'src/app/route.ts', 'src/server/ticket/index.ts'), '../server/ticket');
    });
  });
});
