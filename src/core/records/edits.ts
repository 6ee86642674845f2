// Lifecycle edits of the decision log. Pure: each takes the loaded log and returns the file
// changes to make, which the extension applies as a WorkspaceEdit and the CLI with an atomic
// write. Every edit splices the original text (see text-edit.ts), so comments, key order and
// formatting survive.

import { padId, recordFileName } from './naming';
import { recordSkeleton } from './skeletons';
import { todayUtc } from './store';
import { EditError, TextEditor, yamlFlowList, yamlScalar } from './text-edit';
import type { DecisionKind, DecisionLog, DecisionStatus, FileChange, LoadedRecord } from './types';

export { EditError };

export interface EditOptions {
  /** YYYY-MM-DD written to `date` when a status changes or a record is created; default today (UTC). */
  today?: string;
}

function idOf(r: LoadedRecord): number | undefined {
  return r.record?.id ?? r.header.id;
}

function find(log: DecisionLog, id: number): LoadedRecord & { record: NonNullable<LoadedRecord['record']> } {
  const found = log.records.filter((r) => idOf(r) === id);
  if (found.length === 0) throw new EditError(`there is no record ${id}`);
  if (found.length > 1) throw new EditError(`id ${id} is used by ${found.map((r) => r.file).join(' and ')}; run "adrift renumber" first`);
  const r = found[0];
  if (!r.record || !r.doc) throw new EditError(`${r.file} has problems to fix first (run "adrift lint")`);
  return r as LoadedRecord & { record: NonNullable<LoadedRecord['record']> };
}

function editorOf(r: LoadedRecord): TextEditor {
  return new TextEditor(r.text, r.doc!);
}

/** The next free id: one past the highest id in the log, broken and unreadable records included. */
export function nextId(log: DecisionLog): number {
  let max = (log.fileIds ?? []).reduce((a, b) => Math.max(a, b), 0);
  for (const r of log.records) {
    const id = idOf(r);
    if (id !== undefined && id > max) max = id;
    const fromName = /(?:^|\/)(\d{4,})-[^/]*$/.exec(r.file);
    if (fromName && Number(fromName[1]) > max) max = Number(fromName[1]);
  }
  return max + 1;
}

/** Changes a record's status and its date. Superseding needs the successor: use supersede. */
export function setStatus(log: DecisionLog, id: number, status: DecisionStatus, opts: EditOptions = {}): FileChange[] {
  const r = find(log, id);
  if (status === 'superseded' && r.record.superseded_by === undefined) {
    throw new EditError(`to mark record ${id} superseded, name the record that replaces it: adrift supersede ${id} <new id>`);
  }
  if (r.record.status === status) return [];
  const ed = editorOf(r);
  ed.setKey([], 'status', status);
  ed.setKey([], 'date', opts.today ?? todayUtc(), ['status']);
  return [{ path: r.file, text: ed.result() }];
}

/**
 * Record `newId` replaces `oldId`: the new one lists the old in `supersedes`, the old one
 * becomes superseded with `superseded_by`. Both files change together, nothing else does.
 */
export function supersede(log: DecisionLog, oldId: number, newId: number, opts: EditOptions = {}): FileChange[] {
  if (oldId === newId) throw new EditError('a record cannot supersede itself');
  const oldRec = find(log, oldId);
  const newRec = find(log, newId);
  if (oldRec.record.status === 'superseded' && oldRec.record.superseded_by !== undefined && oldRec.record.superseded_by !== newId) {
    throw new EditError(`record ${oldId} is already superseded by record ${oldRec.record.superseded_by}`);
  }
  const oldEd = editorOf(oldRec);
  if (oldRec.record.status !== 'superseded') {
    oldEd.setKey([], 'status', 'superseded');
    oldEd.setKey([], 'date', opts.today ?? todayUtc(), ['status']);
  }
  oldEd.setKey([], 'superseded_by', String(newId), ['date', 'status']);
  const newEd = editorOf(newRec);
  newEd.addToList([], 'supersedes', oldId, ['superseded_by', 'review_by', 'consequences', 'decision', 'options', 'drivers', 'context', 'tags', 'deciders', 'date']);
  return [
    { path: oldRec.file, text: oldEd.result() },
    { path: newRec.file, text: newEd.result() },
  ].filter((c, i) => c.text !== (i === 0 ? oldRec.text : newRec.text));
}

