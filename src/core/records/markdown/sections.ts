// Splits a Markdown decision record into its parts: YAML front matter, the title, and the
// sections under `##` / `###` headings. Fenced code is kept as text, never read as headings.

import { parse } from 'yaml';

export interface MarkdownSection {
  level: number;
  heading: string;
  /** Body lines up to the next heading of any level. */
  lines: string[];
}

export interface MarkdownDoc {
  frontMatter: Record<string, unknown>;
  /** The front matter's text when it is not a YAML mapping, with where and why. */
  frontMatterError?: { text: string; line: number; message: string };
  /** Words inside HTML comments, which are left out (MADR templates' guidance). */
  commentWords: number;
  title: string;
  /** Lines between the title and the first `##` heading. */
  preamble: string[];
  sections: MarkdownSection[];
}

function stripComments(line: string): string {
  return line.replace(/<!--.*?-->/g, '').trimEnd();
}

export function splitMarkdown(text: string): MarkdownDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  let frontMatter: Record<string, unknown> = {};
  let frontMatterError: MarkdownDoc['frontMatterError'];
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      const fmText = lines.slice(1, end).join('\n');
      try {
        const fm: unknown = parse(fmText, { maxAliasCount: 10 });
        if (fm && typeof fm === 'object' && !Array.isArray(fm)) frontMatter = fm as Record<string, unknown>;
        else if (fm !== null && fm !== undefined) frontMatterError = { text: fmText, line: 2, message: 'it is not a mapping of keys to values' };
      } catch (err) {
        const e = err as { message?: string; linePos?: { line: number }[] };
        frontMatterError = { text: fmText, line: 1 + (e.linePos?.[0]?.line ?? 1), message: (e.message ?? String(err)).split('\n')[0] };
      }
      i = end + 1;
    }
  }
  const doc: MarkdownDoc = { frontMatter, ...(frontMatterError ? { frontMatterError } : {}), commentWords: 0, title: '', preamble: [], sections: [] };
  const countWords = (t: string) => (doc.commentWords += wordsIn(t.replace(/<!--|-->/g, ' ')));
  let current: string[] = doc.preamble;
  let fence: string | undefined;
  let inComment = false;
  for (; i < lines.length; i++) {
    const raw = lines[i];
    const wasFenced = fence !== undefined;
    if (!inComment) fence = fenceAfter(fence, raw);
    if (!wasFenced && fence === undefined) {
      if (inComment) {
        countWords(raw.includes('-->') ? raw.slice(0, raw.indexOf('-->')) : raw);
        if (raw.includes('-->')) {
          inComment = false;
          const after = raw.slice(raw.indexOf('-->') + 3);
          if (after.trim()) current.push(after);
        }
        continue;
      }
      if (/<!--/.test(raw) && !/<!--.*?-->/.test(raw.slice(raw.lastIndexOf('<!--')))) {
        const at = raw.lastIndexOf('<!--');
        countWords(raw.slice(at));
        const before = stripComments(raw.slice(0, at));
        for (const m of raw.slice(0, at).matchAll(/<!--.*?-->/g)) countWords(m[0]);
        if (before.trim()) current.push(before);
        inComment = true;
        continue;
      }
      for (const m of raw.matchAll(/<!--.*?-->/g)) countWords(m[0]);
      const line = stripComments(raw);
      const h = /^(#{1,3})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
      if (h) {
        if (h[1].length === 1 && !doc.title) {
          doc.title = h[2];
          continue;
        }
        if (h[2].trim() !== '') {
          // A second `#` heading after the title is read as a section.
          const s: MarkdownSection = { level: Math.max(2, h[1].length), heading: h[2], lines: [] };
          doc.sections.push(s);
          current = s.lines;
          continue;
        }
      }
      if (raw.trim() !== '' && line.trim() === '') continue; // a line that was only a comment
      current.push(line);
      continue;
    }
    current.push(raw);
  }
  return doc;
}

/** Paragraph text: the lines joined, blank lines at both ends dropped. */
export function textOf(lines: readonly string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b).join('\n');
}

