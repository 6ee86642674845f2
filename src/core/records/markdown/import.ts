// Markdown decision records → Adrift records. Reads MADR 2, 3 and 4 (front matter or
// "* Status:" bullets, "Chosen option", good/bad arguments) and Nygard / adr-tools records
// ("# 1. Title", "Date:", a "## Status" section with "Superseded by" / "Supersedes" links),
// keeping numbers, titles, statuses, dates and supersede links.

import { DECISION_STATUSES, type DecisionOption, type DecisionRecord, type DecisionStatus } from '../types';
import { dropGeneratedConfirmation } from './confirmation';
import { beforeBullets, bullets, splitMarkdown, textOf, type MarkdownDoc, type MarkdownSection } from './sections';

export interface ImportedRecord {
  /** The number from the file name. */
  id: number;
  /** The kebab part of the file name, for the YAML file's name. */
  slug: string;
  record: DecisionRecord;
  /** Things a person should check: guessed statuses, missing dates ... */
  notes: string[];
  /** The Markdown file it came from. */
  source: string;
}

export interface ImportOptions {
  /** Date for records that carry none (YYYY-MM-DD). */
  today: string;
}

const MD_FILE = /^(\d+)-(.+)\.(md|markdown)$/i;

export function isMarkdownRecordName(name: string): boolean {
  return MD_FILE.test(name);
}

function slugOf(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'decision';
}

