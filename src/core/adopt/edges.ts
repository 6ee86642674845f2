// What the code does today between modules: per ordered pair, how many imports cross, from
// which files most of them, and which modules form cycles. The guide's dependencies step
// shows this; `init --from-code` and `sync` decide from it.

import type { EdgeImport, WorkspaceIndex } from '../engine/index';
import { modelOfModules, type ModuleEdge, type ProposedModule } from './model';
import { compareText } from '../order';

export interface EdgeFile {
  /** Workspace-relative path of the importing file. */
  file: string;
  /** Imports of the pair in that file. */
  count: number;
  /** 1-based line and column of its first such import, to open the file there. */
  line: number;
  column: number;
}

export interface EdgeStat extends ModuleEdge {
  /** Imports from `from` into `to`. */
  count: number;
  /** How many of them are type-only. */
  typeOnly: number;
  /** Files of `from` with such an import. */
  fileCount: number;
  /** The files with most of them (most first, then by path). */
  topFiles: EdgeFile[];
  /** `from` and `to` lie on a cycle of modules. */
  inCycle: boolean;
  /** Some decision in the model the imports were judged under already allows the pair. */
  allowed: boolean;
}

export interface EdgeStats {
  /** Most imports first, then by module names. */
  edges: EdgeStat[];
  /** Groups of modules that depend on each other in a circle (strongly connected), each in module order. */
  cycles: string[][];
}

export interface EdgeStatsOptions {
  /** How many top files per pair (default 3). */
  topFiles?: number;
  /** Module names in the order the user sees them; cycles list their members in it. */
  order?: readonly string[];
}

/** The pairs of the imports between modules of `modules`, as the index's files import today. */
export function edgeStats(index: WorkspaceIndex, modules: readonly ProposedModule[], options: EdgeStatsOptions = {}): EdgeStats {
  const imports = index.moduleImportsUnder(modelOfModules(modules));
  return summariseEdges(imports, { order: modules.map((m) => m.name), ...options });
}

/** Pure: counts, top files and cycles of a list of module imports. */
export function summariseEdges(imports: readonly EdgeImport[], options: EdgeStatsOptions = {}): EdgeStats {
  const top = options.topFiles ?? 3;
  const pairs = new Map<string, { edge: ModuleEdge; imports: EdgeImport[] }>();
  for (const imp of imports) {
    const key = `${imp.from}\u0000${imp.to}`;
    let entry = pairs.get(key);
    if (!entry) pairs.set(key, (entry = { edge: { from: imp.from, to: imp.to }, imports: [] }));
    entry.imports.push(imp);
  }
  const rank = new Map((options.order ?? []).map((m, i) => [m, i]));
  const byOrder = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || compareText(a, b);
  const cycles = stronglyConnected([...pairs.values()].map((p) => p.edge), byOrder);
  const cycleOf = new Map<string, number>();
  cycles.forEach((c, i) => c.forEach((m) => cycleOf.set(m, i)));

  const edges: EdgeStat[] = [...pairs.values()].map(({ edge, imports: list }) => {
    const byFile = new Map<string, EdgeImport[]>();
    for (const imp of list) byFile.set(imp.file, [...(byFile.get(imp.file) ?? []), imp]);
    const files = [...byFile].map(([file, xs]) => {
      const first = xs.reduce((a, b) => (b.range.start.line < a.range.start.line || (b.range.start.line === a.range.start.line && b.range.start.column < a.range.start.column) ? b : a));
      return { file, count: xs.length, line: first.range.start.line + 1, column: first.range.start.column + 1 };
    });
    files.sort((a, b) => b.count - a.count || compareText(a.file, b.file));
    const c = cycleOf.get(edge.from);
    return {
      ...edge,
      count: list.length,
      typeOnly: list.filter((i) => i.typeOnly).length,
      fileCount: files.length,
      topFiles: files.slice(0, top),
      inCycle: c !== undefined && c === cycleOf.get(edge.to),
      allowed: list.every((i) => i.allowed),
    };
  });
  edges.sort((a, b) => b.count - a.count || byOrder(a.from, b.from) || byOrder(a.to, b.to));
  return { edges, cycles };
}

/** Tarjan's strongly connected components of more than one module, members and groups sorted. */
function stronglyConnected(edges: readonly ModuleEdge[], compare: (a: string, b: string) => number): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort(compare);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  // Iterative, so a long chain of modules cannot overflow the call stack.
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = next.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const t = targets[frame.i++];
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          group.push(m);
        } while (m !== frame.node);
        if (group.length > 1) out.push(group.sort(compare));
      }
    }
  }
  return out.sort((a, b) => compare(a[0], b[0]));
}
