// What a coding agent (or a person) needs to know before changing a file: its module, what
// that module may use and why, the data it owns and must not touch, the packages and paths
// ruled out, the proposals in flight, and the findings it has now. Built from the same model
// that produces the findings, so it cannot say anything the check does not enforce.

import * as path from 'node:path';
import type { DecisionRef, Finding } from '../findings';
import { ModuleMap } from '../engine/modules';
import { adrId, decisionLabel } from '../engine/rules/describe';
import { compileGlob } from '../model/globs';
import { Layering, layerKeyModules, mayUse } from '../model/layers';
import { agentFinding, type AgentFinding } from './finding';
import type { ArchitectureModel, ModelModule } from '../model/types';
import type { DecisionLog, DecisionRecord } from '../records/types';

/** A decision as the context names it: id, title, file, and one line of why. */
export interface ContextDecision {
  id: number;
  title: string;
  file: string;
  /** The first sentence of the record's rationale (or context), at most about 140 characters. */
  why?: string;
}

export interface ContextUse {
  module: string;
  responsibility?: string;
  /** The only files of that module other modules may import; absent: any file. */
  public?: string[];
  decision: ContextDecision;
}

export interface ContextData {
  data: string;
  /** The module that owns it. */
  owner: string;
  decision: ContextDecision;
}

export interface ContextRule {
  /** `package` (forbidden everywhere), `only-in` (a package only some modules may import) or `import` (a path rule). */
  kind: 'package' | 'only-in' | 'import';
  /** What the rule rules out, in words: `stripe`, `src/web/** → src/server/**`. */
  what: string;
  /** For `only-in`: the modules that may import the package. */
  modules?: string[];
  reason?: string;
  decision: ContextDecision;
}

export interface ContextLayer {
  name: string;
  closed: boolean;
  /** The layers below that it may use, top first, with their modules. */
  mayUse: { layer: string; modules: string[] }[];
  /** The layers above it, top first: never to be imported. */
  above: string[];
  decision: ContextDecision;
}

export interface ContextProposal {
  decision: ContextDecision;
  /** What accepting it would change for this path, in short phrases. */
  changes: string[];
}

export type ContextFinding = AgentFinding;

export interface PathContext {
  /** The workspace-relative path asked about. */
  path: string;
  /** The module the path belongs to; undefined when no accepted decision assigns it. */
  module?: { name: string; responsibility?: string; decision: ContextDecision };
  /** For a folder whose files belong to several modules: their names (each has its own context). */
  spans?: string[];
  /** How imports to modules outside `mayUse` are treated (`deny` when no record says). */
  undeclared: 'deny' | 'warn' | 'allow';
  mayUse: ContextUse[];
  /** The layer of the module (`enforce.layers`), when it is in one: the layers it may use, and those above it, which it may not. */
  layer?: ContextLayer;
  /** Modules that may use this one. */
  usedBy: string[];
  owns: ContextData[];
  mustNotTouch: ContextData[];
  rules: ContextRule[];
  proposals: ContextProposal[];
  findings: ContextFinding[];
  /** Findings left out to keep the context short. */
  moreFindings: number;
}

export interface ContextInput {
  model: ArchitectureModel;
  log: DecisionLog;
  /** Every finding of the workspace, as `adrift check` reports them. */
  findings: readonly Finding[];
  /** Workspace-relative source files, to tell the modules under a folder. */
  sourceFiles: readonly string[];
}

const MAX_FINDINGS = 8;
const WHY_LENGTH = 140;

