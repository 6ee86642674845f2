// Sync without overwriting intent: the accepted boundaries against today's imports. New
// edges (imports no decision allows) and allowances no import uses any more become one new
// **proposed** record. Nothing accepted is edited: the model only ever adds `uses`, so
// dropping one means superseding every accepted record that grants it; the proposed
// successor restates what those records enforce, without the unused allowances and with the
// new edges, and they stay in force until it is accepted. A new edge that would close a
// cycle of allowed dependencies, or that the layers forbid, is left out and said so: a `uses`
// for it would not end its findings (a module cycle is reported however it is allowed; a
// layer breach whatever `uses` says) and would itself be a record finding.

import { applyBaseline, todayIso, type Baseline } from '../engine/baseline';
import type { EdgeImport, WorkspaceIndex } from '../engine/index';
import { recordPath } from '../guide/write';
import type { ArchitectureModel } from '../model/types';
import type { DecisionLog, DecisionRecord, Enforcement, LoadedRecord, ModuleDeclaration } from '../records/types';
import { recordToYaml } from '../records/serialize';
import { layerBreach } from '../engine/rules/layer-dependency';
import { Layering, mayUse } from '../model/layers';
import { summariseEdges, type EdgeStat } from './edges';
import { listedPairs, type ModuleEdge } from './model';
import { acyclicAllowed, pathAlong } from './plan';
import { compareText } from '../order';

export interface UnusedAllowance extends ModuleEdge {
  /** Ids of the accepted records that grant it. */
  grantedBy: number[];
}

/** A pair that imports today, no decision allows, and a `uses` could not make right. */
export interface LeftOutEdge extends EdgeStat {
  /**
   * `cycle`: with the allowances that stay and the new edges proposed, allowing it would let
   * the modules of `cycle` all use each other; `layers`: the layers forbid it (`breach` says how).
   */
  reason: 'cycle' | 'layers';
  /** For `cycle`: the modules from `from` round to `from` again (`[from, to, …, from]`). */
  cycle?: string[];
  /** For `layers`: `layer "db" may not use layer "api", which is above it`, and the record of the layers. */
  breach?: string;
  layersDecision?: number;
}

export interface SyncReport {
  /** Pairs that import today although no decision allows them (imports the baseline accepts left out), to allow. */
  newEdges: EdgeStat[];
  /** Such pairs that are not proposed: allowing them would close a cycle of allowed dependencies, or the layers forbid them. */
  leftOut: LeftOutEdge[];
  /** Pairs whose unallowed imports the baseline accepts for now: known debt, not proposed. */
  baselined: EdgeStat[];
  /** Allowed pairs no import uses any more. */
  unused: UnusedAllowance[];
}

export interface SyncProposal extends SyncReport {
  /**
   * The id of a proposed record already in the log that enforces and supersedes exactly what
   * this one would (sync ran before and nobody has decided yet): write nothing, review that one.
   */
  pending?: number;
  record: DecisionRecord;
  /** Workspace-relative path of the new record. */
  recordPath: string;
  recordText: string;
}

export interface CompareOptions {
  /** The workspace's baseline: imports it accepts are debt to fix, not edges to allow. */
  baseline?: Baseline;
  /** YYYY-MM-DD, for the baseline's expiry; default today (UTC). */
  today?: string;
  /** Only propose the new edges; keep allowances nobody uses (they then count when looking for cycles). */
  keepUnused?: boolean;
}

export interface SyncOptions extends CompareOptions {
  id: number;
  date: string;
  deciders?: string[];
}

export const SYNC_TITLE = 'Sync the module boundaries with the code';

