// Record file names: `NNNN-kebab-title.yaml`.

import { compareText } from '../order';

export const RECORD_FILE = /^(\d{4,})-[a-z0-9][a-z0-9-]*\.ya?ml$/;

export function padId(id: number): string {
  return String(id).padStart(4, '0');
}

export function kebab(title: string, max = 60): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max && out) break;
    out = next.slice(0, max);
  }
  return out || 'decision';
}

export function recordFileName(id: number, title: string): string {
  return `${padId(id)}-${kebab(title)}.yaml`;
}

/** The id a file name announces, or undefined when the name does not follow the pattern. */
export function idFromFileName(name: string): number | undefined {
  const m = RECORD_FILE.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * The numbering of `adrift renumber`, for any list of numbered things: of those sharing a
 * number, the first by name keeps it and each later one gets the next free number (from
 * `firstFree` up), clashes taken in number order.
 */
export function renumberLater<T>(items: readonly T[], idOf: (t: T) => number | undefined, nameOf: (t: T) => string, firstFree: number): { item: T; from: number; to: number }[] {
  const groups = new Map<number, T[]>();
  for (const t of items) {
    const id = idOf(t);
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  let next = firstFree;
  const moved: { item: T; from: number; to: number }[] = [];
  for (const [id, ts] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (ts.length < 2) continue;
    for (const t of [...ts].sort((a, b) => compareText(nameOf(a), nameOf(b))).slice(1)) moved.push({ item: t, from: id, to: next++ });
  }
  return moved;
}

/** The first line of a record `adrift import` wrote: `Imported from 0001-x.md by adrift import.` (a YAML comment once written). */
export function importedHeader(sourceName: string, importedBy: string): string {
  return `Imported from ${sourceName} by ${importedBy}.`;
}

/** The source file name a record's header says it was imported from, if it says so. */
export function importedFrom(text: string): string | undefined {
  return /^\uFEFF?#[ \t]*Imported from (.+?) by [^\n]*\.[ \t]*$/m.exec(text.slice(0, 2000).split('\n')[0] ?? '')?.[1];
}
