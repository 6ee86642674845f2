// What a glob in a decision means, in one place: the engine's file → module mapping, the
// forbidden-import rule and the record checks ("matches no file", "two modules claim a
// file") must agree, or a record check would contradict what the engine reports.
//
// A backslash escapes a glob character: `src/app/\[slug\]/**` is the folder `src/app/[slug]`
// (Next.js routes, `{a,b}`, `- [x]`), while `src/app/[slug]/**` is a character class that
// also claims `src/app/s/` (and, as in picomatch, the folder `[slug]` itself, since a class
// also matches its own text: records written before escapes keep their meaning). A backslash before any other character is read as a Windows
// path separator, as it always was. docs/record-format.md says the same for users.
//
// Matching never backtracks without bound. picomatch turns a glob into a regular expression,
// and `src/*a**a**a**a**a**a**a**a**a**a*b` became one that took minutes on a 50-character
// name. So the syntax records use — literals, `\` escapes, `?`, `*`, `**` segments,
// `[a-z]` classes and `{a,b}` braces — is matched here with the two-pointer wildcard
// algorithm, per segment and over segments: O(path × glob) at worst. Anything else
// (extglobs, `[!a]`, `{1..3}`, `!` negation) still goes to picomatch, but only when it has
// few enough wildcards for its regular expression to stay fast; a glob with more is
// rejected: it matches nothing and `globProblem` says why, for lint to report on the glob.

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
 * A folder as someone types it in the guide (`./api/src/`, `api\src`, `app/[slug]`) as the
 * glob of the folder and everything below it. A name is a literal folder, so `[slug]` is
 * escaped; what has `*`, `?` or `{` was written as a glob and is kept.
 */
