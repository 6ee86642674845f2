// The two fields of adopting Adrift on existing code. "Discover from code" (modules step):
// the host proposes modules from the workspace, ranked, each with its folders and file count;
// the user keeps, renames, merges or drops them and adds the kept ones to the modules table.
// "What the code does today" (dependencies step): the imports between every pair of the
// chosen modules, the files with most of them (each opens in the editor), cycles marked, and
// per pair: allow, baseline with a reason and an expiry, or report as drift. The host computes
// all of it; the state changes are ./adopt.ts. Native controls, named for screen readers.

import type { EdgesResult, GuideField, ModuleOfAnswers, PairImports, TableRow } from '../../src/protocol/guide';
import { addToTable, allowAll, baselineOf, keptModules, mergeInto, mergeTargets, pairChoice, proposalRows, readProposals, setBaselineDetail, setKept, setPairChoice, type PairAnswers, type PairChoice } from './adopt';
import { button, h, icon, present } from './dom';
import { emptyRow, nextId, strings, type FieldContext } from './fields';

type DiscoverField = Extract<GuideField, { kind: 'discover' }>;
type EdgesField = Extract<GuideField, { kind: 'edges' }>;
type TableField = Extract<GuideField, { kind: 'table' }>;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function tableOf(ctx: FieldContext, id: string): TableField | undefined {
  for (const step of ctx.flow.steps) for (const f of step.fields) if (f.id === id && f.kind === 'table') return f;
  return undefined;
}

// ---- Discover from code ----