/** The fence still open after `line`: opened by ``` or ~~~ (3 or more), closed by the same run, no info string. */
export function fenceAfter(open: string | undefined, line: string): string | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m) return open;
  if (open === undefined) return m[1][0] === '`' && m[2].includes('`') ? undefined : m[1];
  return m[1][0] === open[0] && m[1].length >= open.length && m[2].trim() === '' ? undefined : open;
}

/** Words as the import's loss check counts them: runs of letters or digits. */
export function wordsIn(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

const ITEM = /^( {0,3})([*+-]|\d{1,9}[.)])( +|$)(.*)$/;
const BLOCK_START = /^ {0,3}(#{1,6}\s|>|`{3,}|~{3,}|\||[*+-]\s|\d{1,9}[.)]\s)/;

/** A list item's text and what else a section holds, so nothing is lost to the list. */
export interface ListParts {
  /** Each item of the section's lists: continuation lines kept, with their indentation relative to the item. */
  items: string[];
  /** Every other line, as written: prose, tables, fenced code, reference definitions. */
  rest: string[];
  /** The section again in source order: each item's raw lines, or a line of the rest. */
  sequence: ({ item: number; raw: string[] } | { line: string })[];
}

/**
 * Splits a section into its list items and the rest. Items may span several lines and
 * paragraphs (continuation lines indented, or lazy lines straight after); bullets inside
 * fenced code are code, not items.
 */
export function splitList(lines: readonly string[]): ListParts {
  const items: string[] = [];
  const rest: string[] = [];
  const sequence: ListParts['sequence'] = [];
  let item: string[] | undefined;
  let raw: string[] = [];
  let indent = 0;
  let blanks = 0;
  let fence: string | undefined;
  const toRest = (line: string) => {
    rest.push(line);
    sequence.push({ line });
  };
  /** Ends the open item; `current` when the line being read was already taken into its raw lines. */
  const close = (current = false) => {
    if (item) {
      sequence.push({ item: items.length, raw: raw.slice(0, raw.length - blanks - (current ? 1 : 0)) });
      items.push(item.join('\n').trimEnd());
    }
    item = undefined;
    raw = [];
    for (; blanks > 0; blanks--) toRest('');
  };
  for (const line of lines) {
    if (item) raw.push(line);
    if (fence !== undefined) {
      fence = fenceAfter(fence, line);
      if (item) item.push(dedent(line, indent));
      else toRest(line);
      continue;
    }
    const lead = /^ */.exec(line)![0].length;
    if (item && line.trim() !== '' && lead >= Math.max(2, indent)) {
      for (; blanks > 0; blanks--) item.push('');
      item.push(dedent(line, indent));
      fence = fenceAfter(undefined, line.trimStart());
      continue;
    }
    const m = ITEM.exec(line);
    if (m && m[4].trim() !== '') {
      close(item !== undefined);
      item = [m[4]];
      raw = [line];
      indent = m[1].length + m[2].length + Math.min(m[3].length, 4);
      fence = fenceAfter(undefined, m[4]);
      continue;
    }
    if (line.trim() === '') {
      if (item) blanks++;
      else toRest(line);
      continue;
    }
    if (item) {
      if (lead >= 2 && blanks === 0) {
        for (; blanks > 0; blanks--) item.push('');
        item.push(dedent(line, Math.min(lead, indent)));
        fence = fenceAfter(undefined, line.trimStart());
        continue;
      }
      if (blanks === 0 && !BLOCK_START.test(line)) {
        item.push(line.trim());
        continue;
      }
      close(true);
    }
    toRest(line);
    fence = fenceAfter(undefined, line);
  }
  close();
  return { items, rest, sequence };
}

function dedent(line: string, n: number): string {
  const lead = /^ */.exec(line)![0].length;
  return line.slice(Math.min(lead, n));
}

/** The items of a section's lists (see splitList). */
export function bullets(lines: readonly string[]): string[] {
  return splitList(lines).items;
}

/** `text` as the body of a list item after its marker: continuation lines indented by two. */
export function asItemText(text: string): string {
  return text.replace(/\n(?=[^\n])/g, '\n  ');
}
