// The architecture model: what the accepted decisions, folded in id order, say the code
// must look like. Every element remembers the decision that introduced it, so every
// finding can name the decision it breaks.

import type { DecisionRef, Finding, Range } from '../findings';
import type { ForbiddenImport, ForbiddenPackage, TypeOnlyPolicy, UndeclaredPolicy } from '../records/types';

export interface Sourced<T> {
  value: T;
  decision: DecisionRef;
  /** Where the value itself is written in the record (a glob in a flow list, say), when known. */
  range?: Range;
  /** The same for fields of an object value (`from`, `to` of an import rule). */
  fieldRanges?: Record<string, Range>;
}

export interface ModelModule {
  name: string;
  description?: string;
  /** Globs relative to the workspace root. */
  paths: string[];
  /** Public entry globs; undefined means every file of the module is public. */
  public?: string[];
  owns: Sourced<string>[];
  /** Allowed edges out of this module: the module names it may use. */
  uses: Sourced<string>[];
  /** The decision that declared the module first, and those that changed it since. */
  definedBy: DecisionRef;
  changedBy: DecisionRef[];
  /** Each glob of `paths` / `public` with the record (and line) that wrote it; set by foldModel. */
  pathSources?: Sourced<string>[];
  publicSources?: Sourced<string>[];
  /** Set on a module expanded from a pattern module (`service-{name}`): its key, its capture values and the folders they matched. */
  pattern?: { key: string; captures: Record<string, string>; folders: string[] };
}

/** A pattern module (`service-{name}`) as declared, and what it expanded to in the workspace. */
export interface ModelPattern {
  key: string;
  /** The folded declaration; its name is the key and its globs hold the captures. */
  declaration: ModelModule;
  /** Its modules' names, sorted. */
  modules: string[];
}

/**
 * `packages.only_in: { stripe: [billing] }`: the package may be imported only by the listed
 * modules. Several records naming the same package add modules to one entry, as `uses` adds
 * edges; each module remembers the record and line that allowed it.
 */
export interface PackageConfinement {
  /** The package as the record writes it: a name, a scope or a prefix, matched as `packages.forbid` matches. */
  name: string;
  /** The record (and line) that confined the package first. */
  decision: DecisionRef;
  /** The modules that may import it, in fold order; `range` is the module name in the record. */
  modules: Sourced<string>[];
}

/** One layer of `enforce.layers`, top first; `modules` may hold pattern module keys (`service-{name}`). */
export interface ModelLayer {
  name: string;
  modules: string[];
  closed: boolean;
  /** Where the layer is written in the record. */
  range?: Range;
}

/** The layers in force: those of the last accepted record, in fold order, that declares `layers`. */
export interface ModelLayers {
  decision: DecisionRef;
  layers: ModelLayer[];
}

export interface ArchitectureModel {
  modules: Map<string, ModelModule>;
  /**
   * Pattern modules, set once the model is expanded against the workspace's folders
   * (expandPatterns): `modules` then holds their expansions and no key with captures.
   */
  patterns?: ModelPattern[];
  /** What expanding the patterns found wrong (invalid names, clashes, no folder); reported with the record checks. */
  patternFindings?: Finding[];
  layers: ModelLayers | undefined;
  undeclared: Sourced<UndeclaredPolicy> | undefined;
  typeOnly: Sourced<TypeOnlyPolicy> | undefined;
  forbiddenPackages: Sourced<ForbiddenPackage>[];
  /** Packages only some modules may import (`packages.only_in`), one entry per package name as written. */
  confinedPackages: PackageConfinement[];
  forbiddenImports: Sourced<ForbiddenImport>[];
  /** The decisions folded in, in id order. */
  decisions: DecisionRef[];
  /** Ids of proposed records folded on top as a preview, if any. */
  previewed?: number[];
}
