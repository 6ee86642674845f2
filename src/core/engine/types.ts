// The drift engine's data, between its stages:
// file → module (globs) · extraction per language · resolution · rules · findings.

import type { Position, Range } from '../findings';

/** A language's id (`Language.id` of ./languages): 'typescript', 'python' … */
export type SourceLanguage = string;

export type ImportKind =
  | 'import' // import x from 'a'; import 'a'; import a.b (Python); from a import b
  | 'export' // export … from 'a'
  | 'dynamic' // import('a') with a string literal
  | 'require' // require('a')
  | 'import-equals'; // import x = require('a')

/** One import as written in a source file. */
export interface ImportRef {
  /** As written: './a', '@app/x', 'react', 'app.models', '..models' (Python relative). */
  specifier: string;
  /** Range of the specifier string, quotes included (TS/JS), or of the dotted module name with its leading dots (Python). */
  range: Range;
  kind: ImportKind;
  /** `import type`, `export type`, an import under `if TYPE_CHECKING:`. */
  typeOnly: boolean;
  /** Imported names where known (`import { a, b }`, `from x import a, b`); '*' for namespace. */
  names?: string[];
}

/** Data touched by a statement: a table in SQL text, a Prisma delegate, an ORM model. */
export interface DataAccess {
  kind: 'sql' | 'prisma' | 'orm';
  /** The table, model or collection name as found in the code. */
  name: string;
  range: Range;
}

/** `adrift-ignore <rule> -- <reason>` comments. */
export interface SuppressionComment {
  rule: string;
  reason: string;
  /** The comment's own range; it applies to its own line and the next line of code. */
  range: Range;
}

export interface ExtractedFile {
  language: SourceLanguage;
  imports: ImportRef[];
  dataAccess: DataAccess[];
  suppressions: SuppressionComment[];
}

/** Where an import leads. */
export type Resolution =
  | { kind: 'file'; path: string } // workspace-relative, POSIX
  | { kind: 'external'; packageName: string } // 'react', '@scope/pkg', 'fastapi'
  | { kind: 'builtin'; name: string } // node:fs, os (Python stdlib), net/http (Go)
  /**
   * Leads to no file. `local`: the import names something of the workspace (a workspace
   * package, a tsconfig `paths` alias, a local Python package), so the miss hides an edge.
   */
  | { kind: 'unresolved'; local?: boolean };

/** A local import that leads to no file, where it is written (1-based line and column). */
export interface UnresolvedImport {
  file: string;
  specifier: string;
  line: number;
  column: number;
}

/** A file that was not checked, and why (binary, too large, minified, unreadable ...). */
export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * A settings file Adrift could use only in part (a malformed go.mod line, a `replace` that
 * leads out of the workspace, a tsconfig that is not JSON), and where (0-based).
 */
export interface SettingsProblem {
  file: string;
  at: Position;
  /** Characters from `at` on its line that the problem covers (0: a point). */
  length: number;
  message: string;
}
