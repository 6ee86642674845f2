// Import resolution: where each extracted import leads. Created once per workspace (it
// reads the tsconfig, package.json and Python project files up front); after that every
// `resolve` is synchronous set lookups, memoised, so the editor can call it per keystroke.

import type { FileSystemPort } from '../../fs/port';
import { CONFIG_FILE } from '../files';
import type { ImportRef, Resolution } from '../types';
import { PyResolver } from './python';
import { TsResolver } from './typescript';
import { Workspace } from './workspace';

export interface Resolver {
  resolve(fromFile: string, ref: ImportRef): Resolution;
  /**
   * Every file an import leads to. The same as `[resolve(…)]` except for Python's
   * `from pkg import a, b` where a and b are submodules: one entry per submodule (and the
   * package itself if some imported name is not a submodule).
   */
  resolveAll(fromFile: string, ref: ImportRef): Resolution[];
  /** The file set changed: later lookups see the new file. */
  fileAdded(file: string): void;
  fileRemoved(file: string): void;
  /** Settings files that could not be used (invalid JSON, `extends` outside the workspace). */
  readonly problems: readonly string[];
}

export interface ResolverOptions {
  /**
   * Workspace-relative paths of tsconfig/jsconfig/package.json/pyproject.toml/setup.py/
   * setup.cfg files, as `listSourceFiles` returns them in `configFiles`. Without them the
   * resolver looks for them in every folder of `files` (one directory read per folder).
   */
  configFiles?: readonly string[];
}

/**
 * @param root absolute workspace folder (POSIX separators)
 * @param files workspace-relative POSIX paths of the source files
 */
export async function createResolver(
  fs: FileSystemPort,
  root: string,
  files: ReadonlySet<string> | readonly string[],
  options: ResolverOptions = {},
): Promise<Resolver> {
  const rootPath = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const ws = new Workspace(fs, rootPath, files);
  const configFiles = options.configFiles ?? (await discoverConfigFiles(fs, rootPath, ws.dirs));
  await ws.load(configFiles);
  const ts = new TsResolver(ws);
  const py = new PyResolver(ws);
  const isPython = (file: string): boolean => file.endsWith('.py') || file.endsWith('.pyi');
  return {
    resolve: (fromFile, ref) => (isPython(fromFile) ? py.resolve(fromFile, ref) : ts.resolve(fromFile, ref.specifier)),
    resolveAll: (fromFile, ref) => (isPython(fromFile) ? py.resolveAll(fromFile, ref) : [ts.resolve(fromFile, ref.specifier)]),
    fileAdded(file) {
      if (ws.files.has(file)) return;
      ws.addFile(file);
      ts.invalidate();
      py.invalidate();
    },
    fileRemoved(file) {
      if (!ws.files.delete(file)) return;
      ts.invalidate();
      py.invalidate();
    },
    problems: ws.problems,
  };
}

async function discoverConfigFiles(fs: FileSystemPort, root: string, dirs: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  await Promise.all(
    [...dirs].map(async (dir) => {
      const entries = await fs.readDirectory(dir === '' ? root : `${root}/${dir}`).catch(() => undefined);
      for (const e of entries ?? []) {
        if (e.kind !== 'directory' && CONFIG_FILE.test(e.name)) found.push(dir === '' ? e.name : `${dir}/${e.name}`);
      }
    }),
  );
  return found.sort();
}

export { packageNameOf } from './typescript';
