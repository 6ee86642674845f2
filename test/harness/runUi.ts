// `npm run test:ui`: runs every UI test (test/ui/*.ui.ts, compiled to out/test/ui/*.ui.js)
// with mocha, tdd interface. Each test file opens its own Workbench (test/ui/lib); the
// Adrift they see is the packaged VSIX, installed into the VS Code server as a user would,
// so a file missing from the package fails a test.
//
//   node out/test/harness/runUi.js [filter ...]     filter: part of a UI test file name

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureVSCodeServer } from './install';
import { repoRoot } from './paths';

// Mocha 12 is an ES module. require() of it yields its namespace (default export: the
// class) on Node 20.19+, and the class itself on Node 22.12+/24, which honour its
// "module.exports" export. The extension host may run on either.
type MochaClass = typeof import('mocha');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadedMocha = require('mocha') as MochaClass | { default: MochaClass };
const Mocha: MochaClass = typeof loadedMocha === 'function' ? loadedMocha : loadedMocha.default;

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const sources = fs.readdirSync(path.join(repoRoot, 'test', 'ui')).filter((f) => f.endsWith('.ui.ts')).sort();
  const files = sources
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .map((f) => path.join(repoRoot, 'out', 'test', 'ui', f.replace(/\.ts$/, '.js')));
  if (files.length === 0) {
    console.error('[harness] no UI test matched (test/ui/*.ui.ts).');
    return 1;
  }
  for (const file of files) if (!fs.existsSync(file)) throw new Error(`${file} missing: run \`npm run compile\` first.`);
  // Install (or find) the server before mocha's clocks start: the first install takes a minute.
  const install = await ensureVSCodeServer({
    codeServerVersion: process.env.ADRIFT_CODE_SERVER_VERSION,
    node: process.env.ADRIFT_VSCODE_NODE,
  });
  console.log(`[harness] UI tests: VS Code ${install.vscodeVersion} server (code-server ${install.codeServerVersion}) + headless Chromium`);
  // A workbench driven through a browser on a loaded 2-core machine can miss a frame that
  // a real user would never notice; a test gets one more try (ADRIFT_UI_RETRIES), every retry
  // is printed with what failed, and a test that fails twice fails the run.
  const retries = Number(process.env.ADRIFT_UI_RETRIES ?? 1);
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: Number(process.env.ADRIFT_UI_TIMEOUT_MS ?? 180_000), color: process.stdout.isTTY, retries });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const retried: string[] = [];
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => {
      if (retried.length > 0) console.log(`[harness] ${retried.length} UI test(s) needed a second try:\n${retried.map((r) => `  - ${r}`).join('\n')}`);
      resolve(failures > 0 ? 1 : 0);
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_RETRY, (test: Mocha.Test, err: unknown) => {
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      retried.push(`${test.fullTitle()}: ${why}`);
      console.log(`[harness] retrying "${test.fullTitle()}" after: ${why}`);
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[harness] ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
