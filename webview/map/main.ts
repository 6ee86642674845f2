// The module map webview: draws the graph the host sends, lists an edge's imports when it is
// chosen, and asks the host to open files or save an SVG. It decides nothing about drift:
// every fact (allowed, violating, which imports) comes from the host.

import type { HostToMapMessage, ImportSite, MapEdge, MapGraph, MapModule } from '../../src/protocol/map';
import { MapHost } from './host';
import { layoutMap, type MapLayout } from './layout';
import { describeEdge, pad, renderMap } from './render';
import { standaloneSvg } from './exportSvg';
import { fitZoom as fitZoomOf, MAX_ZOOM, MIN_ZOOM } from './zoom';

const canvas = document.getElementById('canvas') as HTMLElement;
const details = document.getElementById('details') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

let graph: MapGraph | undefined;
let layout: MapLayout | undefined;
let svg: SVGSVGElement | undefined;
let listedImports = 0;

const host = new MapHost((message) => void onMessage(message));
let view = host.state;

async function onMessage(message: HostToMapMessage): Promise<void> {
  if (message.type === 'graph') await showGraph(message.graph);
  else if (message.type === 'selectEdge') await selectEdge(message.edgeId);
  else if (message.type === 'requestExport') await exportSvg();
}

function measurer(): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  const style = getComputedStyle(document.body);
  if (context) context.font = `600 ${style.fontSize} ${style.fontFamily}`;
  return (text) => (context ? context.measureText(text).width : text.length * 8);
}

async function showGraph(next: MapGraph): Promise<void> {
  graph = next;
  status.textContent = 'Laying out…';
  layout = await layoutMap(next, measurer());
  svg = renderMap(next, layout, { onEdge: (e) => void selectEdge(e.id), onModule: showModule });
  canvas.replaceChildren(svg);
  // A first drawing fits the panel; after that the reader's own zoom is kept.
  if (!view.zoomed) view = { ...view, zoom: fitZoom() };
  applyZoom();
  status.textContent = next.modules.length === 0 ? 'No modules yet: declare them in a boundaries decision (enforce.modules), or run "Adrift: Assign Folder to Module".' : `${next.modules.length} modules, ${next.edges.length} edges`;
  listedImports = 0;
  details.replaceChildren(hint());
  const selected = view.selectedEdge && next.edges.some((e) => e.id === view.selectedEdge) ? view.selectedEdge : undefined;
  if (selected) await selectEdge(selected);
  else report();
}

function hint(): HTMLElement {
  const p = document.createElement('p');
  p.className = 'hint';
  p.textContent = 'Choose an edge (click, or Tab to it and press Enter) to list its imports.';
  return p;
}

function report(): void {
  host.post({
    type: 'rendered',
    modules: graph?.modules.length ?? 0,
    edges: graph?.edges.length ?? 0,
    listedImports,
    ...(view.selectedEdge ? { selectedEdge: view.selectedEdge } : {}),
  });
}

async function selectEdge(edgeId: string): Promise<void> {
  const edge = graph?.edges.find((e) => e.id === edgeId);
  if (!edge || !svg) return;
  for (const node of Array.from(svg.querySelectorAll('.edge--selected'))) node.classList.remove('edge--selected');
  svg.querySelector(`[data-edge="${CSS.escape(edgeId)}"]`)?.classList.add('edge--selected');
  view = { ...view, selectedEdge: edgeId };
  host.state = view;
  const answer = await host.request<Extract<HostToMapMessage, { type: 'edgeImports' }>>((requestId) => ({ type: 'showEdge', requestId, edgeId }));
  showImports(edge, answer.imports);
  report();
}