export function discoverField(field: DiscoverField, ctx: FieldContext, describedBy: string | undefined): HTMLElement {
  const root = h('div', { class: 'discover' });
  let error: string | undefined;
  let busy = false;

  const discover = async () => {
    if (busy) return;
    busy = true;
    error = undefined;
    draw();
    try {
      const result = await ctx.code.discover();
      ctx.store.answers[field.id] = proposalRows(result.proposals);
      ctx.store.changed();
      ctx.announce(result.proposals.length ? `${plural(result.proposals.length, 'module')} proposed from the code.` : 'The code suggests no modules.');
    } catch (err) {
      error = message(err);
    }
    busy = false;
    draw();
    root.querySelector<HTMLElement>('.proposal input[type=checkbox], #discover')?.focus();
  };

  const add = () => {
    const rows = readProposals(ctx.store.answers[field.id]);
    const table = tableOf(ctx, field.into.field);
    if (!table) return;
    const existing = ctx.store.answers[field.into.field];
    const tableRows = (Array.isArray(existing) ? existing : []) as TableRow[];
    ctx.store.answers[field.into.field] = tableRows;
    const { added, extended } = addToTable(tableRows, keptModules(rows), { name: field.into.name, folders: field.into.folders }, () => emptyRow(table));
    delete ctx.store.answers[field.id];
    ctx.store.changed();
    ctx.redraw();
    ctx.announce(`${plural(added, 'module')} added${extended ? `, ${plural(extended, 'module')} given more folders` : ''}.`);
    document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.into.field)}"] .rows > .row input`)?.focus();
  };

  const dismiss = () => {
    delete ctx.store.answers[field.id];
    ctx.store.changed();
    draw();
    root.querySelector<HTMLElement>('#discover')?.focus();
  };

  const draw = () => {
    const rows = readProposals(ctx.store.answers[field.id]);
    if (busy) {
      root.replaceChildren(h('p', { role: 'status' }, icon('loading', 'loading'), ' Reading the workspace…'));
      return;
    }
    const errorLine = error ? h('p', { class: 'error', role: 'alert' }, icon('error'), ` ${error}`) : undefined;
    if (!Array.isArray(ctx.store.answers[field.id])) {
      root.replaceChildren(...present(h('div', { class: 'actions' }, button('Discover from code', () => void discover(), { icon: 'search', id: 'discover', secondary: true })), errorLine));
      return;
    }
    if (rows.length === 0) {
      root.replaceChildren(h('p', { class: 'empty' }, icon('info'), ' The code suggests no modules: no workspace packages, and no folders with source files under src, app, packages or services.'), h('div', { class: 'actions' }, button('Discover again', () => void discover(), { icon: 'refresh', secondary: true, id: 'discover' }), button('Dismiss', dismiss, { secondary: true })));
      return;
    }
    const kept = keptModules(rows);
    const list = h('div', { class: 'proposals', role: 'group', 'aria-label': 'Modules proposed from the code', 'aria-describedby': describedBy });
    rows.forEach((row, i) => list.append(proposalRow(row, i, rows)));
    root.replaceChildren(...present(
      h('p', {}, `${plural(rows.length, 'module')} proposed from the code, most files first. ${plural(kept.length, 'module')} will be added.`),
      list,
      errorLine,
      h('div', { class: 'actions' },
        button(`Add ${plural(kept.length, 'module')} to the modules`, add, { icon: 'add', id: 'add-proposals', disabled: kept.length === 0 }),
        button('Discover again', () => void discover(), { icon: 'refresh', secondary: true, id: 'discover' }),
        button('Dismiss', dismiss, { secondary: true, id: 'dismiss-proposals' })),
    ));
  };

  const proposalRow = (row: ReturnType<typeof readProposals>[number], i: number, rows: ReturnType<typeof readProposals>): HTMLElement => {
    const titleId = nextId(`${field.id}-proposal`);
    const save = () => {
      ctx.store.answers[field.id] = rows;
      ctx.store.changed();
    };
    const keepId = nextId(`${field.id}-keep`);
    const keepLabel = nextId(`${field.id}-keep-label`);
    const keep = h('input', { type: 'checkbox', id: keepId, 'aria-labelledby': `${keepLabel} ${titleId}`, 'data-proposal': row.id });
    keep.checked = row.keep === 'yes';
    keep.addEventListener('change', () => {
      setKept(rows, row.id, keep.checked);
      save();
      draw();
      root.querySelector<HTMLElement>(`input[type=checkbox][data-proposal="${CSS.escape(row.id)}"]`)?.focus();
    });
    const nameLabel = nextId(`${field.id}-name-label`);
    const nameId = nextId(`${field.id}-name`);
    const name = h('input', { type: 'text', class: 'input', id: nameId, 'aria-labelledby': `${titleId} ${nameLabel}`, disabled: row.keep !== 'yes' || row.into !== '' });
    name.value = row.name;
    name.addEventListener('input', () => {
      row.name = name.value;
      save();
    });
    // Redraw once the name is settled, so the merge lists show it.
    name.addEventListener('change', () => {
      draw();
      root.querySelector<HTMLElement>(`#${CSS.escape(nameId)}`)?.focus();
    });
    const mergeLabel = nextId(`${field.id}-merge-label`);
    const mergeId = nextId(`${field.id}-merge`);
    const merge = h('select', { class: 'input select', id: mergeId, 'aria-labelledby': `${titleId} ${mergeLabel}`, disabled: row.keep !== 'yes' });
    merge.append(h('option', { value: '' }, 'Not merged: a module of its own'));
    for (const t of mergeTargets(rows, row.id)) merge.append(h('option', { value: t.id, selected: t.id === row.into }, t.name.trim() || t.id));
    merge.value = row.into;
    merge.addEventListener('change', () => {
      mergeInto(rows, row.id, merge.value);
      save();
      draw();
      root.querySelector<HTMLElement>(`#${CSS.escape(mergeId)}`)?.focus();
    });
    const target = rows.find((r) => r.id === row.into);
    const state = row.keep !== 'yes' ? 'dropped' : target ? `merged into ${target.name.trim() || target.id}` : 'kept';
    return h('div', { class: `proposal proposal-${row.keep !== 'yes' ? 'dropped' : row.into ? 'merged' : 'kept'}`, role: 'group', 'aria-labelledby': titleId, 'data-proposal': row.id },
      h('div', { class: 'proposal-head' },
        keep,
        h('label', { for: keepId, id: keepLabel, class: 'proposal-keep' }, 'Keep'),
        h('span', { class: 'row-title', id: titleId }, `Proposal ${i + 1}`),
        h('span', { class: 'proposal-state' }, ` — ${state}`)),
      h('p', { class: 'proposal-facts' }, icon('folder'), ` ${row.folders.join(', ')}`, h('span', { class: 'proposal-files' }, ` · ${plural(Number.parseInt(row.files, 10) || 0, 'file')}`), row.source ? h('span', { class: 'help' }, ` · ${row.source}`) : undefined),
      h('div', { class: 'cell' }, h('label', { class: 'cell-label', id: nameLabel, for: nameId }, 'Name'), name),
      h('div', { class: 'cell' }, h('label', { class: 'cell-label', id: mergeLabel, for: mergeId }, 'Merge into'), merge),
    );
  };

  draw();
  return root;
}

