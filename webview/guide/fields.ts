// Draws any field of a flow from its data: text, textarea, choice (with the trade-offs of
// each option and which options the team considered), list, table and per-row lists. Inputs
// write into the store as the user types; only structural changes (adding, deleting or
// restoring a row) redraw the step.
//
// The form controls are native elements styled with the theme's --vscode-* variables, not
// @vscode-elements' (2.5): `aria-label` on a vscode-textfield or vscode-textarea stays on the
// outer element and never reaches the input inside its shadow root, and neither a <label for>
// nor aria-labelledby crosses that root (the only way in is the component's internal `label`
// property, which takes a flat string: no "Module 2 Name" from the row title and the column);
// a vscode-radio is an <input type=checkbox> inside, so screen readers announce radios as
// checkboxes; a vscode-single-select draws its dropdown inside the page, where the sidebar
// clips it; and no stylesheet reaches their placeholders to mark them as examples. Native
// inputs are named by <label for> or aria-labelledby, radios are radios with the arrow keys
// of a radio group, and a native <select> opens above the webview.

import { asExample, type ChoiceOption, type DiscoverResult, type EdgesResult, type GuideField, type GuideFlow, type ModuleOfAnswers, type TableRow } from '../../src/protocol/guide';
import { renameInBaseline } from './adopt';
import { discoverField, edgesField } from './adoptFields';
import { layersField, renameInLayers } from './layers';
import { h, icon, iconButton } from './dom';
import type { GuideStore } from './store';

type TableField = Extract<GuideField, { kind: 'table' }>;
type PerRowField = Extract<GuideField, { kind: 'per-row' }>;
type ChoiceField = Extract<GuideField, { kind: 'choice' }>;
type Column = TableField['columns'][number];

/** A row deleted from a table, kept so Undo puts it back where it was. */
export interface DeletedRow {
  row: TableRow;
  index: number;
  rowName: string;
}

export interface FieldContext {
  store: GuideStore;
  flow: GuideFlow;
  /** The workspace's folders, for suggestions. */
  folders: string[];
  /** The chosen template's examples, by `fieldId` or `fieldId.columnId`. */
  placeholders: Record<string, string>;
  /** Redraws the current step (after adding or removing a row). */
  redraw: () => void;
  /** Says something through the page's polite live region. */
  announce: (text: string) => void;
  /** The last row deleted per table field, until it is undone or the step changes. */
  deleted: Map<string, DeletedRow>;
  /** What the host computes from the code, for the fields that show it. */
  code: CodeQueries;
  /** Fields of the step showing the same answer in two places: `notify(answer)` runs what `watch` registered for it. */
  watch: (answer: string, update: () => void) => void;
  notify: (answer: string) => void;
}

/** The host's answers about the workspace's code (see src/protocol/guide.ts). */
export interface CodeQueries {
  discover(): Promise<DiscoverResult>;
  edges(modules: ModuleOfAnswers[]): Promise<EdgesResult>;
  /** Opens a workspace file the host listed, in the editor. */
  open(file: string): void;
}

/** The answer key of the considered options: `Record<choiceFieldId, optionId[]>`, absent = all considered. */
export const CONSIDERED = 'considered';

