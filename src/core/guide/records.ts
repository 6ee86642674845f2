// Answers → decision records, one per decision. Pure: the same answers, existing records and
// date always give the same records. Ids continue after the existing records; a decision the
// repository already has in force is never rewritten: a changed answer becomes a new
// proposed record that supersedes it, an unchanged one produces nothing.

import type { ChoiceOption, GuideAnswers } from './types';
import type { DecisionRecord, DecisionStatus, ForbiddenImport, ModuleDeclaration, UndeclaredPolicy } from '../records/types';
import { KEY_DECISION_AREAS, SPLIT_SIDES } from './flow';
import { TENANCY_OPTIONS, packagesRuledOut } from './options';
import { cell, cellList, list, perRow, rows, text } from './answers';
import { decisionSlot, type DecisionSlot } from './slots';
import { needsReviewDate, reviewDateAfter } from '../records/review';

export interface GuideProblem {
  /** The step and answer the problem is in, so the guide can take the user there. */
  step: string;
  field: string;
  message: string;
}

export interface RecordPlan {
  /** The records to write, ids assigned, in id order. */
  records: DecisionRecord[];
  /** Answers that could not become (part of) a record; the rest is still planned. */
  problems: GuideProblem[];
  /** Decisions the repository already records exactly as answered: nothing to write. */
  unchanged: { slot: DecisionSlot; id: number }[];
}

export interface PlanOptions {
  /** Every record in the decision log, any status. */
  existing: DecisionRecord[];
  /** The date the records carry, YYYY-MM-DD. */
  date: string;
  /** Ids held by record files too broken to read: new records never reuse them. */
  takenIds?: number[];
}

type Draft = Omit<DecisionRecord, 'id' | 'status' | 'date'>;

/** A module name as the schema wants it: lower-case words joined by dashes. */
export function moduleSlug(name: string): string {
  const slug = name
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return '';
  return /^[a-z]/.test(slug) ? slug : `m-${slug}`;
}

