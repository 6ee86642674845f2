// Small architecture models and file facts built directly, the way the fold and the
// extractor would produce them, so each rule test states only what it is about.

import type { DecisionRef, Range } from '../../../../src/core/findings';
import type { ArchitectureModel, ModelModule } from '../../../../src/core/model/types';
import type { ForbiddenImport, ForbiddenPackage, TypeOnlyPolicy, UndeclaredPolicy } from '../../../../src/core/records/types';
import type { DataAccess, ExtractedFile, ImportRef, Resolution } from '../../../../src/core/engine/types';
import type { FileFacts } from '../../../../src/core/engine/rules';

export const ADR3: DecisionRef = {
  id: 3,
  title: 'Split the help desk into five domain modules',
  status: 'accepted',
  file: 'docs/adr/0003-split-the-help-desk-into-five-domain-modules.yaml',
  line: 0,
};
export const ADR5: DecisionRef = { id: 5, title: 'Use external OAuth for auth', status: 'accepted', file: 'docs/adr/0005-auth.yaml', line: 0 };
export const ADR9: DecisionRef = { id: 9, title: 'Buy payments and the models', status: 'accepted', file: 'docs/adr/0009-build-vs-buy.yaml', line: 0 };

export interface ModuleSpec {
  paths: string[];
  public?: string[];
  owns?: string[];
  uses?: string[];
}

export function model(
  modules: Record<string, ModuleSpec>,
  extra: {
    undeclared?: UndeclaredPolicy;
    typeOnly?: TypeOnlyPolicy;
    packages?: ForbiddenPackage[];
    imports?: ForbiddenImport[];
    /** `packages.only_in`, as ADR-0009 writes it. */
    onlyIn?: Record<string, string[]>;
  } = {},
): ArchitectureModel {
  const map = new Map<string, ModelModule>();
  for (const [name, spec] of Object.entries(modules)) {
    map.set(name, {
      name,
      paths: spec.paths,
      public: spec.public,
      owns: (spec.owns ?? []).map((value) => ({ value, decision: ADR3 })),
      uses: (spec.uses ?? []).map((value) => ({ value, decision: ADR3 })),
      definedBy: ADR3,
      changedBy: [],
    });
  }
  return {
    modules: map,
    layers: undefined,
    undeclared: extra.undeclared ? { value: extra.undeclared, decision: ADR3 } : undefined,
    typeOnly: extra.typeOnly ? { value: extra.typeOnly, decision: ADR3 } : undefined,
    forbiddenPackages: (extra.packages ?? []).map((value) => ({ value, decision: ADR5 })),
    confinedPackages: Object.entries(extra.onlyIn ?? {}).map(([name, modules]) => ({ name, decision: ADR9, modules: modules.map((value) => ({ value, decision: ADR9 })) })),
    forbiddenImports: (extra.imports ?? []).map((value) => ({ value, decision: ADR3 })),
    decisions: [ADR3, ADR5, ADR9],
  };
}

export function range(line: number, column: number, length: number): Range {
  return { start: { line, column }, end: { line, column: column + length } };
}

export interface ImportSpec {
  specifier: string;
  to: Resolution | string;
  line?: number;
  typeOnly?: boolean;
}

/** Facts of one file; `to` as a string is a workspace file the import resolves to. */
export function facts(file: string, imports: ImportSpec[], dataAccess: DataAccess[] = [], language: ExtractedFile['language'] = 'typescript'): FileFacts {
  const refs: ImportRef[] = imports.map((imp, i) => ({
    specifier: imp.specifier,
    range: range(imp.line ?? i, 20, imp.specifier.length + 2),
    kind: 'import',
    typeOnly: imp.typeOnly ?? false,
  }));
  return {
    file,
    extracted: { language, imports: refs, dataAccess, suppressions: [] },
    resolutions: imports.map((imp) => (typeof imp.to === 'string' ? { kind: 'file', path: imp.to } : imp.to)),
  };
}

export const HELPDESK = {
  tenant: { paths: ['src/tenant/**'] },
  user: { paths: ['src/user/**'], uses: ['tenant'], owns: ['users'] },
  ticket: { paths: ['src/ticket/**'], public: ['src/ticket/index.ts'], uses: ['tenant', 'user', 'conversation'], owns: ['tickets'] },
  conversation: { paths: ['src/conversation/**'], uses: ['tenant', 'user'], owns: ['messages'] },
  knowledgebase: { paths: ['src/knowledgebase/**'], public: ['src/knowledgebase/index.ts'], uses: ['tenant'], owns: ['kb_articles'] },
};