let uid = 0;
export function nextId(prefix: string): string {
  uid += 1;
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, '-')}-${uid}`;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The example for a field or column: the template's, else the flow's own; shown as "e.g. …". */
function example(ctx: FieldContext, key: string, own: string | undefined): string | undefined {
  const text = ctx.placeholders[key] ?? own;
  return text ? asExample(text) : undefined;
}

interface Naming {
  /** The control's id, for a <label for>. */
  id?: string;
  /** Ids of the elements that name it, when a <label for> cannot (a cell: row title + column). */
  labelledBy?: string;
  describedBy?: string;
}

function nameAttrs(n: Naming): Record<string, string | undefined> {
  return { id: n.id, 'aria-labelledby': n.labelledBy, 'aria-describedby': n.describedBy };
}

function textInput(value: string, naming: Naming, placeholder: string | undefined, onInput: (value: string) => void, opts: { multiline?: boolean; required?: boolean } = {}): HTMLInputElement | HTMLTextAreaElement {
  const attrs = { ...nameAttrs(naming), placeholder, class: 'input', 'aria-required': opts.required ? 'true' : undefined };
  const el = opts.multiline ? h('textarea', { ...attrs, rows: 3 }) : h('input', { ...attrs, type: 'text' });
  el.value = value;
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

/** The id of a hidden hint, made once per page, that the controls it explains are described by. */
export function hiddenHint(id: string, text: string): string {
  let hint = document.getElementById(id);
  if (!hint) {
    hint = h('span', { id, hidden: true }, text);
    document.body.append(hint);
  }
  return hint.id;
}

/** The hidden hint every list input is described by. */
function listHintId(): string {
  return hiddenHint('list-hint', 'Press Enter to add; commas separate several.');
}

/** A list of strings as removable chips plus an input that adds on Enter (with folder suggestions). */
function listEditor(values: string[], name: string, naming: Naming, ctx: FieldContext, opts: { placeholder?: string; suggest?: 'folders' }, onChange: (values: string[]) => void): HTMLElement {
  const chips = h('ul', { class: 'chips', 'aria-label': name });
  const listId = opts.suggest === 'folders' ? nextId('folders') : undefined;
  const input = h('input', { ...nameAttrs({ ...naming, describedBy: [naming.describedBy, listHintId()].filter(Boolean).join(' ') }), type: 'text', class: 'input list-input', placeholder: opts.placeholder, list: listId });
  const draw = () => {
    chips.hidden = values.length === 0;
    chips.replaceChildren(
      ...values.map((v, i) =>
        h('li', { class: 'chip' }, h('span', {}, v), iconButton('close', `Remove ${v} from ${name}`, () => {
          values.splice(i, 1);
          onChange(values);
          draw();
          input.focus();
        })),
      ),
    );
  };
  const add = () => {
    const parts = input.value.split(',').map((s) => s.trim()).filter((s) => s.length > 0 && !values.includes(s));
    input.value = '';
    if (parts.length === 0) return;
    values.push(...parts);
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

/** The options of `field` the team considered; the chosen one always is. */
export function consideredOptions(ctx: FieldContext, field: ChoiceField): Set<string> {
  const map = ctx.store.answers[CONSIDERED];
  const entry = typeof map === 'object' && map !== null && !Array.isArray(map) ? (map as Record<string, string[]>)[field.id] : undefined;
  const set = new Set(entry ? strings(entry) : field.options.map((o) => o.id));
  const chosen = ctx.store.answers[field.id];
  if (typeof chosen === 'string' && chosen !== '') set.add(chosen);
  return set;
}

function setConsidered(ctx: FieldContext, field: ChoiceField, set: Set<string>): void {
  const existing = ctx.store.answers[CONSIDERED];
  const map = (typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? existing : {}) as Record<string, string[]>;
  const ids = field.options.map((o) => o.id).filter((id) => set.has(id));
  // Every option considered is the default: the entry goes, so the answers stay as written.
  if (ids.length === field.options.length) delete map[field.id];
  else map[field.id] = ids;
  if (Object.keys(map).length === 0) delete ctx.store.answers[CONSIDERED];
  else ctx.store.answers[CONSIDERED] = map;
}

function optionDetails(o: ChoiceOption, id: string): HTMLElement {
  return h(
    'span',
    { class: 'option-details', id },
    o.when ? h('span', { class: 'when' }, icon('lightbulb'), ` ${o.when}`) : undefined,
    ...(o.pros ?? []).map((p) => h('span', { class: 'pro' }, icon('add'), h('span', { class: 'visually-hidden' }, 'Pro: '), ` ${p}`)),
    ...(o.cons ?? []).map((c) => h('span', { class: 'con' }, icon('remove'), h('span', { class: 'visually-hidden' }, 'Con: '), ` ${c}`)),
  );
}

/** Native radios in a radiogroup, then which of the options the team considered. */
function choiceField(field: ChoiceField, ctx: FieldContext, headingId: string): HTMLElement {
  const current = () => (typeof ctx.store.answers[field.id] === 'string' ? (ctx.store.answers[field.id] as string) : '');
  const group = h('div', { role: 'radiogroup', class: 'options', 'aria-labelledby': headingId, 'aria-required': field.required ? 'true' : undefined });
  const name = nextId(`choice-${field.id}`);
  for (const o of field.options) {
    const id = nextId(`${field.id}-${o.id}`);
    const detailsId = `${id}-details`;
    const hasDetails = Boolean(o.when || o.pros?.length || o.cons?.length);
    const radio = h('input', { type: 'radio', id, name, value: o.id, 'data-option': o.id, 'aria-describedby': hasDetails ? detailsId : undefined });
    radio.checked = o.id === current();
    radio.addEventListener('change', () => {
      if (!radio.checked || ctx.store.answers[field.id] === o.id) return;
      ctx.store.answers[field.id] = o.id;
      // The chosen option is always considered.
      setConsidered(ctx, field, consideredOptions(ctx, field));
      ctx.store.changed();
      drawConsidered();
    });
    const row = h('div', { class: 'option' }, radio, h('label', { for: id, class: 'option-label' }, o.label), hasDetails ? optionDetails(o, detailsId) : undefined);
    group.append(row);
  }

  const legendId = nextId(`${field.id}-considered`);
  const considered = h('fieldset', { class: 'considered', 'data-considered': field.id, 'aria-labelledby': legendId });
  const drawConsidered = () => {
    const set = consideredOptions(ctx, field);
    const chosen = current();
    considered.replaceChildren(
      h('legend', { id: legendId }, `Options considered for ${field.label}`),
      h('p', { class: 'help' }, 'Untick the options the team did not weigh; the record lists only the ones considered.'),
      ...field.options.map((o) => {
        const id = nextId(`${field.id}-considered-${o.id}`);
        const box = h('input', { type: 'checkbox', id, 'data-option': o.id, disabled: o.id === chosen });
        box.checked = set.has(o.id);
        box.addEventListener('change', () => {
          const next = consideredOptions(ctx, field);
          if (box.checked) next.add(o.id);
          else next.delete(o.id);
          setConsidered(ctx, field, next);
          ctx.store.changed();
        });
        return h('span', { class: 'considered-option' }, box, h('label', { for: id }, o.label, o.id === chosen ? h('span', { class: 'chosen-note' }, ' (chosen)') : undefined));
      }),
    );
  };
  drawConsidered();
  return h('div', { class: 'choice' }, group, considered);
}

function columnControl(column: Column, row: TableRow, naming: Naming, name: string, ctx: FieldContext, fieldId: string, onRename?: (before: string, after: string) => void): HTMLElement {
  const placeholder = example(ctx, `${fieldId}.${column.id}`, column.placeholder);
  if (column.kind === 'list') {
    const values = strings(row[column.id]);
    row[column.id] = values;
    return listEditor(values, name, naming, ctx, { placeholder, suggest: column.suggest }, (v) => {
      row[column.id] = [...v];
      ctx.store.changed();
    });
  }
  if (column.kind === 'choice') {
    const select = h('select', { ...nameAttrs(naming), class: 'input select' });
    const value = typeof row[column.id] === 'string' ? (row[column.id] as string) : '';
    if (!(column.options ?? []).some((o) => o.id === value)) select.append(h('option', { value: '' }, 'Pick one'));
    for (const o of column.options ?? []) select.append(h('option', { value: o.id, selected: o.id === value }, o.label));
    select.value = value;
    select.addEventListener('change', () => {
      row[column.id] = select.value;
      ctx.store.changed();
    });
    return select;
  }
  let before = typeof row[column.id] === 'string' ? (row[column.id] as string) : '';
  return textInput(before, naming, placeholder, (v) => {
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
      if (f.kind === 'edges' && f.rowsOf.field === table && f.rowsOf.column === column) renameInBaseline(ctx.store.answers, f.id, before, after);
      if (f.kind === 'layers' && f.rowsOf.field === table && f.rowsOf.column === column) renameInLayers(ctx.store.answers, f.id, before, after);
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

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select, textarea, button';

/** Focuses row `index` of a table field's first control; false when there is no such row. */
function focusRow(fieldId: string, index: number): boolean {
  const row = document.querySelector(`[data-field="${CSS.escape(fieldId)}"] .rows > .row[data-row="${index}"]`);
  const target = row?.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
  return target !== undefined && target !== null;
}

function focusAdd(fieldId: string): void {
  document.querySelector<HTMLElement>(`[data-field="${CSS.escape(fieldId)}"] .add-row`)?.focus();
}

export function emptyRow(field: TableField): TableRow {
  const row: TableRow = {};
  for (const c of field.columns) row[c.id] = c.kind === 'list' || c.kind === 'pick-rows' ? [] : c.kind === 'choice' ? (c.options?.[0]?.id ?? '') : '';
  return row;
}

/** How a row is called in announcements: "Module 2" plus its first text, when there is one. */
function spokenRow(field: TableField, row: TableRow, rowName: string): string {
  const first = field.columns.find((c) => c.kind === 'text');
  const text = first && typeof row[first.id] === 'string' ? (row[first.id] as string).trim() : '';
  return text ? `${rowName}, ${text},` : rowName;
}

/**
 * A `pick-rows` cell: a checkbox per other row's name (the parts a part may use), in a group
 * named like any cell ("Part 3 May use"). `draw` rebuilds it when a row is renamed, so the
 * boxes always show today's names.
 */
function rowPicks(column: Column, row: TableRow, rows: TableRow[], naming: Naming, ctx: FieldContext): { element: HTMLElement; draw: () => void } {
  const key = column.rowsColumn ?? '';
  const nameOf = (r: TableRow) => (typeof r[key] === 'string' ? (r[key] as string).trim() : '');
  row[column.id] = strings(row[column.id]);
  const group = h('div', { class: 'picks', role: 'group', 'aria-labelledby': naming.labelledBy, id: naming.id });
  const draw = () => {
    const own = nameOf(row);
    const names = rows.map(nameOf).filter((n, i, all) => n !== '' && n !== own && all.indexOf(n) === i);
    const picked = strings(row[column.id]);
    group.replaceChildren(
      ...names.map((other) => {
        const id = nextId(`${column.id}-pick`);
        const box = h('input', { type: 'checkbox', id, value: other });
        box.checked = picked.includes(other);
        box.addEventListener('change', () => {
          const now = strings(row[column.id]).filter((n) => n !== other);
          row[column.id] = box.checked ? [...now, other] : now;
          ctx.store.changed();
        });
        return h('span', { class: 'pick' }, box, h('label', { for: id }, other));
      }),
    );
    if (names.length === 0) group.append(h('span', { class: 'empty' }, 'Name the other rows to pick them here.'));
  };
  draw();
  return { element: group, draw };
}

/** A renamed row stays picked in the table's `pick-rows` cells that name rows by this column. */
function renamePicks(field: TableField, rows: TableRow[], column: string, before: string, after: string): void {
  if (before.trim() === '' || after.trim() === '' || before.trim() === after.trim()) return;
  for (const c of field.columns) {
    if (c.kind !== 'pick-rows' || c.rowsColumn !== column) continue;
    for (const r of rows) r[c.id] = strings(r[c.id]).map((n) => (n === before.trim() ? after.trim() : n));
  }
}

function tableField(field: TableField, ctx: FieldContext, headingId: string): HTMLElement {
  const rows = (Array.isArray(ctx.store.answers[field.id]) ? ctx.store.answers[field.id] : []) as TableRow[];
  ctx.store.answers[field.id] = rows;
  const rowLabel = capitalized(field.rowLabel);
  // Rows are groups named by their title ("Module 2"), in a group named by the field: a list
  // would hold only listitems, and a row's name and fields are what a screen reader needs.
  const list = h('div', { class: 'rows', role: 'group', 'aria-labelledby': headingId });
  const redraws: (() => void)[] = [];
  rows.forEach((row, i) => {
    const rowName = `${rowLabel} ${i + 1}`;
    const titleId = nextId(`${field.id}-row`);
    const cells = field.columns.map((column) => {
      const labelId = nextId(`${field.id}-${column.id}-label`);
      const controlId = nextId(`${field.id}-${column.id}`);
      // Named by the row and the column: "Module 2 Name".
      const naming: Naming = { id: controlId, labelledBy: `${titleId} ${labelId}` };
      if (column.kind === 'pick-rows') {
        // A group of checkboxes is named by aria-labelledby; a <label for> would name only the group element.
        const picks = rowPicks(column, row, rows, naming, ctx);
        redraws.push(picks.draw);
        return h('div', { class: `cell cell-${column.kind}`, 'data-column': column.id }, h('span', { class: 'cell-label', id: labelId }, column.label), picks.element);
      }
      return h('div', { class: `cell cell-${column.kind}`, 'data-column': column.id },
        h('label', { class: 'cell-label', id: labelId, for: controlId }, column.label),
        columnControl(column, row, naming, `${rowName} ${column.label}`, ctx, field.id, (before, after) => {
          renameKeys(ctx, field.id, column.id, before, after);
          renamePicks(field, rows, column.id, before, after);
          for (const draw of redraws) draw();
        }));
    });
    // Delete comes after the row's fields: Tab reaches the fields first.
    const remove = h('button', { type: 'button', class: 'row-delete', 'aria-label': `Delete ${rowName.toLowerCase()}`, title: `Delete ${rowName.toLowerCase()}` }, icon('trash'), ' Delete');
    remove.addEventListener('click', () => {
      const [removed] = rows.splice(i, 1);
      if (!removed) return;
      ctx.deleted.set(field.id, { row: removed, index: i, rowName });
      ctx.store.changed();
      ctx.redraw();
      ctx.announce(`${spokenRow(field, removed, rowName)} deleted. Undo is one Shift+Tab back.`);
      if (!focusRow(field.id, i)) focusAdd(field.id);
    });
    list.append(h('div', { class: 'row', role: 'group', 'aria-labelledby': titleId, 'data-row': i },
      h('div', { class: 'row-title', id: titleId }, rowName),
      ...cells,
      h('div', { class: 'row-actions' }, remove)));
  });
  const add = h('button', { type: 'button', class: 'button secondary add-row' }, icon('add'), ` Add ${field.rowLabel}`);
  add.addEventListener('click', () => {
    rows.push(emptyRow(field));
    ctx.deleted.delete(field.id);
    ctx.store.changed();
    ctx.redraw();
    // The new row's first field, so keyboard users keep typing.
    focusRow(field.id, rows.length - 1);
  });
  // Undo stands where the deleted row was: just before the row that took its place (Shift+Tab from it).
  const deleted = ctx.deleted.get(field.id);
  if (deleted) {
    const spoken = spokenRow(field, deleted.row, deleted.rowName).replace(/,$/, '');
    const undo = h('button', { type: 'button', class: 'button secondary undo', 'aria-label': `Undo delete of ${spoken}` }, icon('discard'), ' Undo');
    undo.addEventListener('click', () => {
      const index = Math.min(deleted.index, rows.length);
      rows.splice(index, 0, deleted.row);
      ctx.deleted.delete(field.id);
      ctx.store.changed();
      ctx.redraw();
      ctx.announce(`${spokenRow(field, deleted.row, `${rowLabel} ${index + 1}`).replace(/,$/, '')} restored.`);
      focusRow(field.id, index);
    });
    const bar = h('div', { class: 'undo-bar' }, h('span', {}, icon('info'), ` ${spoken} deleted.`), undo);
    list.insertBefore(bar, list.children[Math.min(deleted.index, rows.length)] ?? null);
  }
  return h('div', { class: 'table-field' }, rows.length || deleted ? list : h('p', { class: 'empty' }, `No ${field.rowLabel} yet.`), h('div', { class: 'actions' }, add));
}

/** A per-row answer as the store holds it now (another field may have replaced the map). */
function perRowMap(ctx: FieldContext, id: string): Record<string, string[]> {
  const v = ctx.store.answers[id];
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, string[]>;
  const map: Record<string, string[]> = {};
  ctx.store.answers[id] = map;
  return map;
}

function perRowField(field: PerRowField, ctx: FieldContext, headingId: string): HTMLElement {
  const source = ctx.store.answers[field.rowsOf.field];
  const names = (Array.isArray(source) ? (source as TableRow[]) : [])
    .map((r) => (typeof r[field.rowsOf.column] === 'string' ? (r[field.rowsOf.column] as string).trim() : ''))
    .filter((n, i, all) => n !== '' && all.indexOf(n) === i);
  const existing = ctx.store.answers[field.id];
  const map = (typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? existing : {}) as Record<string, string[]>;
  ctx.store.answers[field.id] = map;
  if (names.length === 0) return h('p', { class: 'empty' }, icon('info'), ` Add ${field.rowsOf.field} first: this step asks about each of them.`);
  const list = h('ul', { class: 'per-row', 'aria-labelledby': headingId });
  for (const name of names) {
    const values = strings(map[name]);
    map[name] = values;
    const nameId = nextId(`${field.id}-name`);
    let editor: HTMLElement;
    if (field.values === 'pick-rows') {
      editor = h('div', { class: 'picks', role: 'group', 'aria-label': `${field.label}: ${name}` });
      const others = names.filter((n) => n !== name);
      if (others.length === 0) editor.append(h('span', { class: 'empty' }, 'No other rows to pick.'));
      for (const other of others) {
        const id = nextId(`${field.id}-pick`);
        const box = h('input', { type: 'checkbox', id, value: other });
        box.checked = values.includes(other);
        // Another field of the step (what the code does today) may allow the pair too.
        ctx.watch(field.id, () => {
          box.checked = strings(perRowMap(ctx, field.id)[name]).includes(other);
        });
        box.addEventListener('change', () => {
          const current = perRowMap(ctx, field.id);
          const set = new Set(strings(current[name]));
          if (box.checked) set.add(other);
          else set.delete(other);
          current[name] = names.filter((n) => set.has(n));
          ctx.store.changed();
          ctx.notify(field.id);
        });
        editor.append(h('span', { class: 'pick' }, box, h('label', { for: id }, other)));
      }
    } else {
      const inputId = nextId(`${field.id}-input`);
      editor = listEditor(values, `${field.label}: ${name}`, { id: inputId }, ctx, { placeholder: example(ctx, field.id, field.placeholder) }, (v) => {
        map[name] = [...v];
        ctx.store.changed();
      });
      editor.prepend(h('label', { for: inputId, class: 'visually-hidden' }, `${field.label}: ${name}`));
    }
    list.append(h('li', {}, h('span', { class: 'row-name', id: nameId, 'aria-hidden': 'true' }, icon('symbol-module'), ` ${name}`), editor));
  }
  return list;
}

export function renderField(field: GuideField, ctx: FieldContext): HTMLElement {
  const headingId = nextId(`${field.id}-heading`);
  const controlId = nextId(field.id);
  const helpId = field.help ? nextId(`${field.id}-help`) : undefined;
  // A text or list field is named by a <label for> in its heading; the others by aria-labelledby.
  const labelled = field.kind === 'text' || field.kind === 'textarea' || field.kind === 'list';
  let control: HTMLElement;
  switch (field.kind) {
    case 'text':
    case 'textarea':
      control = textInput(typeof ctx.store.answers[field.id] === 'string' ? (ctx.store.answers[field.id] as string) : '', { id: controlId, describedBy: helpId }, example(ctx, field.id, field.placeholder), (v) => {
        ctx.store.answers[field.id] = v;
        ctx.store.changed();
      }, { multiline: field.kind === 'textarea', required: field.required });
      break;
    case 'list': {
      const values = strings(ctx.store.answers[field.id]);
      ctx.store.answers[field.id] = values;
      control = listEditor(values, field.label, { id: controlId, describedBy: helpId }, ctx, { placeholder: example(ctx, field.id, field.placeholder), suggest: field.suggest }, (v) => {
        ctx.store.answers[field.id] = [...v];
        ctx.store.changed();
      });
      break;
    }
    case 'choice':
      control = choiceField(field, ctx, headingId);
      break;
    case 'table':
      control = tableField(field, ctx, headingId);
      break;
    case 'per-row':
      control = perRowField(field, ctx, headingId);
      break;
    case 'discover':
      control = discoverField(field, ctx, helpId);
      break;
    case 'edges':
      control = edgesField(field, ctx, helpId);
      break;
    case 'layers':
      control = layersField(field, ctx, helpId);
      break;
  }
  const required = field.required ? h('span', { class: 'required', 'aria-hidden': 'true', title: 'required' }, ' *') : undefined;
  return h(
    'section',
    { class: `field field-${field.kind}`, 'data-field': field.id, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, labelled ? h('label', { for: controlId }, field.label) : field.label, required),
    field.help ? h('p', { class: 'help', id: helpId }, field.help) : undefined,
    control,
  );
}
