// module-cycle: modules that depend on each other in a circle. The module graph is walked
// depth-first in the order the modules were declared; every edge that leads back to a module
// still on the walk closes a cycle. Every cycle contains at least one such edge, so every
// cycle is reported, always on the same edges for the same code. When the cycle contains an
// edge no decision allows, that edge is reported instead: removing it is the fix.

import type { Finding, RuleId } from '../../findings';
import type { RuleContext } from './context';
import { decisionLabel } from './describe';
import type { ModuleImport } from './module-imports';
import { severityFor } from './severity';
import { compareText } from '../../order';

const RULE: RuleId = 'module-cycle';

/**
 * Module edges `from → to` that close a cycle, by `from\0to`, each with the cycle's path
 * starting at `from`: `[from, to, …, from]`.
 */
export function closingEdges(
  order: string[],
  edges: Map<string, Set<string>>,
  isAllowed: (from: string, to: string) => boolean = () => true,
): Map<string, string[]> {
  const closing = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const rank = new Map(order.map((m, i) => [m, i]));
  const byRank = (a: string, b: string): number => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || compareText(a, b);

  const close = (cycle: string[]): void => {
    // cycle = [a, b, …, a]; pick its first edge no decision allows, else the edge back to a.
    let at = cycle.length - 2;
    for (let i = 0; i < cycle.length - 1; i++) {
      if (!isAllowed(cycle[i], cycle[i + 1])) {
        at = i;
        break;
      }
    }
    const ring = cycle.slice(0, -1);
    const path = [...ring.slice(at), ...ring.slice(0, at), ring[at]];
    const key = `${path[0]}\u0000${path[1]}`;
    if (!closing.has(key)) closing.set(key, path);
  };

  const visit = (m: string): void => {
    state.set(m, 'open');
    stack.push(m);
    for (const next of [...(edges.get(m) ?? [])].sort(byRank)) {
      const s = state.get(next);
      if (s === 'open') close([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of [...new Set([...order, ...edges.keys()])].sort(byRank)) if (!state.has(m)) visit(m);
  return closing;
}

export function moduleGraph(importsByFile: Iterable<readonly ModuleImport[]>): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const imports of importsByFile) {
    for (const imp of imports) {
      let to = edges.get(imp.fromModule);
      if (!to) edges.set(imp.fromModule, (to = new Set()));
      to.add(imp.toModule);
    }
  }
  return edges;
}

/** Findings for the imports of `file` that close a cycle of `closing`. */
export function checkModuleCycle(ctx: RuleContext, file: string, imports: readonly ModuleImport[], closing: Map<string, string[]>): Finding[] {
  if (closing.size === 0) return [];
  const severity = severityFor(RULE, ctx.severities);
  if (severity === 'off') return [];
  const findings: Finding[] = [];
  for (const imp of imports) {
    const path = closing.get(`${imp.fromModule}\u0000${imp.toModule}`);
    if (!path) continue;
    const decision = ctx.model.undeclared?.decision ?? ctx.modules.module(imp.fromModule)?.definedBy;
    const why = decision ? ` (${decisionLabel(decision)})` : '';
    findings.push({
      rule: RULE,
      severity,
      file,
      range: imp.ref.range,
      message: `module "${imp.fromModule}" imports module "${imp.toModule}" and closes the cycle ${path.join(' → ')}${why}`,
      decision,
      fromModule: imp.fromModule,
      toModule: imp.toModule,
      specifier: imp.ref.specifier,
      target: imp.target,
      fixes: [
        `remove the import so that ${imp.fromModule} no longer depends on ${imp.toModule}`,
        `move the code both need into a module that ${imp.fromModule} and ${imp.toModule} may use`,
      ],
    });
  }
  return findings;
}
