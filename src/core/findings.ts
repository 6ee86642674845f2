// Findings are what every check in Adrift returns: plain data that the CLI prints and the
// extension turns into diagnostics. Positions are 0-based (line, column in UTF-16 code
// units, as in the editor); formatters print them 1-based.

import { compareText } from './order';

export const RULE_IDS = [
  'module-dependency',
  'layer-dependency',
  'private-import',
  'data-ownership',
  'forbidden-package',
  'confined-package',
  'forbidden-import',
  'module-cycle',
  'unassigned-file',
  'type-only-import',
  'decision-schema',
  'decision-reference',
  'decision-lifecycle',
  'decision-model',
  'decision-review',
  'decision-budget',
  'unused-suppression',
  'agent-instructions',
  'skipped-file',
  'ratchet',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Where a decision lives, so a finding can point at it. */
export interface DecisionRef {
  id: number;
  title: string;
  status: string;
  /** Workspace-relative path of the record file, POSIX separators. */
  file: string;
  /** 0-based line of the key in the record that introduced the rule (or of `id`). */
  line: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Workspace-relative path, POSIX separators. */
  file: string;
  range: Range;
  message: string;
  /** The decision the code breaks, or the record the finding is about. */
  decision?: DecisionRef;
  /** The module of the importing file and the module imported, where they apply. */
  fromModule?: string;
  toModule?: string;
  /** The import specifier as written, for import findings. */
  specifier?: string;
  /** The workspace file the import leads to (workspace-relative, POSIX), for imports of a file. */
  target?: string;
  /** The package the import names, for imports of a package (`forbidden-package`, `confined-package`). */
  package?: string;
  /** What would fix it, as short sentences a person can act on. */
  fixes?: string[];
}

export const ZERO_RANGE: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

/** `file:line:col rule message`, 1-based, the format every CLI command prints. */
export function formatFindingLine(f: Finding): string {
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.rule} ${f.message}`;
}
