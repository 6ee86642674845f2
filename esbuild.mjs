// Three kinds of bundle from one script: the extension (Node, CommonJS, `vscode` external),
// the CLI (Node) and the webviews (browser, ESM). `--watch` rebuilds on change, `--production` minifies.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { generateValidator } from './scripts/generate-validator.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };

// The record validator is compiled from the schema before bundling (ajv at run time is slow).
generateValidator();

const webviews = ['guide', 'map', 'drift'].filter((name) => existsSync(`webview/${name}/main.ts`));
const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  // `adrift mcp`'s server (the MCP SDK, zod, ajv), loaded by src/cli/commands/mcp.ts only when that command runs.
  { ...common, entryPoints: ['src/cli/mcp.ts'], outfile: 'dist/mcp-server.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The extraction worker the CLI's pool starts (src/core/engine/pool): found beside dist/cli.js.
  { ...common, entryPoints: ['src/core/engine/pool/worker.ts'], outfile: 'dist/extract-worker.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: Object.fromEntries(webviews.map((n) => [n, `webview/${n}/main.ts`])), outdir: 'dist/webview', platform: 'browser', format: 'esm', target: 'es2022' },
].filter((b) => Object.keys(b.entryPoints).length > 0);

// Assets the webviews load as-is through asWebviewUri: the component library, codicons, stylesheets.
mkdirSync('dist/webview/vendor', { recursive: true });
cpSync('node_modules/@vscode-elements/elements/dist/bundled.js', 'dist/webview/vendor/elements.js');
cpSync('node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/vendor/codicon.css');
cpSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/vendor/codicon.ttf');
if (existsSync('webview/styles')) cpSync('webview/styles', 'dist/webview/styles', { recursive: true });

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
