// Adopting Adrift on code that exists: the modules the user kept become one boundaries
// record; each pair of modules that imports today is allowed in it, baselined (accepted for
// now, with a reason and an expiry) or left to be flagged. The plan is judged by the engine
// under the model the log folds to with the record accepted, so the first check after it
// reports exactly the flagged findings: the same code, the same rules, nothing guessed.

import { addToBaseline, applyBaseline, entryFor, type Baseline, type BaselineEntry } from '../engine/baseline';
import type { WorkspaceIndex } from '../engine/index';
import type { Finding, RuleId } from '../findings';
import { recordPath } from '../guide/write';
import { foldModel } from '../model/fold';
import { parseRecord } from '../records/parse';
import { recordToYaml } from '../records/serialize';
import type { DecisionLog, DecisionRecord, DecisionStatus } from '../records/types';
import type { EdgeStats } from './edges';
import { listedPairs as listed, type ModuleEdge, type ProposedModule } from './model';

/** What to do with the imports of one pair of modules that exist today. */
export type EdgeChoice = 'allow' | 'baseline' | 'flag';
export const EDGE_CHOICES: readonly EdgeChoice[] = ['allow', 'baseline', 'flag'];

export interface EdgeDecision extends ModuleEdge {
  choice: EdgeChoice;
}

export interface AdoptionInput {
  /** The modules as the user kept, merged or renamed them. */
  modules: readonly ProposedModule[];
  /** Today's imports between them (edgeStats). */
  stats: EdgeStats;
  /** A choice per pair; pairs not listed take `otherwise`. */
  choices?: readonly EdgeDecision[];
  /** `allow`: every edge that exists today is allowed. */
  otherwise: EdgeChoice;
  /**
   * Pairs chosen `allow` that would make the allowed uses a cycle are not allowed: their
   * imports (and the cycle findings) are baselined (default) or flagged. A cycle finding on
   * a baselined or flagged pair follows the pair.
   */
  cycles?: 'baseline' | 'flag';
  /** Why baselined findings are accepted and until when (YYYY-MM-DD). */
  baseline: { reason: string; expires?: string };
  /** The workspace's baseline file as it is, if there is one: its entries stay, and findings they cover are not added again. */
  previousBaseline?: Baseline;
  /** YYYY-MM-DD, for the previous baseline's expiry; default the record's date. */
  today?: string;
  record: {
    id: number;
    date: string;
    /** Default proposed: the team reviews and accepts it. */
    status?: Extract<DecisionStatus, 'proposed' | 'accepted'>;
    title?: string;
    deciders?: string[];
    /** One sentence on where the modules came from, for the record's context. */
    discoveredFrom?: string;
  };
}

export interface AdoptionPlan {
  record: DecisionRecord;
  /** Workspace-relative path of the new record in the log's folder. */
  recordPath: string;
  recordText: string;
  /** The pairs the record allows. */
  allowed: ModuleEdge[];
  /**
   * Pairs chosen `allow` that the record does not allow, because with them the allowed uses
   * would go round in a cycle (modules that may all use each other are one module): their
   * imports are baselined or flagged as `cycles` says.
   */
  cycleBreaks: ModuleEdge[];
  /** The choice that holds for each pair that imports today, cycle breaks included, in the order of `stats.edges`. */
  decisions: EdgeDecision[];
  /** New baseline entries for the findings the user chose to accept for now. */
  baselineEntries: BaselineEntry[];
  /** The whole baseline to write (the previous entries and the new ones); undefined when no entry is new. */
  baseline: Baseline | undefined;
  /** What the first check after accepting the record reports: the findings the user chose to flag. */
  flagged: Finding[];
}

export const ADOPTION_TITLE = 'Record the module boundaries the code has today';
/** Findings the plan decides about: the module edges it allows or not. */
const EDGE_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['module-dependency', 'module-cycle']);

/** The choice for one pair. */
export function choiceFor(input: Pick<AdoptionInput, 'choices' | 'otherwise'>, edge: ModuleEdge): EdgeChoice {
  return input.choices?.find((c) => c.from === edge.from && c.to === edge.to)?.choice ?? input.otherwise;
}

export function planAdoption(index: WorkspaceIndex, log: DecisionLog, input: AdoptionInput): AdoptionPlan {
  const { allowed, cycleBreaks } = acyclicAllowed(input);
  const decided = { ...input, choices: [...cycleBreaks.map((e) => ({ ...e, choice: input.cycles ?? 'baseline' })), ...(input.choices ?? [])] };
  const record = adoptionRecord(decided, allowed, cycleBreaks);
  const path = recordPath(log.folderRelative, record);
  const text = recordToYaml(record, 'Written by `adrift init --from-code` from the modules and imports the code has today. Accept it (status: accepted) to check them.');
  // The model the check will fold once the record is accepted: the log's accepted records with this one on top.
  const model = foldModel([...log.records, parseRecord(path, text)], { preview: [record.id] });
  const baselineEntries: BaselineEntry[] = [];
  const flagged: Finding[] = [];
  // The edges between the record's modules, whichever record the finding cites (an older one may set `undeclared`).
  const names = new Set(input.modules.map((m) => m.name));
  const ours = index.findingsUnder(model).filter((f) => EDGE_RULES.has(f.rule) && names.has(f.fromModule ?? '') && names.has(f.toModule ?? ''));
  // What the existing baseline already accepts stays accepted, by its own entry.
  const open = input.previousBaseline ? applyBaseline(ours, input.previousBaseline, input.today ?? input.record.date).kept : ours;
  for (const f of open) {
    if (f.fromModule === undefined || f.toModule === undefined) continue;
    const choice = choiceFor(decided, { from: f.fromModule, to: f.toModule });
    const accept = choice === 'baseline';
    if (accept) baselineEntries.push(entryFor(f, input.baseline.reason, input.baseline.expires));
    else flagged.push(f);
  }
  const baseline = baselineEntries.length > 0 ? addToBaseline(input.previousBaseline, baselineEntries) : undefined;
  const decisions = input.stats.edges.map((e) => ({ from: e.from, to: e.to, choice: choiceFor(decided, e) }));
  return { record, recordPath: path, recordText: text, allowed, cycleBreaks, decisions, baselineEntries, baseline, flagged };
}

