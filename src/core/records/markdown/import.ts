// Markdown decision records → Adrift records. Reads MADR 2, 3 and 4 (front matter or
// "* Status:" bullets, "Chosen option", good/bad arguments), Nygard / adr-tools records
// ("# 1. Title", "Date:", a "## Status" section with "Superseded by" / "Supersedes" /
// "Amended by" links), log4brains (YYYYMMDD- names) and home-grown variants of these.
//
// Nothing is dropped silently: what maps onto a field is structured, the rest is kept
// verbatim as Markdown (sub-sections inside the field's text, other text under `extra`),
// and every guess or default is named in the record's notes.

import { DECISION_STATUSES, type DecisionLink, type DecisionOption, type DecisionRecord, type DecisionStatus, type RecordExtra } from '../types';
import { dropGeneratedConfirmation } from './confirmation';
import { splitList, splitMarkdown, textOf, wordsIn, type MarkdownDoc, type MarkdownSection } from './sections';
import { compareText } from '../../order';

export interface ImportedRecord {
  /** The number from the file name (or given to a date-named file). */
  id: number;
  /** The kebab part of the file name, for the YAML file's name. */
  slug: string;
  record: DecisionRecord;
  /** Things a person should check: guessed statuses, defaults, text kept aside ... */
  notes: string[];
  /** The Markdown file it came from. */
  source: string;
}

export interface ImportOptions {
  /** Date for records that carry none (YYYY-MM-DD). */
  today: string;
  /** The number to give the record instead of the one in its name (date-named files). */
  id?: number;
  /** How the log writes dates such as 05/02/2018, when its other dates show it (see importMarkdownFiles). */
  slashOrder?: 'dmy' | 'mdy';
  /** The number of another imported file, by its file name: resolves links such as `(20201016-x.md)`. */
  idOfFile?: (fileName: string) => number | undefined;
}

/** `0001-x.md`, `001_x.md`, `adr-001-x.md`, `ADR-0002-x.md`, `adr001-x.md`, log4brains `20200924-x.md`. */
const MD_FILE = /^(?:adr[-_ ]?)?(\d+)[-_ .]+(.+)\.(md|markdown)$/i;
const DATED = /^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/** The number and slug in a record's file name; `date` for log4brains' YYYYMMDD names, which carry no number. */
export function markdownRecordName(name: string): { id: number; slug: string; date?: string } | undefined {
  const m = MD_FILE.exec(name);
  if (!m) return undefined;
  const d = DATED.exec(m[1]);
  return { id: Number(m[1]), slug: slugOf(m[2]), ...(d ? { date: `${d[1]}-${d[2]}-${d[3]}` } : {}) };
}

function slugOf(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'decision';
}

const baseName = (p: string) => p.slice(p.replace(/\\/g, '/').lastIndexOf('/') + 1);

