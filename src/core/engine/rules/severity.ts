// Default severity of each rule, and the per-rule overrides a workspace configures.

import type { RuleId, Severity } from '../../findings';

export type RuleSeverity = Severity | 'off';
export type RuleSeverities = Partial<Record<RuleId, RuleSeverity>>;

/** module-dependency takes its default from the model's `undeclared` policy instead. */
export const DEFAULT_SEVERITIES: Record<RuleId, RuleSeverity> = {
  'module-dependency': 'error',
  'layer-dependency': 'error',
  'private-import': 'error',
  'data-ownership': 'error',
  'forbidden-package': 'error',
  'confined-package': 'error',
  'forbidden-import': 'error',
  'module-cycle': 'error',
  'unassigned-file': 'off',
  'type-only-import': 'off',
  'decision-schema': 'error',
  'decision-reference': 'error',
  'decision-lifecycle': 'warning',
  'decision-model': 'error',
  'decision-review': 'warning',
  'decision-budget': 'error',
  'unused-suppression': 'warning',
  'agent-instructions': 'warning',
  'skipped-file': 'info',
  ratchet: 'error',
};

/** The severity a finding of `rule` gets: the override if configured, else `fallback`. */
export function severityFor(rule: RuleId, overrides: RuleSeverities | undefined, fallback?: RuleSeverity): RuleSeverity {
  return overrides?.[rule] ?? fallback ?? DEFAULT_SEVERITIES[rule];
}
