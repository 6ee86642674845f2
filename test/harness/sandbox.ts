// VS Code and Chromium write to $HOME, $TMPDIR and the XDG folders (sockets, ~/.cache,
// dconf, crash reports). Pointing them into one folder of the cache keeps a test run from
// touching the user's machine and lets parallel runs stay out of each other's way.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const links = new Set<string>();
const systemTmp = os.tmpdir();

process.on('exit', () => {
  for (const link of links) fs.rmSync(link, { force: true });
});

// Unix socket paths are limited to 107 bytes, and VS Code and Chromium put theirs in
// TMPDIR under long names (…/org.chromium.Chromium.XXXXXX/SingletonSocket). A deep
// cache folder is reached through a short symbolic link instead, removed on exit.
function shortPath(target: string): string {
  if (target.length <= 40) return target;
  const link = path.join(systemTmp, `adrift-${createHash('sha1').update(target).digest('hex').slice(0, 10)}`);
  try {
    if (fs.readlinkSync(link) === target) return link;
    fs.rmSync(link, { force: true });
  } catch {
    // no link yet
  }
  fs.symlinkSync(target, link);
  links.add(link);
  return link;
}

/** Removes the short links into `dir` (call when a run folder is deleted before the process exits). */
export function releaseSandbox(dir: string): void {
  for (const link of links) {
    let target: string;
    try {
      target = fs.readlinkSync(link);
    } catch {
      links.delete(link);
      continue;
    }
    if (target === dir || target.startsWith(`${dir}${path.sep}`)) {
      fs.rmSync(link, { force: true });
      links.delete(link);
    }
  }
}

export function sandboxEnv(dir: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const home = path.join(dir, 'home');
  const tmp = path.join(dir, 'tmp');
  const runtime = path.join(dir, 'runtime');
  fs.mkdirSync(tmp, { recursive: true });
  // The XDG spec requires the runtime folder to be private to the user.
  fs.mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    ...base,
    HOME: home,
    TMPDIR: shortPath(tmp),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: shortPath(runtime),
  };
  for (const key of ['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME'] as const) {
    fs.mkdirSync(env[key] as string, { recursive: true });
  }
  return env;
}
