// The Guide tab: pick a starting template, walk the steps back and forth, review the records
// that will be written, and write them. Everything it shows comes from the flow the host sent.

import { stepIn, type EdgesResult, type GuideFlow, type GuideLoaded, type ModuleOfAnswers, type RecordsPreview, type TemplateSummary, type WriteResult, type WriteStatus } from '../../src/protocol/guide';
import { announce, button, h, icon, present } from './dom';
import { renderField, type CodeQueries, type DeletedRow } from './fields';
import type { GuideHost } from './host';
import { baselineDetails, firstCheckSummary, problemGroups, writeStatusControl, writtenSummary } from './review';
import type { GuideStore } from './store';

export class GuidePanel {
  readonly element = h('div', { class: 'guide-panel' });
  private written: WriteResult | undefined;
  private error: string | undefined;
  private busy = false;
  private choosingTemplate = false;
  /** Rows deleted on the current step, for Undo; forgotten when the step changes. */
  private readonly deleted = new Map<string, DeletedRow>();

  constructor(
    private readonly host: GuideHost,
    private readonly store: GuideStore,
    private readonly loaded: GuideLoaded,
  ) {}

  /** The imports between the modules last asked about: a redraw of the step does not ask the host again. */
  private edges: { key: string; result: Promise<EdgesResult> } | undefined;

  private readonly code: CodeQueries = {
    discover: () => this.host.request('discover', {}),
    edges: (modules: ModuleOfAnswers[]) => {
      const key = JSON.stringify(modules);
      if (this.edges?.key !== key) {
        const result = this.host.request('edges', { modules });
        this.edges = { key, result };
        // A failed answer is not kept: the next redraw asks again.
        result.catch(() => {
          if (this.edges?.result === result) this.edges = undefined;
        });
      }
      return this.edges.result;
    },
    open: (file: string) => this.host.send({ type: 'openFile', path: file }),
  };

  private get steps() {
    return this.loaded.flow.steps;
  }

  /** The chosen template's examples for the placeholders. */
  private get placeholders(): Record<string, string> {
    return this.loaded.templates.find((t) => t.id === this.store.state.template)?.placeholders ?? {};
  }

  /**
   * The flow changed under the guide (a product kind brought its own steps). The current step
   * is found again by its id; when it is the same step as drawn, only the navigation is redrawn,
   * so the field being typed in keeps its focus.
   */
  setFlow(flow: GuideFlow): void {
    const before = this.steps[this.store.state.step];
    this.loaded.flow = flow;
    const { step, stepId } = stepIn(flow, { step: this.store.state.step, stepId: this.store.state.stepId ?? before?.id });
    this.store.state.step = step;
    this.store.state.stepId = stepId;
    const after = flow.steps[this.store.state.step];
    const nav = this.element.querySelector('nav.steps');
    if (nav && before && after && JSON.stringify(before) === JSON.stringify(after) && this.element.querySelector('h2[data-step-id]')) {
      nav.replaceWith(this.stepNav());
      const count = this.element.querySelector('.step-count');
      if (count) count.textContent = `Step ${this.store.state.step + 1} of ${flow.steps.length}`;
    } else if (this.element.isConnected || this.element.childElementCount > 0) {
      this.render();
    }
  }

  /** Another guide webview changed the shared state: show it. */
  followState(): void {
    this.deleted.clear();
    this.written = undefined;
    this.render();
  }

  render(): void {
    if (this.store.state.template === undefined || this.choosingTemplate) this.renderStart();
    else if (this.store.state.step >= this.steps.length) this.renderReview();
    else this.renderStep();
  }

