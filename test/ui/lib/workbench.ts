// Drives a real VS Code workbench (VS Code server + headless Chromium through
// playwright-core) the way a user does: palette, views, Problems panel, editors, webviews,
// notifications. One `Workbench` is one fresh server, profile and browser; `close()` stops
// them all by pid, also after a failed test.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium, workbenchUrl } from '../../harness/browser';
import { ensureVSCodeServer, type VSCodeServerInstall } from '../../harness/install';
import { cacheRoot, repoRoot, screenshotsDir } from '../../harness/paths';
import { releaseSandbox } from '../../harness/sandbox';
import { installVsix, startVSCodeServer, type RunningServer, type ServerOptions } from '../../harness/server';
import { copyWorkspace } from '../../harness/workspaces';

export type ExtensionSource =
  /** A packaged extension, installed with --install-extension as a user would. */
  | { vsix: string }
  /** An unpackaged extension folder, loaded as an extension under development. */
  | { development: string };

export interface WorkbenchOptions {
  /** Name of the workspace to open a temporary copy of: examples/<name> or test/fixtures/workspaces/<name>. */
  workspace: string;
  extension: ExtensionSource;
  /** Merged over the quiet defaults (startup editor none, telemetry off, trust off). */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
  /** Runs on the workspace copy before the workbench opens it (generate files, say). */
  prepare?: (workspaceFolder: string) => void;
}


/** The VSIX `npm run package` writes: adrift-<version>.vsix at the repository root. */
export function packagedVsix(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} not found: run \`npm run package\` first.`);
  return vsix;
}

const quickInput = '.quick-input-widget';

export interface ProblemEntry {
  severity: 'Error' | 'Warning' | 'Info';
  message: string;
  /** The file name, and the folder it is in, as the panel shows them. */
  file: string;
  folder: string;
  /** 1-based, as the panel shows them. */
  line: number;
  column: number;
  /** The row's whole accessible label. */
  label: string;
}

const fileRow = /^\d+ problems? in file (.+?) of folder (.*)$/;
const markerRow = /^(Error|Warning|Info): ([\s\S]*) at line (\d+) and character (\d+)\./;