/**
 * Gives every record that shares its id with an earlier one (by file name) the next free
 * id, renaming its file. A reference elsewhere to the shared id is rewritten only where
 * the renumbered record points back at the referrer, since only then is it certain which
 * of the two records the reference meant.
 */
export function renumberDuplicates(log: DecisionLog): FileChange[] {
  const groups = new Map<number, LoadedRecord[]>();
  for (const r of log.records) {
    const id = idOf(r);
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  let next = nextId(log);
  const moved: { r: LoadedRecord; from: number; to: number }[] = [];
  for (const [id, rs] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (rs.length < 2) continue;
    const sorted = [...rs].sort((a, b) => a.file.localeCompare(b.file));
    for (const r of sorted.slice(1)) {
      if (!r.doc || r.doc.errors.length) throw new EditError(`${r.file} has a YAML syntax error to fix before it can be renumbered`);
      moved.push({ r, from: id, to: next++ });
    }
  }
  if (moved.length === 0) return [];

  const editors = new Map<LoadedRecord, TextEditor>();
  const ed = (r: LoadedRecord) => {
    let e = editors.get(r);
    if (!e) {
      e = editorOf(r);
      editors.set(r, e);
    }
    return e;
  };
  for (const m of moved) {
    ed(m.r).replaceValue(['id'], String(m.to));
    const linked = new Set<number>([...(m.r.record?.supersedes ?? []), ...(m.r.record?.superseded_by !== undefined ? [m.r.record.superseded_by] : [])]);
    for (const other of log.records) {
      if (other === m.r || !other.record || !other.doc || !linked.has(other.record.id)) continue;
      other.record.supersedes?.forEach((s, i) => {
        if (s === m.from) ed(other).replaceValue(['supersedes', i], String(m.to));
      });
      if (other.record.superseded_by === m.from) ed(other).replaceValue(['superseded_by'], String(m.to));
    }
  }
  const changes: FileChange[] = [];
  for (const [r, e] of editors) {
    const m = moved.find((x) => x.r === r);
    if (m) {
      const dir = r.file.slice(0, r.file.lastIndexOf('/') + 1);
      const name = r.file.slice(dir.length);
      const rest = /^\d+-(.*)$/.exec(name)?.[1] ?? name;
      changes.push({ path: `${dir}${padId(m.to)}-${rest}`, text: e.result(), renameFrom: r.file });
    } else {
      changes.push({ path: r.file, text: e.result() });
    }
  }
  return changes;
}

export interface NewRecordOptions extends EditOptions {
  id?: number;
  deciders?: string[];
}

/** A new proposed record from the skeleton of its kind, in the log's folder. */
export function createRecord(log: DecisionLog, kind: DecisionKind, title: string, opts: NewRecordOptions = {}): FileChange {
  const clean = title.trim();
  if (!clean) throw new EditError('a record needs a title');
  const id = opts.id ?? nextId(log);
  const text = recordSkeleton({ id, title: clean, date: opts.today ?? todayUtc(), kind, ...(opts.deciders ? { deciders: opts.deciders } : {}) });
  return { path: joinRel(log.folderRelative, recordFileName(id, clean)), text };
}

function joinRel(folder: string, name: string): string {
  return folder === '.' || folder === '' ? name : `${folder}/${name}`;
}

/**
 * Puts `folderGlob` into module `module`: appended to the paths of the latest accepted record
 * that declares the module's paths, or, for a new module, added to the latest accepted record
 * that declares modules. Without any such record, a new proposed boundaries record is created.
 */
export function assignFolderToModule(log: DecisionLog, module: string, folderGlob: string, opts: EditOptions = {}): FileChange[] {
  if (!/^[a-z][a-z0-9-]*$/.test(module)) throw new EditError(`"${module}" is not a module name: use lower-case letters, digits and dashes`);
  const glob = folderGlob.replace(/\\/g, '/').replace(/^\.\//, '');
  const usable = log.records.filter((r) => r.record && r.doc && r.record.status === 'accepted');
  const declaring = usable.filter((r) => r.record!.enforce?.modules?.[module]?.paths !== undefined).pop();
  if (declaring) {
    if (declaring.record!.enforce!.modules![module].paths!.includes(glob)) return [];
    const ed = editorOf(declaring);
    ed.appendItem(['enforce', 'modules', module, 'paths'], yamlScalar(glob));
    return [{ path: declaring.file, text: ed.result() }];
  }
  const anyDecl = usable.filter((r) => r.record!.enforce?.modules?.[module] !== undefined).pop();
  if (anyDecl) {
    const ed = editorOf(anyDecl);
    ed.setKey(['enforce', 'modules', module], 'paths', yamlFlowList([glob]), ['description']);
    return [{ path: anyDecl.file, text: ed.result() }];
  }
  const boundaries = usable.filter((r) => Object.keys(r.record!.enforce?.modules ?? {}).length > 0).pop();
  if (boundaries) {
    const ed = editorOf(boundaries);
    ed.addBlockEntry(['enforce', 'modules'], module, [`paths: ${yamlFlowList([glob])}`]);
    return [{ path: boundaries.file, text: ed.result() }];
  }
  const id = nextId(log);
  const title = `Give module ${module} its folder`;
  const text = `id: ${id}
title: ${yamlScalar(title)}
status: proposed
date: ${opts.today ?? todayUtc()}
kind: boundaries
context: >
  ${glob} belongs to module ${module}.
enforce:
  modules:
    ${module}:
      paths: ${yamlFlowList([glob])}
`;
  return [{ path: joinRel(log.folderRelative, recordFileName(id, title)), text }];
}

export interface EdgeContext {
  /** Why the edge is needed, e.g. the import that triggered the proposal. */
  context?: string;
  /** A file and specifier that show the need, quoted in the record. */
  example?: { file: string; specifier?: string };
  deciders?: string[];
}

/**
 * A new proposed record that lets `fromModule` use `toModule`. Accepting it (status
 * accepted) adds the edge to the folded model, so the module-dependency finding goes away.
 */
export function proposeAllowingEdge(log: DecisionLog, fromModule: string, toModule: string, ctx: EdgeContext = {}, opts: EditOptions = {}): FileChange {
  for (const m of [fromModule, toModule]) {
    if (!/^[a-z][a-z0-9-]*$/.test(m)) throw new EditError(`"${m}" is not a module name`);
  }
  const id = nextId(log);
  const title = `Let ${fromModule} use ${toModule}`;
  const example = ctx.example ? `${ctx.example.file}${ctx.example.specifier ? ` imports ${ctx.example.specifier}` : ''}.` : '';
  const context = [ctx.context?.trim(), example].filter(Boolean).join(' ') || `Module ${fromModule} needs something module ${toModule} provides.`;
  const deciders = ctx.deciders?.length ? yamlFlowList(ctx.deciders) : '[]';
  const text = `# Proposed by Adrift from a module-dependency finding. Accept it (status: accepted) to allow
# the dependency, or reject it and change the code instead.
id: ${id}
title: ${yamlScalar(title)}
status: proposed
date: ${opts.today ?? todayUtc()}
kind: boundaries
deciders: ${deciders}
context: ${yamlScalar(context)}
options:
  - name: ${yamlScalar(`${fromModule} uses ${toModule}`)}
    pros: [the code stays as it is]
    cons: [${yamlScalar(`${fromModule} depends on ${toModule}`)}]
  - name: Keep the boundary
    pros: [the modules stay independent]
    cons: [the code must change]
decision:
  chosen: ${yamlScalar(`${fromModule} uses ${toModule}`)}
  rationale: Replace with why the dependency is acceptable.
enforce:
  modules:
    ${fromModule}:
      uses: [${toModule}]
`;
  return { path: joinRel(log.folderRelative, recordFileName(id, title)), text };
}
