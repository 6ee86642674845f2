// `--format gitlab`: a GitLab Code Quality report (a subset of the Code Climate issue format),
// for `artifacts: reports: codequality`. GitLab compares the reports of the merge request and
// its target branch by fingerprint, so the fingerprint is the finding's identity (the one the
// baseline and --since use: rule, file, modules, import — never the line).

import { createHash } from 'node:crypto';
import { baselineKey } from '../engine/baseline';
import type { Finding } from '../findings';
import type { ReportInput } from './types';

const SEVERITY: Record<Finding['severity'], 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end?: number } };
  categories: string[];
}

export function codeQualityIssue(f: Finding, occurrence = 0): CodeQualityIssue {
  const begin = f.range.start.line + 1;
  const end = f.range.end.line + 1;
  return {
    description: f.message,
    check_name: `adrift/${f.rule}`,
    fingerprint: createHash('md5').update(`${baselineKey(f)}\u0000${occurrence}`).digest('hex'),
    severity: SEVERITY[f.severity],
    location: { path: f.file, lines: end > begin ? { begin, end } : { begin } },
    categories: ['Style'],
  };
}

/**
 * The issues as a JSON array, one line per issue. Every finding, with --since too: GitLab's
 * widget itself tells new from resolved against the target branch's report.
 */
export function* gitlabReportChunks(input: ReportInput): Generator<string> {
  const seen = new Map<string, number>();
  const findings = input.findings;
  yield '[';
  let first = true;
  for (const f of findings) {
    const key = baselineKey(f);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    yield `${first ? '' : ','}\n  ${JSON.stringify(codeQualityIssue(f, n))}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
