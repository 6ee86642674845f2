// The dependencies step's layers: the modules ordered into layers, top first, by drag and
// drop or fully by keyboard (Alt+Up / Alt+Down on a module, or its move buttons; "New layer";
// a "Closed" checkbox per layer). The answer is one row per layer, `modules` and `closed`
// (`yes` or empty); modules in no layer wait below the layers. Every move is announced.

import type { GuideAnswers, GuideField, TableRow } from '../../src/protocol/guide';
import { h, icon, iconButton } from './dom';
import { hiddenHint, nextId, strings, type FieldContext } from './fields';

type LayersField = Extract<GuideField, { kind: 'layers' }>;

interface Layer {
  modules: string[];
  closed: boolean;
}

/** The layers as the store holds them, with names that are no longer modules left out. */
function readLayers(ctx: FieldContext, field: LayersField, names: string[]): Layer[] {
  const v = ctx.store.answers[field.id];
  const rows = Array.isArray(v) ? v.filter((r): r is TableRow => typeof r === 'object' && r !== null && !Array.isArray(r)) : [];
  const seen = new Set<string>();
  return rows.map((r) => {
    const modules = strings(r.modules).filter((n) => names.includes(n) && !seen.has(n));
    for (const n of modules) seen.add(n);
    return { modules, closed: r.closed === 'yes' };
  });
}

function writeLayers(ctx: FieldContext, field: LayersField, layers: Layer[]): void {
  ctx.store.answers[field.id] = layers.map((l) => ({ modules: [...l.modules], closed: l.closed ? 'yes' : '' }));
  ctx.store.changed();
}

/** "layer 2 of 3", or "no layer" for the modules below the layers. */
function placeName(at: number, count: number): string {
  return at < count ? `layer ${at + 1} of ${count}` : 'no layer';
}

/**
 * Moves `name` one place up (-1) or down (+1); places are the layers, then "no layer". Up
 * from the top layer makes a new top layer; up from no layer when there is none makes the first.
 */
export function moveModule(layers: Layer[], name: string, by: -1 | 1): { layers: Layer[]; at: number } | undefined {
  const next = layers.map((l) => ({ modules: l.modules.filter((n) => n !== name), closed: l.closed }));
  const from = layers.findIndex((l) => l.modules.includes(name));
  const place = from < 0 ? layers.length : from;
  let to = place + by;
  if (to > layers.length) return undefined;
  if (to < 0) {
    next.unshift({ modules: [], closed: false });
    to = 0;
  }
  if (to < next.length) next[to].modules.push(name);
  return { layers: next, at: to };
}

/** Puts `name` into layer `to` (layers.length: no layer), at the end. */
function placeModule(layers: Layer[], name: string, to: number): Layer[] {
  const next = layers.map((l) => ({ modules: l.modules.filter((n) => n !== name), closed: l.closed }));
  if (to < next.length) next[to].modules.push(name);
  return next;
}

/** A module renamed in its table keeps its layer. */
export function renameInLayers(answers: GuideAnswers, id: string, before: string, after: string): void {
  const v = answers[id];
  if (!Array.isArray(v)) return;
  for (const row of v) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) continue;
    const r = row as TableRow;
    if (Array.isArray(r.modules)) r.modules = r.modules.map((n) => (n === before ? after : n));
  }
}

function hintId(): string {
  return hiddenHint('layers-hint', 'Alt+Up or Alt+Down moves it a layer.');
}

