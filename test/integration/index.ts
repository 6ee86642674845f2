// The mocha entry point VS Code loads in the extension host (--extensionTestsPath). The
// harness passes the suite files of this run in ADRIFT_TEST_SUITES; the interface is tdd
// (suite/test/suiteSetup/setup), like VS Code's own extension tests.

import * as fs from 'node:fs';
import * as path from 'node:path';

// Mocha 12 is an ES module. require() of it yields its namespace (default export: the
// class) on Node 20.19+, and the class itself on Node 22.12+/24, which honour its
// "module.exports" export. The extension host may run on either.
type MochaClass = typeof import('mocha');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadedMocha = require('mocha') as MochaClass | { default: MochaClass };
const Mocha: MochaClass = typeof loadedMocha === 'function' ? loadedMocha : loadedMocha.default;
type Mocha = InstanceType<MochaClass>;

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
