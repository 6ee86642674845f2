// The import's loss check: which words of a Markdown record are found nowhere in the record
// Adrift made of it. Used by the tests and by test/fixtures/engine/tools/import-loss.ts on
// real decision logs.
//
// Words are runs of letters or digits, compared case-blind, numbers without leading zeros,
// counted as a multiset (a word written twice must be kept twice). Structure is not content:
// the headings of sections that map onto fields, the labels "Status:", "Date:",
// "Chosen option … because", "Good, because", status words, and supersede links whose
// target the record holds as a number are not counted. HTML comments are left out by the
// import with a note, so they are counted apart.

import { parse } from 'yaml';
import type { DecisionRecord } from '../types';
import { isStructuralHeading, markdownRecordName, sameOptionName } from './import';
import { fenceAfter } from './sections';

export type WordBag = Map<string, number>;

export function wordBag(text: string, into: WordBag = new Map()): WordBag {
  for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const k = /^\d+$/.test(w) ? String(Number(w)) : w.toLowerCase();
    into.set(k, (into.get(k) ?? 0) + 1);
  }
  return into;
}

/** Every string (and number) in a value, object keys under extra.front_matter included. */
export function recordWords(rec: unknown, into: WordBag = new Map(), keys = false): WordBag {
  if (typeof rec === 'string' || typeof rec === 'number' || typeof rec === 'boolean') wordBag(String(rec), into);
  else if (Array.isArray(rec)) for (const v of rec) recordWords(v, into, keys);
  else if (rec && typeof rec === 'object') {
    for (const [k, v] of Object.entries(rec)) {
      if (keys) wordBag(k, into);
      recordWords(v, into, keys || k === 'front_matter');
    }
  }
  return into;
}

/** The words of `a` not in `b`, with how many times each is missing. */
export function missing(a: WordBag, b: WordBag): WordBag {
  const out: WordBag = new Map();
  for (const [w, n] of a) if (n > (b.get(w) ?? 0)) out.set(w, n - (b.get(w) ?? 0));
  return out;
}

export const total = (bag: WordBag) => [...bag.values()].reduce((a, b) => a + b, 0);

const STRUCTURE = new Set(['status', 'date', 'deciders', 'decision', 'makers', 'tags', 'chosen', 'option', 'because', 'good', 'bad', 'neutral', 'pro', 'pros', 'con', 'cons',
  'accepted', 'proposed', 'rejected', 'deprecated', 'superseded', 'superceded', 'supersedes', 'supercedes', 'by', 'adr',
  'approved', 'adopted', 'done', 'implemented', 'active', 'agreed', 'decided', 'obsolete', 'retired', 'replaced', 'declined', 'abandoned', 'withdrawn', 'draft', 'proposal', 'open', 'pending', 'wip']);

export interface SourceWords {
  /** Content words of the source (front-matter values included). */
  words: WordBag;
  /** Words inside HTML comments. */
  commentWords: number;
}

/** The content words of a Markdown record; `rec` says which record links became supersede numbers. */
export function sourceWords(text: string, rec: DecisionRecord, idOfFile: (name: string) => number | undefined = (n) => markdownRecordName(n)?.id): SourceWords {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const words: WordBag = new Map();
  let commentWords = 0;
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      let fm: unknown;
      try {
        fm = parse(lines.slice(1, end).join('\n'));
      } catch {
        fm = lines.slice(1, end).join('\n');
      }
      if (fm && typeof fm === 'object' && !Array.isArray(fm)) {
        for (const [k, v] of Object.entries(fm)) {
          if (!['status', 'date', 'deciders', 'decision-makers', 'consulted', 'informed', 'tags', 'title', 'adrift'].includes(k)) wordBag(k, words);
          if (k !== 'adrift') recordWords(v, words);
        }
      } else recordWords(fm, words);
      i = end + 1;
    }
  }
  const options = new Set((rec.options ?? []).map((o) => sameOptionName(o.name)));
  const linked = new Set([...(rec.supersedes ?? []), ...(rec.superseded_by !== undefined ? [rec.superseded_by] : [])]);
  let body = lines.slice(i);
  // HTML comments outside fenced code.
  let fence: string | undefined;
  let inComment = false;
  const kept: string[] = [];
  for (const raw of body) {
    const was = fence;
    if (!inComment) fence = fenceAfter(fence, raw);
    if (was !== undefined || fence !== undefined) {
      kept.push(raw);
      continue;
    }
    let line = raw;
    if (inComment) {
      const end = line.indexOf('-->');
      commentWords += total(wordBag(end < 0 ? line : line.slice(0, end)));
      if (end < 0) continue;
      inComment = false;
      line = line.slice(end + 3);
    }
    line = line.replace(/<!--.*?-->/g, (c) => {
      commentWords += total(wordBag(c));
      return ' ';
    });
    const open = line.indexOf('<!--');
    if (open >= 0) {
      commentWords += total(wordBag(line.slice(open)));
      line = line.slice(0, open);
      inComment = true;
    }
    const h = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    // A heading that names a listed option again (MADR's Pros and Cons) is structure too.
    if (h && (isStructuralHeading(h[1]) || options.has(sameOptionName(h[1])) || options.has(sameOptionName(h[1].replace(/^(?:option\s*)?\d+[.:)]\s*/i, ''))))) continue;
    // Ordered-list numbers are list markers, which the import normalises.
    kept.push(line.replace(/^(\s*)\d{1,9}[.)](?=\s)/, '$1'));
  }
  body = kept;
  let t = body.join('\n');
  // Supersede links the record holds as numbers: the link is structure.
  t = t.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (all, _text: string, target: string) => {
    const id = /\.(md|markdown)(#.*)?$/i.test(target) ? idOfFile(decodeURIComponent(target.replace(/#.*$/, '').replace(/^.*\//, ''))) : undefined;
    return id !== undefined && linked.has(id) ? ' ' : all;
  });
  const bag = wordBag(t, words);
  for (const w of STRUCTURE) bag.delete(w);
  return { words: bag, commentWords };
}

