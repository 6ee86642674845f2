// Import specifiers as text, for the public-entry quick fix: pure functions, no editor
// (unit-tested in plain Node).

import * as path from 'node:path';

/** A relative import specifier from one workspace file to another, without extension or `/index`. */
export function relativeSpecifier(fromFile: string, toFile: string): string {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.(d\.)?[mc]?[jt]sx?$/, '');
  if (rel === 'index') rel = '.';
  rel = rel.replace(/\/index$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * The entry's specifier in the same style as the original one: an aliased import
 * (`@/server/ticket/assignment`) keeps its alias (`@/server/ticket`); a relative one stays relative.
 */
export function entrySpecifier(original: string, fromFile: string, entryFile: string): string {
  if (original.startsWith('.')) return relativeSpecifier(fromFile, entryFile);
  const entrySegs = entryFile.replace(/\.(d\.)?[mc]?[jt]sx?$/, '').replace(/\/index$/, '').split('/');
  const specSegs = original.split('/');
  // The alias is a prefix of the original; the rest names folders the entry's path ends with.
  for (let i = 1; i < specSegs.length; i++) {
    const rest = specSegs.slice(i);
    for (let q = entrySegs.length; q >= 1; q--) {
      const dir = entrySegs.slice(0, q);
      for (let m = Math.min(rest.length, dir.length); m >= 1; m--) {
        const tail = dir.slice(dir.length - m);
        if (tail.every((seg, k) => seg === rest[k])) return [...specSegs.slice(0, i), ...tail, ...entrySegs.slice(q)].join('/');
      }
    }
  }
  return relativeSpecifier(fromFile, entryFile);
}

/**
 * Names an import statement takes: `default` for a default import, each named import's
 * imported name. Undefined for namespace imports and side-effect imports (nothing to check).
 */
export function importedNames(statement: string): string[] | undefined {
  const m = /^\s*(?:import|export)\s+(?:type\s+)?([\s\S]*?)\s+from\s*['"]/.exec(statement);
  const clause = m?.[1];
  if (!clause) return undefined;
  if (/\*/.test(clause)) return undefined;
  const names: string[] = [];
  const braces = /\{([\s\S]*)\}/.exec(clause);
  const head = (braces ? clause.slice(0, braces.index) : clause).replace(/,\s*$/, '').trim();
  if (head) names.push('default');
  if (braces?.[1]) {
    for (const part of braces[1].split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]?.trim();
      if (name) names.push(name);
    }
  }
  return names.length > 0 ? names : undefined;
}
