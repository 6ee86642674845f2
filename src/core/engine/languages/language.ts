// The seam between the engine and one programming language. Each language lives in its own
// folder under languages/ and exports one `Language`; ./index.ts lists them, one line each.
// The engine, the cache, the rules, the CLI and the editor work only through this interface,
// so adding a language is a folder and a registry line.

import type { Workspace } from '../resolve/workspace';
import type { DataAccess, ImportRef, Resolution, SuppressionComment } from '../types';

/** What one source file holds for the rules. */
export interface LanguageExtraction {
  imports: ImportRef[];
  dataAccess: DataAccess[];
  suppressions: SuppressionComment[];
}

/** Where one language's imports lead, built once per workspace from its settings files. */
export interface LanguageResolver {
  resolve(fromFile: string, ref: ImportRef): Resolution;
  /** Every target of one import; `[resolve(…)]` unless one import names several files. */
  resolveAll(fromFile: string, ref: ImportRef): Resolution[];
  /** The workspace's file set changed: forget memoised lookups. */
  invalidate(): void;
}

export interface Language {
  /** Stable id, stored in cached extractions: 'typescript'. */
  readonly id: string;
  /** The names people know it by, for messages: ['TypeScript', 'JavaScript']. */
  readonly names: readonly string[];
  /** The extensions of the files it reads, without the dot: ['ts', 'tsx', …]. */
  readonly extensions: readonly string[];
  /** The settings files its resolver reads (tested against the file's name), if any. */
  readonly configFile?: RegExp;
  /** The same files as glob names, for the editor's file watcher: ['tsconfig*.json', …]. */
  readonly configGlobs?: readonly string[];
  /**
   * Folders its tools write output to beside one of its settings files (`dist` beside a
   * package.json): not listed there, nor at the workspace root when a settings file of this
   * language is there. Elsewhere a folder of that name is source like any other.
   */
  readonly outputFolders?: readonly string[];
  /** Folders whose files of this language are never listed (Go's vendor/ and testdata/). */
  readonly ignoredFolders?: readonly string[];
  /** How a line comment starts, for the suppression comment a quick fix writes. */
  readonly lineComment: string;
  /** The file's imports, data access and `adrift-ignore` comments; never throws on bad code. */
  extract(text: string, relPath: string): LanguageExtraction;
  /**
   * @param ws the workspace's files and folders
   * @param configFiles workspace-relative paths of the settings files of every language
   *   (each language picks its own); problems go to `ws.problems`
   */
  createResolver(ws: Workspace, configFiles: readonly string[]): Promise<LanguageResolver>;
  /** Whether an import specifier names the standard library / a built-in module. */
  isBuiltin(specifier: string): boolean;
  /**
   * One line of this language that imports `target` from `fromFile` (both workspace-relative),
   * so "may this file import that?" is answered by checking a real import; undefined when the
   * language cannot write it from paths alone (a Go package path needs its module path).
   */
  importStatement(fromFile: string, target: { path: string } | { package: string }): string | undefined;
}
