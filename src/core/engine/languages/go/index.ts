// Go behind the language seam. Reads no Go toolchain: go.mod and go.work are parsed here.

import type { Language } from '../language';
import { extractGo } from './extract';
import { GoResolver, IGNORED_GO_FOLDERS, isGoStdlib } from './resolve';

export const go: Language = {
  id: 'go',
  names: ['Go'],
  extensions: ['go'],
  configFile: /^go\.(?:mod|work)$/,
  configGlobs: ['go.mod', 'go.work'],
  ignoredFolders: IGNORED_GO_FOLDERS,
  lineComment: '//',
  extract: (text) => extractGo(text),
  async createResolver(ws, configFiles) {
    const resolver = new GoResolver(ws);
    await resolver.load(configFiles);
    return {
      resolve: (fromFile, ref) => resolver.resolve(fromFile, ref),
      resolveAll: (fromFile, ref) => [resolver.resolve(fromFile, ref)],
      invalidate: () => resolver.invalidate(),
    };
  },
  isBuiltin: isGoStdlib,
  // A package is named by its import path; a folder's import path needs its go.mod's module path.
  importStatement: (_fromFile, target) => ('package' in target ? `import "${target.package}"` : undefined),
};