/** The first sentence of a text, cut to about `max` characters on a word. */
export function firstSentence(text: string | undefined, max = WHY_LENGTH): string | undefined {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  const end = flat.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:]$/, '')}…`;
}

function recordsById(log: DecisionLog): Map<number, DecisionRecord> {
  const out = new Map<number, DecisionRecord>();
  for (const r of log.records) if (r.record && !out.has(r.record.id)) out.set(r.record.id, r.record);
  return out;
}

/** The workspace-relative folder-or-file form of a path: POSIX, no `./`, no trailing slash. */
export function normalisePath(p: string): string {
  const clean = path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\/?/, '').replace(/\/+$/, '');
  return clean === '.' ? '' : clean;
}

function under(file: string, target: string): boolean {
  return target === '' || file === target || file.startsWith(`${target}/`);
}

export function buildContexts(input: ContextInput, paths: readonly string[]): PathContext[] {
  const byId = recordsById(input.log);
  const decision = (ref: DecisionRef): ContextDecision => {
    const rec = byId.get(ref.id);
    const why = firstSentence(rec?.decision?.rationale ?? rec?.context);
    return { id: ref.id, title: ref.title, file: ref.file, ...(why ? { why } : {}) };
  };
  const map = new ModuleMap(input.model);
  return paths.map((p) => contextOf(normalisePath(p), input, map, decision));
}

function contextOf(target: string, input: ContextInput, map: ModuleMap, decision: (ref: DecisionRef) => ContextDecision): PathContext {
  const { model } = input;
  const filesUnder = input.sourceFiles.filter((f) => under(f, target));
  const isFolder = filesUnder.some((f) => f !== target);
  const modulesHere = isFolder ? [...new Set(filesUnder.map((f) => map.moduleOf(f)).filter((m): m is string => m !== undefined))] : [];
  const name = isFolder ? (modulesHere.length === 1 ? modulesHere[0] : undefined) : map.moduleOf(target);
  const mod = name !== undefined ? model.modules.get(name) : undefined;

  const relevantFindings = input.findings.filter((f) => under(f.file, target) && f.rule !== 'unused-suppression');
  const base: PathContext = {
    path: target,
    undeclared: model.undeclared?.value ?? 'deny',
    mayUse: [],
    usedBy: [],
    owns: [],
    mustNotTouch: [],
    rules: rulesFor(target, name, model, decision),
    proposals: proposalsFor(name, input.log, decision),
    findings: relevantFindings.slice(0, MAX_FINDINGS).map((f) => agentFinding(f.decision ? { ...f, message: f.message.replace(` (${decisionLabel(f.decision)})`, '') } : f)),
    moreFindings: Math.max(0, relevantFindings.length - MAX_FINDINGS),
  };
  if (isFolder && modulesHere.length > 1) base.spans = modulesHere;
  if (!mod) return base;

  base.module = { name: mod.name, ...(mod.description ? { responsibility: mod.description } : {}), decision: decision(mod.definedBy) };
  base.mayUse = mayUse(model, mod.name).map((u) => {
    const other = model.modules.get(u.value);
    return {
      module: u.value,
      ...(other?.description ? { responsibility: other.description } : {}),
      ...(other?.public ? { public: [...other.public] } : {}),
      decision: decision(u.decision),
    };
  });
  const layering = Layering.of(model);
  const layer = layering.layerOf(mod.name);
  if (layer && model.layers) {
    const all = model.layers.layers;
    base.layer = {
      name: layer.name,
      closed: layer.closed,
      mayUse: layering.usableBy(mod.name).map((l) => ({ layer: l.name, modules: l.modules.flatMap((k) => layerKeyModules(k, model)) })),
      above: all.slice(0, all.indexOf(layer)).map((l) => l.name),
      decision: decision(model.layers.decision),
    };
  }
  base.usedBy = [...model.modules.values()].filter((m) => m.name !== mod.name && mayUse(model, m.name).some((u) => u.value === mod.name)).map((m) => m.name);
  base.owns = mod.owns.map((o) => ({ data: o.value, owner: mod.name, decision: decision(o.decision) }));
  base.mustNotTouch = [...model.modules.values()]
    .filter((m: ModelModule) => m.name !== mod.name)
    .flatMap((m) => m.owns.map((o) => ({ data: o.value, owner: m.name, decision: decision(o.decision) })));
  return base;
}

function rulesFor(target: string, moduleName: string | undefined, model: ArchitectureModel, decision: (ref: DecisionRef) => ContextDecision): ContextRule[] {
  const rules: ContextRule[] = model.forbiddenPackages.map((p) => ({
    kind: 'package' as const,
    what: p.value.name,
    ...(p.value.reason ? { reason: p.value.reason } : {}),
    decision: decision(p.decision),
  }));
  for (const c of model.confinedPackages) {
    const mods = [...new Set(c.modules.map((m) => m.value))];
    // The module may import it: nothing to tell; any other path may not.
    if (moduleName !== undefined && mods.includes(moduleName)) continue;
    rules.push({ kind: 'only-in', what: c.name, modules: mods, decision: decision(c.decision) });
  }
  for (const i of model.forbiddenImports) {
    // A path rule applies to the path when its `from` side could match a file there.
    const from = compileGlob(i.value.from);
    const probe = target === '' ? undefined : target;
    if (probe !== undefined && !from(probe) && !from(`${probe}/x.ts`) && !globStartsInside(i.value.from, probe)) continue;
    rules.push({ kind: 'import', what: `${i.value.from} → ${i.value.to}`, ...(i.value.reason ? { reason: i.value.reason } : {}), decision: decision(i.decision) });
  }
  return rules;
}

/** Whether a glob's literal folder lies inside the target folder (`src/web/**` inside `src`). */
function globStartsInside(glob: string, target: string): boolean {
  const literal = glob.split('/').filter((s) => !/[*?[\]{}()!]/.test(s));
  return under(literal.join('/'), target);
}

