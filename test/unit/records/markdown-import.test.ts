import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importMarkdownRecord, readStatus, reconcileSupersedes, type ImportedRecord } from '../../../src/core/records/markdown/import';
import { recordToMadr } from '../../../src/core/records/markdown/madr-export';
import { jsonAdrToRecord, logToJsonAdr } from '../../../src/core/records/json-adr';
import { parseRecord } from '../../../src/core/records/parse';
import { recordToYaml } from '../../../src/core/records/serialize';
import { checkLog } from '../../../src/core/records/store';
import type { DecisionRecord } from '../../../src/core/records/types';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/records');
const TODAY = '2026-11-27';

function importFolder(name: string): ImportedRecord[] {
  const dir = path.join(FIXTURES, name);
  const out = readdirSync(dir)
    .sort()
    .map((f) => importMarkdownRecord(f, readFileSync(path.join(dir, f), 'utf8'), { today: TODAY }))
    .filter((r): r is ImportedRecord => r !== undefined);
  reconcileSupersedes(out);
  return out;
}

/** Writes the imported records as YAML and lints them as a log would. */
function lint(records: ImportedRecord[]) {
  const loaded = records.map((r) => parseRecord(`docs/adr/${String(r.id).padStart(4, '0')}-${r.slug}.yaml`, recordToYaml(r.record)));
  return [...loaded.flatMap((l) => l.findings), ...checkLog(loaded, TODAY)];
}

function fixtureLog(): DecisionRecord[] {
  const dir = path.join(FIXTURES, 'log/docs/adr');
  return readdirSync(dir).sort().map((f) => parseRecord(f, readFileSync(path.join(dir, f), 'utf8')).record!);
}

/** Folded YAML prose ends with a newline that Markdown does not keep; compare without it. */
function normalized(rec: DecisionRecord): unknown {
  return JSON.parse(JSON.stringify(rec, (_k, v: unknown) => (typeof v === 'string' ? v.trimEnd() : v)));
}

