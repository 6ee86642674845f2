// unassigned-file: a source file in no module (off by default; turn it on to keep every
// folder of a codebase accounted for).

import { ZERO_RANGE, type Finding, type RuleId } from '../../findings';
import type { RuleContext } from './context';
import { severityFor } from './severity';

const RULE: RuleId = 'unassigned-file';

export function checkUnassignedFile(ctx: RuleContext, file: string, fromModule: string | undefined): Finding[] {
  if (fromModule !== undefined || ctx.model.modules.size === 0) return [];
  const severity = severityFor(RULE, ctx.severities);
  if (severity === 'off') return [];
  const first = ctx.model.modules.values().next().value;
  const decision = ctx.model.undeclared?.decision ?? first?.definedBy;
  return [
    {
      rule: RULE,
      severity,
      file,
      range: ZERO_RANGE,
      message: `"${file}" belongs to no module`,
      decision,
      fixes: [`assign its folder to a module (add it to a module's paths in a boundaries decision)`, `exclude it from Adrift's checks`],
    },
  ];
}
