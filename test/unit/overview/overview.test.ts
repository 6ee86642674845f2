import * as assert from 'node:assert/strict';
import { buildOverview } from '../../../src/core/overview/overview';
import { overviewMarkdown } from '../../../src/core/overview/markdown';
import { planRecords } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import type { DecisionRecord } from '../../../src/core/records/types';
import { SEED, slug } from '../guide/seed';

const DATE = '2026-11-27';

function recordsOf(template: string): DecisionRecord[] {
  return planRecords(templateAnswers(template) ?? {}, { existing: [], date: DATE, status: 'accepted' }).records;
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, `section ${heading}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('architecture overview', () => {
  for (const seed of SEED) {
    describe(`of the ${seed.template} records`, () => {
      const markdown = overviewMarkdown(buildOverview(recordsOf(seed.template)));

      it('has the sections of the seed example, in order', () => {
        const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
        assert.deepEqual(headings, ['## Product', '## Domain Modules', '## Data Ownership', '## Frontend/Backend Split', '## Key Architectural Decisions', '## Build vs Buy', '## Evolution']);
      });

      it('names the product', () => {
        assert.ok(section(markdown, 'Product').includes(seed.product));
      });

      it('lists every module with its responsibility', () => {
        const modules = section(markdown, 'Domain Modules');
        for (const [name, responsibility] of seed.modules) assert.ok(modules.includes(`**${slug(name)}** — ${responsibility}`), name);
      });

      it('has every ownership line', () => {
        const ownership = section(markdown, 'Data Ownership');
        for (const [name, owned] of seed.ownership) {
          const line = ownership.split('\n').find((l) => l.startsWith(`- **${slug(name)}** module owns`));
          assert.ok(line, name);
          for (const data of owned) assert.ok(line.includes(data), `${name} owns ${data}`);
        }
      });

      it('has every part of the frontend/backend split', () => {
        const split = section(markdown, 'Frontend/Backend Split');
        for (const part of seed.split) assert.ok(split.includes(part), part);
      });

      it('has every key decision', () => {
        const key = section(markdown, 'Key Architectural Decisions');
        for (const [label, choice] of seed.keyDecisions) {
          const line = key.split('\n').find((l) => l.startsWith(`- **${label}:**`));
          assert.ok(line?.includes(choice), `${label}: ${choice}`);
        }
      });

      it('has every build and buy line', () => {
        const bvb = section(markdown, 'Build vs Buy');
        const build = bvb.split('\n').find((l) => l.startsWith('- **Build:**')) ?? '';
        const buy = bvb.split('\n').find((l) => l.startsWith('- **Buy:**')) ?? '';
        for (const capability of seed.build) assert.ok(build.includes(capability), capability);
        // A bought capability also says which module it lives behind: "Payments (Stripe, behind billing)".
        for (const [capability, vendor] of seed.buy) assert.ok(buy.includes(`${capability} (${vendor}`), capability);
      });

      if (seed.template === 'writing-assistant') {
        it('says which module each bought capability lives behind', () => {
          assert.match(section(markdown, 'Build vs Buy'), /Payments \(Stripe, behind billing\).*AI \(OpenAI\/Anthropic, behind generation\)/);
        });
      }

      it('has every evolution step', () => {
        const evolution = section(markdown, 'Evolution');
        for (const [stage, summary] of seed.evolution) assert.ok(evolution.includes(`- **${stage}:** ${summary}`), stage);
      });
    });
  }

  it('follows the accepted records, not the first answers: a superseding decision wins', () => {
    const records = recordsOf('ci-runner');
    const queue = records.find((r) => r.area === 'queue');
    assert.ok(queue);
    queue.status = 'superseded';
    queue.superseded_by = 11;
    records.push({ id: 11, title: 'Queue: RabbitMQ', status: 'accepted', date: DATE, kind: 'technology', area: 'queue', decision: { chosen: 'RabbitMQ', rationale: 'distributed runners' }, supersedes: [queue.id] });
    records.push({ id: 12, title: 'Search: Elasticsearch', status: 'proposed', date: DATE, kind: 'technology', area: 'search', decision: { chosen: 'Elasticsearch' } });
    const overview = buildOverview(records);
    assert.deepEqual(overview.keyDecisions.find((k) => k.label === 'Queue'), { label: 'Queue', chosen: 'RabbitMQ', rationale: 'distributed runners', decision: 11 });
    assert.equal(overview.keyDecisions.find((k) => k.label === 'Search'), undefined, 'proposed records are not in force');
    assert.ok(!overview.decisions.includes(queue.id));
  });

  it('folds modules as the model does: later records move a module and add what it owns', () => {
    const records: DecisionRecord[] = [
      { id: 1, title: 'Modules', status: 'accepted', date: DATE, kind: 'boundaries', enforce: { modules: { billing: { description: 'Invoices', paths: ['src/billing/**'], owns: ['Invoice'] } } } },
      { id: 2, title: 'Move billing', status: 'accepted', date: DATE, kind: 'boundaries', enforce: { modules: { billing: { paths: ['packages/billing/**'], owns: ['Refund'], uses: ['user'] } } } },
    ];
    const [billing] = buildOverview(records).modules;
    assert.deepEqual(billing, { name: 'billing', description: 'Invoices', paths: ['packages/billing/**'], owns: ['Invoice', 'Refund'], uses: ['user'], decisions: [1, 2] });
  });

  it('reads hand-written records too: product from the tenancy context, split from a boundaries record', () => {
    const records: DecisionRecord[] = [
      { id: 2, title: 'Shared database', status: 'accepted', date: DATE, kind: 'general', tags: ['tenancy'], context: 'SMB support teams of 10 to 50 agents.', decision: { chosen: 'Shared database, tenant_id on every row' } },
      { id: 4, title: 'API-first', status: 'accepted', date: DATE, kind: 'boundaries', tags: ['frontend', 'api'], decision: { chosen: 'Next.js app with route handlers as the API', rationale: 'Components never import src/server.' }, enforce: { imports: { forbid: [{ from: 'src/components/**', to: 'src/server/**' }] } } },
    ];
    const overview = buildOverview(records);
    assert.deepEqual(overview.product, { text: 'SMB support teams of 10 to 50 agents.', decision: 2 });
    assert.equal(overview.tenancy?.chosen, 'Shared database, tenant_id on every row');
    assert.deepEqual(overview.split?.parts, [{ text: 'Next.js app with route handlers as the API' }]);
    const markdown = overviewMarkdown(overview);
    assert.match(markdown, /- Next\.js app with route handlers as the API\n- Why: Components never import src\/server\.\n- `src\/components\/\*\*` never imports `src\/server\/\*\*`/);
  });

  it('says so when nothing is recorded yet', () => {
    const markdown = overviewMarkdown(buildOverview([]));
    assert.match(markdown, /No accepted decision records yet/);
    assert.equal(markdown.match(/_Not recorded\._/g)?.length, 7);
  });
});
