// The evolution path checked against the technology decisions. v1 is what gets built now, so
// it must be what the other decisions say: a v1 that names a rejected option ("local job
// queue" while the queue decision is Redis) contradicts them, and the guide says so before
// writing. Later stages may change a decision on purpose; those changes become consequences
// of the evolution record ("v2 replaces the queue decision"), not problems.

import type { ChoiceOption } from './types';

/** A technology decision as the evolution check sees it: its area, the chosen option and the others. */
export interface TechnologyChoice {
  area: string;
  /** The area as people write it: Queue, File Storage ... */
  label: string;
  chosen: ChoiceOption;
  others: ChoiceOption[];
}

/**
 * Phrases that name no option of an area but mean "none of them": a stage that says
 * "local job queue" has no queue service at all, whichever one was chosen.
 */
export const IN_PROCESS_PHRASES: Record<string, string[]> = {
  queue: ['local job queue', 'local queue', 'in-memory queue', 'in-process queue', 'in-memory job queue', 'no queue'],
  database: ['in-memory database', 'in-memory store', 'flat files'],
  'file storage': ['local files', 'files on disk'],
};

/** An option's name without its parenthesised details: "Redis (BullMQ, RQ)" → "Redis". */
export function shortLabel(option: ChoiceOption): string {
  return option.label.split(/\s+\(/)[0].trim();
}

/** How prose names an option: its label (up to a parenthesis or comma), product names in parentheses, its package names. */
export function optionTerms(option: ChoiceOption): string[] {
  const terms = new Set<string>();
  const main = option.label.split(/\s*[(,]/)[0].trim();
  if (main) terms.add(main);
  const inParens = /\(([^)]*)\)/.exec(option.label)?.[1] ?? '';
  for (const item of inParens.split(',').map((s) => s.trim())) {
    // Product names only ("BullMQ", "pg-boss", "Graphile Worker"), not explanations ("or an S3-compatible store").
    if (/^[A-Z0-9]/.test(item) && item.split(/\s+/).length <= 2) terms.add(item);
  }
  for (const p of option.packages ?? []) if (!p.startsWith('@') && p.length >= 4) terms.add(p);
  return [...terms];
}

/** The words of `text` that name one of `terms` (as written in `text`), if any. */
function mentioned(text: string, terms: string[]): string | undefined {
  for (const term of terms) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const hit = new RegExp(`(?:^|[^A-Za-z0-9])(${escaped})(?:$|[^A-Za-z0-9])`, 'i').exec(text);
    if (hit) return hit[1];
  }
  return undefined;
}

export interface StageConflict {
  choice: TechnologyChoice;
  /** The words of the stage that contradict the choice. */
  said: string;
  /** The option those words name; undefined for an in-process phrase. */
  option?: ChoiceOption;
}

/** What a stage's summary says against the decisions: options it names that were not chosen. */
export function stageConflicts(summary: string, choices: readonly TechnologyChoice[]): StageConflict[] {
  const out: StageConflict[] = [];
  for (const choice of choices) {
    const phrase = mentioned(summary, IN_PROCESS_PHRASES[choice.area.toLowerCase()] ?? []);
    if (phrase) {
      out.push({ choice, said: phrase });
      continue;
    }
    for (const option of choice.others) {
      const said = mentioned(summary, optionTerms(option));
      if (said) {
        out.push({ choice, said, option });
        break;
      }
    }
  }
  return out;
}

/** The problem message for a v1 that contradicts a decision. */
export function v1ConflictMessage(stage: string, c: StageConflict): string {
  const against = c.option ? `names ${shortLabel(c.option)}, which the ${c.choice.label.toLowerCase()} decision did not choose` : `means no ${c.choice.label.toLowerCase()} service`;
  return `${stage} says "${c.said}": that ${against}, but the ${c.choice.label.toLowerCase()} decision is ${shortLabel(c.choice.chosen)}. Change ${stage} or the ${c.choice.label.toLowerCase()} decision so they agree.`;
}

/** The consequence of a later stage that brings in what a decision did not choose. */
export function laterChangeConsequence(stage: string, c: StageConflict): string {
  const area = c.choice.label.toLowerCase();
  const what = c.option ? `${shortLabel(c.option)}, which the ${area} decision did not choose` : `"${c.said}"`;
  return `${stage} brings in ${what}: if it replaces ${shortLabel(c.choice.chosen)}, a new ${area} record supersedes today's when ${stage} starts.`;
}
