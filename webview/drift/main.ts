// The "Drift over time" webview: draws the chart and the table the host sends, and asks the
// host for another scope or to open a record. Every number comes from the host's ledger.

import type { DriftChart, HostToDriftMessage } from '../../src/protocol/drift';
import { DriftHost } from './host';
import { focusPoint, pointLabel, renderChart, renderTable } from './render';

const chartBox = document.getElementById('chart') as HTMLElement;
const tableBox = document.getElementById('table') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const scope = document.getElementById('scope') as HTMLSelectElement;
const open = document.getElementById('open') as HTMLButtonElement;

let chart: DriftChart | undefined;
const host = new DriftHost(onMessage);

function onMessage(message: HostToDriftMessage): void {
  if (message.type === 'loading') status.textContent = message.what;
  else if (message.type === 'problem') {
    status.textContent = 'No history to chart';
    const p = document.createElement('p');
    p.className = 'problem';
    p.textContent = message.message;
    chartBox.replaceChildren(p);
    tableBox.replaceChildren();
  } else if (message.type === 'chart') show(message.chart);
}

function show(next: DriftChart): void {
  chart = next;
  scope.replaceChildren(new Option(`Workspace ${next.folder}`, ''), ...next.decisions.map((d) => new Option(`ADR-${String(d.id).padStart(4, '0')} ${d.title}`, String(d.id))));
  scope.value = next.decision ? String(next.decision.id) : '';
  open.hidden = next.decision === undefined;
  const svg = renderChart(next, (i) => {
    status.textContent = pointLabel(next.points[i], i, next.points.length);
    host.focused = next.points[i].commit;
  });
  chartBox.replaceChildren(svg);
  tableBox.replaceChildren(renderTable(next));
  const head = next.points[next.points.length - 1];
  status.textContent = head ? `${head.findings} open, ${head.baseline} baselined, ${head.suppressions} suppressed at HEAD${next.note ? ` — ${next.note}` : ''}` : 'No commits';
  const kept = host.focused;
  const at = kept ? next.points.findIndex((p) => p.commit === kept) : -1;
  if (at >= 0 && document.activeElement?.closest?.('#chart')) focusPoint(svg, at);
  host.post({ type: 'rendered', points: next.points.length, ...(next.decision ? { decision: next.decision.id } : {}) });
}

scope.addEventListener('change', () => {
  host.post({ type: 'showScope', ...(scope.value ? { decision: Number(scope.value) } : {}) });
});
open.addEventListener('click', () => {
  if (chart?.decision) host.post({ type: 'openDecision', id: chart.decision.id });
});

host.post({ type: 'ready' });
