// How findings name decisions, modules and files, so every rule words them the same way.

import type { DecisionRef } from '../../findings';
import type { ModelModule } from '../../model/types';
import { padId } from '../../records/naming';

/** `ADR-0003` */
export function adrId(id: number): string {
  return `ADR-${padId(id)}`;
}

/** `ADR-0003 "Split the help desk into five domain modules"` */
export function decisionLabel(d: DecisionRef): string {
  return `${adrId(d.id)} "${d.title}"`;
}

export function moduleLabel(name: string | undefined): string {
  return name === undefined ? 'a file in no module' : `module "${name}"`;
}

/** `module "billing"`, or for a module a pattern declared `module "service-billing" (from service-{name}, ADR-0003)`. */
export function modelModuleLabel(name: string, m: ModelModule | undefined): string {
  return m?.pattern ? `module "${name}" (from ${m.pattern.key}, ${adrId(m.definedBy.id)})` : `module "${name}"`;
}

/** `src/a.ts (module "ticket")`, or just the file when it is in no module. */
export function fileLabel(file: string, module: string | undefined): string {
  return module === undefined ? `"${file}"` : `"${file}" (module "${module}")`;
}
