import * as assert from 'node:assert/strict';
import { formatFindingLine, type Finding } from '../../src/core/findings';

describe('findings', () => {
  it('print as file:line:col rule message, 1-based', () => {
    const f: Finding = {
      rule: 'decision-schema',
      severity: 'error',
      file: 'docs/adr/0002-tenancy.yaml',
      range: { start: { line: 3, column: 8 }, end: { line: 3, column: 13 } },
      message: 'status must be one of proposed, accepted, rejected, deprecated, superseded (found "maybe")',
    };
    assert.equal(formatFindingLine(f), 'docs/adr/0002-tenancy.yaml:4:9 decision-schema ' + f.message);
  });
});
