// A record as MADR 4.0 Markdown. MADR has no place for what Adrift checks (modules, forbidden
// packages ...), so those fields ride along under an `adrift` key in the YAML front matter:
// Markdown readers ignore it and `adrift import` reads it back, so export → import is lossless.
// The Confirmation section says the same in words for readers (confirmation.ts).

import { stringify } from 'yaml';
import { GENERATED_MARKER } from '../../fs/generated';
import { padId } from '../naming';
import { CONFIRMATION_HEADING, confirmationText } from './confirmation';
import type { DecisionRecord } from '../types';

/** Fields without a MADR section, kept in the front matter. */
const ADRIFT_FIELDS = ['kind', 'area', 'tags', 'supersedes', 'review_by', 'links', 'build_vs_buy', 'evolution', 'enforce'] as const;

export function madrStatus(rec: DecisionRecord): string {
  return rec.status === 'superseded' && rec.superseded_by !== undefined ? `superseded by ADR-${padId(rec.superseded_by)}` : rec.status;
}

function list(items: readonly string[] | undefined, prefix = ''): string[] {
  return (items ?? []).map((i) => `* ${prefix}${i}`);
}

/** `fileOf` gives the Markdown file name of another record, for links between records. */
export function recordToMadr(rec: DecisionRecord, fileOf: (id: number) => string | undefined = () => undefined): string {
  const front: Record<string, unknown> = { status: madrStatus(rec), date: rec.date };
  if (rec.deciders?.length) front['decision-makers'] = rec.deciders;
  if (rec.consulted?.length) front.consulted = rec.consulted;
  if (rec.informed?.length) front.informed = rec.informed;
  const extra: Record<string, unknown> = {};
  for (const k of ADRIFT_FIELDS) if (rec[k] !== undefined) extra[k] = rec[k];
  if (Object.keys(extra).length) front.adrift = extra;

  const out: string[] = ['---', stringify(front, { lineWidth: 0 }).trimEnd(), `# ${GENERATED_MARKER} by adrift export`, '---', '', `# ${rec.title}`, ''];
  if (rec.context?.trim()) out.push('## Context and Problem Statement', '', rec.context.trim(), '');
  if (rec.drivers?.length) out.push('## Decision Drivers', '', ...list(rec.drivers), '');
  if (rec.options?.length) out.push('## Considered Options', '', ...rec.options.map((o) => `* ${o.name}`), '');
  if (rec.decision) {
    const why = rec.decision.rationale?.trim();
    out.push('## Decision Outcome', '', `Chosen option: "${rec.decision.chosen}"${why ? `, because ${why}` : '.'}`, '');
  }
  const c = rec.consequences;
  if (c && (c.good?.length || c.bad?.length || c.neutral?.length)) {
    out.push(rec.decision ? '### Consequences' : '## Consequences', '', ...list(c.good, 'Good, because '), ...list(c.neutral, 'Neutral, because '), ...list(c.bad, 'Bad, because '), '');
  }
  // MADR 4 puts Confirmation under Decision Outcome, after Consequences.
  out.push(`${rec.decision ? '###' : '##'} ${CONFIRMATION_HEADING}`, '', confirmationText(rec), '');
  const detailed = (rec.options ?? []).filter((o) => o.description || o.pros?.length || o.cons?.length);
  if (detailed.length) {
    out.push('## Pros and Cons of the Options', '');
    for (const o of detailed) {
      out.push(`### ${o.name}`, '');
      if (o.description) out.push(o.description.trim(), '');
      if (o.pros?.length || o.cons?.length) out.push(...list(o.pros, 'Good, because '), ...list(o.cons, 'Bad, because '), '');
    }
  }
  const more: string[] = [];
  for (const id of rec.supersedes ?? []) more.push(`* Supersedes ${link(id, fileOf)}`);
  if (rec.superseded_by !== undefined) more.push(`* Superseded by ${link(rec.superseded_by, fileOf)}`);
  for (const l of rec.links ?? []) more.push(`* [${l.title ?? l.url}](${l.url})`);
  if (rec.review_by) more.push(`* Review by ${rec.review_by}`);
  if (more.length) out.push('## More Information', '', ...more, '');
  return out.join('\n');
}

function link(id: number, fileOf: (id: number) => string | undefined): string {
  const f = fileOf(id);
  return f ? `[ADR-${padId(id)}](${f})` : `ADR-${padId(id)}`;
}
