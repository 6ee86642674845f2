// The rules, run over one file. Everything but module-cycle needs only the file's own facts;
// module-cycle needs the module graph of the whole workspace, which the caller passes in.

import type { Finding } from '../../findings';
import type { FileFacts, RuleContext } from './context';
import { checkConfinedPackage } from './confined-package';
import { checkDataOwnership } from './data-ownership';
import { checkForbiddenImport } from './forbidden-import';
import { checkForbiddenPackage } from './forbidden-package';
import { checkLayerDependency } from './layer-dependency';
import { checkModuleDependency } from './module-dependency';
import { moduleImportsOf, type ModuleImport } from './module-imports';
import { checkPrivateImport } from './private-import';
import { checkUnassignedFile } from './unassigned-file';

export { createRuleContext, type FileFacts, type RuleContext, type RuleContextOptions } from './context';
export { checkModuleCycle, closingEdges, moduleGraph } from './module-cycle';
export type { ModuleImport } from './module-imports';
export type { DataModelAlias } from './data-index';
export { DEFAULT_SEVERITIES, type RuleSeverities, type RuleSeverity } from './severity';

export interface FileEvaluation {
  module: string | undefined;
  /** Cross-module imports of the file, for the module graph and the module map. */
  moduleImports: readonly ModuleImport[];
  /** Findings of every rule but module-cycle. */
  findings: readonly Finding[];
}

/** What most files have: no cross-module import, no finding. One shared list, not two per file. */
const NONE: readonly never[] = Object.freeze([]);
const NOTHING_FLAGGED: ReadonlySet<ModuleImport> = new Set();

function append(to: Finding[], from: readonly Finding[]): void {
  for (const f of from) to.push(f);
}

export function evaluateFile(ctx: RuleContext, facts: FileFacts): FileEvaluation {
  const module = ctx.modules.moduleOf(facts.file);
  const moduleImports = moduleImportsOf(ctx, facts, module);
  const findings: Finding[] = [];
  if (moduleImports.length > 0) {
    // An import the layers forbid is a layer-dependency finding only, not also a module-dependency one.
    const layered = checkLayerDependency(ctx, facts.file, moduleImports);
    const dependency = checkModuleDependency(ctx, facts.file, layered.flagged.size > 0 ? moduleImports.filter((imp) => !layered.flagged.has(imp)) : moduleImports);
    const flagged =
      layered.flagged.size > 0 || dependency.length > 0
        ? new Set(moduleImports.filter((imp) => layered.flagged.has(imp) || dependency.some((f) => f.range === imp.ref.range)))
        : NOTHING_FLAGGED;
    append(findings, layered.findings);
    append(findings, dependency);
    append(findings, checkPrivateImport(ctx, facts.file, moduleImports, flagged));
  }
  append(findings, checkForbiddenPackage(ctx, facts, module));
  append(findings, checkConfinedPackage(ctx, facts, module));
  append(findings, checkForbiddenImport(ctx, facts, module));
  append(findings, checkDataOwnership(ctx, facts, module));
  append(findings, checkUnassignedFile(ctx, facts.file, module));
  return { module, moduleImports, findings: findings.length > 0 ? findings : NONE };
}
