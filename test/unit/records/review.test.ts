// decision-review: what a reviewer sends back in an accepted record, at the line and column
// of the value: template text, placeholders, the text `adrift new` wrote, no deciders, no
// review date on a choice nothing in the code checks.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatFindingLine } from '../../../src/core/findings';
import { importMarkdownRecord } from '../../../src/core/records/markdown/import';
import { parseRecord } from '../../../src/core/records/parse';
import { recordToYaml } from '../../../src/core/records/serialize';
import { recordSkeleton, skeletonTexts } from '../../../src/core/records/skeletons';
import { checkLog, loadDecisionLog } from '../../../src/core/records/store';
import { templateTextProblem } from '../../../src/core/records/template-text';
import { MemoryFileSystem } from './memory-fs';

const head = (status = 'accepted', extra = 'deciders: [Mara]\n') => `id: 1\ntitle: Use PostgreSQL\nstatus: ${status}\ndate: 2026-11-01\n${extra}`;

async function review(text: string): Promise<string[]> {
  const fs = new MemoryFileSystem({ '/ws/docs/adr/0001-use-postgresql.yaml': text });
  const log = await loadDecisionLog(fs, '/ws', { today: '2026-11-27' });
  return log.findings.filter((f) => f.rule === 'decision-review').map(formatFindingLine);
}

describe('decision-review: template and placeholder text in accepted records', () => {
  it('flags the guide\'s TEMPLATE: marker at the value, only once the record is accepted', async () => {
    const body = 'decision:\n  chosen: PostgreSQL\n  rationale: "TEMPLATE: why PostgreSQL fits, in the team\'s words"\n';
    assert.deepEqual(await review(head() + body), [
      'docs/adr/0001-use-postgresql.yaml:8:14 decision-review decision.rationale is template text (it starts with "TEMPLATE:") in an accepted record; write the team\'s own words (and drop "TEMPLATE:"), or set the record back to proposed until it is written',
    ]);
    assert.deepEqual(await review(head('proposed') + body), [], 'a proposed record is still a draft');
    assert.deepEqual(await review(head() + 'decision:\n  chosen: PostgreSQL\n  rationale: The TEMPLATE: prefix is what the guide writes.\n'), [], 'only as a prefix');
  });

  it('flags TODO, TBD and friends as words, in consequences and context, not in code spans or other words', async () => {
    const body = 'context: Cost per tenant is TBD until the pilot.\nconsequences:\n  good: [fewer moving parts]\n  bad:\n    - "TODO: measure the failover time"\n';
    assert.deepEqual(await review(head() + body), [
      'docs/adr/0001-use-postgresql.yaml:6:10 decision-review context is a placeholder (TBD) in an accepted record; write what the team decided, or set the record back to proposed until it is written',
      'docs/adr/0001-use-postgresql.yaml:10:7 decision-review consequences.bad.0 is a placeholder (TODO) in an accepted record; write what the team decided, or set the record back to proposed until it is written',
    ]);
    const fine = 'context: We keep a todo list app, and `TODO` comments in code are linted; XXXL tenants come later.\n';
    assert.deepEqual(await review(head() + fine), []);
  });

  it('flags the starter text of `adrift new` left unchanged, field by field', async () => {
    const text = recordSkeleton({ id: 1, title: 'Use PostgreSQL', date: '2026-11-01', kind: 'general', deciders: ['Mara'] }).replace('status: proposed', 'status: accepted');
    const lines = await review(text);
    assert.deepEqual(
      lines.map((l) => l.replace(/ decision-review (\S+) is .*/, ' $1')),
      [
        'docs/adr/0001-use-postgresql.yaml:10:10 context',
        'docs/adr/0001-use-postgresql.yaml:14:11 options.0.name',
        'docs/adr/0001-use-postgresql.yaml:17:11 options.1.name',
        'docs/adr/0001-use-postgresql.yaml:21:11 decision.chosen',
        'docs/adr/0001-use-postgresql.yaml:22:14 decision.rationale',
      ],
    );
    assert.match(lines[0], /context is the starter text of a template, unchanged in an accepted record/);
    const written = text.replace(/context: >\n.*\n/, 'context: Invoices need transactions.\n').replace(/Option A/g, 'PostgreSQL').replace('Option B', 'MongoDB').replace(/rationale: >\n.*\n/, 'rationale: Relational data.\n');
    assert.deepEqual(await review(written), []);
  });

  it('knows every prose value of every skeleton as starter text, whatever the kind', () => {
    const texts = skeletonTexts();
    assert.ok(texts.length > 15, `${texts.length} texts`);
    for (const t of texts) assert.equal(templateTextProblem(t)?.kind, 'starter', t);
  });

  it('flags the starter sentences other templates leave (adr-tools, MADR), and bracket placeholders', async () => {
    const nygard = "context: The issue motivating this decision, and any context that influences or constrains the decision.\n";
    assert.match((await review(head() + nygard))[0], /:6:10 decision-review context is the starter text of a template, unchanged/);
    const madr = 'context: "{Describe the context and problem statement, e.g., in free form}"\ndecision:\n  chosen: "<name of the option>"\n';
    assert.deepEqual((await review(head() + madr)).map((l) => l.replace(/ in an accepted record.*/, '')), [
      'docs/adr/0001-use-postgresql.yaml:6:10 decision-review context is a placeholder ({Describe the context and problem sta…})',
      'docs/adr/0001-use-postgresql.yaml:8:11 decision-review decision.chosen is a placeholder (<name of the option>)',
    ]);
    const title = 'id: 1\ntitle: "[short title of solved problem and solution]"\nstatus: accepted\ndate: 2026-11-01\ndeciders: [Mara]\n';
    assert.deepEqual((await review(title)).map((l) => l.slice(0, l.indexOf(' in an accepted'))), ['docs/adr/0001-use-postgresql.yaml:2:8 decision-review title is a placeholder ([short title of solved problem and so…])']);
  });

  it('reads real prose as prose: markup, generics, links, code and URL templates', () => {
    for (const text of [
      'Render <br> and <details> in the docs site; a list is Array<string> in TypeScript.',
      'See <https://adr.github.io/madr/> and [the MADR project](https://adr.github.io).',
      'Routes look like /t/{tenant}/tickets/{id}; settings are {"retries": 3}.',
      'Run `adrift new <kind> <title>` to start a record.',
      'We chose [PostgreSQL][pg] over MongoDB.',
      'One writer at a time; fine for a todo-style workload.',
      'object keys start with organisation and retention class (org/<id>/30d/...) so the rules can match them',
      'Start a record with adrift new <kind> <title>, then fill it in.',
    ]) {
      assert.equal(templateTextProblem(text), undefined, text);
    }
    assert.ok(templateTextProblem('Good, because {argument a}'));
    assert.ok(templateTextProblem('<vendor>'));
    assert.ok(templateTextProblem('Bought from <name of the vendor> under its standard terms.'));
    assert.ok(templateTextProblem('tbd'));
  });
});

