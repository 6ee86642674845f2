// Runs VS Code's own server (lib/vscode/out/server-main.js from code-server, not the
// code-server launcher): only that entry point accepts --enable-smoke-test-driver, which a
// built VS Code needs before it honours a test payload (extension under development +
// extension tests) in the workbench URL.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { VSCodeServerInstall } from './install';
import { freePort } from './ports';
import { spawnGroup, stopGroup } from './processes';
import { sandboxEnv } from './sandbox';

/** Settings of a fresh profile: nothing may steal focus, phone home or ask for trust. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

export interface ServerOptions {
  install: VSCodeServerInstall;
  /** A folder of this run only: profile, extensions, sandboxed HOME/TMPDIR, server log. */
  runDir: string;
  host?: string;
  port?: number;
  /** Defaults to <runDir>/extensions. */
  extensionsDir?: string;
  /** Merged over `quietSettings`. */
  settings?: Record<string, unknown>;
  /** Accept test payloads in the URL (needed for extension tests, not for `npm start`). */
  smokeTestDriver?: boolean;
  startTimeoutMs?: number;
  /** Extra environment for the server and the extension host. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  pid: number;
  userDataDir: string;
  extensionsDir: string;
  logPath: string;
  /** Resolves when the server process exits. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function serverDirs(options: ServerOptions): { userDataDir: string; extensionsDir: string } {
  const userDataDir = path.join(options.runDir, 'data');
  const extensionsDir = options.extensionsDir ?? path.join(options.runDir, 'extensions');
  return { userDataDir, extensionsDir };
}

/** Installs a packaged extension into the server's extensions folder, as a user would. */
export async function installVsix(options: ServerOptions, vsixPath: string): Promise<void> {
  const { userDataDir, extensionsDir } = serverDirs(options);
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const { stdout, stderr } = await promisify(execFile)(options.install.node, [
    options.install.serverMain, '--install-extension', vsixPath, '--force',
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--server-data-dir', userDataDir,
    '--accept-server-license-terms',
  ], { env: sandboxEnv(options.runDir), timeout: 120_000 });
  const output = `${stdout}${stderr}`;
  if (!/successfully installed/i.test(output)) throw new Error(`Installing ${vsixPath} failed:\n${output}`);
}

export async function startVSCodeServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const { userDataDir, extensionsDir } = serverDirs(options);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...options.settings }, null, 2));
  const logPath = path.join(options.runDir, 'server.log');
  const log = fs.openSync(logPath, 'a');

  const args = [
    options.install.serverMain,
    '--host', host, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--server-data-dir', userDataDir, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ];
  if (options.smokeTestDriver) args.push('--enable-smoke-test-driver');
  const child = spawnGroup(options.install.node, args, {
    stdio: ['ignore', log, log],
    env: { ...sandboxEnv(options.runDir), ...options.env },
  });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start the VS Code server (${options.install.node}).`);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const url = `http://${host}:${port}`;
  const server: RunningServer = {
    url, host, port, pid, userDataDir, extensionsDir, logPath, exited,
    stop: () => stopGroup(pid),
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (hasExited) throw new Error(`The VS Code server exited during start-up; its log:\n${fs.readFileSync(logPath, 'utf8')}`);
    try {
      const response = await fetch(`${url}/version`, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`The VS Code server did not answer on ${url} within ${options.startTimeoutMs ?? 60_000} ms; log: ${logPath}`);
    }
    await sleep(200);
  }
}
