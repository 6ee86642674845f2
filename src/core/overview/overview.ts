// The architecture overview: one page in the shape of the SaaS architecture examples
// (Product, Domain Modules, Data Ownership, Frontend/Backend Split, Key Architectural
// Decisions, Build vs Buy, Evolution), built from the ACCEPTED records only, so it stays
// true as decisions are superseded, whatever the guide once answered.

import type { DecisionRecord, ForbiddenImport } from '../records/types';
import { decisionSlot } from '../guide/slots';
import { layersLine, readLayer } from '../model/layers';

export interface OverviewModule {
  name: string;
  description?: string;
  paths: string[];
  owns: string[];
  uses: string[];
  /** Ids of the records that declared or changed the module. */
  decisions: number[];
}

export interface OverviewChoice {
  /** What is chosen for, e.g. Database, File Storage. */
  label: string;
  chosen: string;
  rationale?: string;
  decision: number;
}

export interface OverviewSplit {
  /** One line per side, e.g. { side: 'Frontend', text: 'Next.js (web) + React (extension)' }. */
  parts: { side?: string; text: string }[];
  rationale?: string;
  forbid: ForbiddenImport[];
  decision: number;
}

export interface ArchitectureOverview {
  product?: { text: string; decision: number };
  tenancy?: OverviewChoice;
  modules: OverviewModule[];
  /** `enforce.layers` of the last accepted record that declares them: `web → api (closed) → domain`. */
  layers?: { line: string; decision: number };
  split?: OverviewSplit;
  keyDecisions: OverviewChoice[];
  buildVsBuy: { capability: string; choice: 'build' | 'buy'; vendor?: string; module?: string; reason?: string; decision: number }[];
  evolution: { stage: string; summary: string; trigger?: string; decision: number }[];
  /** Ids of the accepted records the overview was built from. */
  decisions: number[];
}

function titleCase(words: string): string {
  return words.replace(/(^|[\s-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function choiceOf(record: DecisionRecord, label: string): OverviewChoice | undefined {
  const chosen = record.decision?.chosen;
  if (!chosen) return undefined;
  const rationale = record.decision?.rationale?.trim();
  return { label, chosen, ...(rationale ? { rationale } : {}), decision: record.id };
}

function foldModules(records: DecisionRecord[]): OverviewModule[] {
  const modules = new Map<string, OverviewModule>();
  for (const r of records) {
    for (const [name, decl] of Object.entries(r.enforce?.modules ?? {})) {
      const m = modules.get(name) ?? { name, paths: [], owns: [], uses: [], decisions: [] };
      // As in the model fold: a later record redefines where a module lives and what it is for,
      // and adds to what it owns and uses.
      if (decl.description !== undefined) m.description = decl.description;
      if (decl.paths !== undefined) m.paths = [...decl.paths];
      for (const d of decl.owns ?? []) if (!m.owns.includes(d)) m.owns.push(d);
      for (const u of decl.uses ?? []) if (!m.uses.includes(u)) m.uses.push(u);
      if (!m.decisions.includes(r.id)) m.decisions.push(r.id);
      modules.set(name, m);
    }
  }
  return [...modules.values()];
}

function splitOf(record: DecisionRecord): OverviewSplit | undefined {
  const chosen = record.decision?.chosen;
  if (!chosen) return undefined;
  // The guide writes one side per `; `-separated part ("Frontend: …; Backend: …").
  const parts = chosen.split(/;\s+/).map((p) => {
    const m = /^([A-Za-z][\w /-]{0,30}):\s+(.+)$/.exec(p.trim());
    return m ? { side: m[1], text: m[2] } : { text: p.trim() };
  });
  const rationale = record.decision?.rationale?.trim();
  return { parts, ...(rationale ? { rationale } : {}), forbid: [...(record.enforce?.imports?.forbid ?? [])], decision: record.id };
}

/** A capability as the overview lists it: "Payments (Stripe, behind tenant)". */
export function capabilityLabel(b: { capability: string; vendor?: string; module?: string }): string {
  const details = [b.vendor, b.module ? `behind ${b.module}` : undefined].filter((d): d is string => !!d);
  return details.length ? `${b.capability} (${details.join(', ')})` : b.capability;
}

export function buildOverview(all: readonly DecisionRecord[]): ArchitectureOverview {
  const accepted = all.filter((r) => r.status === 'accepted').sort((a, b) => a.id - b.id);
  const overview: ArchitectureOverview = { modules: foldModules(accepted), keyDecisions: [], buildVsBuy: [], evolution: [], decisions: accepted.map((r) => r.id) };

  const layered = accepted.filter((r) => r.enforce?.layers !== undefined).pop();
  const line = layersLine(layered?.enforce?.layers?.map(readLayer));
  if (layered && line) overview.layers = { line, decision: layered.id };

  const keyByArea = new Map<string, OverviewChoice>();
  const buildVsBuy = new Map<string, ArchitectureOverview['buildVsBuy'][number]>();
  let productRecord: DecisionRecord | undefined;
  let tenancyRecord: DecisionRecord | undefined;
  for (const r of accepted) {
    const slot = decisionSlot(r);
    if (r.tags?.includes('product') && r.context?.trim()) productRecord = r;
    if (slot === 'tenancy') {
      overview.tenancy = choiceOf(r, 'Tenancy') ?? overview.tenancy;
      tenancyRecord = r;
    }
    else if (r.kind === 'technology' && r.area) {
      const choice = choiceOf(r, titleCase(r.area));
      if (choice) keyByArea.set(r.area.toLowerCase(), choice);
    }
    if (slot === 'split') overview.split = splitOf(r) ?? overview.split;
    for (const b of r.build_vs_buy ?? []) buildVsBuy.set(b.capability.toLowerCase(), { ...b, decision: r.id });
    if (r.evolution?.length) overview.evolution = r.evolution.map((e) => ({ ...e, decision: r.id }));
  }
  // Records written by hand rarely tag the product; the tenancy decision's context describes the customers.
  const product = productRecord ?? (tenancyRecord?.context?.trim() ? tenancyRecord : undefined);
  if (product?.context) overview.product = { text: product.context.trim(), decision: product.id };
  overview.keyDecisions = [...keyByArea.values()];
  overview.buildVsBuy = [...buildVsBuy.values()];
  return overview;
}
