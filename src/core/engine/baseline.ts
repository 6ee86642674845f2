// The baseline: findings a team accepted when adopting Adrift, written by `adrift baseline`
// and read by `adrift check --baseline`. Entries match findings by rule, file, modules and
// specifier — never by line — so they survive edits above them; an entry with a past
// `expires` date stops suppressing and the finding says so.

import { parseDocument, stringify } from 'yaml';
import type { Finding } from '../findings';
import { isRuleId } from './suppression';
import { compareText } from '../order';

export interface BaselineEntry {
  rule: string;
  file: string;
  fromModule?: string;
  toModule?: string;
  specifier?: string;
  /** For findings without a specifier (data-ownership), the message tells them apart. */
  message?: string;
  /** The id of the decision the finding breaks. */
  decision?: number;
  reason: string;
  /** YYYY-MM-DD; from that day on the entry no longer suppresses. */
  expires?: string;
}

export interface Baseline {
  entries: BaselineEntry[];
}

export interface BaselineOutcome {
  kept: Finding[];
  suppressed: Finding[];
  /** Entries past their date that matched a finding (which is now reported again). */
  expired: BaselineEntry[];
  /** Entries that matched nothing: the code was fixed, so the entry can go. */
  unused: BaselineEntry[];
  /**
   * Entries that matched nothing because their decision is still proposed (an adoption's
   * baseline before its record is accepted): they wait for it, and are not stale.
   */
  pending: BaselineEntry[];
}

export const DEFAULT_BASELINE_REASON = 'accepted when adopting Adrift';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an entry and a finding must share to match (never the line). */
export function baselineKey(e: { rule: string; file: string; fromModule?: string; toModule?: string; specifier?: string; message?: string }): string {
  return [e.rule, e.file, e.fromModule ?? '', e.toModule ?? '', e.specifier ?? '', e.specifier === undefined ? (e.message ?? '') : ''].join('\u0000');
}

export function entryFor(f: Finding, reason: string, expires?: string): BaselineEntry {
  const e: BaselineEntry = { rule: f.rule, file: f.file, reason };
  if (f.fromModule !== undefined) e.fromModule = f.fromModule;
  if (f.toModule !== undefined) e.toModule = f.toModule;
  if (f.specifier !== undefined) e.specifier = f.specifier;
  else e.message = f.message;
  if (f.decision) e.decision = f.decision.id;
  if (expires) e.expires = expires;
  return e;
}

/**
 * Entries for `findings`; a finding an existing entry already covers keeps that entry (its
 * reason and expiry), entries that match nothing any more are dropped.
 */
export function buildBaseline(findings: Finding[], previous: Baseline | undefined, reason = DEFAULT_BASELINE_REASON, expires?: string): Baseline {
  const pool = new Map<string, BaselineEntry[]>();
  for (const e of previous?.entries ?? []) {
    const k = baselineKey(e);
    pool.set(k, [...(pool.get(k) ?? []), e]);
  }
  const entries = findings.map((f) => {
    const old = pool.get(baselineKey(f))?.shift();
    return old ?? entryFor(f, reason, expires);
  });
  entries.sort(compareEntries);
  return { entries };
}

/** `previous` with `entries` added, in the file's order; nothing of `previous` changes. */
export function addToBaseline(previous: Baseline | undefined, entries: readonly BaselineEntry[]): Baseline {
  return { entries: [...(previous?.entries ?? []), ...entries].sort(compareEntries) };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareText(a.file, b.file) || compareText(a.rule, b.rule) || compareText(baselineKey(a), baselineKey(b));
}

/** Each entry suppresses one finding with its key, so two identical imports need two entries. */
export function applyBaseline(findings: Finding[], baseline: Baseline, today: string, proposed: ReadonlySet<number> = NONE): BaselineOutcome {
  const pool = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) {
    const k = baselineKey(e);
    pool.set(k, [...(pool.get(k) ?? []), e]);
  }
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  const expired: BaselineEntry[] = [];
  for (const f of findings) {
    const entry = pool.get(baselineKey(f))?.shift();
    if (!entry) kept.push(f);
    else if (entry.expires !== undefined && entry.expires <= today) {
      expired.push(entry);
      kept.push({ ...f, message: `${f.message}; its baseline entry expired on ${entry.expires} (${entry.reason})` });
    } else suppressed.push(f);
  }
  const left = [...pool.values()].flat();
  const waits = (e: BaselineEntry): boolean => e.decision !== undefined && proposed.has(e.decision);
  return { kept, suppressed, expired, unused: left.filter((e) => !waits(e)), pending: left.filter(waits) };
}

