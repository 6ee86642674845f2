// The imports of one file that cross from its module into another: the edges of the module
// graph, which module-dependency, private-import and module-cycle judge and the module map draws.

import type { ImportRef } from '../types';
import { importCounts, type FileFacts, type RuleContext } from './context';

export interface ModuleImport {
  ref: ImportRef;
  /** The imported file, workspace-relative. */
  target: string;
  fromModule: string;
  toModule: string;
  /** Some accepted decision lets fromModule use toModule (a `uses`, or the layers), and the layers do not forbid it. */
  allowed: boolean;
}

const NONE: readonly ModuleImport[] = Object.freeze([]);

export function moduleImportsOf(ctx: RuleContext, facts: FileFacts, fromModule: string | undefined): readonly ModuleImport[] {
  if (fromModule === undefined) return NONE;
  // Every import of every file passes here: indexed loops, and a list only for a file that has such an import.
  const { imports } = facts.extracted;
  let out: ModuleImport[] | undefined;
  for (let i = 0; i < imports.length; i++) {
    const resolution = facts.resolutions[i];
    if (resolution?.kind !== 'file') continue;
    const ref = imports[i];
    if (!importCounts(ctx, ref)) continue;
    const toModule = ctx.modules.moduleOf(resolution.path);
    if (toModule === undefined || toModule === fromModule) continue;
    (out ??= []).push({ ref, target: resolution.path, fromModule, toModule, allowed: ctx.allows(fromModule, toModule) });
  }
  return out ?? NONE;
}
