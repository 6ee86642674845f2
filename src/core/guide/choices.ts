// The one writer of choice decisions: the spine's tenancy and key decisions and every pack
// question become a `technology` record here. What makes such a record worth keeping:
// - its context is the product, why this decision matters for it, and the answers that led here;
// - its options are only the ones the team considered (answer `considered`);
// - its consequences are the chosen option's own, then what it wins and gives up against
//   each rejected option the team considered;
// - its rationale is the user's words, or template text marked as such (./templateText);
// - it says how it is checked: `enforce` where code can show it (the MADR export words its
//   Confirmation from that), and for what code cannot show, a `review_by` date and one
//   `Confirmation: ` item in `consequences.neutral` saying how the team confirms it instead.

import type { DecisionRecord, Enforcement } from '../records/types';
import { REVIEW_MONTHS, addMonths } from '../records/review';
import { list, perRow, text } from './answers';
import { templateText } from './templateText';
import type { ChoiceDecision, ChoiceOption, GuideAnswers } from './types';

// Review dates are counted by the records' own review rule, so the lint and the guide agree.
export { addMonths };

/** Starts the consequence that says how the team confirms what code cannot show (MADR's Confirmation). */
export const CONFIRMATION_PREFIX = 'Confirmation: ';

/** In every such Confirmation; a record that has one always has `review_by`. */
export const NOT_CHECKED = 'not checked in code';

export type ChoiceDraft = Omit<DecisionRecord, 'id' | 'status' | 'date'>;

export interface ChoiceProblem {
  step: string;
  field: string;
  message: string;
}

/** A module of the modules step: the name the user gave and its slug in the records. */
export interface KnownModule {
  name: string;
  slug: string;
}

export interface ChoiceContext {
  answers: GuideAnswers;
  /** The step the decision is asked in, for problems. */
  step: string;
  /** Every choice decision of the flow, to quote the earlier answers a decision follows from. */
  decisions: readonly ChoiceDecision[];
  modules: readonly KnownModule[];
  /** The records' date, YYYY-MM-DD: `review_by` counts from it. */
  date: string;
  problems: ChoiceProblem[];
}

/** Answer ids that belong to a decision besides its choice. */
export function rationaleField(d: Pick<ChoiceDecision, 'field'>): string {
  return `${d.field}Rationale`;
}

export function moduleField(d: Pick<ChoiceDecision, 'field'>): string {
  return `${d.field}Module`;
}

/** The options the team considered: the `considered` answer's ids (absent: all), the chosen one always. */
export function consideredOptions(d: ChoiceDecision, answers: GuideAnswers, chosen: string): ChoiceOption[] {
  const entry = perRow(answers, 'considered')[d.field];
  if (entry === undefined) return d.options;
  const ids = new Set([...entry, chosen]);
  return d.options.filter((o) => ids.has(o.id));
}

function sentence(s: string): string {
  const t = s.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The earlier answers a decision follows from, as "Tenancy: Shared database ..." phrases. */
function ledBy(d: ChoiceDecision, ctx: ChoiceContext): string[] {
  const out: string[] = [];
  for (const id of d.after ?? []) {
    const earlier = ctx.decisions.find((e) => e.field === id);
    const option = earlier?.options.find((o) => o.id === text(ctx.answers, id));
    if (earlier && option) out.push(`${lowerFirst(earlier.label)}: ${option.label}`);
  }
  return out;
}

function contextOf(d: ChoiceDecision, ctx: ChoiceContext): string {
  const product = text(ctx.answers, 'product');
  const led = ledBy(d, ctx);
  return [
    product ? sentence(product) : '',
    sentence(d.context),
    led.length ? `It follows from ${led.join('; ')}.` : '',
  ].filter(Boolean).join(' ');
}

function consequencesOf(chosen: ChoiceOption, rejected: ChoiceOption[]): { good: string[]; bad: string[] } {
  const own = chosen.consequences;
  const good = [...(own?.good ?? chosen.pros ?? [])];
  const bad = [...(own?.bad ?? chosen.cons ?? [])];
  for (const r of rejected) {
    if (r.cons?.length) good.push(`Compared with ${r.label}, avoids: ${r.cons.join('; ')}`);
    if (r.pros?.length) bad.push(`Compared with ${r.label}, gives up: ${r.pros.join('; ')}`);
  }
  return { good, bad };
}

function rationaleOf(d: ChoiceDecision, chosen: ChoiceOption, answers: GuideAnswers): string {
  const own = text(answers, rationaleField(d));
  if (own) return own;
  const hint = chosen.when ? ` The guide suggests it when: ${lowerFirst(chosen.when)}` : '';
  return templateText(`Say in the team's words why ${chosen.label} was chosen.${hint}`);
}

/** The module the owner answer names, matched by name or slug; a problem when it names none. */
function ownerModule(d: ChoiceDecision, ctx: ChoiceContext): KnownModule | undefined {
  if (!d.owner) return undefined;
  const name = text(ctx.answers, moduleField(d));
  if (name === '') return undefined;
  const found = ctx.modules.find((m) => m.name === name || m.slug === name || m.name.toLowerCase() === name.toLowerCase());
  if (!found) ctx.problems.push({ step: ctx.step, field: moduleField(d), message: `${d.label}: "${name}" is not one of the modules, so its packages are not confined to it.` });
  return found;
}

/** Packages of every option but the chosen one, minus those the chosen one uses too. */
export function packagesRuledOut(options: readonly ChoiceOption[], chosen: string): { name: string; option: string }[] {
  const kept = new Set(options.find((o) => o.id === chosen)?.packages ?? []);
  const out: { name: string; option: string }[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    if (option.id === chosen) continue;
    for (const name of option.packages ?? []) {
      if (kept.has(name) || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, option: option.label });
    }
  }
  return out;
}

