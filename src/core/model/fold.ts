// Folds the accepted decisions, in id order, into the architecture model. A later record
// may redefine a module's paths, public entries and description, and add to what it owns
// and uses; edges, forbidden packages/imports and the modules a package is confined to
// (`packages.only_in`) only ever add up. Superseded, deprecated, rejected and proposed
// records contribute nothing, except proposed ones asked for as a preview, which fold on
// top of the accepted ones.

import type { DecisionRef } from '../findings';
import { refOf } from '../records/ref';
import type { DecisionLog, DecisionRecord, LoadedRecord } from '../records/types';
import { allowsEdge, readLayer } from './layers';
import type { ArchitectureModel, ModelModule, Sourced } from './types';

export interface FoldOptions {
  /** Ids of records to fold on top of the accepted ones whatever their status (a preview of accepting them). */
  preview?: number[];
}

export function emptyModel(): ArchitectureModel {
  return { modules: new Map(), layers: undefined, undeclared: undefined, typeOnly: undefined, forbiddenPackages: [], confinedPackages: [], forbiddenImports: [], decisions: [] };
}

export function foldModel(input: readonly LoadedRecord[] | DecisionLog, opts: FoldOptions = {}): ArchitectureModel {
  const records: readonly LoadedRecord[] = 'records' in input ? input.records : input;
  const preview = new Set(opts.preview ?? []);
  const usable = records.filter((r): r is LoadedRecord & { record: DecisionRecord } => r.record !== undefined);
  const byId = (a: { record: DecisionRecord }, b: { record: DecisionRecord }) => a.record.id - b.record.id;
  // A duplicated id folds once: the first file by name, as the store sorts them.
  const seen = new Set<number>();
  const once = <T extends { record: DecisionRecord }>(r: T) => (seen.has(r.record.id) ? false : (seen.add(r.record.id), true));
  const accepted = usable.filter((r) => r.record.status === 'accepted' && !preview.has(r.record.id)).sort(byId).filter(once);
  const previewed = usable.filter((r) => preview.has(r.record.id)).sort(byId).filter(once);

  const model = emptyModel();
  for (const r of [...accepted, ...previewed]) foldRecord(model, r);
  if (previewed.length) model.previewed = previewed.map((r) => r.record.id);
  return model;
}

function foldRecord(model: ArchitectureModel, r: LoadedRecord & { record: DecisionRecord }): void {
  const rec = r.record;
  const ref = (path: (string | number)[]): DecisionRef => refOf(r, r.rangeOf(path).start.line) as DecisionRef;
  model.decisions.push(ref(['id']));
  const enforce = rec.enforce;
  if (!enforce) return;

  for (const [name, decl] of Object.entries(enforce.modules ?? {})) {
    const at = ['enforce', 'modules', name];
    const sourced = (key: string, values: string[] | undefined): Sourced<string>[] =>
      (values ?? []).map((value, i) => ({ value, decision: ref([...at, key, i]), range: r.rangeOf([...at, key, i]) }));
    let m = model.modules.get(name);
    if (!m) {
      m = { name, paths: [], owns: [], uses: [], definedBy: ref(at), changedBy: [], pathSources: [] };
      model.modules.set(name, m);
    } else {
      m.changedBy.push(ref(at));
    }
    if (decl.description !== undefined) m.description = decl.description;
    if (decl.paths !== undefined) {
      m.paths = [...decl.paths];
      m.pathSources = sourced('paths', decl.paths);
    }
    if (decl.public !== undefined) {
      m.public = [...decl.public];
      m.publicSources = sourced('public', decl.public);
    }
    for (const s of sourced('owns', decl.owns)) if (!m.owns.some((o) => o.value === s.value)) m.owns.push(s);
    for (const s of sourced('uses', decl.uses)) if (!m.uses.some((u) => u.value === s.value)) m.uses.push(s);
  }
  if (enforce.layers !== undefined) {
    model.layers = {
      decision: ref(['enforce', 'layers']),
      layers: enforce.layers.map((decl, i) => ({ ...readLayer(decl), range: r.rangeOf(['enforce', 'layers', i]) })),
    };
  }
  if (enforce.undeclared !== undefined) model.undeclared = { value: enforce.undeclared, decision: ref(['enforce', 'undeclared']) };
  if (enforce.type_only !== undefined) model.typeOnly = { value: enforce.type_only, decision: ref(['enforce', 'type_only']) };
  (enforce.packages?.forbid ?? []).forEach((value, i) => model.forbiddenPackages.push({ value, decision: ref(['enforce', 'packages', 'forbid', i]) }));
  for (const [name, modules] of Object.entries(enforce.packages?.only_in ?? {})) {
    const at = ['enforce', 'packages', 'only_in', name];
    let entry = model.confinedPackages.find((c) => c.name === name);
    if (!entry) {
      entry = { name, decision: ref(at), modules: [] };
      model.confinedPackages.push(entry);
    }
    modules.forEach((value, i) => {
      if (!entry.modules.some((m) => m.value === value)) entry.modules.push({ value, decision: ref([...at, i]), range: r.rangeOf([...at, i]) });
    });
  }
  (enforce.imports?.forbid ?? []).forEach((value, i) => {
    const at = ['enforce', 'imports', 'forbid', i];
    model.forbiddenImports.push({ value, decision: ref(at), fieldRanges: { from: r.rangeOf([...at, 'from']), to: r.rangeOf([...at, 'to']) } });
  });
}

export { allowsEdge };

export type { ModelModule };
