// What the "Drift over time" chart shows, as plain data from the debt ledger: one decision's
// counts at each commit walked, or the workspace's. No `vscode` here, so it is tested in Node.

import type { DebtLedger } from '../../core/debt/ledger';
import { trendOf } from '../../core/debt/ledger';
import type { DriftChart } from '../../protocol/drift';

export function driftChart(folder: string, ledger: DebtLedger, decision?: number): DriftChart {
  const chosen = decision === undefined ? undefined : ledger.decisions.find((d) => d.id === decision);
  const counts = trendOf(ledger, chosen?.id);
  const points = [...ledger.points].reverse().map((p, i) => ({
    commit: p.commit,
    date: new Date(p.time * 1000).toISOString().slice(0, 10),
    subject: p.subject,
    ...counts[i],
  }));
  return {
    folder,
    ...(chosen ? { decision: { id: chosen.id, title: chosen.title } } : {}),
    points,
    ...(chosen?.budget ? { budget: chosen.budget } : {}),
    decisions: ledger.decisions.map((d) => ({ id: d.id, title: d.title })),
    ...(ledger.bounded ? { note: ledger.bounded } : {}),
  };
}
