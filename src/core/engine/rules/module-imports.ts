// The imports of one file that cross from its module into another: the edges of the module
// graph, which module-dependency, private-import and module-cycle judge and the module map draws.

import { allowsEdge } from '../../model/layers';
import type { ImportRef } from '../types';
import { countedImports, type FileFacts, type RuleContext } from './context';

export interface ModuleImport {
  ref: ImportRef;
  /** The imported file, workspace-relative. */
  target: string;
  fromModule: string;
  toModule: string;
  /** Some accepted decision lets fromModule use toModule (a `uses`, or the layers), and the layers do not forbid it. */
  allowed: boolean;
}

export function moduleImportsOf(ctx: RuleContext, facts: FileFacts, fromModule: string | undefined): ModuleImport[] {
  if (fromModule === undefined) return [];
  const out: ModuleImport[] = [];
  for (const { ref, resolution } of countedImports(ctx, facts)) {
    if (resolution.kind !== 'file') continue;
    const toModule = ctx.modules.moduleOf(resolution.path);
    if (toModule === undefined || toModule === fromModule) continue;
    out.push({ ref, target: resolution.path, fromModule, toModule, allowed: allowsEdge(ctx.model, fromModule, toModule) });
  }
  return out;
}
