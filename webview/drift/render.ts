// Draws the drift chart as SVG: one line per kind of debt (open, baselined, suppressed) over
// the commits walked, oldest on the left, budgets as dashed lines. Every point is focusable
// with a label a screen reader reads; the arrow keys move between commits. A table with the
// same numbers sits below the chart for those who prefer one.

import type { DriftChart, DriftPoint } from '../../src/protocol/drift';

const SVG = 'http://www.w3.org/2000/svg';
export const SERIES = [
  { key: 'findings', label: 'open' },
  { key: 'baseline', label: 'baselined' },
  { key: 'suppressions', label: 'suppressed' },
] as const;

const WIDTH = 720;
const HEIGHT = 280;
const M = { top: 16, right: 24, bottom: 36, left: 44 };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.appendChild(node);
  return node;
}

export function pointLabel(p: DriftPoint, i: number, total: number): string {
  return `Commit ${i + 1} of ${total}, ${p.date}, ${p.commit.slice(0, 7)} "${p.subject}": ${p.findings} open, ${p.baseline} baselined, ${p.suppressions} suppressed`;
}

/** A round step for the y axis so that about four lines cover `max`. */
function step(max: number): number {
  const raw = Math.max(1, max) / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? pow * 10;
}

export function renderChart(chart: DriftChart, onFocus: (index: number) => void): SVGSVGElement {
  const points = chart.points;
  const budgets = Object.values(chart.budget ?? {}).filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, ...points.flatMap((p) => [p.findings, p.baseline, p.suppressions]), ...budgets);
  const ystep = step(max);
  const top = Math.ceil(max / ystep) * ystep;
  const innerW = WIDTH - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => M.top + innerH - (v / top) * innerH;

  const svg = el('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': chartTitle(chart) });
  const grid = el('g', { class: 'grid', 'aria-hidden': 'true' }, svg);
  for (let v = 0; v <= top; v += ystep) {
    el('line', { x1: M.left, x2: WIDTH - M.right, y1: y(v), y2: y(v) }, grid);
    el('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, grid).textContent = String(v);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first) el('text', { x: x(0), y: HEIGHT - 12, 'text-anchor': 'start', class: 'axis-label' }, grid).textContent = first.date;
  if (last && points.length > 1) el('text', { x: x(points.length - 1), y: HEIGHT - 12, 'text-anchor': 'end', class: 'axis-label' }, grid).textContent = `${last.date} (HEAD)`;

  for (const s of SERIES) {
    const limit = chart.budget?.[s.key];
    if (limit !== undefined) {
      const line = el('line', { class: `budget budget--${s.key}`, x1: M.left, x2: WIDTH - M.right, y1: y(limit), y2: y(limit), 'aria-hidden': 'true' }, svg);
      el('title', {}, line).textContent = `budget of ${s.label}: ${limit}`;
    }
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p[s.key]).toFixed(1)}`).join(' ');
    el('path', { class: `series series--${s.key}`, d, 'aria-hidden': 'true' }, svg);
  }

  const hits = el('g', { class: 'points' }, svg);
  points.forEach((p, i) => {
    const g = el('g', { class: 'point', tabindex: i === points.length - 1 ? 0 : -1, role: 'img', 'aria-label': pointLabel(p, i, points.length), 'data-commit': p.commit }, hits);
    el('line', { class: 'point-rule', x1: x(i), x2: x(i), y1: M.top, y2: M.top + innerH }, g);
    for (const s of SERIES) el('circle', { class: `dot dot--${s.key}`, cx: x(i), cy: y(p[s.key]), r: 3.5 }, g);
    el('title', {}, g).textContent = pointLabel(p, i, points.length);
    g.addEventListener('focus', () => onFocus(i));
    g.addEventListener('click', () => g.focus());
    g.addEventListener('keydown', (event: Event) => {
      const key = (event as KeyboardEvent).key;
      const to = key === 'ArrowLeft' ? i - 1 : key === 'ArrowRight' ? i + 1 : key === 'Home' ? 0 : key === 'End' ? points.length - 1 : undefined;
      if (to === undefined || to < 0 || to >= points.length) return;
      event.preventDefault();
      focusPoint(svg, to);
    });
  });
  return svg;
}

/** Moves the one tab stop of the chart to point `index` and focuses it (roving tabindex). */
export function focusPoint(svg: SVGSVGElement, index: number): void {
  const all = Array.from(svg.querySelectorAll('g.point'));
  all.forEach((g, i) => g.setAttribute('tabindex', i === index ? '0' : '-1'));
  (all[index] as SVGGElement | undefined)?.focus();
}

export function chartTitle(chart: DriftChart): string {
  const what = chart.decision ? `ADR-${String(chart.decision.id).padStart(4, '0')} ${chart.decision.title}` : `the workspace ${chart.folder}`;
  return `Debt of ${what} over the last ${chart.points.length} commits`;
}

export function renderTable(chart: DriftChart): HTMLTableElement {
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = chartTitle(chart);
  const head = table.createTHead().insertRow();
  for (const h of ['Date', 'Commit', 'Subject', 'Open', 'Baselined', 'Suppressed']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const p of [...chart.points].reverse()) {
    const row = body.insertRow();
    for (const v of [p.date, p.commit.slice(0, 7), p.subject, p.findings, p.baseline, p.suppressions]) row.insertCell().textContent = String(v);
  }
  return table;
}
