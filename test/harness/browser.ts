// Headless Debian Chromium, driven by playwright-core, with its profile, HOME and XDG
// folders inside the run folder of the cache.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from './paths';
import { sandboxEnv } from './sandbox';

export interface BrowserOptions {
  runDir: string;
  viewport?: { width: number; height: number };
}

export async function launchChromium(options: BrowserOptions): Promise<BrowserContext> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium, or set CHROMIUM to its path.`);
  }
  const profile = path.join(options.runDir, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true });
  const env = sandboxEnv(path.join(options.runDir, 'chromium'));
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    viewport: options.viewport ?? { width: 1400, height: 900 },
    timeout: 60_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
}

/** The workbench URL that opens `folder` (a path on the server's machine). */
export function workbenchUrl(serverUrl: string, folder: string | undefined, payload?: ReadonlyArray<readonly [string, string]>): string {
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  else query.set('ew', 'true');
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${query.toString()}`;
}
