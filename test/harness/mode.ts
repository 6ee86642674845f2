// Which VS Code runs the integration suites: the real desktop build that test-electron
// downloads, or (offline, in CI) VS Code's server with the workbench in headless Chromium.

export type HarnessMode = 'download' | 'offline';

/** ADRIFT_TEST_MODE=download|offline decides; otherwise a quick probe of the update service. */
export async function chooseMode(): Promise<HarnessMode> {
  const forced = process.env.ADRIFT_TEST_MODE;
  if (forced === 'download' || forced === 'offline') return forced;
  if (forced) throw new Error(`ADRIFT_TEST_MODE must be "download" or "offline", not "${forced}".`);
  try {
    const response = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(3000) });
    return response.ok ? 'download' : 'offline';
  } catch {
    return 'offline';
  }
}
