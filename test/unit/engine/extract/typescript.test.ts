import * as assert from 'node:assert/strict';
import { extractFile } from '../../../../src/core/engine/extract';
import type { ExtractedFile, ImportRef } from '../../../../src/core/engine/types';

function extract(text: string, file = 'src/a.tsx'): ExtractedFile {
  const result = extractFile(file, text);
  assert.ok(!('skipped' in result), `skipped: ${'skipped' in result ? result.skipped : ''}`);
  return result;
}

/** Specifier, kind, typeOnly and names of each import, in order. */
function summary(text: string, file?: string): string[] {
  return extract(text, file).imports.map((i) => `${i.kind} ${i.specifier}${i.typeOnly ? ' type' : ''}${i.names ? ` [${i.names.join(',')}]` : ''}`);
}

function range(line: number, column: number, endColumn: number, endLine = line): ImportRef['range'] {
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}

describe('TypeScript/JavaScript import extraction', () => {
  it('reads every import form with its kind, names and type-only flag', () => {
    const text = [
      "import a, { b as c, type D } from './a';",
      'import type { E } from "./e";',
      "import { type F, type G } from './fg';",
      "import * as ns from '@scope/pkg/sub';",
      "import './side-effect.css';",
      "export { x, y as z } from '../xy';",
      "export type { T } from './types';",
      "export * from './all';",
      "export * as all2 from './all2';",
      "export type * from './t3';",
      "import fs = require('node:fs');",
      "const m = await import('./lazy');",
      'const r = require("lodash");',
      "import type Def from './def';",
      "import type * as NS from './ns';",
      "import {} from './empty';",
      "import type from './named-type';",
      "export { type Only } from './only';",
      "import { default as dflt, 'quoted name' as q } from './odd';",
    ].join('\n');
    assert.deepEqual(summary(text, 'src/a.ts'), [
      'import ./a [default,b,D]',
      'import ./e type [E]',
      'import ./fg type [F,G]',
      'import @scope/pkg/sub [*]',
      'import ./side-effect.css []',
      'export ../xy [x,y]',
      'export ./types type [T]',
      'export ./all [*]',
      'export ./all2 [*]',
      'export ./t3 type [*]',
      'import-equals node:fs',
      'dynamic ./lazy',
      'require lodash',
      'import ./def type [default]',
      'import ./ns type [*]',
      'import ./empty []',
      'import ./named-type [default]',
      'export ./only type [Only]',
      'import ./odd [default,quoted name]',
    ]);
  });

  it('gives the exact 0-based range of each specifier, quotes included', () => {
    const { imports } = extract("import x from './x';\n  const y = require(\n    '../y');\nexport * from \"z\";\n");
    assert.deepEqual(imports.map((i) => i.range), [range(0, 14, 19), range(2, 4, 10), range(3, 14, 17)]);
  });

  it('ignores look-alikes in strings, comments, regular expressions, templates and JSX text', () => {
    const text = [
      "const s = \"import x from 'no-string'\";",
      "// import 'no-line-comment'",
      "/* require('no-block-comment') */",
      "const re = /import 'no-regex'/g;",
      "const t = `require('no-template') ${require('./in-substitution')} import 'no'`;",
      'function App() {',
      "  return <p title=\"require('no-attr')\">Don't import 'no-jsx-text' {require('./in-jsx-expression')}</p>;",
      '}',
      "x.require('no-member'); obj.import('no-member-2');",
      "const after = require('./after');",
    ].join('\n');
    assert.deepEqual(summary(text), ['require ./in-substitution', 'require ./in-jsx-expression', 'require ./after']);
  });

  it('tells division from a regular expression by what precedes it', () => {
    const text = [
      'const ratio = a / b / c; require("./one");',
      "if (ok) /'/.test(s); require('./two');",
      'const n = i++ / 2; require("./three");',
      "return /'/; require('./four');",
      "const o = { a: 1 } / 2; require('./five');",
      'const half = size.in / 2; const t = `/`;',
      "require('./six'); `",
    ].join('\n');
    assert.deepEqual(summary(text, 'src/a.js'), ['require ./one', 'require ./two', 'require ./three', 'require ./four', 'require ./five', 'require ./six']);
  });

  it('reads JSX with nested elements, fragments, attribute expressions and generic arrows', () => {
    const text = [
      "import A from './a';",
      'const view = (',
      "  <>",
      "    <List items={items.map((i) => <Item key={i} label={'it\\'s'} />)}>",
      "      Text with a quote ' and a slash / here",
      '      <br/>',
      '    </List>',
      '  </>',
      ');',
      'const id = <T,>(x: T) => x;',
      'const same = <T extends object>(x: T): T => x;',
      'const konst = <const  T,>(x: T) => x;',
      "const b = require('./b');",
      "const c = a < b ? require('./c') : null;",
    ].join('\n');
    assert.deepEqual(summary(text), ['import ./a [default]', 'require ./b', 'require ./c']);
  });

  it('does not read JSX in .ts files, where <T>x is a type assertion', () => {
    const text = "const x = <any>window; const y = <string>'it'; import('./lazy');";
    assert.deepEqual(summary(text, 'src/a.ts'), ['dynamic ./lazy']);
  });

  it('marks `typeof import()` in a type as type-only', () => {
    assert.deepEqual(summary("type M = typeof import('./m');", 'src/a.ts'), ['dynamic ./m type']);
  });

  it('finds SQL tables in strings and templates, with their ranges', () => {
    const text = [
      "const q1 = 'SELECT id FROM tickets t JOIN users u ON u.id = t.user_id';",
      'const q2 = sql`',
      '  UPDATE "Ticket" SET status = ${status}',
      '  WHERE id IN (SELECT ticket_id FROM public.assignments)`;',
      "const q3 = 'INSERT INTO audit_log (a) VALUES (1)';",
      "const q4 = `DELETE FROM ${table} WHERE 1`;",
      "const prose = 'Delete from your cart? Select from the list.';",
    ].join('\n');
    const { dataAccess } = extract(text, 'src/a.ts');
    assert.deepEqual(
      dataAccess.map((d) => [d.kind, d.name, d.range.start.line, d.range.start.column, d.range.end.column]),
      [
        ['sql', 'tickets', 0, 27, 34],
        ['sql', 'users', 0, 42, 47],
        ['sql', 'Ticket', 2, 10, 16],
        ['sql', 'assignments', 3, 44, 55],
        ['sql', 'audit_log', 4, 24, 33],
      ],
    );
  });

  it('finds Prisma delegate calls on prisma, this.prisma, db and transaction clients', () => {
    const text = [
      'await prisma.ticket.update({ where: { id } });',
      'return this.prisma.knowledgeArticle.findMany();',
      'await prisma.$transaction(async (tx) => { await tx.user.create({ data }); });',
      'db.tenant.count(); prisma.ticket.fields; other.ticket.findMany(); prisma.$queryRaw`x`;',
    ].join('\n');
    const { dataAccess } = extract(text, 'src/a.ts');
    assert.deepEqual(
      dataAccess.map((d) => `${d.kind} ${d.name} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`),
      ['prisma ticket 0:13-19', 'prisma knowledgeArticle 1:19-35', 'prisma user 2:51-55', 'prisma tenant 3:3-9'],
    );
  });

  it('reads suppression comments, keeping a missing reason visible as empty', () => {
    const text = [
      "// adrift-ignore module-dependency -- billing reads tickets until ADR 12 lands",
      "import x from './x'; /* adrift-ignore private-import -- generated client */",
      '// adrift-ignore data-ownership',
      "const s = '// adrift-ignore not-a-comment -- in a string';",
    ].join('\n');
    assert.deepEqual(extract(text, 'src/a.ts').suppressions, [
      { rule: 'module-dependency', reason: 'billing reads tickets until ADR 12 lands', range: range(0, 0, 78) },
      { rule: 'private-import', reason: 'generated client', range: range(1, 21, 75) },
      { rule: 'data-ownership', reason: '', range: range(2, 0, 31) },
    ]);
  });

  it('reads a directive only where a comment starts with it, not where prose mentions it', () => {
    const text = [
      '/** `adrift-ignore <rule> -- <reason>` comments. */',
      '// Inline suppression: `// adrift-ignore <rule> -- <reason>` silences a finding',
      '// TODO adrift-ignore module-dependency -- not at the start',
      '// adrift-ignored and adrift-ignore-next are other words',
      '/** adrift-ignore private-import -- doc-comment form */',
      '/*',
      ' * Why: the search index is shared.',
      ' * adrift-ignore module-dependency -- search moves to',
      ' *   the ticket module in Q2',
      ' */',
      '//adrift-ignore data-ownership -- no space after the marker',
    ].join('\n');
    assert.deepEqual(extract(text, 'src/a.ts').suppressions, [
      { rule: 'private-import', reason: 'doc-comment form', range: range(4, 0, 55) },
      { rule: 'module-dependency', reason: 'search moves to the ticket module in Q2', range: { start: { line: 5, column: 0 }, end: { line: 9, column: 3 } } },
      { rule: 'data-ownership', reason: 'no space after the marker', range: range(10, 0, 59) },
    ]);
  });

  it('skips text that is not hand-written source, with the reason', () => {
    assert.match((extractFile('a.js', 'var a=1;\0\0') as { skipped: string }).skipped, /binary/);
    assert.match((extractFile('a.js', 'x'.repeat(1_100_000)) as { skipped: string }).skipped, /larger than/);
    assert.match((extractFile('a.js', `var a=${'1+'.repeat(20000)}1;`) as { skipped: string }).skipped, /minified/);
    // A U+FFFD in the text is a character like any other; invalid bytes are caught when decoding.
    assert.equal('skipped' in extractFile('a.ts', 'const s = "caf\uFFFD";'), false);
    assert.match((extractFile('a.rb', 'require "x"') as { skipped: string }).skipped, /not a TypeScript/);
  });

  it('reads TSX elements with type arguments without swallowing the rest of the file', () => {
    const text = [
      'const a = <Foo<string> v="x" />;',
      "const b = require('./b');",
      'const t = <Table<Row> rows={r} />;',
      "const c = require('./c');",
      'const id = <T = unknown>(x: T) => x;',
      "const d = require('./d');",
      'const s = <Select<Option, false> onChange={(v) => v} render={() => <b>{require("./e")}</b>} />;',
      'const g = <Grid<{ id: number }, () => void>>child {require("./f")}</Grid>;',
      'const k = <const T extends object,>(x: T) => x;',
      "const h = require('./g');",
      // A generic function type after an annotation or a type alias is no element.
      'const f: <T>(x: T) => T = (x) => x;',
      'type F = <T>(x: T) => T;',
      "const i = require('./i');",
      // `extends` followed by `=`, `>` or `/` is an attribute named extends: an element.
      'const el = <T extends="x">{require("./h")}</T>;',
    ].join('\n');
    assert.deepEqual(summary(text), ['require ./b', 'require ./c', 'require ./d', 'require ./e', 'require ./f', 'require ./g', 'require ./i', 'require ./h']);
  });

  it('reads a regular expression after `default` and after the `}` of else, case and labelled blocks', () => {
    const text = [
      "export default /'/; import a from './a';",
      "if (x) { y(); } else { z(); } /'/.test(s); require('./b');",
      "switch (k) { case 1: { f(); } /'/.test(s); require('./c'); default: { } /'/.test(s); require('./d'); }",
      "outer: { break outer; } /'/.test(s); require('./e');",
      "do { f(); } while (0); require('./f');",
      // Still division: an object literal after `? :` and a property value.
      "const o = c ? { a: 1 } : { b: 2 } / 2; const p = { q: { r: 1 } / 2 }; require('./g');",
      "const n = a ?? b / 2; require('./h');",
    ].join('\n');
    assert.deepEqual(summary(text, 'src/a.js'), ['import ./a [default]', 'require ./b', 'require ./c', 'require ./d', 'require ./e', 'require ./f', 'require ./g', 'require ./h']);
  });

  it('does not take a private method named #import or #require for an import', () => {
    const text = [
      'class Loader {',
      '  #import(p) { return p; }',
      '  #require(p) { return p; }',
      "  run() { this.#import('./x'); this.#require('./y'); return import('./real'); }",
      '}',
    ].join('\n');
    assert.deepEqual(summary(text, 'src/a.ts'), ['dynamic ./real']);
  });

  it('marks import types type-only, and typeof import() in value code not', () => {
    const text = [
      "let x: import('./t').T;",
      "if (typeof import('./v') === 'object') {}",
      "type M = typeof import('./m');",
      "const p: Promise<import('./p').P> = import('./q').then((m) => m.x);",
      "export type U = import('./u').A<import('./w').B.C>;",
      "const page = lazy(() => import('./page'));",
      "const mod = (await import('./await')).default;",
      "type A = import('./alias', { with: { 'resolution-mode': 'import' } });",
      "type G<T extends Box<T> = never> = import('./generic');",
      "export const c: import('./annotated') = { x: 0 };",
      "const routes = { home: import('./home'), other: ok ? import('./yes') : import('./no') };",
      "switch (k) { case 1: import('./case'); }",
    ].join('\n');
    assert.deepEqual(summary(text, 'src/a.ts'), [
      'dynamic ./t type',
      'dynamic ./v',
      'dynamic ./m type',
      'dynamic ./p type',
      'dynamic ./q',
      'dynamic ./u type',
      'dynamic ./w type',
      'dynamic ./page',
      'dynamic ./await',
      'dynamic ./alias type',
      'dynamic ./generic type',
      'dynamic ./annotated type',
      'dynamic ./home',
      'dynamic ./yes',
      'dynamic ./no',
      'dynamic ./case',
    ]);
  });

  it('names no module where the argument of import() or require() is an expression', () => {
    const text = "import('./a' + name); require('./b' + name); require('./c'.replace('c', 'd')); import('./e', { with: { type: 'json' } }); require('./f')";
    assert.deepEqual(summary(text, 'src/a.js'), ['dynamic ./e', 'require ./f']);
  });

  it('survives unterminated strings, templates, comments and JSX without losing later lines', () => {
    const text = ["const s = 'unterminated", "import a from './a';", "const t = \"also", "import b from './b';"].join('\n');
    assert.deepEqual(summary(text, 'src/a.ts'), ['import ./a [default]', 'import ./b [default]']);
    assert.deepEqual(summary('const x = `never closed ${ require("./r") '), ['require ./r']);
    assert.deepEqual(summary('/* never closed import "x"'), []);
    assert.deepEqual(summary('const el = <div attr="x"'), []);
    // A specifier still being typed is not an import yet.
    assert.deepEqual(summary("import a from './a';\nimport b from './b"), ['import ./a [default]']);
  });
});
