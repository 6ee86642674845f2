// Import resolution: where each extracted import leads. Created once per workspace (each
// language's resolver reads its settings files up front); after that every `resolve` is
// synchronous set lookups, memoised, so the editor can call it per keystroke. The importing
// file's language picks the resolver.

import { createHash } from 'node:crypto';
import type { FileSystemPort } from '../../fs/port';
import { isConfigFile } from '../files';
import { LANGUAGES, languageOf, type LanguageResolver } from '../languages';
import type { ImportRef, Resolution, SettingsProblem } from '../types';
import { Workspace } from './workspace';

export interface Resolver {
  resolve(fromFile: string, ref: ImportRef): Resolution;
  /**
   * Every file an import leads to. The same as `[resolve(…)]` except where one import
   * names several files (a `from pkg import a, b` of submodules a and b): one entry each.
   */
  resolveAll(fromFile: string, ref: ImportRef): Resolution[];
  /** The file set changed: later lookups see the new file. */
  fileAdded(file: string): void;
  fileRemoved(file: string): void;
  /**
   * A digest of everything the resolution of `file`'s imports depends on besides the imports
   * themselves: the file set, the settings files of its language, what they said. Equal keys
   * give equal resolutions, so a cache may keep them. It follows fileAdded and fileRemoved.
   */
  inputsKey(file: string): string | undefined;
  /** Settings files used only in part (invalid JSON, a malformed go.mod line, `replace` out of the workspace …). */
  readonly problems: readonly SettingsProblem[];
}

/** Bump when resolution changes meaning: resolutions cached by older code are not reused. 2: ties between Python roots and tsconfig build layouts broken by code unit, not by locale. */
const RESOLUTION_VERSION = 'resolve-2';

export interface ResolverOptions {
  /**
   * Workspace-relative paths of the languages' settings files, as `listSourceFiles`
   * returns them in `configFiles`. Without them the resolver looks for them in every
   * folder of `files` (one directory read per folder).
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
  const resolvers = new Map<string, LanguageResolver>();
  const reads = new Map<string, string>();
  for (const language of LANGUAGES) {
    // What each language's resolver read is its own: a tsconfig edit leaves Go's key alone.
    ws.reads = new Map();
    resolvers.set(language.id, await language.createResolver(ws, configFiles));
    reads.set(language.id, [...ws.reads].map(([what, answer]) => `${what}\0${answer}`).sort().join('\n'));
  }
  ws.reads = undefined;
  // The keys follow the file set as it is when asked (made again after an added or removed file).
  let keys: Map<string, string> | undefined;
  const keyOf = (id: string): string | undefined => {
    if (!keys) {
      const inputs = createHash('sha1').update(RESOLUTION_VERSION).update('\0').update(inOrder([...ws.files]).join('\n'));
      keys = new Map(
        LANGUAGES.map((language) => {
          // Which of its settings files exist, and what they said (Python reads only their presence).
          const own = configFiles.filter((f) => language.configFile?.test(f.slice(f.lastIndexOf('/') + 1)) === true);
          const key = inputs.copy().update('\0').update(language.id).update('\0').update(own.join('\n')).update('\0').update(reads.get(language.id) ?? '');
          return [language.id, key.digest('base64')];
        }),
      );
    }
    return keys.get(id);
  };
  // A file of no known language resolves as the registry's first language, as it always has.
  const fallback = resolvers.get(LANGUAGES[0].id)!;
  const resolverOf = (file: string): LanguageResolver => resolvers.get(languageOf(file)?.id ?? '') ?? fallback;
  const invalidate = (): void => {
    keys = undefined;
    for (const r of resolvers.values()) r.invalidate();
  };
  return {
    resolve: (fromFile, ref) => resolverOf(fromFile).resolve(fromFile, ref),
    resolveAll: (fromFile, ref) => resolverOf(fromFile).resolveAll(fromFile, ref),
    fileAdded(file) {
      if (ws.files.has(file)) return;
      ws.addFile(file);
      invalidate();
    },
    fileRemoved(file) {
      if (!ws.files.delete(file)) return;
      invalidate();
    },
    inputsKey: (file) => keyOf(languageOf(file)?.id ?? LANGUAGES[0].id),
    problems: ws.problems,
  };
}

async function discoverConfigFiles(fs: FileSystemPort, root: string, dirs: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  await Promise.all(
    [...dirs].map(async (dir) => {
      const entries = await fs.readDirectory(dir === '' ? root : `${root}/${dir}`).catch(() => undefined);
      for (const e of entries ?? []) {
        if (e.kind !== 'directory' && isConfigFile(e.name)) found.push(dir === '' ? e.name : `${dir}/${e.name}`);
      }
    }),
  );
  return found.sort();
}

/**
 * The paths sorted. The set is usually in order already (built from the sorted listing, then
 * only shrunk): checking that is one pass, while sorting 30,000 paths took 25–65 ms of the
 * editor's thread every time a file came or went.
 */
function inOrder(paths: string[]): string[] {
  for (let i = 1; i < paths.length; i++) if (paths[i - 1] > paths[i]) return paths.sort();
  return paths;
}