/** Turns the Problems panel's row labels (file rows, marker rows, related information) into problems. */
export function parseProblemRows(labels: readonly string[]): ProblemEntry[] {
  const entries: ProblemEntry[] = [];
  let file = '';
  let folder = '';
  for (const label of labels) {
    const inFile = fileRow.exec(label);
    if (inFile) {
      file = inFile[1] as string;
      folder = inFile[2] as string;
      continue;
    }
    const marker = markerRow.exec(label);
    if (marker) {
      entries.push({
        severity: marker[1] as ProblemEntry['severity'],
        message: marker[2] as string,
        file,
        folder,
        line: Number(marker[3]),
        column: Number(marker[4]),
        label,
      });
    }
  }
  return entries;
}

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly workspaceFolder: string,
    readonly install: VSCodeServerInstall,
    private readonly server: RunningServer,
    private readonly browser: BrowserContext,
    private readonly runDir: string,
    /** Uncaught errors of the workbench page, for a test to assert on or print. */
    readonly pageErrors: string[],
  ) {}

  static async open(options: WorkbenchOptions): Promise<Workbench> {
    const install = await ensureVSCodeServer({
      codeServerVersion: process.env.ADRIFT_CODE_SERVER_VERSION,
      node: process.env.ADRIFT_VSCODE_NODE,
    });
    const runDir = path.join(cacheRoot, 'runs', `ui-${options.workspace}-${process.pid}-${Date.now()}`);
    const workspaceFolder = copyWorkspace(options.workspace, path.join(runDir, 'workspace'));
    options.prepare?.(workspaceFolder);
    const serverOptions: ServerOptions = { install, runDir, settings: options.settings };
    let payload: Array<[string, string]> | undefined;
    if ('vsix' in options.extension) {
      await installVsix(serverOptions, options.extension.vsix);
    } else {
      serverOptions.smokeTestDriver = true; // a development extension arrives in the URL payload
    }
    const server = await startVSCodeServer(serverOptions);
    let browser: BrowserContext | undefined;
    try {
      browser = await launchChromium({ runDir, viewport: options.viewport });
      const page = browser.pages()[0] ?? (await browser.newPage());
      page.setDefaultTimeout(20_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      if ('development' in options.extension) {
        payload = [['extensionDevelopmentPath', `vscode-remote://${server.host}:${server.port}${options.extension.development}`]];
      }
      await page.goto(workbenchUrl(server.url, workspaceFolder, payload));
      const workbench = new Workbench(page, workspaceFolder, install, server, browser, runDir, pageErrors);
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 30_000 });
      return workbench;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw error;
    }
  }

  /**
   * Each webview's id and the start of its visible text, for a failure message: a CI log then
   * tells what the window showed instead of what a test waited for.
   */
  async describeWebviews(): Promise<string> {
    const outer = this.page.locator('iframe.webview');
    const lines: string[] = [];
    const count = await outer.count().catch(() => 0);
    for (let i = 0; i < count; i++) {
      const name = (await outer.nth(i).getAttribute('name', { timeout: 2_000 }).catch(() => null)) ?? '(no name)';
      const ready = ((await outer.nth(i).getAttribute('class', { timeout: 2_000 }).catch(() => '')) ?? '').includes('ready') ? 'ready' : 'not ready';
      const text = await outer
        .nth(i)
        .contentFrame()
        .frameLocator('#active-frame')
        .locator('body')
        .innerText({ timeout: 2_000 })
        .catch((e: Error) => `(no text: ${e.message.split('\n')[0]})`);
      lines.push(`- ${name} (${ready}): ${text.replace(/\s+/g, ' ').slice(0, 400)}`);
    }
    return lines.length ? lines.join('\n') : '(no webviews)';
  }

  /** Stops the browser and the server (by pid); removes the run folder unless `keep`. */
  async close(keep = false): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    if (!keep && !process.env.ADRIFT_KEEP_RUNS) {
      releaseSandbox(this.runDir);
      fs.rmSync(this.runDir, { recursive: true, force: true });
    } else console.log(`[harness] UI run folder kept: ${this.runDir}`);
  }

  get serverLog(): string {
    return this.server.logPath;
  }

  /**
   * Opens quick input with `key`, types `text` and accepts the first row containing `rowText`.
   * Retries: the Welcome page may steal focus, and the palette says "No matching commands"
   * while extensions are still registering.
   */
  async quickPick(key: string, text: string, rowText: string, attempts = 8): Promise<void> {
    const input = this.page.locator(`${quickInput} .quick-input-box input`);
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        await this.page.keyboard.press('Escape');
        await this.page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 }, timeout: 2000 }).catch(() => undefined);
        await this.page.keyboard.press(key);
        await input.waitFor({ state: 'visible', timeout: 3000 });
        await input.fill(text, { timeout: 3000 });
        await this.page.locator(`${quickInput} .quick-input-list .monaco-list-row`, { hasText: rowText }).first().waitFor({ timeout: 3000 });
        await this.page.keyboard.press('Enter');
        return;
      } catch (error) {
        lastError = error;
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(1000);
      }
    }
    throw new Error(`Quick input (${key}) never offered "${rowText}" for "${text}": ${(lastError as Error).message.split('\n')[0]}`);
  }

  /** Runs a command from the palette by its title as shown, e.g. "Adrift: Check Workspace". */
  runCommand(title: string): Promise<void> {
    return this.quickPick('F1', `>${title}`, title);
  }

  /** Opens a workspace file in an editor (Quick Open) and waits for its tab. */
  async openFile(relativePath: string): Promise<Locator> {
    const name = path.basename(relativePath);
    await this.quickPick('Control+P', relativePath, name);
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: name });
    await tab.waitFor();
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  /** The activity-bar icon of a view container, by its title (e.g. "Adrift"). */
  activityBarItem(title: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a[aria-label^="${title}"], .part.activitybar .action-item [aria-label^="${title}"]`).first();
  }

  /** Opens a view container from the activity bar; returns the side bar. */
  async openViewContainer(title: string): Promise<Locator> {
    const item = this.activityBarItem(title);
    await item.waitFor({ timeout: 30_000 });
    const sideBar = this.page.locator('.part.sidebar');
    const alreadyOpen = await sideBar.locator('.composite.title', { hasText: title }).isVisible().catch(() => false);
    if (!alreadyOpen) await item.click();
    await sideBar.locator('.composite.title', { hasText: title }).first().waitFor();
    return sideBar;
  }

  /** A view's pane (by its name) in the open side bar, expanded. */
  async view(name: string): Promise<Locator> {
    const pane = this.page.locator('.part.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: name }) }).first();
    await pane.waitFor();
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane.locator('.pane-body');
  }

  /**
   * The problems in the Problems panel (opened and focused first), read from the rows'
   * accessible labels: file rows give the file, marker rows the severity, message and
   * position; related-information rows are skipped. The list is virtual: only the rows
   * it has rendered are read (about 40 with the default panel size).
   */
  async problemEntries(options: { atLeast?: number; timeoutMs?: number } = {}): Promise<ProblemEntry[]> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    for (;;) {
      const labels = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
      const entries = parseProblemRows(labels);
      if (entries.length >= (options.atLeast ?? 0)) return entries;
      if (Date.now() > deadline) throw new Error(`The Problems panel showed ${entries.length} problems, expected at least ${options.atLeast}: ${labels.join(' | ')}`);
      await this.page.waitForTimeout(250);
    }
  }

  /** The problems of the Problems panel as one line each: "Error: <message> at line L and character C …". */
  async problems(options: { atLeast?: number; timeoutMs?: number } = {}): Promise<string[]> {
    return (await this.problemEntries(options)).map((p) => p.label);
  }

  /** Squiggles in the active editor ('error' | 'warning' | 'info'); waits for at least one. */
  async squiggles(kind: 'error' | 'warning' | 'info' = 'error'): Promise<Locator> {
    const squiggles = this.page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`);
    await squiggles.first().waitFor();
    return squiggles;
  }

  /** The hover shown over the first squiggle of `kind`, as text. */
  async hoverSquiggle(kind: 'error' | 'warning' | 'info' = 'error'): Promise<string> {
    const squiggle = (await this.squiggles(kind)).first();
    await squiggle.hover({ force: true });
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor();
    // VS Code shows "Loading..." until every hover provider answered; on a busy machine the
    // first read came back with only that (seen in a clean-clone CI run).
    const deadline = Date.now() + 20_000;
    let text = (await hover.textContent()) ?? '';
    while (/^\s*Loading\.\.\.\s*$/.test(text) && Date.now() < deadline) {
      await this.page.waitForTimeout(200);
      text = (await hover.textContent()) ?? '';
    }
    return text;
  }

  /**
   * The content of a webview (a view or a panel). VS Code nests it twice: the outer iframe
   * of the webview host and the inner frame with the extension's HTML. With several
   * webviews open, `index` picks one in document order.
   */
  webview(index = 0): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').nth(index).frameLocator('#active-frame');
  }

  /**
   * Waits for a notification containing `text`: a toast, or (when toasts are suppressed,
   * as on newer VS Code) the notification center. Returns where it was seen.
   */
  async waitForNotification(text: string | RegExp, timeoutMs = 15_000): Promise<'toast' | 'center'> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    try {
      await toast.waitFor({ timeout: timeoutMs });
      return 'toast';
    } catch {
      await this.runCommand('Notifications: Show Notifications');
      await this.page.locator('.notifications-center', { hasText: text }).first().waitFor({ timeout: 5000 });
      await this.page.keyboard.press('Escape');
      return 'center';
    }
  }

  /**
   * Saves a screenshot of the whole workbench to test-results/screenshots/<name>.png (gitignored;
   * `npm run screenshots` publishes them to docs/screenshots); returns its path.
   */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(screenshotsDir, { recursive: true });
    const file = path.join(screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Saves a screenshot into the run folder (kept by `close(true)`), for a failed test. */
  async failureScreenshot(name: string): Promise<string> {
    const file = path.join(this.runDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/**
 * A workbench for each try of each test of the calling suite, closed after it; a failed try
 * keeps its folder (workspace, server log, screenshots). The harness retries a failed UI test
 * once, and a retry in a suite's one workbench met what the failed try had written: in CI
 * guide-adopt's retry opened the guide at step 8, guide-layers' at its review page.
 */
export function workbenchPerTry(options: WorkbenchOptions): () => Workbench {
  let current: Workbench | undefined;
  setup(async () => {
    current = await Workbench.open(options);
  });
  teardown(async function () {
    // A try that will be retried has no state yet (mocha marks only the last try failed).
    await current?.close(this.currentTest?.state !== 'passed');
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no workbench: its setup failed or this is not inside a test');
    return current;
  };
}
