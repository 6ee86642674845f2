// Every question pack is data a test can hold to account: each question has real options
// (trade-offs, when to pick, consequences), every package it names is a package name, every
// answer ends in a record that says how it is checked, and every template's records pass the
// same lint the CLI runs, with `only_in` naming modules the template declares.

import * as assert from 'node:assert/strict';
import { ARCHITECTURE_FLOW, NO_PACK, PRODUCT_KIND_FIELD, choiceDecisions, composeFlow, fieldsById, flowFor, packOf } from '../../../src/core/guide/flow';
import { CONFIRMATION_PREFIX, NOT_CHECKED, choiceDraft, type ChoiceContext } from '../../../src/core/guide/choices';
import { TEMPLATE_MARKER } from '../../../src/core/guide/templateText';
import { GUIDE_PACKS } from '../../../src/core/guide/packs';
import { planRecords } from '../../../src/core/guide/records';
import { GUIDE_TEMPLATES, templateAnswers } from '../../../src/core/guide/templates';
import { recordFileChanges } from '../../../src/core/guide/write';
import type { ChoiceDecision } from '../../../src/core/guide/types';
import { loadDecisionLog } from '../../../src/core/records/store';
import type { DecisionRecord } from '../../../src/core/records/types';
import { MemoryFileSystem } from '../records/memory-fs';

const DATE = '2026-12-02';
/** npm names (scoped or not) and Python import names (dotted modules allowed). */
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

function packDecisions(): { pack: string; decision: ChoiceDecision }[] {
  return GUIDE_PACKS.flatMap((p) => p.steps.flatMap((s) => s.decisions.map((decision) => ({ pack: p.id, decision }))));
}

