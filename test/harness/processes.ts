// Every long-lived process the harness starts (VS Code server, npm, the stand-in
// executable) runs in its own process group and is registered here, so it is stopped by
// its pid when the run ends, fails, times out or is interrupted with Ctrl+C.

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const live = new Set<number>();
let handlersInstalled = false;

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort when the harness exits without stopping something: no orphan survives it.
  process.on('exit', () => {
    for (const pid of live) signalGroup(pid, 'SIGKILL');
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      console.error(`[harness] ${signal}: stopping ${live.size} process group(s)`);
      for (const pid of live) signalGroup(pid, 'SIGTERM');
      setTimeout(() => process.exit(code), 1500).unref();
    });
  }
}

/** Starts a command in a new process group that is killed with the harness at the latest. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid !== undefined) {
    live.add(pid);
    child.once('exit', () => {
      // The leader exited; the rest of its group (e.g. the extension host) may not have.
      if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
      live.delete(pid);
    });
  }
  return child;
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs`. Resolves once it is gone. */
export async function stopGroup(pid: number, graceMs = 3000): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) {
    live.delete(pid);
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  while (groupAlive(pid)) await sleep(50);
  live.delete(pid);
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit or after `timeoutMs`. */
export async function runToCompletion(command: string, args: readonly string[], options: SpawnOptions & { timeoutMs: number; label: string }): Promise<void> {
  const child = spawnGroup(command, args, { stdio: 'inherit', ...options });
  const pid = child.pid;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (pid !== undefined) void stopGroup(pid);
  }, options.timeoutMs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    if (timedOut) throw new Error(`${options.label} timed out after ${Math.round(options.timeoutMs / 1000)} s.`);
    if (code !== 0) throw new Error(`${options.label} failed (exit code ${code}).`);
  } finally {
    clearTimeout(timer);
  }
}