export function answerGlob(folder: string): string {
  const clean = folder.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return /[*?{]/.test(clean) ? clean : folderGlob(clean === '.' ? '' : clean);
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

/**
 * `src/ticket/` and `src/ticket` mean the folder and everything below it; so does a
 * dot-folder such as `.storybook` (a source file always has an extension after its name).
 */
export function normaliseGlob(glob: string): string {
  let g = glob.trim().replace(BACKSLASH, (escape, escaped: string | undefined) => (escaped === undefined ? '/' : escape)).replace(/^\.\//, '');
  if (g.endsWith('/')) g += '**';
  else if (!globBase(g).isGlob && !/[^/.][^/]*\.[A-Za-z0-9]+$/.test(g.replace(ESCAPED, '$1'))) g += '/**';
  return g;
}

/** A module, public-entry or forbidden-import glob of a record, as the engine reads it. */
export function compileGlob(glob: string): Matcher {
  return compileRawGlob(normaliseGlob(glob));
}

/** Why a record's glob cannot be used (it then matches nothing), or undefined. */
export function globProblem(glob: string): string | undefined {
  return compiled(normaliseGlob(glob)).problem;
}

/** A glob taken as written (.gitignore lines, `exclude`), matched with the same engine. `git`: as compileRawGlobs. */
export function compileRawGlob(glob: string, git = false): Matcher {
  return compiled(glob, git).match;
}

/** True when any of the globs matches; false for none. `git`: .gitignore lines, where `[slug]` is only a class, as git reads it. */
export function compileRawGlobs(globs: readonly string[], git = false): Matcher {
  const matchers = globs.map((g) => compiled(g, git).match);
  if (matchers.length === 0) return () => false;
  return (path) => matchers.some((m) => m(path));
}

export interface CompiledGlob {
  match: Matcher;
  /** The glob's literal folder with a trailing slash: a cheap test before the matcher. */
  prefix: string;
  /** Length of the glob's literal base folder: the longer, the more specific. */
  specificity: number;
  /** `folder/**` of a literal folder: every path that starts with `prefix` matches. */
  wholeFolder: boolean;
  /** The one path a glob without any syntax matches (a `public` entry, mostly). */
  exact: string | undefined;
}

/** A module path glob with what is needed to pick the most specific one of several. */
export function compileModuleGlob(glob: string): CompiledGlob {
  const normal = normaliseGlob(glob);
  const { base, isGlob } = globBase(normal);
  const prefix = isGlob && base !== '' ? base + '/' : '';
  const match = compileRawGlob(normal);
  // `folder/**`, most module globs: every path under the folder matches (dot-folders too, as
  // with picomatch's `dot`), so the segment matcher is needed only for what is not under it.
  const whole = prefix !== '' && normal === `${base}/**` && !normal.includes('\\');
  return { match: whole ? (p) => p.startsWith(prefix) || match(p) : match, prefix, specificity: base.length, wholeFolder: whole, exact: LITERAL.test(normal) ? normal : undefined };
}

/** More alternatives than this from `{…}` and the glob goes to picomatch instead. */
const MAX_ALTERNATIVES = 256;
/** picomatch's expression backtracks as (name length)^(wildcards); this many stays fast. */
const MAX_FALLBACK_WILDCARDS = 3;

interface Compiled {
  match: Matcher;
  problem?: string;
}

/** No character any matcher below reads as syntax: the glob is a path, matched by its own text. */
const LITERAL = /^[^\\*?[\]{}()!|]*$/;

function compiled(glob: string, git = false): Compiled {
  // The segment matcher would compare such a glob segment by segment with the same answer,
  // but at a cost per call: a record's `public` entries are mostly file paths, asked of every
  // import into their module and of every file by "matches no file".
  if (LITERAL.test(glob)) return { match: (path) => path === glob };
  const alternatives = expandBraces(glob);
  const parsed = alternatives?.map((g) => parseGlob(g, git));
  if (parsed && parsed.every((p): p is Segment[] => p !== undefined)) {
    // picomatch also matches a path equal to the glob's text (`[a-c]` matches the file `[a-c]`).
    return { match: parsed.length === 1 ? (path) => (!git && path === glob) || matchSegments(parsed[0], path.split('/')) : (path) => {
      if (!git && path === glob) return true;
      const segments = path.split('/');
      return parsed.some((p) => matchSegments(p, segments));
    } };
  }
  const wildcards = (glob.match(/\*+|[?+@!]\(/g) ?? []).length;
  if (wildcards > MAX_FALLBACK_WILDCARDS) {
    return {
      match: () => false,
      problem: `glob "${glob}" is too complex to match safely (${wildcards} wildcards with extglob, negation or range syntax; at most ${MAX_FALLBACK_WILDCARDS}), so it matches nothing: simplify it`,
    };
  }
  // windows: false, so a backslash is an escape on every platform (paths here use `/`).
  const match = picomatch(glob, { dot: true, windows: false, literalBrackets: git ? false : undefined });
  // Wrapped: picomatch reads a second argument, which Array#some would pass.
  return { match: (path) => match(path) };
}

// ---- the linear matcher -------------------------------------------------------------

type Atom = { kind: 'char'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; chars: string; ranges: [string, string][]; text?: string };
/** `variants`: the segment's atoms, then, when it has classes, each way of reading some of them as their own text. */
type Segment = { kind: 'globstar' } | { kind: 'atoms'; variants: Atom[][]; onlyStars: boolean };

/**
 * picomatch lets a class whose body has no regex character (`[slug]`, not `[a-z]` or
 * `[...slug]`) also match its own text, so `[slug]` claims the folder `[slug]`; beyond this
 * many such classes in one segment the glob goes to picomatch.
 */
const MAX_CLASSES_PER_SEGMENT = 4;

/** Every reading of `atoms` where each class is either the class or its own text, as picomatch reads it: `(?:\[slug\]|[slug])`. */
function classVariants(atoms: Atom[]): Atom[][] {
  let variants: Atom[][] = [[]];
  for (const a of atoms) {
    if (a.kind !== 'class' || a.text === undefined) for (const v of variants) v.push(a);
    else {
      const literal: Atom[] = [...a.text].map((c) => ({ kind: 'char', c }));
      variants = variants.flatMap((v) => [[...v, a], [...v, ...literal]]);
    }
  }
  return variants;
}

/** `{a,b}` alternatives (nested, escapes kept), or undefined for ranges or too many. */
function expandBraces(glob: string): string[] | undefined {
  const out: string[] = [];
  const pending = [glob];
  while (pending.length > 0) {
    const g = pending.pop()!;
    const brace = firstBrace(g);
    if (brace === 'unsupported') return undefined;
    if (!brace) {
      out.push(g);
      if (out.length > MAX_ALTERNATIVES) return undefined;
      continue;
    }
    const { open, close, commas } = brace;
    const cuts = [open, ...commas, close];
    for (let i = cuts.length - 2; i >= 0; i--) pending.push(g.slice(0, open) + g.slice(cuts[i] + 1, cuts[i + 1]) + g.slice(close + 1));
    if (pending.length + out.length > MAX_ALTERNATIVES) return undefined;
  }
  return out.reverse();
}

/** The first `{…}` with a comma at its own level; braces without one are literal, as in picomatch. */
function firstBrace(g: string): { open: number; close: number; commas: number[] } | 'unsupported' | undefined {
  for (let open = 0; open < g.length; open++) {
    if (g[open] === '\\') {
      open++;
      continue;
    }
    if (g[open] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open + 1; i < g.length; i++) {
      const c = g[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) {
          if (commas.length > 0) return { open, close: i, commas };
          if (g.slice(open + 1, i).includes('..')) return 'unsupported';
          break;
        }
        depth--;
      } else if (c === ',' && depth === 0) commas.push(i);
    }
  }
  return undefined;
}

/** Segments of one brace-free glob, or undefined when it uses syntax left to picomatch. */
function parseGlob(glob: string, git: boolean): Segment[] | undefined {
  if (glob.startsWith('!') || /[()|]/.test(glob)) return undefined;
  const segments: Segment[] = [];
  let atoms: Atom[] = [];
  let raw = '';
  const endSegment = (): void => {
    segments.push(raw === '**' ? { kind: 'globstar' } : { kind: 'atoms', variants: git ? [atoms] : classVariants(atoms), onlyStars: atoms.length > 0 && atoms.every((a) => a.kind === 'star') });
    atoms = [];
    raw = '';
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '/') {
      endSegment();
      continue;
    }
    raw += c;
    if (c === '\\') {
      if (i + 1 >= glob.length) return undefined;
      atoms.push({ kind: 'char', c: glob[++i] });
      raw += glob[i];
    } else if (c === '*') {
      if (atoms[atoms.length - 1]?.kind !== 'star') atoms.push({ kind: 'star' });
    } else if (c === '?') {
      atoms.push({ kind: 'any' });
    } else if (c === '[') {
      const cls = parseClass(glob, i);
      if (cls === 'unsupported') return undefined;
      if (cls === undefined) atoms.push({ kind: 'char', c });
      else if (cls.atom.kind === 'class' && cls.atom.text !== undefined && atoms.filter((a) => a.kind === 'class' && a.text !== undefined).length >= MAX_CLASSES_PER_SEGMENT) return undefined;
      else {
        atoms.push(cls.atom);
        raw += glob.slice(i + 1, cls.end + 1);
        i = cls.end;
      }
    } else {
      atoms.push({ kind: 'char', c });
    }
  }
  endSegment();
  return segments;
}

/** `[abc]`, `[a-z]`, `[]a]` from `start`; undefined when unclosed (a literal `[`). */
function parseClass(glob: string, start: number): { atom: Atom; end: number } | 'unsupported' | undefined {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') return 'unsupported';
  let body = '';
  if (glob[i] === ']') body += glob[i++];
  while (i < glob.length && glob[i] !== ']') body += glob[i++];
  if (i >= glob.length) return undefined;
  if (/[\\/]|\[:/.test(body)) return 'unsupported';
  let chars = '';
  const ranges: [string, string][] = [];
  for (let k = 0; k < body.length; k++) {
    if (body[k + 1] === '-' && k + 2 < body.length) {
      ranges.push([body[k], body[k + 2]]);
      k += 2;
    } else chars += body[k];
  }
  // picomatch's test (utils.hasRegexChars on the body) for a class that may also be its own text.
  const text = /[-*+?.^${}(|)[\]]/.test(body) ? undefined : glob.slice(start, i + 1);
  return { atom: { kind: 'class', chars, ranges, text }, end: i };
}

function atomMatches(a: Atom, c: string): boolean {
  switch (a.kind) {
    case 'char':
      return a.c === c;
    case 'any':
      return true;
    case 'class':
      return a.chars.includes(c) || a.ranges.some(([lo, hi]) => c >= lo && c <= hi);
    case 'star':
      return false;
  }
}

/** One path segment against one glob segment: `*` is any run of characters, `?` one. */
function matchAtoms(seg: Extract<Segment, { kind: 'atoms' }>, s: string): boolean {
  if (seg.onlyStars) return s !== '';
  // A class's own text contains `[`: without one in the name only the first reading can match.
  const variants = s.includes('[') ? seg.variants : seg.variants.slice(0, 1);
  return variants.some((atoms) => wildcardMatch(atoms, s, (a) => a.kind === 'star', atomMatches));
}

/** The same one level up: `**` is any run of whole segments, zero included. */
function matchSegments(glob: Segment[], path: string[]): boolean {
  return wildcardMatch(glob, path, (g) => g.kind === 'globstar', (g, s) => g.kind === 'atoms' && matchAtoms(g, s));
}

/**
 * The two-pointer wildcard algorithm: each non-star element of `pattern` takes one item of
 * `subject`; on a mismatch only the last star takes one more item. O(pattern × subject).
 */
function wildcardMatch<P, S>(pattern: readonly P[], subject: ArrayLike<S>, isStar: (p: P) => boolean, matches: (p: P, s: S) => boolean): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < subject.length) {
    const p = pattern[i];
    if (i < pattern.length && isStar(p)) {
      star = i++;
      resume = j;
    } else if (i < pattern.length && matches(p, subject[j])) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else return false;
  }
  while (i < pattern.length && isStar(pattern[i])) i++;
  return i === pattern.length;
}