describe('guide: question packs', () => {
  it('one pack per product kind, each a choice of the product step', () => {
    assert.deepEqual(GUIDE_PACKS.map((p) => p.id), ['b2b-saas', 'developer-tool', 'ai-product']);
    const kind = fieldsById(ARCHITECTURE_FLOW).get(PRODUCT_KIND_FIELD);
    assert.ok(kind?.kind === 'choice');
    assert.deepEqual(kind.options.map((o) => o.id), [...GUIDE_PACKS.map((p) => p.id), NO_PACK]);
    assert.equal(ARCHITECTURE_FLOW.steps[0].fields.find((f) => f.id === PRODUCT_KIND_FIELD), kind, 'asked on the product step');
  });

  it('composes the spine with the pack\'s steps after the key decisions', () => {
    const spine = ARCHITECTURE_FLOW.steps.map((s) => s.id);
    const at = spine.indexOf('decisions') + 1;
    for (const pack of GUIDE_PACKS) {
      const ids = composeFlow(pack).steps.map((s) => s.id);
      assert.deepEqual(ids, [...spine.slice(0, at), ...pack.steps.map((s) => s.id), ...spine.slice(at)], pack.id);
      assert.equal(new Set(ids).size, ids.length, `${pack.id}: step ids are unique`);
      assert.equal(flowFor({ [PRODUCT_KIND_FIELD]: pack.id }).id, composeFlow(pack).id);
    }
    assert.equal(flowFor({}), ARCHITECTURE_FLOW);
    assert.equal(flowFor({ [PRODUCT_KIND_FIELD]: NO_PACK }), ARCHITECTURE_FLOW);
  });

  it('no pack answer collides with a spine answer or another pack\'s', () => {
    const spine = new Set(fieldsById(ARCHITECTURE_FLOW).keys());
    const seen = new Map<string, string>();
    for (const pack of GUIDE_PACKS) {
      for (const id of fieldsById(composeFlow(pack)).keys()) {
        if (spine.has(id)) continue;
        assert.ok(!seen.has(id), `${id} is asked by ${seen.get(id)} and ${pack.id}`);
        assert.doesNotMatch(id, /\./, 'a dot would read as fieldId.columnId in template placeholders');
        seen.set(id, pack.id);
      }
    }
    const areas = packDecisions().map((d) => d.decision.area);
    for (const area of ['tenancy', 'database', 'queue', 'file storage', 'auth']) assert.ok(!areas.includes(area), `${area} is the spine's`);
    assert.equal(new Set(areas).size, areas.length, 'one record slot per question');
  });

  for (const { pack, decision: d } of packDecisions()) {
    describe(`${pack}: ${d.label}`, () => {
      it('asks a question with a product-specific context and at least two options', () => {
        assert.ok(d.question.trim().endsWith('?'), 'the question is a question');
        assert.ok(d.context.trim().length > 40, 'the context says why it matters');
        assert.ok(d.options.length >= 2);
        assert.equal(new Set(d.options.map((o) => o.id)).size, d.options.length, 'option ids are unique');
        assert.equal(new Set(d.options.map((o) => o.label)).size, d.options.length, 'option labels are unique (records name options by label)');
      });

      it('gives every option its trade-offs, when to pick it, and its consequences', () => {
        for (const o of d.options) {
          assert.ok(o.label.length > 0 && o.label.length <= 60, `${o.id}: a short label (${o.label.length})`);
          assert.ok(o.when && o.when.trim().length > 0, `${o.id}: when to pick it`);
          assert.ok((o.pros?.length ?? 0) > 0 && (o.cons?.length ?? 0) > 0, `${o.id}: pros and cons`);
          assert.ok((o.consequences?.good?.length ?? 0) > 0 && (o.consequences?.bad?.length ?? 0) > 0, `${o.id}: good and bad consequences`);
          for (const line of [...(o.pros ?? []), ...(o.cons ?? []), ...(o.consequences?.good ?? []), ...(o.consequences?.bad ?? [])]) {
            assert.ok(line.trim() === line && line.length > 0, `${o.id}: "${line}" is trimmed text`);
          }
        }
      });

      it('names packages as package names, and says how an unchecked decision is confirmed', () => {
        for (const o of d.options) for (const p of o.packages ?? []) assert.match(p, PACKAGE_NAME, `${o.id}: ${p}`);
        if (d.unchecked) {
          assert.ok(d.unchecked.confirm.trim().length > 20);
          assert.ok(Number.isInteger(d.unchecked.reviewMonths) && d.unchecked.reviewMonths >= 1 && d.unchecked.reviewMonths <= 24);
        }
        if (d.owner) assert.ok(d.options.some((o) => (o.packages?.length ?? 0) > 0), 'an owner module confines some option\'s packages');
      });

      it('follows only from questions asked before it', () => {
        const asked = choiceDecisions({ [PRODUCT_KIND_FIELD]: pack }).map((c) => c.decision.field);
        for (const id of d.after ?? []) {
          assert.ok(asked.indexOf(id) >= 0 && asked.indexOf(id) < asked.indexOf(d.field), `${id} is asked before ${d.field}`);
        }
      });

      it('writes, whatever the answer, a record that says how it is checked', () => {
        const decisions = choiceDecisions({ [PRODUCT_KIND_FIELD]: pack }).map((c) => c.decision);
        for (const o of d.options) {
          const problems: ChoiceContext['problems'] = [];
          const draft = choiceDraft(d, { answers: { product: 'A product', [d.field]: o.id }, step: 's', decisions, modules: [], date: DATE, problems });
          assert.ok(draft, o.id);
          assert.deepEqual(problems, []);
          assert.ok(draft.enforce || draft.review_by, `${o.id}: checked in code, or reviewed by a date`);
          // What code cannot show gets a review date and one Confirmation saying how the team confirms it.
          const confirmation = (draft.consequences?.neutral ?? []).filter((n) => n.startsWith(CONFIRMATION_PREFIX));
          assert.equal(confirmation.length, draft.review_by ? 1 : 0, o.id);
          if (draft.review_by) assert.match(confirmation[0], new RegExp(NOT_CHECKED, 'i'));
        }
      });
    });
  }
});

async function lintFindings(records: DecisionRecord[]) {
  const fs = new MemoryFileSystem(Object.fromEntries(recordFileChanges(records, 'docs/adr').map((c) => [`/ws/${c.path}`, c.text])));
  const log = await loadDecisionLog(fs, '/ws', { today: DATE });
  return log.findings;
}

