// forbidden-package: an import of a package a decision ruled out. A rule names a package
// exactly (`bcrypt`), a whole scope (`@aws-sdk` or `@aws-sdk/*`) or a prefix (`lodash*`);
// a name matches its subpackages and dotted submodules too (`sqlalchemy` forbids `sqlalchemy.orm`).

import type { Finding, RuleId } from '../../findings';
import type { Sourced } from '../../model/types';
import type { ForbiddenPackage } from '../../records/types';
import type { Resolution } from '../types';
import { countedImports, type FileFacts, type RuleContext } from './context';
import { decisionLabel, fileLabel } from './describe';
import { severityFor } from './severity';

const RULE: RuleId = 'forbidden-package';

export function packageMatches(rule: string, name: string): boolean {
  const r = rule.trim();
  if (r.endsWith('/*')) return name.startsWith(r.slice(0, -1));
  if (r.endsWith('*')) return name.startsWith(r.slice(0, -1));
  if (r.startsWith('@') && !r.includes('/')) return name.startsWith(r + '/');
  return name === r || name.startsWith(r + '/') || name.startsWith(r + '.');
}

function packageNameOf(resolution: Resolution): string | undefined {
  if (resolution.kind === 'external') return resolution.packageName;
  // A scheme names the runtime, not the package: `node:fs` is the package fs.
  if (resolution.kind === 'builtin') return resolution.name.replace(/^[a-z]+:/, '');
  return undefined;
}

export function checkForbiddenPackage(ctx: RuleContext, facts: FileFacts, fromModule: string | undefined): Finding[] {
  const rules = ctx.model.forbiddenPackages;
  if (rules.length === 0) return [];
  const severity = severityFor(RULE, ctx.severities);
  if (severity === 'off') return [];
  const findings: Finding[] = [];
  for (const { ref, resolution } of countedImports(ctx, facts)) {
    const name = packageNameOf(resolution);
    if (name === undefined) continue;
    const hit: Sourced<ForbiddenPackage> | undefined = rules.find((r) => packageMatches(r.value.name, name));
    if (!hit) continue;
    const reason = hit.value.reason ? `: ${hit.value.reason}` : '';
    findings.push({
      rule: RULE,
      severity,
      file: facts.file,
      range: ref.range,
      message: `${fileLabel(facts.file, fromModule)} imports package "${name}", which ${decisionLabel(hit.decision)} rules out${reason}`,
      decision: hit.decision,
      fromModule,
      specifier: ref.specifier,
      package: name,
      fixes: [
        `remove the import of ${name}`,
        `propose a decision that supersedes ADR-${String(hit.decision.id).padStart(4, '0')} if ${name} is needed after all`,
      ],
    });
  }
  return findings;
}
