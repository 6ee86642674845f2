import * as assert from 'node:assert/strict';
import { extractFile } from '../../../../src/core/engine/extract';
import type { ExtractedFile } from '../../../../src/core/engine/types';

// The TypeScript and Python extractors stop lexing after the last place a token they act on
// can start. Each case puts that token after a long body of ordinary code (exported functions, strings,
// templates, a regex) so that stopping one token too early loses it.

const BODY = Array.from({ length: 40 }, (_, i) =>
  [
    `export function f${i}(input: number): string {`,
    `  const label = 'value ' + input; // a comment with import and "quotes"`,
    `  const re = /from ['"]x['"]/g;`,
    '  return `${label}: ${input > 100 ? input - 1 : input + 1}`;',
    '}',
  ].join('\n'),
).join('\n');

function extract(tail: string, file = 'src/a.ts'): ExtractedFile {
  const result = extractFile(file, `import { a } from './a';\n${BODY}\n${tail}\n`);
  assert.ok(!('skipped' in result));
  return result;
}

function specifiers(tail: string, file?: string): string[] {
  return extract(tail, file).imports.map((i) => `${i.kind} ${i.specifier}${i.typeOnly ? ' type' : ''}`);
}

function access(tail: string, file?: string): string[] {
  return extract(tail, file).dataAccess.map((d) => `${d.kind} ${d.name} ${d.range.start.line}:${d.range.start.column}`);
}

describe('TypeScript extraction after a long body', () => {
  it('finds imports, requires and re-exports written last', () => {
    assert.deepEqual(specifiers("export { b } from './b';"), ['import ./a', 'export ./b']);
    assert.deepEqual(specifiers("export type { T } from './t';"), ['import ./a', 'export ./t type']);
    assert.deepEqual(specifiers("export * from './all';"), ['import ./a', 'export ./all']);
    assert.deepEqual(specifiers("export /* note */ { c } from './c';"), ['import ./a', 'export ./c']);
    assert.deepEqual(specifiers("const lazy = () => import('./lazy');"), ['import ./a', 'dynamic ./lazy']);
    assert.deepEqual(specifiers("const r = require('lodash');"), ['import ./a', 'require lodash']);
    assert.deepEqual(specifiers("import fs = require('node:fs');"), ['import ./a', 'import-equals node:fs']);
  });

  it('leaves out what only looks like one at the end: a local export list, a property, a string', () => {
    assert.deepEqual(specifiers('export { f0 };'), ['import ./a']);
    assert.deepEqual(specifiers("const s = 'import x from \"./no\"';"), ['import ./a']);
    assert.deepEqual(specifiers("loader.import('./no');"), ['import ./a']);
  });

  it('finds Prisma calls and SQL written last', () => {
    const line = BODY.split('\n').length + 1;
    assert.deepEqual(access('await prisma.ticket.findMany({});'), [`prisma ticket ${line}:13`]);
    assert.deepEqual(access('await this.prismaService.user.update({});'), [`prisma user ${line}:25`]);
    assert.deepEqual(access('await db.order.create({});'), [`prisma order ${line}:9`]);
    assert.deepEqual(access('await trx.order.delete({});'), [`prisma order ${line}:10`]);
    assert.deepEqual(access("const q = 'SELECT id FROM accounts';"), [`sql accounts ${line}:26`]);
    assert.deepEqual(access("const q = '  (  select * from items where id = 1)';"), [`sql items ${line}:30`]);
    assert.deepEqual(access("const q = '-- name: Get\\nDELETE FROM carts';"), []); // an escaped line break is not one
    assert.deepEqual(access('const q = `-- name: Get\nDELETE FROM carts`;'), [`sql carts ${line + 1}:12`]);
  });

  it('reads an SQL template whose substitutions run past the last keyword', () => {
    const line = BODY.split('\n').length + 1;
    assert.deepEqual(access('const q = `UPDATE ledger SET a = ${value(1)} WHERE id = ${id}`;'), [`sql ledger ${line}:18`]);
    assert.deepEqual(access('const q = `select * from t1 join ${x} on ${y({ a: `b` })} join t2`;'), [
      `sql t1 ${line}:25`,
      `sql t2 ${line}:63`,
    ]);
  });

  it('keeps every suppression comment, wherever it is', () => {
    const result = extract('const x = 1; // adrift-ignore module-dependency -- kept on purpose');
    assert.deepEqual(result.suppressions.map((s) => `${s.rule} ${s.reason}`), ['module-dependency kept on purpose']);
  });
});

const PY_BODY = Array.from({ length: 40 }, (_, i) =>
  [`def f_${i}(x: int) -> str:`, `    label = "value %d" % x  # from a import b`, `    return f"{label}: {x * 2}"`, ''].join('\n'),
).join('\n');

function extractPy(tail: string, head = 'import os'): ExtractedFile {
  const result = extractFile('pkg/a.py', `${head}\n${PY_BODY}\n${tail}\n`);
  assert.ok(!('skipped' in result));
  return result;
}

describe('Python extraction after a long body', () => {
  const line = PY_BODY.split('\n').length + 1;

  it('finds imports written last, inside a function or a TYPE_CHECKING block', () => {
    assert.deepEqual(extractPy('def g():\n    from .models import Ticket').imports.map((i) => `${i.specifier} ${i.typeOnly}`), ['os false', '.models false']);
    assert.deepEqual(extractPy('if TYPE_CHECKING:\n    import typing_extensions').imports.map((i) => `${i.specifier} ${i.typeOnly}`), ['os false', 'typing_extensions true']);
    assert.deepEqual(extractPy('x = "from a import b"').imports.map((i) => i.specifier), ['os']);
  });

  it('finds ORM calls and SQL written last', () => {
    const access = (tail: string, head?: string): string[] =>
      extractPy(tail, head).dataAccess.map((d) => `${d.kind} ${d.name} ${d.range.start.line}:${d.range.start.column}`);
    assert.deepEqual(access('rows = session.query(Ticket).all()'), [`orm Ticket ${line}:21`]);
    assert.deepEqual(access('stmt = select(User)', 'from sqlalchemy import select'), [`orm User ${line}:14`]);
    assert.deepEqual(access('q = """\n  SELECT id FROM invoices"""'), [`sql invoices ${line + 1}:17`]);
    assert.deepEqual(access("q = f'delete from carts where id = {cid}'"), [`sql carts ${line}:18`]);
  });
});
