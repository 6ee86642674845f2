// The end of the guide: which status the records are written as, what stops or limits the
// write (conflicts, answers missing, decisions Adrift cannot check), and what was written.
// Native radios in a fieldset: screen readers announce "Write the records as, radio group"
// and each option as a radio, and arrow keys move between them.

import type { BaselinePreview, FirstCheck, GuideProblem, GuideProblemKind, WriteStatus } from '../../src/protocol/guide';
import { h, icon } from './dom';

const STATUS_OPTIONS: { status: WriteStatus; label: string; details: string }[] = [
  { status: 'proposed', label: 'Proposed, for review', details: 'Nothing is checked until a reviewer accepts each record. Use this when the team reviews decisions in a pull request.' },
  { status: 'accepted', label: 'Accepted, in force now', details: 'Adrift checks the code against the records at once. Use this when the deciders have already agreed.' },
];

/** The status choice; `onChange` gets the new status. */
export function writeStatusControl(current: WriteStatus, onChange: (status: WriteStatus) => void): HTMLElement {
  const fieldset = h('fieldset', { class: 'write-status' }, h('legend', {}, 'Write the records as'));
  for (const o of STATUS_OPTIONS) {
    const id = `write-status-${o.status}`;
    const input = h('input', { type: 'radio', name: 'write-status', id, value: o.status, checked: o.status === current, 'aria-describedby': `${id}-details` });
    input.addEventListener('change', () => {
      if (input.checked) onChange(o.status);
    });
    fieldset.append(h('div', { class: 'write-status-option' }, input, h('label', { for: id }, o.label), h('p', { id: `${id}-details`, class: 'help' }, o.details)));
  }
  fieldset.append(h('p', { class: 'help' }, 'A record that supersedes a decision already in force is always written as proposed: accepting it retires the old record, which you do in the Decisions view or with adrift status.'));
  return fieldset;
}

const PROBLEM_GROUPS: { kind: GuideProblemKind; title: string; icon: string }[] = [
  { kind: 'conflict', title: 'Resolve before writing', icon: 'error' },
  { kind: 'missing', title: 'Not recorded yet', icon: 'warning' },
  { kind: 'unchecked', title: 'Recorded, but not checked in code', icon: 'info' },
];

/** The problems grouped by what they mean for the write; `link` draws the way to the step. */
export function problemGroups(problems: readonly GuideProblem[], link: (problem: GuideProblem) => HTMLElement): HTMLElement[] {
  return PROBLEM_GROUPS.flatMap((g) => {
    const items = problems.filter((p) => (p.kind ?? 'missing') === g.kind);
    if (items.length === 0) return [];
    return [h('div', { class: `problems problems-${g.kind}`, 'data-kind': g.kind },
      h('h3', {}, icon(g.icon), ` ${g.title}`),
      h('ul', {}, ...items.map((p) => h('li', {}, link(p), `: ${p.message}`))))];
  });
}

/** The line after writing: how many records, with which status, and what that means. */
export function writtenSummary(written: number, accepted: number): string {
  const records = `${written} decision record${written === 1 ? '' : 's'}`;
  const proposed = written - accepted;
  if (accepted === written) return `Wrote ${records} as accepted. Adrift now checks the code against them.`;
  if (accepted === 0) return `Wrote ${records} as proposed. Review them, then accept each one (Decisions view, or adrift status <id> accepted); Adrift checks the code against accepted records only.`;
  return `Wrote ${records}: ${accepted} accepted, which Adrift checks now, and ${proposed} proposed, which supersede decisions in force once you accept them.`;
}

/** The baseline file as the write leaves it: which pairs' imports it accepts, why and until when. */
export function baselineDetails(b: BaselinePreview): HTMLElement {
  const entries = b.pairs.reduce((n, p) => n + p.entries, 0);
  return h('details', { class: 'record baseline-preview', 'data-path': b.path },
    h('summary', {}, icon('history'), ' ', h('span', { class: 'record-title' }, `Baseline: ${entries} import${entries === 1 ? '' : 's'} of ${b.pairs.length} module pair${b.pairs.length === 1 ? '' : 's'} accepted for now`)),
    h('ul', { class: 'baseline-pairs' }, ...b.pairs.map((p) => h('li', {}, `${p.from} → ${p.to}: ${p.entries} import${p.entries === 1 ? '' : 's'}, ${p.reason}${p.expires ? `, until ${p.expires}` : ''}`))),
    h('p', { class: 'path' }, icon('file'), ` ${b.path} (its entries stay; these are added)`),
    h('pre', { tabindex: 0, 'aria-label': `${b.path} as it will be written` }, b.text));
}

/** What the first check reports from the code once the records are accepted: the findings the user left to flag. */
export function firstCheckSummary(check: FirstCheck, status: WriteStatus): HTMLElement {
  const when = status === 'accepted' ? 'After writing, the first check' : 'Once these records are accepted, the first check';
  if (check.total === 0) return h('div', { class: 'first-check', 'data-total': 0 }, h('p', { class: 'success' }, icon('pass'), ` ${when} reports nothing in the code.`));
  const more = check.total - check.findings.length;
  return h('div', { class: 'first-check', 'data-total': check.total },
    h('p', {}, icon('warning'), ` ${when} reports ${check.total} finding${check.total === 1 ? '' : 's'} in the code:`),
    h('ul', { class: 'first-check-findings' }, ...check.findings.map((f) => h('li', {}, h('code', {}, f.rule), ` ${f.file}:${f.line} — ${f.message}`))),
    more > 0 ? h('p', { class: 'help' }, `and ${more} more.`) : undefined);
}