/**
 * The pairs chosen `allow`, most imports first, each allowed unless the pairs allowed so far
 * (`already` allowed ones included: the accepted `uses` when syncing) lead back from its
 * target to its source: the heavier direction of a cycle is allowed, the lighter one is the
 * cycle to break. `allowed` holds only pairs of `input.stats`.
 */
export function acyclicAllowed(input: Pick<AdoptionInput, 'stats' | 'choices' | 'otherwise'>, already: readonly ModuleEdge[] = []): { allowed: ModuleEdge[]; cycleBreaks: ModuleEdge[] } {
  const allowed: ModuleEdge[] = [];
  const cycleBreaks: ModuleEdge[] = [];
  for (const e of input.stats.edges) {
    if (choiceFor(input, e) !== 'allow') continue;
    const edge = { from: e.from, to: e.to };
    (pathAlong([...already, ...allowed], e.to, e.from) ? cycleBreaks : allowed).push(edge);
  }
  return { allowed, cycleBreaks };
}

/** The shortest path of modules from `from` to `to` along `edges` (`[from, …, to]`), or undefined. */
export function pathAlong(edges: readonly ModuleEdge[], from: string, to: string): string[] | undefined {
  const previous = new Map<string, string | undefined>([[from, undefined]]);
  const queue = [from];
  while (queue.length > 0) {
    const m = queue.shift()!;
    if (m === to) {
      const path: string[] = [];
      for (let at: string | undefined = m; at !== undefined; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const e of edges) {
      if (e.from !== m || previous.has(e.to)) continue;
      previous.set(e.to, m);
      queue.push(e.to);
    }
  }
  return undefined;
}

function adoptionRecord(input: AdoptionInput, allowed: readonly ModuleEdge[], cycleBreaks: readonly ModuleEdge[]): DecisionRecord {
  const pairs = input.stats.edges;
  const imports = pairs.reduce((n, e) => n + e.count, 0);
  const counted = (choice: EdgeChoice) => pairs.filter((e) => choiceFor(input, e) === choice);
  const isBreak = (e: ModuleEdge) => cycleBreaks.some((b) => b.from === e.from && b.to === e.to);
  const baselined = counted('baseline').filter((e) => !isBreak(e));
  const flagged = counted('flag').filter((e) => !isBreak(e));
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const context = [
    input.record.discoveredFrom ?? `The modules were discovered from the code.`,
    `Today ${plural(imports, 'import')} cross between them, in ${plural(pairs.length, 'pair')} of modules` +
      (input.stats.cycles.length > 0 ? `; ${input.stats.cycles.map((c) => c.join(', ')).join(' and ')} depend on each other in a cycle.` : '.'),
    `This record allows ${plural(allowed.length, 'pair')}` +
      (baselined.length > 0 ? `; the imports of ${plural(baselined.length, 'other pair')} (${listed(baselined)}) are accepted for now in the baseline (${input.baseline.reason}${input.baseline.expires ? `, until ${input.baseline.expires}` : ''})` : '') +
      (flagged.length > 0 ? `; the imports of ${listed(flagged)} are violations to fix` : '') +
      '.',
    ...(cycleBreaks.length > 0
      ? [
          `${listed(cycleBreaks)} ${cycleBreaks.length === 1 ? 'is' : 'are'} not allowed: with the other allowed pairs ${cycleBreaks.length === 1 ? 'it' : 'each'} would close a cycle, and modules that may all use each other are one module; ` +
            ((input.cycles ?? 'baseline') === 'baseline' ? `${cycleBreaks.length === 1 ? 'its' : 'their'} imports are accepted for now in the baseline.` : `${cycleBreaks.length === 1 ? 'its' : 'their'} imports are violations to fix.`),
        ]
      : []),
  ].join(' ');
  const modules: NonNullable<NonNullable<DecisionRecord['enforce']>['modules']> = {};
  for (const m of input.modules) {
    const uses = allowed.filter((e) => e.from === m.name).map((e) => e.to);
    modules[m.name] = { ...(m.description !== undefined ? { description: m.description } : {}), paths: [...m.paths], ...(uses.length > 0 ? { uses } : {}) };
  }
  return {
    id: input.record.id,
    title: input.record.title ?? ADOPTION_TITLE,
    status: input.record.status ?? 'proposed',
    date: input.record.date,
    kind: 'boundaries',
    deciders: input.record.deciders ?? [],
    tags: ['modules', 'adopted'],
    context,
    options: [
      { name: 'Record the boundaries the code has today', pros: ['the first check shows only what was chosen to flag', 'every new dependency between modules needs a decision'], cons: ['allowed dependencies are not all wanted ones'] },
      { name: 'Redesign the modules before recording them', pros: ['the record says what the team wants'], cons: ['hundreds of findings before the first useful check'] },
    ],
    decision: {
      chosen: 'Record the boundaries the code has today',
      rationale: 'Start from what is true, then tighten: the baseline says what is accepted for now and until when, and `adrift sync` proposes the next step when the code moves.',
    },
    enforce: { modules },
  };
}