  private renderStart(): void {
    const current = this.store.state.template;
    const group = h('div', { role: 'radiogroup', class: 'options templates', 'aria-labelledby': 'start-from' });
    const initial = current ?? this.loaded.templates[0]?.id ?? 'blank';
    for (const t of this.loaded.templates) group.append(this.templateRadio(t, initial));
    const picked = () => group.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? initial;
    const start = button('Start', () => void this.startTemplate(picked()), { icon: 'play', id: 'start-template' });
    const keep = current !== undefined ? button('Continue with my answers', () => {
      this.choosingTemplate = false;
      this.render();
    }, { secondary: true }) : undefined;
    this.element.replaceChildren(...present(
      h('h2', {}, icon('compass'), ' Architecture Guide'),
      h('p', {}, 'Answer the questions of a SaaS architecture checklist; the guide writes one decision record per decision, and Adrift checks the code against them.'),
      !this.loaded.hasWorkspace ? h('p', { class: 'warning' }, icon('warning'), ' Open a folder to write decisions into it.') : undefined,
      this.loaded.recordCount > 0
        ? h('p', { class: 'help' }, icon('info'), ` This workspace has ${this.loaded.recordCount} decision record${this.loaded.recordCount === 1 ? '' : 's'}. The guide never changes them: it proposes new records that supersede the decisions you answer differently.`)
        : undefined,
      h('h3', { id: 'start-from' }, 'Start from'),
      group,
      current !== undefined ? h('p', { class: 'help' }, 'Starting a template replaces your current answers.') : undefined,
      h('div', { class: 'actions' }, start, keep),
      this.errorLine(),
    ));
  }

  private templateRadio(t: TemplateSummary, picked: string): HTMLElement {
    const id = `template-${t.id}`;
    const radio = h('input', { type: 'radio', name: 'template', id, value: t.id, 'data-template': t.id, 'aria-describedby': `${id}-details` });
    radio.checked = t.id === picked;
    return h('div', { class: 'option' }, radio, h('label', { for: id, class: 'option-label' }, t.label), h('span', { class: 'option-details', id: `${id}-details` }, t.description));
  }