/** Record numbers in a status line or link: "ADR-0005", "[5. Title](0005-title.md)", "#5", "5". */
function referencedIds(text: string, idOfFile?: (f: string) => number | undefined): number[] {
  const ids = new Set<number>();
  for (const m of text.matchAll(/\(([^)\s]*\.(?:md|markdown))(?:#[^)]*)?\)/gi)) {
    const f = decodeURIComponent(baseName(m[1]));
    const id = idOfFile?.(f) ?? markdownRecordName(f)?.id;
    if (id !== undefined) ids.add(id);
  }
  if (ids.size === 0) for (const m of text.matchAll(/(?:ADR[- ]?|#|\[)(\d+)/gi)) ids.add(Number(m[1]));
  if (ids.size === 0) for (const m of text.matchAll(/\b(\d+)\b/g)) ids.add(Number(m[1]));
  return [...ids];
}

interface StatusInfo {
  status?: DecisionStatus;
  supersededBy?: number;
  supersedes: number[];
  note?: string;
  /** Links such as adr-tools' "Amended by [2. Title](0002-title.md)". */
  links?: DecisionLink[];
  /** Lines that carry more than Adrift could structure, kept as written. */
  rest?: string[];
}

const stripEmphasis = (s: string) => s.replace(/^[*_]+|[*_]+$/g, '').replace(/(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$)/g, '$1').trim();
/** What is left of a line once its links, record numbers and `words` are taken out. */
const leftover = (line: string, words: RegExp) =>
  line.replace(/\[[^\]]*\]\([^)]*\)/g, ' ').replace(words, ' ').replace(/\bADR[- ]?\d+\b/gi, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/\b\d+\b/g, ' ').trim();

function statusWord(word: string): DecisionStatus | undefined {
  if ((DECISION_STATUSES as readonly string[]).includes(word)) return word as DecisionStatus;
  if (['approved', 'adopted', 'done', 'implemented', 'active', 'agreed', 'decided'].includes(word)) return 'accepted';
  if (['deprecated', 'obsolete', 'retired', 'replaced'].includes(word)) return 'deprecated';
  if (['declined', 'abandoned', 'withdrawn'].includes(word)) return 'rejected';
  if (['draft', 'proposal', 'open', 'pending', 'wip', 'review', 'discussion', 'progress'].includes(word)) return 'proposed';
  return undefined;
}

/** A Markdown link to anything but a record file (`.md`). */
const OTHER_LINK = /\]\((?![^)\s]*\.(?:md|markdown)(?:#[^)]*)?\))[^)]+\)/i;

/** adr-tools' other links between records: "Amended by [2. …](…)", "Clarifies [3. …](…)". */
const RELATION = /^(amended by|amends|clarified by|clarifies|extended by|extends|relates to|related to|see also|drives|driven by)\b/;

/** Reads a status line or a Nygard status section. */
export function readStatus(text: string, idOfFile?: (f: string) => number | undefined): StatusInfo {
  const info: StatusInfo = { supersedes: [] };
  const keep = (raw: string) => (info.rest ??= []).push(raw);
  for (const raw of text.split('\n')) {
    const line = stripEmphasis(raw.replace(/^\s*(?:[*+-]\s+)?(?:status\s*:\s*)?/i, '').trim());
    if (!line) continue;
    const lower = line.toLowerCase();
    if (/^super[sc]eded\b/.test(lower)) {
      info.status = 'superseded';
      const ids = referencedIds(line.replace(/^super[sc]eded( by)?/i, ''), idOfFile);
      if (ids.length) info.supersededBy = ids[0];
      if (leftover(line, /\bsuper[sc]eded\b|\bby\b/gi)) keep(raw);
    } else if (/^super[sc]edes\b/.test(lower)) {
      info.supersedes.push(...referencedIds(line.replace(/^super[sc]edes/i, ''), idOfFile));
      if (leftover(line, /\bsuper[sc]edes\b/gi)) keep(raw);
    } else if (RELATION.test(lower) && /\]\([^)]+\)/.test(line)) {
      // "Amended by [2. Title](0002-title.md)", "Clarifies [3. …](…)": a link with its relation as the title.
      const l = /\[([^\]]*)\]\(([^)]+)\)/.exec(line)!;
      if ((line.match(/\]\(/g) ?? []).length === 1) (info.links ??= []).push({ title: line.replace(l[0], l[1]).trim(), url: l[2] });
      else keep(raw);
    } else if (info.status === undefined) {
      const word = lower.replace(/[^a-z ]/g, ' ').trim().replace(/^(?:in|under)\s+/, '').split(/\s+/)[0] ?? '';
      const known = statusWord(word);
      if (known) {
        info.status = known;
        if (known !== word) info.note = `status "${line}" read as ${known}`;
        // A link that is no record's (`[Deprecated](https://…/pull/395)`, the change that decided it) is text to keep.
        if (leftover(line, new RegExp(`\\b${word}\\b`, 'gi')) || OTHER_LINK.test(line)) keep(raw);
      } else {
        info.status = 'proposed';
        info.note = `status "${line}" is not one Adrift knows; imported as proposed`;
        keep(raw);
      }
    } else keep(raw);
  }
  if (info.supersededBy === undefined && info.status === 'superseded' && info.rest) delete info.note;
  return info;
}

