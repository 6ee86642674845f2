// Draws a laid-out map as SVG. Colours come only from the stylesheet (--vscode-* variables);
// every module and edge is focusable and answers Enter/Space like a click.

import type { MapEdge, MapGraph, MapModule } from '../../src/protocol/map';
import { bandLabel, type MapLayout } from './layout';

const SVG = 'http://www.w3.org/2000/svg';

export type EdgeKind = 'violating' | 'used' | 'declared' | 'undeclared';

/** What an edge means for the reader: it breaks a decision, is allowed and used, allowed but unused, or used without a decision that mentions it. */
export function edgeKind(e: MapEdge): EdgeKind {
  if (e.violations > 0) return 'violating';
  if (e.allowed) return e.imports > 0 ? 'used' : 'declared';
  return 'undeclared';
}

export function describeEdge(e: MapEdge): string {
  const imports = `${e.imports} import${e.imports === 1 ? '' : 's'}`;
  const allowed = e.allowed ? (e.decision ? `allowed by ADR-${pad(e.decision.id)}` : 'allowed') : 'not allowed by any decision';
  const violations = e.violations > 0 ? `, ${e.violations} breaking a decision` : '';
  return `${e.from} uses ${e.to}: ${imports}${violations}; ${allowed}`;
}

export function describeModule(m: MapModule): string {
  const decision = m.decision ? ` — declared by ADR-${pad(m.decision.id)} ${m.decision.title}` : '';
  return `module ${m.name}${m.pattern ? ` (from ${m.pattern})` : ''}${decision}`;
}

export function pad(id: number): string {
  return String(id).padStart(4, '0');
}

export interface RenderHandlers {
  onEdge(edge: MapEdge): void;
  onModule(module: MapModule): void;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function activate(target: SVGElement, action: () => void): void {
  target.addEventListener('click', action);
  target.addEventListener('keydown', (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  });
}

export function renderMap(graph: MapGraph, layout: MapLayout, handlers: RenderHandlers): SVGSVGElement {
  const svg = el('svg', {
    xmlns: SVG,
    class: 'map',
    role: 'group',
    'aria-label': `Module map of ${graph.folder}: ${graph.modules.length} modules, ${graph.edges.length} edges`,
    viewBox: `0 0 ${Math.max(1, layout.width)} ${Math.max(1, layout.height)}`,
    width: Math.max(1, layout.width),
    height: Math.max(1, layout.height),
  });
  const defs = el('defs', {});
  for (const kind of ['violating', 'used', 'declared', 'undeclared'] as const) {
    const marker = el('marker', { id: `arrow-${kind}`, class: `arrow arrow--${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
    marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z' }));
    defs.append(marker);
  }
  svg.append(defs);

  // Layers, top first, as labelled horizontal bands behind the modules; then the modules in no layer.
  const bandLayer = el('g', { class: 'bands' });
  for (const band of layout.bands) {
    const layer = band.layer === undefined ? undefined : graph.layers?.[band.layer];
    const text = layer ? bandLabel(layer) : 'in no layer';
    const group = el('g', { class: `band${layer ? '' : ' band--none'}`, 'data-layer': band.layer ?? 'none', role: 'group', 'aria-label': layer ? `Layer ${(band.layer ?? 0) + 1}: ${text}` : 'Modules in no layer' });
    group.append(el('rect', { class: 'band-box', x: 4, y: band.y, width: Math.max(1, layout.width - 8), height: band.height, rx: 4 }));
    const label = el('text', { class: 'band-label', x: 12, y: band.y + 14 });
    label.textContent = text;
    group.append(label);
    bandLayer.append(group);
  }
  svg.append(bandLayer);

  const edgeLayer = el('g', { class: 'edges' });
  for (const edge of graph.edges) {
    const placed = layout.edges.get(edge.id);
    if (!placed || placed.points.length < 2) continue;
    const kind = edgeKind(edge);
    const d = placed.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
    const group = el('g', { class: `edge edge--${kind}`, tabindex: 0, role: 'button', 'data-edge': edge.id, 'aria-label': describeEdge(edge) });
    const title = el('title', {});
    title.textContent = describeEdge(edge);
    group.append(title, el('path', { class: 'edge-hit', d }), el('path', { class: 'edge-line', d, 'marker-end': `url(#arrow-${kind})` }));
    if (placed.label) {
      const { x, y, width, height, text } = placed.label;
      group.append(el('rect', { class: 'edge-label-bg', x, y, width, height, rx: 3 }));
      const label = el('text', { class: 'edge-label', x: x + width / 2, y: y + height / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
      label.textContent = text;
      group.append(label);
    }
    activate(group, () => handlers.onEdge(edge));
    edgeLayer.append(group);
  }

  const nodeLayer = el('g', { class: 'modules' });
  for (const module of graph.modules) {
    const placed = layout.modules.get(module.name);
    if (!placed) continue;
    const group = el('g', { class: 'module', tabindex: 0, role: 'button', 'data-module': module.name, 'aria-label': describeModule(module), transform: `translate(${placed.x} ${placed.y})` });
    const title = el('title', {});
    title.textContent = [describeModule(module), ...module.paths].join('\n');
    const name = el('text', { class: 'module-name', x: placed.width / 2, y: placed.height / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
    name.textContent = module.name;
    group.append(title, el('rect', { class: 'module-box', width: placed.width, height: placed.height, rx: 4 }), name);
    activate(group, () => handlers.onModule(module));
    nodeLayer.append(group);
  }
  // Edges first, so module boxes sit on top of line ends.
  svg.append(edgeLayer, nodeLayer);
  return svg;
}
