// Layers (`enforce.layers`, top first) and the one answer to "may module A use module B?"
// that every rule, the cycle walk and the module map share. A module may use the modules of
// every layer below its own (open) or of the layer right below only (closed); never a layer
// above. Modules of one layer, and modules in no layer, are governed by `uses` alone.

import type { LayerDeclaration } from '../records/types';
import type { ArchitectureModel, ModelLayer, Sourced } from './types';

/** One item of `enforce.layers` as written (a list of modules, or `{name?, modules, closed?}`), read the one way. */
export function readLayer(decl: string[] | LayerDeclaration): { name: string; modules: string[]; closed: boolean } {
  const modules = Array.isArray(decl) ? [...decl] : [...decl.modules];
  return { name: (Array.isArray(decl) ? undefined : decl.name) ?? modules.join('+'), modules, closed: !Array.isArray(decl) && decl.closed === true };
}

/**
 * The module names one key of a layer stands for. A plain key is itself; a pattern key
 * (`service-{name}`) stands for all its expansions.
 *
 * PATTERN SEAM: until src/core/model/patterns.ts (branch s21/patterns) is merged, keys are
 * taken literally. This is the only place a layer key becomes module names; at the merge the
 * body becomes `isPatternKey(key) ? modulesOfKey(model, key) : [key]` (the model the rules
 * see is the expanded one).
 */
export function layerKeyModules(key: string, _model: ArchitectureModel): string[] {
  return [key];
}

/** What the layers say of an edge between two modules in different layers. */
export type LayerVerdict =
  | { kind: 'granted'; from: ModelLayer; to: ModelLayer }
  /** `to` is in a layer above `from`'s. */
  | { kind: 'upward'; from: ModelLayer; to: ModelLayer }
  /** `from`'s layer is closed and `to` is below the layer right under it, `next`. */
  | { kind: 'skips'; from: ModelLayer; to: ModelLayer; next: ModelLayer };

export class Layering {
  private readonly index = new Map<string, number>();

  private constructor(readonly model: ArchitectureModel) {
    (model.layers?.layers ?? []).forEach((layer, i) => {
      // A module named in two layers is a declaration finding; the first layer holds it.
      for (const key of layer.modules) for (const m of layerKeyModules(key, model)) if (!this.index.has(m)) this.index.set(m, i);
    });
  }

  private static readonly cache = new WeakMap<ArchitectureModel, Layering>();

  static of(model: ArchitectureModel): Layering {
    let l = Layering.cache.get(model);
    if (!l) Layering.cache.set(model, (l = new Layering(model)));
    return l;
  }

  /** The layer a module is in, if any. */
  layerOf(module: string): ModelLayer | undefined {
    const i = this.index.get(module);
    return i === undefined ? undefined : this.model.layers?.layers[i];
  }

  /** Undefined when the modules share a layer or one of them is in none: then `uses` decides. */
  verdict(from: string, to: string): LayerVerdict | undefined {
    const i = this.index.get(from);
    const j = this.index.get(to);
    const layers = this.model.layers?.layers;
    if (i === undefined || j === undefined || i === j || !layers) return undefined;
    if (j < i) return { kind: 'upward', from: layers[i], to: layers[j] };
    if (layers[i].closed && j > i + 1) return { kind: 'skips', from: layers[i], to: layers[j], next: layers[i + 1] };
    return { kind: 'granted', from: layers[i], to: layers[j] };
  }

  /** The layers a module's layer may use, top first (empty when it is in none or at the bottom). */
  usableBy(module: string): ModelLayer[] {
    const i = this.index.get(module);
    const layers = this.model.layers?.layers ?? [];
    if (i === undefined) return [];
    return layers[i].closed ? layers.slice(i + 1, i + 2) : layers.slice(i + 1);
  }
}

/** Whether the layers forbid `from` using `to` (upward, or past a closed layer). */
export function layersForbid(model: ArchitectureModel, from: string, to: string): boolean {
  const v = Layering.of(model).verdict(from, to);
  return v !== undefined && v.kind !== 'granted';
}

/**
 * Whether the model lets module `from` use module `to`: a module may always use itself; else
 * the layers grant it, or a `uses` does and the layers do not forbid it.
 */
export function allowsEdge(model: ArchitectureModel, from: string, to: string): boolean {
  if (from === to) return true;
  const v = Layering.of(model).verdict(from, to);
  if (v) return v.kind === 'granted';
  return model.modules.get(from)?.uses.some((u) => u.value === to) ?? false;
}

/**
 * The modules `module` may use, each with the decision that allows it: those of the layers
 * below (the layers decision), then its `uses` that the layers do not forbid.
 */
export function mayUse(model: ArchitectureModel, module: string): Sourced<string>[] {
  const out: Sourced<string>[] = [];
  const layers = model.layers;
  if (layers) {
    for (const l of Layering.of(model).usableBy(module)) for (const k of l.modules) for (const value of layerKeyModules(k, model)) if (value !== module && !out.some((o) => o.value === value)) out.push({ value, decision: layers.decision });
  }
  for (const u of model.modules.get(module)?.uses ?? []) {
    if (u.value !== module && !layersForbid(model, module, u.value) && !out.some((o) => o.value === u.value)) out.push(u);
  }
  return out;
}

/** `web → api (closed) → domain (orders, catalog) → infra`: a layer's modules when its name is not theirs. */
export function layersLine(layers: readonly Omit<ModelLayer, 'range'>[] | undefined): string | undefined {
  if (!layers?.length) return undefined;
  const notes = (l: Omit<ModelLayer, 'range'>) => [...(l.name === l.modules.join('+') ? [] : [l.modules.join(', ')]), ...(l.closed ? ['closed'] : [])];
  return layers.map((l) => `${l.name}${notes(l).length ? ` (${notes(l).join('; ')})` : ''}`).join(' → ');
}
