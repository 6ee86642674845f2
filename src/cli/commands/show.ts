// `adrift show <id>`: one record, readable, with what Adrift checks because of it and its findings.

import { formatFindingLine } from '../../core/findings';
import { readLayer } from '../../core/model/layers';
import type { DecisionRecord } from '../../core/records/types';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { parseId, requireLog } from '../workspace';

function bullet(items: readonly string[] | undefined, prefix = '  - '): string[] {
  return (items ?? []).map((i) => `${prefix}${i}`);
}

export function renderRecord(rec: DecisionRecord): string[] {
  const lines = [`${String(rec.id).padStart(4, '0')} ${rec.title}`, `status: ${rec.status}   date: ${rec.date}${rec.kind ? `   kind: ${rec.kind}` : ''}${rec.area ? `   area: ${rec.area}` : ''}`];
  if (rec.deciders?.length) lines.push(`deciders: ${rec.deciders.join(', ')}`);
  if (rec.tags?.length) lines.push(`tags: ${rec.tags.join(', ')}`);
  if (rec.supersedes?.length) lines.push(`supersedes: ${rec.supersedes.join(', ')}`);
  if (rec.superseded_by !== undefined) lines.push(`superseded by: ${rec.superseded_by}`);
  if (rec.review_by) lines.push(`review by: ${rec.review_by}`);
  if (rec.context) lines.push('', 'Context:', `  ${rec.context.trim().replace(/\n/g, '\n  ')}`);
  if (rec.drivers?.length) lines.push('', 'Drivers:', ...bullet(rec.drivers));
  for (const o of rec.options ?? []) {
    if (o === rec.options![0]) lines.push('', 'Options:');
    lines.push(`  * ${o.name}${rec.decision?.chosen === o.name ? '  (chosen)' : ''}`, ...bullet(o.pros, '      + '), ...bullet(o.cons, '      - '));
  }
  if (rec.decision) lines.push('', `Decision: ${rec.decision.chosen}`, ...(rec.decision.rationale ? [`  ${rec.decision.rationale.trim().replace(/\n/g, '\n  ')}`] : []));
  const c = rec.consequences;
  if (c && (c.good?.length || c.bad?.length || c.neutral?.length)) lines.push('', 'Consequences:', ...bullet(c.good, '  + '), ...bullet(c.bad, '  - '), ...bullet(c.neutral, '  · '));
  for (const b of rec.build_vs_buy ?? []) {
    if (b === rec.build_vs_buy![0]) lines.push('', 'Build or buy:');
    lines.push(`  ${b.capability}: ${b.choice}${b.vendor ? ` (${b.vendor})` : ''}${b.reason ? ` — ${b.reason}` : ''}`);
  }
  for (const s of rec.evolution ?? []) {
    if (s === rec.evolution![0]) lines.push('', 'Evolution:');
    lines.push(`  ${s.stage}: ${s.summary}${s.trigger ? ` (when: ${s.trigger})` : ''}`);
  }
  const e = rec.enforce;
  if (e) {
    lines.push('', 'Enforced:');
    for (const [name, m] of Object.entries(e.modules ?? {})) {
      const parts = [m.paths?.length ? `paths ${m.paths.join(', ')}` : '', m.public ? `public ${m.public.join(', ')}` : '', m.owns?.length ? `owns ${m.owns.join(', ')}` : '', m.uses ? `uses ${m.uses.length ? m.uses.join(', ') : 'nothing'}` : ''];
      lines.push(`  module ${name}: ${parts.filter(Boolean).join('; ') || 'declared'}`);
    }
    if (e.layers) {
      lines.push('  layers, top first (a module may use only layers below it):');
      for (const l of e.layers) {
        const { name, modules, closed } = readLayer(l);
        lines.push(`    ${name}${name === modules.join('+') ? '' : `: ${modules.join(', ')}`}${closed ? ' (closed: only the layer right below)' : ''}`);
      }
    }
    if (e.undeclared) lines.push(`  undeclared cross-module imports: ${e.undeclared}`);
    if (e.type_only) lines.push(`  type-only imports: ${e.type_only}`);
    for (const p of e.packages?.forbid ?? []) lines.push(`  forbidden package ${p.name}${p.reason ? `: ${p.reason}` : ''}`);
    for (const i of e.imports?.forbid ?? []) lines.push(`  forbidden import ${i.from} → ${i.to}${i.reason ? `: ${i.reason}` : ''}`);
  }
  for (const l of rec.links ?? []) {
    if (l === rec.links![0]) lines.push('', 'Links:');
    lines.push(`  ${l.title ? `${l.title}: ` : ''}${l.url}`);
  }
  return lines;
}

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'show one decision record, readable, with its findings',
  args: [{ name: 'id', description: 'the record number, e.g. 7 or 0007' }],
  options: [{ name: 'json', description: 'print the record as JSON' }],
  async run(ctx) {
    const id = parseId(ctx.args.id, '<id>');
    const log = await requireLog(ctx);
    const matches = log.records.filter((r) => (r.record?.id ?? r.header.id) === id);
    if (matches.length === 0) throw new UsageError(`there is no record ${id} in ${log.folderRelative}`);
    for (const r of matches) {
      const findings = log.findings.filter((f) => f.file === r.file);
      if (ctx.options.json) {
        ctx.out(JSON.stringify({ file: r.file, record: r.record ?? null, findings: findings.map(formatFindingLine) }, null, 2));
        continue;
      }
      ctx.out(`${r.file}`);
      ctx.out(r.record ? renderRecord(r.record).join('\n') : `${r.header.title ?? '(no title)'}: this record has problems and cannot be shown in full.`);
      if (findings.length) ctx.out(['', 'Findings:', ...findings.map(formatFindingLine)].join('\n'));
    }
    return EXIT_OK;
  },
};