/** The record a choice decision's answers amount to, or undefined (with a problem) when unanswered. */
export function choiceDraft(d: ChoiceDecision, ctx: ChoiceContext): ChoiceDraft | undefined {
  const chosen = d.options.find((o) => o.id === text(ctx.answers, d.field));
  if (!chosen) {
    ctx.problems.push({ step: ctx.step, field: d.field, message: `Pick a ${lowerFirst(d.label)} option to record it.` });
    return undefined;
  }
  const considered = consideredOptions(d, ctx.answers, chosen.id);
  const rejected = considered.filter((o) => o !== chosen);

  // Every option not chosen is ruled out, considered or not: the decision is "this, not another".
  const forbid = packagesRuledOut(d.options, chosen.id).map((p) => ({ name: p.name, reason: `${d.label}: not ${p.option}` }));
  const owner = ownerModule(d, ctx);
  const confined = owner ? (chosen.packages ?? []) : [];
  const enforce: Enforcement = {};
  if (forbid.length || confined.length) {
    enforce.packages = {
      ...(forbid.length ? { forbid } : {}),
      ...(confined.length ? { only_in: Object.fromEntries(confined.map((p) => [p, [owner!.slug]])) } : {}),
    };
  }

  const checked = forbid.length > 0 || confined.length > 0;
  const unchecked = d.unchecked ?? (checked ? undefined : { confirm: 'Nothing in the code shows this decision: confirm it in review.', reviewMonths: REVIEW_MONTHS });
  const how = unchecked ? upperFirst(sentence(unchecked.confirm)) : '';
  const confirmation = !unchecked
    ? undefined
    : checked
      ? `${CONFIRMATION_PREFIX}Adrift checks the packages under enforce; the rest is ${NOT_CHECKED}. ${how}`
      : `${CONFIRMATION_PREFIX}${upperFirst(NOT_CHECKED)}. ${how}`;

  const deciders = list(ctx.answers, 'deciders');
  const { good, bad } = consequencesOf(chosen, rejected);
  return {
    title: `${d.label}: ${chosen.label}`,
    kind: 'technology',
    area: d.area,
    ...(deciders.length ? { deciders } : {}),
    tags: [d.area.replace(/\s+/g, '-')],
    context: contextOf(d, ctx),
    ...(d.drivers?.length ? { drivers: [...d.drivers] } : {}),
    options: considered.map((o) => ({
      name: o.label,
      ...(o.when ? { description: o.when } : {}),
      ...(o.pros?.length ? { pros: [...o.pros] } : {}),
      ...(o.cons?.length ? { cons: [...o.cons] } : {}),
    })),
    decision: { chosen: chosen.label, rationale: rationaleOf(d, chosen, ctx.answers) },
    consequences: {
      ...(good.length ? { good } : {}),
      ...(bad.length ? { bad } : {}),
      ...(confirmation ? { neutral: [confirmation] } : {}),
    },
    ...(unchecked ? { review_by: addMonths(ctx.date, unchecked.reviewMonths) } : {}),
    ...(enforce.packages ? { enforce } : {}),
  };
}