describe('guide: what every template writes', () => {
  for (const t of GUIDE_TEMPLATES.filter((x) => x.id !== 'blank')) {
    describe(t.id, () => {
      const answers = templateAnswers(t.id) ?? {};
      const { records, problems } = planRecords(answers, { existing: [], date: DATE });
      const pack = packOf(answers);

      it('answers every question of the spine and of its pack', () => {
        assert.ok(pack, 'the template picks a pack');
        // "Unchecked" problems leave the record whole (the CI runner's seed has no billing module for Stripe, on purpose).
        assert.deepEqual(problems.filter((p) => p.kind !== 'unchecked'), []);
        for (const d of pack.steps.flatMap((s) => s.decisions)) assert.ok(records.some((r) => r.area === d.area), d.area);
      });

      it('writes records that validate against the schema and lint clean', async () => {
        assert.deepEqual(await lintFindings(records), []);
      });

      it('confines packages only to modules the template declares', () => {
        const declared = new Set(Object.keys(records.find((r) => r.kind === 'boundaries' && r.enforce?.modules)?.enforce?.modules ?? {}));
        let confined = 0;
        for (const r of records) {
          for (const [pkg, modules] of Object.entries(r.enforce?.packages?.only_in ?? {})) {
            assert.match(pkg, PACKAGE_NAME);
            for (const m of modules) assert.ok(declared.has(m), `${r.title}: ${pkg} only in ${m}, a declared module`);
            confined++;
          }
          const forbidden = new Set((r.enforce?.packages?.forbid ?? []).map((f) => f.name));
          for (const pkg of Object.keys(r.enforce?.packages?.only_in ?? {})) assert.ok(!forbidden.has(pkg), `${pkg} is both confined and forbidden`);
        }
        assert.ok(confined > 0, 'the template confines some SDK to its module');
      });

      it('marks every rationale it did not hear from the user as template text', () => {
        for (const r of records.filter((x) => x.kind === 'technology')) {
          assert.ok(r.decision?.rationale?.startsWith(TEMPLATE_MARKER), `${r.title}: ${r.decision?.rationale}`);
        }
      });

      it('gives every decision code cannot check a review date', () => {
        for (const r of records.filter((x) => x.kind === 'technology')) {
          const confirmation = r.consequences?.neutral?.find((n) => n.startsWith(CONFIRMATION_PREFIX));
          assert.ok(r.enforce || confirmation, `${r.title} says how it is confirmed`);
          if (!r.enforce) assert.ok(r.review_by, `${r.title} has no enforce, so it has review_by`);
          if (confirmation) assert.ok(r.review_by && r.review_by > DATE, r.title);
        }
      });
    });
  }

  it('the writing assistant keeps the model SDKs inside Generation, as the issue asks', () => {
    const { records } = planRecords(templateAnswers('writing-assistant') ?? {}, { existing: [], date: DATE });
    const models = records.find((r) => r.area === 'model provider');
    assert.deepEqual(models?.enforce?.packages?.only_in?.openai, ['generation']);
    assert.deepEqual(models?.enforce?.packages?.only_in?.anthropic, ['generation']);
    assert.ok(models?.enforce?.packages?.forbid?.some((f) => f.name === 'langchain'), 'the framework not chosen is ruled out');
  });

  it('the CI/CD runner records its isolation as not checkable in code, with a review date', () => {
    const { records } = planRecords(templateAnswers('ci-runner') ?? {}, { existing: [], date: DATE });
    const isolation = records.find((r) => r.area === 'job isolation');
    assert.equal(isolation?.decision?.chosen, 'A fresh container per job');
    assert.equal(isolation?.enforce, undefined);
    assert.equal(isolation?.review_by, '2027-06-02');
    assert.match(isolation?.consequences?.neutral?.[0] ?? '', /^Confirmation: Not checked in code\. Isolation is how the agent launches jobs/);
  });
});
