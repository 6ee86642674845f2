// What a glob in a decision means, in one place: the engine's file → module mapping, the
// forbidden-import rule and the record checks ("matches no file", "two modules claim a
// file") must agree, or a record check would contradict what the engine reports.
//
// A backslash escapes a glob character: `src/app/\[slug\]/**` is the folder `src/app/[slug]`
// (Next.js routes, `{a,b}`, `- [x]`), while `src/app/[slug]/**` is a character class that
// also claims `src/app/s/`. A backslash before any other character is read as a Windows
// path separator, as it always was. docs/record-format.md says the same for users.

import picomatch from 'picomatch';

export type Matcher = (path: string) => boolean;

/** Characters a backslash escapes in a glob; `escapeGlob` escapes these (a space only at the start, where it would be trimmed). */
const GLOB_SPECIAL = '\\*?[]{}()!+@|,^$';
const ESCAPED = /\\([\\*?[\]{}()!+@|,^$ ])/g;
/** An escape (kept) or a lone backslash (a separator), read left to right so `\\\\x` is a literal backslash then x. */
const BACKSLASH = /\\([\\*?[\]{}()!+@|,^$ ])|\\/g;

/** A path (file or folder name) as a glob that matches exactly that path. */
export function escapeGlob(literal: string): string {
  let out = '';
  for (const ch of literal) out += GLOB_SPECIAL.includes(ch) || (ch === ' ' && /^(\\ )*$/.test(out)) ? `\\${ch}` : ch;
  return out;
}

/** The glob a folder (workspace-relative, `/`-separated; '' for the root) is assigned by: the folder and everything below it. */
export function folderGlob(relativeFolder: string): string {
  const clean = relativeFolder.replace(/^\.?\/+|\/+$/g, '');
  return clean === '' ? '**' : `${escapeGlob(clean)}/**`;
}

/**
 * The literal folder a glob starts with (escapes resolved), and whether anything after it
 * is a pattern. `src/app/\[slug\]/**` → base `src/app/[slug]`, glob; `src/a.ts` → no glob.
 */
export function globBase(glob: string): { base: string; isGlob: boolean } {
  let literal = '';
  let base = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\' && i + 1 < glob.length) {
      literal += glob[++i];
      continue;
    }
    const extglob = '!+@'.includes(ch) && (glob[i + 1] === '(' || (ch === '!' && i === 0));
    if ('*?[]{}()'.includes(ch) || extglob) return { base, isGlob: true };
    literal += ch;
    if (ch === '/') base = literal.slice(0, -1);
  }
  return { base: literal, isGlob: false };
}

/** `src/ticket/` and `src/ticket` mean the folder and everything below it. */
export function normaliseGlob(glob: string): string {
  let g = glob.trim().replace(BACKSLASH, (escape, escaped: string | undefined) => (escaped === undefined ? '/' : escape)).replace(/^\.\//, '');
  if (g.endsWith('/')) g += '**';
  else if (!globBase(g).isGlob && !/\.[A-Za-z0-9]+$/.test(g.replace(ESCAPED, '$1'))) g += '/**';
  return g;
}

export function compileGlob(glob: string): Matcher {
  // windows: false, so a backslash is an escape on every platform (paths here use `/`).
  const match = picomatch(normaliseGlob(glob), { dot: true, windows: false });
  // Wrapped: picomatch reads a second argument, which Array#some would pass.
  return (path) => match(path);
}

export interface CompiledGlob {
  match: Matcher;
  /** The glob's literal folder with a trailing slash: a cheap test before the matcher. */
  prefix: string;
  /** Length of the glob's literal base folder: the longer, the more specific. */
  specificity: number;
}

/** A module path glob with what is needed to pick the most specific one of several. */
export function compileModuleGlob(glob: string): CompiledGlob {
  const { base, isGlob } = globBase(normaliseGlob(glob));
  const prefix = isGlob && base !== '' ? base + '/' : '';
  return { match: compileGlob(glob), prefix, specificity: base.length };
}