/** Words of the source found nowhere in the record (structure words aside). */
export function lostWords(source: string, rec: DecisionRecord, idOfFile?: (name: string) => number | undefined): { lost: WordBag; source: number; commentWords: number } {
  const src = sourceWords(source, rec, idOfFile);
  const have = recordWords(rec);
  return { lost: missing(src.words, have), source: total(src.words), commentWords: src.commentWords };
}

/** A line as the MADR export may rewrite it: no heading marks, list markers, argument labels or extra spaces. */
function lineKey(line: string): string {
  return line
    .replace(/^(#{1,6}\s+)(?:ADR[- ]?)?\d+(?:[.:]|\s+-)?\s+/i, '$1')
    .replace(/^\s*(?:#{1,6}\s+|(?:[*+-]|\d{1,9}[.)])\s+)+/, '')
    .replace(/^(?:\*\*|__)?(?:good|pros?|bad|cons?|neutral)(?:\*\*|__)?(?:\s*[,:]\s*|\s+)(?:because\b[,:]?\s*)?/i, '')
    .replace(/\\(["\\])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The keys of a line: a "Chosen option: "…", because …" line is known by what follows each
 * "because" (the name may hold quote marks and commas, the export escapes them).
 */
function lineKeys(line: string): string[] {
  const k = lineKey(line);
  if (!/^(?:\*\*|__)?Chosen option\b/i.test(k)) return [k];
  const out = [...k.matchAll(/\bbecause\b\s*:?\s*/gi)].map((m) => k.slice(m.index + m[0].length).trim()).filter(Boolean);
  return out.length ? out : [''];
}

/**
 * Source lines found nowhere in the MADR export of the record made of them (the issue's
 * "MADR → YAML → MADR keeps every non-blank source line, modulo heading levels and list
 * markers"). Front matter, HTML comments, structural headings and the metadata lines the
 * export writes as front matter (status, date, deciders, supersede links) are not lines of
 * content.
 */
export function linesMissing(source: string, exported: string): string[] {
  const keys = new Set<string>();
  const all = exported.replace(/\r\n?/g, '\n').split('\n').flatMap(lineKeys);
  for (const k of all) keys.add(k);
  const joined = all.join('\n');
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') i = Math.max(0, lines.indexOf('---', 1)) + 1;
  const out: string[] = [];
  let inComment = false;
  for (const raw of lines.slice(i)) {
    let line = raw;
    if (inComment) {
      if (!line.includes('-->')) continue;
      line = line.slice(line.indexOf('-->') + 3);
      inComment = false;
    }
    line = line.replace(/<!--.*?-->/g, '');
    if (line.includes('<!--')) {
      line = line.slice(0, line.indexOf('<!--'));
      inComment = true;
    }
    const h = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (h && isStructuralHeading(h[1])) continue;
    const ks = lineKeys(line);
    const k = ks[0];
    if (!k || /^[-*_=|:\s]+$/.test(k)) continue;
    if (/^(?:[*_]*)?(status|date|deciders|decision[- ]makers|tags|supersedes|superseded by)\b/i.test(k) && /:|\]\(/.test(k)) continue;
    if (/^\W*(?:super[sc]eded|super[sc]edes|amended|amends)\b.*\]\(/i.test(k) || /^\W*[a-z]+\W*$/i.test(k)) continue;
    if (!ks.some((x) => keys.has(x) || joined.includes(x))) out.push(raw.trim());
  }
  return out;
}