/** What differs between the accepted boundaries (the index's model) and today's imports. */
export function compareBoundaries(index: WorkspaceIndex, log: DecisionLog, options: CompareOptions = {}): SyncReport {
  const model = index.model;
  const order = { order: [...model.modules.keys()] };
  const imports = index.moduleImports();
  const stats = summariseEdges(imports, order);
  const used = new Set(stats.edges.map((e) => `${e.from}\u0000${e.to}`));
  const accepted = acceptedByBaseline(index, options);
  const isAccepted = (i: EdgeImport) => accepted.has(`${i.file}\u0000${i.range.start.line}\u0000${i.range.start.column}\u0000${i.to}`);
  const unallowed = imports.filter((i) => !i.allowed);
  const candidates = summariseEdges(unallowed.filter((i) => !isAccepted(i)), order).edges;
  const baselined = summariseEdges(unallowed.filter(isAccepted), order).edges.filter((e) => !candidates.some((n) => n.from === e.from && n.to === e.to));
  const unused: UnusedAllowance[] = [];
  for (const m of model.modules.values()) {
    for (const u of m.uses) {
      if (used.has(`${m.name}\u0000${u.value}`)) continue;
      unused.push({ from: m.name, to: u.value, grantedBy: granters(log, model, m.name, u.value).map((r) => r.record.id) });
    }
  }
  return { ...splitNewEdges(model, candidates, options.keepUnused ? [] : droppable(unused)), baselined, unused };
}

/** The unused allowances a sync takes back: those some record grants by the module's own name. */
function droppable(unused: readonly UnusedAllowance[]): UnusedAllowance[] {
  return unused.filter((u) => u.grantedBy.length > 0);
}

/**
 * The unallowed pairs a `uses` can allow, most imports first, and the ones it cannot: those
 * the layers forbid, and those that would close a cycle of what stays allowed (the layers'
 * grants and the `uses` not dropped) with the pairs proposed before them, as `init
 * --from-code` leaves out the lighter direction of a cycle.
 */
function splitNewEdges(model: ArchitectureModel, candidates: readonly EdgeStat[], dropped: readonly ModuleEdge[]): { newEdges: EdgeStat[]; leftOut: LeftOutEdge[] } {
  const layering = Layering.of(model);
  const leftOut: LeftOutEdge[] = [];
  const open: EdgeStat[] = [];
  for (const e of candidates) {
    const v = layering.verdict(e.from, e.to);
    if (v && v.kind !== 'granted') leftOut.push({ ...e, reason: 'layers', breach: layerBreach(v), ...(model.layers ? { layersDecision: model.layers.decision.id } : {}) });
    else open.push(e);
  }
  const staying: ModuleEdge[] = [];
  for (const m of model.modules.keys()) {
    for (const u of mayUse(model, m)) if (!dropped.some((d) => d.from === m && d.to === u.value)) staying.push({ from: m, to: u.value });
  }
  const { allowed, cycleBreaks } = acyclicAllowed({ stats: { edges: open, cycles: [] }, otherwise: 'allow' }, staying);
  const isBreak = (e: ModuleEdge) => cycleBreaks.some((b) => b.from === e.from && b.to === e.to);
  for (const e of open) {
    if (!isBreak(e)) continue;
    const back = pathAlong([...staying, ...allowed], e.to, e.from) ?? [e.to, e.from];
    leftOut.push({ ...e, reason: 'cycle', cycle: [e.from, ...back] });
  }
  return { newEdges: open.filter((e) => !isBreak(e)), leftOut };
}

/** Where the module-dependency findings the baseline accepts are: file, position and imported module. */
function acceptedByBaseline(index: WorkspaceIndex, options: CompareOptions): Set<string> {
  if (!options.baseline) return new Set();
  const findings = index.findings().filter((f) => f.rule === 'module-dependency');
  const { suppressed } = applyBaseline(findings, options.baseline, options.today ?? todayIso());
  return new Set(suppressed.map((f) => `${f.file}\u0000${f.range.start.line}\u0000${f.range.start.column}\u0000${f.toModule ?? ''}`));
}