function people(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string' && v.trim() && !v.includes('{')) return v.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date in one of the unambiguous forms people write: 2020-01-31, 2020/01/31, 31.01.2020,
 * 31/01/2020 or 01/31/2020 when one part is over 12, 31 January 2020, January 31, 2020.
 * `rest` says whether the text holds more than the date.
 */
export function parseDate(v: unknown, slashOrder?: 'dmy' | 'mdy'): { date?: string; rest: boolean; guessed?: boolean } {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return { date: v.toISOString().slice(0, 10), rest: false };
  const s = String(v ?? '').trim();
  const tries: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
    [/(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T ][\d:.]+Z?)?/, (m) => ymd(+m[1], +m[2], +m[3])],
    [/(\d{1,2})\.(\d{1,2})\.(\d{4})/, (m) => ymd(+m[3], +m[2], +m[1])],
    [/(\d{1,2})[/-](\d{1,2})[/-](\d{4})/, (m) => (+m[1] > 12 ? ymd(+m[3], +m[2], +m[1]) : +m[2] > 12 ? ymd(+m[3], +m[1], +m[2]) : +m[1] === +m[2] ? ymd(+m[3], +m[1], +m[2]) : undefined)],
    [/(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})/i, (m) => (month(m[2]) ? ymd(+m[3], month(m[2])!, +m[1]) : undefined)],
    [/([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/i, (m) => (month(m[1]) ? ymd(+m[3], month(m[1])!, +m[2]) : undefined)],
  ];
  for (const [re, f] of tries) {
    const m = re.exec(s);
    const date = m ? f(m) : undefined;
    if (m && date) return { date, rest: wordsIn(s.replace(m[0], ' ')) > 0 };
  }
  // 05/02/2018: day or month first? Only the way the rest of the log writes its dates can say.
  const amb = /(\d{1,2})[/-](\d{1,2})[/-](\d{4})/.exec(s);
  if (amb && slashOrder) {
    const date = slashOrder === 'dmy' ? ymd(+amb[3], +amb[2], +amb[1]) : ymd(+amb[3], +amb[1], +amb[2]);
    if (date) return { date, rest: wordsIn(s.replace(amb[0], ' ')) > 0, guessed: true };
  }
  return { rest: s !== '' };
}

function month(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 || (name.length > 3 && !/^(january|february|march|april|may|june|july|august|september|sept|october|november|december)$/i.test(name)) ? undefined : i + 1;
}

const norm = (h: string) => stripEmphasis(h).toLowerCase().replace(/^\d+(\.\d+)*\.?\s+/, '').replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();

/** The sections nested under `parent` (deeper levels, up to the next of its level or above). */
function childrenOf(doc: MarkdownDoc, parent: MarkdownSection): MarkdownSection[] {
  const i = doc.sections.indexOf(parent);
  const out: MarkdownSection[] = [];
  for (let j = i + 1; j < doc.sections.length && doc.sections[j].level > parent.level; j++) out.push(doc.sections[j]);
  return out;
}

/** Sections as Markdown, headings at their source level, so sub-sections stay inside a field's text. */
function render(sections: readonly MarkdownSection[]): string {
  return sections.map((s) => [`${'#'.repeat(s.level)} ${s.heading}`, textOf(s.lines)].filter(Boolean).join('\n\n')).join('\n\n');
}

/** Paragraphs joined by a blank line; blank lines at the ends dropped, a first line's indentation kept. */
const joinText = (...parts: (string | undefined)[]) => parts.map((p) => p?.replace(/^(?:[ \t]*\n)+/, '').trimEnd()).filter(Boolean).join('\n\n');

const ARG = /^(good|pros?|bad|cons?|neutral)(?:\s*[,:]\s*|\s+)because\b[,:]?\s*([\s\S]*)$|^(good|pros?|bad|cons?|neutral)\s*[,:]\s*([\s\S]*)$/i;

/** Reads a good/bad/neutral argument list ("Good, because …"); the text beside the list is `rest`. */
function argumentsOf(lines: readonly string[]): { good: string[]; bad: string[]; neutral: string[]; other: string[]; rest: string } {
  const out = { good: [] as string[], bad: [] as string[], neutral: [] as string[], other: [] as string[], rest: '' };
  const parts = splitList(lines);
  for (const item of parts.items) {
    const a = argumentKind(item);
    (a ? out[a.kind] : out.other).push(a ? a.text : item);
  }
  out.rest = textOf(parts.rest);
  return out;
}

/** A "Good, because …" / "Bad: …" / "Neutral, because …" item: its kind and its text. */
function argumentKind(item: string): { kind: 'good' | 'bad' | 'neutral'; text: string } | undefined {
  const m = ARG.exec(stripLead(item));
  if (!m || !(m[2] ?? m[4]).trim()) return undefined;
  const k = (m[1] ?? m[3]).toLowerCase();
  return { kind: k.startsWith('good') || k.startsWith('pro') ? 'good' : k.startsWith('bad') || k.startsWith('con') ? 'bad' : 'neutral', text: (m[2] ?? m[4]).trim() };
}

/** "**Good**, because" reads as "Good, because". */
const stripLead = (item: string) => item.replace(/^([*_]{1,2})(good|pros?|bad|cons?|neutral)\1/i, '$2');

const QUOTE_OPEN = /^["“']/;

/** The chosen option and the rationale of a MADR "Chosen option: …" paragraph. */
export function chosenOf(text: string): { chosen?: string; rationale?: string } {
  const at = /(?:\*\*|__)?Chosen option(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*/i.exec(text);
  if (!at) return {};
  const after = text.slice(at.index + at[0].length);
  let chosen: string | undefined;
  let rest = '';
  if (QUOTE_OPEN.test(after)) {
    // An Adrift export escapes quote marks (\"); a hand-written one may not: then the name
    // runs to the last quote before ", because", a full stop or the end of the line.
    const q = after[0] === "'" ? "'" : '"”';
    const open = after[0] === "'" ? "'" : '"“';
    const escaped = new RegExp(`^[${open}]((?:\\\\.|[^${q}\\\\\\n])*)[${q}](?=\\s*(?:,|;|\\.|\\n|$|\\s+because\\b))`).exec(after);
    const loose = escaped ?? new RegExp(`^[${open}](.*?)[${q}](?=\\s*(?:,\\s*because\\b|\\.\\s|\\.?\\s*(?:\\n|$)|\\s+because\\b))`).exec(after) ?? new RegExp(`^[${open}](.*?)[${q}](?=\\s*(?:,|;))`).exec(after);
    if (loose) {
      chosen = escaped ? escaped[1].replace(/\\(.)/g, '$1') : loose[1];
      rest = after.slice(loose[0].length);
    }
  }
  if (chosen === undefined) {
    const m = /^([^,\n]+?)(?=\s*(?:,|\.\s|\.?\s*(?:\n|$)))/.exec(after);
    if (!m) return {};
    chosen = m[1].replace(/(?:\*\*|__)$/, '').trim();
    rest = after.slice(m[0].length);
  }
  rest = rest.replace(/^(?:\*\*|__)?\s*[,;]?\s*(?:because\b\s*[,:]?)?[ \t]*/i, '');
  if (/^\.\s*$/.test(rest) || /^\.[ \t]*\n/.test(rest)) rest = rest.replace(/^\.[ \t]*/, '');
  const before = text.slice(0, at.index).trim();
  const rationale = joinText(before, rest);
  return { chosen: chosen.trim(), ...(rationale ? { rationale } : {}) };
}

function isNygard(doc: MarkdownDoc): boolean {
  return doc.sections.some((s) => s.level === 2 && norm(s.heading) === 'status');
}

/** Front-matter keys Adrift reads; the others are kept in `extra.front_matter`. */
const KNOWN_FRONT_MATTER = new Set(['status', 'date', 'deciders', 'decision-makers', 'consulted', 'informed', 'tags', 'title', 'adrift']);
const META_LINE = /^\s*(?:[*+-]\s+)?(?:\*\*|__)?(status|deciders|decision[- ]makers|date|decision date|last updated|tags|supersedes|superseded by)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/i;

const CONTEXT = /^(context|context and problem statement|problem statement|problem|background|context and problem|issue|the problem)$/;
const DRIVERS = /^(decision drivers|drivers|decision criteria|forces)$/;
const OPTIONS = /^(considered options|options|options considered|alternatives|considered alternatives|alternatives considered)$/;
const OUTCOME = /^(decision outcome|decision|outcome|the decision|resolution)$/;
const CONSEQUENCES = /^(consequences|implications|consequences and risks)$/;
const PROS_CONS = /^(pros and cons of the options|pros and cons|options in detail|detailed options)$/;
const MORE = /^(more information|links|references|related|related decisions|related adrs|see also)$/;

/** A heading whose section maps onto record fields (its words are structure, not content). */
export function isStructuralHeading(heading: string): boolean {
  const h = norm(heading);
  return h === 'status' || [CONTEXT, DRIVERS, OPTIONS, OUTCOME, CONSEQUENCES, PROS_CONS, MORE].some((re) => re.test(h)) || /^(positive|negative) consequences/.test(h);
}

export function importMarkdownRecord(fileName: string, text: string, opts: ImportOptions): ImportedRecord | undefined {
  const name = baseName(fileName);
  const named = markdownRecordName(name);
  if (!named) return undefined;
  const id = opts.id ?? named.id;
  const resolve = opts.idOfFile;
  const doc = splitMarkdown(text);
  const notes: string[] = [];
  const extra: RecordExtra = {};
  const preamble: string[] = [];
  const fm = doc.frontMatter;
  if (doc.frontMatterError) {
    notes.push(`front matter is not valid YAML (line ${doc.frontMatterError.line}: ${doc.frontMatterError.message}); kept as text in extra.preamble`);
    preamble.push(['```yaml', '---', doc.frontMatterError.text, '---', '```'].join('\n'));
  }
  if (doc.commentWords > 0) notes.push(`left out HTML comments (${doc.commentWords} word${doc.commentWords === 1 ? '' : 's'})`);

  let title = stripNumber(doc.title, id, named.id);
  if (!title && typeof fm.title === 'string' && fm.title.trim()) title = stripNumber(fm.title.trim(), id, named.id);
  if (!title) {
    title = name.replace(MD_FILE, '$2').replace(/[-_]+/g, ' ').trim() || `Decision ${id}`;
    notes.push(`no title; used "${title}" from the file name`);
  }

  // Metadata: front matter (MADR 3/4), "* Status:" bullets (MADR 2, log4brains), "Date:" lines (Nygard).
  // A metadata line whose value is not the one used (the front matter says otherwise) stays in the preamble.
  const meta: Record<string, string> = {};
  const metaRaw: Record<string, string> = {};
  const key = (k: string) => {
    const l = k.toLowerCase().replace(/[- ]/g, ' ');
    return l === 'decision makers' ? 'deciders' : l === 'decision date' || l === 'last updated' ? 'date' : l;
  };
  const metaLine = (line: string): boolean => {
    const b = META_LINE.exec(line);
    if (!b || meta[key(b[1])] !== undefined) return false;
    meta[key(b[1])] = b[2].replace(/(?:\*\*|__)$/, '').trim();
    metaRaw[key(b[1])] = line;
    return true;
  };
  const unused = new Set<string>();
  for (const line of doc.preamble) if (!metaLine(line)) preamble.push(line);
  const sectionByName = (re: RegExp, level = 2) => doc.sections.find((s) => s.level === level && re.test(norm(s.heading)));
  const statusSection = sectionByName(/^status$/);
  const statusLines: string[] = [];
  if (statusSection) for (const line of statusSection.lines) if (/^\W*status\b/i.test(line) || !metaLine(line)) statusLines.push(line);
  const fmStatus = typeof fm.status === 'string' && !fm.status.includes('{') ? fm.status : undefined;
  if (meta.status !== undefined && (statusSection || fmStatus !== undefined)) unused.add('status');
  const statusText = [statusSection ? textOf(statusLines) : (fmStatus ?? meta.status ?? ''), meta.supersedes ? `Supersedes ${meta.supersedes}` : '', meta['superseded by'] ? `Superseded by ${meta['superseded by']}` : ''].filter(Boolean).join('\n');
  const st = readStatus(statusText, resolve);
  if (st.note) notes.push(st.note);
  if (st.rest?.length) addBlock(preamble, st.rest);
  if (fmStatus === undefined && fm.status !== undefined) notes.push(`front-matter status ${JSON.stringify(fm.status)} not understood`);

  const rec: DecisionRecord = { id, title, status: st.status ?? 'accepted', date: '' };
  if (st.status === undefined) notes.push('no status given; imported as accepted (the default)');
  const dateSource = fm.date ?? meta.date;
  const date = parseDate(dateSource, opts.slashOrder);
  if (date.guessed) notes.push(`date "${String(dateSource)}" read as ${date.date}, ${opts.slashOrder === 'dmy' ? 'day' : 'month'} first as the log's other dates are written`);
  if (meta.date !== undefined && fm.date !== undefined) unused.add('date');
  if (date.date) {
    rec.date = date.date;
    if (date.rest && fm.date === undefined) unused.add('date');
    else if (date.rest) notes.push(`date "${String(dateSource)}" read as ${date.date}`);
  } else if (named.date) {
    rec.date = named.date;
    if (dateSource !== undefined && String(dateSource).trim()) notes.push(`date "${String(dateSource)}" not understood; used ${named.date} from the file name`);
  } else {
    rec.date = opts.today;
    notes.push(dateSource !== undefined && String(dateSource).trim() ? `date "${String(dateSource)}" not understood; used today, ${opts.today} (the default)` : `no date given; used today, ${opts.today} (the default)`);
    if (dateSource !== undefined && fm.date === undefined && String(dateSource).trim()) unused.add('date');
  }
  const fmDeciders = people(fm['decision-makers']) ?? people(fm.deciders);
  if (fmDeciders && meta.deciders !== undefined) unused.add('deciders');
  const deciders = fmDeciders ?? people(meta.deciders);
  if (deciders?.length) rec.deciders = deciders;
  const consulted = people(fm.consulted);
  if (consulted?.length) rec.consulted = consulted;
  const informed = people(fm.informed);
  if (informed?.length) rec.informed = informed;
  if (people(fm.tags) && meta.tags !== undefined) unused.add('tags');
  const tags = people(fm.tags) ?? people(meta.tags);
  for (const k of unused) addBlock(preamble, [metaRaw[k]]);
  if (tags?.length) rec.tags = tags;
  if (st.supersededBy !== undefined) rec.superseded_by = st.supersededBy;
  if (st.supersedes.length) rec.supersedes = [...new Set(st.supersedes)];
  const otherFront = Object.fromEntries(Object.entries(fm).filter(([k]) => !KNOWN_FRONT_MATTER.has(k)));
  if (Object.keys(otherFront).length) extra.front_matter = otherFront;

  const fromAdrift = (fm.adrift && typeof fm.adrift === 'object' ? fm.adrift : undefined) as Partial<DecisionRecord> | undefined;
  dropGeneratedConfirmation(doc, fromAdrift); // written by adrift export from the front matter, not the author's words
  const good: string[] = [];
  const bad: string[] = [];
  const neutral: string[] = [];
  const optionNames: string[] = [];
  const optionDetails = new Map<string, DecisionOption>();
  const links: DecisionLink[] = [...(st.links ?? [])];
  const texts: Record<'drivers' | 'options' | 'consequences' | 'links', string[]> = { drivers: [], options: [], consequences: [], links: [] };
  const sections: { heading: string; body: string }[] = [];
  let context: string[] = [];

  const readConsequences = (lines: readonly string[], kids: readonly MarkdownSection[], proseIsItem: boolean) => {
    const args = argumentsOf(lines);
    good.push(...args.good);
    bad.push(...args.bad);
    neutral.push(...args.neutral, ...args.other);
    const none = !args.good.length && !args.bad.length && !args.neutral.length && !args.other.length;
    const prose = dedentText(joinText(args.rest, render(kids.filter((k) => !positiveOrNegative(k)))));
    for (const k of kids) {
      const pn = positiveOrNegative(k);
      if (!pn) continue;
      const parts = splitList(k.lines);
      (pn === 'good' ? good : bad).push(...parts.items);
      if (textOf(parts.rest)) texts.consequences.push(`${'#'.repeat(k.level)} ${k.heading}\n\n${textOf(parts.rest)}`);
    }
    // Nygard consequences are prose: one neutral consequence, paragraphs and all.
    if (none && proseIsItem && prose) neutral.push(prose);
    else if (prose) texts.consequences.push(prose);
  };
  /** A section with its sub-sections folded into its lines, headings and all. */
  const withChildren = (k: MarkdownSection): MarkdownSection => ({ ...k, lines: [...k.lines, ...childrenOf(doc, k).flatMap((c) => ['', `${'#'.repeat(c.level)} ${c.heading}`, '', ...c.lines])] });
  const readOption = (k: MarkdownSection): DecisionOption => {
    // Good and bad arguments become pros and cons; everything else, neutral arguments and
    // other items included, stays in the description as written, in its order.
    const parts = splitList(k.lines);
    const pros: string[] = [];
    const cons: string[] = [];
    const described: string[] = [];
    for (const p of parts.sequence) {
      if ('line' in p) described.push(p.line);
      else {
        const kind = argumentKind(parts.items[p.item]);
        if (kind?.kind === 'good') pros.push(kind.text);
        else if (kind?.kind === 'bad') cons.push(kind.text);
        else described.push(...p.raw);
      }
    }
    const description = dedentText(textOf(described));
    const o: DecisionOption = { name: stripEmphasis(k.heading.replace(/^(?:option\s*)?\d+[.:)]\s*/i, (p) => (/option/i.test(p) ? p : ''))) || k.heading };
    if (description) o.description = description;
    if (pros.length) o.pros = pros;
    if (cons.length) o.cons = cons;
    return o;
  };

  const tops = doc.sections.filter((s, i) => s.level === 2 || !doc.sections.slice(0, i).some((p) => p.level < s.level));
  for (const s of tops) {
    const h = norm(s.heading);
    const body = dedentText(textOf(s.lines));
    const kids = childrenOf(doc, s);
    if (s === statusSection) {
      if (kids.length) addBlock(preamble, [render(kids)]);
    } else if (CONTEXT.test(h) && !isDecisionLike(h, doc)) context.push(joinText(body, render(kids)));
    else if (DRIVERS.test(h)) {
      const parts = splitList(s.lines);
      rec.drivers = [...(rec.drivers ?? []), ...parts.items];
      texts.drivers.push(joinText(textOf(parts.rest), render(kids)));
    } else if (OPTIONS.test(h)) {
      const parts = splitList(s.lines);
      optionNames.push(...parts.items);
      texts.options.push(textOf(parts.rest));
      if (parts.items.length === 0 && kids.length) {
        // Options written as ### headings: each heading an option, its text the description.
        for (const k of kids.filter((k) => k.level === s.level + 1)) {
          const o = readOption(withChildren(k));
          optionNames.push(o.name);
          optionDetails.set(o.name, o);
        }
      } else texts.options.push(render(kids));
    } else if (OUTCOME.test(h)) {
      const c = chosenOf(body);
      const rationale = c.chosen ? c.rationale : body;
      rec.decision = { chosen: c.chosen ?? title, ...(rationale ? { rationale } : {}) };
      const cons = kids.filter((k) => CONSEQUENCES.test(norm(k.heading)) || positiveOrNegative(k));
      for (const k of cons.filter((k) => !positiveOrNegative(k))) readConsequences(k.lines, childrenOf(doc, k), true);
      if (cons.some(positiveOrNegative)) readConsequences([], cons.filter(positiveOrNegative), true);
      const others = kids.filter((k) => !cons.includes(k) && !cons.some((c) => childrenOf(doc, c).includes(k)));
      const more = render(others);
      if (more) rec.decision.rationale = joinText(rec.decision.rationale, more);
    } else if (CONSEQUENCES.test(h)) readConsequences(s.lines, kids, true);
    else if (PROS_CONS.test(h)) {
      texts.options.push(body);
      for (const k of kids.filter((k) => k.level === s.level + 1)) {
        const o = readOption(withChildren(k));
        const known = optionDetails.get(o.name);
        optionDetails.set(o.name, known ? { ...known, description: joinText(known.description, o.description) || undefined, pros: [...(known.pros ?? []), ...(o.pros ?? [])], cons: [...(known.cons ?? []), ...(o.cons ?? [])] } : o);
      }
    } else if (MORE.test(h)) {
      const parts = splitList(s.lines);
      const kept: string[] = [];
      for (const item of parts.items) {
        const plain = stripEmphasis(item);
        if (/^super[sc]edes\b/i.test(plain) && !leftover(plain, /\bsuper[sc]edes\b/gi)) {
          if (!fromAdrift) rec.supersedes = [...new Set([...(rec.supersedes ?? []), ...referencedIds(plain, resolve)])];
        } else if (/^super[sc]eded by\b/i.test(plain) && !leftover(plain, /\bsuper[sc]eded\b|\bby\b/gi)) {
          const ids = referencedIds(plain, resolve);
          if (!fromAdrift && ids.length && rec.superseded_by === undefined) rec.superseded_by = ids[0];
        } else if (fromAdrift && /^Review by \d{4}-\d{2}-\d{2}$/.test(item)) {
          // written by an Adrift export from review_by, which the front matter holds
        } else {
          const all = [...item.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)];
          const bare = /^<?(https?:\/\/[^\s>]+)>?$/.exec(item);
          if (all.length === 1 && !item.includes('\n')) {
            if (!fromAdrift) links.push({ ...(item.replace(all[0][0], all[0][1]).trim() ? { title: item.replace(all[0][0], all[0][1]).trim() } : {}), url: all[0][2] });
          } else if (bare) {
            if (!fromAdrift) links.push({ url: bare[1] });
          } else kept.push(`* ${item.replace(/\n(?=[^\n])/g, '\n  ')}`);
        }
      }
      texts.links.push(joinText(textOf(parts.rest), kept.join('\n'), render(kids)));
    } else {
      // A section Adrift has no field for, even an empty one: kept, heading and all.
      sections.push({ heading: s.heading, body: joinText(body, render(kids)) });
    }
  }
  if (isNygard(doc) && rec.decision) rec.decision.chosen = title;
  context = context.filter(Boolean);
  if (context.length) rec.context = context.join('\n\n');

  const same = sameOptionName;
  const detailOf = (n: string) => [...optionDetails.values()].find((o) => same(o.name) === same(n));
  const options: DecisionOption[] = optionNames.map((n) => ({ ...detailOf(n), name: n }));
  for (const o of optionDetails.values()) if (!optionNames.some((n) => same(n) === same(o.name))) options.push(o);
  for (const o of options) {
    if (!o.pros?.length) delete o.pros;
    if (!o.cons?.length) delete o.cons;
    if (!o.description) delete o.description;
  }
  if (options.length) rec.options = options;
  if (good.length || bad.length || neutral.length) {
    rec.consequences = {};
    if (good.length) rec.consequences.good = good;
    if (bad.length) rec.consequences.bad = bad;
    if (neutral.length) rec.consequences.neutral = neutral;
  }
  if (links.length) rec.links = links;
  if (!rec.drivers?.length) delete rec.drivers;

  const pre = textOf(preamble);
  if (pre) extra.preamble = pre;
  for (const k of ['drivers', 'options', 'consequences', 'links'] as const) {
    const t = joinText(...texts[k]);
    if (t) extra[k] = t;
  }
  if (sections.length) extra.sections = sections;
  if (Object.keys(extra).length) rec.extra = extra;
  const kept = [extra.preamble && 'lines under the title', extra.sections && `section${extra.sections.length === 1 ? '' : 's'} ${extra.sections.map((x) => `"${x.heading}"`).join(', ')}`, extra.drivers && 'text in Decision Drivers', extra.options && 'text in Considered Options', extra.consequences && 'text in Consequences', extra.links && 'text in More Information'].filter(Boolean);
  if (kept.length && !fromAdrift) notes.push(`kept as Markdown in extra: ${kept.join('; ')}`);

  if (fromAdrift) Object.assign(rec, pickAdriftFields(fromAdrift));
  return { id, slug: named.slug, record: rec, notes, source: fileName };
}

/** Lines added to the preamble as a paragraph of their own, as an export writes them back. */
function addBlock(lines: string[], block: readonly string[]): void {
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length) lines.push('');
  lines.push(...block);
}

