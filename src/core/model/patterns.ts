// Pattern modules: a module key with captures (`service-{name}`) declares one module per
// folder its `paths` capture (`services/{name}/**` → one per folder under services/). The
// folded model keeps the declaration; expandPatterns turns it into plain modules against
// the workspace's folders, sorted by name, so the same folders always give the same model.
// A capture matches one path segment; its value is lower-cased, other characters become
// dashes, to make the module's name. In `public` and `paths` it stands for the folder's
// name as it is; in `uses` for the module name (`{name}-db`). A `uses` entry that is a
// pattern's key names all of that pattern's modules.

import { adrId } from '../engine/rules/describe';
import type { DecisionRef, Finding, Range } from '../findings';
import type { ArchitectureModel, ModelModule, ModelPattern, Sourced } from './types';

const CAPTURE = /\{([a-z][a-z0-9_]*)\}/g;
const MODULE_NAME = /^[a-z][a-z0-9-]*$/;

/** Whether a module key (or a `uses` entry) has captures: `service-{name}`. */
export function isPatternKey(key: string): boolean {
  return /\{[a-z][a-z0-9_]*\}/.test(key);
}

/** Whether a pattern's key could expand to this module name (`service-{name}` → `service-billing`): the records' check cannot know the folders. */
export function couldExpandTo(key: string, name: string): boolean {
  if (!isPatternKey(key)) return false;
  const body = key.split(/\{[a-z][a-z0-9_]*\}/).map((part) => part.replace(/[.+^$()|[\]\\{}*?-]/g, '\\$&')).join('[a-z0-9-]+');
  return new RegExp(`^${body}$`).test(name);
}

/** The capture names of a key or glob, in order of first appearance. */
export function capturesOf(text: string): string[] {
  return [...new Set([...text.matchAll(CAPTURE)].map((m) => m[1]))];
}

/**
 * The module names a key stands for in an expanded model: a pattern's key gives its modules
 * (sorted by name), a plain module's name itself, anything else nothing. For `enforce.layers`
 * and every other list of modules that may name a pattern.
 */
export function modulesOfKey(model: ArchitectureModel, key: string): string[] {
  const pattern = model.patterns?.find((p) => p.key === key);
  if (pattern) return [...pattern.modules];
  return model.modules.has(key) && !isPatternKey(key) ? [key] : [];
}

/** A capture value as a module-name fragment: lower-case, other characters dashes. */
export function captureName(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** Every folder holding one of the files, and every folder above it (workspace-relative, POSIX). */
export function foldersOf(files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    for (let i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) out.add(f.slice(0, i));
  }
  return [...out].sort();
}

/**
 * The part of a glob up to its last segment with a capture, as a regular expression over
 * folder paths whose groups are the captures (`services/{name}/**` → `^services/([^/]+)$`).
 */
