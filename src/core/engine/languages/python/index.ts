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
};
