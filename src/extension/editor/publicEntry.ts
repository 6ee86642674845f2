// The private-import quick fix: when a module's public entry exports every name an import
// takes from one of the module's private files, the import can point at the entry instead.
// Only offered when that is provably true (literal public entry files, named imports whose
// names the entry exports directly or through `export … from` / `export * from`).

import * as path from 'node:path';
import type * as Lexer from 'es-module-lexer' with { 'resolution-mode': 'import' };
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { AdriftService, FolderState } from '../service/adriftService';
import { entrySpecifier, importedNames } from './specifiers';

// The package is typed as an ES module; its CommonJS build is what esbuild bundles here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { init, parse } = require('es-module-lexer') as typeof Lexer;

const TS_JS = /\.(tsx?|mts|cts|jsx?|mjs|cjs)$/;
const PROBE = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.mjs'];

export interface PublicEntryRewrite {
  toModule: string;
  /** The new specifier, relative to the importing file. */
  specifier: string;
  /** Range of the old specifier's text, without quotes. */
  range: vscode.Range;
}

async function exportsOf(fs: AdriftService['fileSystem'], absFile: string, depth: number, seen: Set<string>): Promise<Set<string>> {
  const names = new Set<string>();
  if (depth > 4 || seen.has(absFile)) return names;
  seen.add(absFile);
  const text = await fs.readText(absFile);
  if (text === undefined) return names;
  let exports;
  try {
    await init;
    exports = parse(text, absFile)[1];
  } catch {
    return names; // JSX or syntax the lexer cannot read: offer nothing rather than guess
  }
  for (const e of exports) {
    if (e.type === 'reexport-all') {
      if (!e.from.startsWith('.')) continue;
      const target = await probe(fs, path.posix.join(path.posix.dirname(absFile), e.from));
      if (target) for (const n of await exportsOf(fs, target, depth + 1, seen)) if (n !== 'default') names.add(n);
    } else {
      names.add(e.name);
    }
  }
  return names;
}

async function probe(fs: AdriftService['fileSystem'], base: string): Promise<string | undefined> {
  if (TS_JS.test(base) && (await fs.stat(base))?.kind === 'file') return base;
  for (const suffix of PROBE) {
    const candidate = base.replace(/\.[mc]?js$/, '') + suffix;
    if ((await fs.stat(candidate))?.kind === 'file') return candidate;
  }
  return undefined;
}

/** The specifier's text range (inside the quotes) and the whole statement it ends. */
function locateStatement(document: vscode.TextDocument, f: Finding): { statement: string; range: vscode.Range } | undefined {
  const specifier = f.specifier;
  if (!specifier) return undefined;
  const text = document.getText();
  const rangeStart = document.offsetAt(new vscode.Position(f.range.start.line, f.range.start.column));
  const at = text.indexOf(specifier, Math.max(0, rangeStart - 1));
  if (at === -1 || at > rangeStart + 2) return undefined;
  const keyword = Math.max(text.lastIndexOf('import', at), text.lastIndexOf('export', at));
  if (keyword === -1) return undefined;
  return {
    statement: text.slice(keyword, at + specifier.length + 1),
    range: new vscode.Range(document.positionAt(at), document.positionAt(at + specifier.length)),
  };
}

export async function publicEntryRewrite(
  service: AdriftService,
  folder: FolderState,
  document: vscode.TextDocument,
  f: Finding,
): Promise<PublicEntryRewrite | undefined> {
  const at = service.locate(document.uri);
  if (!at || !f.toModule || !TS_JS.test(at.file)) return undefined;
  const module = folder.model.modules.get(f.toModule);
  const entries = (module?.public ?? []).filter((g) => !/[*?[\]{}!]/.test(g) && TS_JS.test(g));
  if (entries.length === 0) return undefined;
  const located = locateStatement(document, f);
  const names = located && importedNames(located.statement);
  if (!located || !names) return undefined;
  for (const entry of entries) {
    const exported = await exportsOf(service.fileSystem, path.posix.join(folder.root, entry), 0, new Set());
    if (names.every((n) => exported.has(n))) {
      return { toModule: f.toModule, specifier: entrySpecifier(f.specifier ?? '', at.file, entry), range: located.range };
    }
  }
  return undefined;
}
