// `--format github`: GitHub Actions workflow commands, which the runner turns into
// annotations on the pull request's diff.

import type { Finding } from '../findings';
import { listedFindings, type ReportInput } from './types';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of the message part of a workflow command. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values must additionally escape the separators `:` and `,`. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(f: Finding): string {
  const { start, end } = f.range;
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${start.line + 1}`,
    `col=${start.column + 1}`,
    `endLine=${end.line + 1}`,
    `endColumn=${end.column + 1}`,
    `title=${escapeProperty(`adrift ${f.rule}`)}`,
  ];
  const fixes = f.fixes?.length ? `\nFix: ${f.fixes.join('; or ')}` : '';
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message + fixes)}`;
}

export function* githubReportChunks(input: ReportInput): Generator<string> {
  for (const f of listedFindings(input)) yield githubAnnotation(f) + '\n';
}
