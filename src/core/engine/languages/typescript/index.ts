// TypeScript and JavaScript behind the language seam.

import * as path from 'node:path';
import type { Language } from '../language';
import { NODE_BUILTINS } from './builtins';
import { TsConfigs } from './config';
import { allowsJsx, extractTypeScript } from './extract';
import { TsResolver } from './resolve';

export const typescript: Language = {
  id: 'typescript',
  names: ['TypeScript', 'JavaScript'],
  extensions: ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'],
  configFile: /^(?:tsconfig(?:\.[\w-]+)*\.json|jsconfig\.json|package\.json)$/,
  configGlobs: ['tsconfig*.json', 'jsconfig*.json', 'package.json'],
  outputFolders: ['dist', 'out', 'build', 'coverage'],
  lineComment: '//',
  extract: (text, relPath) => extractTypeScript(text, allowsJsx(relPath)),
  async createResolver(ws, configFiles) {
    const configs = new TsConfigs(ws);
    await configs.load(configFiles);
    const resolver = new TsResolver(ws, configs);
    return {
      resolve: (fromFile, ref) => resolver.resolve(fromFile, ref.specifier),
      resolveAll: (fromFile, ref) => [resolver.resolve(fromFile, ref.specifier)],
      invalidate: () => resolver.invalidate(),
    };
  },
  isBuiltin: (specifier) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]),
  importStatement: (fromFile, target) => `import '${'package' in target ? target.package : relativeSpecifier(fromFile, target.path)}';`,
};

/** `./x` / `../a/b` from the folder of `from` to `to`, without a TypeScript/JavaScript extension. */
function relativeSpecifier(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

