// Reading answers safely: they come from a webview or from saved state, so every accessor
// tolerates a missing or mistyped value, and `checkAnswers` says exactly what is wrong.

import type { AnswerValue, GuideAnswers, TableRow } from './types';

export function text(answers: GuideAnswers, id: string): string {
  const v = answers[id];
  return typeof v === 'string' ? v.trim() : '';
}

export function list(answers: GuideAnswers, id: string): string[] {
  return cleanList(answers[id]);
}

export function rows(answers: GuideAnswers, id: string): TableRow[] {
  const v = answers[id];
  return Array.isArray(v) ? v.filter((r): r is TableRow => typeof r === 'object' && r !== null && !Array.isArray(r)) : [];
}

export function perRow(answers: GuideAnswers, id: string): Record<string, string[]> {
  const v = answers[id];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  const out: Record<string, string[]> = {};
  for (const [k, values] of Object.entries(v)) out[k] = cleanList(values);
  return out;
}

export function cell(row: TableRow, column: string): string {
  const v = row[column];
  return typeof v === 'string' ? v.trim() : '';
}

export function cellList(row: TableRow, column: string): string[] {
  return cleanList(row[column]);
}

function cleanList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.filter((s): s is string => typeof s === 'string').map((s) => s.trim()).filter((s) => s.length > 0);
}

const MAX_STRING = 10_000;
const MAX_ITEMS = 500;

function isString(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_STRING;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= MAX_ITEMS && v.every(isString);
}

function checkValue(v: unknown): string | undefined {
  if (isString(v) || isStringList(v)) return undefined;
  if (Array.isArray(v)) {
    if (v.length > MAX_ITEMS) return `more than ${MAX_ITEMS} rows`;
    for (const [i, row] of v.entries()) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return `row ${i + 1} is not an object`;
      for (const [k, cellValue] of Object.entries(row as Record<string, unknown>)) {
        if (!isString(cellValue) && !isStringList(cellValue)) return `row ${i + 1}, column "${k}" is neither text nor a list of texts`;
      }
    }
    return undefined;
  }
  if (typeof v === 'object' && v !== null) {
    for (const [k, values] of Object.entries(v as Record<string, unknown>)) {
      if (!isStringList(values)) return `entry "${k}" is not a list of texts`;
    }
    return undefined;
  }
  return 'is neither text, a list, a table nor a per-row list';
}

/** Undefined when `value` is well-formed GuideAnswers, else a message naming the bad answer. */
export function checkAnswers(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'answers must be an object';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_ITEMS) return `more than ${MAX_ITEMS} answers`;
  for (const [id, v] of entries) {
    const problem = checkValue(v);
    if (problem) return `answer "${id}" ${problem}`;
  }
  return undefined;
}

export function isAnswerValue(v: unknown): v is AnswerValue {
  return checkValue(v) === undefined;
}
