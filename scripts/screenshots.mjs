#!/usr/bin/env node
// `npm run screenshots`: refreshes the README's pictures in docs/screenshots from the UI tests.
// The UI tests save their screenshots to test-results/screenshots (gitignored, so `npm test`
// leaves the tree clean); this runs them (`node scripts/test.mjs ui [filter ...]`) into an
// emptied test-results/screenshots and, only when they all pass, copies every picture taken
// into docs/screenshots, saying which are new and which changed.
//   npm run screenshots [-- filter ...]      (filters as for the ui layer: part of a file name)

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const taken = path.join(repoRoot, 'test-results', 'screenshots');
const published = path.join(repoRoot, 'docs', 'screenshots');

fs.rmSync(taken, { recursive: true, force: true });
const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'test.mjs'), 'ui', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ADRIFT_SCREENSHOTS_DIR: taken },
});
if (run.status !== 0) {
  console.error(`[screenshots] the UI tests failed (exit ${run.status ?? run.signal}): docs/screenshots left as it was`);
  process.exit(1);
}
const pictures = fs.existsSync(taken) ? fs.readdirSync(taken).filter((f) => f.endsWith('.png')).sort() : [];
if (pictures.length === 0) {
  console.error('[screenshots] the UI tests took no screenshot');
  process.exit(1);
}
fs.mkdirSync(published, { recursive: true });
const counts = { new: 0, changed: 0, same: 0 };
for (const picture of pictures) {
  const from = path.join(taken, picture);
  const to = path.join(published, picture);
  const state = !fs.existsSync(to) ? 'new' : fs.readFileSync(to).equals(fs.readFileSync(from)) ? 'same' : 'changed';
  counts[state]++;
  if (state !== 'same') {
    fs.copyFileSync(from, to);
    console.log(`[screenshots] ${state.padEnd(7)} docs/screenshots/${picture}`);
  }
}
console.log(`[screenshots] ${pictures.length} pictures: ${counts.new} new, ${counts.changed} changed, ${counts.same} unchanged`);
