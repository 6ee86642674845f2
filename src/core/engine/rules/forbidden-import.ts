// forbidden-import: a path-to-path rule, `from: web/**` `to: api/src/**`: no file matching
// `from` may import a file matching `to`.

import type { Finding, RuleId } from '../../findings';
import { compileGlob } from '../modules';
import { countedImports, type FileFacts, type RuleContext } from './context';
import { decisionLabel, fileLabel } from './describe';
import { severityFor } from './severity';

const RULE: RuleId = 'forbidden-import';

const compiled = new WeakMap<object, { from: (p: string) => boolean; to: (p: string) => boolean }>();

function matchersOf(rule: { from: string; to: string }): { from: (p: string) => boolean; to: (p: string) => boolean } {
  let m = compiled.get(rule);
  if (!m) {
    m = { from: compileGlob(rule.from), to: compileGlob(rule.to) };
    compiled.set(rule, m);
  }
  return m;
}

export function checkForbiddenImport(ctx: RuleContext, facts: FileFacts, fromModule: string | undefined): Finding[] {
  const rules = ctx.model.forbiddenImports.filter((r) => matchersOf(r.value).from(facts.file));
  if (rules.length === 0) return [];
  const severity = severityFor(RULE, ctx.severities);
  if (severity === 'off') return [];
  const findings: Finding[] = [];
  for (const { ref, resolution } of countedImports(ctx, facts)) {
    if (resolution.kind !== 'file') continue;
    const hit = rules.find((r) => matchersOf(r.value).to(resolution.path));
    if (!hit) continue;
    const toModule = ctx.modules.moduleOf(resolution.path);
    const reason = hit.value.reason ? `: ${hit.value.reason}` : '';
    findings.push({
      rule: RULE,
      severity,
      file: facts.file,
      range: ref.range,
      message:
        `${fileLabel(facts.file, fromModule)} may not import ${fileLabel(resolution.path, toModule)}` +
        ` (${hit.value.from} → ${hit.value.to}, ${decisionLabel(hit.decision)})${reason}`,
      decision: hit.decision,
      fromModule,
      toModule,
      specifier: ref.specifier,
      target: resolution.path,
      fixes: [
        `remove the import of ${resolution.path}`,
        `propose a decision that supersedes ADR-${String(hit.decision.id).padStart(4, '0')} if files under ${hit.value.from} need ${hit.value.to}`,
      ],
    });
  }
  return findings;
}
