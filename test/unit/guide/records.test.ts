import * as assert from 'node:assert/strict';
import { planRecords, moduleSlug, folderGlob, type WriteStatus } from '../../../src/core/guide/records';
import { GUIDE_TEMPLATES, templateAnswers } from '../../../src/core/guide/templates';
import { recordFileChanges } from '../../../src/core/guide/write';
import { checkAnswers } from '../../../src/core/guide/answers';
import { parseRecord } from '../../../src/core/records/parse';
import { checkLog } from '../../../src/core/records/store';
import type { DecisionRecord } from '../../../src/core/records/types';
import type { GuideAnswers } from '../../../src/core/guide/types';
import { packOf } from '../../../src/core/guide/flow';
import { SEED, slug } from './seed';

const DATE = '2026-11-27';

function plan(template: string, existing: DecisionRecord[] = [], status?: WriteStatus) {
  const answers = templateAnswers(template);
  assert.ok(answers, `template ${template}`);
  return planRecords(answers, { existing, date: DATE, ...(status ? { status } : {}) });
}

function byTag(records: DecisionRecord[], tag: string): DecisionRecord {
  const r = records.find((x) => x.tags?.includes(tag));
  assert.ok(r, `a record tagged ${tag}`);
  return r;
}

describe('guide: answers → decision records', () => {
  for (const seed of SEED) {
    describe(`the ${seed.template} template`, () => {
      const { records, problems } = plan(seed.template, [], 'accepted');

      it('answers every question, so nothing is left out and nothing contradicts', () => {
        // "Unchecked" problems leave the record whole; the CI runner's seed has no billing module for Stripe.
        assert.deepEqual(problems.filter((p) => p.kind !== 'unchecked'), []);
        // The spine's ten records keep their numbers; the pack's decisions follow.
        const pack = packOf(templateAnswers(seed.template) ?? {});
        assert.ok(pack, 'every seed template picks a pack');
        const packDecisions = pack.steps.flatMap((s) => s.decisions).length;
        assert.deepEqual(records.map((r) => r.id), Array.from({ length: 10 + packDecisions }, (_v, i) => i + 1));
        assert.equal(records[9].kind, 'evolution');
        assert.ok(records.every((r) => r.status === 'accepted' && r.date === DATE));
      });

      it('writes records that lint clean (schema, file names, references)', () => {
        // As written by default (proposed, for review): clean. The template's suggested
        // rationales are marked template text, which decision-review rightly flags in an
        // accepted record until the team writes its own words; nothing else may be flagged.
        const proposed = plan(seed.template).records;
        const loaded = recordFileChanges(proposed, 'docs/adr').map((c) => parseRecord(c.path, c.text));
        for (const l of loaded) assert.deepEqual(l.findings, [], `${l.file}\n${l.text}`);
        assert.deepEqual(checkLog(loaded, DATE), []);
        assert.deepEqual(loaded.map((l) => l.record?.id), proposed.map((r) => r.id));
        const accepted = recordFileChanges(records, 'docs/adr').map((c) => parseRecord(c.path, c.text));
        for (const l of accepted) assert.deepEqual(l.findings, [], `${l.file}\n${l.text}`);
        const findings = checkLog(accepted, DATE);
        assert.ok(findings.length > 0, 'the template text is flagged once accepted');
        assert.deepEqual(findings.filter((f) => !(f.rule === 'decision-review' && /is template text .* in an accepted record/.test(f.message))).map((f) => `${f.file} ${f.rule} ${f.message}`), []);
      });

      it("declares the product's modules with their responsibilities and ownership", () => {
        const modules = byTag(records, 'modules').enforce?.modules ?? {};
        assert.deepEqual(Object.keys(modules), seed.modules.map(([name]) => slug(name)));
        for (const [name, responsibility] of seed.modules) assert.equal(modules[slug(name)].description, responsibility);
        for (const [name, owned] of seed.ownership) {
          for (const data of owned) assert.ok(modules[slug(name)].owns?.includes(data), `${name} owns ${data}`);
        }
        for (const m of Object.values(modules)) for (const used of m.uses ?? []) assert.ok(modules[used], `uses ${used}`);
        assert.equal(byTag(records, 'modules').enforce?.undeclared, 'deny');
      });

      it('records the parts of the product and forbids imports between them', () => {
        const split = byTag(records, 'split');
        for (const part of seed.split) assert.ok(split.decision?.chosen.includes(part), part);
        const forbid = split.enforce?.imports?.forbid ?? [];
        assert.ok(forbid.length > 0);
        assert.ok(forbid.some((f) => f.from === 'web/**'));
      });

      it('records each key decision with its options and rules out the alternatives', () => {
        for (const area of ['database', 'queue', 'file storage', 'auth']) {
          const r = records.find((x) => x.kind === 'technology' && x.area === area);
          assert.ok(r, area);
          assert.ok((r.options?.length ?? 0) >= 2, `${area} lists the options the team considered`);
          assert.ok(r.options?.some((o) => o.name === r.decision?.chosen), `${area}: the chosen option is one of them`);
          assert.ok(r.options?.every((o) => (o.pros?.length ?? 0) > 0 && (o.cons?.length ?? 0) > 0));
        }
        for (const [label, choice] of seed.keyDecisions) {
          const r = records.find((x) => x.kind === 'technology' && x.title.startsWith(`${label}:`));
          assert.ok(r?.decision?.chosen.includes(choice), `${label}: ${choice}`);
        }
      });

      it('records build vs buy and the evolution path', () => {
        const bvb = records.find((r) => r.kind === 'build-vs-buy')?.build_vs_buy ?? [];
        for (const capability of seed.build) assert.ok(bvb.some((b) => b.capability === capability && b.choice === 'build'), capability);
        for (const [capability, vendor] of seed.buy) assert.ok(bvb.some((b) => b.capability === capability && b.choice === 'buy' && b.vendor === vendor), capability);
        const evolution = records.find((r) => r.kind === 'evolution')?.evolution ?? [];
        assert.deepEqual(evolution.map((e) => [e.stage, e.summary]), seed.evolution);
        assert.ok(evolution.every((e) => (e.trigger ?? '') !== ''));
      });
    });
  }

  it('records the Python/FastAPI backend modules of the writing assistant', () => {
    const modules = byTag(plan('writing-assistant').records, 'modules').enforce?.modules ?? {};
    assert.deepEqual(modules.generation.paths, ['backend/app/generation/**']);
    assert.ok(Object.values(modules).every((m) => m.paths?.every((p) => p.startsWith('backend/app/'))));
  });

  it('forbids the packages of ruled-out alternatives, never those of the choice', () => {
    const records = plan('ci-runner').records;
    const auth = records.find((r) => r.area === 'auth');
    const forbidden = auth?.enforce?.packages?.forbid?.map((p) => p.name) ?? [];
    assert.ok(forbidden.includes('bcrypt'), 'external OAuth only: no local passwords');
    const db = records.find((r) => r.area === 'database');
    const dbForbidden = db?.enforce?.packages?.forbid?.map((p) => p.name) ?? [];
    assert.ok(dbForbidden.includes('mongoose'));
    assert.ok(!dbForbidden.includes('pg'));
  });

  it('dates for review, a year on, the choices no rule checks in code, and only those', () => {
    const records = plan('ci-runner').records;
    assert.equal(byTag(records, 'tenancy').review_by, '2027-11-27', 'tenancy: no enforce rule');
    assert.equal(records.find((r) => r.kind === 'build-vs-buy')?.review_by, undefined, 'the CI runner confines its bought SDKs to modules (only_in)');
    const built = templateAnswers('ci-runner');
    assert.ok(built);
    built.buildVsBuy = [{ capability: 'Pipeline orchestration', choice: 'build', vendor: '', module: 'Pipeline', reason: 'the core of the product' }];
    assert.equal(planRecords(built, { existing: [], date: DATE }).records.find((r) => r.kind === 'build-vs-buy')?.review_by, '2027-11-27', 'nothing confines what is built');
    assert.equal(records.find((r) => r.area === 'database')?.review_by, undefined, 'the database record forbids the alternatives');
    assert.equal(records.find((r) => r.kind === 'boundaries')?.review_by, undefined);
  });

  it('continues ids after existing records and supersedes changed decisions with proposals', () => {
    const first = plan('help-desk', [], 'accepted').records;
    const answers = templateAnswers('help-desk');
    assert.ok(answers);
    answers.database = 'mysql';
    const again = planRecords(answers, { existing: first, date: '2026-12-01' });
    assert.deepEqual(again.records.map((r) => r.id), [first.length + 1], 'only the database is proposed again: records whose context quotes it keep their decision');
    const [db] = again.records;
    assert.equal(db.status, 'proposed');
    assert.equal(db.decision?.chosen, 'MySQL');
    assert.deepEqual(db.supersedes, [first.find((r) => r.area === 'database')?.id]);
    const packDecisions = packOf(answers)?.steps.flatMap((st) => st.decisions).length ?? 0;
    assert.equal(again.unchanged.length, 8 + packDecisions, 'the process record is not proposed again, nor the records whose context names the database, nor the pack\'s');
    // The help desk's v1 still says PostgreSQL: the guide says so before anything is written.
    assert.deepEqual(again.problems.filter((p) => p.kind === 'conflict').map((p) => p.step), ['evolution']);
  });

  it('proposes a new record for every decision when the repository records something else', () => {
    const unrelated: DecisionRecord = { id: 7, title: 'Use tabs', status: 'accepted', date: DATE, kind: 'general' };
    const { records } = plan('writing-assistant', [unrelated]);
    assert.equal(records[0].id, 8);
    assert.ok(records.every((r) => r.status === 'proposed' && r.supersedes === undefined));
    assert.ok(!records.some((r) => r.tags?.includes('process')));
  });

  it('supersedes hand-written records of the same decisions, and every record declaring modules', () => {
    const handWritten: DecisionRecord[] = [
      { id: 1, title: 'Record decisions', status: 'accepted', date: DATE, kind: 'general', tags: ['process'] },
      { id: 2, title: 'Shared database', status: 'accepted', date: DATE, kind: 'general', tags: ['tenancy'], decision: { chosen: 'Shared DB' } },
      { id: 3, title: 'Modules', status: 'accepted', date: DATE, kind: 'boundaries', tags: ['modules'], enforce: { modules: { ticket: { paths: ['src/ticket/**'] } } } },
      { id: 4, title: 'API first', status: 'accepted', date: DATE, kind: 'boundaries', tags: ['frontend', 'api'], enforce: { imports: { forbid: [{ from: 'web/**', to: 'api/**' }] } } },
      { id: 5, title: 'Queue', status: 'rejected', date: DATE, kind: 'technology', area: 'queue' },
      { id: 6, title: 'Ticket uses KB', status: 'accepted', date: DATE, kind: 'boundaries', tags: ['modules', 'knowledgebase'], enforce: { modules: { ticket: { uses: ['kb'] } } } },
    ];
    const { records } = plan('help-desk', handWritten);
    const supersedes = (slotTitle: string) => records.find((r) => r.title.startsWith(slotTitle))?.supersedes;
    assert.deepEqual(supersedes('Tenancy:'), [2]);
    assert.deepEqual(supersedes('Split the product'), [3, 6]);
    assert.deepEqual(supersedes('Build the product as'), [4]);
    assert.equal(supersedes('Queue:'), undefined, 'a rejected record is not in force');
    assert.equal(records[0].id, 7);
  });

  it('ignores superseded records when deciding what a new answer replaces', () => {
    const first = plan('help-desk', [], 'accepted').records;
    const db = first.find((r) => r.area === 'database');
    assert.ok(db);
    db.status = 'superseded';
    db.superseded_by = 99;
    const again = planRecords(templateAnswers('help-desk') ?? {}, { existing: first, date: DATE });
    assert.equal(again.records.length, 1);
    assert.equal(again.records[0].area, 'database');
    assert.equal(again.records[0].supersedes, undefined);
  });

  it('turns blank answers into problems per step, not into broken records', () => {
    const { records, problems } = plan('blank');
    assert.deepEqual(records.map((r) => r.tags), [['process']]);
    const steps = new Set(problems.map((p) => p.step));
    for (const step of ['product', 'modules', 'split', 'decisions', 'build-vs-buy', 'evolution']) assert.ok(steps.has(step), step);
  });

  it('reports unnamed, duplicate and unknown modules and keeps the rest', () => {
    const answers = templateAnswers('blank') ?? {};
    answers.modules = [
      { name: 'Billing', responsibility: 'Invoices', folders: ['src/billing/'] },
      { name: '', responsibility: 'Nothing', folders: [] },
      { name: 'billing', responsibility: 'again', folders: ['x'] },
      { name: 'Orders', responsibility: 'Orders', folders: ['src/orders'] },
    ];
    answers.uses = { Orders: ['Billing', 'Shipping'], Billing: ['Billing'] };
    answers.owns = { Orders: ['Order', 'Invoice'], Billing: ['Invoice'] };
    const { records, problems } = planRecords(answers, { existing: [], date: DATE });
    const modules = byTag(records, 'modules').enforce?.modules ?? {};
    assert.deepEqual(Object.keys(modules), ['billing', 'orders']);
    assert.deepEqual(modules.orders.uses, ['billing']);
    assert.deepEqual(modules.billing.uses, []);
    assert.deepEqual(modules.billing.paths, ['src/billing/**']);
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /Module 2 needs a name/);
    assert.match(messages, /Two modules are named "billing"/);
    assert.match(messages, /"Shipping", which is not a module/);
    assert.match(messages, /"Invoice" is owned by both/);
  });

  describe('layers', () => {
    function layered(layers: unknown) {
      const answers = templateAnswers('blank') ?? {};
      answers.modules = [
        { name: 'Web', responsibility: 'Pages', folders: ['src/web'] },
        { name: 'Billing', responsibility: 'Invoices', folders: ['src/billing'] },
        { name: 'Orders', responsibility: 'Orders', folders: ['src/orders'] },
        { name: 'Storage', responsibility: 'Tables', folders: ['src/storage'] },
      ];
      if (layers !== undefined) answers.layers = layers as GuideAnswers[string];
      const { records, problems } = planRecords(answers, { existing: [], date: DATE });
      return { record: byTag(records, 'modules'), problems: problems.filter((p) => p.field === 'layers').map((p) => p.message) };
    }

    it('writes the layers top first as module keys, a closed one as { modules, closed }, into a valid record', () => {
      const { record, problems } = layered([
        { modules: ['Web'], closed: '' },
        { modules: ['Billing', 'Orders'], closed: 'yes' },
        { modules: [], closed: 'yes' },
        { modules: ['Storage'], closed: '' },
      ]);
      assert.deepEqual(problems, []);
      assert.deepEqual(record.enforce?.layers, [['web'], { modules: ['billing', 'orders'], closed: true }, ['storage']]);
      const [file] = recordFileChanges([record], 'docs/adr');
      const parsed = parseRecord(file.path, file.text);
      assert.deepEqual(parsed.findings, [], file.text);
      assert.match(file.text, / {2}layers:\n {4}- \[ web \]\n {4}- modules: \[ billing, orders \]\n {6}closed: true\n {4}- \[ storage \]\n/);
      assert.deepEqual(parsed.record?.enforce?.layers, [['web'], { modules: ['billing', 'orders'], closed: true }, ['storage']]);
    });

    it('writes no layers field without layers, or with one layer only (and says why)', () => {
      const none = layered(undefined).record;
      assert.ok(none.enforce && !('layers' in none.enforce));
      assert.doesNotMatch(recordFileChanges([none], 'docs/adr')[0].text, /layers/);
      assert.equal(layered([{ modules: [], closed: '' }, { modules: [], closed: '' }]).record.enforce?.layers, undefined);
      const one = layered([{ modules: ['Web', 'Orders'], closed: 'yes' }]);
      assert.equal(one.record.enforce?.layers, undefined);
      assert.match(one.problems.join('\n'), /Only one layer has modules/);
    });

    it('reports a name that is no module, and a module in two layers keeps the upper one', () => {
      const { record, problems } = layered([{ modules: ['Web', 'Shipping'] }, { modules: ['Orders', 'Web'] }]);
      assert.deepEqual(record.enforce?.layers, [['web'], ['orders']]);
      assert.match(problems.join('\n'), /Layer 1 lists "Shipping", which is not a module/);
      assert.match(problems.join('\n'), /"Web" is in two layers/);
    });
  });

  it('makes schema-valid module names and globs', () => {
    assert.equal(moduleSlug('KnowledgeBase'), 'knowledge-base');
    assert.equal(moduleSlug('  Knowledge base '), 'knowledge-base');
    assert.equal(moduleSlug('3D Models'), 'm-3d-models');
    assert.equal(moduleSlug('!!'), '');
    assert.equal(folderGlob('./api/src/ticket/'), 'api/src/ticket/**');
    assert.equal(folderGlob('src/**/billing/*.py'), 'src/**/billing/*.py');
  });

  it('every template answers with the shape the host accepts', () => {
    for (const t of GUIDE_TEMPLATES) assert.equal(checkAnswers(t.answers), undefined, t.id);
    assert.match(checkAnswers({ modules: [{ name: 3 }] }) ?? '', /answer "modules" row 1, column "name"/);
    assert.match(checkAnswers([]) ?? '', /must be an object/);
    assert.match(checkAnswers({ owns: { a: 'x' } }) ?? '', /entry "a" is not a list/);
  });
});
