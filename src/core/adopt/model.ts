// Modules that are not recorded yet (proposals, the user's choices in the guide) as an
// architecture model, so the engine assigns files and judges imports exactly as it will once
// the boundaries record is written and accepted.

import type { DecisionRef } from '../findings';
import { emptyModel } from '../model/fold';
import type { ArchitectureModel } from '../model/types';

/** A module as discovery proposes it or the user keeps, merges or renames it. */
export interface ProposedModule {
  /** A module name: lower-case letters, digits and dashes. */
  name: string;
  /** Globs relative to the workspace root. */
  paths: string[];
  description?: string;
}

/** One ordered pair of modules: `from` imports `to`. */
export interface ModuleEdge {
  from: string;
  to: string;
}

/** The decision a model of unrecorded modules cites until a record exists. */
export const UNRECORDED: DecisionRef = { id: 0, title: 'modules discovered from the code', status: 'proposed', file: '', line: 0 };

/**
 * The model a boundaries record declaring `modules` with `allowed` edges folds to. `decision`
 * is the record it will be (its id and file), so findings name it as the check will.
 */
export function modelOfModules(modules: readonly ProposedModule[], allowed: readonly ModuleEdge[] = [], decision: DecisionRef = UNRECORDED): ArchitectureModel {
  const model = emptyModel();
  for (const m of modules) {
    const uses = [...new Set(allowed.filter((e) => e.from === m.name && e.to !== m.name).map((e) => e.to))];
    model.modules.set(m.name, {
      name: m.name,
      ...(m.description !== undefined ? { description: m.description } : {}),
      paths: [...m.paths],
      owns: [],
      uses: uses.map((value) => ({ value, decision })),
      definedBy: decision,
      changedBy: [],
      pathSources: m.paths.map((value) => ({ value, decision })),
    });
  }
  model.decisions.push(decision);
  return model;
}

/** At most eight pairs by name (`web → api, api → db and 3 more`), for a record's context. */
export function listedPairs(edges: readonly ModuleEdge[]): string {
  const shown = edges.slice(0, 8).map((e) => `${e.from} → ${e.to}`).join(', ');
  return edges.length > 8 ? `${shown} and ${edges.length - 8} more` : shown;
}