/** Record numbers in a status line or link: "ADR-0005", "[5. Title](0005-title.md)", "#5", "5". */
function referencedIds(text: string): number[] {
  const ids = new Set<number>();
  for (const m of text.matchAll(/\((?:[^)]*\/)?(\d+)-[^)]*\.md\)/gi)) ids.add(Number(m[1]));
  if (ids.size === 0) for (const m of text.matchAll(/(?:ADR[- ]?|#|\[)(\d+)/gi)) ids.add(Number(m[1]));
  if (ids.size === 0) for (const m of text.matchAll(/\b(\d+)\b/g)) ids.add(Number(m[1]));
  return [...ids];
}

interface StatusInfo {
  status?: DecisionStatus;
  supersededBy?: number;
  supersedes: number[];
  note?: string;
}

/** Reads a status line or a Nygard status section. */
export function readStatus(text: string): StatusInfo {
  const info: StatusInfo = { supersedes: [] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s*[*-]\s+/, '').trim();
    if (!line) continue;
    const lower = line.toLowerCase();
    if (/^super[sc]eded by\b/.test(lower) || /^super[sc]eded\b/.test(lower)) {
      info.status = 'superseded';
      const ids = referencedIds(line.replace(/^super[sc]eded( by)?/i, ''));
      if (ids.length) info.supersededBy = ids[0];
    } else if (/^super[sc]edes\b/.test(lower)) {
      info.supersedes.push(...referencedIds(line.replace(/^super[sc]edes/i, '')));
    } else if (info.status === undefined) {
      const word = lower.replace(/[^a-z ]/g, ' ').trim().split(/\s+/)[0] ?? '';
      if ((DECISION_STATUSES as readonly string[]).includes(word)) info.status = word as DecisionStatus;
      else if (word === 'approved' || word === 'adopted' || word === 'done') info.status = 'accepted';
      else if (word === 'deprecated' || word === 'obsolete' || word === 'retired') info.status = 'deprecated';
      else if (word === 'declined') info.status = 'rejected';
      else {
        info.status = 'proposed';
        info.note = `status "${line}" is not one Adrift knows; imported as proposed`;
      }
    }
  }
  return info;
}

function people(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string' && v.trim() && !v.includes('{')) return v.split(',').map((s) => s.trim()).filter(Boolean);
  return undefined;
}

function dateIn(v: unknown): string | undefined {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(String(v ?? ''));
  return m ? m[1] : undefined;
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();

function childrenOf(doc: MarkdownDoc, parent: MarkdownSection): MarkdownSection[] {
  const i = doc.sections.indexOf(parent);
  const out: MarkdownSection[] = [];
  for (let j = i + 1; j < doc.sections.length && doc.sections[j].level > parent.level; j++) out.push(doc.sections[j]);
  return out;
}

/** Reads a good/bad/neutral argument list ("Good, because …"). */
function argumentsOf(lines: readonly string[]): { good: string[]; bad: string[]; neutral: string[]; other: string[] } {
  const out = { good: [] as string[], bad: [] as string[], neutral: [] as string[], other: [] as string[] };
  for (const item of bullets(lines)) {
    const m = /^(good|pro|bad|con|neutral)\b[,:]?\s*(?:because\s+)?(.*)$/i.exec(item);
    if (!m) out.other.push(item);
    else {
      const k = m[1].toLowerCase();
      (k === 'good' || k === 'pro' ? out.good : k === 'bad' || k === 'con' ? out.bad : out.neutral).push(m[2].trim());
    }
  }
  return out;
}

function chosenOf(text: string): { chosen?: string; rationale?: string } {
  const m = /Chosen option:\s*(?:"([^"]+)"|([^,.\n]+))\s*([\s\S]*)$/i.exec(text);
  if (!m) return {};
  const rest = m[3].replace(/^,?\s*because\b\s*/i, '').trim();
  const before = text.slice(0, m.index).trim();
  const rationale = [before, rest === '.' ? '' : rest].filter(Boolean).join('\n\n');
  return { chosen: (m[1] ?? m[2]).trim(), ...(rationale ? { rationale } : {}) };
}

function isNygard(doc: MarkdownDoc): boolean {
  return doc.sections.some((s) => s.level === 2 && norm(s.heading) === 'status');
}

export function importMarkdownRecord(fileName: string, text: string, opts: ImportOptions): ImportedRecord | undefined {
  const name = fileName.slice(fileName.lastIndexOf('/') + 1);
  const m = MD_FILE.exec(name);
  if (!m) return undefined;
  const id = Number(m[1]);
  const doc = splitMarkdown(text);
  const notes: string[] = [];
  const fm = doc.frontMatter;
  const title = doc.title.replace(/^(?:ADR[- ]?)?\d+[.:]?\s+/i, '').replace(/^\d+\.\s*/, '').trim() || m[2].replace(/-/g, ' ');

  // Metadata: front matter (MADR 3/4), "* Status:" bullets (MADR 2), "Date:" lines (Nygard).
  const meta: Record<string, string> = {};
  for (const line of doc.preamble) {
    const b = /^\s*(?:[*-]\s+)?(status|deciders|decision-makers|date|technical story)\s*:\s*(.*)$/i.exec(line);
    if (b) meta[b[1].toLowerCase()] = b[2].trim();
  }
  const sectionByName = (re: RegExp, level = 2) => doc.sections.find((s) => s.level === level && re.test(norm(s.heading)));
  const statusSection = sectionByName(/^status$/);
  const statusText = statusSection ? textOf(statusSection.lines) : String(fm.status ?? meta.status ?? '');
  const st = readStatus(statusText.includes('{') ? '' : statusText);
  if (st.note) notes.push(st.note);

  const rec: DecisionRecord = { id, title, status: st.status ?? 'accepted', date: '' };
  if (st.status === undefined) notes.push('no status given; imported as accepted');
  const date = dateIn(fm.date) ?? dateIn(meta.date);
  if (date) rec.date = date;
  else {
    rec.date = opts.today;
    notes.push(`no date given; used ${opts.today}`);
  }
  const deciders = people(fm['decision-makers']) ?? people(fm.deciders) ?? people(meta['decision-makers']) ?? people(meta.deciders);
  if (deciders?.length) rec.deciders = deciders;
  const consulted = people(fm.consulted);
  if (consulted?.length) rec.consulted = consulted;
  const informed = people(fm.informed);
  if (informed?.length) rec.informed = informed;
  if (st.supersededBy !== undefined) rec.superseded_by = st.supersededBy;
  if (st.supersedes.length) rec.supersedes = st.supersedes;

  const extraText: string[] = [];
  if (meta['technical story']) extraText.push(`Technical story: ${meta['technical story']}`);
  const good: string[] = [];
  const bad: string[] = [];
  const neutral: string[] = [];
  const optionNames: string[] = [];
  const optionDetails = new Map<string, DecisionOption>();
  const links: { title?: string; url: string }[] = [];
  const fromAdrift = (fm.adrift && typeof fm.adrift === 'object' ? fm.adrift : undefined) as Partial<DecisionRecord> | undefined;
  dropGeneratedConfirmation(doc, fromAdrift); // written by adrift export from the front matter, not the author's words

  for (const s of doc.sections) {
    if (s.level !== 2) continue;
    const h = norm(s.heading);
    const body = textOf(s.lines);
    const kids = childrenOf(doc, s);
    if (h === 'status') continue;
    if (h === 'context' || h === 'context and problem statement') rec.context = body;
    else if (h === 'decision drivers') rec.drivers = bullets(s.lines);
    else if (h === 'considered options') optionNames.push(...bullets(s.lines));
    else if (h === 'decision outcome' || h === 'decision') {
      const c = chosenOf(body);
      const rationale = c.chosen ? c.rationale : body;
      rec.decision = { chosen: c.chosen ?? title, ...(rationale ? { rationale } : {}) };
      for (const k of kids) {
        const kh = norm(k.heading);
        const args = argumentsOf(k.lines);
        if (kh === 'consequences') {
          good.push(...args.good);
          bad.push(...args.bad);
          neutral.push(...args.neutral, ...args.other);
        } else if (kh.startsWith('positive consequences')) good.push(...bullets(k.lines));
        else if (kh.startsWith('negative consequences')) bad.push(...bullets(k.lines));
        else if (textOf(k.lines)) {
          rec.decision.rationale = [rec.decision.rationale, `${k.heading}: ${textOf(k.lines)}`].filter(Boolean).join('\n\n');
        }
      }
    } else if (h === 'consequences') {
      const args = argumentsOf(s.lines);
      good.push(...args.good);
      bad.push(...args.bad);
      neutral.push(...args.neutral, ...args.other);
      if (!bullets(s.lines).length && body) neutral.push(body);
    } else if (h === 'pros and cons of the options') {
      for (const k of kids) {
        const args = argumentsOf(k.lines);
        const description = [textOf(beforeBullets(k.lines)), ...args.neutral.map((n) => `Neutral: ${n}`), ...args.other].filter(Boolean).join('\n');
        const o: DecisionOption = { name: k.heading.trim() };
        if (description) o.description = description;
        if (args.good.length) o.pros = args.good;
        if (args.bad.length) o.cons = args.bad;
        optionDetails.set(o.name, o);
      }
    } else if (h === 'more information' || h === 'links') {
      if (fromAdrift) continue; // an Adrift export: the front matter holds these exactly
      for (const item of bullets(s.lines)) {
        if (/^super[sc]edes\b/i.test(item)) rec.supersedes = [...new Set([...(rec.supersedes ?? []), ...referencedIds(item.replace(/^super[sc]edes/i, ''))])];
        else if (/^super[sc]eded by\b/i.test(item)) {
          const ids = referencedIds(item.replace(/^super[sc]eded by/i, ''));
          if (ids.length && rec.superseded_by === undefined) rec.superseded_by = ids[0];
        } else {
          const l = /\[([^\]]+)\]\(([^)]+)\)/.exec(item);
          if (l) links.push({ title: item.replace(l[0], l[1]).trim(), url: l[2] });
          else extraText.push(item);
        }
      }
      const prose = textOf(beforeBullets(s.lines));
      if (prose) extraText.push(prose);
    } else if (body || kids.length) {
      // A section Adrift has no field for: kept in the context so nothing is lost.
      extraText.push(`${s.heading}:\n${[body, ...kids.map((k) => `${k.heading}: ${textOf(k.lines)}`)].filter(Boolean).join('\n')}`);
    }
  }
  if (isNygard(doc) && rec.decision) rec.decision.chosen = title;

  const options: DecisionOption[] = optionNames.map((n) => optionDetails.get(n) ?? { name: n });
  for (const [n, o] of optionDetails) if (!optionNames.includes(n)) options.push(o);
  if (options.length) rec.options = options;
  if (good.length || bad.length || neutral.length) {
    rec.consequences = {};
    if (good.length) rec.consequences.good = good;
    if (bad.length) rec.consequences.bad = bad;
    if (neutral.length) rec.consequences.neutral = neutral;
  }
  if (links.length) rec.links = links;
  if (extraText.length) rec.context = [rec.context, ...extraText].filter(Boolean).join('\n\n');
  if (!rec.drivers?.length) delete rec.drivers;

  if (fromAdrift) Object.assign(rec, pickAdriftFields(fromAdrift));
  return { id, slug: slugOf(m[2]), record: rec, notes, source: fileName };
}

function pickAdriftFields(x: Partial<DecisionRecord>): Partial<DecisionRecord> {
  const keys = ['kind', 'area', 'tags', 'supersedes', 'review_by', 'links', 'build_vs_buy', 'evolution', 'enforce'] as const;
  const out: Partial<DecisionRecord> = {};
  for (const k of keys) if (x[k] !== undefined) (out as Record<string, unknown>)[k] = x[k];
  return out;
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
      if (succ && !(succ.record.supersedes ?? []).includes(r.id)) succ.record.supersedes = [...(succ.record.supersedes ?? []), r.id];
      if (r.record.status !== 'superseded') {
        r.notes.push(`superseded by ${by} but its status was ${r.record.status}; imported as superseded`);
        r.record.status = 'superseded';
      }
    }
    for (const old of r.record.supersedes ?? []) {
      const prev = byId.get(old);
      if (prev && prev.record.superseded_by === undefined) {
        prev.record.superseded_by = r.id;
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
