// Lifecycle edits of the decision log. Pure: each takes the loaded log and returns the file
// changes to make, which the extension applies as a WorkspaceEdit and the CLI with an atomic
// write. Every edit splices the original text (see text-edit.ts), so comments, key order and
// formatting survive.

import { padId, recordFileName, renumberLater } from './naming';
import { recordSkeleton } from './skeletons';
import { todayUtc, unimportedMarkdown } from './store';
import { describeChain, replaceLinks, replacementChain } from './lineage';
import type { ArchitectureModel } from '../model/types';
import { EditError, TextEditor, yamlFlowList, yamlFlowScalar, yamlScalar } from './text-edit';
import type { DecisionKind, DecisionLog, DecisionStatus, FileChange, LoadedRecord } from './types';

export { EditError };

export interface EditOptions {
  /** YYYY-MM-DD written to `date` when a status changes or a record is created; default today (UTC). */
  today?: string;
}

/**
 * Comment lines Adrift writes at the top of a record it proposes. They tell the reader to
 * accept the record, so they go once it is accepted (or rejected): see `setStatus`.
 */
const PROPOSAL_NOTES = [
  ['# Proposed by Adrift from a module-dependency finding. Accept it (status: accepted) to allow', '# the dependency, or reject it and change the code instead.'],
  ['# Proposed by Adrift (Assign Folder to Module). Accept it (status: accepted) to make the', '# folder part of the module, or reject it.'],
  ['# Proposed by Adrift from a confined-package finding. Accept it (status: accepted) to let', '# the module import the package, or reject it and change the code instead.'],
] as const;
const noteText = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('');
const EDGE_NOTE = noteText(PROPOSAL_NOTES[0]);
const ASSIGN_NOTE = noteText(PROPOSAL_NOTES[1]);
const PACKAGE_NOTE = noteText(PROPOSAL_NOTES[2]);

/**
 * The notes other proposals start with, as patterns since they name records and titles: a
 * successor's (`adrift supersede <old> new`, which copies the old record's comments under it),
 * `adrift sync`'s and `adrift init --from-code`'s headers. Each tells the reader what accepting
 * does, which is wrong once it is done.
 */
