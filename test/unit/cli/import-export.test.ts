import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { loadDecisionLog } from '../../../src/core/records/store';
import type { DecisionRecord } from '../../../src/core/records/types';
import { FIXTURES, adrift, cleanUp, workspace } from './run-cli';

async function records(ws: string): Promise<unknown[]> {
  const log = await loadDecisionLog(new NodeFileSystem(), ws.replace(/\\/g, '/'), { today: '2026-11-27' });
  assert.deepEqual(log.findings, []);
  // Folded YAML prose ends with a newline that Markdown does not keep.
  return log.records.map((r) => JSON.parse(JSON.stringify(r.record as DecisionRecord, (_k, v: unknown) => (typeof v === 'string' ? v.trimEnd() : v))));
}

describe('adrift export and import', function () {
  // Each case starts Node processes; on a busy machine that takes seconds, so allow plenty.
  this.timeout(120_000);
  after(cleanUp);

  for (const format of ['madr', 'json-adr']) {
    it(`export --format ${format} then import gives the same records`, async () => {
      const src = workspace('log');
      assert.equal(adrift(['supersede', '3', '4', src]).code, 0);
      // Inside the workspace: Adrift writes nowhere else.
      const out = path.join(src, 'export');
      const exported = adrift(['export', '--format', format, '--out', out, src]);
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(exported.stdout, /^exported 5 records to /);
      if (format === 'madr') assert.deepEqual(readdirSync(out).sort(), ['0001-record-decisions.md', '0002-modules.md', '0003-queue-in-redis.md', '0004-queue-in-postgres.md', '0005-payment-provider.md']);
      const dst = workspace();
      const imported = adrift(['import', format === 'madr' ? out : path.join(out, 'decisions.json'), dst]);
      assert.equal(imported.code, 0, imported.stdout + imported.stderr);
      assert.deepEqual(await records(dst), await records(src));
      // The files keep their names (JSON-ADR's `path` says them), not names made from the titles.
      assert.deepEqual(readdirSync(path.join(dst, 'docs/adr')).sort(), readdirSync(path.join(src, 'docs/adr')).filter((f) => f.endsWith('.yaml')).sort());
    });
  }

  it('imports MADR and adr-tools logs into records that lint clean', () => {
    for (const fixture of ['madr', 'adr-tools']) {
      const ws = workspace();
      const r = adrift(['import', path.join(FIXTURES, fixture), ws]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('created ')).length, 3);
      const lint = adrift(['lint', ws]);
      assert.equal(lint.code, 0, lint.stdout);
      assert.equal(lint.stdout, '');
    }
  });

  it('refuses to overwrite a record number that is taken, writing nothing', () => {
    const ws = workspace('log');
    const r = adrift(['import', path.join(FIXTURES, 'madr'), ws]);
    assert.equal(r.code, 1, 'a content problem is a finding (exit 1), not a usage error');
    assert.doesNotMatch(r.stderr, /Usage:/);
    assert.match(r.stderr, /nothing imported: these numbers are taken already: 1 \(docs\/adr\/0001-record-decisions\.yaml\)/);
    assert.equal(existsSync(path.join(ws, 'docs/adr/0002-use-s3-for-files.yaml')), false);
  });

  it('with --renumber merges another log: taken numbers get the next free ones, with a note, and the links between the imported records follow', () => {
    const ws = workspace('log');
    const before = readdirSync(path.join(ws, 'docs/adr')).sort();
    const r = adrift(['import', path.join(FIXTURES, 'madr'), ws, '--renumber']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /created docs\/adr\/0006-use-postgresql\.yaml from 0001-use-postgresql\.md\n {2}note: number 1 is taken in docs\/adr by docs\/adr\/0001-record-decisions\.yaml; imported as 6/);
    assert.deepEqual(readdirSync(path.join(ws, 'docs/adr')).sort(), [...before, '0006-use-postgresql.yaml', '0007-use-s3-for-files.yaml', '0008-split-reporting-database.yaml'].sort());
    // 1 was superseded by 3 in the source log: now 6 by 8.
    assert.match(readFileSync(path.join(ws, 'docs/adr/0006-use-postgresql.yaml'), 'utf8'), /^superseded_by: 8$/m);
    assert.match(readFileSync(path.join(ws, 'docs/adr/0008-split-reporting-database.yaml'), 'utf8'), /^supersedes:\n {2}- 6$/m);
    assert.equal(adrift(['lint', ws]).code, 0);
  });

  it('needs a format to export and a real source to import', () => {
    const ws = workspace('log');
    assert.equal(adrift(['export', ws]).code, 2);
    assert.equal(adrift(['export', '--format', 'pdf', ws]).code, 2);
    assert.equal(adrift(['import', path.join(ws, 'missing'), ws]).code, 2);
    // A file that is not JSON-ADR is a content problem: exit 1, no usage banner.
    const notJson = adrift(['import', path.join(ws, 'docs/adr/0001-record-decisions.yaml'), ws]);
    assert.equal(notJson.code, 1);
    assert.match(notJson.stderr, /is not JSON/);
    assert.doesNotMatch(notJson.stderr, /Usage:/);
  });

  it('accounts for every file: imports the rest, lists clashes and renumbers, and exits 1 for a file it could not read (issue 11: 1, 12, 14, 18)', () => {
    const ws = workspace();
    const src = path.join(ws, 'old');
    mkdirSync(src);
    writeFileSync(path.join(src, '0001-a.md'), '# A\n\n* Status: accepted\n* Date: 2020-01-01\n');
    writeFileSync(path.join(src, '0001-b.md'), '# B\n\n* Status: accepted\n* Date: 24.12.2020\n');
    writeFileSync(path.join(src, '0002-empty.md'), '');
    writeFileSync(path.join(src, 'README.md'), '# Decisions\n');
    const r = adrift(['import', src, ws]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('skipped 0002-empty.md: empty'), r.stdout);
    assert.ok(lines.includes('skipped README.md: not a numbered record name (NNNN-title.md, adr-NNN-title.md, YYYYMMDD-title.md)'), r.stdout);
    assert.ok(lines.includes('clash: number 1: 0001-a.md, 0001-b.md'), r.stdout);
    assert.ok(lines.includes('created docs/adr/0002-b.yaml from 0001-b.md'), r.stdout);
    assert.ok(lines.includes('  note: number 1 is also used by 0001-a.md; imported as 2'), r.stdout);
    assert.ok(existsSync(path.join(ws, 'docs/adr/0001-a.yaml')));
    assert.equal(adrift(['lint', ws]).code, 0);
  });

  it('reports content problems as findings (exit 1) without the usage, and shows --format as required (issue 11: 18)', () => {
    const ws = workspace();
    const empty = path.join(ws, 'nothing');
    mkdirSync(empty);
    const r = adrift(['import', empty, ws]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^adrift import: no decision records in /);
    assert.doesNotMatch(r.stderr, /Usage:/);
    const help = adrift(['export', '--help']);
    assert.match(help.stdout, /^Usage: adrift export \[dir\] --format <format> \[--out <dir>\] \[--force\]/);
    assert.match(help.stdout, /--format <format> +required: /);
  });

  it('leaves record 0 out of a JSON-ADR export and says why (issue 11: 15)', () => {
    const ws = workspace();
    const src = path.join(ws, 'old');
    mkdirSync(src);
    writeFileSync(path.join(src, '0000-use-madr.md'), '# Use MADR\n');
    writeFileSync(path.join(src, '0001-use-x.md'), '# Use X\n');
    assert.equal(adrift(['import', src, ws]).code, 0);
    const out = path.join(ws, 'export');
    const r = adrift(['export', '--format', 'json-adr', '--out', out, ws]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /left out docs\/adr\/0000-use-madr\.yaml: JSON-ADR numbers start at 1, so record 0 cannot be expressed in it/);
    assert.match(r.stdout, /^exported 1 record to /);
  });
});