function folderMatcher(glob: string): { regex: RegExp; names: string[] } | undefined {
  const segments = glob.split('/');
  let last = -1;
  segments.forEach((s, i) => {
    if (capturesOf(s).length > 0) last = i;
  });
  if (last < 0) return undefined;
  const names: string[] = [];
  const parts = segments.slice(0, last + 1).map((seg) => {
    if (seg === '**') return '(?:[^/]+/)*?';
    let out = '';
    let rest = seg;
    while (rest.length > 0) {
      const cap = /^\{([a-z][a-z0-9_]*)\}/.exec(rest);
      if (cap) {
        const seen = names.indexOf(cap[1]);
        out += seen >= 0 ? `\\${seen + 1}` : '([^/]+)';
        if (seen < 0) names.push(cap[1]);
        rest = rest.slice(cap[0].length);
      } else if (rest.startsWith('*')) {
        out += '[^/]*';
        rest = rest.replace(/^\*+/, '');
      } else if (rest[0] === '?') {
        out += '[^/]';
        rest = rest.slice(1);
      } else {
        out += rest[0].replace(/[.+^$()|[\]\\{}]/g, '\\$&');
        rest = rest.slice(1);
      }
    }
    return out + '/';
  });
  const body = parts.join('').replace(/\/$/, '').replace(/\*\?\//g, '*?');
  return { regex: new RegExp(`^${body}$`), names };
}

function substitute(text: string, values: Record<string, string>): string {
  return text.replace(CAPTURE, (whole, name: string) => values[name] ?? whole);
}

function keyRange(d: DecisionRef): Range {
  return { start: { line: d.line, column: 0 }, end: { line: d.line, column: 0 } };
}

function problem(decision: DecisionRef, severity: Finding['severity'], message: string, range: Range = keyRange(decision), extra: Partial<Finding> = {}): Finding {
  return { rule: 'decision-reference', severity, file: decision.file, range, message, decision, ...extra };
}

function label(m: ModelModule): string {
  const adr = adrId(m.definedBy.id);
  return m.pattern ? `module ${m.name} (from ${m.pattern.key}, ${adr}, folder ${m.pattern.folders.join(', ')})` : `module ${m.name} (${adr})`;
}

/**
 * The model with each pattern module replaced by its expansions at the pattern's place in
 * declaration order, given the workspace's source files. Expanding an expanded model again
 * (with other files) starts from the declarations, so the index can re-expand on a rescan.
 * With no files at all (records before code) patterns expand to nothing and say nothing.
 */
export function expandPatterns(expandedOrNot: ArchitectureModel, files: readonly string[]): ArchitectureModel {
  const model = declaredModels.get(expandedOrNot) ?? expandedOrNot;
  const expanded = expandFolded(model, files);
  if (expanded !== model) declaredModels.set(expanded, model);
  return expanded;
}

/** Expanded model → the model it was expanded from, so expanding again starts from the declarations (uses naming a pattern included). */
const declaredModels = new WeakMap<ArchitectureModel, ArchitectureModel>();

function expandFolded(model: ArchitectureModel, files: readonly string[]): ArchitectureModel {
  const declared: ModelModule[] = [];
  const byKey = new Map((model.patterns ?? []).map((p) => [p.key, p.declaration]));
  for (const m of model.modules.values()) {
    if (m.pattern) {
      const decl = byKey.get(m.pattern.key);
      if (decl && !declared.includes(decl)) declared.push(decl);
    } else declared.push(m);
  }
  for (const p of model.patterns ?? []) if (!declared.includes(p.declaration)) declared.push(p.declaration);
  if (!declared.some((m) => isPatternKey(m.name))) return model.patterns ? { ...model, patterns: undefined, patternFindings: undefined } : model;

  const folders = foldersOf(files);
  const findings: Finding[] = [];
  const patterns: ModelPattern[] = [];
  const expansions = new Map<string, ModelModule[]>();
  for (const decl of declared) {
    if (!isPatternKey(decl.name)) continue;
    const mods = expandOne(decl, folders, files.length > 0, findings);
    expansions.set(decl.name, mods);
    patterns.push({ key: decl.name, declaration: decl, modules: mods.map((m) => m.name) });
  }

  // Names: a plain module keeps its name; of two patterns giving one name, the one declared first.
  const modules = new Map<string, ModelModule>();
  for (const decl of declared) if (!isPatternKey(decl.name)) modules.set(decl.name, decl);
  const out = new Map<string, ModelModule>();
  for (const decl of declared) {
    if (!isPatternKey(decl.name)) {
      const expansion = out.get(decl.name);
      if (expansion?.pattern && isExtension(decl)) out.set(decl.name, extended(expansion, decl));
      else out.set(decl.name, decl);
      continue;
    }
    for (const m of expansions.get(decl.name) ?? []) {
      const other = out.get(m.name) ?? modules.get(m.name);
      if (other && isExtension(other)) {
        // Declared before the pattern: extend here; after it: that entry's turn extends it.
        const before = out.get(m.name) === other;
        out.delete(m.name);
        out.set(m.name, before ? extended(m, other) : m);
        continue;
      }
      if (other) {
        findings.push(
          problem(decl.definedBy, 'error', `pattern ${decl.name} gives ${label(m)}, but ${label(other)} has that name; a name names one module: rename one, or narrow the pattern's paths`, keyRange(decl.definedBy), {
            fromModule: m.name,
          }),
        );
        const pattern = patterns.find((p) => p.key === decl.name)!;
        pattern.modules = pattern.modules.filter((n) => n !== m.name);
        continue;
      }
      out.set(m.name, m);
    }
  }
  // Uses naming a pattern's key stand for all its modules.
  const keyed = new Map(patterns.map((p) => [p.key, p.modules]));
  for (const [name, m] of out) {
    if (!m.uses.some((u) => keyed.has(u.value))) continue;
    const uses: Sourced<string>[] = [];
    for (const u of m.uses) for (const v of keyed.get(u.value) ?? [u.value]) if (!uses.some((x) => x.value === v)) uses.push({ ...u, value: v });
    out.set(name, { ...m, uses });
  }
  return { ...model, modules: out, patterns, patternFindings: findings };
}

/**
 * A plain entry with no paths or public entries (a later record's `uses` for
 * service-billing, as `adrift sync` writes it) adds to the expanded module of its name, as a
 * later record adds to any module.
 */
function isExtension(m: ModelModule): boolean {
  return !m.pattern && m.paths.length === 0 && m.public === undefined;
}

function extended(m: ModelModule, by: ModelModule): ModelModule {
  return {
    ...m,
    ...(by.description !== undefined ? { description: by.description } : {}),
    uses: [...m.uses, ...by.uses.filter((u) => !m.uses.some((x) => x.value === u.value))],
    owns: [...m.owns, ...by.owns.filter((o) => !m.owns.some((x) => x.value === o.value))],
    changedBy: [...m.changedBy, by.definedBy, ...by.changedBy],
  };
}

/** One pattern's modules, sorted by name; problems (invalid names, no folder, unknown captures) go to `findings`. */
function expandOne(decl: ModelModule, folders: readonly string[], haveFiles: boolean, findings: Finding[]): ModelModule[] {
  const keyCaptures = capturesOf(decl.name);
  const pathSources: Sourced<string>[] = decl.pathSources ?? decl.paths.map((value) => ({ value, decision: decl.definedBy }));
  // Globs and uses may only name the key's captures: another has no value.
  const foreign = [...pathSources, ...(decl.publicSources ?? [])].filter((s) => capturesOf(s.value).some((c) => !keyCaptures.includes(c)));
  for (const s of foreign) {
    const unknown = capturesOf(s.value).filter((c) => !keyCaptures.includes(c));
    findings.push(problem(s.decision, 'error', `pattern ${decl.name}: "${s.value}" names {${unknown.join('}, {')}}, which the key does not capture; name the key's captures only`, s.range));
  }
  const capturing = pathSources.filter((s) => !foreign.includes(s) && keyCaptures.every((c) => capturesOf(s.value).includes(c)));
  if (capturing.length === 0) {
    findings.push(problem(decl.definedBy, 'error', `pattern ${decl.name}: no path names all of its captures ({${keyCaptures.join('}, {')}}), so no folder gives them values; write them into a path such as "folder/{${keyCaptures[0]}}/**"`));
    return [];
  }

  // capture values (as a JSON key in key order) → their values and the folders that gave them
  const bindings = new Map<string, { values: Record<string, string>; folders: string[]; source: Sourced<string> }>();
  for (const s of capturing) {
    const matcher = folderMatcher(s.value);
    if (!matcher) continue;
    for (const folder of folders) {
      const hit = matcher.regex.exec(folder);
      if (!hit) continue;
      const values: Record<string, string> = {};
      matcher.names.forEach((n, i) => (values[n] = hit[i + 1]));
      const id = JSON.stringify(keyCaptures.map((c) => values[c]));
      const b = bindings.get(id);
      if (b) {
        if (!b.folders.includes(folder)) b.folders.push(folder);
      } else bindings.set(id, { values, folders: [folder], source: s });
    }
  }
  if (bindings.size === 0) {
    if (haveFiles) {
      const globs = capturing.map((s) => `"${s.value}"`).join(', ');
      findings.push(problem(decl.definedBy, 'warning', `pattern ${decl.name}: ${globs} match${capturing.length === 1 ? 'es' : ''} no folder with source files, so it declares no module (a renamed or deleted folder?)`, keyRange(decl.definedBy), { fromModule: decl.name }));
    }
    return [];
  }

  const mods = new Map<string, ModelModule>();
  for (const { values, folders: at, source } of bindings.values()) {
    const names: Record<string, string> = {};
    for (const c of keyCaptures) names[c] = captureName(values[c]);
    const name = substitute(decl.name, names);
    if (!MODULE_NAME.test(name)) {
      findings.push(problem(source.decision, 'warning', `pattern ${decl.name}: folder ${at[0]} gives the module name "${name}", which is not a module name (lower-case letters, digits and dashes, starting with a letter); rename the folder or narrow the glob`, source.range, { fromModule: decl.name }));
      continue;
    }
    if (mods.has(name)) {
      const first = mods.get(name)!;
      findings.push(problem(source.decision, 'error', `pattern ${decl.name}: folders ${first.pattern!.folders[0]} and ${at[0]} both give the module name ${name}; rename one folder or narrow the glob`, source.range, { fromModule: name }));
      continue;
    }
    const sub = (list: Sourced<string>[] | undefined, with_: Record<string, string>) => list?.map((s) => ({ ...s, value: substitute(s.value, with_) }));
    const usesValues = (u: Sourced<string>) => {
      const caps = capturesOf(u.value);
      return caps.length > 0 && caps.every((c) => keyCaptures.includes(c)) ? { ...u, value: substitute(u.value, names) } : u;
    };
    const pathSubs = sub(decl.pathSources ?? pathSources, values)!;
    const publicSubs = sub(decl.publicSources, values);
    mods.set(name, {
      ...decl,
      name,
      paths: decl.paths.map((p) => substitute(p, values)),
      ...(decl.public ? { public: decl.public.map((p) => substitute(p, values)) } : {}),
      pathSources: pathSubs,
      ...(publicSubs ? { publicSources: publicSubs } : {}),
      uses: decl.uses.map(usesValues).filter((u) => u.value !== name),
      owns: decl.owns.map((o) => ({ ...o, value: substitute(o.value, values) })),
      pattern: { key: decl.name, captures: values, folders: [...at].sort() },
    });
  }
  return [...mods.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
