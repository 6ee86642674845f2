// File → module: which module of the architecture model a workspace file belongs to, and
// whether it is one of its module's public entry points. Globs are compiled once per model.

import picomatch from 'picomatch';
import type { ArchitectureModel, ModelModule } from '../model/types';

type Matcher = (path: string) => boolean;

interface CompiledGlob {
  match: Matcher;
  /** The glob's literal folder with a trailing slash: a cheap test before the matcher. */
  prefix: string;
  /** Length of the glob's literal base folder: the longer, the more specific. */
  specificity: number;
}

interface CompiledModule {
  module: ModelModule;
  order: number;
  paths: CompiledGlob[];
  isPublic: Matcher | undefined;
}

export function compileGlob(glob: string): Matcher {
  const match = picomatch(normaliseGlob(glob), { dot: true });
  // Wrapped: picomatch reads a second argument, which Array#some would pass.
  return (path) => match(path);
}

/** `src/ticket/` and `src/ticket` mean the folder and everything below it. */
function normaliseGlob(glob: string): string {
  let g = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (g.endsWith('/')) g += '**';
  else if (!picomatch.scan(g).isGlob && !/\.[A-Za-z0-9]+$/.test(g)) g += '/**';
  return g;
}

function compileModule(module: ModelModule, order: number): CompiledModule {
  const paths = module.paths.map((glob) => {
    const scan = picomatch.scan(normaliseGlob(glob));
    const prefix = scan.isGlob && scan.base !== '' ? scan.base + '/' : '';
    return { match: compileGlob(glob), prefix, specificity: scan.base.length };
  });
  const publics = module.public?.map(compileGlob);
  return {
    module,
    order,
    paths,
    isPublic: publics ? (p: string) => publics.some((m) => m(p)) : undefined,
  };
}

/**
 * Assigns files to modules. When globs of several modules match a file, the module whose
 * matching glob has the longest literal folder wins (`src/shared/**` beats `src/**`); a tie
 * goes to the module declared first.
 */
export class ModuleMap {
  private readonly modules: CompiledModule[];
  private readonly cache = new Map<string, string | undefined>();

  constructor(readonly model: ArchitectureModel) {
    this.modules = [...model.modules.values()].map(compileModule);
  }

  moduleOf(file: string): string | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    let best: { name: string; specificity: number; order: number } | undefined;
    for (const m of this.modules) {
      for (const g of m.paths) {
        if (!file.startsWith(g.prefix) || !g.match(file)) continue;
        if (!best || g.specificity > best.specificity || (g.specificity === best.specificity && m.order < best.order)) {
          best = { name: m.module.name, specificity: g.specificity, order: m.order };
        }
      }
    }
    this.cache.set(file, best?.name);
    return best?.name;
  }

  /** True when other modules may import this file of `moduleName`. */
  isPublic(moduleName: string, file: string): boolean {
    const m = this.modules.find((c) => c.module.name === moduleName);
    return !m?.isPublic || m.isPublic(file);
  }

  module(name: string): ModelModule | undefined {
    return this.model.modules.get(name);
  }

  /** Module names in the order they were declared. */
  names(): string[] {
    return this.modules.map((m) => m.module.name);
  }
}
