// The report formats of `adrift check`.

import { githubReport } from './github';
import { jsonReport } from './json';
import { sarifReport } from './sarif';
import { textReport } from './text';
import type { ReportInput } from './types';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  color?: boolean;
  /** Absolute workspace root, for SARIF's base URI. */
  root?: string;
}

export function renderReport(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return textReport(input, { color: options.color ?? false });
    case 'json':
      return jsonReport(input);
    case 'sarif':
      return sarifReport(input, { root: options.root });
    case 'github':
      return githubReport(input);
  }
}

export type { ReportInput } from './types';
export { RULE_DESCRIPTIONS } from './rules';
