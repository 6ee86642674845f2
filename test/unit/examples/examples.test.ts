// Runs the whole engine on each example workspace and requires exactly the drift its author
// planted, as listed in examples/<name>/expected-drift.json (and described in examples/README.md).

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace } from '../../../src/core/engine/check';
import { NodeFileSystem } from '../../../src/core/fs/node';

interface ExpectedFinding {
  rule: string;
  file: string;
  /** 1-based, as the CLI prints it. */
  line: number;
  fromModule?: string;
  toModule?: string;
  decision?: number;
}

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function key(f: ExpectedFinding): string {
  return [f.file, f.line, f.rule, f.fromModule ?? '-', f.toModule ?? '-', f.decision ?? '-'].join(' ');
}

describe('example workspaces', function () {
  this.timeout(60_000);
  const names = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((n) => existsSync(path.join(EXAMPLES, n, 'expected-drift.json'))) : [];

  it('there are examples with planted drift to check', () => {
    assert.ok(names.length >= 2, `expected-drift.json in at least two of ${EXAMPLES}`);
  });

  for (const name of names) {
    it(`${name}: adrift check finds exactly the planted drift`, async () => {
      const root = path.join(EXAMPLES, name).replace(/\\/g, '/');
      const expected = JSON.parse(readFileSync(path.join(root, 'expected-drift.json'), 'utf8')) as ExpectedFinding[];
      const result = await checkWorkspace(new NodeFileSystem(), root, { cache: false, baseline: false, today: '2026-11-27' });
      const actual = result.findings.map((f) =>
        key({ rule: f.rule, file: f.file, line: f.range.start.line + 1, fromModule: f.fromModule, toModule: f.toModule, decision: f.decision?.id }),
      );
      assert.deepEqual(actual.sort(), expected.map(key).sort());
      assert.deepEqual(result.stats.unresolvedLocal, [], 'every local import resolves');
    });
  }
});
