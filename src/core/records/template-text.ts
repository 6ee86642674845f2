// Text in a record that nobody wrote for this decision: the guide's template text (marked
// with TEMPLATE_MARKER), what `adrift new` put in a field, the starter sentences of the
// common Markdown templates (adr-tools, MADR), and the usual placeholders (TODO, TBD,
// `<name>`, `{describe …}`). Data first; the matching after.

import { isTemplateText, TEMPLATE_MARKER } from '../guide/templateText';
import { skeletonSources, skeletonTexts } from './skeletons';

/**
 * Starter sentences of templates other tools write, as they read when left unchanged.
 * adr-tools' template (Nygard's sections), and MADR's `{…}` / `[…]` placeholders are caught
 * by the bracket patterns below.
 */
const KNOWN_TEMPLATE_SENTENCES = [
  'The issue motivating this decision, and any context that influences or constrains the decision.',
  "The change that we're proposing or have agreed to implement.",
  'What becomes easier or more difficult to do and any risks or mitigations because of this change.',
];

/** Element names that make `<name>` markup, not a placeholder. */
const HTML_ELEMENTS = new Set(
  'a abbr b blockquote br caption cite code col dd del details dfn div dl dt em figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p pre q s samp section small span strong sub summary sup table tbody td th thead tr u ul var video'.split(' '),
);

export interface TemplateTextProblem {
  /** `marked`: the guide's TEMPLATE_MARKER; `starter`: a template's text as written; `placeholder`: TODO, `<…>`, … */
  kind: 'marked' | 'starter' | 'placeholder';
  /** What the text is, for the message: "template text", "a placeholder (TODO)", … */
  what: string;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

let known: Set<string> | undefined;
function knownTexts(): Set<string> {
  known ??= new Set([...KNOWN_TEMPLATE_SENTENCES, ...skeletonTexts()].map(normalise));
  return known;
}

const KNOWN_SENTENCES = new Set(KNOWN_TEMPLATE_SENTENCES.map(normalise));
let skeletonLine: string | undefined;
/**
 * Whether `plain` may be a known starter text. Every prose value of a skeleton is a part of
 * the skeletons' own text (folded lines joined, as `normalise` joins them); so a text that is
 * not needs no YAML parse of every skeleton, which cost more than the rest of a record check.
 */
function mayBeKnown(plain: string): boolean {
  if (KNOWN_SENTENCES.has(plain)) return true;
  skeletonLine ??= normalise(skeletonSources().join('\n'));
  return skeletonLine.includes(plain);
}

/** Code spans, fenced blocks and `<https://…>` autolinks say nothing about placeholders. */
function withoutCode(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<(?:https?|mailto):[^>\s]*>/gi, ' ');
}

/** Why `text` reads as template or placeholder text, or undefined when it reads as written for the decision. */
export function templateTextProblem(text: string): TemplateTextProblem | undefined {
  if (isTemplateText(text)) return { kind: 'marked', what: `template text (it starts with "${TEMPLATE_MARKER.trimEnd()}")` };
  const plain = normalise(text);
  if (plain === '') return undefined;
  if (mayBeKnown(plain) && knownTexts().has(plain)) return { kind: 'starter', what: 'the starter text of a template, unchanged' };
  const prose = withoutCode(text);
  const word = /(?<![\w-])(TODO|TBD|TBC|FIXME|XXX)(?![\w-])/.exec(prose);
  if (word) return { kind: 'placeholder', what: `a placeholder (${word[1]})` };
  if (/^(?:\?+|\.\.\.|…|tbd|todo)$/i.test(plain)) return { kind: 'placeholder', what: `a placeholder ("${plain}")` };
  // `<name of the vendor>`, or a lone `<vendor>` as the whole value; one word inside prose
  // is as often a path or command template (`org/<id>/30d`, `adrift new <kind>`).
  const whole = /^<([A-Za-z][\w-]{0,40})>$/.exec(plain);
  if (whole && !HTML_ELEMENTS.has(whole[1].toLowerCase())) return { kind: 'placeholder', what: `a placeholder (${plain})` };
  const angle = /(?<![\w</])<([A-Za-z][\w'-]*(?: [\w'-]+)+)>(?![\w/])/.exec(prose);
  if (angle) return { kind: 'placeholder', what: `a placeholder (${shorten(angle[0])})` };
  const brace = /\{([A-Za-z][^{}\n:;=$"]*\s[^{}\n:;=$"]*)\}/.exec(prose);
  if (brace && /[a-z]{2,}\s+[a-z]/i.test(brace[1])) return { kind: 'placeholder', what: `a placeholder (${shorten(brace[0])})` };
  // MADR 2's `[short title of solved problem and solution]`, as the whole value only: inside
  // prose, `[some words]` is as often a Markdown shortcut link whose definition the import
  // left behind (two in the MoJ cloud-platform log).
  const bracket = /^\[([A-Za-z][^[\]\n]*\s[^[\]\n]*)\]$/.exec(plain);
  if (bracket) return { kind: 'placeholder', what: `a placeholder (${shorten(bracket[0])})` };
  return undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…${text[text.length - 1]}` : text;
}
