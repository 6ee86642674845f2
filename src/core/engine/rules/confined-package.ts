// confined-package: an import of a package that a decision confines to other modules
// (`packages.only_in: { stripe: [billing] }`: "buy Stripe, behind Billing"). Package names
// are read as packages.forbid reads them (packages.ts). A file in no module is not one of
// the modules the package is confined to, so its import is flagged too.

import type { DecisionRef, Finding, RuleId } from '../../findings';
import type { PackageConfinement } from '../../model/types';
import type { FileFacts, RuleContext } from './context';
import { decisionLabel, fileLabel } from './describe';
import { packageImports, packageMatches } from './packages';

const RULE: RuleId = 'confined-package';

/** `module "billing"`, `modules "generation" and "billing"`. */
function modulesLabel(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length === 1) return `module ${quoted[0]}`;
  return `modules ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The record that confined the package, and any later ones that let more modules import it. */
function decisionsLabel(c: PackageConfinement): string {
  const later: DecisionRef[] = [];
  for (const m of c.modules) if (m.decision.id !== c.decision.id && !later.some((d) => d.id === m.decision.id)) later.push(m.decision);
  return later.length ? `${decisionLabel(c.decision)}, widened by ${later.map(decisionLabel).join(', ')}` : decisionLabel(c.decision);
}

export function checkConfinedPackage(ctx: RuleContext, facts: FileFacts, fromModule: string | undefined): Finding[] {
  const confinements = ctx.model.confinedPackages;
  const checked = packageImports(ctx, facts, RULE, confinements.length > 0);
  if (!checked) return [];
  const { severity } = checked;
  const findings: Finding[] = [];
  for (const { ref, name } of checked.imports) {
    for (const c of confinements) {
      if (!packageMatches(c.name, name)) continue;
      const allowed = c.modules.map((m) => m.value);
      if (fromModule !== undefined && allowed.includes(fromModule)) continue;
      const as = c.name === name ? '' : ` (confined as "${c.name}")`;
      const where = fromModule === undefined ? 'is in no module' : `is in module "${fromModule}"`;
      const home = allowed.length === 1 ? modulesLabel(allowed) : `one of ${modulesLabel(allowed)}`;
      findings.push({
        rule: RULE,
        severity,
        file: facts.file,
        range: ref.range,
        message: `package "${name}"${as} may be imported only by ${modulesLabel(allowed)} (${decisionsLabel(c)}); "${facts.file}" ${where}`,
        decision: c.decision,
        fromModule,
        specifier: ref.specifier,
        package: name,
        fixes: [
          `move the code that needs ${name} into ${home} and call it through that module's API`,
          fromModule === undefined
            ? `assign ${fileLabel(facts.file, undefined)} to ${home} if it belongs there`
            : `propose a decision that lets module "${fromModule}" import ${name} too (add it to packages.only_in)`,
        ],
      });
    }
  }
  return findings;
}
