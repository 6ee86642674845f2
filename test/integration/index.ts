// The mocha entry point VS Code loads in the extension host (--extensionTestsPath). The
// harness passes the suite files of this run in ADRIFT_TEST_SUITES; the interface is tdd
// (suite/test/suiteSetup/setup), like VS Code's own extension tests.

import * as fs from 'node:fs';
import * as path from 'node:path';

// Mocha 12 is an ES module: require() of it (Node >= 20.19, as in the extension host) yields
// its namespace, whose default export is the class.
type MochaClass = typeof import('mocha');
type Mocha = InstanceType<MochaClass>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = (require('mocha') as { default: MochaClass }).default;

function suiteFiles(): string[] {
  const listed = process.env.ADRIFT_TEST_SUITES;
  if (listed) return JSON.parse(listed) as string[];
  return fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).map((f) => path.join(__dirname, f));
}

/** ADRIFT_FORCE_FAIL=1 proves that a failing test fails the whole run (and CI). */
function addForcedFailure(mocha: Mocha): void {
  const suite = Mocha.Suite.create(mocha.suite, 'Forced failure (ADRIFT_FORCE_FAIL=1)');
  suite.addTest(new Mocha.Test('fails on purpose', () => {
    throw new Error('ADRIFT_FORCE_FAIL is set: this test fails on purpose.');
  }));
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.ADRIFT_MOCHA_TIMEOUT_MS ?? 30_000),
    grep: process.env.ADRIFT_TEST_GREP,
  });
  for (const file of suiteFiles()) mocha.addFile(file);
  if (process.env.ADRIFT_FORCE_FAIL === '1') addForcedFailure(mocha);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
