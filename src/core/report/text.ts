// `--format text`: findings grouped by the pair of modules they are about (the boundary a
// reader will go and discuss), then the rest by file; colour only when asked (a TTY).

import { formatFindingLine, type Finding } from '../findings';
import type { UnresolvedImport } from '../engine/types';
import { adrLabel, countSeverities, listedFindings, plural, type ReportInput, type ReportScope } from './types';
import { compareText } from '../order';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

function painter(color: boolean): (style: Style, s: string) => string {
  return color ? (style, s) => `\u001b[${CODES[style]}m${s}\u001b[0m` : (_style, s) => s;
}

const SEVERITY_STYLE: Record<Finding['severity'], Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

function groupOf(f: Finding): string {
  if (f.fromModule !== undefined && f.toModule !== undefined && f.fromModule !== f.toModule) return `${f.fromModule} → ${f.toModule}`;
  if (f.fromModule !== undefined) return `module ${f.fromModule}`;
  return '';
}

export function* textReportChunks(input: ReportInput, options: TextOptions): Generator<string> {
  const paint = painter(options.color);
  const groups = new Map<string, Finding[]>();
  const listed = listedFindings(input);
  for (const f of listed) {
    const g = groupOf(f);
    const list = groups.get(g);
    if (list) list.push(f);
    else groups.set(g, [f]);
  }
  // Module pairs first, alphabetically; findings about no module (records, config, files) last.
  const names = [...groups.keys()].sort((a, b) => (a === '') !== (b === '') ? (a === '' ? 1 : -1) : compareText(a, b));
  for (const name of names) {
    const list = groups.get(name) ?? [];
    const c = countSeverities(list);
    const counts = [c.error && plural(c.error, 'error'), c.warning && plural(c.warning, 'warning'), c.info && plural(c.info, 'note')].filter(Boolean).join(', ');
    yield paint('bold', `${name || 'other findings'}`) + paint('dim', ` (${counts})`) + '\n';
    for (const f of list) {
      let lines = `  ${paint(SEVERITY_STYLE[f.severity], formatFindingLine(f))}\n`;
      for (const fix of f.fixes ?? []) lines += paint('dim', `      fix: ${fix}`) + '\n';
      yield lines;
    }
    yield '\n';
  }
  for (const line of unresolvedLines(input.unresolved ?? [], paint)) yield line + '\n';
  if (input.scope) yield scopeLines(input.scope, paint).join('\n') + '\n';
  yield summaryLine(input, listed, paint) + '\n';
}

/** With --since: what the change did to the findings and to the records. */
function scopeLines(scope: ReportScope, paint: (style: Style, s: string) => string): string[] {
  const counts = `${scope.introduced.size} new, ${scope.inherited} inherited (not listed), ${scope.fixed.length} fixed`;
  const lines = [paint('bold', `since ${scope.ref} (${scope.base.slice(0, 7)})`) + `: ${counts}`];
  for (const r of scope.records) {
    const what = r.change === 'status' ? `status ${r.from ?? '?'} → ${r.to ?? '?'}` : r.change;
    lines.push(`  record ${adrLabel(r.id)} "${r.title}" ${what} (${r.file})`);
  }
  return lines;
}

/** How many unresolved imports the text report names: enough to act on, few enough to read. */
const UNRESOLVED_SHOWN = 5;

/** The first few local imports that lead nowhere, file:line:col, so that no miss is silent. */
function unresolvedLines(unresolved: readonly UnresolvedImport[], paint: (style: Style, s: string) => string): string[] {
  if (unresolved.length === 0) return [];
  const lines = [paint('bold', 'local imports not resolved, so not checked') + paint('dim', ` (${unresolved.length})`)];
  for (const u of unresolved.slice(0, UNRESOLVED_SHOWN)) lines.push(`  ${u.file}:${u.line}:${u.column} "${u.specifier}"`);
  if (unresolved.length > UNRESOLVED_SHOWN) lines.push(paint('dim', `  … and ${unresolved.length - UNRESOLVED_SHOWN} more (--format json lists them all)`));
  lines.push('');
  return lines;
}

function summaryLine(input: ReportInput, listed: readonly Finding[], paint: (style: Style, s: string) => string): string {
  const c = countSeverities(listed);
  const found =
    listed.length === 0
      ? paint('bold', 'no findings')
      : [paint('red', plural(c.error, 'error')), paint('yellow', plural(c.warning, 'warning')), plural(c.info, 'note')].join(', ');
  const parts = [`${found} in ${plural(input.files, 'file')} (${(input.durationMs / 1000).toFixed(2)} s)`];
  if (input.skipped.length > 0) parts.push(`${plural(input.skipped.length, 'file')} skipped`);
  const unresolved = input.unresolved ?? [];
  if (unresolved.length > 0) parts.push(`${plural(unresolved.length, 'local import')} not resolved, so not checked`);
  const b = input.baseline;
  if (b) {
    const extra = [b.expired ? `${b.expired} expired` : '', b.unused ? `${b.unused} no longer needed` : '', b.pending ? `${b.pending} waiting for a proposed decision` : '']
      .filter(Boolean)
      .join(', ');
    parts.push(`${b.suppressed} accepted by ${b.file}${extra ? ` (${extra})` : ''}`);
  }
  return parts.join('; ');
}
