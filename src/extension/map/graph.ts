// Turns the architecture model, the drift findings and the engine's module edges into the
// plain graph the module map draws. No `vscode` here: it is tested in plain Node.

import type { Finding, Range } from '../../core/findings';
import { allowsEdge, Layering } from '../../core/model/layers';
import type { ArchitectureModel } from '../../core/model/types';
import { edgeId, type ImportSite, type MapEdge, type MapGraph, type MapModule } from '../../protocol/map';
import { compareText } from '../../core/order';

/** One import from a file of module `from` into module `to`, as the drift engine saw it. */
export interface ModuleImport {
  from: string;
  to: string;
  file: string;
  range: Range;
  specifier: string;
}

/** Rules whose findings sit on an import between two modules, so they belong to an edge. */
const EDGE_RULES: ReadonlySet<string> = new Set(['module-dependency', 'layer-dependency', 'private-import', 'forbidden-import', 'module-cycle', 'type-only-import', 'data-ownership']);

function isEdgeFinding(f: Finding): f is Finding & { fromModule: string; toModule: string } {
  return EDGE_RULES.has(f.rule) && f.fromModule !== undefined && f.toModule !== undefined && f.fromModule !== f.toModule;
}

function siteKey(file: string, range: Range): string {
  return `${file}:${range.start.line}:${range.start.column}`;
}

export interface ModuleMapData {
  graph: MapGraph;
  /** The imports along each edge, by edge id, violating ones first. */
  imports: Map<string, ImportSite[]>;
}

export function buildModuleMap(folder: string, model: ArchitectureModel, findings: readonly Finding[], imports: readonly ModuleImport[] = []): ModuleMapData {
  const modules: MapModule[] = [...model.modules.values()]
    .map((m) => ({
      name: m.name,
      paths: [...m.paths],
      ...(m.description ? { description: m.description } : {}),
      decision: { id: m.definedBy.id, title: m.definedBy.title },
      ...(m.pattern ? { pattern: m.pattern.key } : {}),
    }))
    .sort((a, b) => compareText(a.name, b.name));

  const edges = new Map<string, MapEdge>();
  const sites = new Map<string, Map<string, ImportSite>>();
  const edge = (from: string, to: string): MapEdge => {
    const id = edgeId(from, to);
    let e = edges.get(id);
    if (!e) {
      e = { id, from, to, allowed: false, imports: 0, violations: 0 };
      edges.set(id, e);
      sites.set(id, new Map());
    }
    return e;
  };

  for (const m of model.modules.values()) {
    for (const use of m.uses) {
      if (use.value === m.name) continue;
      const e = edge(m.name, use.value);
      e.decision ??= { id: use.decision.id, title: use.decision.title };
    }
  }
  for (const i of imports) {
    if (i.from === i.to) continue;
    const e = edge(i.from, i.to);
    const list = sites.get(e.id) as Map<string, ImportSite>;
    const key = siteKey(i.file, i.range);
    if (!list.has(key)) list.set(key, { file: i.file, line: i.range.start.line, column: i.range.start.column, specifier: i.specifier });
  }
  for (const f of findings) {
    if (!isEdgeFinding(f)) continue;
    const e = edge(f.fromModule, f.toModule);
    const list = sites.get(e.id) as Map<string, ImportSite>;
    const key = siteKey(f.file, f.range);
    const known = list.get(key);
    list.set(key, { file: f.file, line: f.range.start.line, column: f.range.start.column, specifier: known?.specifier ?? f.specifier ?? '', rule: f.rule, message: f.message });
  }

  const importsByEdge = new Map<string, ImportSite[]>();
  const layers = model.layers;
  for (const [id, list] of sites) {
    const e = edges.get(id) as MapEdge;
    // The same answer the rules and the cycle walk use: a `uses`, or the layers, and the layers not against it.
    e.allowed = allowsEdge(model, e.from, e.to);
    if (!e.allowed) delete e.decision;
    if (e.allowed && layers && Layering.of(model).verdict(e.from, e.to)?.kind === 'granted') e.decision ??= { id: layers.decision.id, title: layers.decision.title };
    const ordered = [...list.values()].sort((a, b) => Number(b.rule !== undefined) - Number(a.rule !== undefined) || compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
    e.imports = ordered.length;
    e.violations = ordered.filter((s) => s.rule !== undefined).length;
    importsByEdge.set(id, ordered);
  }
  // Modules named only by an edge (a `uses` of an undeclared module) still get a box.
  const declared = new Set(modules.map((m) => m.name));
  for (const e of edges.values()) {
    for (const name of [e.from, e.to]) {
      if (!declared.has(name)) {
        declared.add(name);
        modules.push({ name, paths: [], description: 'not declared by any accepted decision' });
      }
    }
  }
  const sortedEdges = [...edges.values()].sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
  const bands = layers?.layers ?? [];
  // The core's one reading of which layer holds a module (pattern keys included, once they are).
  const layering = Layering.of(model);
  for (const m of modules) {
    const layer = layering.layerOf(m.name);
    if (layer) m.layer = bands.indexOf(layer);
  }
  const graph: MapGraph = { folder, modules, edges: sortedEdges, ...(bands.length ? { layers: bands.map((l) => ({ name: l.name, closed: l.closed })) } : {}) };
  return { graph, imports: importsByEdge };
}
