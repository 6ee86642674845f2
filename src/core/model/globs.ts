// What a glob in a decision means, in one place: the engine's file → module mapping, the
// forbidden-import rule and the record checks ("matches no file", "two modules claim a
// file") must agree, or a record check would contradict what the engine reports.

import picomatch from 'picomatch';

export type Matcher = (path: string) => boolean;

/** `src/ticket/` and `src/ticket` mean the folder and everything below it. */
export function normaliseGlob(glob: string): string {
  let g = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (g.endsWith('/')) g += '**';
  else if (!picomatch.scan(g).isGlob && !/\.[A-Za-z0-9]+$/.test(g)) g += '/**';
  return g;
}

export function compileGlob(glob: string): Matcher {
  const match = picomatch(normaliseGlob(glob), { dot: true });
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
  const scan = picomatch.scan(normaliseGlob(glob));
  const prefix = scan.isGlob && scan.base !== '' ? scan.base + '/' : '';
  return { match: compileGlob(glob), prefix, specificity: scan.base.length };
}