const PROPOSAL_NOTE_PATTERNS: readonly (readonly RegExp[])[] = [
  [/^# Proposed successor of record \d+ \(.*\), pre-filled from it: change what the new decision changes\.$/, /^# Record \d+ stays in force until this one is accepted; accepting it marks \d+ superseded\.$/],
  [/^# Proposed by `adrift sync`\. (?:Records? \d+(?:, \d+)* stays? in force until this one is accepted; accepting it marks (?:it|them) superseded|Accept it \(status: accepted\) to allow the new dependencies, or reject it and change the code)\.$/],
  [/^# Written by `adrift init --from-code` from the modules and imports the code has today\. Accept it \(status: accepted\) to check them\.$/],
];

/**
 * The span of the proposal notes at the top of `text` (after a BOM), written with LF or CRLF:
 * every note there, one after the other (a successor's note, then the note of the record it
 * was copied from), and the blank line after them. Comments of the user's are not notes.
 */
function proposalNoteSpan(text: string): [number, number] | undefined {
  const start = text.startsWith('\ufeff') ? 1 : 0;
  const lineAt = (at: number): { line: string; next: number } | undefined => {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return undefined;
    return { line: text.slice(at, text[nl - 1] === '\r' ? nl - 1 : nl), next: nl + 1 };
  };
  const notes: (readonly (string | RegExp)[])[] = [...PROPOSAL_NOTES, ...PROPOSAL_NOTE_PATTERNS];
  const noteAt = (at: number): number | undefined => {
    for (const lines of notes) {
      let pos: number | undefined = at;
      for (const expected of lines) {
        const l: { line: string; next: number } | undefined = pos === undefined ? undefined : lineAt(pos);
        pos = l && (typeof expected === 'string' ? l.line === expected : expected.test(l.line)) ? l.next : undefined;
      }
      if (pos !== undefined) return pos;
    }
    return undefined;
  };
  let at = start;
  for (let next = noteAt(at); next !== undefined; next = noteAt(at)) at = next;
  if (at === start) return undefined;
  const blank = lineAt(at);
  if (blank && blank.line.trim() === '') at = blank.next;
  return [start, at];
}

function idOf(r: LoadedRecord): number | undefined {
  return r.record?.id ?? r.header.id;
}

function find(log: DecisionLog, id: number): LoadedRecord & { record: NonNullable<LoadedRecord['record']> } {
  const found = log.records.filter((r) => idOf(r) === id);
  if (found.length === 0) throw new EditError(`there is no record ${id}`);
  if (found.length > 1) throw new EditError(`id ${id} is used by ${found.map((r) => r.file).join(' and ')}; run "adrift renumber" first`);
  const r = found[0];
  if (r.readOnly) throw new EditError(`${r.file} is not edited: ${r.readOnly}`);
  if (!r.record || !r.doc) throw new EditError(`${r.file} has problems to fix first (run "adrift lint")`);
  return r as LoadedRecord & { record: NonNullable<LoadedRecord['record']> };
}

/** The one way to an editor of a record: refuses a file Adrift must not write (not UTF-8, unreadable). */
function editorOf(r: LoadedRecord): TextEditor {
  if (r.readOnly) throw new EditError(`${r.file} is not edited: ${r.readOnly}`);
  if (!r.doc) throw new EditError(`${r.file} has problems to fix first (run "adrift lint")`);
  return new TextEditor(r.text, r.doc);
}

/** The edited text of a record as a change, written back with the byte-order mark it had. */
function changeOf(r: LoadedRecord, ed: TextEditor, path = r.file): FileChange {
  return { path, text: ed.result(), ...(r.bom ? { bom: true } : {}) };
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

/**
 * Changes a record's status and its date. Accepting a record that supersedes others retires
 * them in the same change (status superseded, superseded_by this record): until then they
 * stay in force. Marking a record superseded needs its successor: use supersede.
 */
export function setStatus(log: DecisionLog, id: number, status: DecisionStatus, opts: EditOptions = {}): FileChange[] {
  const r = find(log, id);
  if (status === 'superseded' && r.record.superseded_by === undefined) {
    throw new EditError(`to mark record ${id} superseded, name the record that replaces it: adrift supersede ${id} <new id>`);
  }
  if (r.record.status === status) return [];
  const ed = editorOf(r);
  const note = r.record.status === 'proposed' ? proposalNoteSpan(r.text) : undefined;
  if (note) ed.deleteRange(note[0], note[1]);
  ed.setKey([], 'status', status);
  ed.setKey([], 'date', opts.today ?? todayUtc(), ['status']);
  const retired = status === 'accepted' ? (r.record.supersedes ?? []).flatMap((old) => retire(log, old, id, opts)) : [];
  return [changeOf(r, ed), ...retired];
}

/** The change that marks `oldId` superseded by the accepted `newId` (none when it already is, or does not exist). */
function retire(log: DecisionLog, oldId: number, newId: number, opts: EditOptions): FileChange[] {
  if (oldId === newId || !log.records.some((r) => idOf(r) === oldId)) return [];
  const old = find(log, oldId);
  const by = old.record.superseded_by;
  if (old.record.status === 'superseded' && by === newId) return [];
  if (by !== undefined && by !== newId) {
    throw new EditError(`record ${oldId} is already superseded by record ${by}; let ${newId} supersede ${by} instead, or take ${oldId} out of the supersedes of ${newId}`);
  }
  const cycle = replacementChain(replaceLinks(log.records), oldId, newId);
  if (cycle) throw new EditError(`record ${describeChain(cycle)}, so ${newId} cannot replace ${oldId} (that would be a supersede cycle)`);
  const ed = editorOf(old);
  if (old.record.status !== 'superseded') {
    ed.setKey([], 'status', 'superseded');
    ed.setKey([], 'date', opts.today ?? todayUtc(), ['status']);
  }
  ed.setKey([], 'superseded_by', String(newId), ['date', 'status']);
  return [changeOf(old, ed)];
}

const SUPERSEDES_AFTER = ['superseded_by', 'review_by', 'consequences', 'decision', 'options', 'drivers', 'context', 'tags', 'deciders', 'date'];

/** Why `successor` may not (yet) replace `oldId`, or undefined. */
function refuseSuccession(log: DecisionLog, oldId: number, successor: number): string | undefined {
  if (oldId === successor) return 'a record cannot supersede itself';
  const cycle = replacementChain(replaceLinks(log.records), oldId, successor);
  return cycle ? `record ${describeChain(cycle)}, so ${successor} cannot replace ${oldId} (that would be a supersede cycle)` : undefined;
}

/**
 * Record `newId` replaces `oldId`: the new one lists the old in `supersedes`. When the new
 * one is accepted, the old one becomes superseded (with `superseded_by`) in the same change;
 * when it is proposed, the old one stays in force until it is accepted (see setStatus).
 */
export function supersede(log: DecisionLog, oldId: number, newId: number, opts: EditOptions = {}): FileChange[] {
  const oldRec = find(log, oldId);
  const newRec = find(log, newId);
  const refused = refuseSuccession(log, oldId, newId);
  if (refused) throw new EditError(refused);
  if (oldRec.record.superseded_by !== undefined && oldRec.record.superseded_by !== newId) {
    throw new EditError(`record ${oldId} is already superseded by record ${oldRec.record.superseded_by}`);
  }
  if (newRec.record.status !== 'accepted' && newRec.record.status !== 'proposed') {
    throw new EditError(`record ${newId} is ${newRec.record.status}; the record that replaces another must be proposed or accepted`);
  }
  const newEd = editorOf(newRec);
  newEd.addToList([], 'supersedes', oldId, SUPERSEDES_AFTER);
  const changes = [...(newRec.record.status === 'accepted' ? retire(log, oldId, newId, opts) : []), changeOf(newRec, newEd)];
  return changes.filter((c) => c.text !== log.records.find((r) => r.file === c.path)?.text);
}

export interface SuccessorOptions extends EditOptions {
  /** Title of the successor; default: the title of the record it replaces. */
  title?: string;
  id?: number;
}

/**
 * A new proposed record that replaces `oldId`, pre-filled from it: the old text (comments,
 * context, options, enforce and all) with a new id, title, status proposed, today's date and
 * `supersedes: [oldId]`. The old record does not change: it stays in force until the
 * successor is accepted.
 */
export function proposeSuccessor(log: DecisionLog, oldId: number, opts: SuccessorOptions = {}): FileChange {
  const old = find(log, oldId);
  if (old.record.status === 'superseded' || old.record.status === 'rejected') {
    throw new EditError(`record ${oldId} is ${old.record.status}${old.record.superseded_by !== undefined ? ` by record ${old.record.superseded_by}` : ''}; only a record in force can get a successor`);
  }
  const id = opts.id ?? nextId(log);
  const title = (opts.title ?? old.record.title).trim();
  if (!title) throw new EditError('a record needs a title');
  const ed = editorOf(old);
  ed.prependLines([
    `# Proposed successor of record ${oldId} (${old.record.title}), pre-filled from it: change what the new decision changes.`,
    `# Record ${oldId} stays in force until this one is accepted; accepting it marks ${oldId} superseded.`,
  ]);
  ed.replaceValue(['id'], String(id));
  ed.replaceValue(['title'], yamlScalar(title));
  ed.setKey([], 'status', 'proposed');
  ed.setKey([], 'date', opts.today ?? todayUtc(), ['status']);
  for (const key of ['superseded_by', 'review_by']) ed.removeKey([], key);
  ed.setKey([], 'supersedes', yamlFlowList([oldId]), SUPERSEDES_AFTER);
  return { path: joinRel(log.folderRelative, recordFileName(id, title)), text: ed.result() };
}

/**
 * Gives every record that shares its id with an earlier one (by file name) the next free
 * id, renaming its file. A reference elsewhere to the shared id is rewritten only where
 * the renumbered record points back at the referrer, since only then is it certain which
 * of the two records the reference meant. A record whose id a Markdown record of the folder
 * holds (one no record was imported from) gets the next free id too, and every reference to
 * it is rewritten: the number is the Markdown log's, which `adrift import` keeps.
 */
export function renumberDuplicates(log: DecisionLog): FileChange[] {
  const duplicates = renumberLater(log.records, idOf, (r) => r.file, nextId(log));
  // A number a Markdown record of the folder holds (one not imported yet) is the Markdown log's:
  // the YAML record that has it moves, so an import keeps the numbers people cite.
  const markdown = unimportedMarkdown(log);
  let next = nextId(log) + duplicates.length;
  const offMarkdown = log.records.flatMap((r) => {
    const id = idOf(r);
    return id !== undefined && markdown.has(id) && !duplicates.some((d) => d.item === r) ? [{ item: r, from: id, to: next++, unique: true }] : [];
  });
  const moved = [...duplicates, ...offMarkdown].map(({ item: r, from, to, ...rest }) => {
    if (!r.doc || r.doc.errors.length) throw new EditError(`${r.file} has a YAML syntax error to fix before it can be renumbered`);
    // A record that was the only one with its id: every reference to that id meant it.
    return { r, from, to, unique: 'unique' in rest };
  });
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
      if (other === m.r || !other.record || !other.doc || (!m.unique && !linked.has(other.record.id))) continue;
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
      changes.push({ ...changeOf(r, e, `${dir}${padId(m.to)}-${rest}`), renameFrom: r.file });
    } else {
      changes.push(changeOf(r, e));
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

/** A record that can take a folder for a module, as offered to the user. */
export interface AssignTarget {
  id: number;
  file: string;
  title: string;
  status: DecisionStatus;
}

function assignable(r: LoadedRecord): r is LoadedRecord & { record: NonNullable<LoadedRecord['record']> } {
  return r.record !== undefined && r.doc !== undefined && r.doc.errors.length === 0;
}

/**
 * The records a folder may be written into for `module`, besides a new proposed record:
 * every proposed record that declares modules, and, for an existing module, the accepted
 * record whose `paths` are in force (an older one would be overridden by it); for a new
 * module, every accepted record that declares modules. Newest first.
 */
export function assignmentTargets(log: DecisionLog, model: ArchitectureModel, module: string): AssignTarget[] {
  const existing = model.modules.get(module);
  const inForce = existing ? (existing.pathSources?.[0]?.decision.id ?? [existing.definedBy, ...existing.changedBy].pop()!.id) : undefined;
  const seen = new Set<number>();
  return log.records
    .filter(assignable)
    .filter((r) => {
      const rec = r.record;
      const declaresModules = Object.keys(rec.enforce?.modules ?? {}).length > 0;
      if (rec.status === 'proposed') return declaresModules;
      if (rec.status !== 'accepted') return false;
      return existing ? rec.id === inForce : declaresModules;
    })
    .filter((r) => (seen.has(r.record.id) ? false : (seen.add(r.record.id), true)))
    .map((r) => ({ id: r.record.id, file: r.file, title: r.record.title, status: r.record.status }))
    .sort((a, b) => b.id - a.id);
}

/** What to assign: a module (existing in `model` or new) and the folder's glob (see `folderGlob`). */
export interface FolderAssignment {
  module: string;
  glob: string;
  /** A new proposed record (the default, so no accepted decision changes unseen), or the id of one of `assignmentTargets`. */
  into?: 'new' | number;
}

/**
 * Puts a folder's glob into a module. By default it writes a new proposed record that gives
 * the module its paths in force plus the glob (a later record's `paths` replace earlier
 * ones), so accepting it makes the folder part of the module and changes nothing else.
 * Into an existing record it appends to the module's `paths` there, or declares them.
 */
export function assignFolderToModule(log: DecisionLog, model: ArchitectureModel, a: FolderAssignment, opts: EditOptions = {}): FileChange[] {
  const { module } = a;
  if (!/^[a-z][a-z0-9-]*$/.test(module)) throw new EditError(`"${module}" is not a module name: use lower-case letters, digits and dashes`);
  const { glob } = a;
  const current = model.modules.get(module)?.paths ?? [];
  const paths = yamlFlowList([...current.filter((p) => p !== glob), glob]);
  if (a.into === undefined || a.into === 'new') {
    if (current.includes(glob)) return [];
    const id = nextId(log);
    const title = current.length > 0 || model.modules.has(module) ? `Add a folder to module ${module}` : `Declare module ${module}`;
    const text = `${ASSIGN_NOTE}id: ${id}
title: ${yamlScalar(title)}
status: proposed
date: ${opts.today ?? todayUtc()}
kind: boundaries
context: ${yamlScalar(`${glob} belongs to module ${module}.`)}
enforce:
  modules:
    ${module}:
      paths: ${paths}
`;
    return [{ path: joinRel(log.folderRelative, recordFileName(id, title)), text }];
  }
  const id = a.into;
  if (!assignmentTargets(log, model, module).some((t) => t.id === id)) {
    throw new EditError(`record ${id} cannot take a folder of module ${module}: pick a proposed record that declares modules, or the one whose paths are in force`);
  }
  const r = find(log, id);
  const declared = r.record.enforce?.modules?.[module];
  const ed = editorOf(r);
  if (declared?.paths !== undefined) {
    if (declared.paths.includes(glob)) return [];
    ed.appendItem(['enforce', 'modules', module, 'paths'], yamlFlowScalar(glob));
  } else if (declared) {
    ed.setKey(['enforce', 'modules', module], 'paths', paths, ['description']);
  } else {
    ed.addBlockEntry(['enforce', 'modules'], module, [`paths: ${paths}`]);
  }
  return [{ path: r.file, text: ed.result() }];
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
  return proposal(log, ctx, opts, {
    note: EDGE_NOTE,
    title: `Let ${fromModule} use ${toModule}`,
    need: `Module ${fromModule} needs something module ${toModule} provides.`,
    take: { name: `${fromModule} uses ${toModule}`, con: `${fromModule} depends on ${toModule}` },
    keep: { name: 'Keep the boundary', pro: 'the modules stay independent' },
    rationale: 'Replace with why the dependency is acceptable.',
    enforce: `  modules:\n    ${fromModule}:\n      uses: [${toModule}]\n`,
  });
}

/**
 * A new proposed record that lets `module` import a package a decision confines elsewhere
 * (`packages.only_in`). `confinedAs` is the package as the confining record writes it (a scope,
 * say), so the fold adds the module to that same entry once the record is accepted.
 */
export function proposeAllowingPackage(log: DecisionLog, module: string, confinedAs: string, ctx: EdgeContext = {}, opts: EditOptions = {}): FileChange {
  if (!/^[a-z][a-z0-9-]*$/.test(module)) throw new EditError(`"${module}" is not a module name`);
  if (!confinedAs.trim()) throw new EditError('no package named');
  return proposal(log, ctx, opts, {
    note: PACKAGE_NOTE,
    title: `Let ${module} import ${confinedAs}`,
    need: `Module ${module} needs the package ${confinedAs} itself.`,
    take: { name: `${module} imports ${confinedAs} too`, con: `${confinedAs} is used from one more module` },
    keep: { name: `Keep ${confinedAs} where it is`, pro: 'one place to change when the vendor or the library changes' },
    rationale: `Replace with why ${module} cannot go through the module that owns ${confinedAs}.`,
    enforce: `  packages:\n    only_in:\n      ${yamlScalar(confinedAs)}: [${module}]\n`,
  });
}

interface ProposalShape {
  note: string;
  title: string;
  /** The context when the caller gives none. */
  need: string;
  take: { name: string; con: string };
  keep: { name: string; pro: string };
  rationale: string;
  /** The lines under `enforce:`. */
  enforce: string;
}

/** A proposed record from a finding: take the change, or keep the rule and change the code. */
function proposal(log: DecisionLog, ctx: EdgeContext, opts: EditOptions, p: ProposalShape): FileChange {
  const id = nextId(log);
  const example = ctx.example ? `${ctx.example.file}${ctx.example.specifier ? ` imports ${ctx.example.specifier}` : ''}.` : '';
  const context = [ctx.context?.trim(), example].filter(Boolean).join(' ') || p.need;
  const deciders = ctx.deciders?.length ? yamlFlowList(ctx.deciders) : '[]';
  const text = `${p.note}id: ${id}
title: ${yamlScalar(p.title)}
status: proposed
date: ${opts.today ?? todayUtc()}
kind: boundaries
deciders: ${deciders}
context: ${yamlScalar(context)}
options:
  - name: ${yamlScalar(p.take.name)}
    pros: [the code stays as it is]
    cons: [${yamlFlowScalar(p.take.con)}]
  - name: ${yamlScalar(p.keep.name)}
    pros: [${yamlFlowScalar(p.keep.pro)}]
    cons: [the code must change]
decision:
  chosen: ${yamlScalar(p.take.name)}
  rationale: ${yamlScalar(p.rationale)}
enforce:
${p.enforce}`;
  return { path: joinRel(log.folderRelative, recordFileName(id, p.title)), text };
}
