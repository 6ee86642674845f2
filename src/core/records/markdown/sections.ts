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
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      try {
        const fm: unknown = parse(lines.slice(1, end).join('\n'), { maxAliasCount: 10 });
        if (fm && typeof fm === 'object' && !Array.isArray(fm)) frontMatter = fm as Record<string, unknown>;
      } catch {
        // A front matter that is not YAML (e.g. the MADR template's {placeholders}) is ignored.
      }
      i = end + 1;
    }
  }
  const doc: MarkdownDoc = { frontMatter, title: '', preamble: [], sections: [] };
  let current: string[] = doc.preamble;
  let fenced = false;
  let inComment = false;
  for (; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (!fenced) {
      if (inComment) {
        if (raw.includes('-->')) inComment = false;
        continue;
      }
      if (/^\s*<!--/.test(raw) && !raw.includes('-->')) {
        inComment = true;
        continue;
      }
      const line = stripComments(raw);
      const h = /^(#{1,3})\s+(.*?)\s*#*\s*$/.exec(line);
      if (h) {
        if (h[1].length === 1 && !doc.title) {
          doc.title = h[2];
          continue;
        }
        if (h[1].length >= 2) {
          const s: MarkdownSection = { level: h[1].length, heading: h[2], lines: [] };
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

/** The items of the first bullet list in `lines` (`*` or `-`), continuation lines joined to their item. */
export function bullets(lines: readonly string[]): string[] {
  const items: string[] = [];
  let inItem = false;
  for (const line of lines) {
    const m = /^\s{0,3}[*-]\s+(.*)$/.exec(line);
    if (m) {
      items.push(m[1].trim());
      inItem = true;
    } else if (inItem && /^\s{2,}\S/.test(line)) {
      items[items.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() !== '') {
      inItem = false;
    }
  }
  return items;
}

/** The lines before the first bullet (an option's description, say). */
export function beforeBullets(lines: readonly string[]): string[] {
  const idx = lines.findIndex((l) => /^\s{0,3}[*-]\s+/.test(l));
  return idx < 0 ? [...lines] : lines.slice(0, idx);
}
