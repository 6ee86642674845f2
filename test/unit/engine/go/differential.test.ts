import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { compareEdges, compareWithOracle, goVersion, oracleImports } from './oracle';

const FIXTURES = path.resolve('test/fixtures/engine/go');

describe('Go extraction against Go\'s own parser (go/parser, ImportsOnly)', function () {
  this.timeout(120_000);
  const version = goVersion();

  before(function () {
    if (version === undefined) {
      console.log('    (skipped: the `go` command is not installed; apt-get install golang-go, as .ci/run and scripts/prerequisites.mjs do)');
      this.skip();
    }
  });

  it('lists the same imports, in order, for every .go file of the fixtures', () => {
    const oracle = oracleImports(FIXTURES);
    assert.ok(oracle.length >= 10, `the oracle saw only ${oracle.length} files`);
    const result = compareWithOracle(FIXTURES, oracle);
    assert.equal(result.parseErrors, 0);
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.files, oracle.length);
  });

  it('resolves to the same file → package-folder edges as the oracle, through go.work and a local replace', async () => {
    const root = path.join(FIXTURES, 'workspace');
    const result = await compareEdges(root, oracleImports(root));
    assert.ok(result.edges >= 5, `only ${result.edges} edges`);
    assert.deepEqual([result.onlyOracle, result.onlyAdrift], [[], []]);
    assert.equal(result.unresolvedLocal, 1); // example.com/ci/agent/missing, planted
  });

  it('is a real comparison: an extraction that drops an import is caught', () => {
    const oracle = oracleImports(FIXTURES).map((f) => (f.file.endsWith('cmd/agent/main.go') ? { ...f, imports: [...f.imports, 'extra/import'] } : f));
    const result = compareWithOracle(FIXTURES, oracle);
    assert.equal(result.mismatches.length, 1);
    assert.match(result.mismatches[0].file, /cmd\/agent\/main\.go$/);
  });
});
