// `--format markdown`: a short summary for a sticky pull-request comment. The findings (with
// --since: only those the change introduced) grouped by the decision they break, each group
// with the decision's title, its rationale on one line and its deciders, so the reviewer sees
// why the rule exists and whom to ask — and how to change it: propose a decision.

import { formatFindingLine, type Finding } from '../findings';
import { adrLabel, countSeverities, listedFindings, plural, type DecisionSummary, type ReportInput } from './types';

/** Past this many findings per decision the comment says "and N more" instead. */
const SHOWN_PER_DECISION = 10;
const RATIONALE_CHARS = 200;

function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

function oneLine(s: string): string {
  return s.length > RATIONALE_CHARS ? `${s.slice(0, RATIONALE_CHARS - 1).trimEnd()}…` : s;
}

export function* markdownReportChunks(input: ReportInput): Generator<string> {
  const listed = listedFindings(input);
  const scope = input.scope;
  const c = countSeverities(listed);
  const what = scope ? `new since \`${escape(scope.ref)}\` (${scope.base.slice(0, 7)})` : 'in this check';
  yield `### Adrift: ${listed.length === 0 ? 'no findings' : `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'note')}`} ${what}\n\n`;
  if (scope) yield `${scope.introduced.size} new, ${scope.inherited} inherited, ${scope.fixed.length} fixed.\n\n`;

  const groups = new Map<number, Finding[]>();
  for (const f of listed) {
    const id = f.decision?.id ?? 0;
    groups.set(id, [...(groups.get(id) ?? []), f]);
  }
  for (const id of [...groups.keys()].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b))) {
    const list = groups.get(id) ?? [];
    yield id === 0 ? '#### Other findings\n\n' : decisionHeading(id, list[0], input.decisions?.get(id));
    for (const f of list.slice(0, SHOWN_PER_DECISION)) yield `- \`${escape(formatFindingLine({ ...f, message: '' }).trim())}\` ${escape(f.message)}\n`;
    if (list.length > SHOWN_PER_DECISION) yield `- … and ${list.length - SHOWN_PER_DECISION} more (\`adrift check --format json\` lists them all)\n`;
    yield '\n';
  }
  if (scope?.records.length) {
    yield '#### Decision records changed\n\n';
    for (const r of scope.records) {
      const change = r.change === 'status' ? `status ${r.from ?? '?'} → ${r.to ?? '?'}` : r.change;
      yield `- ${adrLabel(r.id)} ${escape(r.title)}: ${change} (\`${escape(r.file)}\`)\n`;
    }
    yield '\n';
  }
  if (listed.some((f) => f.decision)) {
    yield '> If the code is right and a decision is out of date, propose a decision that allows it: `adrift new <kind> "<title>"` (or the editor\'s "Propose a decision" quick fix) writes a `proposed` record for the deciders to review.\n';
  }
}

function decisionHeading(id: number, first: Finding | undefined, d: DecisionSummary | undefined): string {
  const title = d?.title ?? first?.decision?.title ?? '';
  const lines = [`#### ${adrLabel(id)} ${escape(title)}`, ''];
  if (d?.rationale) lines.push(`Why: ${escape(oneLine(d.rationale))}`);
  if (d?.deciders.length) lines.push(`Decided by: ${escape(d.deciders.join(', '))}`);
  if (lines.length > 2) lines.push('');
  return lines.join('\n') + '\n';
}