describe('decision-review: deciders', () => {
  it('flags an explicit empty list on an accepted record at the value, whoever wrote it', async () => {
    assert.deepEqual(await review(head('accepted', 'deciders: []\n')), [
      'docs/adr/0001-use-postgresql.yaml:5:11 decision-review deciders is empty on an accepted record; name who decided (people or roles), so a reader knows whom to ask',
    ]);
    assert.deepEqual(await review(head('proposed', 'deciders: []\n')), []);
    assert.deepEqual(await review(head('accepted', 'deciders: [tech lead]\n')), []);
  });

  it('flags no deciders at all only on records with a kind (what Adrift writes); imported logs have no such field', async () => {
    assert.deepEqual(await review(head('accepted', 'kind: general\n')), [
      'docs/adr/0001-use-postgresql.yaml:3:9 decision-review the record is accepted but names no deciders; add deciders: [...] with who decided (people or roles)',
    ]);
    assert.deepEqual(await review(head('accepted', 'context: Imported from a Nygard log.\n')), []);
  });
});

describe('decision-review: a review date for choices no rule checks', () => {
  const tech = (extra: string, status = 'accepted') => head(status, `kind: technology\narea: isolation\ndeciders: [Mara]\n${extra}`);

  it('asks for review_by on an accepted technology or build-vs-buy decision without an enforce rule, at its kind', async () => {
    assert.deepEqual(await review(tech('')), [
      'docs/adr/0001-use-postgresql.yaml:5:7 decision-review this technology decision has no enforce rule, so nothing in the code shows when it stops holding; give it a review_by date (YYYY-MM-DD) to revisit it, or an enforce rule',
    ]);
    assert.equal((await review(tech('enforce:\n  packages:\n    forbid: []\n'))).length, 1, 'an empty forbid list checks nothing');
    assert.equal((await review(head('accepted', 'kind: build-vs-buy\ndeciders: [Mara]\n'))).length, 1);
  });

  it('is satisfied by a review date or by any enforce rule, and leaves other kinds and statuses alone', async () => {
    assert.deepEqual(await review(tech('review_by: 2027-06-01\n')), []);
    assert.deepEqual(await review(tech('enforce:\n  packages:\n    forbid: [{ name: firecracker-sdk }]\n')), []);
    assert.deepEqual(await review(tech('enforce:\n  packages:\n    only_in: { stripe: [billing] }\n')), []);
    assert.deepEqual(await review(tech('', 'proposed')), []);
    assert.deepEqual(await review(head('accepted', 'kind: general\ndeciders: [Mara]\n')), []);
    assert.deepEqual(await review(head('accepted', 'kind: evolution\ndeciders: [Mara]\n')), []);
  });
});

describe('decision-review on records of public logs (test/fixtures/records/public-logs, MIT)', () => {
  it('flags the open TODO/TBD items a reviewer would, and not a Markdown shortcut link', () => {
    const dir = path.resolve(__dirname, '../../../../test/fixtures/records/public-logs');
    const loaded = readdirSync(dir)
      .sort()
      .flatMap((f) => importMarkdownRecord(f, readFileSync(path.join(dir, f), 'utf8'), { today: '2026-11-27' }) ?? [])
      .map((r) => parseRecord(`docs/adr/${String(r.id).padStart(4, '0')}-${r.slug}.yaml`, recordToYaml(r.record)));
    assert.equal(loaded.length, 3);
    assert.deepEqual(
      checkLog(loaded, '2026-11-27').filter((f) => f.rule === 'decision-review').map((f) => formatFindingLine(f).replace(/ in an accepted record.*/, '')),
      [
        // MoJ 0023's "### KPI dashboard: TBD" sits under its own "## Design discussion", which the
        // lossless import keeps in extra.sections (no longer folded into the context).
        'docs/adr/0023-logging.yaml:33:13 decision-review extra.sections.1.body is a placeholder (TBD)',
        'docs/adr/0026-remove-load-balancer-tier.yaml:11:14 decision-review decision.rationale is a placeholder (TODO)',
        'docs/adr/0026-remove-load-balancer-tier.yaml:22:7 decision-review consequences.neutral.0 is a placeholder (TODO)',
      ],
    );
  });
});
