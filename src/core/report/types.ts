// What every report format is given: the findings of one check and what else a reader of
// the report needs to trust it (files checked, skipped, baseline use).

import type { UnresolvedImport } from '../engine/types';
import type { Finding } from '../findings';

export interface ReportInput {
  findings: Finding[];
  /** Source files checked. */
  files: number;
  /** Files not checked, with why. */
  skipped: { file: string; reason: string }[];
  durationMs: number;
  /** Local imports (relative, aliased, of a workspace package) that lead to no file: the rules cannot see past them. */
  unresolved?: UnresolvedImport[];
  baseline?: { file: string; suppressed: number; expired: number; unused: number };
  toolVersion: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
