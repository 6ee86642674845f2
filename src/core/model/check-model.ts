// What the accepted records say together that no single record shows: the same data owned
// by two modules (the data-ownership rule would quietly enforce only the first owner), and
// modules whose declared `uses` go round in a circle (each may then grow into the other).

import type { DecisionRef, Finding, Range } from '../findings';
import { dataNameVariants, normaliseDataName } from '../engine/rules/data-index';
import { decisionLabel } from '../engine/rules/describe';
import { layerBreach } from '../engine/rules/layer-dependency';
import { Layering } from './layers';
import type { ArchitectureModel, Sourced } from './types';

/** Past this many cycles the graph is a tangle; the first ones say enough. */
const MAX_CYCLES = 50;

function finding(s: Sourced<string>, severity: Finding['severity'], message: string, extra: Partial<Finding> = {}): Finding {
  const range: Range = s.range ?? { start: { line: s.decision.line, column: 0 }, end: { line: s.decision.line, column: 0 } };
  return { rule: 'decision-model', severity, file: s.decision.file, range, message, decision: s.decision, ...extra };
}

export function checkModel(model: ArchitectureModel): Finding[] {
  return [...ownershipConflicts(model), ...usesCycles(model), ...usesAgainstLayers(model)];
}

/** A `uses` the layers forbid (upward, or past a closed layer): the two decisions contradict each other. */
function usesAgainstLayers(model: ArchitectureModel): Finding[] {
  const layers = model.layers;
  if (!layers) return [];
  const layering = Layering.of(model);
  const out: Finding[] = [];
  for (const m of model.modules.values()) {
    for (const used of m.uses) {
      const v = layering.verdict(m.name, used.value);
      if (!v || v.kind === 'granted') continue;
      out.push(
        finding(used, 'error', `module ${m.name} uses ${used.value}, but ${layerBreach(v)} (${decisionLabel(layers.decision)}); the layers win and its imports are layer-dependency findings: drop this uses, or propose a decision that changes the layers`, {
          fromModule: m.name,
          toModule: used.value,
        }),
      );
    }
  }
  return out;
}

interface Claim {
  module: string;
  owned: Sourced<string>;
}

/** Owns entries that name the same data (compared as data-ownership compares names) in more than one module. */
function ownershipConflicts(model: ArchitectureModel): Finding[] {
  const groups: Claim[][] = [];
  const groupOf = new Map<string, Claim[]>();
  for (const m of model.modules.values()) {
    for (const owned of m.owns) {
      const names = dataNameVariants(normaliseDataName(owned.value));
      let group = names.map((n) => groupOf.get(n)).find((g) => g !== undefined);
      if (!group) groups.push((group = []));
      group.push({ module: m.name, owned });
      for (const n of names) if (!groupOf.has(n)) groupOf.set(n, group);
    }
  }
  const out: Finding[] = [];
  for (const group of groups) {
    const modules = [...new Set(group.map((c) => c.module))];
    if (modules.length < 2) continue;
    const owners = modules.map((mod) => {
      const decisions = uniqueDecisions(group.filter((c) => c.module === mod).map((c) => c.owned.decision));
      return `${mod} (${decisions.map(decisionLabel).join(', ')})`;
    });
    const names = [...new Set(group.map((c) => `"${c.owned.value}"`))];
    const what = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} (the same data)`;
    for (const c of group) {
      out.push(
        finding(
          c.owned,
          'error',
          `${what} is owned by ${modules.length} modules: ${listing(owners)}; data belongs to one module and the others go through its API: keep it in one module's owns`,
          { fromModule: c.module, toModule: modules.find((m) => m !== c.module) },
        ),
      );
    }
  }
  return out;
}

/** Every elementary cycle of declared uses, once, reported at each of its edges; a module that uses itself, at that entry. */
function usesCycles(model: ArchitectureModel): Finding[] {
  const out: Finding[] = [];
  const order = [...model.modules.keys()];
  const rank = new Map(order.map((m, i) => [m, i]));
  const edge = new Map<string, Sourced<string>>();
  const next = new Map<string, string[]>();
  for (const m of model.modules.values()) {
    for (const used of m.uses) {
      if (used.value === m.name) {
        out.push(finding(used, 'warning', `module ${m.name} uses itself; a module may always use its own files, so take ${m.name} out of its uses`, { fromModule: m.name, toModule: m.name }));
      } else if (rank.has(used.value)) {
        edge.set(`${m.name}\u0000${used.value}`, used);
        next.set(m.name, [...(next.get(m.name) ?? []), used.value]);
      }
    }
  }
  const cycles = elementaryCycles(order, next, MAX_CYCLES);
  for (const cycle of cycles) {
    const text = [...cycle, cycle[0]].join(' → ');
    cycle.forEach((from, i) => {
      const to = cycle[(i + 1) % cycle.length];
      const at = edge.get(`${from}\u0000${to}`)!;
      out.push(
        finding(at, 'warning', `module ${from} uses ${to}, and the declared uses form the cycle ${text}; modules that may all use each other are one module in practice: drop one of these uses, or move what they share into a module they all use`, {
          fromModule: from,
          toModule: to,
        }),
      );
    });
  }
  return out;
}

/**
 * The elementary cycles of a small directed graph, each starting at its earliest module in
 * `order`: from each start, paths through later modules only, so every cycle is found once.
 * A walk only enters modules that can lead back to the start, so a long chain of layers
 * that never closes costs nothing.
 */
export function elementaryCycles(order: readonly string[], next: ReadonlyMap<string, readonly string[]>, limit: number): string[][] {
  const rank = new Map(order.map((m, i) => [m, i]));
  const previous = new Map<string, string[]>();
  for (const [from, tos] of next) for (const to of tos) previous.set(to, [...(previous.get(to) ?? []), from]);
  const cycles: string[][] = [];
  for (const start of order) {
    const s = rank.get(start)!;
    const later = (m: string) => (rank.get(m) ?? -1) >= s;
    const leadsBack = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const p of previous.get(queue.pop()!) ?? []) {
        if (later(p) && !leadsBack.has(p)) {
          leadsBack.add(p);
          queue.push(p);
        }
      }
    }
    const path = [start];
    const walk = (at: string): void => {
      for (const to of next.get(at) ?? []) {
        if (cycles.length >= limit) return;
        if (to === start) cycles.push([...path]);
        else if (leadsBack.has(to) && !path.includes(to)) {
          path.push(to);
          walk(to);
          path.pop();
        }
      }
    };
    walk(start);
  }
  return cycles;
}

function uniqueDecisions(refs: DecisionRef[]): DecisionRef[] {
  const seen = new Set<number>();
  return refs.filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
}

function listing(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
