import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import picomatch from 'picomatch';
import { foldModel } from '../../../src/core/model/fold';
import { checkModelAgainstFiles } from '../../../src/core/model/check-files';
import { compileGlob, compileModuleGlob, escapeGlob, folderGlob, globBase } from '../../../src/core/model/globs';
import { ModuleMap } from '../../../src/core/engine/modules';
import { parseRecord } from '../../../src/core/records/parse';
import { yamlFlowList, yamlFlowScalar } from '../../../src/core/records/text-edit';

/** Folder names seen in real repositories (Next.js, Nuxt, SvelteKit routes) and worse. */
const HOSTILE = [
  'src/app/[slug]',
  'src/app/[...all]',
  'src/app/[[...opt]]',
  'src/app/(marketing)',
  'src/routes/[id=integer]',
  '{a,b}',
  '- [x]',
  'a*b',
  'a?b',
  '#hash',
  'a #b',
  'a: b',
  'a:b',
  "it's",
  'say "hi"',
  'back\\slash',
  '@(x)',
  '!negated',
  '+(x)',
  'a|b',
  'a^b$',
  'a,b',
  '  lead',
  'trail ',
  'tab\there',
  'ünïcødé [x]',
  '[]',
  '{}',
  '%percent',
  '&anchor',
  '*alias',
  '|pipe',
  '>folded',
  '`tick',
  "'",
  'null',
  'true',
  '1e3',
  '~',
  '-',
  '?',
  '..dots',
];

function recordWith(globs: string[]): string {
  return `id: 9\ntitle: Hostile folders\nstatus: accepted\ndate: 2026-12-01\nenforce:\n  modules:\n    m:\n      paths: ${yamlFlowList(globs)}\n    rest:\n      paths: ['**']\n`;
}

// A name with a line break is quoted on one line (below), but picomatch's `**` never
// matches across a line break, so it is left out of the claims test.
const UNMATCHABLE = ['multi\nline', 'cr\rhere', '\u2028sep'];

describe('a folder written as a module glob', () => {
  for (const name of HOSTILE) {
    it(`${JSON.stringify(name)}: parses, loads and claims exactly the folder's files`, async () => {
      const glob = folderGlob(name);
      const text = recordWith([glob]);
      assert.deepEqual((parse(text) as { enforce: { modules: { m: { paths: string[] } } } }).enforce.modules.m.paths, [glob]);
      const loaded = parseRecord('docs/adr/0009-hostile.yaml', text);
      assert.deepEqual(loaded.findings, []);
      const model = foldModel([loaded]);
      const map = new ModuleMap(model);
      const inside = [`${name}/page.tsx`, `${name}/deep/er/x.ts`];
      const outside = ['s/page.tsx', `${name}x/page.tsx`, `x${name}/page.tsx`, 'a/page.tsx', 'src/app/s/page.tsx', 'b/x.ts', 'x/page.tsx', `${name}.ts`];
      for (const f of inside) assert.equal(map.moduleOf(f), 'm', `${f} belongs to the folder`);
      for (const f of outside.filter((o) => !o.startsWith(`${name}/`))) assert.equal(map.moduleOf(f), 'rest', `${f} is not in the folder`);
      // The record check agrees with the engine: the glob matches a file, and no overlap is reported.
      assert.deepEqual(await checkModelAgainstFiles(model, [...inside, ...outside]), []);
    });
  }

  it('each hostile name is one scalar in a flow list, on one line', () => {
    for (const name of [...HOSTILE, ...UNMATCHABLE]) {
      const item = yamlFlowScalar(folderGlob(name));
      assert.ok(!item.includes('\n'), `${JSON.stringify(name)} written on one line: ${item}`);
      assert.deepEqual(parse(`[a, ${item}, b]`), ['a', folderGlob(name), 'b']);
    }
  });

  it('the workspace root is every file', () => {
    assert.equal(folderGlob(''), '**');
    assert.equal(folderGlob('./src/'), 'src/**');
  });
});

describe('glob meaning', () => {
  it('an unescaped [slug] is a character class; escaped it is the folder', () => {
    assert.equal(compileGlob('src/app/[slug]/**')('src/app/s/page.tsx'), true);
    assert.equal(compileGlob('src/app/\\[slug\\]/**')('src/app/s/page.tsx'), false);
    assert.equal(compileGlob('src/app/\\[slug\\]/**')('src/app/[slug]/page.tsx'), true);
    assert.equal(compileGlob('src/app/\\[slug\\]')('src/app/[slug]/page.tsx'), true, 'a bare folder means everything below it');
  });

  it('a backslash before anything but a glob character is still a Windows separator', () => {
    assert.equal(compileGlob('src\\ticket\\index.ts')('src/ticket/index.ts'), true);
    assert.equal(compileGlob('src\\ticket')('src/ticket/a.ts'), true);
  });

  it('the literal base of an escaped glob is unescaped, so the engine can use it as a prefix', () => {
    assert.deepEqual(globBase('src/app/\\[slug\\]/**'), { base: 'src/app/[slug]', isGlob: true });
    assert.deepEqual(compileModuleGlob('src/app/\\[slug\\]/**').prefix, 'src/app/[slug]/');
    assert.equal(escapeGlob('a[b]{c}'), 'a\\[b\\]\\{c\\}');
  });

  it('a module glob `folder/**` matches what the segment matcher matches, dot-folders and odd names included', () => {
    const paths = ['src/a.ts', 'src/.storybook/x.ts', 'src/.env.ts', 'src/a b/c.py', 'src/ü/ß.go', 'src/[x]/y.ts', 'src/a/b/c/d/e.ts', 'src', 'srcx/a.ts', 'other/src/a.ts', 'src//a.ts', 'src/-/a.ts'];
    for (const glob of ['src/**', 'src', 'src/', './src/**', 'src/app/**', 'src\\[x\\]/**', 'src/*/**', 'src/**/**']) {
      const fast = compileModuleGlob(glob).match;
      const slow = compileGlob(glob);
      for (const p of paths) assert.equal(fast(p), slow(p), `${glob} on ${p}`);
    }
  });

  it('for globs without escapes the base is the one picomatch finds', () => {
    for (const g of ['src/**', 'src/app/**/page.tsx', '**', 'src/*.ts', 'src/a.ts', 'src/{a,b}/**', 'src/[ab]/**', 'src/ticket/index.ts', 'a/b/c/**/*.test.ts', '!(x)/**', 'src/foo+bar/**']) {
      const scan = picomatch.scan(g);
      assert.deepEqual(globBase(g), { base: scan.base, isGlob: scan.isGlob }, g);
    }
  });
});

