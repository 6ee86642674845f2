// The Drift and Overview tabs: drift per module pair with links to the module map and the
// Problems panel, and the architecture overview built from the accepted records.

import { capabilityLabel, type ArchitectureOverview, type DriftSummary } from '../../src/protocol/guide';
import { button, h, icon } from './dom';
import type { GuideHost } from './host';

function ref(id: number): string {
  return `ADR-${String(id).padStart(4, '0')}`;
}

export function renderDrift(drift: DriftSummary, host: GuideHost): HTMLElement {
  const summary =
    drift.total === 0
      ? h('p', { class: 'success' }, icon('pass'), drift.scanned ? ' No drift: the code follows the accepted decisions.' : ' No drift found yet; the workspace is still being scanned.')
      : h('p', {}, icon('warning'), ` ${drift.total} finding${drift.total === 1 ? '' : 's'} (${drift.errors} error${drift.errors === 1 ? '' : 's'})${drift.scanned ? '' : ', still scanning'}.`);
  const pairs = drift.pairs.length
    ? h('table', { class: 'pairs' },
        h('caption', {}, 'Findings per module pair'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Modules'), h('th', { scope: 'col', class: 'count' }, 'Findings'))),
        h('tbody', {}, ...drift.pairs.map((p) =>
          h('tr', {},
            h('td', {}, h('span', { class: 'pair' }, p.from, ' ', icon('arrow-right', 'uses'), ' ', p.to), h('span', { class: 'pair-rules' }, p.rules.join(', '))),
            h('td', { class: 'count' }, String(p.count))))))
    : undefined;
  const rules = drift.byRule.length ? h('ul', { class: 'rules', 'aria-label': 'Findings per rule' }, ...drift.byRule.map((r) => h('li', {}, h('code', {}, r.rule), ` ${r.count}`))) : undefined;
  return h('div', { class: 'drift-panel' },
    h('h2', {}, icon('pulse'), ' Drift at a glance'),
    summary,
    pairs,
    rules,
    h('div', { class: 'actions' },
      button('Module map', () => host.send({ type: 'run', action: 'showModuleMap' }), { icon: 'type-hierarchy', id: 'open-map' }),
      button('Problems', () => host.send({ type: 'run', action: 'showProblems' }), { secondary: true, icon: 'warning', id: 'open-problems' }),
      button('Check workspace', () => host.send({ type: 'run', action: 'checkWorkspace' }), { secondary: true, icon: 'check-all' }),
    ),
  );
}

function section(title: string, ...content: (HTMLElement | undefined)[]): HTMLElement {
  const present = content.filter((c): c is HTMLElement => c !== undefined);
  return h('section', { class: 'overview-section' }, h('h3', {}, title), ...(present.length ? present : [h('p', { class: 'empty' }, 'Not recorded.')]));
}

function list(items: (string | HTMLElement)[]): HTMLElement | undefined {
  return items.length ? h('ul', {}, ...items.map((i) => h('li', {}, i))) : undefined;
}

function labelled(label: string, text: string): HTMLElement {
  return h('span', {}, h('strong', {}, `${label}:`), ` ${text}`);
}

export function renderOverview(o: ArchitectureOverview, host: GuideHost): HTMLElement {
  const built = o.buildVsBuy.filter((b) => b.choice === 'build');
  const bought = o.buildVsBuy.filter((b) => b.choice === 'buy');
  return h('div', { class: 'overview-panel' },
    h('h2', {}, icon('book'), ' Architecture overview'),
    h('p', { class: 'help' }, o.decisions.length ? `From ${o.decisions.length} accepted decision record${o.decisions.length === 1 ? '' : 's'}.` : 'No accepted decision records yet.'),
    section('Product',
      o.product ? h('p', {}, o.product.text) : undefined,
      o.tenancy ? h('p', {}, labelled('Tenancy', o.tenancy.chosen), h('span', { class: 'ref' }, ` ${ref(o.tenancy.decision)}`)) : undefined),
    section('Domain Modules',
      o.modules.length ? h('ol', {}, ...o.modules.map((m) => h('li', {}, h('strong', {}, m.name), ` — ${m.description ?? ''}`, m.uses.length ? h('span', { class: 'help' }, ` (uses ${m.uses.join(', ')})`) : undefined))) : undefined),
    section('Data Ownership', list(o.modules.filter((m) => m.owns.length).map((m) => labelled(m.name, m.owns.join(', '))))),
    section('Frontend/Backend Split', o.split ? list(o.split.parts.map((p) => (p.side ? labelled(p.side, p.text) : p.text))) : undefined),
    section('Key Architectural Decisions', list(o.keyDecisions.map((k) => labelled(k.label, k.rationale ? `${k.chosen} (${k.rationale})` : k.chosen)))),
    section('Build vs Buy', list([
      ...(built.length ? [labelled('Build', built.map(capabilityLabel).join(', '))] : []),
      ...(bought.length ? [labelled('Buy', bought.map(capabilityLabel).join(', '))] : []),
    ])),
    section('Evolution', list(o.evolution.map((e) => labelled(e.stage, e.trigger ? `${e.summary} — when: ${e.trigger}` : e.summary)))),
    h('div', { class: 'actions' }, button('Export as docs/architecture.md', () => host.send({ type: 'run', action: 'exportOverview' }), { icon: 'export', id: 'export-overview' })),
  );
}
