// MADR's "Confirmation" (how compliance with the decision is confirmed), written from the
// record's `enforce` block: in plain words, what `adrift check` and the editor check for this
// record, or that nothing is checked in code and when the decision is due for review.
//
// The section is generated, so `adrift import` must not read it back as the user's words:
// `isGeneratedConfirmation` recognises it by regenerating the text from the front matter the
// export wrote next to it. Text that differs (edited by hand) is the user's and is kept.

import type { DecisionRecord, Enforcement, ModuleDeclaration } from '../types';
import type { MarkdownDoc, MarkdownSection } from './sections';
import { textOf } from './sections';

export const CONFIRMATION_HEADING = 'Confirmation';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** `a`, `a and b`, `a, b and c`, each in code quotes. */
function series(items: readonly string[]): string {
  const q = items.map(code);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

function moduleLine(name: string, m: ModuleDeclaration): string {
  const where = m.paths === undefined ? '' : m.paths.length ? ` is the code in ${series(m.paths)}` : ' has no folders yet, so no file belongs to it';
  const rules: string[] = [];
  const parts: string[] = [];
  if (m.uses !== undefined) {
    parts.push(m.uses.length ? `it may import module${m.uses.length > 1 ? 's' : ''} ${series(m.uses)}` : 'it may import no other module');
    rules.push('module-dependency');
  }
  if (m.public !== undefined) {
    parts.push(m.public.length ? `other modules may import only ${series(m.public)}` : 'no other module may import it');
    rules.push('private-import');
  }
  if (m.owns?.length) {
    parts.push(`only ${code(name)} may touch ${series(m.owns)}`);
    rules.push('data-ownership');
  }
  if (!where && parts.length === 0) return `* Module ${code(name)} is named here; its folders come from another record.`;
  const lead = where ? `* Module ${code(name)}${where}.` : `* Module ${code(name)}:`;
  if (parts.length === 0) return lead;
  const rest = parts.join('; ');
  return `${lead} ${where ? rest[0].toUpperCase() + rest.slice(1) : rest} (${rules.join(', ')}).`;
}

const UNDECLARED: Record<NonNullable<Enforcement['undeclared']>, string> = {
  deny: '* An import between modules that no accepted decision allows is an error (module-dependency).',
  warn: '* An import between modules that no accepted decision allows is a warning (module-dependency).',
  allow: '* Imports between modules that no decision allows are not reported.',
};

const reasonOf = (reason: string | undefined) => (reason?.trim() ? `: ${reason.trim().replace(/\s+/g, ' ')}` : '');

/** The checks a record's `enforce` block asks for, one bullet each; empty when it asks for none. */
function checks(e: Enforcement): string[] {
  const out: string[] = [];
  for (const [name, m] of Object.entries(e.modules ?? {})) out.push(moduleLine(name, m));
  if (e.undeclared) out.push(UNDECLARED[e.undeclared]);
  if (e.type_only === 'ignore') out.push('* Type-only imports (`import type`, `if TYPE_CHECKING:`) do not count as dependencies.');
  for (const p of e.packages?.forbid ?? []) out.push(`* No file may import the package ${code(p.name)}${reasonOf(p.reason)} (forbidden-package).`);
  for (const [pkg, mods] of Object.entries(e.packages?.only_in ?? {})) {
    out.push(`* Only module${mods.length > 1 ? 's' : ''} ${series(mods)} may import the package ${code(pkg)}; an import anywhere else, in a file of no module too, is a finding (confined-package).`);
  }
  for (const i of e.imports?.forbid ?? []) out.push(`* Files in ${code(i.from)} may not import files in ${code(i.to)}${reasonOf(i.reason)} (forbidden-import).`);
  return out;
}

/** The section's body, without its heading. */
export function confirmationText(rec: Pick<DecisionRecord, 'enforce' | 'review_by'>): string {
  const bullets = rec.enforce ? checks(rec.enforce) : [];
  if (bullets.length) {
    return ['Adrift checks this decision in code while it is accepted (`adrift check` in CI, and the editor as you type):', '', ...bullets].join('\n');
  }
  const why = rec.enforce ? 'its `enforce` block names nothing that can be checked against imports or data' : 'the record has no `enforce` block';
  const review = rec.review_by ? `it is due for review by ${rec.review_by}` : 'set `review_by` so the team is reminded to revisit it';
  return `Adrift does not check this decision in code: ${why}. Confirm it in review; ${review}.`;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Takes out of `doc` a Confirmation section that `adrift export` generated from the record's
 * front matter (`adrift:` key) and that still says exactly that (whitespace aside), so an
 * import does not turn it into text of its own. Anything else under that heading is left for
 * the importer to read.
 */
export function dropGeneratedConfirmation(doc: MarkdownDoc, fromAdrift: Partial<DecisionRecord> | undefined): void {
  // A record with no field for the `adrift:` key (no enforce, no review_by) has none; its
  // generated text is then the "not checked in code" sentence, which no one else writes.
  const generated = flat(confirmationText(fromAdrift ?? {}));
  const isGenerated = (s: MarkdownSection) => s.heading.trim() === CONFIRMATION_HEADING && flat(textOf(s.lines)) === generated;
  const i = doc.sections.findIndex(isGenerated);
  if (i >= 0) doc.sections.splice(i, 1);
}
