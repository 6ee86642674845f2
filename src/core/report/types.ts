// What every report format is given: the findings of one check and what else a reader of
// the report needs to trust it (files checked, skipped, baseline use).

import type { RecordChange } from '../engine/since';
import type { UnresolvedImport } from '../engine/types';
import type { Finding } from '../findings';
import type { DecisionLog } from '../records/types';

export interface ReportInput {
  findings: Finding[];
  /** Source files checked. */
  files: number;
  /** Files not checked, with why. */
  skipped: { file: string; reason: string }[];
  durationMs: number;
  /** Local imports (relative, aliased, of a workspace package) that lead to no file: the rules cannot see past them. */
  unresolved?: UnresolvedImport[];
  /** `pending`: entries waiting for a proposed decision, only when there are some. */
  baseline?: { file: string; suppressed: number; expired: number; unused: number; pending?: number };
  toolVersion: string;
  /** With `check --since`: which findings the change introduced. */
  scope?: ReportScope;
  /** The decisions the findings name, with what a reviewer needs to read (Markdown, SARIF). */
  decisions?: ReadonlyMap<number, DecisionSummary>;
}

export interface ReportScope {
  /** The ref as given, and the merge-base commit compared with. */
  ref: string;
  base: string;
  /** The findings (of `findings`) the base did not have. */
  introduced: ReadonlySet<Finding>;
  inherited: number;
  /** Findings of the base that are gone. */
  fixed: Finding[];
  /** Decision records the change added, removed or changed. */
  records: RecordChange[];
}

export interface DecisionSummary {
  id: number;
  title: string;
  status: string;
  /** Workspace-relative path of the record. */
  file: string;
  /** The decision's rationale, on one line. */
  rationale?: string;
  deciders: string[];
}

/** What a reviewer needs of each record of the log, by id. */
export function decisionSummaries(log: DecisionLog): Map<number, DecisionSummary> {
  const out = new Map<number, DecisionSummary>();
  for (const r of log.records) {
    const rec = r.record;
    if (!rec) continue;
    const rationale = rec.decision?.rationale?.replace(/\s+/g, ' ').trim();
    out.set(rec.id, { id: rec.id, title: rec.title, status: rec.status, file: r.file, deciders: rec.deciders ?? [], ...(rationale ? { rationale } : {}) });
  }
  return out;
}

/** `ADR-0003`. */
export function adrLabel(id: number): string {
  return `ADR-${String(id).padStart(4, '0')}`;
}

/** The findings a report lists: with --since, those the change introduced; else all. */
export function listedFindings(input: ReportInput): Finding[] {
  const scope = input.scope;
  return scope ? input.findings.filter((f) => scope.introduced.has(f)) : input.findings;
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
