// A shard of `adrift check` (`--module`, `--rest`): one CI job's part of the findings. The
// files are split by the module that owns them; the decisions' own findings (every rule
// `decision-*`: a glob matching no file, a debt budget, a broken record) and the files no
// module claims go to the rest. So each finding, and each baseline entry, belongs to exactly
// one shard of a set that names every module once and has one --rest, and the union of
// their findings is the whole check's.

import type { ArchitectureModel } from '../model/types';
import { couldExpandTo, isPatternKey } from '../model/patterns';
import { closest } from '../records/schema-messages';

export interface ShardRequest {
  /** Module names as declared (a pattern's key such as `service-{name}` stands for all its modules) or as expanded (`service-billing`). */
  modules: readonly string[];
  /** The files no module claims and the decision-level findings. */
  rest: boolean;
}

/** Which shard a finding or a baseline entry belongs to, as far as it can tell from its rule and file. */
export interface ShardItem {
  rule: string;
  file: string;
}

/** The findings about the decisions themselves, whichever file they point at. */
export function isDecisionLevel(rule: string): boolean {
  return rule.startsWith('decision-');
}

/** What a check needs of a shard: which findings and baseline entries are its own. */
export interface ShardFilter {
  /** The shard holds the rest: files no module claims, and the decision-level findings. */
  readonly rest: boolean;
  /** Whether this shard reports the findings of `file` (its code findings). */
  hasFile(file: string): boolean;
  /** Whether this shard reports a finding, or applies a baseline entry. */
  has(item: ShardItem): boolean;
}

export class Shard implements ShardFilter {
  private readonly byModule = new Map<string, boolean>();

  /**
   * @param moduleOf the file → module map of the whole tree, under the expanded model
   * @param model the expanded model (pattern modules replaced by their expansions)
   */
  constructor(
    readonly request: ShardRequest,
    private readonly moduleOf: (file: string) => string | undefined,
    private readonly model: () => ArchitectureModel,
  ) {}

  get rest(): boolean {
    return this.request.rest;
  }

  hasFile(file: string): boolean {
    const module = this.moduleOf(file);
    if (module === undefined) return this.request.rest;
    let mine = this.byModule.get(module);
    if (mine === undefined) {
      const key = this.model().modules.get(module)?.pattern?.key;
      mine = this.request.modules.some((name) => name === module || name === key);
      this.byModule.set(module, mine);
    }
    return mine;
  }

  has(item: ShardItem): boolean {
    return isDecisionLevel(item.rule) ? this.request.rest : this.hasFile(item.file);
  }

  /** The requested names that stand for no module of the expanded model, each with a guess. */
  unknownNames(): { name: string; guess: string | undefined }[] {
    const model = this.model();
    const candidates = [...model.modules.keys(), ...(model.patterns ?? []).map((p) => p.key)];
    return this.request.modules.filter((name) => !candidates.includes(name)).map((name) => ({ name, guess: closest(name, candidates) }));
  }

  /** The modules of the shard that own no scanned file (requested names, as given). */
  emptyNames(files: readonly string[]): string[] {
    const owned = new Set(files.map(this.moduleOf));
    const model = this.model();
    return this.request.modules.filter((name) => {
      const pattern = model.patterns?.find((p) => p.key === name);
      const names = pattern ? pattern.modules : [name];
      return !names.some((n) => owned.has(n));
    });
  }
}

/**
 * The requested names no record could mean, checked against the folded model before any file
 * is read: a plain module, a pattern's key, or a name one of the patterns could expand to.
 */
export function unknownBeforeScan(request: ShardRequest, folded: ArchitectureModel): { name: string; guess: string | undefined }[] {
  const keys = [...folded.modules.keys()];
  const patternKeys = [...keys.filter(isPatternKey), ...(folded.patterns ?? []).map((p) => p.key)];
  return request.modules
    .filter((name) => !keys.includes(name) && !patternKeys.some((k) => k === name || couldExpandTo(k, name)))
    .map((name) => ({ name, guess: closest(name, keys) }));
}

/** A filter whose files are named as another tree names them (the base commit of --since, through git's renames). */
export function renamedFilter(filter: ShardFilter, renamed: (file: string) => string): ShardFilter {
  return {
    rest: filter.rest,
    hasFile: (file) => filter.hasFile(renamed(file)),
    has: (item) => filter.has({ rule: item.rule, file: renamed(item.file) }),
  };
}