describe('import of Markdown decision records', () => {
  it('reads MADR 2, 3 and 4 records, keeping numbers, titles, statuses, dates and supersede links', () => {
    const [a, b, c] = importFolder('madr');
    assert.deepEqual([a.id, a.record.title, a.record.status, a.record.date, a.record.superseded_by], [1, 'Use PostgreSQL for tenant data', 'superseded', '2024-02-03', 3]);
    assert.deepEqual(a.record.deciders, ['Ines', 'Kofi']);
    assert.deepEqual(a.record.drivers, ['tenant isolation', 'one database to run']);
    assert.deepEqual(a.record.decision, { chosen: 'PostgreSQL', rationale: 'row-level security gives us isolation.' });
    assert.deepEqual(a.record.consequences, { good: ['one engine for everything'], bad: ['reports load the primary'] });
    assert.deepEqual(a.record.options?.[1], { name: 'MongoDB', pros: ['flexible documents'], cons: ['no joins for reports'] });
    assert.match(a.record.extra?.preamble ?? '', /Technical Story: https:\/\/example.com\/issues\/12/);

    assert.deepEqual([b.id, b.record.status, b.record.date, b.record.consulted], [2, 'accepted', '2024-03-10', ['ops']]);
    assert.match(b.record.decision?.rationale ?? '', /### Confirmation\n\nA test checks that no bytea column exists./);

    assert.deepEqual([c.record.title, c.record.deciders, c.record.informed, c.record.supersedes], ['Split reporting into a read replica', ['Ines', 'Kofi', 'Sam'], ['support'], [1]]);
    assert.deepEqual(c.record.decision, { chosen: 'Read replica' });
    assert.deepEqual(c.record.consequences, { good: ['reports no longer load the primary'], neutral: ['replication lag of seconds'] });
    assert.deepEqual(c.record.links, [{ title: 'Runbook', url: 'https://example.com/runbooks/replica' }]);
    assert.deepEqual(lint([a, b, c]), []);
  });

  it('reads Nygard / adr-tools records with their "Superceded by" links', () => {
    const [a, b, c] = importFolder('adr-tools');
    assert.deepEqual([a.record.title, a.record.status, a.record.date], ['Record architecture decisions', 'accepted', '2023-05-02']);
    assert.deepEqual(b.record.decision, { chosen: 'Deploy with Ansible', rationale: 'Deploy with Ansible playbooks from CI.' });
    assert.deepEqual([b.record.status, b.record.superseded_by], ['superseded', 3]);
    assert.deepEqual(b.record.consequences, { neutral: ['Simple to start.', 'Hard to scale past a handful of servers.'] });
    assert.deepEqual(c.record.supersedes, [2]);
    assert.deepEqual(c.record.consequences, { neutral: ['The team needs to learn Kubernetes.'] });
    assert.deepEqual(lint([a, b, c]), []);
  });

  it('completes a one-sided supersede link and notes guessed statuses and dates', () => {
    const mk = (id: number, status: string) => importMarkdownRecord(`000${id}-r.md`, `---\nstatus: ${status}\n---\n# R${id}\n`, { today: TODAY })!;
    const recs = [mk(1, 'superseded by ADR-0002'), mk(2, 'accepted'), mk(3, 'on hold')];
    reconcileSupersedes(recs);
    assert.deepEqual(recs[1].record.supersedes, [1]);
    assert.equal(recs[2].record.status, 'proposed');
    assert.deepEqual(recs[2].notes, ['status "on hold" is not one Adrift knows; imported as proposed', `no date given; used today, ${TODAY} (the default)`, 'kept as Markdown in extra: lines under the title']);
    assert.equal(recs[2].record.extra?.preamble, 'on hold');
    assert.deepEqual(lint(recs), []);
  });

  it('reads status lines in their many spellings', () => {
    assert.deepEqual(readStatus('Superseded by [ADR-0012](0012-x.md)'), { status: 'superseded', supersededBy: 12, supersedes: [] });
    assert.deepEqual(readStatus('Accepted\n\nSupercedes [1. First](0001-first.md)\nSupercedes [4. Fourth](0004-fourth.md)'), { status: 'accepted', supersedes: [1, 4] });
    assert.equal(readStatus('Approved').status, 'accepted');
    assert.equal(readStatus('deprecated').status, 'deprecated');
  });
});

describe('export → import', () => {
  it('gives back the same records through MADR 4 Markdown', () => {
    const records = fixtureLog();
    const files = new Map(records.map((r) => [r.id, `${String(r.id).padStart(4, '0')}-x.md`]));
    const again = records.map((r) => importMarkdownRecord(files.get(r.id)!, recordToMadr(r, (id) => files.get(id)), { today: TODAY })!);
    reconcileSupersedes(again);
    assert.deepEqual(again.map((r) => normalized(r.record)), records.map(normalized));
  });

  it('gives back the same records through JSON-ADR', () => {
    const records = fixtureLog();
    const json = JSON.parse(JSON.stringify(logToJsonAdr(records.map((record) => ({ record })), { name: 'adrift', version: '0' }, 'docs/adr', new Date(0))));
    assert.equal(json.version, '1.0.0');
    assert.deepEqual(json.adrs.map(jsonAdrToRecord).map(normalized), records.map(normalized));
  });

  it('writes MADR 4 front matter and sections', () => {
    const md = recordToMadr(fixtureLog()[1]);
    assert.ok(md.startsWith('---\nstatus: accepted\ndate: 2026-01-12\ndecision-makers:\n  - Mara (tech lead)\n  - Jon\n'));
    for (const h of ['# Split the invoicing app into three modules', '## Context and Problem Statement', '## Considered Options', '## Decision Outcome', '### Consequences', '## Pros and Cons of the Options', '## More Information']) {
      assert.ok(md.includes(`\n${h}\n`), h);
    }
    assert.ok(md.includes('Chosen option: "Modular monolith".'));
    assert.ok(md.includes('* Bad, because cross-module reports need an exported function'));
  });
});