export function layersField(field: LayersField, ctx: FieldContext, helpId: string | undefined): HTMLElement {
  const source = ctx.store.answers[field.rowsOf.field];
  const names = (Array.isArray(source) ? (source as TableRow[]) : [])
    .map((r) => (typeof r[field.rowsOf.column] === 'string' ? (r[field.rowsOf.column] as string).trim() : ''))
    .filter((n, i, all) => n !== '' && all.indexOf(n) === i);
  if (names.length === 0) return h('p', { class: 'empty' }, icon('info'), ` Add ${field.rowsOf.field} first: the layers order them.`);
  const layers = readLayers(ctx, field, names);
  const unplaced = names.filter((n) => !layers.some((l) => l.modules.includes(n)));

  const commit = (next: Layer[], focus: string | undefined, said: string) => {
    writeLayers(ctx, field, next);
    ctx.redraw();
    if (focus) document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.id)}"] [data-module="${CSS.escape(focus)}"]`)?.focus();
    ctx.announce(said);
  };
  const move = (name: string, by: -1 | 1) => {
    const moved = moveModule(layers, name, by);
    if (moved) commit(moved.layers, name, `${name} moved to ${placeName(moved.at, moved.layers.length)}.`);
  };

  const moduleItem = (name: string, at: number) => {
    const up = iconButton('arrow-up', `Move ${name} up a layer`, () => move(name, -1));
    const down = iconButton('arrow-down', `Move ${name} down a layer`, () => move(name, 1));
    if (at >= layers.length) down.disabled = true;
    const item = h('li', { class: 'layer-module', tabindex: 0, draggable: 'true', 'data-module': name, 'aria-describedby': hintId() }, h('span', { class: 'layer-module-name' }, icon('symbol-module'), ` ${name}`), up, down);
    item.addEventListener('keydown', (e) => {
      if (!e.altKey || e.target !== item || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      move(name, e.key === 'ArrowUp' ? -1 : 1);
    });
    item.addEventListener('dragstart', (e) => {
      e.dataTransfer?.setData('text/plain', name);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    });
    return item;
  };

  const dropTarget = (el: HTMLElement, to: number) => {
    el.addEventListener('dragover', (e) => {
      e.preventDefault();
      el.classList.add('drop-here');
    });
    el.addEventListener('dragleave', () => el.classList.remove('drop-here'));
    el.addEventListener('drop', (e) => {
      e.preventDefault();
      const name = e.dataTransfer?.getData('text/plain') ?? '';
      if (!names.includes(name)) return;
      const next = placeModule(layers, name, to);
      commit(next, name, `${name} moved to ${placeName(to, next.length)}.`);
    });
  };

  const list = h('ol', { class: 'layers', 'aria-label': 'Layers, top first' });
  for (const [i, layer] of layers.entries()) {
    const headId = nextId(`${field.id}-layer`);
    const closedId = nextId(`${field.id}-closed`);
    const closed = h('input', { type: 'checkbox', id: closedId });
    closed.checked = layer.closed;
    closed.disabled = i === layers.length - 1;
    closed.addEventListener('change', () => {
      layers[i].closed = closed.checked;
      writeLayers(ctx, field, layers);
      ctx.announce(`Layer ${i + 1} is ${closed.checked ? `closed: it uses layer ${i + 2} only` : 'open: it uses every layer below'}.`);
    });
    const remove = iconButton('trash', `Remove layer ${i + 1}`, () => {
      const next = layers.filter((_l, j) => j !== i);
      commit(next, undefined, `Layer ${i + 1} removed${layer.modules.length ? `; ${layer.modules.join(', ')} in no layer` : ''}.`);
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.id)}"] .new-layer`)?.focus();
    });
    const modules = h('ul', { class: 'layer-modules', 'aria-labelledby': headId });
    for (const name of layer.modules) modules.append(moduleItem(name, i));
    if (layer.modules.length === 0) modules.append(h('li', { class: 'empty' }, 'Empty: drag a module here or move one with Alt+Up / Alt+Down.'));
    const band = h(
      'li',
      { class: 'layer', 'data-layer': i },
      h('div', { class: 'layer-head' }, h('span', { class: 'layer-title', id: headId }, `Layer ${i + 1}${i === 0 ? ' (top)' : ''}`), h('span', { class: 'pick' }, closed, h('label', { for: closedId }, `Closed: uses layer ${i + 2} only`)), remove),
      modules,
    );
    dropTarget(band, i);
    list.append(band);
  }
  const poolId = nextId(`${field.id}-none`);
  const poolModules = h('ul', { class: 'layer-modules', 'aria-labelledby': poolId });
  for (const name of unplaced) poolModules.append(moduleItem(name, layers.length));
  if (unplaced.length === 0) poolModules.append(h('li', { class: 'empty' }, 'Every module is in a layer.'));
  const pool = h('div', { class: 'layer layer-none' }, h('div', { class: 'layer-head' }, h('span', { class: 'layer-title', id: poolId }, 'In no layer')), poolModules);
  dropTarget(pool, layers.length);

  const add = h('button', { type: 'button', class: 'button secondary new-layer' }, icon('add'), ' New layer');
  add.addEventListener('click', () => {
    commit([...layers, { modules: [], closed: false }], undefined, `Layer ${layers.length + 1} added at the bottom, empty.`);
    document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.id)}"] .new-layer`)?.focus();
  });
  return h('div', { class: 'layers-field', 'aria-describedby': helpId }, layers.length ? list : undefined, pool, h('div', { class: 'actions' }, add));
}
