// `--format json`: the findings as plain data for scripts, plus the run's summary. Lines and
// columns are 1-based, as in the text and SARIF reports and in ESLint's JSON (the findings
// themselves are 0-based, as the editor counts). Written piece by piece, so a run with a
// hundred thousand findings never holds its whole report in one string.

import type { DecisionRef, Finding } from '../findings';
import { countSeverities, type ReportInput } from './types';

/** One finding as the JSON report writes it: 1-based positions instead of a range; docs/cli.md documents every field. */
export type JsonFinding = Omit<Finding, 'range' | 'decision'> & {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  decision?: Omit<DecisionRef, 'line'> & { line: number };
};

export function jsonFinding(f: Finding): JsonFinding {
  const { start, end } = f.range;
  const out: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
    message: f.message,
  };
  if (f.decision) {
    const d = f.decision;
    out.decision = { id: d.id, title: d.title, status: d.status, file: d.file, line: d.line + 1 };
  }
  if (f.fromModule !== undefined) out.fromModule = f.fromModule;
  if (f.toModule !== undefined) out.toModule = f.toModule;
  if (f.specifier !== undefined) out.specifier = f.specifier;
  if (f.target !== undefined) out.target = f.target;
  if (f.package !== undefined) out.package = f.package;
  if (f.fixes?.length) out.fixes = f.fixes;
  return out;
}

/** The report as `JSON.stringify(report, null, 2)` would write it, in pieces. */
export function* jsonReportChunks(input: ReportInput): Generator<string> {
  const head = {
    tool: 'adrift',
    version: input.toolVersion,
    summary: { ...countSeverities(input.findings), files: input.files, skipped: input.skipped.length, unresolved: (input.unresolved ?? []).length, durationMs: input.durationMs },
    baseline: input.baseline,
    since: input.scope && {
      ref: input.scope.ref,
      base: input.scope.base,
      new: input.scope.introduced.size,
      inherited: input.scope.inherited,
      fixed: input.scope.fixed.map(jsonFinding),
      records: input.scope.records,
    },
  };
  const fields = JSON.stringify(head, null, 2).slice(0, -2);
  yield fields;
  const scope = input.scope;
  yield* jsonArray('findings', input.findings, scope ? (f) => ({ ...jsonFinding(f), new: scope.introduced.has(f) }) : jsonFinding);
  yield* jsonArray('skipped', input.skipped, (s) => s);
  yield* jsonArray('unresolved', input.unresolved ?? [], (u) => u);
  yield '\n}\n';
}

function* jsonArray<T>(key: string, items: readonly T[], shape: (item: T) => unknown): Generator<string> {
  if (items.length === 0) {
    yield `,\n  ${JSON.stringify(key)}: []`;
    return;
  }
  yield `,\n  ${JSON.stringify(key)}: [`;
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? '' : ','}\n    ${JSON.stringify(shape(items[i]), null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield '\n  ]';
}
