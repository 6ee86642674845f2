// A record as MADR 4.0 Markdown. MADR has no place for what Adrift checks (modules, forbidden
// packages ...), so those fields ride along under an `adrift` key in the YAML front matter:
// Markdown readers ignore it and `adrift import` reads it back, so export → import is lossless.
// The Confirmation section says the same in words for readers (confirmation.ts).

import { stringify } from 'yaml';
import { GENERATED_MARKER } from '../../fs/generated';
import { padId } from '../naming';
import { CONFIRMATION_HEADING, confirmationText } from './confirmation';
import { asItemText } from './sections';
import type { DecisionRecord } from '../types';

/** Fields without a MADR section, kept in the front matter. */
const ADRIFT_FIELDS = ['kind', 'area', 'tags', 'supersedes', 'review_by', 'links', 'build_vs_buy', 'evolution', 'enforce'] as const;

export function madrStatus(rec: DecisionRecord): string {
  return rec.status === 'superseded' && rec.superseded_by !== undefined ? `superseded by ADR-${padId(rec.superseded_by)}` : rec.status;
}

/** List items; an item's continuation lines (paragraphs, code) are indented so they stay in it. */
function list(items: readonly string[] | undefined, prefix = ''): string[] {
  return (items ?? []).map((i) => `* ${prefix}${asItemText(i.trim())}`);
}

/** Text that must start a block of its own: a bullet list, heading, quote, table, code or a lone colon. */
const BLOCK_START = /^ {0,3}(?:[*+-]\s|#|>|\||```|~~~|:| {4})/;

/**
 * MADR's `Chosen option: "…", because …` line. Quote marks in the name are escaped (\"),
 * which Markdown shows as plain quotes; a rationale that opens with a list or other block
 * goes below `because:` so its first item stays an item.
 */
export function chosenLine(chosen: string, rationale: string | undefined): string {
  const name = `"${chosen.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const why = rationale?.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (!why?.trim()) return `Chosen option: ${name}.`;
  return BLOCK_START.test(why) ? `Chosen option: ${name}, because:\n\n${why}` : `Chosen option: ${name}, because ${why.trimStart()}`;
}

/** Extra text of a section, after a blank line. */
const more = (t: string | undefined): string[] => (t?.trim() ? [t.trim(), ''] : []);

/** `fileOf` gives the Markdown file name of another record, for links between records. */
export function recordToMadr(rec: DecisionRecord, fileOf: (id: number) => string | undefined = () => undefined): string {
  const front: Record<string, unknown> = { status: madrStatus(rec), date: rec.date };
  const x = rec.extra ?? {};
  if (rec.deciders?.length) front['decision-makers'] = rec.deciders;
  if (rec.consulted?.length) front.consulted = rec.consulted;
  if (rec.informed?.length) front.informed = rec.informed;
  const extra: Record<string, unknown> = {};
  for (const k of ADRIFT_FIELDS) if (rec[k] !== undefined) extra[k] = rec[k];
  for (const [k, v] of Object.entries(x.front_matter ?? {})) if (!(k in front) && k !== 'adrift') front[k] = v;
  if (Object.keys(extra).length) front.adrift = extra;

  const out: string[] = ['---', stringify(front, { lineWidth: 0 }).trimEnd(), `# ${GENERATED_MARKER} by adrift export`, '---', '', `# ${rec.title}`, '', ...more(x.preamble)];
  if (rec.context?.trim()) out.push('## Context and Problem Statement', '', rec.context.trim(), '');
  if (rec.drivers?.length || x.drivers) out.push('## Decision Drivers', '', ...list(rec.drivers), ...(rec.drivers?.length ? [''] : []), ...more(x.drivers));
  const listed = rec.options ?? [];
  if (listed.length || x.options) out.push('## Considered Options', '', ...list(listed.map((o) => o.name)), ...(listed.length ? [''] : []), ...more(x.options));
  if (rec.decision) out.push('## Decision Outcome', '', chosenLine(rec.decision.chosen, rec.decision.rationale), '');
  const c = rec.consequences;
  if ((c && (c.good?.length || c.bad?.length || c.neutral?.length)) || x.consequences) {
    const items = [...list(c?.good, 'Good, because '), ...list(c?.neutral, 'Neutral, because '), ...list(c?.bad, 'Bad, because ')];
    out.push(rec.decision ? '### Consequences' : '## Consequences', '', ...items, ...(items.length ? [''] : []), ...more(x.consequences));
  }
  // MADR 4 puts Confirmation under Decision Outcome, after Consequences.
  out.push(`${rec.decision ? '###' : '##'} ${CONFIRMATION_HEADING}`, '', confirmationText(rec), '');
  const detailed = (rec.options ?? []).filter((o) => o.description || o.pros?.length || o.cons?.length);
  if (detailed.length) {
    out.push('## Pros and Cons of the Options', '');
    for (const o of detailed) {
      out.push(`### ${o.name.replace(/\s*\n\s*/g, ' ')}`, '');
      if (o.description) out.push(o.description.trim(), '');
      if (o.pros?.length || o.cons?.length) out.push(...list(o.pros, 'Good, because '), ...list(o.cons, 'Bad, because '), '');
    }
  }
  for (const s of x.sections ?? []) out.push(`## ${s.heading}`, '', ...more(s.body));
  const info: string[] = [];
  for (const id of rec.supersedes ?? []) info.push(`* Supersedes ${link(id, fileOf)}`);
  if (rec.superseded_by !== undefined) info.push(`* Superseded by ${link(rec.superseded_by, fileOf)}`);
  for (const l of rec.links ?? []) info.push(l.title === undefined && /^https?:\/\/\S+$/.test(l.url) ? `* <${l.url}>` : `* [${l.title ?? l.url}](${l.url})`);
  if (rec.review_by) info.push(`* Review by ${rec.review_by}`);
  if (info.length || x.links) out.push('## More Information', '', ...info, ...(info.length ? [''] : []), ...more(x.links));
  return out.join('\n');
}

function link(id: number, fileOf: (id: number) => string | undefined): string {
  const f = fileOf(id);
  return f ? `[ADR-${padId(id)}](${f})` : `ADR-${padId(id)}`;
}
