// What every rule sees: the architecture model compiled for lookups, and the facts of one
// source file (its extracted imports and where each one resolved).

import { allowsEdge } from '../../model/layers';
import type { ArchitectureModel } from '../../model/types';
import type { ExtractedFile, ImportRef, Resolution } from '../types';
import { ModuleMap } from '../modules';
import { DataOwnership, type DataModelAlias } from './data-index';
import type { RuleSeverities } from './severity';

export interface RuleContext {
  model: ArchitectureModel;
  modules: ModuleMap;
  data: DataOwnership;
  severities: RuleSeverities | undefined;
  /** allowsEdge of the model, asked once per module pair: every cross-module import asks it. */
  allows(from: string, to: string): boolean;
}

export interface FileFacts {
  /** Workspace-relative, POSIX. */
  file: string;
  extracted: ExtractedFile;
  /** Where each of `extracted.imports` leads, index for index. */
  resolutions: Resolution[];
}

export interface RuleContextOptions {
  severities?: RuleSeverities;
  /** ORM models that name the same data under several names (Prisma model, delegate, @@map table). */
  dataModels?: DataModelAlias[];
}

export function createRuleContext(model: ArchitectureModel, options: RuleContextOptions = {}): RuleContext {
  const answers = new Map<string, Map<string, boolean>>();
  return {
    model,
    modules: ModuleMap.of(model),
    data: new DataOwnership(model, options.dataModels ?? []),
    severities: options.severities,
    allows(from, to) {
      let row = answers.get(from);
      if (!row) answers.set(from, (row = new Map()));
      let answer = row.get(to);
      if (answer === undefined) row.set(to, (answer = allowsEdge(model, from, to)));
      return answer;
    },
  };
}

/** With `type_only: ignore`, type-only imports are not dependencies and no rule sees them. */
export function importCounts(ctx: RuleContext, ref: ImportRef): boolean {
  return !(ref.typeOnly && ctx.model.typeOnly?.value === 'ignore');
}

/** One import of a file together with where it leads. */
export interface ResolvedImport {
  ref: ImportRef;
  resolution: Resolution;
}

export function countedImports(ctx: RuleContext, facts: FileFacts): ResolvedImport[] {
  const out: ResolvedImport[] = [];
  facts.extracted.imports.forEach((ref, i) => {
    if (importCounts(ctx, ref)) out.push({ ref, resolution: facts.resolutions[i] ?? { kind: 'unresolved' } });
  });
  return out;
}
