// What each rule checks, in words: SARIF rule metadata, `adrift check --help` and hovers
// read the same table.

import type { RuleId } from '../findings';

export interface RuleDescription {
  /** A short name in PascalCase, as SARIF's reportingDescriptor.name wants. */
  name: string;
  short: string;
  full: string;
}

export const RULE_DESCRIPTIONS: Record<RuleId, RuleDescription> = {
  'module-dependency': {
    name: 'ModuleDependency',
    short: 'A module imports a module no accepted decision lets it use.',
    full: 'Module A imports module B, but no accepted decision lists B in A\'s `uses`. The `undeclared` policy of the decisions makes this an error (deny) or a warning (warn).',
  },
  'layer-dependency': {
    name: 'LayerDependency',
    short: 'A module imports a module of a layer above its own, or past a closed layer.',
    full: 'The decisions declare `layers`, top first: a module may use the modules of the layers below its own (only the layer right below when its layer is `closed`), never those of a layer above. A `uses` does not allow such an import.',
  },
  'private-import': {
    name: 'PrivateImport',
    short: "An import reaches past a module's public entry points.",
    full: "Another module imports a file of module B that is not one of B's `public` entries; only those may be imported from outside B.",
  },
  'data-ownership': {
    name: 'DataOwnership',
    short: 'A module touches data another module owns.',
    full: 'SQL in a string literal, a Prisma delegate call or an ORM model names a table, model or collection that another module `owns`; other modules must go through the owner.',
  },
  'forbidden-package': {
    name: 'ForbiddenPackage',
    short: 'An import of a package a decision ruled out.',
    full: 'A decision lists this package (by name, scope or prefix) under `packages.forbid`.',
  },
  'confined-package': {
    name: 'ConfinedPackage',
    short: 'An import of a package a decision confines to other modules.',
    full: 'A decision lets only the modules listed under `packages.only_in` import this package (by name, scope or prefix); the importing file is in another module or in none.',
  },
  'forbidden-import': {
    name: 'ForbiddenImport',
    short: 'An import a path-to-path rule forbids.',
    full: 'A decision forbids files matching `from` to import files matching `to` (`imports.forbid`).',
  },
  'module-cycle': {
    name: 'ModuleCycle',
    short: 'Modules depend on each other in a cycle.',
    full: 'The imports between modules form a cycle; the finding sits on the imports of the edge that closes it and shows the cycle path.',
  },
  'unassigned-file': {
    name: 'UnassignedFile',
    short: 'A source file belongs to no module.',
    full: "The file matches no module's `paths`. Off by default.",
  },
  'type-only-import': {
    name: 'TypeOnlyImport',
    short: 'A type-only import across modules.',
    full: 'A type-only import crosses a module boundary; whether it counts as a dependency follows the `type_only` policy.',
  },
  'decision-schema': {
    name: 'DecisionSchema',
    short: 'A decision record or the configuration is not valid.',
    full: 'The YAML of a decision record does not match the record schema, or `.adrift.yaml` has an unknown key or value.',
  },
  'decision-reference': {
    name: 'DecisionReference',
    short: 'A decision refers to an unknown module, record or path.',
    full: 'A decision names a module, record id or path glob that does not exist.',
  },
  'decision-lifecycle': {
    name: 'DecisionLifecycle',
    short: 'A decision record is inconsistent with the others.',
    full: 'Supersession links disagree, a review date passed, or a status change is incomplete.',
  },
  'decision-model': {
    name: 'DecisionModel',
    short: 'The accepted records together declare modules that cannot hold.',
    full: 'After folding the accepted records, one table, model or collection is owned by two modules (error), or the modules\' declared `uses` form a cycle or a module uses itself (warning).',
  },
  'decision-review': {
    name: 'DecisionReview',
    short: 'An accepted record a reviewer would send back.',
    full: 'An accepted record still holds template or placeholder text (`TEMPLATE: `, the text `adrift new` wrote, TODO, TBD, `<…>`), names no deciders, or has no `review_by` although nothing in it can be checked in code.',
  },
  'decision-budget': {
    name: 'DecisionBudget',
    short: 'A decision carries more debt than its budget allows.',
    full: 'The record sets `enforce.budget` (open findings, baseline entries, suppressions) and the findings that break it are over one of those numbers; `adrift debt` shows the items and their trend.',
  },
  'unused-suppression': {
    name: 'UnusedSuppression',
    short: 'An adrift-ignore comment that suppresses nothing.',
    full: 'An `adrift-ignore <rule> -- <reason>` comment has no reason, names no known rule, or silences no finding.',
  },
  'agent-instructions': {
    name: 'AgentInstructions',
    short: 'The generated architecture section of an agent instructions file is out of date.',
    full: 'AGENTS.md (or another file in `agent_files`) has an Adrift architecture section that no longer matches the accepted decisions, or its markers are broken.',
  },
  'skipped-file': {
    name: 'SkippedFile',
    short: 'A file, or a part of one, that was not read.',
    full: 'The file is binary, minified, too large or could not be read, so its imports were not checked; or it has bytes that are not UTF-8 (checked with U+FFFD in their place); or a settings file such as go.mod, go.work or tsconfig.json has a part Adrift could not use (a malformed line, a replace or use leading outside the workspace), so imports may resolve differently than the build.',
  },
  ratchet: {
    name: 'Ratchet',
    short: 'The accepted debt grew: a baseline entry or a suppression comment was added since the base ref.',
    full: '`adrift check --since <ref> --ratchet` reports each baseline entry and each `adrift-ignore` comment the change added, so accepted drift can only shrink; a baseline entry that matches nothing any more is reported (as a note) as fixed, and `adrift baseline --prune` removes it.',
  },
};
