// Which VS Code runs the integration suites: the real desktop build that test-electron
// downloads, or (offline, in CI) VS Code's server with the workbench in headless Chromium.
// The decision lives in scripts/prerequisites.mjs, which `npm test` runs before any layer
// (and then passes on as ADRIFT_TEST_MODE), so that the harness run on its own decides alike.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths';

export type HarnessMode = 'download' | 'offline';

/** ADRIFT_TEST_MODE=download|offline decides; otherwise a quick probe of the update service. */
export async function chooseMode(): Promise<HarnessMode> {
  // A real dynamic import (tsc keeps import() under module Node16): the script is ESM.
  const script = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'prerequisites.mjs')).href)) as { chooseMode(): Promise<HarnessMode> };
  return script.chooseMode();
}
