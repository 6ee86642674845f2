// Adopting Adrift beside a Markdown log (adr-tools, MADR) already in docs/adr: nothing Adrift
// writes takes a number the Markdown log holds, `adrift list` names the records it does not
// read, an import keeps their numbers and can run again as the log grows, and a YAML record
// that took a Markdown number before (Adrift 0.1 `init` wrote 0001) is moved by `renumber`.
// The Markdown records are excerpts of Adyen/adyen-commercetools docs/adr (MIT; see
// test/fixtures/records/real/SOURCES.txt).

import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { nextId } from '../../../src/core/records/edits';
import { loadDecisionLog } from '../../../src/core/records/store';
import { FIXTURES, adrift, changedFiles, cleanUp, snapshot, workspace } from './run-cli';

const ADYEN = path.join(FIXTURES, 'real/adyen-commercetools');
const MARKDOWN = ['0001-record-architecture-decisions.md', '0002-matching-adyen-notification.md', '0003-matching-adyen-notification-in-multitenancy.md'];

function withMarkdownLog(): string {
  const ws = workspace();
  mkdirSync(path.join(ws, 'docs/adr'), { recursive: true });
  for (const f of MARKDOWN) copyFileSync(path.join(ADYEN, f), path.join(ws, 'docs/adr', f));
  return ws;
}

const adr = (ws: string) => readdirSync(path.join(ws, 'docs/adr')).sort();

