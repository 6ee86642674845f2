// Answers → decision records, one per decision. Pure: the same answers, existing records and
// date always give the same records. Ids continue after the existing records; a decision the
// repository already has in force is never rewritten: a changed answer becomes a new
// proposed record that supersedes it, an unchanged one produces nothing. The other records
// take the status the user chose on the review page: proposed for review (the default), or
// accepted. Answers that contradict each other are conflicts: nothing is written until the
// user resolves them.

import type { GuideAnswers } from './types';
import type { DecisionRecord, DecisionStatus, Enforcement, ModuleDeclaration, UndeclaredPolicy } from '../records/types';
import { LAYERS_FIELD, choiceDecisions } from './flow';
import { choiceDraft } from './choices';
import { KEY_DECISIONS, TENANCY_DECISION } from './options';
import { cell, cellList, list, perRow, rows, text } from './answers';
import { choicesLine, decisionContext, joinAnd, technologyChoices } from './context';
import { laterChangeConsequence, shortLabel, stageConflicts, v1ConflictMessage } from './evolution';
import { TEMPLATE_MARKER, isTemplateText, templateText } from './templateText';
import { vendorPackages } from './vendors';
import { packageMatches } from '../engine/rules/packages';
import { decisionSlot, type DecisionSlot } from './slots';
import { splitDraft } from './split';
import { answerGlob } from '../model/globs';

/**
 * - `missing`: an answer is missing or unusable, so that part is not recorded (the rest is);
 * - `unchecked`: recorded, but Adrift cannot check it in code until the answer is completed;
 * - `conflict`: answers contradict each other; nothing is written until it is resolved.
 */
export type GuideProblemKind = 'missing' | 'unchecked' | 'conflict';
import { addMonths, needsReviewDate, reviewDateAfter } from '../records/review';

export interface GuideProblem {
  /** The step and answer the problem is in, so the guide can take the user there. */
  step: string;
  field: string;
  message: string;
  /** Absent: `missing`. */
  kind?: GuideProblemKind;
}

/** What the user chose to write the new records as. */
export type WriteStatus = 'proposed' | 'accepted';
export const WRITE_STATUSES: readonly WriteStatus[] = ['proposed', 'accepted'];

export function problemKind(problem: GuideProblem): GuideProblemKind {
  return problem.kind ?? 'missing';
}

/** True when the plan must not be written: some answers contradict each other. */
export function hasConflicts(plan: Pick<RecordPlan, 'problems'>): boolean {
  return plan.problems.some((p) => problemKind(p) === 'conflict');
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
  /**
   * The status of new decisions (default proposed). A record that supersedes one in force is
   * proposed whatever is chosen: accepting it retires the old record, which is a separate,
   * explicit step.
   */
  status?: WriteStatus;
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
  return answerGlob(folder);
}

function withDeciders(answers: GuideAnswers): Pick<DecisionRecord, 'deciders'> {
  const deciders = list(answers, 'deciders');
  return deciders.length ? { deciders } : {};
}

/** The rationale the user wrote in `field`, or template text asking for it. */
function rationaleOf(answers: GuideAnswers, field: string, ask: string): string {
  return text(answers, field) || templateText(ask);
}

