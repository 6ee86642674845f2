import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/findings';
import { applyBaseline, buildBaseline, parseBaseline, serializeBaseline } from '../../../../src/core/engine/baseline';
import { ADR3, range } from '../rules/fixture';

function finding(line: number, specifier = '../knowledgebase/search'): Finding {
  return {
    rule: 'module-dependency',
    severity: 'error',
    file: 'src/ticket/a.ts',
    range: range(line, 20, 10),
    message: 'module "ticket" may not use module "knowledgebase"',
    decision: ADR3,
    fromModule: 'ticket',
    toModule: 'knowledgebase',
    specifier,
  };
}

describe('baseline', () => {
  it('round-trips through YAML and JSON with rule, modules, file, specifier, decision, reason and expiry', () => {
    const b = buildBaseline([finding(3)], undefined, 'search moves in Q2', '2027-01-31');
    for (const name of ['.adrift-baseline.yaml', '.adrift-baseline.json']) {
      const text = serializeBaseline(b, name);
      const parsed = parseBaseline(text);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.baseline.entries, [
        {
          rule: 'module-dependency',
          file: 'src/ticket/a.ts',
          fromModule: 'ticket',
          toModule: 'knowledgebase',
          specifier: '../knowledgebase/search',
          decision: 3,
          reason: 'search moves in Q2',
          expires: '2027-01-31',
        },
      ]);
    }
  });

  it('matches findings whatever line they moved to, one entry per finding', () => {
    const b = buildBaseline([finding(3)], undefined);
    const out = applyBaseline([finding(40), finding(41)], b, '2026-11-27');
    assert.equal(out.suppressed.length, 1);
    assert.equal(out.kept.length, 1);
    assert.deepEqual(out.unused, []);
  });

  it('stops suppressing on the expiry date and says so in the finding', () => {
    const b = buildBaseline([finding(3)], undefined, 'until the split', '2026-11-27');
    const before = applyBaseline([finding(3)], b, '2026-11-26');
    assert.equal(before.suppressed.length, 1);
    const after = applyBaseline([finding(3)], b, '2026-11-27');
    assert.equal(after.kept.length, 1);
    assert.equal(after.expired.length, 1);
    assert.match(after.kept[0].message, /its baseline entry expired on 2026-11-27 \(until the split\)$/);
  });

  it('reports entries that no longer match anything, and drops them when rebuilt', () => {
    const b = buildBaseline([finding(3), finding(4, '../knowledgebase/index')], undefined, 'first reason');
    const out = applyBaseline([finding(3)], b, '2026-11-27');
    assert.deepEqual(out.unused.map((e) => e.specifier), ['../knowledgebase/index']);
    const rebuilt = buildBaseline([finding(9)], b, 'new reason');
    assert.deepEqual(rebuilt.entries.map((e) => e.reason), ['first reason'], 'an entry that still matches keeps its reason');
  });

  it('explains what is wrong with a broken baseline file', () => {
    assert.match(parseBaseline('entries: [').problems[0], /not valid YAML or JSON/);
    assert.deepEqual(parseBaseline('entries:\n  - rule: nope\n    file: a.ts\n  - rule: module-cycle\n').problems, [
      'entry 1: rule must be a rule id (found "nope")',
      'entry 2: file is missing',
    ]);
    assert.deepEqual(parseBaseline('entries:\n  - {rule: module-cycle, file: a.ts, expires: soon}\n').problems, [
      'entry 1: expires must be a date YYYY-MM-DD (found "soon")',
    ]);
  });
});
