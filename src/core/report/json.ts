// `--format json`: the findings as plain data for scripts, plus the run's summary.

import { countSeverities, type ReportInput } from './types';

export function jsonReport(input: ReportInput): string {
  return (
    JSON.stringify(
      {
        tool: 'adrift',
        version: input.toolVersion,
        summary: { ...countSeverities(input.findings), files: input.files, skipped: input.skipped.length, unresolved: (input.unresolved ?? []).length, durationMs: input.durationMs },
        baseline: input.baseline,
        findings: input.findings,
        skipped: input.skipped,
        unresolved: input.unresolved ?? [],
      },
      null,
      2,
    ) + '\n'
  );
}