const NONE: ReadonlySet<number> = new Set();

/** The ids of the log's proposed records: baseline entries naming one wait for it (BaselineOutcome.pending). */
export function proposedDecisions(log: { records: readonly { record?: { id: number; status: string } }[] }): Set<number> {
  return new Set(log.records.flatMap((r) => (r.record?.status === 'proposed' ? [r.record.id] : [])));
}

/** An entry in words: rule, file, modules, import, reason. */
export function describeEntry(e: BaselineEntry): string {
  const modules = e.fromModule !== undefined || e.toModule !== undefined ? ` (${e.fromModule ?? '?'} → ${e.toModule ?? '?'})` : '';
  const what = e.specifier !== undefined ? ` import "${e.specifier}"` : e.message ? ` "${e.message}"` : '';
  return `${e.rule} in ${e.file}${modules}${what}${e.reason ? ` — ${e.reason}` : ''}`;
}

/**
 * The baseline without the entries that match none of `findings` (the drift they accepted was
 * fixed); entries of a `proposed` decision stay, since its findings appear only once it is accepted.
 */
export function pruneBaseline(findings: Finding[], baseline: Baseline, today: string, proposed: ReadonlySet<number> = NONE): { baseline: Baseline; removed: BaselineEntry[] } {
  const removed = applyBaseline(findings, baseline, today, proposed).unused;
  const gone = new Set(removed);
  return { baseline: { entries: baseline.entries.filter((e) => !gone.has(e)) }, removed };
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface BaselineParse {
  baseline: Baseline;
  /** What is wrong with the file, each problem in words with its entry number. */
  problems: string[];
}

/** Reads a baseline written as YAML or JSON (JSON is YAML). */
export function parseBaseline(text: string): BaselineParse {
  const problems: string[] = [];
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return { baseline: { entries: [] }, problems: [`not valid YAML or JSON: ${doc.errors[0].message.split('\n')[0]}`] };
  const data: unknown = doc.toJS();
  const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as { entries?: unknown }).entries : undefined;
  if (data === null || data === undefined) return { baseline: { entries: [] }, problems };
  if (!Array.isArray(list)) return { baseline: { entries: [] }, problems: ['expected a mapping with a list `entries`'] };
  const entries: BaselineEntry[] = [];
  list.forEach((raw: unknown, i) => {
    const at = `entry ${i + 1}`;
    if (!raw || typeof raw !== 'object') return void problems.push(`${at} is not a mapping`);
    const r = raw as Record<string, unknown>;
    const str = (k: string): string | undefined => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
    const rule = str('rule');
    const file = str('file');
    if (!rule || !isRuleId(rule)) return void problems.push(`${at}: rule must be a rule id (found ${JSON.stringify(r.rule)})`);
    if (!file) return void problems.push(`${at}: file is missing`);
    const expires = r.expires instanceof Date ? r.expires.toISOString().slice(0, 10) : str('expires');
    if (expires !== undefined && !DATE.test(expires)) return void problems.push(`${at}: expires must be a date YYYY-MM-DD (found ${JSON.stringify(r.expires)})`);
    const e: BaselineEntry = { rule, file, reason: str('reason') ?? '' };
    for (const k of ['fromModule', 'toModule', 'specifier', 'message'] as const) {
      const v = str(k);
      if (v !== undefined) e[k] = v;
    }
    if (typeof r.decision === 'number') e.decision = r.decision;
    if (expires !== undefined) e.expires = expires;
    entries.push(e);
  });
  return { baseline: { entries }, problems };
}

/** YAML for `.yaml`/`.yml` files, JSON otherwise; stable order so diffs stay small. */
export function serializeBaseline(baseline: Baseline, fileName: string): string {
  const order = ['rule', 'file', 'fromModule', 'toModule', 'specifier', 'message', 'decision', 'reason', 'expires'] as const;
  const entries = baseline.entries.map((e) => Object.fromEntries(order.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])));
  const data = { version: 1, entries };
  if (/\.ya?ml$/i.test(fileName)) {
    return (
      '# Findings accepted when adopting Adrift, written by `adrift baseline`. Entries match by rule,\n' +
      '# file, modules and specifier (never by line); one with an `expires` date stops suppressing on it.\n' +
      stringify(data, { lineWidth: 0 })
    );
  }
  return JSON.stringify(data, null, 2) + '\n';
}
