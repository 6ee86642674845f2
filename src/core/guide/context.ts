// The context of a record: the product, then the answers that led to this decision, as
// sentences. Each record names its own facts, so no two contexts are the same one line.

import { text } from './answers';
import { choiceDecisions } from './flow';
import type { TechnologyChoice } from './evolution';
import type { GuideAnswers } from './types';

function sentence(s: string): string {
  const t = s.trim();
  return t === '' || /[.!?:]$/.test(t) ? t : `${t}.`;
}

/** "Product. Fact one. Fact two.", leaving out empty facts; undefined when there is nothing to say. */
export function decisionContext(answers: GuideAnswers, facts: (string | undefined | false)[]): string | undefined {
  const parts = [text(answers, 'product'), ...facts].filter((f): f is string => typeof f === 'string' && f.trim() !== '').map(sentence);
  return parts.length ? parts.join(' ') : undefined;
}

/** "a, b and c" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The choice decisions answered so far (tenancy, the key decisions and the pack's), each with the options not chosen. */
export function technologyChoices(answers: GuideAnswers): TechnologyChoice[] {
  const out: TechnologyChoice[] = [];
  for (const { decision: a } of choiceDecisions(answers)) {
    const chosen = a.options.find((o) => o.id === text(answers, a.field));
    if (chosen) out.push({ area: a.area, label: a.label, chosen, others: a.options.filter((o) => o !== chosen) });
  }
  return out;
}

/** "Database: PostgreSQL; Queue: Redis" for the decisions answered. */
export function choicesLine(choices: readonly TechnologyChoice[]): string {
  return choices.map((c) => `${c.label}: ${c.chosen.label}`).join('; ');
}
