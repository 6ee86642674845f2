import * as assert from 'node:assert/strict';
import { formatFindingLine } from '../../../src/core/findings';
import { nextId } from '../../../src/core/records/edits';
import { loadDecisionLog } from '../../../src/core/records/store';
import { MemoryFileSystem } from './memory-fs';

const ROOT = '/ws';
const rec = (id: number, extra = '', status = 'accepted') =>
  `id: ${id}\ntitle: Decision ${id}\nstatus: ${status}\ndate: 2026-11-01\n${extra}`;

function log(files: Record<string, string>, folder?: string) {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([k, v]) => [`${ROOT}/${k}`, v])));
  return loadDecisionLog(fs, ROOT, { today: '2026-11-27', ...(folder ? { folder } : {}) });
}

describe('loadDecisionLog', () => {
  it('loads every record sorted by id, even when one is broken', async () => {
    const l = await log({
      'docs/adr/0002-b.yaml': rec(2),
      'docs/adr/0001-a.yaml': rec(1),
      'docs/adr/0003-c.yaml': 'id: 3\ntitle: [unclosed\n',
      'docs/adr/README.md': '# not a record',
    });
    assert.equal(l.folder, '/ws/docs/adr');
    assert.equal(l.folderRelative, 'docs/adr');
    assert.deepEqual(l.records.map((r) => r.file), ['docs/adr/0001-a.yaml', 'docs/adr/0002-b.yaml', 'docs/adr/0003-c.yaml']);
    assert.equal(l.records[2].record, undefined);
    // Still listed by the number of its file name and the title it has.
    assert.deepEqual(l.records[2].header, { id: 3 });
    assert.equal(l.findings.length, 1);
    assert.match(formatFindingLine(l.findings[0]), /^docs\/adr\/0003-c.yaml:\d+:\d+ decision-schema YAML syntax error/);
  });

  it('names a record whose YAML is broken by its file number and title line', async () => {
    const l = await log({ 'docs/adr/0004-d.yaml': 'id: 4\ntitle: "Use Kafka"   # maybe\nstatus: [\n', 'docs/adr/0001-a.yaml': rec(1) });
    assert.deepEqual(l.records.map((r) => [r.header.id, r.header.title]), [[1, 'Decision 1'], [4, 'Use Kafka']]);
  });

  it('reports a missing folder without failing', async () => {
    const l = await log({});
    assert.equal(l.folderExists, false);
    assert.deepEqual(l.records, []);
  });

  it('finds docs/decisions when docs/adr is absent, and honours .adrift.yaml', async () => {
    assert.equal((await log({ 'docs/decisions/0001-a.yaml': rec(1) })).folderRelative, 'docs/decisions');
    const l = await log({ '.adrift.yaml': 'decisions: architecture/decisions\n', 'architecture/decisions/0001-a.yaml': rec(1) });
    assert.equal(l.records.length, 1);
  });

  it('flags duplicate ids on both records, at the id', async () => {
    const l = await log({ 'docs/adr/0007-a.yaml': rec(7), 'docs/adr/0007-b.yaml': rec(7) });
    assert.deepEqual(l.findings.map(formatFindingLine), [
      'docs/adr/0007-a.yaml:1:1 decision-reference id 7 is also used by docs/adr/0007-b.yaml (two branches each added one?); run "adrift renumber" to give each record its own id',
      'docs/adr/0007-b.yaml:1:1 decision-reference id 7 is also used by docs/adr/0007-a.yaml (two branches each added one?); run "adrift renumber" to give each record its own id',
    ]);
  });

  it('flags unknown record ids and modules at the offending item', async () => {
    const l = await log({
      'docs/adr/0001-a.yaml': rec(1, 'supersedes: [9]\nenforce:\n  modules:\n    ticket:\n      uses: [tenant, tenants]\n    tenant: {}\n'),
    });
    assert.deepEqual(l.findings.map(formatFindingLine), [
      'docs/adr/0001-a.yaml:5:14 decision-reference supersedes record 9, which does not exist',
      'docs/adr/0001-a.yaml:9:22 decision-reference module ticket uses "tenants", but no record declares a module tenants (did you mean "tenant"?)',
    ]);
  });

  it('flags a file name that does not match the id', async () => {
    const l = await log({ 'docs/adr/0004-a.yaml': rec(3) });
    assert.match(formatFindingLine(l.findings[0]), /^docs\/adr\/0004-a.yaml:1:1 decision-reference id 3 does not match the file name 0004-a.yaml/);
    assert.equal(l.findings[0].severity, 'warning');
  });

  it('warns about a past review_by on an accepted record only', async () => {
    const l = await log({
      'docs/adr/0001-a.yaml': rec(1, 'review_by: 2026-01-01\n'),
      'docs/adr/0002-b.yaml': rec(2, 'review_by: 2026-01-01\n', 'rejected'),
      'docs/adr/0003-c.yaml': rec(3, 'review_by: 2027-01-01\n'),
    });
    assert.deepEqual(l.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule} ${f.severity}`), ['docs/adr/0001-a.yaml:5 decision-lifecycle warning']);
  });

  it('asks for the reverse link of a supersession', async () => {
    const l = await log({
      'docs/adr/0001-a.yaml': rec(1),
      'docs/adr/0002-b.yaml': rec(2, 'supersedes: [1]\n'),
      'docs/adr/0003-c.yaml': rec(3, 'superseded_by: 2\n', 'superseded'),
    });
    const lines = l.findings.map(formatFindingLine);
    assert.equal(lines.length, 2);
    assert.match(lines[0], /0002-b.yaml:5:14 decision-lifecycle record 1 is superseded by this one but does not say so/);
    assert.match(lines[1], /0003-c.yaml:5:1 decision-lifecycle record 2 does not list 3 in its supersedes/);
  });

  it('includes findings about .adrift.yaml', async () => {
    const l = await log({ '.adrift.yaml': 'decisons: docs/adr\n', 'docs/adr/0001-a.yaml': rec(1) });
    assert.deepEqual(l.findings.map(formatFindingLine), ['.adrift.yaml:1:1 decision-schema unknown key "decisons" in .adrift.yaml (did you mean "decisions"?)']);
  });
  it('rejects a glob too complex to match safely, at the glob, with why (issue 17 item 9)', async () => {
    const l = await log({ 'docs/adr/0001-a.yaml': rec(1, 'enforce:\n  modules:\n    ticket:\n      paths: [src/ticket/**, "src/@(x|y)*a*a*a*a*a*b"]\n') });
    assert.deepEqual(l.findings.map(formatFindingLine), [
      'docs/adr/0001-a.yaml:8:30 decision-reference glob "src/@(x|y)*a*a*a*a*a*b" is too complex to match safely (7 wildcards with extglob, negation or range syntax; at most 3), so it matches nothing: simplify it',
    ]);
  });
});

describe('loadDecisionLog: records that cannot be read', () => {
  it('keeps an unreadable record in the log with the reason, so list shows it and new skips its id', async () => {
    const fs = new MemoryFileSystem({ [`${ROOT}/docs/adr/0001-a.yaml`]: rec(1), [`${ROOT}/docs/adr/0002-locked.yaml`]: rec(2) });
    fs.unreadable.set(`${ROOT}/docs/adr/0002-locked.yaml`, 'EACCES');
    const l = await loadDecisionLog(fs, ROOT, { today: '2026-11-27' });
    assert.deepEqual(l.records.map((r) => [r.file, r.header.id, r.record?.id]), [['docs/adr/0001-a.yaml', 1, 1], ['docs/adr/0002-locked.yaml', 2, undefined]]);
    assert.deepEqual(l.findings.map(formatFindingLine), ['docs/adr/0002-locked.yaml:1:1 decision-schema could not read the record: permission denied']);
    assert.equal(l.records[1].readOnly, 'could not read the record: permission denied');
    assert.equal(nextId(l), 3);
  });
});
