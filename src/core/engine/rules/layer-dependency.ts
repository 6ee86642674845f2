// layer-dependency: an import from a module of one layer into a module of a layer above it,
// or past the layer right below a closed layer. The layers are one decision, so the finding
// names it; a `uses` that allows the import does not excuse it (that `uses` is a declaration
// finding on its record). Imports flagged here are not flagged again by module-dependency.

import type { Finding, RuleId } from '../../findings';
import { Layering, type LayerVerdict } from '../../model/layers';
import type { ModelLayer } from '../../model/types';
import type { RuleContext } from './context';
import { decisionLabel } from './describe';
import type { ModuleImport } from './module-imports';
import { severityFor } from './severity';

const RULE: RuleId = 'layer-dependency';

/** `layer "domain" may not use layer "api", which is above it`, the words the finding and the record check share. */
export function layerBreach(v: LayerVerdict & { kind: 'upward' | 'skips' }): string {
  return v.kind === 'upward'
    ? `layer "${v.from.name}" may not use layer "${v.to.name}", which is above it`
    : `layer "${v.from.name}" may not use layer "${v.to.name}": it is closed and may use only layer "${v.next.name}" right below it`;
}

/** The layer, when its name is not already the module's. */
function inLayer(module: string, layer: ModelLayer): string {
  return layer.name === module ? '' : ` (module "${module}")`;
}

/** The imports of one file that the layers forbid, with their findings (an empty list when the rule is off). */
export function checkLayerDependency(ctx: RuleContext, file: string, imports: readonly ModuleImport[]): { findings: Finding[]; flagged: Set<ModuleImport> } {
  const flagged = new Set<ModuleImport>();
  const findings: Finding[] = [];
  const layers = ctx.model.layers;
  if (!layers) return { findings, flagged };
  const severity = severityFor(RULE, ctx.severities);
  const layering = Layering.of(ctx.model);
  for (const imp of imports) {
    const v = layering.verdict(imp.fromModule, imp.toModule);
    if (!v || v.kind === 'granted') continue;
    flagged.add(imp);
    if (severity === 'off') continue;
    const decision = layers.decision;
    const who = inLayer(imp.fromModule, v.from) || inLayer(imp.toModule, v.to) ? `: module "${imp.fromModule}" imports module "${imp.toModule}"` : '';
    findings.push({
      rule: RULE,
      severity,
      file,
      range: imp.ref.range,
      message: `${layerBreach(v)}${who} (${decisionLabel(decision)})`,
      decision,
      fromModule: imp.fromModule,
      toModule: imp.toModule,
      specifier: imp.ref.specifier,
      target: imp.target,
      fixes:
        v.kind === 'upward'
          ? [
              `remove the import, or move what ${imp.fromModule} needs from ${imp.toModule} into layer "${v.from.name}" or a layer below it`,
              `let ${imp.toModule} call ${imp.fromModule} through an interface that layer "${v.from.name}" declares and "${v.to.name}" implements`,
              `propose a decision that changes the layers, if "${v.to.name}" belongs below "${v.from.name}"`,
            ]
          : [
              `go through layer "${v.next.name}": use what it offers instead of importing ${imp.toModule} directly`,
              `propose a decision that opens layer "${v.from.name}" (drop closed: true)`,
            ],
    });
  }
  return { findings, flagged };
}