/** A folder answer as a glob of everything under it; globs the user wrote are kept. */
export function folderGlob(folder: string): string {
  const clean = folder.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (/[*?[{]/.test(clean)) return clean;
  return clean === '' || clean === '.' ? '**' : `${clean}/**`;
}

function optionById(options: ChoiceOption[], id: string): ChoiceOption | undefined {
  return options.find((o) => o.id === id);
}

function consideredOptions(options: ChoiceOption[]): NonNullable<DecisionRecord['options']> {
  return options.map((o) => ({
    name: o.label,
    ...(o.when ? { description: o.when } : {}),
    ...(o.pros?.length ? { pros: [...o.pros] } : {}),
    ...(o.cons?.length ? { cons: [...o.cons] } : {}),
  }));
}

function withDeciders(answers: GuideAnswers): Pick<DecisionRecord, 'deciders'> {
  const deciders = list(answers, 'deciders');
  return deciders.length ? { deciders } : {};
}

function processDraft(answers: GuideAnswers): Draft {
  return {
    title: 'Record architecture decisions as YAML records that Adrift checks',
    kind: 'general',
    ...withDeciders(answers),
    tags: ['process'],
    context: 'Decisions made in meetings and chats get lost, and code drifts away from them without anyone noticing.',
    options: [
      { name: 'Decision records in the repository, checked by Adrift', pros: ['reviewed like code', 'drift shows up in the editor and in CI'], cons: ['records must be kept current'] },
      { name: 'A wiki page', pros: ['easy to start'], cons: ['goes stale', 'nothing checks the code against it'] },
    ],
    decision: {
      chosen: 'Decision records in the repository, checked by Adrift',
      rationale: 'One YAML record per decision; accepted records with an enforce section are checked against the code.',
    },
  };
}

function tenancyDraft(answers: GuideAnswers, problems: GuideProblem[]): Draft | undefined {
  const product = text(answers, 'product');
  if (product === '') problems.push({ step: 'product', field: 'product', message: 'Say what the product is: it is the context of every record.' });
  const chosen = optionById(TENANCY_OPTIONS, text(answers, 'tenancy'));
  if (!chosen) {
    problems.push({ step: 'product', field: 'tenancy', message: 'Pick a tenancy model to record it.' });
    return undefined;
  }
  const rationale = text(answers, 'tenancyRationale');
  return {
    title: `Tenancy: ${chosen.label}`,
    kind: 'technology',
    area: 'tenancy',
    ...withDeciders(answers),
    tags: ['tenancy', 'product'],
    ...(product ? { context: product } : {}),
    options: consideredOptions(TENANCY_OPTIONS),
    decision: { chosen: chosen.label, ...(rationale ? { rationale } : {}) },
    consequences: { good: [...(chosen.pros ?? [])], bad: [...(chosen.cons ?? [])] },
  };
}

interface PlannedModule {
  name: string;
  slug: string;
}

function modulesDraft(answers: GuideAnswers, problems: GuideProblem[]): { draft?: Draft; modules: PlannedModule[] } {
  const planned: PlannedModule[] = [];
  const declarations: Record<string, ModuleDeclaration> = {};
  for (const [i, row] of rows(answers, 'modules').entries()) {
    const name = cell(row, 'name');
    const slug = moduleSlug(name);
    if (slug === '') {
      problems.push({ step: 'modules', field: 'modules', message: `Module ${i + 1} needs a name.` });
      continue;
    }
    if (declarations[slug]) {
      problems.push({ step: 'modules', field: 'modules', message: `Two modules are named "${slug}"; the second one is left out.` });
      continue;
    }
    const folders = cellList(row, 'folders');
    if (folders.length === 0) problems.push({ step: 'modules', field: 'modules', message: `Module "${name}" has no folders, so no file belongs to it yet.` });
    const description = cell(row, 'responsibility');
    declarations[slug] = { ...(description ? { description } : {}), paths: folders.map(folderGlob) };
    planned.push({ name, slug });
  }
  if (planned.length === 0) {
    problems.push({ step: 'modules', field: 'modules', message: 'Add at least one domain module to record module boundaries.' });
    return { modules: planned };
  }

  const slugOf = new Map(planned.map((m) => [m.name, m.slug]));
  const owns = perRow(answers, 'owns');
  const uses = perRow(answers, 'uses');
  for (const m of planned) {
    const owned = [...new Set(owns[m.name] ?? [])];
    if (owned.length) declarations[m.slug].owns = owned;
    const used: string[] = [];
    for (const target of uses[m.name] ?? []) {
      const targetSlug = slugOf.get(target) ?? (planned.some((p) => p.slug === target) ? target : undefined);
      if (!targetSlug) {
        problems.push({ step: 'dependencies', field: 'uses', message: `"${m.name}" uses "${target}", which is not a module.` });
      } else if (targetSlug !== m.slug && !used.includes(targetSlug)) {
        used.push(targetSlug);
      }
    }
    declarations[m.slug].uses = used;
  }
  const owners = new Map<string, string>();
  for (const m of planned) {
    for (const data of declarations[m.slug].owns ?? []) {
      const other = owners.get(data);
      if (other) problems.push({ step: 'ownership', field: 'owns', message: `"${data}" is owned by both "${other}" and "${m.slug}"; data has one owner.` });
      else owners.set(data, m.slug);
    }
  }

  const undeclaredAnswer = text(answers, 'undeclared');
  const undeclared: UndeclaredPolicy = undeclaredAnswer === 'warn' || undeclaredAnswer === 'allow' ? undeclaredAnswer : 'deny';
  const product = text(answers, 'product');
  const names = planned.map((m) => m.slug).join(', ');
  return {
    modules: planned,
    draft: {
      title: `Split the product into ${planned.length} domain module${planned.length === 1 ? '' : 's'}: ${names}`,
      kind: 'boundaries',
      ...withDeciders(answers),
      tags: ['modules'],
      ...(product ? { context: product } : {}),
      drivers: ['one owner for every piece of data', 'changes stay inside one module'],
      options: [
        { name: 'Modular monolith', pros: ['one deploy', 'refactoring across modules stays cheap'], cons: ['needs discipline at module edges'] },
        { name: 'Service per module', pros: ['independent deploys'], cons: ['operational cost too high for v1'] },
      ],
      decision: {
        chosen: 'Modular monolith',
        rationale: `Modules ${names}, each owning its data; a module uses another only where listed, which Adrift checks.`,
      },
      enforce: { undeclared, modules: declarations },
    },
  };
}

function splitDraft(answers: GuideAnswers, problems: GuideProblem[]): Draft | undefined {
  const parts = rows(answers, 'parts')
    .map((row) => ({ side: cell(row, 'side'), technology: cell(row, 'technology'), folders: cellList(row, 'folders') }))
    .filter((p) => p.technology !== '' || p.folders.length > 0);
  if (parts.length === 0) {
    problems.push({ step: 'split', field: 'parts', message: 'Add the frontend and backend parts to record the split.' });
    return undefined;
  }
  const sideLabel = (id: string) => SPLIT_SIDES.find((s) => s.id === id)?.label ?? 'Part';
  const bySide = new Map<string, string[]>();
  for (const p of parts) {
    const label = sideLabel(p.side);
    const what = p.technology || p.folders.join(', ');
    bySide.set(label, [...(bySide.get(label) ?? []), what]);
  }
  // One line per side, `; ` between sides: the overview shows each side on its own line.
  const chosen = [...bySide].map(([side, items]) => `${side}: ${items.join(' + ')}`).join('; ');

  const forbid: ForbiddenImport[] = [];
  for (const a of parts) {
    for (const b of parts) {
      if (a === b || a.side === b.side || a.side === 'shared' || b.side === 'shared') continue;
      for (const from of a.folders) {
        for (const to of b.folders) {
          forbid.push({ from: folderGlob(from), to: folderGlob(to), reason: `${sideLabel(a.side).toLowerCase()} and ${sideLabel(b.side).toLowerCase()} talk over the API only` });
        }
      }
    }
  }
  const rationale = text(answers, 'splitRationale');
  return {
    title: `Split frontend and backend: ${[...bySide.keys()].join(', ').toLowerCase()} talk over the API only`,
    kind: 'boundaries',
    ...withDeciders(answers),
    tags: ['split'],
    ...(text(answers, 'product') ? { context: text(answers, 'product') } : {}),
    options: [
      { name: chosen, pros: ['each part deploys on its own', 'one API for every client'], cons: ['an API contract to keep'] },
      { name: 'One full-stack application sharing code', pros: ['fewer moving parts'], cons: ['clients couple to server internals'] },
    ],
    decision: { chosen, ...(rationale ? { rationale } : {}) },
    ...(forbid.length ? { enforce: { imports: { forbid } } } : {}),
  };
}

function keyDecisionDrafts(answers: GuideAnswers, problems: GuideProblem[]): Draft[] {
  const drafts: Draft[] = [];
  for (const area of KEY_DECISION_AREAS) {
    const chosen = optionById(area.options, text(answers, area.field));
    if (!chosen) {
      problems.push({ step: 'decisions', field: area.field, message: `Pick a ${area.label.toLowerCase()} option to record it.` });
      continue;
    }
    const rationale = text(answers, area.rationaleField);
    const forbid = packagesRuledOut(area.options, chosen.id).map((p) => ({
      name: p.name,
      reason: `${area.label}: ruled out with ${p.option}`,
    }));
    drafts.push({
      title: `${area.label}: ${chosen.label}`,
      kind: 'technology',
      area: area.area,
      ...withDeciders(answers),
      tags: [area.area],
      ...(text(answers, 'product') ? { context: text(answers, 'product') } : {}),
      options: consideredOptions(area.options),
      decision: { chosen: chosen.label, ...(rationale ? { rationale } : {}) },
      consequences: { good: [...(chosen.pros ?? [])], bad: [...(chosen.cons ?? [])] },
      ...(forbid.length ? { enforce: { packages: { forbid } } } : {}),
    });
  }
  return drafts;
}

function buildVsBuyDraft(answers: GuideAnswers, problems: GuideProblem[]): Draft | undefined {
  const items: NonNullable<DecisionRecord['build_vs_buy']> = [];
  for (const [i, row] of rows(answers, 'buildVsBuy').entries()) {
    const capability = cell(row, 'capability');
    const choice = cell(row, 'choice');
    if (capability === '') {
      problems.push({ step: 'build-vs-buy', field: 'buildVsBuy', message: `Capability ${i + 1} needs a name.` });
      continue;
    }
    if (choice !== 'build' && choice !== 'buy') {
      problems.push({ step: 'build-vs-buy', field: 'buildVsBuy', message: `Say whether to build or buy "${capability}".` });
      continue;
    }
    const vendor = cell(row, 'vendor');
    const reason = cell(row, 'reason');
    items.push({ capability, choice, ...(choice === 'buy' && vendor ? { vendor } : {}), ...(reason ? { reason } : {}) });
  }
  if (items.length === 0) {
    problems.push({ step: 'build-vs-buy', field: 'buildVsBuy', message: 'Add capabilities to record what to build and what to buy.' });
    return undefined;
  }
  const built = items.filter((i) => i.choice === 'build').map((i) => i.capability);
  const bought = items.filter((i) => i.choice === 'buy').map((i) => i.capability);
  const summary = [built.length ? `build ${built.join(', ')}` : '', bought.length ? `buy ${bought.join(', ')}` : ''].filter(Boolean).join('; ');
  return {
    title: `Build vs buy: ${summary}`,
    kind: 'build-vs-buy',
    ...withDeciders(answers),
    tags: ['build-vs-buy'],
    ...(text(answers, 'product') ? { context: text(answers, 'product') } : {}),
    decision: { chosen: summary.charAt(0).toUpperCase() + summary.slice(1), rationale: 'Build what makes the product different; buy the rest.' },
    build_vs_buy: items,
  };
}

function evolutionDraft(answers: GuideAnswers, problems: GuideProblem[]): Draft | undefined {
  const stages: NonNullable<DecisionRecord['evolution']> = [];
  for (const [i, row] of rows(answers, 'evolution').entries()) {
    const stage = cell(row, 'stage') || `v${i + 1}`;
    const summary = cell(row, 'summary');
    if (summary === '') {
      problems.push({ step: 'evolution', field: 'evolution', message: `Say what changes in ${stage}.` });
      continue;
    }
    const trigger = cell(row, 'trigger');
    stages.push({ stage, summary, ...(trigger ? { trigger } : {}) });
  }
  if (stages.length === 0) {
    problems.push({ step: 'evolution', field: 'evolution', message: 'Add the stages of the evolution path to record it.' });
    return undefined;
  }
  return {
    title: `Evolve in stages: ${stages.map((s) => s.stage).join(', ')}`,
    kind: 'evolution',
    ...withDeciders(answers),
    tags: ['evolution'],
    ...(text(answers, 'product') ? { context: text(answers, 'product') } : {}),
    decision: { chosen: `Build ${stages[0].stage} now: ${stages[0].summary}`, rationale: 'Each later stage starts when its trigger happens, not before.' },
    evolution: stages,
  };
}

/** Equal content (ignoring identity and lifecycle) means the answer changed nothing. */
function sameContent(a: Draft, b: DecisionRecord): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (['id', 'status', 'date', 'supersedes', 'superseded_by', 'review_by'].includes(key)) continue;
      out[key] = canonical((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

const LIVE: DecisionStatus[] = ['accepted', 'proposed'];

/** The decision records the answers amount to, given the records the repository already has. */
export function planRecords(answers: GuideAnswers, options: PlanOptions): RecordPlan {
  const problems: GuideProblem[] = [];
  const drafts: Draft[] = [];
  const firstRun = options.existing.length === 0 && (options.takenIds ?? []).length === 0;
  if (firstRun) drafts.push(processDraft(answers));
  const tenancy = tenancyDraft(answers, problems);
  if (tenancy) drafts.push(tenancy);
  const { draft: modules } = modulesDraft(answers, problems);
  if (modules) drafts.push(modules);
  const split = splitDraft(answers, problems);
  if (split) drafts.push(split);
  drafts.push(...keyDecisionDrafts(answers, problems));
  const buildVsBuy = buildVsBuyDraft(answers, problems);
  if (buildVsBuy) drafts.push(buildVsBuy);
  const evolution = evolutionDraft(answers, problems);
  if (evolution) drafts.push(evolution);

  // The newest live record of a slot is the one a new answer replaces; for modules, every live
  // record declaring modules, because the guide's record declares the whole set again.
  const inForce = new Map<DecisionSlot, DecisionRecord[]>();
  for (const record of [...options.existing].sort((a, b) => a.id - b.id)) {
    const slot = decisionSlot(record);
    if (!slot || !LIVE.includes(record.status)) continue;
    inForce.set(slot, slot === 'modules' ? [...(inForce.get(slot) ?? []), record] : [record]);
  }

  let nextId = Math.max(0, ...options.existing.map((r) => r.id), ...(options.takenIds ?? [])) + 1;
  const records: DecisionRecord[] = [];
  const unchanged: RecordPlan['unchanged'] = [];
  for (const draft of drafts) {
    const slot = decisionSlot(draft);
    const current = slot ? (inForce.get(slot) ?? []) : [];
    if (slot && current.length === 1 && sameContent(draft, current[0])) {
      unchanged.push({ slot, id: current[0].id });
      continue;
    }
    const status: DecisionStatus = firstRun ? 'accepted' : 'proposed';
    const { title, ...rest } = draft;
    records.push({
      id: nextId++,
      title,
      status,
      date: options.date,
      ...rest,
      ...(current.length ? { supersedes: current.map((r) => r.id) } : {}),
    });
  }
  // A choice no rule checks in code comes back for review a year on (lint asks for it).
  for (const r of records) if (r.review_by === undefined && needsReviewDate(r)) r.review_by = reviewDateAfter(options.date);
  return { records, problems, unchanged };
}