// ---- What the code does today ----

/** The modules of the answers' table as the host takes them: named rows with their folders. */
export function modulesOfAnswers(ctx: FieldContext, field: EdgesField): ModuleOfAnswers[] {
  const source = ctx.store.answers[field.rowsOf.field];
  const rows = (Array.isArray(source) ? source : []) as TableRow[];
  const seen = new Set<string>();
  const out: ModuleOfAnswers[] = [];
  for (const r of rows) {
    const name = typeof r[field.rowsOf.column] === 'string' ? (r[field.rowsOf.column] as string).trim() : '';
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, folders: strings(r[field.rowsOf.folders]).map((f) => f.trim()).filter(Boolean) });
  }
  return out;
}

const CHOICES: { choice: PairChoice; label: string }[] = [
  { choice: 'allow', label: 'Allow' },
  { choice: 'baseline', label: 'Baseline' },
  { choice: 'drift', label: 'Report as drift' },
];

export function edgesField(field: EdgesField, ctx: FieldContext, describedBy: string | undefined): HTMLElement {
  const where: PairAnswers = { allow: field.allow, baseline: field.id };
  const root = h('div', { class: 'edges', 'aria-describedby': describedBy });
  const modules = modulesOfAnswers(ctx, field);
  if (modules.length < 2) {
    root.append(h('p', { class: 'empty' }, icon('info'), ' Add two modules or more, with their folders, to see the imports between them.'));
    return root;
  }
  root.append(h('p', { role: 'status' }, icon('loading', 'loading'), ' Reading the imports between the modules…'));
  ctx.code.edges(modules).then(
    (result) => root.replaceChildren(...edgesBody(result, field, where, ctx)),
    (err: unknown) => root.replaceChildren(h('p', { class: 'error', role: 'alert' }, icon('error'), ` ${message(err)}`)),
  );
  return root;
}

function pairName(p: { from: string; to: string }): string {
  return `${p.from} → ${p.to}`;
}

function edgesBody(result: EdgesResult, field: EdgesField, where: PairAnswers, ctx: FieldContext): (Node | string)[] {
  const syncs: (() => void)[] = [];
  const sync = () => {
    for (const s of syncs) s();
  };
  ctx.watch(field.allow, sync);
  const inCycles = result.pairs.filter((p) => p.inCycle).length;
  const summary = result.pairs.length
    ? `${plural(result.pairs.length, 'pair')} of modules import${result.pairs.length === 1 ? 's' : ''} the other today${inCycles ? ` (${inCycles} in a cycle)` : ''}; ${plural(result.quietPairs, 'pair')} import${result.quietPairs === 1 ? 's' : ''} nothing.`
    : 'No module imports another today.';
  const allow = button('Allow every edge that exists today', () => {
    const changed = allowAll(ctx.store.answers, where, result.pairs, result.defaults);
    ctx.store.changed();
    sync();
    ctx.notify(field.allow);
    const cycles = changed.baselined ? ` ${plural(changed.baselined, 'pair')} that would close a cycle baselined.` : '';
    ctx.announce(changed.allowed || changed.baselined ? `${plural(changed.allowed, 'more pair')} allowed: every edge that exists today.${cycles}` : 'Every edge that exists today was allowed already.');
  }, { icon: 'check-all', id: 'allow-all', disabled: result.pairs.length === 0 });
  const cycles = result.cycles.length
    ? h('div', { class: 'cycles', role: 'note' },
        h('p', { class: 'warning' }, icon('sync'), ` ${plural(result.cycles.length, 'cycle')} between modules today. Allowing every pair of a cycle declares uses that go round, which Adrift warns about, and the cycle is still reported in the code: baseline one of its pairs to accept it for now.`),
        h('ul', {}, ...result.cycles.map((c) => h('li', {}, `${c.join(', ')} depend on each other`))))
    : undefined;
  const pairs = h('ul', { class: 'pairs-today', 'aria-label': 'Imports between modules today' }, ...result.pairs.map((p) => pairItem(p, result, where, field, ctx, syncs)));
  return present(
    h('p', {}, summary, result.scanned ? '' : ' The workspace is still being scanned: the counts may grow.'),
    h('div', { class: 'actions' }, allow),
    cycles,
    result.pairs.length ? pairs : undefined,
  );
}