  private async startTemplate(id: string): Promise<void> {
    try {
      const { answers } = await this.host.request('startTemplate', { template: id });
      this.store.state.template = id;
      this.store.state.answers = answers;
      this.store.state.step = 0;
      this.store.state.stepId = this.steps[0]?.id;
      this.choosingTemplate = false;
      this.deleted.clear();
      this.written = undefined;
      this.error = undefined;
      this.store.changed();
      this.store.flush();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
    this.render();
    this.focusHeading();
  }

  private goTo(step: number): void {
    this.store.state.step = Math.max(0, Math.min(step, this.steps.length));
    this.store.state.stepId = this.steps[this.store.state.step]?.id;
    this.deleted.clear();
    // The code may have changed meanwhile: coming back to the step reads its imports again.
    this.edges = undefined;
    this.written = undefined;
    this.error = undefined;
    this.store.changed();
    this.store.flush();
    this.render();
    this.focusHeading();
  }

  private focusHeading(): void {
    const heading = this.element.querySelector<HTMLElement>('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }

  private stepNav(): HTMLElement {
    const current = this.store.state.step;
    const items = [...this.steps.map((s) => ({ title: s.title, icon: s.icon, id: s.id })), { title: 'Review and write', icon: 'checklist', id: 'review' }];
    // Every step by its number and title, in any width: the titles wrap, they are never icons only.
    return h(
      'nav',
      { 'aria-label': 'Steps', class: 'steps' },
      h('ol', { class: 'step-nav' }, ...items.map((s, i) => {
        const b = h('button', { type: 'button', class: i === current ? 'current' : '', 'aria-current': i === current ? 'step' : undefined, 'data-step': i, 'data-step-id': s.id }, icon(s.icon), h('span', { class: 'step-number' }, ` ${i + 1}.`), h('span', { class: 'step-title' }, ` ${s.title}`));
        b.addEventListener('click', () => this.goTo(i));
        return h('li', {}, b);
      })),
    );
  }

  private renderStep(): void {
    const index = this.store.state.step;
    const step = this.steps[index];
    const body = h('div', { class: 'fields' });
    const redraw = () => this.renderStep();
    // What a field of this step shows of an answer that another field changes (a pair allowed in both the code's edges and the uses).
    const watchers = new Map<string, (() => void)[]>();
    const watch = (answer: string, update: () => void) => watchers.set(answer, [...(watchers.get(answer) ?? []), update]);
    const notify = (answer: string) => {
      for (const update of watchers.get(answer) ?? []) update();
    };
    const ctx = { store: this.store, flow: this.loaded.flow, folders: this.loaded.folders, placeholders: this.placeholders, redraw, announce, deleted: this.deleted, code: this.code, watch, notify };
    for (const field of step.fields) body.append(renderField(field, ctx));
    const last = index === this.steps.length - 1;
    this.element.replaceChildren(
      this.stepNav(),
      h('h2', { 'data-step-id': step.id }, icon(step.icon), ` ${step.title}`),
      h('p', { class: 'step-count' }, `Step ${index + 1} of ${this.steps.length}`),
      h('p', { class: 'intro' }, step.intro),
      body,
      h('div', { class: 'actions' },
        button('Back', () => this.goTo(index - 1), { secondary: true, icon: 'arrow-left', disabled: index === 0, id: 'back' }),
        button(last ? 'Review' : 'Next', () => this.goTo(index + 1), { icon: last ? 'checklist' : 'arrow-right', id: 'next' }),
      ),
      h('p', { class: 'help' }, button('Start over from a template', () => {
        this.choosingTemplate = true;
        this.render();
      }, { secondary: true, icon: 'discard' })),
    );
  }

  private renderReview(): void {
    const body = h('div', { class: 'review' }, h('p', {}, icon('loading', 'loading'), ' Planning the records…'));
    this.element.replaceChildren(
      this.stepNav(),
      h('h2', {}, icon('checklist'), ' Review and write'),
      body,
    );
    if (this.written) {
      this.renderWritten(body, this.written);
      return;
    }
    void this.host.request('preview', { answers: this.store.answers, status: this.writeStatus }).then(
      (preview) => {
        this.renderPreview(body, preview);
      },
      (err: unknown) => {
        body.replaceChildren(h('p', { class: 'error', role: 'alert' }, icon('error'), ` ${err instanceof Error ? err.message : String(err)}`), button('Back', () => this.goTo(this.steps.length - 1), { secondary: true }));
      },
    );
  }

  private get writeStatus(): WriteStatus {
    return this.store.state.writeStatus ?? 'proposed';
  }

  private setWriteStatus(status: WriteStatus): void {
    this.store.state.writeStatus = status;
    this.store.changed();
    // The preview is planned again for the new status; focus returns to the radio once it is drawn.
    this.focusStatus = true;
    this.renderReview();
  }

  private focusStatus = false;

  private renderPreview(body: HTMLElement, preview: RecordsPreview): void {
    const problems = problemGroups(preview.problems, (p) => {
      const stepIndex = this.steps.findIndex((s) => s.id === p.step);
      const go = h('button', { type: 'button', class: 'link' }, stepIndex >= 0 ? this.steps[stepIndex].title : p.step);
      go.addEventListener('click', () => this.goTo(stepIndex));
      return go;
    });
    const conflicts = preview.problems.some((p) => p.kind === 'conflict');
    // Native disclosures: the whole title, in its own case, wrapping in a narrow sidebar.
    const records = preview.records.map((r) =>
      h('details', { class: 'record', 'data-path': r.path },
        h('summary', {}, h('span', { class: 'record-id' }, String(r.id).padStart(4, '0')), ' ', h('span', { class: 'record-title' }, r.title), ' ', h('span', { class: 'record-status' }, r.status)),
        h('p', { class: 'path' }, icon('file'), ` ${r.path}`, r.supersedes ? ` — supersedes ${r.supersedes.join(', ')}` : ''),
        h('pre', { tabindex: 0, 'aria-label': `${r.path} as it will be written` }, r.yaml)),
    );
    const canWrite = preview.records.length > 0 && !conflicts && !this.busy && this.loaded.hasWorkspace;
    const write = button(`Write ${preview.records.length} decision${preview.records.length === 1 ? '' : 's'}`, () => void this.write(), { icon: 'save', disabled: !canWrite, id: 'write' });
    body.replaceChildren(...present(
      ...problems,
      preview.unchanged.length ? h('p', { class: 'help' }, icon('check'), ` ${preview.unchanged.length} decision${preview.unchanged.length === 1 ? ' is' : 's are'} already recorded as answered: ${preview.unchanged.map((u) => u.id).join(', ')}.`) : undefined,
      preview.records.length
        ? h('p', {}, `${conflicts ? 'Once the conflicts above are resolved, these' : 'These'} records will be written to ${preview.folder}/ (existing records are never changed; a changed decision is proposed as a new record that supersedes the old one):`)
        : h('p', {}, 'Nothing new to write.'),
      h('div', { class: 'records' }, ...records, ...present(preview.baseline ? baselineDetails(preview.baseline) : undefined)),
      preview.records.length && preview.firstCheck ? firstCheckSummary(preview.firstCheck, this.writeStatus) : undefined,
      preview.records.length ? writeStatusControl(this.writeStatus, (status) => this.setWriteStatus(status)) : undefined,
      this.errorLine(),
      h('div', { class: 'actions' }, button('Back', () => this.goTo(this.steps.length - 1), { secondary: true, icon: 'arrow-left' }), write),
    ));
    if (this.focusStatus) {
      this.focusStatus = false;
      body.querySelector<HTMLElement>(`#write-status-${this.writeStatus}`)?.focus();
    }
  }

  private async write(): Promise<void> {
    // A second click while writing would plan again against the records just written.
    if (this.busy) return;
    this.busy = true;
    this.element.querySelector('#write')?.setAttribute('disabled', '');
    this.error = undefined;
    this.store.flush();
    try {
      this.written = await this.host.request('write', { answers: this.store.answers, status: this.writeStatus });
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
    this.busy = false;
    this.render();
  }

  private renderWritten(body: HTMLElement, result: WriteResult): void {
    body.replaceChildren(
      h('p', { class: 'success', role: 'status' }, icon('pass'), ` ${writtenSummary(result.written.length, result.accepted)}`),
      h('ul', { class: 'written' }, ...result.written.map((w) => h('li', {}, this.fileLink(w)))),
      ...present(result.baseline ? h('p', { class: 'baseline-written' }, `Added ${result.baseline.entries} import${result.baseline.entries === 1 ? '' : 's'} of the baselined module pairs to `, this.fileLink(result.baseline.path), result.baseline.unsaved ? ' in its editor, which has unsaved changes: save it so adrift check and CI see them.' : '.') : undefined),
      h('div', { class: 'actions' },
        button('Show decisions', () => this.host.send({ type: 'run', action: 'showDecisions' }), { icon: 'list-tree' }),
        button('Show module map', () => this.host.send({ type: 'run', action: 'showModuleMap' }), { secondary: true, icon: 'type-hierarchy' }),
        button('Edit answers', () => this.goTo(0), { secondary: true, icon: 'edit' }),
      ),
    );
  }

  /** A written file as a link that opens it in the editor (keyboard: Tab, Enter). */
  private fileLink(file: string): HTMLElement {
    const link = h('a', { href: '#', class: 'file-link', title: `Open ${file}` }, icon('file'), ` ${file}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.host.send({ type: 'openFile', path: file });
    });
    return link;
  }

  private errorLine(): HTMLElement | undefined {
    return this.error ? h('p', { class: 'error', role: 'alert' }, icon('error'), ` ${this.error}`) : undefined;
  }
}