function showImports(edge: MapEdge, imports: ImportSite[]): void {
  const heading = document.createElement('h2');
  heading.textContent = `${edge.from} → ${edge.to}`;
  const summary = document.createElement('p');
  summary.textContent = describeEdge(edge);
  const parts: HTMLElement[] = [heading, summary];
  if (edge.decision) parts.push(decisionButton(edge.decision.id, edge.decision.title));
  if (imports.length === 0) {
    const none = document.createElement('p');
    none.className = 'hint';
    none.textContent = 'No code uses this edge yet.';
    parts.push(none);
  }
  const list = document.createElement('ul');
  list.className = 'imports';
  list.setAttribute('aria-label', `Imports from ${edge.from} into ${edge.to}`);
  for (const site of imports) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.className = site.rule ? 'import import--violating' : 'import';
    button.title = site.message ?? `Open ${site.file}`;
    const where = document.createElement('span');
    where.className = 'import-file';
    where.textContent = `${site.file}:${site.line + 1}`;
    const what = document.createElement('span');
    what.className = 'import-specifier';
    what.textContent = site.specifier;
    button.append(where, what);
    if (site.rule) {
      const rule = document.createElement('span');
      rule.className = 'import-rule';
      rule.textContent = site.rule;
      button.append(rule);
    }
    button.addEventListener('click', () => host.post({ type: 'openImport', file: site.file, line: site.line, column: site.column }));
    item.append(button);
    list.append(item);
  }
  parts.push(list);
  details.replaceChildren(...parts);
  listedImports = imports.length;
}

function decisionButton(id: number, title: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.className = 'link';
  button.textContent = `ADR-${pad(id)} ${title}`;
  button.addEventListener('click', () => host.post({ type: 'openDecision', id }));
  return button;
}

function showModule(module: MapModule): void {
  const heading = document.createElement('h2');
  heading.textContent = module.name;
  const parts: HTMLElement[] = [heading];
  if (module.pattern) {
    const p = document.createElement('p');
    p.className = 'pattern';
    p.textContent = `One of the modules of pattern ${module.pattern}: one module per folder its paths match.`;
    parts.push(p);
  }
  if (module.description) {
    const p = document.createElement('p');
    p.textContent = module.description;
    parts.push(p);
  }
  const paths = document.createElement('ul');
  paths.className = 'paths';
  for (const glob of module.paths) {
    const li = document.createElement('li');
    li.textContent = glob;
    paths.append(li);
  }
  parts.push(paths);
  if (module.decision) parts.push(decisionButton(module.decision.id, module.decision.title));
  const uses = graph?.edges.filter((e) => e.from === module.name) ?? [];
  const usedBy = graph?.edges.filter((e) => e.to === module.name) ?? [];
  const counts = document.createElement('p');
  counts.textContent = `Uses ${uses.map((e) => e.to).join(', ') || 'nothing'}; used by ${usedBy.map((e) => e.from).join(', ') || 'nothing'}.`;
  parts.push(counts);
  details.replaceChildren(...parts);
}

function applyZoom(): void {
  if (!svg || !layout) return;
  svg.setAttribute('width', String(Math.max(1, layout.width * view.zoom)));
  svg.setAttribute('height', String(Math.max(1, layout.height * view.zoom)));
}

/** The canvas's inner size (without its padding). */
function canvasSize(): { width: number; height: number } {
  const style = getComputedStyle(canvas);
  const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  return { width: canvas.clientWidth - padX, height: canvas.clientHeight - padY };
}

/** The zoom that fits the map, or the current one while the canvas has no size yet. */
function fitZoom(): number {
  return (layout && fitZoomOf(layout, canvasSize())) ?? view.zoom;
}

// The first graph can arrive before the panel is laid out (a 0×0 canvas): until the reader
// zooms, every change of the canvas's size fits the map again.
new ResizeObserver(() => {
  if (view.zoomed || !layout) return;
  view = { ...view, zoom: fitZoom() };
  applyZoom();
}).observe(canvas);

function zoom(factor: number | 'fit'): void {
  const next = factor === 'fit' ? fitZoom() : Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor));
  view = { ...view, zoom: next, zoomed: factor !== 'fit' };
  host.state = view;
  applyZoom();
}

async function exportSvg(): Promise<void> {
  if (!svg) return;
  const answer = await host.request<Extract<HostToMapMessage, { type: 'exportResult' }>>((requestId) => ({ type: 'exportSvg', requestId, svg: standaloneSvg(svg as SVGSVGElement) }));
  status.textContent = answer.message ?? (answer.saved ? 'Saved.' : 'Not saved.');
}

document.getElementById('zoom-in')?.addEventListener('click', () => zoom(1.25));
document.getElementById('zoom-out')?.addEventListener('click', () => zoom(0.8));
document.getElementById('zoom-reset')?.addEventListener('click', () => zoom('fit'));
document.getElementById('export')?.addEventListener('click', () => void exportSvg());
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement) return;
  if (event.key === '+' || event.key === '=') zoom(1.25);
  else if (event.key === '-') zoom(0.8);
  else if (event.key === '0') zoom('fit');
});

host.post({ type: 'ready' });
