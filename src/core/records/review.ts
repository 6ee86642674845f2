// What a reviewer checks in an accepted record before it is enforced: no template or
// placeholder text left, someone named as having decided, and a review date when nothing in
// the record can be checked in code. Only accepted records: a proposed one is still a draft.

import type { Finding, Range, Severity } from '../findings';
import { proseValues } from './prose';
import { refOf } from './ref';
import { TEMPLATE_MARKER } from '../guide/templateText';
import { templateTextProblem } from './template-text';
import type { DecisionRecord, Enforcement, LoadedRecord } from './types';

/**
 * Choices of a technology or a vendor: they stop holding as the product grows (load, price,
 * a vendor's terms), and when no rule checks them in code only a date brings them back.
 * `general` records are mostly how the team works (record decisions, test in a real
 * editor), which no date makes stale; boundaries always carry modules, evolution records
 * carry their own triggers.
 */
const UNCHECKED_KINDS = new Set(['technology', 'build-vs-buy']);

function finding(r: LoadedRecord, severity: Severity, range: Range, message: string): Finding {
  const f: Finding = { rule: 'decision-review', severity, file: r.file, range, message };
  const ref = refOf(r, range.start.line);
  if (ref) f.decision = ref;
  return f;
}

/** Whether the record gives Adrift anything to check in the code. */
export function hasCodeCheck(enforce: Enforcement | undefined): boolean {
  if (!enforce) return false;
  return (
    Object.keys(enforce.modules ?? {}).length > 0 ||
    (enforce.packages?.forbid?.length ?? 0) > 0 ||
    Object.keys(enforce.packages?.only_in ?? {}).length > 0 ||
    (enforce.imports?.forbid?.length ?? 0) > 0 ||
    enforce.undeclared !== undefined ||
    enforce.type_only !== undefined
  );
}

/** A decision nothing in the code checks, of a kind that goes stale: it needs a review_by date. */
export function needsReviewDate(rec: DecisionRecord): boolean {
  return rec.kind !== undefined && UNCHECKED_KINDS.has(rec.kind) && !hasCodeCheck(rec.enforce);
}

/** `date` plus `months`, as YYYY-MM-DD; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Months until a decision nothing in the code checks is reviewed, unless the decision says otherwise. */
export const REVIEW_MONTHS = 12;

/** The review date the guide gives such a decision: a year after it was taken. */
export function reviewDateAfter(date: string): string {
  return addMonths(date, REVIEW_MONTHS);
}

export function reviewRecord(r: LoadedRecord): Finding[] {
  const rec = r.record;
  if (rec?.status !== 'accepted') return [];
  const out: Finding[] = [];
  for (const { path, text } of proseValues(rec)) {
    const problem = templateTextProblem(text);
    if (!problem) continue;
    const fix = problem.kind === 'marked' ? `write the team's own words (and drop "${TEMPLATE_MARKER.trimEnd()}")` : "write what the team decided";
    out.push(finding(r, 'warning', r.rangeOf(path, 'value'), `${path.join('.')} is ${problem.what} in an accepted record; ${fix}, or set the record back to proposed until it is written`));
  }
  out.push(...deciders(r, rec));
  if (needsReviewDate(rec) && rec.review_by === undefined) {
    out.push(
      finding(r, 'warning', r.rangeOf(['kind'], 'value'), `this ${rec.kind} decision has no enforce rule, so nothing in the code shows when it stops holding; give it a review_by date (YYYY-MM-DD) to revisit it, or an enforce rule`),
    );
  }
  return out;
}

/**
 * An explicit `deciders: []` on an accepted record always; no deciders at all only on a
 * record with a `kind` (every record the guide and `adrift new` write): imported logs
 * (Nygard, most MADR) have no place for deciders, and flagging each of their records would
 * bury everything else.
 */
function deciders(r: LoadedRecord, rec: DecisionRecord): Finding[] {
  if (rec.deciders !== undefined && rec.deciders.length > 0) return [];
  if (rec.deciders !== undefined) {
    return [finding(r, 'warning', r.rangeOf(['deciders'], 'value'), 'deciders is empty on an accepted record; name who decided (people or roles), so a reader knows whom to ask')];
  }
  if (rec.kind === undefined) return [];
  return [finding(r, 'warning', r.rangeOf(['status'], 'value'), 'the record is accepted but names no deciders; add deciders: [...] with who decided (people or roles)')];
}