/** Text with the indentation all its lines share taken off (a body indented by a space or two). */
function dedentText(text: string): string {
  const lead = Math.min(...text.split('\n').filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return Number.isFinite(lead) && lead > 0 && lead < 4 ? text.split('\n').map((l) => l.slice(Math.min(lead, /^ */.exec(l)![0].length))).join('\n') : text;
}

/** Option names compared as a reader would: links as their text, emphasis, case and spacing aside. */
export function sameOptionName(n: string): string {
  return n.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`"]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** "### Positive Consequences" / "### Negative consequences" (MADR 2). */
function positiveOrNegative(k: MarkdownSection): 'good' | 'bad' | undefined {
  const h = norm(k.heading);
  return /^(positive consequences|pros|good)\b/.test(h) ? 'good' : /^(negative consequences|cons|bad|risks)\b/.test(h) ? 'bad' : undefined;
}

/** "Problem" is context only when the record has a separate decision section. */
function isDecisionLike(h: string, doc: MarkdownDoc): boolean {
  return h === 'issue' && !doc.sections.some((s) => OUTCOME.test(norm(s.heading)));
}

/**
 * The title without its record number: "1. Title", "ADR 1: Title", "ADR-0001 - Title"; a
 * number that is part of the title ("10 minute builds") stays.
 */
function stripNumber(heading: string, id: number, nameId: number): string {
  const t = heading.trim();
  const m = /^(ADR[- ]?)?(\d+)(\s*[.:\-–—)]\s*|\s+(?=\S))(.*)$/i.exec(t);
  if (!m || !m[4].trim()) return t;
  const n = Number(m[2]);
  const sep = m[3].trim();
  if (((n === id || n === nameId) && (m[1] || sep !== '')) || ((n === id || n === nameId) && /^\d+$/.test(m[2]) && m[2].length >= 3)) return m[4].trim();
  return t;
}

function pickAdriftFields(x: Partial<DecisionRecord>): Partial<DecisionRecord> {
  const keys = ['kind', 'area', 'tags', 'supersedes', 'superseded_by', 'review_by', 'links', 'build_vs_buy', 'evolution', 'enforce'] as const;
  const out: Partial<DecisionRecord> = {};
  for (const k of keys) if (x[k] !== undefined) (out as Record<string, unknown>)[k] = x[k];
  return out;
}

/** Why a Markdown file in a decisions folder is not imported, or undefined when it is a record. */
export function notARecord(name: string, text: string): { reason: string; problem: boolean } | undefined {
  const named = markdownRecordName(name);
  if (!named) return { reason: 'not a numbered record name (NNNN-title.md, adr-NNN-title.md, YYYYMMDD-title.md)', problem: false };
  if (text.includes('\u0000') || (text.match(/\uFFFD/g) ?? []).length > 8) return { reason: 'binary, not text', problem: true };
  if (text.trim() === '') return { reason: 'empty', problem: true };
  const doc = splitMarkdown(text);
  const placeholders = /\{[^}]*(title|short|problem|option|name)[^}]*\}|\[short title/i;
  if (/(^|-)template$/.test(named.slug) || (placeholders.test(doc.title) && /template|short title/i.test(text))) return { reason: 'a template, not a decision', problem: false };
  return undefined;
}

/**
 * Makes the supersede links of an imported log agree in both directions (Nygard logs write
 * both, MADR logs usually only "superseded by"), so the imported records lint clean.
 */
export function reconcileSupersedes(records: ImportedRecord[]): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const r of records) {
    const by = r.record.superseded_by;
    if (by !== undefined) {
      const succ = byId.get(by);
      if (succ && succ !== r && !(succ.record.supersedes ?? []).includes(r.id)) succ.record.supersedes = [...(succ.record.supersedes ?? []), r.id];
      if (r.record.status !== 'superseded') {
        r.notes.push(`superseded by ${by} but its status was ${r.record.status}; imported as superseded`);
        r.record.status = 'superseded';
      }
    }
    for (const old of r.record.supersedes ?? []) {
      const prev = byId.get(old);
      if (prev && prev !== r && prev.record.superseded_by === undefined) {
        prev.record.superseded_by = r.id;
        if (prev.record.status !== 'superseded') prev.notes.push(`record ${r.id} supersedes it; imported as superseded (its status was ${prev.record.status})`);
        prev.record.status = 'superseded';
      }
    }
  }
  for (const r of records) {
    if (r.record.status === 'superseded' && r.record.superseded_by === undefined) {
      r.notes.push('superseded, but by which record is not said; imported as deprecated');
      r.record.status = 'deprecated';
    }
  }
}

export interface SkippedFile {
  source: string;
  reason: string;
  /** True when the file should have been a record (empty, binary, too large): the import then exits 1. */
  problem: boolean;
}

/**
 * A folder of Markdown files → records, every file accounted for: imported or skipped with
 * a reason. log4brains' YYYYMMDD- names carry dates, not numbers: those files are numbered
 * in name order after the numbered ones, and their links resolved by file name.
 */
export function importMarkdownFiles(files: readonly { name: string; text: string }[], opts: { today: string }): { records: ImportedRecord[]; skipped: SkippedFile[] } {
  const skipped: SkippedFile[] = [];
  const usable: { name: string; text: string }[] = [];
  for (const f of [...files].sort((a, b) => compareText(a.name, b.name))) {
    const why = notARecord(f.name, f.text);
    if (why) skipped.push({ source: f.name, ...why });
    else usable.push(f);
  }
  const ids = markdownNumbers(usable.map((f) => f.name));
  const dated = usable.filter((f) => markdownRecordName(f.name)?.date !== undefined);
  const idOfFile = (n: string) => ids.get(n);
  const slashOrder = slashOrderOf(usable.map((f) => f.text));
  const records = usable.map((f) => {
    const r = importMarkdownRecord(f.name, f.text, { today: opts.today, id: ids.get(f.name), idOfFile, ...(slashOrder ? { slashOrder } : {}) })!;
    if (dated.includes(f)) r.notes.unshift(`numbered ${r.id}: its name carries a date, not a number`);
    return r;
  });
  return { records, skipped };
}

/**
 * The numbers an import gives Markdown records, by their file names alone: a numbered name
 * keeps its number; log4brains' dated names (`20201016-x.md`) are numbered in name order after
 * the highest number. Names that are no record name (`README.md`, `index.md`) and templates'
 * names (`0000-template.md`) get none. The decision log reserves these numbers, so a record
 * Adrift writes beside a Markdown log never takes one the log's import will need.
 */
export function markdownNumbers(names: readonly string[]): Map<string, number> {
  const named = [...names]
    .sort((a, b) => compareText(a, b))
    .flatMap((name) => {
      const n = markdownRecordName(name);
      return n && !/(^|-)template$/.test(n.slug) ? [{ name, ...n }] : [];
    });
  const numbered = named.filter((n) => n.date === undefined);
  const ids = new Map<string, number>(numbered.map((n) => [n.name, n.id]));
  let next = numbered.reduce((m, n) => Math.max(m, n.id), 0) + 1;
  for (const n of named) if (n.date !== undefined) ids.set(n.name, next++);
  return ids;
}

/** Day or month first in a log's NN/NN/YYYY dates: what its unambiguous ones show, if they agree. */
function slashOrderOf(texts: readonly string[]): 'dmy' | 'mdy' | undefined {
  let dmy = 0;
  let mdy = 0;
  for (const t of texts) {
    for (const m of t.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) {
      if (+m[1] > 12 && +m[2] <= 12) dmy++;
      else if (+m[2] > 12 && +m[1] <= 12) mdy++;
    }
  }
  return dmy > 0 && mdy === 0 ? 'dmy' : mdy > 0 && dmy === 0 ? 'mdy' : undefined;
}
