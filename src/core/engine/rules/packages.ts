// Which package an import names, and whether a record's package name covers it. Shared by
// the rules about packages (forbidden-package, confined-package) so `packages.forbid` and
// `packages.only_in` read a name the same way.

import type { Finding } from '../../findings';
import type { ArchitectureModel, PackageConfinement } from '../../model/types';
import type { ImportRef, Resolution } from '../types';
import { countedImports, type FileFacts, type RuleContext } from './context';
import { severityFor, type RuleSeverity } from './severity';

/**
 * A record names a package exactly (`bcrypt`), a whole scope (`@aws-sdk` or `@aws-sdk/*`) or a
 * prefix (`lodash*`); subpaths and Python submodules count as the package (`stripe/lib/x`,
 * `sqlalchemy.orm`).
 */
export function packageMatches(rule: string, name: string): boolean {
  const r = rule.trim();
  if (r.endsWith('/*')) return name.startsWith(r.slice(0, -1));
  if (r.endsWith('*')) return name.startsWith(r.slice(0, -1));
  if (r.startsWith('@') && !r.includes('/')) return name.startsWith(r + '/');
  return name === r || name.startsWith(r + '/') || name.startsWith(r + '.');
}

/** The package an import leads to (`node:fs` as `fs`: a scheme names the runtime, not the package), or undefined for a workspace file or an unresolved import. */
export function importedPackage(resolution: Resolution): string | undefined {
  if (resolution.kind === 'external') return resolution.packageName;
  if (resolution.kind === 'builtin') return resolution.name.replace(/^[a-z]+:/, '');
  return undefined;
}

/**
 * The package imports of a file, for a rule about packages: none when the model gives the rule
 * nothing to check or the rule is off.
 */
export function packageImports(ctx: RuleContext, facts: FileFacts, rule: Finding['rule'], ruled: boolean): { severity: Exclude<RuleSeverity, 'off'>; imports: { ref: ImportRef; name: string }[] } | undefined {
  if (!ruled) return undefined;
  const severity = severityFor(rule, ctx.severities);
  if (severity === 'off') return undefined;
  const imports: { ref: ImportRef; name: string }[] = [];
  for (const { ref, resolution } of countedImports(ctx, facts)) {
    const name = importedPackage(resolution);
    if (name !== undefined) imports.push({ ref, name });
  }
  return { severity, imports };
}

/** The confinement of `pkg` that keeps it from `module` (a file in no module: undefined), if any. */
export function confinementFor(model: ArchitectureModel, pkg: string, module: string | undefined): PackageConfinement | undefined {
  return model.confinedPackages.find((c) => packageMatches(c.name, pkg) && !c.modules.some((m) => m.value === module));
}

/** The name under which the model confines `pkg` away from `module` (`@aws-sdk` for `@aws-sdk/client-s3`), or `pkg` itself. */
export function confinementOf(model: ArchitectureModel, pkg: string, module: string): string {
  return confinementFor(model, pkg, module)?.name ?? pkg;
}