function proposalsFor(moduleName: string | undefined, log: DecisionLog, decision: (ref: DecisionRef) => ContextDecision): ContextProposal[] {
  const out: ContextProposal[] = [];
  for (const r of log.records) {
    const rec = r.record;
    if (!rec || rec.status !== 'proposed' || !rec.enforce) continue;
    const e = rec.enforce;
    const changes: string[] = [];
    for (const [name, m] of Object.entries(e.modules ?? {})) {
      if (name === moduleName) {
        if (m.paths) changes.push(`move ${name} to ${m.paths.join(', ')}`);
        if (m.public) changes.push(`limit ${name}'s public files to ${m.public.join(', ')}`);
        if (m.uses?.length) changes.push(`let ${name} use ${m.uses.join(', ')}`);
        if (m.owns?.length) changes.push(`give ${name} ${m.owns.join(', ')}`);
      } else if (moduleName !== undefined && m.uses?.includes(moduleName)) {
        changes.push(`let ${name} use ${moduleName}`);
      } else if (moduleName !== undefined && m.owns?.length) {
        changes.push(`give ${name} ${m.owns.join(', ')}`);
      }
    }
    for (const p of e.packages?.forbid ?? []) changes.push(`forbid package ${p.name}`);
    for (const [pkg, mods] of Object.entries(e.packages?.only_in ?? {})) changes.push(`confine ${pkg} to ${mods.join(', ')}`);
    for (const i of e.imports?.forbid ?? []) changes.push(`forbid imports ${i.from} → ${i.to}`);
    if (e.undeclared) changes.push(`make undeclared cross-module imports ${e.undeclared}`);
    if (changes.length > 0) out.push({ decision: decision({ id: rec.id, title: rec.title, status: rec.status, file: r.file, line: 0 }), changes });
  }
  return out;
}

// ---- Markdown: short enough for an agent's context window ----

function cite(d: ContextDecision): string {
  return adrId(d.id);
}

/** Groups data by owner: `Ticket, Conversation (ticket)`. */
function byOwner(items: readonly ContextData[]): string {
  const groups = new Map<string, string[]>();
  for (const i of items) groups.set(i.owner, [...(groups.get(i.owner) ?? []), i.data]);
  return [...groups].map(([owner, data]) => `${data.join(', ')} (${owner})`).join('; ');
}

