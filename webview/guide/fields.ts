// Draws any field of a flow from its data: text, textarea, choice (with the trade-offs of
// each option), list, table and per-row lists. Inputs write into the store as the user types;
// only structural changes (adding or removing a row) redraw the step.

import type { ChoiceOption, GuideField, GuideFlow, TableRow } from '../../src/protocol/guide';
import { h, icon, iconButton } from './dom';
import type { GuideStore } from './store';

type TableField = Extract<GuideField, { kind: 'table' }>;
type PerRowField = Extract<GuideField, { kind: 'per-row' }>;
type Column = TableField['columns'][number];

export interface FieldContext {
  store: GuideStore;
  flow: GuideFlow;
  /** The workspace's folders, for suggestions. */
  folders: string[];
  /** Redraws the current step (after adding or removing a row). */
  redraw: () => void;
}

let uid = 0;
function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

function textInput(value: string, label: string, placeholder: string | undefined, onInput: (value: string) => void, multiline = false): HTMLElement {
  const el = h(multiline ? 'vscode-textarea' : 'vscode-textfield', { placeholder, 'aria-label': label, rows: multiline ? 3 : undefined, resize: multiline ? 'vertical' : undefined }) as HTMLElement & { value: string };
  el.value = value;
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

/** A list of strings as removable chips plus an input that adds one on Enter (with folder suggestions). */
function listEditor(values: string[], label: string, ctx: FieldContext, opts: { placeholder?: string; suggest?: 'folders' }, onChange: (values: string[]) => void): HTMLElement {
  const chips = h('ul', { class: 'chips', 'aria-label': label });
  const draw = () => {
    chips.replaceChildren(
      ...values.map((v, i) =>
        h('li', { class: 'chip' }, h('span', {}, v), iconButton('close', `Remove ${v}`, () => {
          values.splice(i, 1);
          onChange(values);
          draw();
          input.focus();
        })),
      ),
    );
  };
  const listId = opts.suggest === 'folders' ? nextId('folders') : undefined;
  const input = h('input', { type: 'text', class: 'list-input', placeholder: opts.placeholder ? `${opts.placeholder} ⏎` : 'Type and press Enter', 'aria-label': `Add to ${label}`, list: listId });
  const add = () => {
    const parts = input.value.split(',').map((s) => s.trim()).filter((s) => s.length > 0 && !values.includes(s));
    if (parts.length === 0) return;
    values.push(...parts);
    input.value = '';
    onChange(values);
    draw();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  // Leaving the field keeps what was typed: an answer is never lost for a missing Enter.
  input.addEventListener('blur', add);
  draw();
  const wrap = h('div', { class: 'list-editor' }, chips, input);
  if (listId) wrap.append(h('datalist', { id: listId }, ...ctx.folders.map((f) => h('option', { value: f }))));
  return wrap;
}

/** The checked radio's value: the group's arrow keys check a radio without a change event, so read it. */
export function checkedRadio(group: HTMLElement): string | undefined {
  const radios = [...group.querySelectorAll('vscode-radio')] as (HTMLElement & { checked: boolean; value: string })[];
  return radios.find((r) => r.checked)?.value;
}

/** Calls `pick` whenever the checked radio of `group` may have changed: by click, keys or change event. */
export function onRadioChoice(group: HTMLElement, pick: (value: string) => void): void {
  const sync = () => {
    const value = checkedRadio(group);
    if (value !== undefined) pick(value);
  };
  for (const type of ['change', 'click', 'keyup']) group.addEventListener(type, () => queueMicrotask(sync));
}

function optionDetails(o: ChoiceOption): HTMLElement {
  return h(
    'span',
    { class: 'option-details' },
    o.when ? h('span', { class: 'when' }, icon('lightbulb'), ` ${o.when}`) : undefined,
    ...(o.pros ?? []).map((p) => h('span', { class: 'pro' }, icon('add'), ` ${p}`)),
    ...(o.cons ?? []).map((c) => h('span', { class: 'con' }, icon('remove'), ` ${c}`)),
  );
}

function choiceField(field: Extract<GuideField, { kind: 'choice' }>, ctx: FieldContext): HTMLElement {
  const current = typeof ctx.store.answers[field.id] === 'string' ? (ctx.store.answers[field.id] as string) : '';
  const group = h('vscode-radio-group', { variant: 'vertical', 'aria-label': field.label });
  for (const o of field.options) {
    group.append(h('vscode-radio', { name: field.id, value: o.id, checked: o.id === current, 'data-option': o.id }, h('span', { class: 'option-label' }, o.label), optionDetails(o)));
  }
  onRadioChoice(group, (id) => {
    if (ctx.store.answers[field.id] === id) return;
    ctx.store.answers[field.id] = id;
    ctx.store.changed();
  });
  return group;
}

function columnInput(column: Column, row: TableRow, rowLabel: string, ctx: FieldContext, onRename?: (before: string, after: string) => void): HTMLElement {
  const label = `${column.label} of ${rowLabel}`;
  if (column.kind === 'list') {
    const values = strings(row[column.id]);
    row[column.id] = values;
    return listEditor(values, label, ctx, { placeholder: column.placeholder, suggest: column.suggest }, (v) => {
      row[column.id] = [...v];
      ctx.store.changed();
    });
  }
  if (column.kind === 'choice') {
    const select = h('vscode-single-select', { 'aria-label': label }) as HTMLElement & { value: string };
    const value = typeof row[column.id] === 'string' ? (row[column.id] as string) : '';
    for (const o of column.options ?? []) select.append(h('vscode-option', { value: o.id, selected: o.id === value }, o.label));
    select.addEventListener('change', () => {
      row[column.id] = select.value;
      ctx.store.changed();
    });
    return select;
  }
  let before = typeof row[column.id] === 'string' ? (row[column.id] as string) : '';
  return textInput(before, label, column.placeholder, (v) => {
    row[column.id] = v;
    onRename?.(before, v);
    before = v;
    ctx.store.changed();
  });
}

/** Per-row answers are keyed by a row's name: renaming the row carries them along. */
function renameKeys(ctx: FieldContext, table: string, column: string, before: string, after: string): void {
  if (before === after || before === '') return;
  for (const step of ctx.flow.steps) {
    for (const f of step.fields) {
      if (f.kind !== 'per-row' || f.rowsOf.field !== table || f.rowsOf.column !== column) continue;
      const map = ctx.store.answers[f.id];
      if (typeof map !== 'object' || map === null || Array.isArray(map)) continue;
      const byName = map as Record<string, string[]>;
      if (byName[before] !== undefined && byName[after] === undefined) {
        byName[after] = byName[before];
        delete byName[before];
      }
      if (f.values === 'pick-rows') for (const k of Object.keys(byName)) byName[k] = byName[k].map((n) => (n === before ? after : n));
    }
  }
}

function tableField(field: TableField, ctx: FieldContext): HTMLElement {
  const rows = (Array.isArray(ctx.store.answers[field.id]) ? ctx.store.answers[field.id] : []) as TableRow[];
  ctx.store.answers[field.id] = rows;
  const list = h('ol', { class: 'rows', 'aria-label': field.label });
  rows.forEach((row, i) => {
    const rowName = `${field.rowLabel} ${i + 1}`;
    const title = h('div', { class: 'row-title' }, h('span', {}, rowName), iconButton('trash', `Remove ${rowName}`, () => {
      rows.splice(i, 1);
      ctx.store.changed();
      ctx.redraw();
    }));
    const cells = field.columns.map((column) =>
      h('label', { class: 'cell' }, h('span', { class: 'cell-label' }, column.label),
        columnInput(column, row, rowName, ctx, (before, after) => renameKeys(ctx, field.id, column.id, before, after))),
    );
    list.append(h('li', { class: 'row' }, title, ...cells));
  });
  const add = h('vscode-button', { secondary: true, icon: 'add', class: 'add-row' }, `Add ${field.rowLabel}`);
  add.addEventListener('click', () => {
    const row: TableRow = {};
    for (const c of field.columns) row[c.id] = c.kind === 'list' ? [] : c.kind === 'choice' ? (c.options?.[0]?.id ?? '') : '';
    rows.push(row);
    ctx.store.changed();
    ctx.redraw();
    // Focus the new row's first input so keyboard users keep typing.
    const inputs = document.querySelectorAll('.rows > li:last-child vscode-textfield, .rows > li:last-child input');
    (inputs[0] as HTMLElement | undefined)?.focus();
  });
  return h('div', { class: 'table-field' }, list, add);
}

function perRowField(field: PerRowField, ctx: FieldContext): HTMLElement {
  const source = ctx.store.answers[field.rowsOf.field];
  const names = (Array.isArray(source) ? (source as TableRow[]) : [])
    .map((r) => (typeof r[field.rowsOf.column] === 'string' ? (r[field.rowsOf.column] as string).trim() : ''))
    .filter((n, i, all) => n !== '' && all.indexOf(n) === i);
  const existing = ctx.store.answers[field.id];
  const map = (typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? existing : {}) as Record<string, string[]>;
  ctx.store.answers[field.id] = map;
  if (names.length === 0) return h('p', { class: 'empty' }, icon('info'), ` Add ${field.rowsOf.field} first: this step asks about each of them.`);
  const list = h('ul', { class: 'per-row' });
  for (const name of names) {
    const values = strings(map[name]);
    map[name] = values;
    const label = `${name}`;
    let editor: HTMLElement;
    if (field.values === 'pick-rows') {
      editor = h('div', { class: 'picks', role: 'group', 'aria-label': `${field.label}: ${name}` });
      for (const other of names.filter((n) => n !== name)) {
        const box = h('vscode-checkbox', { label: other, checked: values.includes(other), value: other }) as HTMLElement & { checked: boolean };
        box.addEventListener('change', () => {
          const set = new Set(strings(map[name]));
          if (box.checked) set.add(other);
          else set.delete(other);
          map[name] = names.filter((n) => set.has(n));
          ctx.store.changed();
        });
        editor.append(box);
      }
    } else {
      editor = listEditor(values, `${field.label}: ${name}`, ctx, { placeholder: field.placeholder }, (v) => {
        map[name] = [...v];
        ctx.store.changed();
      });
    }
    list.append(h('li', {}, h('span', { class: 'row-name' }, icon('symbol-module'), ` ${label}`), editor));
  }
  return list;
}

export function renderField(field: GuideField, ctx: FieldContext): HTMLElement {
  const id = nextId(field.id);
  let control: HTMLElement;
  switch (field.kind) {
    case 'text':
    case 'textarea':
      control = textInput(typeof ctx.store.answers[field.id] === 'string' ? (ctx.store.answers[field.id] as string) : '', field.label, field.placeholder, (v) => {
        ctx.store.answers[field.id] = v;
        ctx.store.changed();
      }, field.kind === 'textarea');
      break;
    case 'list': {
      const values = strings(ctx.store.answers[field.id]);
      ctx.store.answers[field.id] = values;
      control = listEditor(values, field.label, ctx, { placeholder: field.placeholder, suggest: field.suggest }, (v) => {
        ctx.store.answers[field.id] = [...v];
        ctx.store.changed();
      });
      break;
    }
    case 'choice':
      control = choiceField(field, ctx);
      break;
    case 'table':
      control = tableField(field, ctx);
      break;
    case 'per-row':
      control = perRowField(field, ctx);
      break;
  }
  return h(
    'section',
    { class: `field field-${field.kind}`, 'data-field': field.id, 'aria-labelledby': id },
    h('h3', { id }, field.label, field.required ? h('span', { class: 'required', 'aria-label': 'required' }, ' *') : undefined),
    field.help ? h('p', { class: 'help' }, field.help) : undefined,
    control,
  );
}
