// module-dependency: module A imports module B and no accepted decision lets A use B.
// The model's `undeclared` policy says what such an import is: deny → error, warn → warning,
// allow → nothing (no `undeclared` anywhere means deny: declaring `uses` is declaring limits).

import type { Finding, RuleId } from '../../findings';
import type { RuleContext } from './context';
import { decisionLabel, modelModuleLabel } from './describe';
import type { ModuleImport } from './module-imports';
import { severityFor } from './severity';

const RULE: RuleId = 'module-dependency';

/** The one answer to "may `from` use `to`?" (uses and layers), for this rule, module-cycle and the map. */
export function isAllowedEdge(ctx: RuleContext, from: string, to: string): boolean {
  return ctx.allows(from, to);
}

export function checkModuleDependency(ctx: RuleContext, file: string, imports: readonly ModuleImport[]): Finding[] {
  const policy = ctx.model.undeclared?.value ?? 'deny';
  if (policy === 'allow') return [];
  const severity = severityFor(RULE, ctx.severities, policy === 'warn' ? 'warning' : 'error');
  if (severity === 'off') return [];
  const findings: Finding[] = [];
  for (const imp of imports) {
    if (imp.allowed) continue;
    const fromModule = ctx.modules.module(imp.fromModule);
    const decision = ctx.model.undeclared?.decision ?? fromModule?.definedBy;
    const why = decision ? ` (${decisionLabel(decision)})` : '';
    findings.push({
      rule: RULE,
      severity,
      file,
      range: imp.ref.range,
      message: `${modelModuleLabel(imp.fromModule, fromModule)} may not use ${modelModuleLabel(imp.toModule, ctx.modules.module(imp.toModule))}: no accepted decision allows it${why}`,
      decision,
      fromModule: imp.fromModule,
      toModule: imp.toModule,
      specifier: imp.ref.specifier,
      target: imp.target,
      fixes: [
        `propose a decision that lets ${imp.fromModule} use ${imp.toModule}`,
        `remove the import, or move what ${imp.fromModule} needs into ${imp.fromModule} or a module it may use`,
      ],
    });
  }
  return findings;
}
