// The decision log: every record file of the decisions folder, loaded side by side so one
// broken record never hides the others, plus the checks that need more than one record
// (duplicate ids, references between records and to modules, lifecycle, the folded model, review).

import * as path from 'node:path';
import { loadConfig, resolveDecisionsFolder, toPosix } from '../config';
import type { Finding, Range, RuleId, Severity } from '../findings';
import type { FileSystemPort } from '../fs/port';
import { globProblem } from '../model/globs';
import { idFromFileName, importedFrom, padId } from './naming';
import { decodeText } from '../fs/decode';
import { MAX_RECORD_CHARS, parseRecord } from './parse';
import { describeChain, replaceCycles } from './lineage';
import { closest } from './schema-messages';
import { foldModel } from '../model/fold';
import { readLayer } from '../model/layers';
import { checkModel } from '../model/check-model';
import { capturesOf, couldExpandTo } from '../model/patterns';
import { reviewRecord } from './review';
import { markdownNumbers } from './markdown/import';
import type { DecisionLog, DecisionRecord, LoadedRecord, MarkdownRecordFile } from './types';
import { refOf } from './ref';
import { compareText } from '../order';

export { refOf };

export interface LoadOptions {
  /** Decisions folder, relative to root (or absolute). Absent: from `.adrift.yaml`, else the default. */
  folder?: string;
  /** Today as YYYY-MM-DD, for review_by checks; absent: the current UTC date. */
  today?: string;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function finding(r: LoadedRecord, rule: RuleId, severity: Severity, range: Range, message: string): Finding {
  const f: Finding = { rule, severity, file: r.file, range, message };
  const ref = refOf(r, range.start.line);
  if (ref) f.decision = ref;
  return f;
}

function idOf(r: LoadedRecord): number | undefined {
  return r.record?.id ?? r.header.id;
}

export function compareRecords(a: LoadedRecord, b: LoadedRecord): number {
  const ia = idOf(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = idOf(b) ?? Number.MAX_SAFE_INTEGER;
  return ia - ib || compareText(a.file, b.file);
}

export async function loadDecisionLog(fs: FileSystemPort, root: string, opts: LoadOptions = {}): Promise<DecisionLog> {
  const rootPosix = toPosix(root).replace(/\/+$/, '') || '/';
  const findings: Finding[] = [];
  let folderRel: string;
  if (opts.folder !== undefined) {
    folderRel = toPosix(opts.folder);
  } else {
    const config = await loadConfig(fs, rootPosix);
    findings.push(...config.findings);
    folderRel = await resolveDecisionsFolder(fs, rootPosix, config);
  }
  const folder = path.posix.isAbsolute(folderRel) ? folderRel : path.posix.join(rootPosix, folderRel);
  const folderRelative = path.posix.relative(rootPosix, folder) || '.';
  const entries = await fs.readDirectory(folder);
  const listed = (entries ?? []).filter((e) => e.kind !== 'directory' && /\.ya?ml$/i.test(e.name) && !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const records: LoadedRecord[] = [];
  for (const entry of listed) {
    const rel = folderRelative === '.' ? entry.name : `${folderRelative}/${entry.name}`;
    const r = await readRecordFile(fs, path.posix.join(folder, entry.name), rel, entry.kind === 'file');
    if (r) records.push(withFallbackHeader(r, entry.name));
  }
  records.sort(compareRecords);
  for (const r of records) findings.push(...r.findings);
  findings.push(...checkLog(records, opts.today ?? todayUtc()));
  const markdown = markdownRecords(entries ?? [], records, folderRelative);
  findings.push(...markdownClashes(records, markdown));
  const fileIds = [
    ...(entries ?? []).flatMap((e) => {
      const m = MARKDOWN.test(e.name) ? null : /^(\d{1,9})-/.exec(e.name);
      return m ? [Number(m[1])] : [];
    }),
    ...markdown.map((m) => m.id),
  ];
  return { root: rootPosix, folder, folderRelative, folderExists: entries !== undefined, records, findings, fileIds, ...(markdown.length > 0 ? { markdown } : {}) };
}

const MARKDOWN = /\.(md|markdown)$/i;

/** The Markdown records of the folder, numbered as an import numbers them, each with the YAML record imported from it. */
function markdownRecords(entries: readonly { name: string; kind: string }[], records: readonly LoadedRecord[], folderRelative: string): MarkdownRecordFile[] {
  const names = entries.filter((e) => e.kind === 'file' && MARKDOWN.test(e.name) && !e.name.startsWith('.')).map((e) => e.name);
  if (names.length === 0) return [];
  const importedAs = yamlTwins(records);
  return [...markdownNumbers(names)].map(([name, id]) => {
    const yaml = importedAs.get(name);
    return { file: folderRelative === '.' ? name : `${folderRelative}/${name}`, id, ...(yaml !== undefined ? { importedAs: yaml } : {}) };
  });
}

/**
 * The Markdown file names the log's records stand for, each with its record: the file a
 * record's header says it was imported from, and the Markdown file of the same name as a
 * record (`0003-x.md` beside `0003-x.yaml`: an import of it, or `adrift export --format madr`
 * of the record written into the folder).
 */
export function yamlTwins(records: readonly LoadedRecord[]): Map<string, string> {
  const twins = new Map<string, string>();
  for (const r of records) {
    const from = importedFrom(r.text);
    if (from !== undefined && !twins.has(from)) twins.set(from, r.file);
  }
  for (const r of records) {
    const stem = r.file.slice(r.file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    for (const ext of ['md', 'markdown']) if (!twins.has(`${stem}.${ext}`)) twins.set(`${stem}.${ext}`, r.file);
  }
  return twins;
}

/** The Markdown records no YAML record was imported from, by number. */
export function unimportedMarkdown(log: Pick<DecisionLog, 'markdown'>): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of log.markdown ?? []) if (m.importedAs === undefined && !out.has(m.id)) out.set(m.id, m.file);
  return out;
}

/**
 * A YAML record with the number of a Markdown record of the folder that it was not imported
 * from: the two logs now disagree on what that number means, and an import of the Markdown
 * log is refused until the YAML record moves (`adrift renumber`).
 */
function markdownClashes(records: readonly LoadedRecord[], markdown: readonly MarkdownRecordFile[]): Finding[] {
  const held = unimportedMarkdown({ markdown: [...markdown] });
  const out: Finding[] = [];
  for (const r of records) {
    const id = idOf(r);
    const md = id === undefined ? undefined : held.get(id);
    if (md === undefined) continue;
    out.push(
      finding(r, 'decision-reference', 'warning', r.rangeOf(['id']), `number ${id} is also that of the Markdown record ${md.slice(md.lastIndexOf('/') + 1)}, which Adrift does not read; run "adrift renumber" to give this record the next free number, so that "adrift import" keeps the Markdown log's numbers`),
    );
  }
  return out;
}

/** Past this size a file is not read at all (parse.ts refuses past MAX_RECORD_CHARS characters). */
const MAX_RECORD_BYTES = 4 * MAX_RECORD_CHARS;
const START: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

/** A record file that could not be used at all: it still gets a line in the log, with why. */
function unusable(rel: string, message: string): LoadedRecord {
  const f: Finding = { rule: 'decision-schema', severity: 'error', file: rel, range: START, message };
  return { file: rel, text: '', doc: undefined, header: {}, findings: [f], rangeOf: () => START, readOnly: message };
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Reads one record file: plain files only (a symbolic link could point outside the workspace,
 * where an edit would then write; a FIFO or device could hang or never end), bytes decoded
 * once here, so every reader sees the same text and knows whether a write keeps the file as
 * it was. Undefined when the file vanished between listing and reading.
 */
async function readRecordFile(fs: FileSystemPort, abs: string, rel: string, plainFile: boolean): Promise<LoadedRecord | undefined> {
  let bytes: Uint8Array | undefined;
  try {
    const stat = await fs.stat(abs);
    if (!plainFile) {
      if (stat?.kind === 'directory') return undefined;
      const what = stat === undefined ? 'a symbolic link to a file that does not exist' : stat.kind === 'file' ? 'a symbolic link' : 'not a regular file (a FIFO, socket or device)';
      return unusable(rel, `the record was not read: it is ${what}; Adrift reads only plain files in the decisions folder, so replace it with the file itself`);
    }
    if (stat === undefined) return undefined;
    if (stat.size > MAX_RECORD_BYTES) return unusable(rel, `the file is ${Math.round(stat.size / 1024)} KB; a decision record is at most ${MAX_RECORD_CHARS / 1000} KB, so it was not read`);
    bytes = await fs.readBytes(abs);
  } catch (err) {
    return unusable(rel, `could not read the record: ${errorText(err)}`);
  }
  if (bytes === undefined) return undefined;
  const decoded = decodeText(bytes);
  const r = parseRecord(rel, decoded.text);
  if (decoded.bom && decoded.encoding === 'UTF-8') r.bom = true;
  if (decoded.encoding !== 'UTF-8') {
    const how = `${decoded.encoding}${decoded.bom ? ', with a byte-order mark' : ' (no byte-order mark; guessed from its NUL bytes)'}`;
    r.readOnly = `it is saved as ${how}; save it as UTF-8 first`;
    r.findings.unshift(finding(r, 'decision-schema', 'warning', START, `the file is saved as ${how}; Adrift reads it, but edits only UTF-8 records: save it as UTF-8`));
  } else if (decoded.invalid) {
    const { byte, at } = decoded.invalid;
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    r.readOnly = `it is not valid UTF-8 (byte ${hex} at line ${at.line + 1}, column ${at.column + 1}); save it as UTF-8 first`;
    r.findings.unshift(
      finding(r, 'decision-schema', 'error', { start: at, end: { line: at.line, column: at.column + 1 } }, `byte ${hex} is not valid UTF-8 (was the file saved as Latin-1 or Windows-1252?); Adrift reads the rest, but will not edit this record until it is saved as UTF-8`),
    );
  }
  return r;
}

/**
 * A record whose YAML does not parse still deserves a line in the log: its number from the
 * file name and its title from a plain `title:` line, so lists stay sorted and readable.
 */
function withFallbackHeader(r: LoadedRecord, name: string): LoadedRecord {
  if (r.header.id === undefined) {
    const id = idFromFileName(name);
    if (id !== undefined) r.header.id = id;
  }
  if (r.header.title === undefined && !r.record) {
    const m = /^title:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(r.text.slice(0, 10_000));
    const title = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    if (title && !/^[[{&*!|>]/.test(title)) r.header.title = title;
  }
  return r;
}

/** Checks across records. Exported so the extension can re-run them on records it holds in memory. */
export function checkLog(records: readonly LoadedRecord[], today: string): Finding[] {
  const out: Finding[] = [];
  const byId = new Map<number, LoadedRecord[]>();
  for (const r of records) {
    const id = idOf(r);
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  const declared = new Set<string>();
  for (const r of records) for (const m of Object.keys(r.record?.enforce?.modules ?? {})) declared.add(m);
  // A name a pattern module could expand to (`service-billing` from `service-{name}`) may be declared: the folders tell, not the records.
  const mayBeDeclared = (name: string) => declared.has(name) || [...declared].some((key) => couldExpandTo(key, name));
  const cycles = replaceCycles(records);

  for (const r of records) {
    const name = r.file.slice(r.file.lastIndexOf('/') + 1);
    const id = idOf(r);
    const fileId = idFromFileName(name);
    if (fileId === undefined) {
      out.push(finding(r, 'decision-schema', 'warning', { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, `the file name should be NNNN-kebab-title.yaml (e.g. ${padId(id ?? 1)}-use-postgresql.yaml)`));
    } else if (id !== undefined && fileId !== id) {
      out.push(finding(r, 'decision-reference', 'warning', r.rangeOf(['id']), `id ${id} does not match the file name ${name}; rename the file to ${padId(id)}-… or fix the id`));
    }
    if (id !== undefined) {
      const same = byId.get(id) ?? [];
      if (same.length > 1) {
        const others = same.filter((o) => o !== r).map((o) => o.file);
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['id']), `id ${id} is also used by ${others.join(', ')} (two branches each added one?); run "adrift renumber" to give each record its own id`));
      }
    }
    const rec = r.record;
    if (!rec) continue;

    (rec.supersedes ?? []).forEach((sid, i) => {
      const targets = byId.get(sid);
      if (!targets) {
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['supersedes', i]), `supersedes record ${sid}, which does not exist`));
        return;
      }
      const t = targets[0].record;
      if (!t || sid === rec.id) return; // a self-reference is a cycle, reported below
      if (t.superseded_by !== undefined && t.superseded_by !== rec.id) {
        out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['supersedes', i]), `record ${sid} is already superseded by record ${t.superseded_by}; supersede ${t.superseded_by} instead, or take ${sid} out of this list`));
      } else if (rec.status === 'accepted' && t.status !== 'superseded') {
        out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['supersedes', i]), `record ${sid} is superseded by this one but does not say so (it should have status: superseded and superseded_by: ${rec.id}); run "adrift supersede ${sid} ${rec.id}"`));
      }
    });
    if (rec.superseded_by !== undefined) {
      const targets = byId.get(rec.superseded_by);
      if (!targets) {
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['superseded_by']), `superseded_by names record ${rec.superseded_by}, which does not exist`));
      } else {
        const t = targets[0].record;
        if (t && !(t.supersedes ?? []).includes(rec.id)) {
          out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['superseded_by']), `record ${rec.superseded_by} does not list ${rec.id} in its supersedes; add it there so both records tell the same story`));
        }
        if (rec.status !== 'superseded') {
          out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['superseded_by']), `superseded_by is set but the status is ${rec.status}; a replaced record has status superseded`));
        } else if (t && (t.status === 'proposed' || t.status === 'rejected') && t.id !== rec.id) {
          out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['superseded_by'], 'value'), `record ${t.id}, which replaces this one, is ${t.status}, so nothing enforces this decision any more; set this record back to accepted until ${t.id} is accepted (accepting ${t.id} marks this one superseded)`));
        }
      }
    }
    for (const { link, cycle } of cycles.filter((c) => c.link.record === r)) {
      const self = link.successor === link.predecessor;
      const message = self
        ? link.path[0] === 'supersedes' ? 'a record cannot supersede itself' : 'a record cannot be superseded by itself'
        : `supersede cycle: ${describeChain(cycle)}; a record cannot replace, directly or through others, a record that replaces it: remove this link or the other`;
      out.push(finding(r, 'decision-reference', 'error', r.rangeOf(link.path, 'value'), message));
    }
    if (rec.review_by && rec.review_by < today && (rec.status === 'accepted' || rec.status === 'proposed')) {
      out.push(finding(r, 'decision-lifecycle', 'warning', r.rangeOf(['review_by']), `review_by ${rec.review_by} has passed; revisit the decision and confirm it (set a new review_by), supersede it or deprecate it`));
    }
    for (const { at, glob } of recordGlobs(rec)) {
      const problem = globProblem(glob);
      if (problem) out.push(finding(r, 'decision-reference', 'error', r.rangeOf(at), problem));
    }
    for (const [mod, decl] of Object.entries(rec.enforce?.modules ?? {})) {
      (decl.uses ?? []).forEach((used, i) => {
        // `{name}-db` in pattern service-{name}: a module name once the folders give {name}.
        if (mayBeDeclared(used) || (capturesOf(used).length > 0 && capturesOf(used).every((c) => capturesOf(mod).includes(c)))) return;
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['enforce', 'modules', mod, 'uses', i]), `module ${mod} uses "${used}", but no record declares a module ${used}${hint(used, declared)}`));
      });
    }
    out.push(...layerReferences(r, declared));
    for (const [pkg, mods] of Object.entries(rec.enforce?.packages?.only_in ?? {})) {
      mods.forEach((mod, i) => {
        if (mayBeDeclared(mod)) return;
        out.push(finding(r, 'decision-reference', 'error', r.rangeOf(['enforce', 'packages', 'only_in', pkg, i]), `package ${pkg} is confined to "${mod}", but no record declares a module ${mod}${hint(mod, declared)}`));
      });
    }
    out.push(...reviewRecord(r));
  }
  out.push(...checkModel(foldModel(records)));
  return out;
}