function processDraft(answers: GuideAnswers, topics: string[]): Draft {
  return {
    title: 'Record architecture decisions as YAML records that Adrift checks',
    kind: 'general',
    ...withDeciders(answers),
    tags: ['process'],
    context: decisionContext(answers, [
      topics.length ? `The first architecture decisions are being made now: ${joinAnd(topics)}` : 'The first architecture decisions are being made now',
      'The code written after them has to keep to them, and whoever joins later has to find out why they were made',
    ]),
    decision: {
      chosen: 'Decision records in the repository, checked by Adrift',
      rationale: templateText('Say why the team keeps its decisions in the repository (for example: reviewers see a decision next to the code it governs, and drift is caught in CI rather than in a design review).'),
    },
    consequences: {
      good: [
        'Every decision is reviewed like code, in the pull request that introduces it.',
        'Accepted records with an enforce section are checked in the editor and by `adrift check` in CI.',
      ],
      bad: [
        'A changed decision is a new record that supersedes the old one, never an edit of it.',
        'Decisions with nothing to check in code stay current only through review.',
      ],
    },
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
      if (other) problems.push({ step: 'ownership', field: 'owns', kind: 'conflict', message: `"${data}" is owned by both "${other}" and "${m.slug}": data has one owner. Keep it in one module, or name the two tables apart.` });
      else owners.set(data, m.slug);
    }
  }

  const undeclaredAnswer = text(answers, 'undeclared');
  const undeclared: UndeclaredPolicy = undeclaredAnswer === 'warn' || undeclaredAnswer === 'allow' ? undeclaredAnswer : 'deny';
  const names = planned.map((m) => m.slug);
  const tenancy = TENANCY_DECISION.options.find((o) => o.id === text(answers, TENANCY_DECISION.field));
  const database = KEY_DECISIONS.find((d) => d.area === 'database');
  const db = database?.options.find((o) => o.id === text(answers, database.field));
  const folders = commonFolder(Object.values(declarations).flatMap((d) => d.paths ?? []));
  return {
    modules: planned,
    draft: {
      title: `Split the product into ${planned.length} domain module${planned.length === 1 ? '' : 's'}: ${names.join(', ')}`,
      kind: 'boundaries',
      ...withDeciders(answers),
      tags: ['modules'],
      context: decisionContext(answers, [
        `It has ${planned.length} areas of responsibility: ${planned.map((m) => (declarations[m.slug].description ? `${m.slug} (${declarations[m.slug].description})` : m.slug)).join('; ')}`,
        folders && `Their code lives under ${folders}`,
        (db || tenancy) && `They keep their data in ${db ? db.label : 'one database'}${tenancy ? ` (tenancy: ${lowerFirst(tenancy.label)})` : ''}, so nothing but the module edges keeps one module out of another's tables`,
      ]),
      decision: {
        chosen: `${planned.length} domain module${planned.length === 1 ? '' : 's'}, each owning its data and using only the modules it lists`,
        rationale: rationaleOf(answers, 'modulesRationale', 'Say why these modules and not others: what changes together, which data belongs together, who works on what.'),
      },
      consequences: moduleConsequences(declarations, undeclared),
      enforce: { undeclared, modules: declarations, ...layersOf(answers, slugOf, problems) },
    },
  };
}

/**
 * `enforce.layers` from the layers answer (rows of `modules` names and `closed`, top first):
 * a layer of module keys, or `{ modules, closed: true }` when closed. Empty layers are left
 * out; fewer than two layers with modules is no layering, so no `layers` field.
 */
function layersOf(answers: GuideAnswers, slugOf: Map<string, string>, problems: GuideProblem[]): Pick<Enforcement, 'layers'> {
  const seen = new Set<string>();
  const layers: NonNullable<Enforcement['layers']> = [];
  for (const [i, row] of rows(answers, LAYERS_FIELD).entries()) {
    const modules: string[] = [];
    for (const name of cellList(row, 'modules')) {
      const slug = slugOf.get(name);
      if (!slug) problems.push({ step: 'dependencies', field: LAYERS_FIELD, message: `Layer ${i + 1} lists "${name}", which is not a module.` });
      else if (seen.has(slug)) problems.push({ step: 'dependencies', field: LAYERS_FIELD, message: `"${name}" is in two layers; only the upper one keeps it.` });
      else {
        seen.add(slug);
        modules.push(slug);
      }
    }
    if (modules.length) layers.push(cell(row, 'closed') === 'yes' ? { modules, closed: true } : modules);
  }
  if (layers.length === 1) problems.push({ step: 'dependencies', field: LAYERS_FIELD, message: 'Only one layer has modules: layers need two or more, so the record has none.' });
  return layers.length >= 2 ? { layers } : {};
}

