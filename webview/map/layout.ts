// Places the modules and routes the edges with ELK's layered algorithm, which keeps the
// "who uses whom" direction readable (users above the modules they use) for dozens of modules.

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode, ElkExtendedEdge, ElkPoint } from 'elkjs/lib/elk-api';
import type { MapGraph } from '../../src/protocol/map';

export interface PlacedModule {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  points: ElkPoint[];
  label?: { text: string; x: number; y: number; width: number; height: number };
}

/** A layer's horizontal band, top first; the last band (`layer` undefined) holds the modules in no layer. */
export interface PlacedBand {
  layer?: number;
  y: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  modules: Map<string, PlacedModule>;
  edges: Map<string, PlacedEdge>;
  bands: PlacedBand[];
}

/** Room above a band's modules for its label, and below them. */
const BAND_LABEL = 22;
const BAND_BOTTOM = 10;

const NODE_HEIGHT = 40;
const NODE_PADDING = 28;
const LABEL_HEIGHT = 16;

const elk = new ELK();

export async function layoutMap(graph: MapGraph, measure: (text: string) => number): Promise<MapLayout> {
  const layers = graph.layers ?? [];
  // With layers, ELK's partitions keep each layer's modules in rows below the layer above
  // (partition i before i + 1, top to bottom); the modules in no layer come last.
  const banded = layers.length > 0;
  const children: ElkNode[] = graph.modules.map((m) => ({
    id: m.name,
    width: Math.max(96, Math.ceil(measure(m.name)) + NODE_PADDING),
    height: NODE_HEIGHT,
    ...(banded ? { layoutOptions: { 'elk.partitioning.partition': String(m.layer ?? layers.length) } } : {}),
  }));
  const known = new Set(graph.modules.map((m) => m.name));
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to)
    .map((e) => {
      const text = edgeLabel(e.imports, e.violations);
      return {
        id: e.id,
        sources: [e.from],
        targets: [e.to],
        ...(text ? { labels: [{ text, width: Math.ceil(measure(text)) + 8, height: LABEL_HEIGHT }] } : {}),
      };
    });
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.layered.spacing.edgeNodeBetweenLayers': '20',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      // Brandes-Koepf placement (ELK's default): network simplex looked a little tidier but
      // took about ten times longer on graphs of 35 modules with edge labels.
      // Disconnected modules are packed side by side instead of one long row.
      'elk.separateConnectedComponents': 'true',
      'elk.aspectRatio': '1.6',
      'elk.padding': banded ? `[top=${16 + BAND_LABEL},left=16,bottom=${16 + BAND_BOTTOM},right=16]` : '[top=16,left=16,bottom=16,right=16]',
      ...(banded ? { 'elk.partitioning.activate': 'true', 'elk.separateConnectedComponents': 'false' } : {}),
    },
    children,
    edges,
  };
  const laidOut: ElkNode = await elk.layout(root);

  const modules = new Map<string, PlacedModule>();
  for (const n of laidOut.children ?? []) {
    modules.set(n.id, { name: n.id, x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
  }
  const placedEdges = new Map<string, PlacedEdge>();
  for (const e of (laidOut.edges ?? []) as ElkExtendedEdge[]) {
    const points: ElkPoint[] = [];
    for (const s of e.sections ?? []) points.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
    const l = e.labels?.[0];
    placedEdges.set(e.id, {
      id: e.id,
      points,
      ...(l?.text ? { label: { text: l.text, x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 } } : {}),
    });
  }
  const width = Math.max(laidOut.width ?? 0, ...layers.map((l) => Math.ceil(measure(bandLabel(l))) + 32));
  return { width, height: laidOut.height ?? 0, modules, edges: placedEdges, bands: banded ? bandsOf(graph, modules) : [] };
}

/** A band's label: the layer's name, and "closed" when it may use the layer right below only. */
export function bandLabel(layer: { name: string; closed: boolean }): string {
  return layer.closed ? `${layer.name} (closed)` : layer.name;
}

/** One band per layer (an empty layer gets none), then one for the modules in no layer; each spans its modules' rows. */
function bandsOf(graph: MapGraph, placed: Map<string, PlacedModule>): PlacedBand[] {
  const count = graph.layers?.length ?? 0;
  const bands: PlacedBand[] = [];
  for (let i = 0; i <= count; i++) {
    const boxes = graph.modules.filter((m) => (m.layer ?? count) === i).map((m) => placed.get(m.name)).filter((b): b is PlacedModule => b !== undefined);
    if (boxes.length === 0) continue;
    const top = Math.min(...boxes.map((b) => b.y)) - BAND_LABEL;
    const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + BAND_BOTTOM;
    bands.push({ ...(i < count ? { layer: i } : {}), y: top, height: bottom - top });
  }
  return bands;
}

/** "3" for three imports, "3 · 1 ✕" when one of them breaks a decision; nothing for a declared edge no code uses yet. */
export function edgeLabel(imports: number, violations: number): string {
  if (imports === 0) return '';
  return violations > 0 ? `${imports} · ${violations} ✕` : String(imports);
}
