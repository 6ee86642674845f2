// Python behind the language seam.

import * as path from 'node:path';
import type { Language } from '../language';
import { dirOf } from '../../resolve/workspace';
import { extractPython } from './extract';
import { PyResolver } from './resolve';
import { PYTHON_STDLIB } from './stdlib';

const PROJECT_FILE = /^(?:pyproject\.toml|setup\.cfg|setup\.py)$/;

export const python: Language = {
  id: 'python',
  names: ['Python'],
  extensions: ['py', 'pyi'],
  configFile: PROJECT_FILE,
  configGlobs: ['pyproject.toml'],
  // setuptools' build/ and dist/; Go has none: a Go module's build/ holds sources (unkey's build/api/main.go).
  outputFolders: ['dist', 'build'],
  lineComment: '#',
  extract: (text) => extractPython(text),
  async createResolver(ws, configFiles) {
    const projects = new Set(configFiles.filter((f) => PROJECT_FILE.test(path.posix.basename(f))).map(dirOf));
    const resolver = new PyResolver(ws, projects);
    return {
      resolve: (fromFile, ref) => resolver.resolve(fromFile, ref),
      resolveAll: (fromFile, ref) => resolver.resolveAll(fromFile, ref),
      invalidate: () => resolver.invalidate(),
    };
  },
  isBuiltin: (specifier) => PYTHON_STDLIB.has(specifier.split('.')[0]),
  importStatement: (fromFile, target) => ('package' in target ? `import ${target.package.replace(/[/-]/g, '_')}` : relativeImport(fromFile, target.path)),
};

/** A relative import of `to` from `from`: `from ..billing import invoices`. */
function relativeImport(from: string, to: string): string {
  const fromDir = path.posix.dirname(from).split('/').filter((p) => p !== '' && p !== '.');
  const target = to.replace(/\.pyi?$/, '').replace(/\/__init__$/, '').split('/').filter(Boolean);
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const rest = target.slice(common);
  const name = rest.pop() ?? '';
  return `from ${'.'.repeat(fromDir.length - common + 1)}${rest.join('.')} import ${name}`;
}