/** "Read load …" → "read load …" inside a sentence; names such as "GitHub" or "AWS" keep their case. */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]+\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The folder every glob starts with ("api/src"), if they share one. */
function commonFolder(globs: string[]): string | undefined {
  const dirs = globs.map((g) => g.split('/').filter((p) => p !== '' && !/[*?[{]/.test(p)));
  if (dirs.length === 0) return undefined;
  const common: string[] = [];
  for (let i = 0; dirs.every((d) => i < d.length - 1 && d[i] === dirs[0][i]); i++) common.push(dirs[0][i]);
  return common.length ? `${common.join('/')}/` : undefined;
}

/** The modules in an order where each comes after the modules it uses; `cycle` holds those no order can place. */
function dependencyOrder(declarations: Record<string, ModuleDeclaration>): { order: string[]; cycle: string[] } {
  const remaining = new Map(Object.entries(declarations).map(([name, d]) => [name, new Set((d.uses ?? []).filter((u) => u in declarations))]));
  const order: string[] = [];
  for (let placed = true; placed; ) {
    placed = false;
    for (const [name, uses] of remaining) {
      if ([...uses].every((u) => order.includes(u))) {
        order.push(name);
        remaining.delete(name);
        placed = true;
      }
    }
  }
  // What is left is in a cycle or uses one; keep only what the cycles themselves pass through.
  for (let pruned = true; pruned; ) {
    pruned = false;
    for (const name of remaining.keys()) {
      if (![...remaining.values()].some((uses) => uses.has(name))) {
        remaining.delete(name);
        pruned = true;
      }
    }
  }
  return { order, cycle: [...remaining.keys()] };
}

/** What follows from these modules, their data and their edges: the good and the cost, named. */
function moduleConsequences(declarations: Record<string, ModuleDeclaration>, undeclared: UndeclaredPolicy): DecisionRecord['consequences'] {
  const good: string[] = [];
  const bad: string[] = [];
  const owning = Object.entries(declarations).filter(([, d]) => (d.owns ?? []).length > 0);
  const ownedCount = owning.reduce((n, [, d]) => n + (d.owns?.length ?? 0), 0);
  if (ownedCount > 0) {
    const shown = owning.slice(0, 3).map(([m, d]) => `${m} owns ${(d.owns ?? []).join(', ')}`);
    good.push(`Each of the ${ownedCount} tables has one owner (${shown.join('; ')}${owning.length > 3 ? '; …' : ''}); other modules reach it through the owner's API, and Adrift flags code that touches it elsewhere.`);
  }
  const { order, cycle } = dependencyOrder(declarations);
  if (cycle.length) bad.push(`${joinAnd(cycle)} use each other in a cycle: none of them can be changed, tested or extracted alone.`);
  else if (order.length > 1) good.push(`Dependencies point one way, so the modules can be built and tested in this order: ${order.join(', ')}.`);
  if (undeclared === 'deny') good.push('An import between modules that no `uses` lists is an error in the editor and in CI, so every new dependency is a decision.');
  else if (undeclared === 'warn') bad.push('An import between modules that no `uses` lists is only a warning: the edges hold only while someone reads the warnings.');
  else bad.push('Imports between modules are not checked: only data ownership and packages are.');

  const users = new Map<string, string[]>();
  for (const [name, d] of Object.entries(declarations)) for (const u of d.uses ?? []) users.set(u, [...(users.get(u) ?? []), name]);
  const [busiest] = [...users].sort((a, b) => b[1].length - a[1].length);
  if (busiest && busiest[1].length >= 2) bad.push(`${busiest[0]} is used by ${busiest[1].length} modules (${joinAnd(busiest[1])}): a change to its API reaches all of them.`);
  const uses = (a: string, b: string) => (declarations[a].uses ?? []).includes(b);
  const apart = owning.flatMap(([a], i) => owning.slice(i + 1).filter(([b]) => !uses(a, b) && !uses(b, a)).map(([b]) => [a, b] as const))[0];
  if (apart) {
    const [a, b] = apart;
    bad.push(`Data of ${a} and ${b} (${declarations[a].owns?.[0]}, ${declarations[b].owns?.[0]}) is never joined in one query: a view across both goes through their APIs.`);
  }
  return { ...(good.length ? { good } : {}), ...(bad.length ? { bad } : {}) };
}

/** The slug of the planned module a cell names (by name or slug), if any. */
function plannedModule(modules: readonly PlannedModule[], named: string): string | undefined {
  const slug = moduleSlug(named);
  return modules.find((m) => m.name === named || m.slug === slug)?.slug;
}

interface Bought {
  capability: string;
  vendor: string;
  module?: string;
  packages: string[];
}

function buildVsBuyDraft(answers: GuideAnswers, modules: readonly PlannedModule[], problems: GuideProblem[]): Draft | undefined {
  const items: NonNullable<DecisionRecord['build_vs_buy']> = [];
  const bought: Bought[] = [];
  const problem = (message: string, kind?: GuideProblemKind) => problems.push({ step: 'build-vs-buy', field: 'buildVsBuy', message, ...(kind ? { kind } : {}) });
  for (const [i, row] of rows(answers, 'buildVsBuy').entries()) {
    const capability = cell(row, 'capability');
    const choice = cell(row, 'choice');
    if (capability === '') {
      problem(`Capability ${i + 1} needs a name.`);
      continue;
    }
    if (choice !== 'build' && choice !== 'buy') {
      problem(`Say whether to build or buy "${capability}".`);
      continue;
    }
    const vendor = choice === 'buy' ? cell(row, 'vendor') : '';
    const moduleName = cell(row, 'module');
    const module = moduleName ? plannedModule(modules, moduleName) : undefined;
    if (moduleName && !module) problem(`"${capability}" lives behind "${moduleName}", which is not a module.`, 'conflict');
    const reason = cell(row, 'reason');
    items.push({ capability, choice, ...(vendor ? { vendor } : {}), ...(module ? { module } : {}), ...(reason ? { reason } : {}) });
    if (choice !== 'buy') continue;
    const typed = cellList(row, 'packages');
    const known = vendor ? vendorPackages(vendor) : { packages: [], unknown: [] };
    const packages = typed.length ? typed : known.packages;
    bought.push({ capability, vendor: vendor || capability, ...(module ? { module } : {}), packages });
    if (!moduleName) {
      problem(`Say which module "${capability}"${vendor ? ` (${vendor})` : ''} lives behind, so its SDK stays there.`, 'unchecked');
    } else if (module && typed.length === 0 && known.unknown.length > 0) {
      problem(`Adrift does not know the SDK of ${joinAnd(known.unknown)}: type its package names for "${capability}" to keep them in ${module}.`, 'unchecked');
    }
  }
  if (items.length === 0) {
    problem('Add capabilities to record what to build and what to buy.');
    return undefined;
  }
  const onlyIn: Record<string, string[]> = {};
  for (const b of bought) {
    if (!b.module) continue;
    for (const p of b.packages) onlyIn[p] = [...new Set([...(onlyIn[p] ?? []), b.module])];
  }
  const built = items.filter((i) => i.choice === 'build');
  const boughtItems = items.filter((i) => i.choice === 'buy');
  const summary = [
    built.length ? `build ${joinAnd(built.map((i) => i.capability))}` : '',
    boughtItems.length ? `buy ${joinAnd(boughtItems.map((i) => (i.vendor ? `${i.capability} (${i.vendor})` : i.capability)))}` : '',
  ].filter(Boolean).join('; ');
  return {
    title: `Build vs buy: ${summary}`,
    kind: 'build-vs-buy',
    ...withDeciders(answers),
    tags: ['build-vs-buy'],
    context: decisionContext(answers, [
      `Capabilities weighed: ${joinAnd(items.map((i) => i.capability))}`,
      modules.length > 0 && `The domain modules they live in: ${joinAnd(modules.map((m) => m.slug))}`,
    ]),
    decision: { chosen: summary.charAt(0).toUpperCase() + summary.slice(1), rationale: buildVsBuyRationale(items) },
    consequences: buildVsBuyConsequences(items, bought),
    build_vs_buy: items,
    ...(Object.keys(onlyIn).length ? { enforce: { packages: { only_in: onlyIn } } } : {}),
  };
}

/** The per-capability reasons as one rationale; template text if any reason still is. */
function buildVsBuyRationale(items: NonNullable<DecisionRecord['build_vs_buy']>): string {
  const withReason = items.filter((i) => (i.reason ?? '') !== '');
  if (withReason.length === 0) return templateText('Say why each capability is built or bought: what makes the product different, what a vendor does better or cheaper.');
  const line = (i: (typeof items)[number]) => {
    const what = i.choice === 'buy' ? `Buy ${i.capability}${i.vendor ? ` from ${i.vendor}` : ''}` : `Build ${i.capability}`;
    return `${what}: ${lowerFirst(stripTemplate(i.reason ?? ''))}`.replace(/\.?$/, '.');
  };
  const joined = withReason.map(line).join(' ');
  return withReason.some((i) => isTemplateText(i.reason ?? '')) ? templateText(joined) : joined;
}

function stripTemplate(s: string): string {
  return isTemplateText(s) ? s.trimStart().slice(TEMPLATE_MARKER.trim().length).trimStart() : s;
}

function buildVsBuyConsequences(items: NonNullable<DecisionRecord['build_vs_buy']>, bought: Bought[]): DecisionRecord['consequences'] {
  const good: string[] = [];
  const bad: string[] = [];
  const built = items.filter((i) => i.choice === 'build').map((i) => i.capability);
  if (built.length) {
    good.push(`${joinAnd(built)} ${built.length === 1 ? 'is' : 'are'} ours to shape, with no vendor's limits or per-use fees.`);
    bad.push(`We build, run and secure ${joinAnd(built)} ourselves.`);
  }
  for (const b of bought) {
    if (b.module && b.packages.length) good.push(`${b.vendor}'s SDK (${b.packages.join(', ')}) is imported only in ${b.module}: replacing ${b.vendor} touches one module, and Adrift flags an import anywhere else.`);
    else bad.push(`${b.capability} (${b.vendor}) is not confined to a module: its SDK can spread through the code.`);
  }
  if (bought.length) bad.push(`${joinAnd(bought.map((b) => b.vendor))}: their prices, limits and outages become ours.`);
  return { ...(good.length ? { good } : {}), ...(bad.length ? { bad } : {}) };
}

/** Six months after `date` (YYYY-MM-DD): when a decision nothing checks in code is looked at again. */
export function reviewDate(date: string): string {
  return addMonths(date, 6);
}

function evolutionDraft(answers: GuideAnswers, date: string, problems: GuideProblem[]): Draft | undefined {
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
  const choices = technologyChoices(answers);
  const [first, ...later] = stages;
  const v1Conflicts = stageConflicts(first.summary, choices);
  for (const c of v1Conflicts) problems.push({ step: 'evolution', field: 'evolution', kind: 'conflict', message: v1ConflictMessage(first.stage, c) });

  const good: string[] = [];
  const neutral: string[] = [];
  // v1 is built on the spine's decisions; a pack's choices (how jobs are leased, how logs are
  // kept) are ways of using them, checked against the stages above but not listed: all of
  // them would bury the sentence.
  const spine = choices.filter((c) => c.area === TENANCY_DECISION.area || KEY_DECISIONS.some((k) => k.area === c.area));
  const technologies = spine.filter((c) => c.area !== TENANCY_DECISION.area).map((c) => shortLabel(c.chosen));
  if (v1Conflicts.length === 0 && technologies.length) good.push(`${first.stage} needs only what the technology decisions chose: ${joinAnd(technologies)}.`);
  for (const s of later) {
    neutral.push(s.trigger ? `Nothing of ${s.stage} (${s.summary}) is built before its trigger: ${lowerFirst(s.trigger)}.` : `${s.stage} (${s.summary}) has no trigger yet: say what starts it.`);
    for (const c of stageConflicts(s.summary, choices)) neutral.push(laterChangeConsequence(s.stage, c));
  }
  const reviewBy = reviewDate(date);
  neutral.push('Nothing in the code checks the evolution path: it is reviewed by its review_by date, or earlier when a trigger happens.');
  const triggered = later.filter((s) => s.trigger);
  return {
    title: `Evolve in stages: ${stages.map((s) => s.stage).join(', ')}`,
    kind: 'evolution',
    ...withDeciders(answers),
    tags: ['evolution'],
    context: decisionContext(answers, [spine.length > 0 && `${first.stage} is built on today's decisions: ${choicesLine(spine)}`]),
    decision: {
      chosen: `Build ${first.stage} now: ${first.summary}`,
      rationale: triggered.length
        ? `Each later stage waits for its trigger: ${triggered.map((s) => `${s.stage} when ${lowerFirst(s.trigger ?? '')}`).join('; ')}.`
        : templateText('Say what triggers each later stage, so nobody builds it before it is needed.'),
    },
    consequences: { ...(good.length ? { good } : {}), neutral },
    review_by: reviewBy,
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
      // Not what was decided: lifecycle (review_by moves with the day the guide runs), and the
      // context and consequences, which also describe the other decisions: changing the
      // database must not re-propose the modules because their context names it.
      if (['id', 'status', 'date', 'supersedes', 'superseded_by', 'review_by', 'context', 'consequences'].includes(key)) continue;
      out[key] = canonical((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

const LIVE: DecisionStatus[] = ['accepted', 'proposed'];

/** How the process record names a decision the guide is about to record. */
function topicOf(draft: Draft): string | undefined {
  const slot = decisionSlot(draft);
  if (!slot) return undefined;
  if (slot.startsWith('technology:')) return slot.slice('technology:'.length);
  return ({ process: undefined, tenancy: 'tenancy', modules: 'the domain modules', split: 'the deployable parts', 'build-vs-buy': 'build vs buy', evolution: 'the evolution path' } as Record<string, string | undefined>)[slot];
}

/** A bought SDK confined to a module while a technology decision rules the same package out. */
function boughtButRuledOut(buildVsBuy: Draft, drafts: readonly Draft[]): GuideProblem[] {
  const problems: GuideProblem[] = [];
  for (const pkg of Object.keys(buildVsBuy.enforce?.packages?.only_in ?? {})) {
    for (const d of drafts) {
      const rule = d.enforce?.packages?.forbid?.find((f) => packageMatches(f.name, pkg));
      if (rule) problems.push({ step: 'build-vs-buy', field: 'buildVsBuy', kind: 'conflict', message: `"${pkg}" is bought here but ruled out by "${d.title}"${rule.reason ? ` (${rule.reason})` : ''}: change the vendor or that decision.` });
    }
  }
  return problems;
}

/** The decision records the answers amount to, given the records the repository already has. */
export function planRecords(answers: GuideAnswers, options: PlanOptions): RecordPlan {
  const problems: GuideProblem[] = [];
  const drafts: Draft[] = [];
  const firstRun = options.existing.length === 0 && (options.takenIds ?? []).length === 0;
  if (text(answers, 'product') === '') problems.push({ step: 'product', field: 'product', message: 'Say what the product is: it is the context of every record.' });
  // The spine's choice decisions (tenancy first, then the key decisions) keep their place in
  // the numbering; a pack's decisions follow the evolution record.
  const { draft: modules, modules: planned } = modulesDraft(answers, problems);
  const asked = choiceDecisions(answers);
  const decisions = asked.map((c) => c.decision);
  const written = asked.map(({ decision, step, pack }) => ({ pack, draft: choiceDraft(decision, { answers, step, decisions, modules: planned, date: options.date, problems }) }));
  const [tenancy, ...keyDecisions] = written.filter((c) => !c.pack).map((c) => c.draft);
  if (tenancy) drafts.push(tenancy);
  if (modules) drafts.push(modules);
  const split = splitDraft(answers, problems);
  if (split) drafts.push({ ...split, ...withDeciders(answers) });
  for (const d of keyDecisions) if (d) drafts.push(d);
  const buildVsBuy = buildVsBuyDraft(answers, planned, problems);
  if (buildVsBuy) {
    drafts.push(buildVsBuy);
    problems.push(...boughtButRuledOut(buildVsBuy, drafts));
  }
  const evolution = evolutionDraft(answers, options.date, problems);
  if (evolution) drafts.push(evolution);
  for (const c of written) if (c.pack && c.draft) drafts.push(c.draft);
  if (firstRun) drafts.unshift(processDraft(answers, drafts.map(topicOf).filter((t): t is string => t !== undefined)));

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
    // Accepting a successor retires the record it supersedes: that stays a step of its own.
    const status: DecisionStatus = current.length ? 'proposed' : (options.status ?? 'proposed');
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