/** The rules of a path, those of one decision and reason on one line: `mongodb, mongoose — ADR-0005: …`. */
function ruleLines(rules: readonly ContextRule[], note: (d: ContextDecision) => string): string[] {
  const groups = new Map<string, { kind: ContextRule['kind']; what: string[]; rule: ContextRule }>();
  for (const r of rules) {
    const key = `${r.kind}\u0000${r.decision.id}\u0000${r.reason ?? ''}\u0000${r.modules?.join(',') ?? ''}`;
    const g = groups.get(key);
    if (g) g.what.push(r.what);
    else groups.set(key, { kind: r.kind, what: [r.what], rule: r });
  }
  return [...groups.values()].map(({ kind, what, rule }) => {
    const head =
      kind === 'package'
        ? `Do not import ${what.length > 1 ? 'packages' : 'package'} ${what.join(', ')}`
        : kind === 'only-in'
          ? `Only ${rule.modules?.join(', ')} may import ${what.join(', ')}`
          : `No imports ${what.join('; ')}`;
    return `- ${head} — ${note(rule.decision)}${rule.reason ? `: ${rule.reason}` : ''}`;
  });
}

export function contextMarkdown(contexts: readonly PathContext[]): string {
  const out: string[] = [];
  const cited = new Map<number, ContextDecision>();
  const note = (d: ContextDecision) => {
    if (!cited.has(d.id)) cited.set(d.id, d);
    return cite(d);
  };
  for (const c of contexts) {
    out.push(`## ${c.path || '(workspace)'}`);
    if (c.module) {
      out.push(`Module **${c.module.name}**${c.module.responsibility ? `: ${c.module.responsibility.replace(/\.\s*$/, '')}` : ''} (${note(c.module.decision)}).`);
    } else if (c.spans) {
      out.push(`Spans modules ${c.spans.join(', ')}: ask for the context of one of them.`);
    } else {
      out.push('No module: no accepted decision assigns this path.');
    }
    if (c.module) {
      if (c.mayUse.length === 0) out.push(`May use: no other module${c.undeclared === 'allow' ? ' is declared, but undeclared imports are allowed' : ''}.`);
      else {
        out.push('May use:');
        for (const u of c.mayUse) out.push(`- ${u.module}${u.public ? ` (only ${u.public.join(', ')})` : ''} — ${note(u.decision)}`);
      }
      if (c.layer) {
        const below = c.layer.mayUse.map((l) => (l.modules.length === 1 && l.modules[0] === l.layer ? l.layer : `${l.layer} (${l.modules.join(', ')})`));
        out.push(
          `Layer **${c.layer.name}**${c.layer.closed ? ' (closed)' : ''}: may use ${below.length ? `layer${below.length > 1 ? 's' : ''} ${below.join(', ')}` : 'no layer below it'}` +
            `${c.layer.above.length ? `; never ${c.layer.above.join(', ')} above it` : ''} (${note(c.layer.decision)}).`,
        );
      }
      if (c.undeclared !== 'allow') out.push(`Importing any other module is ${c.undeclared === 'deny' ? 'an error' : 'a warning'}.`);
      if (c.usedBy.length) out.push(`Used by: ${c.usedBy.join(', ')}.`);
      if (c.owns.length) out.push(`Owns: ${c.owns.map((o) => o.data).join(', ')} (${[...new Set(c.owns.map((o) => note(o.decision)))].join(', ')}).`);
      if (c.mustNotTouch.length) out.push(`Must not touch (go through the owner's API): ${byOwner(c.mustNotTouch)}.`);
    }
    out.push(...ruleLines(c.rules, note));
    for (const p of c.proposals) out.push(`Proposed ${note(p.decision)} would: ${p.changes.join('; ')}.`);
    if (c.findings.length) {
      out.push('Findings now:');
      for (const f of c.findings) out.push(`- ${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}${f.decision ? ` (${adrId(f.decision.id)})` : ''}`);
      if (c.moreFindings) out.push(`- … and ${c.moreFindings} more (adrift check)`);
    } else out.push('No findings now.');
    out.push('');
  }
  if (cited.size) {
    out.push('Decisions:');
    for (const d of [...cited.values()].sort((a, b) => a.id - b.id)) out.push(`- ${cite(d)} ${d.title} (${d.file})${d.why ? `: ${d.why}` : ''}`);
  }
  out.push('To change a rule, write a proposed decision record (adrift new); never edit an accepted one.');
  return out.join('\n');
}
