// The stand-in "VS Code executable" handed to @vscode/test-electron's runTests through
// `vscodeExecutablePath` when VS Code cannot be downloaded. It takes the Electron-style
// arguments test-electron passes (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, the folder) and runs the same suite in VS Code's
// server, with the workbench in headless Chromium. The suite's result comes back through
// the smoke-test driver hooks (codeAutomationLog / codeAutomationExit) as the exit code.
//
// Environment (set by the integration runner): ADRIFT_VSCODE_SERVER_MAIN, ADRIFT_VSCODE_NODE,
// ADRIFT_TEST_TIMEOUT_MS (default 10 minutes).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchChromium, workbenchUrl } from './browser';
import type { VSCodeServerInstall } from './install';
import { startVSCodeServer, type RunningServer } from './server';

export interface ShimArguments {
  developmentPaths: string[];
  testsPath: string | undefined;
  userDataDir: string | undefined;
  extensionsDir: string | undefined;
  folder: string | undefined;
}

export function parseArguments(argv: readonly string[]): ShimArguments {
  const parsed: ShimArguments = { developmentPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      parsed.folder ??= path.resolve(arg);
      continue;
    }
    const [, name, inline] = match;
    const value = (): string => inline ?? (argv[++i] as string);
    if (name === 'extensionDevelopmentPath') parsed.developmentPaths.push(path.resolve(value()));
    else if (name === 'extensionTestsPath') parsed.testsPath = path.resolve(value());
    else if (name === 'user-data-dir') parsed.userDataDir = path.resolve(value());
    else if (name === 'extensions-dir') parsed.extensionsDir = path.resolve(value());
    // Electron-only switches (--no-sandbox, --disable-updates, ...) mean nothing to the server.
  }
  return parsed;
}

function installFromEnvironment(): VSCodeServerInstall {
  const serverMain = process.env.ADRIFT_VSCODE_SERVER_MAIN;
  if (!serverMain || !fs.existsSync(serverMain)) {
    throw new Error('ADRIFT_VSCODE_SERVER_MAIN must name server-main.js of an installed VS Code server (the integration runner sets it).');
  }
  return {
    serverMain,
    node: process.env.ADRIFT_VSCODE_NODE ?? process.execPath,
    codeServerVersion: process.env.ADRIFT_CODE_SERVER_VERSION ?? 'unknown',
    vscodeVersion: process.env.ADRIFT_VSCODE_VERSION ?? 'unknown',
    root: path.dirname(serverMain),
  };
}

// The workbench forwards its own console too; these lines say nothing about the suite.
// ADRIFT_HARNESS_VERBOSE=1 shows them.
const workbenchChatter = [
  /^Creation of workbench contribution/,
  /^\[Service Worker\]/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /getaddrinfo ENOTFOUND open-vsx\.org/,
  /^ChatSessionStore:/,
  /^\[(AgentHost|AccountPolicyGate|DefaultAccount)[^\]]*\]/,
  /^Timed out waiting for authentication provider/,
  /^Canceled: Canceled/,
];

function isChatter(line: string): boolean {
  return !process.env.ADRIFT_HARNESS_VERBOSE && workbenchChatter.some((pattern) => pattern.test(line));
}

async function runSuite(args: ShimArguments): Promise<number> {
  const install = installFromEnvironment();
  const runDir = args.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'adrift-shim-'));
  const timeoutMs = Number(process.env.ADRIFT_TEST_TIMEOUT_MS ?? 600_000);
  let server: RunningServer | undefined;
  const browser = { close: async (): Promise<void> => undefined };
  try {
    server = await startVSCodeServer({ install, runDir, extensionsDir: args.extensionsDir, smokeTestDriver: true });
    console.log(`[harness] VS Code ${install.vscodeVersion} server (pid ${server.pid}) on ${server.url}; log ${server.logPath}`);
    const context = await launchChromium({ runDir });
    browser.close = () => context.close();
    const page = context.pages()[0] ?? (await context.newPage());
    const remote = (p: string): string => `vscode-remote://${server?.host}:${server?.port}${p}`;
    const payload: Array<[string, string]> = [
      ...args.developmentPaths.map((p): [string, string] => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(args.testsPath as string)],
    ];
    const serverGone = server.exited;
    return await new Promise<number>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        console.error(`[harness] The extension tests did not finish within ${timeoutMs / 1000} s (ADRIFT_TEST_TIMEOUT_MS); stopping.`);
        resolve(124);
      }, timeoutMs);
      const finish = (code: number): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(code);
      };
      void serverGone.then((code) => {
        if (settled) return;
        console.error(`[harness] The VS Code server exited (code ${code}) before the tests finished; log: ${server?.logPath}`);
        finish(3);
      });
      page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown[]) => {
        const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
        if (isChatter(line)) return;
        if (type === 'error' || type === 'warn') console.error(line);
        else console.log(line);
      })
        .then(() => page.exposeFunction('codeAutomationExit', (code: number) => finish(Number(code))))
        .then(() => page.goto(workbenchUrl(server?.url as string, args.folder, payload)))
        .catch(reject);
    });
  } finally {
    await browser.close().catch(() => undefined);
    await server?.stop();
  }
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  if (!args.testsPath || args.developmentPaths.length === 0) {
    console.error('adrift code-shim: needs --extensionDevelopmentPath and --extensionTestsPath (it only runs extension tests).');
    process.exit(2);
  }
  let code: number;
  try {
    code = await runSuite(args);
  } catch (error) {
    console.error(`[harness] ${(error as Error).stack ?? String(error)}`);
    code = 1;
  }
  // Exit explicitly: the server and browser are stopped; nothing else may keep us alive.
  process.exit(code);
}

// Run only as the executable, not when a test imports parseArguments.
if (require.main === module) void main();
