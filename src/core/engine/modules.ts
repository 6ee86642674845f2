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
  /** isPublic's answers by file: the imports into a module mostly name the same few entries. */
  publicFiles: Map<string, boolean>;
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
    publicFiles: new Map(),
  };
}

/**
 * Assigns files to modules. When globs of several modules match a file, the module whose
 * matching glob has the longest literal folder wins (`src/shared/**` beats `src/**`); a tie
 * goes to the module declared first.
 */
export class ModuleMap {
  private readonly modules: CompiledModule[];
  private readonly byName = new Map<string, CompiledModule>();
  private readonly cache = new Map<string, readonly string[]>();
  /**
   * When every module glob is a whole folder (`folder/**`, most records), a file's claimants
   * are its folder's: asked once per folder, not once per file against every glob. Keyed by
   * the folder with its trailing slash; undefined when some glob needs the file's own name.
   */
  private readonly byFolder: Map<string, readonly string[]> | undefined;
  private static readonly shared = new WeakMap<ArchitectureModel, ModuleMap>();

  constructor(readonly model: ArchitectureModel) {
    this.modules = [...model.modules.values()].map(compileModule);
    // The first of a name, as a search in declaration order would find it.
    for (const m of this.modules) if (!this.byName.has(m.module.name)) this.byName.set(m.module.name, m);
    const globs = this.modules.flatMap((m) => m.paths);
    if (globs.every((g) => g.wholeFolder)) this.byFolder = new Map();
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
  claimants(file: string): readonly string[] {
    let names = this.cache.get(file);
    if (!names) this.cache.set(file, (names = this.match(file)));
    return names;
  }

  private match(file: string): readonly string[] {
    if (!this.byFolder) return this.matchGlobs((g) => file.startsWith(g.prefix) && g.match(file));
    // A whole-folder glob matches every path that starts with its prefix, and a path starts
    // with a prefix (which ends in a slash) exactly when its folder does.
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    let names = this.byFolder.get(folder);
    if (!names) this.byFolder.set(folder, (names = this.matchGlobs((g) => folder.startsWith(g.prefix))));
    return names;
  }

  private matchGlobs(matches: (g: CompiledGlob) => boolean): string[] {
    let best = -1;
    let names: string[] = [];
    for (const m of this.modules) {
      let mine = -1;
      for (const g of m.paths) if (matches(g)) mine = Math.max(mine, g.specificity);
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
    const m = this.byName.get(moduleName);
    if (!m?.isPublic) return true;
    let answer = m.publicFiles.get(file);
    if (answer === undefined) m.publicFiles.set(file, (answer = m.isPublic(file)));
    return answer;
  }

  module(name: string): ModelModule | undefined {
    return this.model.modules.get(name);
  }

  /** Module names in the order they were declared. */
  names(): string[] {
    return this.modules.map((m) => m.module.name);
  }
}
