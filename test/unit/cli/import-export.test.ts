import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
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

  it('needs a format to export and a real source to import', () => {
    const ws = workspace('log');
    assert.equal(adrift(['export', ws]).code, 2);
    assert.equal(adrift(['export', '--format', 'pdf', ws]).code, 2);
    assert.equal(adrift(['import', path.join(ws, 'missing'), ws]).code, 2);
    assert.equal(adrift(['import', path.join(ws, 'docs/adr/0001-record-decisions.yaml'), ws]).code, 2);
  });
});
