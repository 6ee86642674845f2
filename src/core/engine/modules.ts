// File → module: which module of the architecture model a workspace file belongs to, and
// whether it is one of its module's public entry points. Globs are compiled once per model.

import type { ArchitectureModel, ModelModule } from '../model/types';
import { compileGlob, compileModuleGlob, type CompiledGlob, type Matcher } from '../model/globs';

export { compileGlob };

interface CompiledModule {
  module: ModelModule;
  order: number;
  paths: CompiledGlob[];
  isPublic: Matcher | undefined;
}

function compileModule(module: ModelModule, order: number): CompiledModule {
  const paths = module.paths.map(compileModuleGlob);
  const publics = module.public?.map(compileGlob);
  return {
    module,
    order,
    paths,
    // An entry may name a folder: its files are public (a Go package is a folder).
    isPublic: publics ? (p: string) => publics.some((m) => m(p) || m(p.slice(0, Math.max(0, p.lastIndexOf('/'))))) : undefined,
  };
}

/**
 * Assigns files to modules. When globs of several modules match a file, the module whose
 * matching glob has the longest literal folder wins (`src/shared/**` beats `src/**`); a tie
 * goes to the module declared first.
 */
export class ModuleMap {
  private readonly modules: CompiledModule[];
  private readonly cache = new Map<string, string[]>();
  private static readonly shared = new WeakMap<ArchitectureModel, ModuleMap>();

  constructor(readonly model: ArchitectureModel) {
    this.modules = [...model.modules.values()].map(compileModule);
  }

  /**
   * One map per model, so the rules and the record check that ask of the same files under
   * the same model match each file's globs once (the model is never changed in place).
   */
  static of(model: ArchitectureModel): ModuleMap {
    let map = ModuleMap.shared.get(model);
    if (!map) ModuleMap.shared.set(model, (map = new ModuleMap(model)));
    return map;
  }

  moduleOf(file: string): string | undefined {
    return this.claimants(file)[0];
  }

  /**
   * The modules whose most specific matching glob ties for the longest literal folder, in
   * declaration order: one name is a clear owner, several are an ambiguity the records must
   * resolve (nested globs such as `src/**` and `src/shared/**` are not one).
   */
  claimants(file: string): string[] {
    let names = this.cache.get(file);
    if (!names) this.cache.set(file, (names = this.match(file)));
    return names;
  }

  private match(file: string): string[] {
    let best = -1;
    let names: string[] = [];
    for (const m of this.modules) {
      let mine = -1;
      for (const g of m.paths) if (file.startsWith(g.prefix) && g.match(file)) mine = Math.max(mine, g.specificity);
      if (mine < 0 || mine < best) continue;
      if (mine > best) {
        best = mine;
        names = [];
      }
      names.push(m.module.name);
    }
    return names;
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
