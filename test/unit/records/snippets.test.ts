import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseRecord } from '../../../src/core/records/parse';

const SNIPPETS = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../snippets/adr.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[]; scope: string }>;

/** The text a snippet inserts when every placeholder keeps its default (first choice, $N copies of earlier ones). */
function expand(body: string[]): string {
  const values = new Map<string, string>();
  let text = body.join('\n');
  text = text.replace(/\$CURRENT_YEAR/g, '2026').replace(/\$CURRENT_MONTH/g, '11').replace(/\$CURRENT_DATE/g, '27');
  for (let i = 0; i < 5; i++) {
    text = text
      .replace(/\$\{(\d+)\|([^,|]*)[^|]*\|\}/g, (_m, n: string, first: string) => (values.set(n, first), first))
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, def: string) => (values.set(n, def), def))
      .replace(/\$\{(\d+)\}/g, (_m, n: string) => values.get(n) ?? '')
      .replace(/\$(\d+)/g, (m, n: string) => values.get(n) ?? (n === '0' ? '' : m));
  }
  return text.replace(/\$(\d+)/g, (_m, n: string) => values.get(n) ?? '');
}

const indent = (text: string, by: string) => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

describe('YAML snippets', () => {
  it('are YAML snippets with prefixes', () => {
    assert.deepEqual(Object.keys(SNIPPETS).sort(), ['Adrift decision record', 'Adrift enforce block', 'Adrift module', 'Adrift option']);
    for (const s of Object.values(SNIPPETS)) {
      assert.equal(s.scope, 'yaml');
      assert.ok(s.prefix.some((p) => p.startsWith('adr-')));
    }
  });

  it('expand into a valid record, module, option and enforce block', () => {
    const record = expand(SNIPPETS['Adrift decision record'].body);
    const r = parseRecord('docs/adr/0001-x.yaml', record);
    assert.deepEqual(r.findings, []);
    assert.equal(r.record?.decision?.chosen, 'Option A');

    const withParts = `${record}${expand(SNIPPETS['Adrift enforce block'].body)}`;
    const e = parseRecord('docs/adr/0001-x.yaml', withParts);
    assert.deepEqual(e.findings, []);
    assert.deepEqual(e.record?.enforce?.packages?.forbid, [{ name: 'mongodb', reason: 'we chose PostgreSQL' }]);

    const moduleText = expand(SNIPPETS['Adrift module'].body);
    const m = parseRecord('docs/adr/0001-x.yaml', `${record}enforce:\n  modules:\n${indent(moduleText, '    ')}`);
    assert.deepEqual(m.findings, []);
    assert.deepEqual(m.record?.enforce?.modules?.ticket.paths, ['src/ticket/**']);

    const option = expand(SNIPPETS['Adrift option'].body);
    const o = parseRecord('docs/adr/0001-x.yaml', record.replace('options:\n', `options:\n${indent(option, '  ')}`));
    assert.deepEqual(o.findings, []);
    assert.equal(o.record?.options?.length, 3);
  });
});
