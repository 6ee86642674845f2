import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { compileGlob, compileRawGlob, globProblem } from '../../../src/core/model/globs';

/** Runs `fn` and fails when it takes longer than `ms` (it must finish, however slowly the machine runs). */
function finishesWithin<T>(ms: number, fn: () => T): T {
  const started = Date.now();
  const out = fn();
  const took = Date.now() - started;
  assert.ok(took < ms, `took ${took} ms`);
  return out;
}

describe('globs', () => {
  describe('match in time linear in the path, whatever the glob (issue 17 item 9)', () => {
    const name = `src/${'a'.repeat(50)}`;
    const catastrophic = [
      'src/*a**a**a**a**a**a**a**a**a**a*b',
      'src/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b',
      'src/**/*a*a*a*a*a*a*a*a*a*a*a*b/**',
      '**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/b',
      'src/{*a*a*a*a*a*a*a*b,*a*a*a*a*a*a*a*a*c}',
      'src/?*?*?*?*?*?*?*?*?*?*?*?*b',
      'src/[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*b',
    ];
    for (const glob of catastrophic) {
      it(`${glob} against a 50-character name`, () => {
        assert.equal(finishesWithin(1000, () => compileGlob(glob)(name)), false);
        assert.equal(finishesWithin(1000, () => compileGlob(glob)(`src/${'a/'.repeat(40)}a`)), false);
      });
    }

    it('still matches what such a glob means', () => {
      assert.equal(compileGlob('src/*a**a**a**a**a**a**a**a**a**a*b')(`src/${'a'.repeat(50)}b`), true);
      assert.equal(compileGlob('**/a/**/a/**/b')('x/a/y/a/z/b'), true);
    });

    it('a glob only picomatch reads (extglob) and full of wildcards is rejected, with the reason, instead of hanging', () => {
      const glob = 'src/@(x|y)*a*a*a*a*a*a*a*a*a*b';
      assert.match(globProblem(glob) ?? '', /too complex to match safely/);
      assert.equal(finishesWithin(1000, () => compileGlob(glob)(`src/x${'a'.repeat(50)}`)), false);
      assert.equal(globProblem('src/@(ticket|billing)/**'), undefined);
      assert.equal(compileGlob('src/@(ticket|billing)/**')('src/billing/a.ts'), true);
      assert.equal(globProblem('src/*a**a**a**a**a**a**a**a**a**a*b'), undefined);
    });
  });

  it('reads a bare dot-folder name as the folder, like any folder name (issue 17 item 18)', () => {
    assert.equal(compileGlob('.storybook')('.storybook/preview.tsx'), true);
    assert.equal(compileGlob('src/.eslintrc.js')('src/.eslintrc.js'), true);
    assert.equal(compileGlob('src/ticket')('src/ticket/a.ts'), true);
  });

  it('an unescaped src/app/[slug]/** written before escapes existed still claims the folder src/app/[slug], as picomatch did', () => {
    // Records (and the old Assign Folder) wrote Next.js route folders unescaped; main matched
    // them with picomatch, whose class also matches its own text. Losing that unowns the files.
    assert.equal(compileGlob('src/app/[slug]/**')('src/app/[slug]/page.tsx'), true);
    assert.equal(compileRawGlob('**/[slug]/**')('app/[slug]/x.ts'), true);
  });

  describe('mean what picomatch means (dot: true)', () => {
    const cases: [string, string, boolean][] = [
      ['src/**', 'src', true],
      ['src/**', 'src/a/b.ts', true],
      ['**/a.ts', 'a.ts', true],
      ['src/**/b.ts', 'src/b.ts', true],
      ['src/*', 'src', false],
      ['src/*', 'src/.env', true],
      ['src/**b', 'src/x/b', false],
      ['src/**.ts', 'src/b.ts', true],
      ['src/{a,b/c}/x.ts', 'src/b/c/x.ts', true],
      ['src/{a}', 'src/a', false],
      ['src/{a}', 'src/{a}', true],
      ['src/a{,b}', 'src/a', true],
      ['src/[a-c]x', 'src/bx', true],
      ['src/[]a]', 'src/]', true],
      ['src/\\[slug\\]/**', 'src/[slug]/page.tsx', true],
      ['src/\\[slug\\]/**', 'src/s/page.tsx', false],
      ['src/[slug]/**', 'src/s/page.tsx', true],
      ['src/[slug]/**', 'src/[slug]/page.tsx', true],
      ['src/app/[[...slug]]/**', 'src/app/[[...slug]]/page.tsx', false],
      ['src/[a-c]/**', 'src/[a-c]/x.ts', false],
      ['**/*.py[cod]', 'a/b.pyc', true],
      ['**/*.py[cod]', 'a/b.py[cod]', true],
      ['src/[ab][cd]x', 'src/[ab]dx', true],
      ['src/x[', 'src/x[', true],
      ['src/a.b', 'src/axb', false],
      ['src/a+b', 'src/a+b', true],
      ['src/?', 'src/ab', false],
      // A glob of no syntax at all is matched by its text alone.
      ['src/index.ts', 'src/index.ts', true],
      ['src/index.ts', 'src/index.tsx', false],
      ['src/index.ts', 'lib/src/index.ts', false],
      ['src/a', 'src/a/b.ts', false],
      ['src/a-b,c+d@e.ts', 'src/a-b,c+d@e.ts', true],
    ];
    for (const [glob, path, expected] of cases) {
      it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
        assert.equal(compileRawGlob(glob)(path), expected);
        assert.equal(picomatch(glob, { dot: true })(path), expected);
      });
    }

    it('agrees with picomatch on thousands of random globs and paths', () => {
      let seed = 17;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)];
      const globParts = ['a', 'b', '.', '/', '*', '**', '?', '[ab]', '[a-c]', '{a,b}', '{,a}', '\\*', '/**/', '**/', '-', '[', ']', '{', '}', ','];
      const pathParts = ['a', 'b', 'c', '.', '/', '*', '[', ']', '{', '}', ',', '-', 'ab', '[ab]', '[a-c]'];
      let compared = 0;
      for (let n = 0; n < 4000; n++) {
        const glob = Array.from({ length: 1 + random(7) }, () => pick(globParts)).join('');
        const reference = picomatch(glob, { dot: true });
        const ours = compileRawGlob(glob);
        for (let k = 0; k < 8; k++) {
          const path = Array.from({ length: 1 + random(6) }, () => pick(pathParts)).join('');
          // Paths from the walk have no empty, `.` or `..` segment.
          if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) continue;
          compared++;
          assert.equal(ours(path), reference(path), `glob ${JSON.stringify(glob)} path ${JSON.stringify(path)}`);
        }
      }
      assert.ok(compared > 10_000, `${compared} comparisons`);
    });
  });
});
