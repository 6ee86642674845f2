// Where the harness finds the project and keeps everything it downloads or writes.
// Compiled to out/test/harness, so the repository root is three levels up.

import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Everything the harness installs or writes (VS Code server, profiles, logs); gitignored. */
export const cacheRoot = process.env.ADRIFT_CACHE_DIR
  ? path.resolve(process.env.ADRIFT_CACHE_DIR)
  : path.join(repoRoot, '.cache', 'vscode-offline');

/**
 * Where the UI tests save their screenshots: gitignored, so a test run leaves the tree as it
 * was. `npm run screenshots` (scripts/screenshots.mjs) copies them into docs/screenshots.
 */
export const screenshotsDir = process.env.ADRIFT_SCREENSHOTS_DIR
  ? path.resolve(process.env.ADRIFT_SCREENSHOTS_DIR)
  : path.join(repoRoot, 'test-results', 'screenshots');

/** The VS Code the harness targets: the `engines.vscode` floor, 1.100, served by code-server 4.100.3. */
export const defaultCodeServerVersion = '4.100.3';
export const defaultVSCodeVersion = '1.100.3';

export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
