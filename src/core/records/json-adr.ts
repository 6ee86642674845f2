// JSON-ADR v1 (the interchange format of the `adrs` tool, schema json-adr/v1.json): a bulk
// export of the log. Fields with a JSON-ADR counterpart map onto it; what Adrift checks
// (modules, forbidden packages ...) and the rest travel as YAML in custom_sections.adrift,
// so reading an export back gives the same records.

import { parse, stringify } from 'yaml';
import type { DecisionOption, DecisionRecord, DecisionStatus } from './types';
import { DECISION_STATUSES } from './types';
import { chosenOf } from './markdown/import';
import { chosenLine } from './markdown/madr-export';

export interface JsonAdr {
  number: number;
  title: string;
  status: string;
  date: string;
  deciders?: string[];
  consulted?: string[];
  informed?: string[];
  tags?: string[];
  context?: string;
  decision_drivers?: string[];
  considered_options?: DecisionOption[];
  decision?: string;
  consequences?: { positive?: string[]; negative?: string[]; risks?: string[] } | string[];
  links?: { type: string; target: number; description?: string }[];
  custom_sections?: Record<string, string>;
  path?: string;
}

export interface JsonAdrExport {
  $schema?: string;
  version: '1.0.0';
  generated_at?: string;
  tool?: { name: string; version: string };
  repository?: { name?: string; adr_directory?: string };
  adrs: JsonAdr[];
}

const SCHEMA_URL = 'https://raw.githubusercontent.com/joshrotenberg/adrs/main/schema/json-adr/v1.json';
const ADRIFT_SECTION = 'adrift';
const ADRIFT_FIELDS = ['kind', 'area', 'review_by', 'links', 'build_vs_buy', 'evolution', 'enforce', 'extra'] as const;

function decisionText(rec: DecisionRecord): string | undefined {
  return rec.decision ? chosenLine(rec.decision.chosen, rec.decision.rationale) : undefined;
}

export function recordToJsonAdr(rec: DecisionRecord, path?: string): JsonAdr {
  const a: JsonAdr = { number: rec.id, title: rec.title, status: rec.status, date: rec.date };
  if (rec.deciders?.length) a.deciders = rec.deciders;
  if (rec.consulted?.length) a.consulted = rec.consulted;
  if (rec.informed?.length) a.informed = rec.informed;
  if (rec.tags?.length) a.tags = rec.tags;
  if (rec.context !== undefined) a.context = rec.context;
  if (rec.drivers?.length) a.decision_drivers = rec.drivers;
  if (rec.options?.length) a.considered_options = rec.options;
  const d = decisionText(rec);
  if (d) a.decision = d;
  if (rec.consequences) {
    a.consequences = {};
    if (rec.consequences.good) a.consequences.positive = rec.consequences.good;
    if (rec.consequences.bad) a.consequences.negative = rec.consequences.bad;
  }
  const links = [
    ...(rec.supersedes ?? []).map((target) => ({ type: 'supersedes', target })),
    ...(rec.superseded_by !== undefined ? [{ type: 'superseded-by', target: rec.superseded_by }] : []),
  ];
  // JSON-ADR link targets start at 1; a link to record 0 stays only in custom_sections.adrift.
  if (links.some((l) => l.target >= 1)) a.links = links.filter((l) => l.target >= 1);
  const extra: Record<string, unknown> = {};
  for (const k of ADRIFT_FIELDS) if (rec[k] !== undefined) extra[k] = rec[k];
  if (links.some((l) => l.target < 1)) extra.record_links = links.filter((l) => l.target < 1);
  if (rec.consequences?.neutral) extra.neutral_consequences = rec.consequences.neutral;
  if (Object.keys(extra).length) a.custom_sections = { [ADRIFT_SECTION]: stringify(extra, { lineWidth: 0 }) };
  if (path) a.path = path;
  return a;
}

export function logToJsonAdr(records: readonly { record: DecisionRecord; path?: string }[], tool: { name: string; version: string }, adrDirectory: string, now: Date): JsonAdrExport {
  return {
    $schema: SCHEMA_URL,
    version: '1.0.0',
    generated_at: now.toISOString(),
    tool,
    repository: { adr_directory: adrDirectory },
    adrs: records.map((r) => recordToJsonAdr(r.record, r.path)),
  };
}

/** Reads one JSON-ADR entry back; statuses Adrift does not know become proposed (noted). */
export function jsonAdrToRecord(a: JsonAdr, notes: string[] = []): DecisionRecord {
  const status = (DECISION_STATUSES as readonly string[]).includes(a.status.toLowerCase()) ? (a.status.toLowerCase() as DecisionStatus) : 'proposed';
  if (status !== a.status.toLowerCase()) notes.push(`status "${a.status}" imported as proposed`);
  const rec: DecisionRecord = { id: a.number, title: a.title, status, date: a.date.slice(0, 10) };
  if (a.deciders?.length) rec.deciders = a.deciders;
  if (a.consulted?.length) rec.consulted = a.consulted;
  if (a.informed?.length) rec.informed = a.informed;
  if (a.tags?.length) rec.tags = a.tags;
  if (a.context !== undefined) rec.context = a.context;
  if (a.decision_drivers?.length) rec.drivers = a.decision_drivers;
  if (a.considered_options?.length) rec.options = a.considered_options;
  if (a.decision !== undefined) {
    const c = /^Chosen option\b/.test(a.decision) ? chosenOf(a.decision) : {};
    rec.decision = c.chosen ? { chosen: c.chosen, ...(c.rationale ? { rationale: c.rationale } : {}) } : { chosen: a.title, rationale: a.decision };
  }
  const extra = (a.custom_sections?.[ADRIFT_SECTION] ? parse(a.custom_sections[ADRIFT_SECTION], { maxAliasCount: 10 }) : {}) as Record<string, unknown> | null;
  if (a.consequences) {
    rec.consequences = {};
    if (Array.isArray(a.consequences)) rec.consequences.neutral = a.consequences;
    else {
      if (a.consequences.positive) rec.consequences.good = a.consequences.positive;
      if (a.consequences.negative) rec.consequences.bad = a.consequences.negative;
      if (a.consequences.risks?.length) rec.consequences.bad = [...(rec.consequences.bad ?? []), ...a.consequences.risks];
    }
  }
  if (extra && Array.isArray(extra.neutral_consequences)) rec.consequences = { ...rec.consequences, neutral: extra.neutral_consequences as string[] };
  const zero = extra && Array.isArray(extra.record_links) ? (extra.record_links as { type: string; target: number }[]) : [];
  for (const l of [...(a.links ?? []), ...zero]) {
    if (l.type === 'supersedes') rec.supersedes = [...(rec.supersedes ?? []), l.target];
    else if (l.type === 'superseded-by') rec.superseded_by = l.target;
  }
  if (extra) for (const k of ADRIFT_FIELDS) if (extra[k] !== undefined) (rec as unknown as Record<string, unknown>)[k] = extra[k];
  return rec;
}