describe('which module claims a file', () => {
  /**
   * The definition, one file against every glob with the plain matcher: a glob claims the
   * files under its literal folder that it matches; the longest base wins, ties in declaration order.
   */
  function reference(modules: [string, string[]][], file: string): string[] {
    let best = -1;
    let names: string[] = [];
    for (const [name, globs] of modules) {
      const mine = Math.max(-1, ...globs.filter((g) => file.startsWith(compileModuleGlob(g).prefix) && compileGlob(g)(file)).map((g) => compileModuleGlob(g).specificity));
      if (mine < 0 || mine < best) continue;
      if (mine > best) [best, names] = [mine, []];
      names.push(name);
    }
    return names;
  }

  function mapOf(modules: [string, string[]][]): ModuleMap {
    const body = modules.map(([name, globs]) => `    ${name}:\n      paths: ${yamlFlowList(globs)}\n`).join('');
    const loaded = parseRecord('docs/adr/0009-claims.yaml', `id: 9\ntitle: Claims\nstatus: accepted\ndate: 2026-12-01\nenforce:\n  modules:\n${body}`);
    assert.deepEqual(loaded.findings, []);
    return new ModuleMap(foldModel([loaded]));
  }

  const FILES = [
    'src/a.ts', 'src/shared/a.ts', 'src/shared/deep/b.ts', 'src/sharedx/a.ts', 'src/shared', 'src/x/y/z.ts', 'src/app/[slug]/page.tsx',
    'src/app/s/page.tsx', 'lib/a.py', 'lib/src/a.ts', 'a.ts', 'srcx/a.ts', 'src/.storybook/x.ts', 'pkg/a/b', 'pkg/a/b/c.go', 'pkg/a/bc.go', 'src/index.ts',
  ];

  // Whole folders only (each file is answered by its folder), then the same with globs that need the file's name.
  const MODELS: [string, [string, string[]][]][] = [
    ['whole folders', [['core', ['src/**']], ['shared', ['src/shared/**']], ['twin', ['src/shared']], ['lib', ['lib/', 'lib/src/**']], ['route', ['src/app/\\[slug\\]/**']], ['file-like', ['pkg/a/b/**']]]],
    ['with file globs', [['core', ['src/**']], ['shared', ['src/shared/**', 'src/*.ts']], ['tests', ['**/*.py']], ['index', ['src/index.ts']], ['route', ['src/app/[slug]/**']]]],
  ];
  for (const [what, modules] of MODELS) {
    it(`${what}: the same owners as matching the file against every glob, asked twice`, () => {
      const map = mapOf(modules);
      for (const round of [1, 2]) for (const f of FILES) assert.deepEqual(map.claimants(f), reference(modules, f), `${f} (round ${round})`);
    });
  }
});

describe('a record glob that matches no file', () => {
  it('is reported exactly when no file under its folder matches it, whatever the shortcut for folders and file paths', async () => {
    const files = ['src/a.ts', 'src/deep/er/b.ts', 'lib/x/y/z.py', 'app/[slug]/page.tsx', 'root.ts'];
    const globs = [
      'src/**', 'src', 'src/deep/**', 'src/deep/er', 'src/dee/**', 'lib/x/**', 'lib/x/y/z.py', 'lib/x/y/z.p', 'src/a.ts', 'src/b.ts',
      'root.ts', 'app/\\[slug\\]/**', 'app/[slug]/**', 'app/[slug]/page.tsx', 'src/*.ts', '**/*.go', 'lib/**/z.py', 'src/a.ts/**',
    ];
    const body = globs.map((g, i) => `    m${i}:\n      paths: ${yamlFlowList([g])}\n`).join('');
    const model = foldModel([parseRecord('docs/adr/0009-none.yaml', `id: 9\ntitle: None\nstatus: accepted\ndate: 2026-12-01\nenforce:\n  modules:\n${body}`)]);
    const reported = (await checkModelAgainstFiles(model, files)).filter((f) => /matches no file/.test(f.message)).map((f) => f.fromModule);
    const expected = globs.flatMap((g, i) => (files.some((f) => f.startsWith(compileModuleGlob(g).prefix) && compileGlob(g)(f)) ? [] : [`m${i}`]));
    assert.deepEqual(reported, expected);
    assert.ok(expected.length >= 4 && expected.length <= globs.length - 8, `${expected.join(', ')}: both outcomes are tried`);
  });
});