/** The proposed record, or undefined when the boundaries match the code. */
export function proposeSync(index: WorkspaceIndex, log: DecisionLog, options: SyncOptions): SyncProposal | undefined {
  const report = compareBoundaries(index, log, options);
  // An allowance no record grants by the module's own name (one a later kind of declaration
  // expands to) cannot be taken back by superseding: it is reported, not dropped.
  const unused = options.keepUnused ? [] : droppable(report.unused);
  if (report.newEdges.length === 0 && unused.length === 0) return undefined;
  const model = index.model;
  const superseded = accepted(log, model).filter((r) => unused.some((u) => u.grantedBy.includes(r.record.id)));
  const enforce = restate(superseded, model, unused);
  for (const e of report.newEdges) {
    const modules = (enforce.modules ??= {});
    const decl = (modules[e.from] ??= {});
    if (!(decl.uses ??= []).includes(e.to)) decl.uses.push(e.to);
  }
  const record: DecisionRecord = {
    id: options.id,
    title: SYNC_TITLE,
    status: 'proposed',
    date: options.date,
    kind: 'boundaries',
    deciders: options.deciders ?? [],
    tags: ['modules', 'sync'],
    context: syncContext({ ...report, unused }, superseded),
    options: [
      { name: 'Follow the code', pros: ['the boundaries say what the code does'], cons: ['a dependency nobody decided becomes allowed'] },
      { name: 'Keep the boundaries and change the code', pros: ['the modules stay as decided'], cons: ['the new imports must go'] },
    ],
    decision: { chosen: 'Follow the code', rationale: 'Review each new dependency the context names before accepting: an accepted record allows it for good.' },
    ...(superseded.length > 0 ? { supersedes: superseded.map((r) => r.record.id) } : {}),
    enforce,
  };
  const path = recordPath(log.folderRelative, record);
  const header =
    superseded.length > 0
      ? superseded.length === 1
        ? `Proposed by \`adrift sync\`. Record ${superseded[0].record.id} stays in force until this one is accepted; accepting it marks it superseded.`
        : `Proposed by \`adrift sync\`. Records ${superseded.map((r) => r.record.id).join(', ')} stay in force until this one is accepted; accepting it marks them superseded.`
      : 'Proposed by `adrift sync`. Accept it (status: accepted) to allow the new dependencies, or reject it and change the code.';
  const same = (r: DecisionRecord) => canonical(r.enforce) === canonical(record.enforce) && canonical(r.supersedes ?? []) === canonical(record.supersedes ?? []);
  const pending = log.records.find((r) => r.record?.status === 'proposed' && same(r.record))?.record?.id;
  return { ...report, unused, ...(pending !== undefined ? { pending } : {}), record, recordPath: path, recordText: recordToYaml(record, header) };
}

/** JSON with keys sorted, so two values that mean the same compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareText(a, b))) : v,
  );
}

function accepted(log: DecisionLog, model: ArchitectureModel): (LoadedRecord & { record: DecisionRecord })[] {
  const ids = new Set(model.decisions.map((d) => d.id));
  return log.records.filter((r): r is LoadedRecord & { record: DecisionRecord } => r.record !== undefined && r.record.status === 'accepted' && ids.has(r.record.id));
}

/** Every accepted record that lets `from` use `to` (the model remembers only the first). */
function granters(log: DecisionLog, model: ArchitectureModel, from: string, to: string): (LoadedRecord & { record: DecisionRecord })[] {
  return accepted(log, model).filter((r) => r.record.enforce?.modules?.[from]?.uses?.includes(to));
}

/**
 * What the superseded records enforce, as one `enforce` that keeps the model as it is once
 * they are retired, less the unused allowances. The successor folds last, so a module's
 * description, paths and public entries are the model's (a later record may have changed
 * them), and so are `undeclared` and `type_only`.
 */
