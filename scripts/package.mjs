#!/usr/bin/env node
// `npm run package`: the production (minified) build packaged by @vscode/vsce as
// adrift-<version>.vsix at the repository root. Packaging happens in a staging copy of only
// what ships, so a development build started meanwhile (watch mode, another terminal) can
// never slip into the package; vsce's warnings fail the run, and so does a package of 2 MB
// or more. What ships is decided by .vscodeignore.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const vsix = path.join(repo, `${manifest.name}-${manifest.version}.vsix`);
const staging = path.join(repo, '.cache', 'package');
const shipped = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'schemas', 'snippets', 'media'];
const maxBytes = 2 * 1024 * 1024;

function fail(message) {
  console.error(`[package] ${message}`);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) fail('the production build failed.');

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
for (const entry of shipped) {
  if (existsSync(path.join(repo, entry))) cpSync(path.join(repo, entry), path.join(staging, entry), { recursive: true });
}
// A production bundle has no source map; a map comment means a development build won the race.
for (const bundle of ['dist/extension.js', 'dist/cli.js', 'dist/mcp-server.js', 'dist/extract-worker.js']) {
  const text = readFileSync(path.join(staging, bundle), 'utf8');
  if (text.includes('//# sourceMappingURL=')) fail(`${bundle} is a development build (a build ran while packaging); run npm run package again.`);
}

const vsce = path.join(repo, 'node_modules', '.bin', 'vsce');
// Every bundle the build wrote ships: the CLI loads dist/extract-worker.js and dist/mcp-server.js
// beside itself, and a .vscodeignore that forgot one made a package whose CLI failed at run time.
const listed = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: staging, encoding: 'utf8' });
if (listed.status !== 0) fail(`vsce ls failed (exit ${listed.status}): ${listed.stderr}`);
const kept = new Set(listed.stdout.split('\n').map((line) => line.trim().replace(/\\/g, '/')));
const left = readdirSync(path.join(staging, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`).filter((f) => !kept.has(f));
if (left.length > 0) fail(`.vscodeignore leaves out ${left.join(', ')}, which the bundles load.`);
const result = spawnSync(vsce, ['package', '--no-dependencies', '--out', vsix], { cwd: staging, encoding: 'utf8' });
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
process.stdout.write(output);
if (result.status !== 0) fail(`vsce failed (exit ${result.status}).`);
const warnings = output.split('\n').filter((line) => /\bwarning\b/i.test(line));
if (warnings.length > 0) fail(`vsce warned; a package ships without warnings:\n${warnings.join('\n')}`);
const bytes = statSync(vsix).size;
if (bytes >= maxBytes) fail(`${path.basename(vsix)} is ${(bytes / 1024 / 1024).toFixed(2)} MB; it must stay under 2 MB.`);
rmSync(staging, { recursive: true, force: true });
console.log(`[package] ${path.basename(vsix)}: ${(bytes / 1024).toFixed(0)} KB`);
