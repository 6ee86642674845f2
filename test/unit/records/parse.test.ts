import * as assert from 'node:assert/strict';
import { parseRecord, MAX_RECORD_CHARS } from '../../../src/core/records/parse';
import { formatFindingLine } from '../../../src/core/findings';

const FILE = 'docs/adr/0002-tenancy.yaml';
const VALID = `# Tenancy is the first decision every other one leans on.
id: 2
title: One database, tenant id on every row
status: accepted   # agreed in the design review
date: 2026-11-27
deciders: [tech lead]
enforce:
  modules:
    ticket:
      paths: [src/ticket/**]
      uses: [tenant]
    tenant:
      paths: [src/tenant/**]
`;

function lines(text: string) {
  return parseRecord(FILE, text).findings.map(formatFindingLine);
}

describe('parseRecord', () => {
  it('reads a valid record with no findings and keeps the document for edits', () => {
    const r = parseRecord(FILE, VALID);
    assert.deepEqual(r.findings, []);
    assert.equal(r.record?.id, 2);
    assert.deepEqual(r.record?.enforce?.modules?.ticket.uses, ['tenant']);
    assert.equal(r.doc?.toString().includes('# agreed in the design review'), true);
    assert.deepEqual(r.header, { id: 2, title: 'One database, tenant id on every row', status: 'accepted' });
  });

  it('gives the range of a key for "open at line"', () => {
    const r = parseRecord(FILE, VALID);
    assert.deepEqual(r.rangeOf(['enforce', 'modules', 'tenant']), { start: { line: 11, column: 4 }, end: { line: 11, column: 10 } });
    assert.deepEqual(r.rangeOf(['status']).start, { line: 3, column: 0 });
  });

  it('names the allowed statuses and points at the wrong value', () => {
    assert.deepEqual(lines(VALID.replace('status: accepted', 'status: maybe')), [
      `${FILE}:4:9 decision-schema status must be one of proposed, accepted, rejected, deprecated, superseded (found "maybe")`,
    ]);
  });

  it('says which list of module names is wrong', () => {
    const [line] = lines(VALID.replace('uses: [tenant]', 'uses: tenant'));
    assert.equal(line, `${FILE}:11:13 decision-schema enforce.modules.ticket.uses must be a list of module names (found "tenant")`);
  });

  it('suggests the field an unknown one was probably meant to be', () => {
    const found = lines(VALID.replace('deciders:', 'decider:'));
    assert.deepEqual(found, [`${FILE}:6:1 decision-schema unknown field "decider" (did you mean "deciders"?)`]);
  });

  it('reports a missing field and a bad date in words', () => {
    const found = lines(VALID.replace(/^title: .*\n/m, '').replace('2026-11-27', '27/11/2026'));
    assert.deepEqual(found, [
      `${FILE}:2:1 decision-schema the record is missing the field "title"`,
      `${FILE}:4:7 decision-schema date must be a date written YYYY-MM-DD (found "27/11/2026")`,
    ]);
  });

  it('rejects an upper-case module name at its key', () => {
    const found = lines(VALID.replace('    tenant:\n', '    Tenant:\n'));
    assert.equal(found.length, 1);
    assert.match(found[0], /:12:5 decision-schema "Tenant" is not a valid name in enforce.modules/);
  });

  it('asks a superseded record for its successor', () => {
    const found = lines(VALID.replace('status: accepted', 'status: superseded'));
    assert.deepEqual(found, [`${FILE}:4:9 decision-schema a superseded record needs superseded_by: the id of the record that replaced it`]);
  });

  it('gives one finding for a YAML syntax error and keeps no record', () => {
    const r = parseRecord(FILE, VALID.replace('deciders: [tech lead]', 'deciders: [tech lead'));
    assert.equal(r.record, undefined);
    assert.equal(r.findings.length, 1);
    assert.match(formatFindingLine(r.findings[0]), /^docs\/adr\/0002-tenancy.yaml:\d+:\d+ decision-schema YAML syntax error: /);
  });

  it('refuses an oversized file without parsing it', () => {
    const r = parseRecord(FILE, 'context: ' + 'x'.repeat(MAX_RECORD_CHARS));
    assert.equal(r.doc, undefined);
    assert.match(r.findings[0].message, /at most 256 KB/);
  });

  it('refuses a 10 MB file', () => {
    const r = parseRecord(FILE, `id: 1\n${'# padding\n'.repeat(1_000_000)}`);
    assert.equal(r.record, undefined);
    assert.equal(r.findings.length, 1);
  });

  it('survives an alias bomb', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const r = parseRecord(FILE, levels.join('\n') + '\n');
    assert.equal(r.record, undefined);
    assert.match(r.findings[0].message, /aliases/);
  });

  it('points an alias bomb and an alias without anchor at the alias, not at 1:1', () => {
    const levels = ['id: 1', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const bomb = parseRecord(FILE, levels.join('\n') + '\n');
    assert.deepEqual(bomb.findings.map((f) => [f.range.start, f.message]), [
      [{ line: 9, column: 7 }, 'the record was not loaded: it expands too many YAML aliases (an alias bomb): *h here alone stands for 48,427,561 nodes'],
    ]);
    assert.deepEqual(lines(VALID.replace('deciders: [tech lead]', 'deciders: *leads')), [`${FILE}:6:11 decision-schema the record was not loaded: the alias *leads has no anchor &leads before it`]);
  });

  it('refuses deep nesting before the parser recurses into it', () => {
    const flow = parseRecord(FILE, `id: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    assert.match(formatFindingLine(flow.findings[0]), /:2:68 decision-schema the record nests lists or mappings more than 64 levels/);
    const block = parseRecord(FILE, 'id: 1\n' + Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n');
    assert.match(block.findings[0].message, /nests lists or mappings more than 64 levels \(or 256 spaces\)/);
    assert.deepEqual(parseRecord(FILE, VALID.replace('[tech lead]', '["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]')).findings, []);
  });

  it('reports at most 50 schema problems per record and counts the rest', () => {
    const r = parseRecord(FILE, VALID + Array.from({ length: 2_000 }, (_, i) => `k${i}: v`).join('\n'));
    assert.equal(r.findings.length, 51);
    assert.equal(r.findings[0].message, 'unknown field "k0" (known fields: id, title, status, date, kind, area, deciders, consulted, informed, tags, context, drivers, options, decision, consequences, supersedes, superseded_by, review_by, links, build_vs_buy, evolution, enforce, extra)');
    assert.equal(r.findings[50].message, '… and up to 1950 more problems in this record');
  });

  it('survives binary garbage, an empty file and a record that is a list', () => {
    assert.match(parseRecord(FILE, 'PK\u0003\u0004\u0000\u0000garbage').findings[0].message, /not text/);
    assert.match(parseRecord(FILE, '\n\n').findings[0].message, /empty/);
    assert.match(parseRecord(FILE, '- id: 1\n').findings[0].message, /must be a YAML mapping/);
  });

  it('flags a second YAML document and duplicate keys', () => {
    assert.match(lines(VALID + '---\nid: 3\n')[0], /YAML syntax error: Source contains multiple documents/);
    assert.deepEqual(lines(VALID + 'id: 3\n'), [`${FILE}:14:1 decision-schema the key "id" appears twice in the same mapping; YAML keeps only one of them`]);
  });
});