describe('a Markdown log in the decisions folder', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('reserves the numbers the import will give: numbered names keep theirs, log4brains dates count after them', async () => {
    const ws = withMarkdownLog();
    writeFileSync(path.join(ws, 'docs/adr/20201016-use-log4brains.md'), '# Use log4brains\n');
    writeFileSync(path.join(ws, 'docs/adr/README.md'), '# Decisions\n');
    writeFileSync(path.join(ws, 'docs/adr/0000-template.md'), '# [short title]\n');
    const log = await loadDecisionLog(new NodeFileSystem(), ws, { today: '2026-12-03' });
    assert.deepEqual(
      log.markdown?.map((m) => `${m.id} ${m.file}`),
      ['1 docs/adr/0001-record-architecture-decisions.md', '2 docs/adr/0002-matching-adyen-notification.md', '3 docs/adr/0003-matching-adyen-notification-in-multitenancy.md', '4 docs/adr/20201016-use-log4brains.md'],
    );
    // Not 20201017: a dated name carries no number.
    assert.equal(nextId(log), 5);
  });

  it('init, new and list: the first record comes after the Markdown numbers, and list names what it does not read', () => {
    const ws = withMarkdownLog();
    const before = snapshot(ws);
    const empty = adrift(['list', ws]);
    assert.equal(empty.code, 0);
    assert.match(empty.stdout, /no decision records in docs\/adr/);
    assert.match(empty.stderr, /docs\/adr also holds 3 Markdown decision records Adrift does not read \(0001-record-architecture-decisions\.md, 0002-matching-adyen-notification\.md, 0003-matching-adyen-notification-in-multitenancy\.md\): `adrift import .*docs\/adr` adds them as YAML records with their numbers/);

    const init = adrift(['init', ws]);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /created docs\/adr\/0004-record-architecture-decisions-as-adrift-yaml-records\.yaml/);
    assert.match(init.stdout, /also holds 3 Markdown decision records/);
    assert.equal(adrift(['new', 'general', 'Use webhooks v2', ws]).code, 0);
    assert.deepEqual(changedFiles(before, snapshot(ws)), ['docs/adr/0004-record-architecture-decisions-as-adrift-yaml-records.yaml', 'docs/adr/0005-use-webhooks-v2.yaml']);
    // The Markdown files are untouched.
    for (const f of MARKDOWN) assert.equal(readFileSync(path.join(ws, 'docs/adr', f), 'utf8'), readFileSync(path.join(ADYEN, f), 'utf8'));
    const json = adrift(['list', ws, '--json']);
    assert.deepEqual((JSON.parse(json.stdout) as { id: number }[]).map((r) => r.id), [4, 5]);
    assert.match(json.stderr, /3 Markdown decision records/);
  });

  it('init --from-code numbers its two records after the Markdown log too', () => {
    const ws = withMarkdownLog();
    mkdirSync(path.join(ws, 'src/web'), { recursive: true });
    mkdirSync(path.join(ws, 'src/api'), { recursive: true });
    writeFileSync(path.join(ws, 'src/web/page.ts'), "import { a } from '../api/a';\nexport const p = a;\n");
    writeFileSync(path.join(ws, 'src/api/a.ts'), 'export const a = 1;\n');
    const r = adrift(['init', ws, '--from-code', '--deciders', 'tech lead']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created docs\/adr\/0004-record-architecture-decisions-as-adrift-yaml-records\.yaml\ncreated docs\/adr\/0005-record-the-module-boundaries-the-code-has-today\.yaml \(proposed\)/);
    assert.match(r.stdout, /also holds 3 Markdown decision records/);
    assert.match(r.stdout, /`adrift status 5 accepted`/);
  });

  it('import keeps the numbers, skips what it imported before, and adds only the new records of a growing log', () => {
    const ws = withMarkdownLog();
    assert.equal(adrift(['init', ws]).code, 0);
    const first = adrift(['import', path.join(ws, 'docs/adr'), ws]);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.deepEqual(first.stdout.split('\n').filter((l) => l.startsWith('created ')), [
      'created docs/adr/0001-record-architecture-decisions.yaml from 0001-record-architecture-decisions.md',
      'created docs/adr/0002-matching-adyen-notification.yaml from 0002-matching-adyen-notification.md',
      'created docs/adr/0003-matching-adyen-notification-in-multitenancy.yaml from 0003-matching-adyen-notification-in-multitenancy.md',
    ]);
    const listed = adrift(['list', ws]);
    assert.doesNotMatch(listed.stderr, /Markdown/);

    const before = snapshot(ws);
    const again = adrift(['import', path.join(ws, 'docs/adr'), ws]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /skipped 0002-matching-adyen-notification\.md: already imported as docs\/adr\/0002-matching-adyen-notification\.yaml/);
    assert.match(again.stdout, /nothing new to import/);
    assert.deepEqual(changedFiles(before, snapshot(ws)), []);

    // The team writes the next one with adr-tools: it takes 5 (adr-tools counts every NNNN- file), and list says so.
    writeFileSync(path.join(ws, 'docs/adr/0005-use-webhooks-v2.md'), '# 5. Use webhooks v2\n\nDate: 2026-11-01\n\n## Status\n\nAccepted\n\n## Context\n\nV1 is going.\n\n## Decision\n\nWe use v2.\n\n## Consequences\n\nNone.\n');
    assert.match(adrift(['list', ws]).stderr, /also holds 1 Markdown decision record Adrift does not read \(0005-use-webhooks-v2\.md\), besides 3 already imported/);
    const grown = adrift(['import', path.join(ws, 'docs/adr'), ws]);
    assert.equal(grown.code, 0, grown.stdout + grown.stderr);
    assert.deepEqual(grown.stdout.split('\n').filter((l) => l.startsWith('created ')), ['created docs/adr/0005-use-webhooks-v2.yaml from 0005-use-webhooks-v2.md']);
    const lint = adrift(['lint', ws]);
    assert.doesNotMatch(lint.stdout, /decision-reference/);
  });

  it('a MADR export written into the decisions folder is the Markdown of its records: not named, not warned about, not imported again', () => {
    const ws = workspace('log');
    const exported = adrift(['export', '--format', 'madr', '--out', path.join(ws, 'docs/adr'), ws]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(adr(ws).includes('0002-modules.md'));
    const listed = adrift(['list', ws]);
    assert.doesNotMatch(listed.stderr, /Markdown/);
    assert.doesNotMatch(adrift(['lint', ws]).stdout, /Markdown record/);
    const before = snapshot(ws);
    const again = adrift(['import', path.join(ws, 'docs/adr'), ws]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /skipped 0002-modules\.md: the Markdown of docs\/adr\/0002-modules\.yaml/);
    assert.deepEqual(changedFiles(before, snapshot(ws)), []);
  });

  it('a YAML record holding a Markdown number: lint says so, import names the fix, renumber moves it and its references', () => {
    const ws = withMarkdownLog();
    // What `adrift init` of Adrift 0.1 wrote beside the Markdown log, and a record pointing at it.
    writeFileSync(path.join(ws, 'docs/adr/0001-record-architecture-decisions-as-adrift-yaml-records.yaml'), '# Ours.\nid: 1\ntitle: Record architecture decisions as Adrift YAML records\nstatus: superseded\nsuperseded_by: 2\ndate: 2026-12-01\n');
    writeFileSync(path.join(ws, 'docs/adr/0002-keep-the-log-in-yaml.yaml'), 'id: 2\ntitle: Keep the log in YAML\nstatus: accepted\ndate: 2026-12-02\nsupersedes: [1]\n');
    const lint = adrift(['lint', ws]);
    assert.match(lint.stdout, /0001-record-architecture-decisions-as-adrift-yaml-records\.yaml:2:1 decision-reference number 1 is also that of the Markdown record 0001-record-architecture-decisions\.md, which Adrift does not read; run "adrift renumber"/);
    assert.match(lint.stdout, /0002-keep-the-log-in-yaml\.yaml:1:1 decision-reference number 2 is also that of the Markdown record 0002-matching-adyen-notification\.md/);

    const before = snapshot(ws);
    const refused = adrift(['import', path.join(ws, 'docs/adr'), ws]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /these numbers are taken already: 1 \(docs\/adr\/0001-record-architecture-decisions-as-adrift-yaml-records\.yaml\), 2 \(docs\/adr\/0002-keep-the-log-in-yaml\.yaml\); "adrift renumber" moves the YAML records off the numbers of the Markdown records in docs\/adr/);
    assert.deepEqual(changedFiles(before, snapshot(ws)), []);

    const renumbered = adrift(['renumber', ws]);
    assert.equal(renumbered.code, 0, renumbered.stderr);
    assert.deepEqual(adr(ws).filter((f) => f.endsWith('.yaml')), ['0004-record-architecture-decisions-as-adrift-yaml-records.yaml', '0005-keep-the-log-in-yaml.yaml']);
    const ours = readFileSync(path.join(ws, 'docs/adr/0004-record-architecture-decisions-as-adrift-yaml-records.yaml'), 'utf8');
    assert.equal(ours, '# Ours.\nid: 4\ntitle: Record architecture decisions as Adrift YAML records\nstatus: superseded\nsuperseded_by: 5\ndate: 2026-12-01\n');
    assert.match(readFileSync(path.join(ws, 'docs/adr/0005-keep-the-log-in-yaml.yaml'), 'utf8'), /^id: 5\n[^]*supersedes: \[4\]\n$/);

    const imported = adrift(['import', path.join(ws, 'docs/adr'), ws]);
    assert.equal(imported.code, 0, imported.stdout + imported.stderr);
    assert.equal(imported.stdout.split('\n').filter((l) => l.startsWith('created ')).length, 3);
    assert.equal(adrift(['lint', ws]).code, 0);
  });
});