function pairItem(p: PairImports, result: EdgesResult, where: PairAnswers, field: EdgesField, ctx: FieldContext, syncs: (() => void)[]): HTMLElement {
  const name = pairName(p);
  const titleId = nextId(`${field.id}-pair`);
  const files = h('ul', { class: 'pair-files', 'aria-label': `Files of ${p.from} with most imports of ${p.to}` }, ...p.files.map((f) => {
    const link = h('a', { href: '#', class: 'file-link', title: `Open ${f.file}`, 'aria-label': `Open ${f.file}, ${plural(f.imports, 'import')}` }, icon('file'), ` ${f.file}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      ctx.code.open(f.file);
    });
    return h('li', {}, link, h('span', { class: 'help' }, ` ${plural(f.imports, 'import')}`));
  }));
  const group = h('div', { role: 'radiogroup', class: 'pair-choice', 'aria-label': `What to do with ${name}` });
  const radioName = nextId(`${field.id}-choice`);
  const radios = new Map<PairChoice, HTMLInputElement>();
  for (const c of CHOICES) {
    const id = nextId(`${field.id}-${c.choice}`);
    const radio = h('input', { type: 'radio', id, name: radioName, value: c.choice, 'data-choice': c.choice });
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      setPairChoice(ctx.store.answers, where, p.from, p.to, c.choice, result.defaults);
      ctx.store.changed();
      draw();
      ctx.notify(field.allow);
    });
    radios.set(c.choice, radio);
    group.append(h('span', { class: 'pair-option' }, radio, h('label', { for: id }, c.label)));
  }
  const details = h('div', { class: 'pair-baseline' });
  const item = h('li', { class: 'pair-today', role: 'group', 'aria-labelledby': titleId, 'data-from': p.from, 'data-to': p.to });
  let shown: PairChoice | undefined;
  const draw = () => {
    const choice = pairChoice(ctx.store.answers, where, p.from, p.to);
    for (const [c, radio] of radios) radio.checked = c === choice;
    item.dataset.choice = choice;
    if (choice === shown) return;
    shown = choice;
    details.replaceChildren(...(choice === 'baseline' ? baselineInputs(p, where, ctx, name) : []));
  };
  syncs.push(draw);
  item.append(
    h('div', { class: 'pair-head' },
      h('span', { class: 'pair-title', id: titleId }, p.from, ' ', icon('arrow-right', 'uses'), ' ', p.to),
      h('span', { class: 'pair-count' }, ` ${plural(p.imports, 'import')} in ${plural(p.fileCount, 'file')}`),
      p.inCycle ? h('span', { class: 'pair-cycle warning' }, ' ', icon('sync'), p.closesCycle ? ' in a cycle, its lighter direction: "Allow every edge" baselines it' : ' in a cycle') : undefined),
    files,
    group,
    details,
  );
  draw();
  return item;
}

function baselineInputs(p: PairImports, where: PairAnswers, ctx: FieldContext, name: string): HTMLElement[] {
  const row = baselineOf(ctx.store.answers, where, p.from, p.to);
  const reasonId = nextId('baseline-reason');
  const expiresId = nextId('baseline-expires');
  const reason = h('input', { type: 'text', class: 'input', id: reasonId, 'aria-label': `Reason for ${name}`, 'aria-required': 'true' });
  reason.value = row?.reason ?? '';
  reason.addEventListener('input', () => {
    setBaselineDetail(ctx.store.answers, where, p.from, p.to, { reason: reason.value });
    ctx.store.changed();
  });
  const expires = h('input', { type: 'date', class: 'input', id: expiresId, 'aria-label': `Expiry of ${name}` });
  expires.value = row?.expires ?? '';
  expires.addEventListener('input', () => {
    setBaselineDetail(ctx.store.answers, where, p.from, p.to, { expires: expires.value });
    ctx.store.changed();
  });
  return [
    h('div', { class: 'cell' }, h('label', { class: 'cell-label', for: reasonId }, 'Why these imports are accepted for now'), reason),
    h('div', { class: 'cell' }, h('label', { class: 'cell-label', for: expiresId }, 'Until (then they are reported again)'), expires),
  ];
}
