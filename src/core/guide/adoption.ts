// The answers of adopting Adrift on code that exists: the modules proposed from the code as
// the user edits them (the `discover` field of the modules step), and the module pairs the
// dependencies step baselines (the `edges` field), each with a reason and an expiry. Allowed
// pairs are ordinary `uses` answers. Read defensively, like every answer.

import { cell, rows } from './answers';
import type { TableRow } from './types';
import type { GuideAnswers } from './types';

/** The answer holding the proposals as edited, and the one holding the baselined pairs. */
export const DISCOVERED_FIELD = 'discovered';
export const BASELINE_FIELD = 'baseline';

/**
 * One proposal as the user edits it. `id` is the name the code proposed (it never changes, so
 * a merge target survives a rename); `name` the name the user gives it; `keep` 'yes' or 'no';
 * `into` the id of the proposal it is merged into, or ''.
 */
export interface ProposalRow extends TableRow {
  id: string;
  name: string;
  folders: string[];
  files: string;
  source: string;
  keep: string;
  into: string;
}

/** A pair of modules (by their names in the modules table) whose imports today are baselined. */
export interface BaselineChoice extends TableRow {
  from: string;
  to: string;
  reason: string;
  /** YYYY-MM-DD, or '' for no expiry. */
  expires: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The baselined pairs of the answers: one per pair (the first wins), each with a reason. */
export function baselineChoices(answers: GuideAnswers, field = BASELINE_FIELD): BaselineChoice[] {
  const seen = new Set<string>();
  const out: BaselineChoice[] = [];
  for (const row of rows(answers, field)) {
    const from = cell(row, 'from');
    const to = cell(row, 'to');
    const key = `${from}\u0000${to}`;
    if (from === '' || to === '' || from === to || seen.has(key)) continue;
    seen.add(key);
    const expires = cell(row, 'expires');
    out.push({ from, to, reason: cell(row, 'reason'), expires: DATE.test(expires) ? expires : '' });
  }
  return out;
}
