import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/findings';
import { applyInlineSuppressions } from '../../../../src/core/engine/suppression';
import type { SuppressionComment } from '../../../../src/core/engine/types';
import { range } from '../rules/fixture';

function finding(line: number, rule: Finding['rule'] = 'module-dependency'): Finding {
  return { rule, severity: 'error', file: 'src/a.ts', range: range(line, 0, 5), message: `m${line}` };
}
function comment(line: number, rule: string, reason: string): SuppressionComment {
  return { rule, reason, range: range(line, 0, 40) };
}

describe('inline suppression', () => {
  const text = ['// adrift-ignore module-dependency -- legacy search, see ADR-0007', '', '// more words', "import { search } from '../kb/search';", "import x from '../kb';"].join('\n');

  it('silences its rule on the next line of code, skipping blank and comment lines', () => {
    const out = applyInlineSuppressions('src/a.ts', text, [comment(0, 'module-dependency', 'legacy search, see ADR-0007')], [finding(3), finding(4)]);
    assert.deepEqual(out.suppressed.map((f) => f.range.start.line), [3]);
    assert.deepEqual(out.kept.map((f) => f.range.start.line), [4]);
    assert.deepEqual(out.problems, []);
  });

  it('silences a finding on its own line, and only the rules it names', () => {
    const out = applyInlineSuppressions('src/a.ts', undefined, [comment(2, 'private-import,module-cycle', 'why')], [finding(2, 'module-cycle'), finding(2, 'module-dependency')]);
    assert.deepEqual(out.suppressed.map((f) => f.rule), ['module-cycle']);
    assert.deepEqual(out.kept.map((f) => f.rule), ['module-dependency']);
  });

  it('reports a comment without a reason, and does not let it suppress', () => {
    const out = applyInlineSuppressions('src/a.ts', text, [comment(0, 'module-dependency', '')], [finding(3)]);
    assert.equal(out.kept.length, 1);
    assert.equal(out.problems.length, 1);
    assert.equal(out.problems[0].rule, 'unused-suppression');
    assert.match(out.problems[0].message, /has no reason/);
  });

  it('ignores prose that only mentions the syntax', () => {
    const out = applyInlineSuppressions('src/a.ts', text, [comment(0, '<rule>', '<reason>')], [finding(3)]);
    assert.deepEqual(out.problems, []);
    assert.equal(out.kept.length, 1);
  });

  it('reports an unknown rule and a suppression that silences nothing', () => {
    const out = applyInlineSuppressions('src/a.ts', text, [comment(0, 'module-dependancy', 'typo'), comment(1, 'private-import', 'stale')], [finding(3)]);
    assert.deepEqual(out.problems.map((p) => p.message), [
      'adrift-ignore names unknown rule "module-dependancy": write adrift-ignore <rule> -- <reason>',
      'adrift-ignore private-import suppresses nothing here',
    ]);
    assert.equal(out.kept.length, 1);
  });
});
