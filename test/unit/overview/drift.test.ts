import * as assert from 'node:assert/strict';
import { summarizeDrift } from '../../../src/core/overview/drift';
import { ZERO_RANGE, type Finding } from '../../../src/core/findings';

function finding(rule: Finding['rule'], from?: string, to?: string, severity: Finding['severity'] = 'error'): Finding {
  return { rule, severity, file: 'src/x.ts', range: ZERO_RANGE, message: 'm', ...(from ? { fromModule: from } : {}), ...(to ? { toModule: to } : {}) };
}

describe('drift at a glance', () => {
  it('counts findings per module pair, most first, with the rules of each pair', () => {
    const summary = summarizeDrift([
      finding('module-dependency', 'ticket', 'knowledgebase'),
      finding('private-import', 'web', 'ticket', 'warning'),
      finding('forbidden-import', 'web', 'ticket'),
      finding('module-dependency', 'ticket', 'knowledgebase'),
      finding('unassigned-file', undefined, undefined, 'info'),
    ], true);
    assert.equal(summary.total, 5);
    assert.equal(summary.errors, 3);
    assert.deepEqual(summary.pairs, [
      { from: 'ticket', to: 'knowledgebase', count: 2, rules: ['module-dependency'] },
      { from: 'web', to: 'ticket', count: 2, rules: ['private-import', 'forbidden-import'] },
    ]);
    assert.deepEqual(summary.byRule.map((r) => [r.rule, r.count]), [['module-dependency', 2], ['forbidden-import', 1], ['private-import', 1], ['unassigned-file', 1]]);
    assert.equal(summary.scanned, true);
  });

  it('is empty without findings, and says whether the scan is done', () => {
    assert.deepEqual(summarizeDrift([], false), { total: 0, errors: 0, pairs: [], byRule: [], scanned: false });
  });
});
