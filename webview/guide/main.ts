// The Architecture Guide webview: three tabs (Guide, Drift, Overview) drawn from what the
// host sends. No business logic here: flows, templates, records and the overview come from
// the core through the host.

import type { DriftSummary, GuideLoaded, GuideTab, ArchitectureOverview } from '../../src/protocol/guide';
import { h, icon } from './dom';
import { GuideHost, type HostEvent } from './host';
import { GuidePanel } from './guidePanel';
import { renderDrift, renderOverview } from './panels';
import { GuideStore, newerState, restoreState } from './store';

const TABS: { id: GuideTab; label: string; icon: string }[] = [
  { id: 'guide', label: 'Guide', icon: 'compass' },
  { id: 'drift', label: 'Drift', icon: 'pulse' },
  { id: 'overview', label: 'Overview', icon: 'book' },
];

class GuideApp {
  private readonly host = new GuideHost((e) => this.onEvent(e));
  private readonly store = new GuideStore(this.host);
  private loaded: GuideLoaded | undefined;
  private guide: GuidePanel | undefined;
  private drift: DriftSummary | undefined;
  private overview: ArchitectureOverview | undefined;
  private readonly root = document.getElementById('app') as HTMLElement;
  private readonly panels = new Map<GuideTab, HTMLElement>();

  async start(): Promise<void> {
    const own = restoreState(this.host.getState());
    try {
      this.loaded = await this.host.request('load', {});
    } catch (err) {
      this.root.replaceChildren(h('p', { class: 'error', role: 'alert' }, icon('error'), ` The guide could not load: ${err instanceof Error ? err.message : String(err)}`));
      return;
    }
    // The webview's own state survives hiding; the workspace copy survives a reload even when
    // the webview's was not saved in time. Both are stamped: the newer wins.
    const state = newerState(own, this.loaded.saved);
    if (state) this.store.state = state;
    this.drift = this.loaded.drift;
    this.overview = this.loaded.overview;
    this.guide = new GuidePanel(this.host, this.store, this.loaded);
    this.renderShell();
    this.store.changed();
    window.addEventListener('pagehide', () => this.store.flush());
    document.body.dataset.ready = 'true';
  }

  private onEvent(event: HostEvent): void {
    if (event.type === 'drift') {
      this.drift = event.drift;
      this.renderPanel('drift');
    } else if (event.type === 'overview') {
      this.overview = event.overview;
      this.renderPanel('overview');
    } else if (event.type === 'folders' && this.loaded) {
      this.loaded.folders = event.folders;
    } else if (event.type === 'flow' && this.guide) {
      this.guide.setFlow(event.flow);
    } else if (event.type === 'state' && this.guide) {
      // The other guide webview (sidebar or editor tab) changed the answers: follow it.
      if ((event.state.savedAt ?? 0) < (this.store.state.savedAt ?? 0)) return;
      this.store.adopt(event.state);
      this.guide.followState();
    }
  }

  private renderShell(): void {
    const selected = Math.max(0, TABS.findIndex((t) => t.id === this.store.state.tab));
    const tabs = h('vscode-tabs', { 'selected-index': selected, panel: true });
    for (const t of TABS) {
      tabs.append(h('vscode-tab-header', { slot: 'header', 'data-tab': t.id }, icon(t.icon), ` ${t.label}`));
      const panel = h('vscode-tab-panel', { 'data-panel': t.id });
      this.panels.set(t.id, panel);
      tabs.append(panel);
    }
    tabs.addEventListener('vsc-tabs-select', (e: Event) => {
      const index = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      const tab = TABS[index]?.id;
      if (!tab || tab === this.store.state.tab) return;
      this.store.state.tab = tab;
      this.store.changed();
    });
    this.root.replaceChildren(tabs);
    for (const t of TABS) this.renderPanel(t.id);
  }

  private renderPanel(tab: GuideTab): void {
    const panel = this.panels.get(tab);
    if (!panel) return;
    if (tab === 'guide' && this.guide) {
      this.guide.render();
      panel.replaceChildren(this.guide.element);
    } else if (tab === 'drift' && this.drift) {
      panel.replaceChildren(renderDrift(this.drift, this.host));
    } else if (tab === 'overview' && this.overview) {
      panel.replaceChildren(renderOverview(this.overview, this.host));
    }
  }
}

void new GuideApp().start();
