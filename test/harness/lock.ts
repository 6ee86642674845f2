// A cross-process lock on a file, so that several test runs started at once (by CI or by
// several people on one machine) install the VS Code server once instead of racing.
// The lock file holds the owner's pid; a lock whose owner has died is taken over.

import * as fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function ownerAlive(lockPath: string): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
  } catch {
    return true; // being written right now: treat as held
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function withFileLock<T>(lockPath: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!ownerAlive(lockPath)) {
      fs.rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${(timeoutMs / 1000).toFixed(1)} s waiting for ${lockPath} (held by pid ${fs.readFileSync(lockPath, 'utf8')}).`);
    }
    if (!announced) {
      console.log(`[harness] waiting for another run holding ${lockPath}`);
      announced = true;
    }
    await sleep(500);
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}