function restate(records: readonly (LoadedRecord & { record: DecisionRecord })[], model: ArchitectureModel, unused: readonly ModuleEdge[]): Enforcement {
  const out: Enforcement = {};
  const sorted = [...records].sort((a, b) => a.record.id - b.record.id);
  for (const { record } of sorted) {
    const enforce = record.enforce ?? {};
    for (const [name, decl] of Object.entries(enforce.modules ?? {})) {
      const modules = (out.modules ??= {});
      const into: ModuleDeclaration = (modules[name] ??= {});
      const current = model.modules.get(name);
      if (decl.description !== undefined) into.description = current?.description ?? decl.description;
      if (decl.paths !== undefined) into.paths = [...(current?.paths ?? decl.paths)];
      if (decl.public !== undefined) into.public = [...(current?.public ?? decl.public)];
      for (const key of ['owns', 'uses'] as const) {
        for (const v of decl[key] ?? []) {
          if (key === 'uses' && unused.some((u) => u.from === name && u.to === v)) continue;
          const list = (into[key] ??= []);
          if (!list.includes(v)) list.push(v);
        }
      }
    }
    if (enforce.undeclared !== undefined) out.undeclared = model.undeclared?.value ?? enforce.undeclared;
    if (enforce.type_only !== undefined) out.type_only = model.typeOnly?.value ?? enforce.type_only;
    for (const p of enforce.packages?.forbid ?? []) {
      const forbid = ((out.packages ??= {}).forbid ??= []);
      if (!forbid.some((x) => x.name === p.name)) forbid.push({ ...p });
    }
    for (const [pkg, modules] of Object.entries(enforce.packages?.only_in ?? {})) {
      const onlyIn = ((out.packages ??= {}).only_in ??= {});
      onlyIn[pkg] = [...new Set([...(onlyIn[pkg] ?? []), ...modules])];
    }
    for (const rule of enforce.imports?.forbid ?? []) {
      const forbid = ((out.imports ??= {}).forbid ??= []);
      if (!forbid.some((x) => x.from === rule.from && x.to === rule.to)) forbid.push({ ...rule });
    }
    // Fields this file does not know yet (added to the schema later) go over as the latest record wrote them.
    for (const [key, value] of Object.entries(enforce)) {
      if (!['modules', 'undeclared', 'type_only', 'packages', 'imports'].includes(key)) (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

function syncContext(report: SyncReport, superseded: readonly { record: DecisionRecord }[]): string {
  const lines: string[] = [];
  if (report.newEdges.length > 0) {
    lines.push(
      `The code imports across ${report.newEdges.length} pair${report.newEdges.length === 1 ? '' : 's'} of modules that no accepted decision allows: ` +
        report.newEdges.map((e) => `${e.from} → ${e.to} (${e.count} import${e.count === 1 ? '' : 's'}, most in ${e.topFiles.map((f) => f.file).join(', ')})`).join('; ') +
        '.',
    );
  }
  if (report.unused.length > 0) {
    lines.push(
      `No import uses ${report.unused.length === 1 ? 'this allowance' : 'these allowances'} any more: ` +
        report.unused.map((u) => `${u.from} → ${u.to} (record ${u.grantedBy.join(', ')})`).join('; ') +
        `. This record restates what record${superseded.length === 1 ? '' : 's'} ${superseded.map((r) => `${r.record.id} (${r.record.title})`).join(', ')} enforce${superseded.length === 1 ? 's' : ''}, without ${report.unused.length === 1 ? 'it' : 'them'}.`,
    );
  }
  if (report.leftOut.length > 0) lines.push(leftOutSentence(report.leftOut));
  if (report.baselined.length > 0) {
    const n = report.baselined.reduce((k, e) => k + e.count, 0);
    lines.push(`${n} other import${n === 1 ? '' : 's'} (${listedPairs(report.baselined)}) the baseline accepts for now: debt to fix, so not allowed here.`);
  }
  return lines.join(' ');
}

/** One line per pair sync leaves out: why no `uses` is proposed for it, and what stays reported. */
export function leftOutReason(e: LeftOutEdge): string {
  if (e.reason === 'layers') {
    return `the layers${e.layersDecision !== undefined ? ` (record ${e.layersDecision})` : ''} forbid it: ${e.breach ?? 'upward'}; a \`uses\` would contradict them and the imports stay layer-dependency findings, so change the code or propose a record that changes the layers`;
  }
  return (
    `allowing it would close the cycle ${(e.cycle ?? [e.from, e.to, e.from]).join(' → ')} of allowed dependencies (modules that may all use each other are one module), ` +
    'and a cycle stays a module-cycle finding however it is allowed; the imports stay findings, so break the cycle in the code, or accept them for now in the baseline (`adrift baseline`)'
  );
}

function leftOutSentence(leftOut: readonly LeftOutEdge[]): string {
  return (
    `Not allowed here: ` +
    leftOut.map((e) => `${e.from} → ${e.to} (${e.count} import${e.count === 1 ? '' : 's'}): ${leftOutReason(e)}`).join('; ') +
    '.'
  );
}
