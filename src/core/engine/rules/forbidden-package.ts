// forbidden-package: an import of a package a decision ruled out, named as packages.ts
// reads names (exact, scope, prefix; subpaths and Python submodules included).

import type { Finding, RuleId } from '../../findings';
import type { Sourced } from '../../model/types';
import type { ForbiddenPackage } from '../../records/types';
import type { FileFacts, RuleContext } from './context';
import { decisionLabel, fileLabel } from './describe';
import { packageImports, packageMatches } from './packages';

const RULE: RuleId = 'forbidden-package';

export function checkForbiddenPackage(ctx: RuleContext, facts: FileFacts, fromModule: string | undefined): Finding[] {
  const rules = ctx.model.forbiddenPackages;
  const checked = packageImports(ctx, facts, RULE, rules.length > 0);
  if (!checked) return [];
  const { severity } = checked;
  const findings: Finding[] = [];
  for (const { ref, name } of checked.imports) {
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