/** Modules a record's `layers` name that no record declares, and modules it puts in two layers. */
function layerReferences(r: LoadedRecord, declared: Set<string>): Finding[] {
  const out: Finding[] = [];
  const placed = new Map<string, string>();
  (r.record?.enforce?.layers ?? []).forEach((layer, i) => {
    const { name, modules } = readLayer(layer);
    modules.forEach((key, j) => {
      const at = Array.isArray(layer) ? ['enforce', 'layers', i, j] : ['enforce', 'layers', i, 'modules', j];
      if (!declared.has(key)) out.push(finding(r, 'decision-reference', 'error', r.rangeOf(at), `layer "${name}" names "${key}", but no record declares a module ${key}${hint(key, declared)}`));
      const first = placed.get(key);
      if (first === undefined) placed.set(key, name);
      else out.push(finding(r, 'decision-model', 'error', r.rangeOf(at), `module ${key} is in layer "${first}" and in layer "${name}"; a module belongs to one layer: take it out of one of them`));
    });
  });
  return out;
}

/** Every glob a record writes, with its field path. */
function recordGlobs(rec: DecisionRecord): { at: (string | number)[]; glob: string }[] {
  const out: { at: (string | number)[]; glob: string }[] = [];
  for (const [mod, decl] of Object.entries(rec.enforce?.modules ?? {})) {
    for (const key of ['paths', 'public'] as const) (decl[key] ?? []).forEach((glob, i) => out.push({ at: ['enforce', 'modules', mod, key, i], glob }));
  }
  (rec.enforce?.imports?.forbid ?? []).forEach((rule, i) => {
    out.push({ at: ['enforce', 'imports', 'forbid', i, 'from'], glob: rule.from }, { at: ['enforce', 'imports', 'forbid', i, 'to'], glob: rule.to });
  });
  return out;
}

function hint(name: string, declared: Set<string>): string {
  const guess = closest(name, [...declared]);
  return guess ? ` (did you mean "${guess}"?)` : declared.size ? ` (declared: ${[...declared].sort().join(', ')})` : '';
}
