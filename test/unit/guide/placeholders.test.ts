import * as assert from 'node:assert/strict';
import { ARCHITECTURE_FLOW } from '../../../src/core/guide/flow';
import { asExample, TEMPLATE_PLACEHOLDERS } from '../../../src/core/guide/placeholders';
import { GUIDE_TEMPLATES } from '../../../src/core/guide/templates';
import type { AnswerValue, GuideFlow } from '../../../src/core/guide/types';

/** Every key a placeholder may have in `flow`: a field id, or `fieldId.columnId` of a table. */
function placeholderKeys(flow: GuideFlow): Map<string, string | undefined> {
  const keys = new Map<string, string | undefined>();
  for (const step of flow.steps) {
    for (const f of step.fields) {
      if (f.kind === 'table') for (const c of f.columns) {
        if (c.kind !== 'choice' && c.kind !== 'pick-rows') keys.set(`${f.id}.${c.id}`, c.placeholder);
      } else if (f.kind !== 'choice' && f.kind !== 'discover' && f.kind !== 'edges' && f.kind !== 'layers' && !(f.kind === 'per-row' && f.values === 'pick-rows')) keys.set(f.id, f.placeholder);
    }
  }
  return keys;
}

/** Every text in an answer, lower-cased: a cell, a list item, a per-row entry. */
function texts(value: AnswerValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap((c) => (typeof c === 'string' ? [c] : c))));
  return Object.entries(value).flatMap(([k, v]) => [k, ...v]);
}

describe('guide: placeholders fit the chosen template', () => {
  const keys = placeholderKeys(ARCHITECTURE_FLOW);

  it('every text field and column has a placeholder of its own in the flow', () => {
    for (const [key, text] of keys) assert.ok(text && text.trim().length > 0, `${key} has no placeholder`);
  });

  for (const template of GUIDE_TEMPLATES.filter((t) => t.id !== 'blank')) {
    describe(`the ${template.id} template`, () => {
      const own = template.placeholders ?? {};
      it('carries its examples from placeholders.ts, one for every text field and column', () => {
        assert.equal(own, TEMPLATE_PLACEHOLDERS[template.id]);
        assert.deepEqual([...keys.keys()].filter((k) => !(k in own)), []);
      });
      it('has examples only for fields and columns the flow has', () => {
        assert.deepEqual(Object.keys(own).filter((k) => !keys.has(k)), []);
      });
      it('shows no other template\'s examples', () => {
        for (const other of GUIDE_TEMPLATES.filter((t) => t.id !== template.id && t.placeholders)) {
          for (const [key, text] of Object.entries(own)) {
            if (key === 'evolution.stage') continue; // "v2" is every template's next stage
            assert.notEqual(text, other.placeholders?.[key], `${template.id} and ${other.id} share the example of ${key}`);
          }
        }
      });
    });
  }

  it('the blank template has none of its own, and the flow\'s are neutral: no template\'s answer', () => {
    assert.equal(GUIDE_TEMPLATES.find((t) => t.id === 'blank')?.placeholders, undefined);
    const answered = new Set(GUIDE_TEMPLATES.flatMap((t) => Object.values(t.answers).flatMap(texts)).map((s) => s.toLowerCase()));
    for (const [key, text] of keys) assert.ok(!answered.has((text ?? '').toLowerCase()), `${key}: "${text}" is a template's answer`);
  });

  it('marks every placeholder as an example', () => {
    assert.equal(asExample('Stripe'), 'e.g. Stripe');
    assert.equal(asExample('e.g. Stripe'), 'e.g. Stripe');
    assert.equal(asExample('  E.g. Stripe '), 'E.g. Stripe');
  });
});
