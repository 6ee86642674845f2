// Drift at a glance: findings counted per module pair and per rule, for the guide's sidebar.

import type { Finding } from '../findings';
import { compareText } from '../order';

/** Findings between two modules. */
export interface ModulePairDrift {
  from: string;
  to: string;
  count: number;
  rules: string[];
}

export interface DriftSummary {
  total: number;
  errors: number;
  /** Module pairs, most findings first. */
  pairs: ModulePairDrift[];
  /** Findings per rule, most first. */
  byRule: { rule: string; count: number }[];
  /** False until the first full scan finished: the counts may still grow. */
  scanned: boolean;
}

export function summarizeDrift(findings: readonly Finding[], scanned: boolean): DriftSummary {
  const pairs = new Map<string, ModulePairDrift>();
  const rules = new Map<string, number>();
  let errors = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    if (!f.fromModule || !f.toModule) continue;
    const key = `${f.fromModule}\u0000${f.toModule}`;
    const pair = pairs.get(key) ?? { from: f.fromModule, to: f.toModule, count: 0, rules: [] };
    pair.count++;
    if (!pair.rules.includes(f.rule)) pair.rules.push(f.rule);
    pairs.set(key, pair);
  }
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  return {
    total: findings.length,
    errors,
    pairs: [...pairs.values()].sort((a, b) => byCount(a, b) || compareText(a.from, b.from) || compareText(a.to, b.to)),
    byRule: [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => byCount(a, b) || compareText(a.rule, b.rule)),
    scanned,
  };
}
