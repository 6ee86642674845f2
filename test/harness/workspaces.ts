// The folder an extension-host run opens: a temporary copy of an example workspace, so a
// suite may edit, create and delete files without touching the repository; or, for the
// workspaces named in `generatedWorkspaces`, a repository generated into the same place.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateRepository, scaledShape } from '../../bench/generate';
import { repoRoot } from './paths';

/**
 * Workspaces generated instead of copied (test/integration/<name>/ runs on one): the
 * benchmark's synthetic repository (bench/generate.ts, a fixed seed, so the same files
 * byte for byte every run) at the size `adrift check` is benchmarked at.
 */
export const generatedWorkspaces: Readonly<Record<string, (target: string) => void>> = {
  'synthetic-30k': (target) => void generateRepository(target, scaledShape(30_000)),
};

/** examples/<name> when it exists, else the small fixture test/fixtures/workspaces/<name>. */
export function exampleFolder(name: string): string {
  for (const candidate of [path.join(repoRoot, 'examples', name), path.join(repoRoot, 'test', 'fixtures', 'workspaces', name)]) {
    if (fs.existsSync(candidate) && fs.readdirSync(candidate).length > 0) return candidate;
  }
  throw new Error(`No workspace "${name}": neither examples/${name} nor test/fixtures/workspaces/${name} exists.`);
}

/** Copies (or generates) the named workspace into `intoDir` (created) and returns its path. */
export function copyWorkspace(name: string, intoDir: string): string {
  const target = path.join(intoDir, name);
  const generate = Object.hasOwn(generatedWorkspaces, name) ? generatedWorkspaces[name] : undefined;
  if (generate) {
    generate(target);
    return target;
  }
  const source = exampleFolder(name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(intoDir, { recursive: true });
  fs.cpSync(source, target, {
    recursive: true,
    // The CLI's extraction cache, left by earlier checks of the example, is not part of it.
    filter: (file) => !/(^|[\\/])(node_modules|\.git|\.adrift-cache)([\\/]|$)/.test(path.relative(source, file)),
  });
  return target;
}
