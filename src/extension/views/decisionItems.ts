// What the Decisions view shows, as plain data: records grouped by status, filtered by text,
// with overdue reviews marked. No `vscode` here, so the grouping is tested in plain Node.

import type { DecisionLog, DecisionStatus, LoadedRecord } from '../../core/records/types';
import { compareText } from '../../core/order';

/** Groups in the order a reader scans them: what holds now, what is open, what is history. */
export const STATUS_ORDER = ['accepted', 'proposed', 'deprecated', 'superseded', 'rejected', 'invalid'] as const;
export type StatusGroup = (typeof STATUS_ORDER)[number];

export const GROUP_LABELS: Record<StatusGroup, string> = {
  accepted: 'Accepted',
  proposed: 'Proposed',
  deprecated: 'Deprecated',
  superseded: 'Superseded',
  rejected: 'Rejected',
  invalid: 'Invalid records',
};

export interface DecisionEntry {
  /** Workspace-relative path of the record. */
  file: string;
  id: number | undefined;
  title: string;
  status: StatusGroup;
  date?: string;
  tags: string[];
  reviewBy?: string;
  /** review_by is in the past and the decision still holds (accepted or proposed). */
  overdue: boolean;
  supersededBy?: number;
  /** Number of findings about the record file itself (schema, references). */
  problems: number;
}

function statusOf(r: LoadedRecord): StatusGroup {
  const s = r.record?.status ?? r.header.status;
  return r.record && (STATUS_ORDER as readonly string[]).includes(s ?? '') ? (s as DecisionStatus) : 'invalid';
}

export function decisionEntry(r: LoadedRecord, today: string): DecisionEntry {
  const status = statusOf(r);
  const reviewBy = r.record?.review_by;
  return {
    file: r.file,
    id: r.record?.id ?? r.header.id,
    title: r.record?.title ?? r.header.title ?? r.file.split('/').pop() ?? r.file,
    status,
    ...(r.record?.date ? { date: r.record.date } : {}),
    tags: r.record?.tags ?? [],
    ...(reviewBy ? { reviewBy } : {}),
    overdue: reviewBy !== undefined && reviewBy < today && (status === 'accepted' || status === 'proposed'),
    ...(r.record?.superseded_by !== undefined ? { supersededBy: r.record.superseded_by } : {}),
    problems: r.findings.length,
  };
}

/**
 * Every word must match: the id ("7", "0007", "ADR-7"), or text in the title, a tag or the
 * status; "#word" matches tags only. Case-insensitive.
 */
export function matchesFilter(e: DecisionEntry, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const tags = e.tags.map((t) => t.toLowerCase());
  const haystack = [e.title, ...e.tags, e.status].join(' ').toLowerCase();
  return words.every((w) => {
    if (w.startsWith('#')) return tags.some((t) => t.includes(w.slice(1)));
    const asId = /^(?:adr-?)?0*(\d+)$/.exec(w);
    if (asId && e.id === Number(asId[1])) return true;
    return haystack.includes(w);
  });
}

export function groupDecisions(log: DecisionLog, filter: string, today: string): Map<StatusGroup, DecisionEntry[]> {
  const groups = new Map<StatusGroup, DecisionEntry[]>();
  for (const r of log.records) {
    const e = decisionEntry(r, today);
    if (!matchesFilter(e, filter)) continue;
    const list = groups.get(e.status) ?? [];
    list.push(e);
    groups.set(e.status, list);
  }
  const ordered = new Map<StatusGroup, DecisionEntry[]>();
  for (const s of STATUS_ORDER) {
    const list = groups.get(s);
    if (list) ordered.set(s, list.sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || compareText(a.file, b.file)));
  }
  return ordered;
}

export function padId(id: number | undefined): string {
  return id === undefined ? '????' : String(id).padStart(4, '0');
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
