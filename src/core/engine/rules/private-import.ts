// private-import: an import into module B of a file that is not one of B's `public` entries.
// An import already flagged by module-dependency is not flagged again: until A may use B at
// all, which of B's files it imports is not the question.

import type { Finding, RuleId } from '../../findings';
import type { RuleContext } from './context';
import { decisionLabel, modelModuleLabel } from './describe';
import type { ModuleImport } from './module-imports';
import { severityFor } from './severity';

const RULE: RuleId = 'private-import';

export function checkPrivateImport(ctx: RuleContext, file: string, imports: readonly ModuleImport[], flagged: ReadonlySet<ModuleImport>): Finding[] {
  const severity = severityFor(RULE, ctx.severities);
  if (severity === 'off') return [];
  const findings: Finding[] = [];
  for (const imp of imports) {
    if (flagged.has(imp) || ctx.modules.isPublic(imp.toModule, imp.target)) continue;
    const target = ctx.modules.module(imp.toModule);
    const entries = target?.public ?? [];
    const decision = target?.definedBy;
    const why = decision ? ` (${decisionLabel(decision)})` : '';
    findings.push({
      rule: RULE,
      severity,
      file,
      range: imp.ref.range,
      message:
        `${modelModuleLabel(imp.fromModule, ctx.modules.module(imp.fromModule))} imports "${imp.target}", which is private to ${modelModuleLabel(imp.toModule, target)}: ` +
        `only its public entries (${entries.join(', ')}) may be imported from other modules${why}`,
      decision,
      fromModule: imp.fromModule,
      toModule: imp.toModule,
      specifier: imp.ref.specifier,
      target: imp.target,
      fixes: [
        ...entries.map((e) => `import from ${imp.toModule}'s public entry ${e}`),
        `propose a decision that makes "${imp.target}" part of ${imp.toModule}'s public entries`,
      ],
    });
  }
  return findings;
}
