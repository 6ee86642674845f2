// Adrift writes only inside the workspace folder. The one check the CLI and the extension
// both use before any write, and the config loader uses on `decisions` and `baseline`:
// lexically (`..`, absolute paths) and through symbolic links (a folder that links outside
// counts as outside).

import * as path from 'node:path';
import type { FileSystemPort } from './port';

export class OutsideWorkspaceError extends Error {}

function posix(p: string): string {
  return p.replace(/\\/g, '/');
}

function under(root: string, target: string): boolean {
  const rel = path.posix.relative(root, target);
  return rel === '' || (!rel.startsWith('../') && rel !== '..' && !path.posix.isAbsolute(rel));
}

/** `target` (absolute, or relative to `root`) as an absolute path, when it lies inside `root` by its spelling alone. */
export function lexicallyInside(root: string, target: string): string | undefined {
  const r = path.posix.resolve(posix(root));
  const abs = path.posix.resolve(r, posix(target));
  return under(r, abs) ? abs : undefined;
}

/**
 * The absolute path `target` names when it lies inside `root` with every symbolic link of
 * its existing part resolved; throws OutsideWorkspaceError otherwise. A port without
 * realPath (in-memory test ports) has no links, so the lexical check is the whole check.
 */
export async function confineToWorkspace(fs: FileSystemPort, root: string, target: string, what = 'write'): Promise<string> {
  const abs = lexicallyInside(root, target);
  const shown = posix(target);
  if (abs === undefined) throw new OutsideWorkspaceError(`refused to ${what} ${shown}: it is outside the workspace folder ${posix(root)}`);
  if (!fs.realPath) return abs;
  const realRoot = (await fs.realPath(path.posix.resolve(posix(root)))) ?? path.posix.resolve(posix(root));
  // Resolve the deepest part that exists; what does not exist yet cannot be a link.
  let existing = abs;
  const rest: string[] = [];
  let real: string | undefined;
  for (;;) {
    real = await fs.realPath(existing);
    if (real !== undefined || existing === path.posix.dirname(existing)) break;
    rest.unshift(path.posix.basename(existing));
    existing = path.posix.dirname(existing);
  }
  const resolved = real === undefined ? abs : path.posix.join(posix(real), ...rest);
  if (!under(posix(realRoot), resolved)) {
    throw new OutsideWorkspaceError(`refused to ${what} ${shown}: it leads outside the workspace folder through a symbolic link (to ${resolved})`);
  }
  return abs;
}
