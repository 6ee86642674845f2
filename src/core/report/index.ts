// The report formats of `adrift check`.

import { githubReportChunks } from './github';
import { gitlabReportChunks } from './gitlab';
import { jsonReportChunks } from './json';
import { markdownReportChunks } from './markdown';
import { sarifReportChunks } from './sarif';
import { textReportChunks } from './text';
import type { ReportInput } from './types';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'gitlab'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  color?: boolean;
  /** Absolute workspace root, for SARIF's base URI. */
  root?: string;
}

/** The report in pieces, in order: write each as it comes, so no report is built whole. */
export function reportChunks(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): Iterable<string> {
  switch (format) {
    case 'text':
      return textReportChunks(input, { color: options.color ?? false });
    case 'json':
      return jsonReportChunks(input);
    case 'sarif':
      return sarifReportChunks(input, { root: options.root });
    case 'github':
      return githubReportChunks(input);
    case 'markdown':
      return markdownReportChunks(input);
    case 'gitlab':
      return gitlabReportChunks(input);
  }
}

/** The whole report as one string (tests, small reports). */
export function renderReport(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): string {
  return [...reportChunks(format, input, options)].join('');
}

export type { ReportInput } from './types';
export { RULE_DESCRIPTIONS } from './rules';
