import * as assert from 'node:assert/strict';
import { extractFile } from '../../../../src/core/engine/extract';
import type { ExtractedFile } from '../../../../src/core/engine/types';

function extract(text: string): ExtractedFile {
  const result = extractFile('pkg/mod.py', text);
  assert.ok(!('skipped' in result));
  return result;
}

function summary(text: string): string[] {
  return extract(text).imports.map(
    (i) => `${i.specifier} ${i.range.start.line}:${i.range.start.column}-${i.range.end.column}${i.typeOnly ? ' type' : ''}${i.names ? ` [${i.names.join(',')}]` : ''}`,
  );
}

describe('Python import extraction', () => {
  it('reads absolute, aliased, relative and star imports with the range of the module name', () => {
    const text = [
      'import os, sys as system',
      'import app.models.ticket as t',
      'from . import views',
      'from .. import a, b as c',
      'from ..pkg.sub import (',
      '    x,',
      '    y as z,',
      ')',
      'from .mod import *',
      'from ... import far',
    ].join('\n');
    assert.deepEqual(summary(text), [
      'os 0:7-9',
      'sys 0:11-14',
      'app.models.ticket 1:7-24',
      '. 2:5-6 [views]',
      '.. 3:5-7 [a,b]',
      '..pkg.sub 4:5-14 [x,y]',
      '.mod 8:5-9 [*]',
      '... 9:5-8 [far]',
    ]);
  });

  it('counts imports nested in functions, if, try and after semicolons or colons', () => {
    const text = [
      'def f():',
      '    from app.inner import thing',
      '    if flag:',
      '        import app.flagged',
      'try:',
      '    import ujson as json',
      'except ImportError:',
      '    import json',
      'x = 1; import after_semicolon',
      'if debug: import pdb',
    ].join('\n');
    assert.deepEqual(
      extract(text).imports.map((i) => i.specifier),
      ['app.inner', 'app.flagged', 'ujson', 'json', 'after_semicolon', 'pdb'],
    );
  });

  it('marks imports under `if TYPE_CHECKING:` type-only, and only those', () => {
    const text = [
      'from typing import TYPE_CHECKING',
      'if TYPE_CHECKING:',
      '    from app.users import User',
      '',
      '    # a comment at a lower indent does not end the block',
      '    import app.billing',
      'else:',
      '    import app.runtime',
      'if typing.TYPE_CHECKING: import app.inline',
      'import app.after',
      'def f():',
      '    if TYPE_CHECKING:',
      '        import app.nested',
      '    import app.not_nested',
    ].join('\n');
    assert.deepEqual(
      extract(text).imports.map((i) => `${i.specifier}${i.typeOnly ? ' type' : ''}`),
      ['typing', 'app.users type', 'app.billing type', 'app.runtime', 'app.inline type', 'app.after', 'app.nested type', 'app.not_nested'],
    );
  });

  it('ignores imports written inside strings, docstrings, f-strings and comments', () => {
    const text = [
      '"""Docstring: import os',
      'from x import y"""',
      "s = 'import nope'",
      'f = f"{d[\'k\']} import nope {g(\\"x\\")}"',
      "g = f'{x:>{width}} from y import z'",
      "h = rb'import nope'",
      '# import nope',
      'import yes',
    ].join('\n');
    assert.deepEqual(extract(text).imports.map((i) => i.specifier), ['yes']);
  });

  it('reads backslash continuations and keeps lines after unterminated strings', () => {
    const text = ['from app.a import \\', '    b', "s = 'unterminated", 'import after', 'x = """never closed', 'import hidden'].join('\n');
    assert.deepEqual(summary(text), ['app.a 0:5-10 [b]', 'after 3:7-12']);
  });

  it('finds SQL tables in strings and SQLAlchemy models in query/select calls', () => {
    const text = [
      'from sqlalchemy import select',
      'rows = session.query(Ticket).filter(Ticket.id == 1)',
      'stmt = select(User.id, Tenant)',
      'q = """',
      '  SELECT t.id FROM tickets t',
      '  JOIN users u ON u.id = t.user_id"""',
      'msg = "Delete from your cart?"',
      'words = select(items)',
    ].join('\n');
    assert.deepEqual(
      extract(text).dataAccess.map((d) => `${d.kind} ${d.name} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`),
      ['orm Ticket 1:21-27', 'orm User 2:14-18', 'orm Tenant 2:23-29', 'sql tickets 4:19-26', 'sql users 5:7-12'],
    );
  });

  it('reads suppression comments after #', () => {
    const text = ['import app.billing  # adrift-ignore module-dependency -- migration in progress', '# adrift-ignore forbidden-package'].join('\n');
    assert.deepEqual(
      extract(text).suppressions.map((s) => [s.rule, s.reason, s.range.start.line, s.range.start.column, s.range.end.column]),
      [
        ['module-dependency', 'migration in progress', 0, 20, 78],
        ['forbidden-package', '', 1, 0, 33],
      ],
    );
  });

  it('ignores comments and docstrings that only mention the directive', () => {
    const text = [
      '# Write `# adrift-ignore <rule> -- <reason>` to silence a finding.',
      '"""adrift-ignore module-dependency -- a docstring is a string, not a comment"""',
      'import app.billing  # see adrift-ignore module-dependency -- prose',
      '#adrift-ignore forbidden-package -- vendored copy',
    ].join('\n');
    assert.deepEqual(
      extract(text).suppressions.map((s) => [s.rule, s.reason, s.range.start.line]),
      [['forbidden-package', 'vendored copy', 3]],
    );
  });
});
