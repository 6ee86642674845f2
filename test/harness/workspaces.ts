// The folder an extension-host run opens: a temporary copy of an example workspace, so a
// suite may edit, create and delete files without touching the repository.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

/** examples/<name> when it exists, else the small fixture test/fixtures/workspaces/<name>. */
export function exampleFolder(name: string): string {
  for (const candidate of [path.join(repoRoot, 'examples', name), path.join(repoRoot, 'test', 'fixtures', 'workspaces', name)]) {
    if (fs.existsSync(candidate) && fs.readdirSync(candidate).length > 0) return candidate;
  }
  throw new Error(`No workspace "${name}": neither examples/${name} nor test/fixtures/workspaces/${name} exists.`);
}

/** Copies the named workspace into `intoDir` (created) and returns the copy's path. */
export function copyWorkspace(name: string, intoDir: string): string {
  const source = exampleFolder(name);
  const target = path.join(intoDir, name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(intoDir, { recursive: true });
  fs.cpSync(source, target, {
    recursive: true,
    // The CLI's extraction cache, left by earlier checks of the example, is not part of it.
    filter: (file) => !/(^|[\\/])(node_modules|\.git|\.adrift-cache)([\\/]|$)/.test(path.relative(source, file)),
  });
  return target;
}
