import * as assert from 'node:assert/strict';
import type { DecisionLog, DecisionRecord, LoadedRecord } from '../../../src/core/records/types';
import { decisionEntry, groupDecisions, matchesFilter } from '../../../src/extension/views/decisionItems';

function loaded(record: Partial<DecisionRecord> & { id: number; title: string; status: DecisionRecord['status'] }, findings = 0): LoadedRecord {
  const full: DecisionRecord = { date: '2026-11-01', ...record };
  return {
    file: `docs/adr/${String(record.id).padStart(4, '0')}-x.yaml`,
    text: '',
    doc: undefined,
    record: full,
    header: { id: record.id, title: record.title, status: record.status },
    findings: Array.from({ length: findings }, () => ({ rule: 'decision-schema' as const, severity: 'error' as const, file: 'x', range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, message: 'm' })),
    rangeOf: () => ({ start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }),
  };
}

function broken(file: string): LoadedRecord {
  return { file, text: 'id: [', doc: undefined, header: {}, findings: [], rangeOf: () => ({ start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }) };
}

function log(...records: LoadedRecord[]): DecisionLog {
  return { root: '/w', folder: '/w/docs/adr', folderRelative: 'docs/adr', folderExists: true, records, findings: [] };
}

describe('Decisions view items', () => {
  const today = '2026-11-27';
  const records = log(
    loaded({ id: 2, title: 'Shared database with tenant id', status: 'accepted', tags: ['tenancy'] }),
    loaded({ id: 1, title: 'Record architecture decisions', status: 'accepted' }),
    loaded({ id: 5, title: 'Use PostgreSQL', status: 'proposed', tags: ['database'], review_by: '2026-11-01' }),
    loaded({ id: 4, title: 'Use MongoDB', status: 'superseded', superseded_by: 5 }),
    broken('docs/adr/0009-broken.yaml'),
  );

  it('groups by status in reading order, records by id', () => {
    const groups = groupDecisions(records, '', today);
    assert.deepEqual([...groups.keys()], ['accepted', 'proposed', 'superseded', 'invalid']);
    assert.deepEqual(groups.get('accepted')?.map((e) => e.id), [1, 2]);
    assert.equal(groups.get('invalid')?.[0].title, '0009-broken.yaml');
  });

  it('marks a review date in the past as overdue while the decision holds', () => {
    const e = decisionEntry(records.records[2], today);
    assert.equal(e.overdue, true);
    assert.equal(decisionEntry(records.records[2], '2026-10-01').overdue, false);
    const superseded = decisionEntry(loaded({ id: 7, title: 'Old', status: 'superseded', review_by: '2020-01-01' }), today);
    assert.equal(superseded.overdue, false);
  });

  it('filters by title words, tags, status and id', () => {
    const ids = (filter: string) => [...groupDecisions(records, filter, today).values()].flat().map((e) => e.id);
    assert.deepEqual(ids('postgres'), [5]);
    assert.deepEqual(ids('#tenancy'), [2]);
    assert.deepEqual(ids('#postgres'), [], 'a #word matches tags only, not titles');
    assert.deepEqual(ids('tenancy'), [2]);
    assert.deepEqual(ids('proposed'), [5]);
    assert.deepEqual(ids('ADR-0004'), [4]);
    assert.deepEqual(ids('4'), [4]);
    assert.deepEqual(ids('use mongodb'), [4]);
    assert.deepEqual(ids('nothing-like-this'), []);
  });

  it('matches every record when the filter is blank', () => {
    assert.equal(matchesFilter(decisionEntry(records.records[0], today), '   '), true);
  });
});
