// The Architecture Guide in the workbench, as a user meets it: find its webview (the sidebar
// view or the editor tab), open it, walk whatever steps it shows, and read the accessible
// names of its fields from Playwright's ARIA snapshot.

import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';

export type GuideHost = 'view' | 'panel';

/**
 * The guide's content frame: in the sidebar (`view`), in an editor tab (`panel`), or whichever
 * shows first. The frame is pinned by its webview's id (the outer iframe's name), not by its
 * place among the webviews: when the side bar's webview goes away after the editor's opened,
 * the editor's would otherwise move to another index and the locator would point at nothing.
 */
export async function guideFrame(wb: Workbench, host?: GuideHost): Promise<FrameLocator> {
  const app = host ? `body[data-ready] #app[data-host="${host}"]` : 'body[data-ready] #app';
  for (let attempt = 0; attempt < 90; attempt++) {
    const outer = wb.page.locator('iframe.webview.ready');
    const frames = await outer.count();
    for (let i = 0; i < frames; i++) {
      const name = await outer.nth(i).getAttribute('name', { timeout: 2_000 }).catch(() => null);
      if (!name) continue;
      const frame = wb.page.frameLocator(`iframe.webview.ready[name="${name}"]`).frameLocator('#active-frame');
      if ((await frame.locator(app).count().catch(() => 0)) > 0) return frame;
    }
    await wb.page.waitForTimeout(500);
  }
  throw new Error(`no webview shows the Architecture Guide${host ? ` (${host})` : ''}`);
}

/**
 * The guide's first page, once its template radios show. An editor tab's webview loads its
 * bundle first, which took more than 20 s under load in CI, so this waits up to a minute; if
 * the frame found first stops showing the guide meanwhile (its webview was made again), it is
 * found again. On failure the error says what every webview showed, so a CI log tells why.
 */
export async function startPage(wb: Workbench, host?: GuideHost): Promise<FrameLocator> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const guide = await guideFrame(wb, host).catch(async (error: Error) => {
      throw new Error(`${error.message}; the webviews showed:\n${await wb.describeWebviews()}`);
    });
    const shown = await guide.locator('input[type=radio][data-template]').first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (shown) return guide;
    if (Date.now() > deadline) throw new Error(`the guide's first page (the template radios) did not show within a minute; the webviews showed:\n${await wb.describeWebviews()}`);
  }
}

/** Picks a template on the first page and starts from it, as a user does with the mouse. */
export async function startFrom(wb: Workbench, template: string, host?: GuideHost): Promise<FrameLocator> {
  const guide = await startPage(wb, host);
  await guide.locator(`input[type=radio][data-template="${template}"]`).check();
  await guide.locator('#start-template').click();
  return guide;
}

/** Opens the Adrift side bar and its guide view, with the Decisions view collapsed so the guide gets the room. */
export async function openGuide(wb: Workbench): Promise<FrameLocator> {
  // A click that lands while the window restores its side bar toggles it closed: try again.
  await wb.openViewContainer('Adrift').catch(() => wb.openViewContainer('Adrift'));
  await wb.view('Architecture Guide');
  const decisions = wb.page.locator('.part.sidebar .pane-header', { hasText: 'Decisions' }).first();
  if ((await decisions.getAttribute('aria-expanded').catch(() => null)) === 'true') await decisions.click();
  return guideFrame(wb, 'view');
}

/** After a reload of the page or the window: waits for the workbench, then opens the guide again. */
export async function afterReload(wb: Workbench): Promise<FrameLocator> {
  await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The window restores the open side bar by itself; clicking the activity bar before that
  // would toggle it closed again.
  await wb.activityBarItem('Adrift').waitFor({ timeout: 60_000 });
  await wb.page.locator('.part.sidebar .composite.title', { hasText: 'Adrift' }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  return openGuide(wb);
}

/** The step showing, by id ('review' on the review page). */
export async function currentStep(guide: FrameLocator): Promise<string> {
  const current = guide.locator('nav.steps button[aria-current="step"]');
  await current.waitFor({ timeout: 20_000 });
  return (await current.getAttribute('data-step-id')) ?? '';
}

/** The steps the navigation offers now, in order, with their titles (the flow may change as answers do). */
export async function stepsShown(guide: FrameLocator): Promise<{ id: string; title: string }[]> {
  const buttons = guide.locator('nav.steps button[data-step-id]');
  await buttons.first().waitFor({ timeout: 20_000 });
  return buttons.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-step-id') ?? '', title: (e.querySelector('.step-title')?.textContent ?? '').trim() })));
}

export async function atStep(guide: FrameLocator, id: string): Promise<void> {
  await guide.locator(`h2[data-step-id="${id}"]`).waitFor({ timeout: 20_000 });
}

/** A snapshot line as written without YAML's quotes: a name with ": " makes the whole node a quoted key. */
export function plain(line: string): string {
  const m = /^(\s*)- '(.*)'(:?.*)$/.exec(line);
  return m ? `${m[1]}- ${m[2].replace(/''/g, "'")}${m[3]}` : line;
}

/** Form controls in an ARIA snapshot that have no accessible name. */
export function unnamedControls(snapshot: string): string[] {
  return snapshot.split('\n').map(plain).filter((line) => /^\s*- (textbox|combobox|radio|checkbox|button|listbox|spinbutton|searchbox)(?: \[[^\]]*\])*(?::.*)?$/.test(line));
}

/** The lines below each node of `role`, one list per node. */
export function childrenOf(snapshot: string, role: string): string[][] {
  const lines = snapshot.split('\n').map(plain);
  const indent = (l: string) => l.length - l.trimStart().length;
  const groups: string[][] = [];
  lines.forEach((line, i) => {
    if (!line.trim().startsWith(`- ${role} `) && line.trim() !== `- ${role}:`) return;
    const children: string[] = [];
    for (let j = i + 1; j < lines.length && indent(lines[j]) > indent(line); j++) children.push(lines[j]);
    groups.push(children);
  });
  return groups;
}

/** Whether the snapshot has a node of `role` named exactly `name`. */
export function hasNamed(snapshot: string, role: string, name: string): boolean {
  return snapshot.split('\n').some((line) => plain(line).trim().startsWith(`- ${role} ${JSON.stringify(name)}`));
}

interface FieldShape {
  id: string;
  kind: string;
  label: string;
  options: number;
  rowLabel?: string;
  rows: { title: string; cells: { label: string; kind: string }[] }[];
  perRow: string[];
}

/**
 * Asserts that every field of the step showing is announced by its label, read from the ARIA
 * snapshot of the step's fields: no control without a name; a text, textarea or list field
 * by its label; a choice as a radiogroup of radios with its "considered" group; a table's
 * cells by row and column ("Module 2 Name"); per-row lists by field and row. Returns the snapshot.
 */
export async function assertFieldsNamed(guide: FrameLocator): Promise<string> {
  const fields = guide.locator('.fields');
  const snapshot = await fields.ariaSnapshot();
  assert.deepEqual(unnamedControls(snapshot), [], `controls without a name:\n${snapshot}`);
  const shapes = await fields.locator('section[data-field]').evaluateAll((sections) =>
    sections.map((s) => ({
      id: s.getAttribute('data-field') ?? '',
      kind: [...s.classList].find((c) => c.startsWith('field-'))?.slice('field-'.length) ?? '',
      label: (s.querySelector('h3')?.firstChild?.textContent ?? '').trim(),
      options: s.querySelectorAll('[role=radiogroup] input[type=radio]').length,
      rows: [...s.querySelectorAll('.rows > .row')].map((row) => ({
        title: (row.querySelector('.row-title')?.textContent ?? '').trim(),
        cells: [...row.querySelectorAll('.cell')].map((c) => ({ label: (c.querySelector('.cell-label')?.textContent ?? '').trim(), kind: [...c.classList].find((k) => k.startsWith('cell-') && k !== 'cell-label')?.slice('cell-'.length) ?? '' })),
      })),
      perRow: [...s.querySelectorAll('.per-row > li .row-name')].map((n) => (n.textContent ?? '').trim()),
    })),
  );
  for (const f of shapes as FieldShape[]) {
    const where = `field ${f.id} (${f.kind}) in\n${snapshot}`;
    assert.ok(f.label.length > 0, `field ${f.id} has a visible label`);
    if (f.kind === 'text' || f.kind === 'textarea') assert.ok(hasNamed(snapshot, 'textbox', f.label), `textbox "${f.label}": ${where}`);
    // A list's input is a textbox, or a combobox when it suggests the workspace's folders.
    if (f.kind === 'list') assert.ok(hasNamed(snapshot, 'textbox', f.label) || hasNamed(snapshot, 'combobox', f.label), `textbox "${f.label}": ${where}`);
    if (f.kind === 'choice') {
      assert.ok(hasNamed(snapshot, 'radiogroup', f.label), `radiogroup "${f.label}": ${where}`);
      assert.ok(f.options > 0, `${f.id} has options`);
      assert.ok(hasNamed(snapshot, 'group', `Options considered for ${f.label}`), `group "Options considered for ${f.label}": ${where}`);
    }
    if (f.kind === 'table') {
      for (const row of f.rows) {
        assert.match(row.title, /^\S.* \d+$/, `a row title like "Module 2": ${row.title}`);
        assert.ok(hasNamed(snapshot, 'group', row.title), `group "${row.title}": ${where}`);
        for (const c of row.cells) {
          const name = `${row.title} ${c.label}`;
          // A pick among the other rows is a group of checkboxes named like a cell.
          const named =
            c.kind === 'choice' ? hasNamed(snapshot, 'combobox', name) : c.kind === 'pick-rows' ? hasNamed(snapshot, 'group', name) : hasNamed(snapshot, 'textbox', name) || (c.kind === 'list' && hasNamed(snapshot, 'combobox', name));
          assert.ok(named, `"${name}": ${where}`);
        }
        assert.ok(hasNamed(snapshot, 'button', `Delete ${row.title.toLowerCase()}`), `button "Delete ${row.title.toLowerCase()}": ${where}`);
      }
    }
    if (f.kind === 'per-row') {
      for (const name of f.perRow) assert.ok(hasNamed(snapshot, 'textbox', `${f.label}: ${name}`) || hasNamed(snapshot, 'group', `${f.label}: ${name}`), `"${f.label}: ${name}": ${where}`);
    }
  }
  // Radios are radios: a radiogroup holds radios and no checkbox.
  for (const group of childrenOf(snapshot, 'radiogroup')) {
    assert.ok(group.some((l) => l.trim().startsWith('- radio ')), `a radiogroup without radios:\n${group.join('\n')}`);
    assert.ok(!group.some((l) => l.trim().startsWith('- checkbox')), `a radio announced as a checkbox:\n${group.join('\n')}`);
  }
  return snapshot;
}

/** The accessible name of the element with focus inside the guide (labelledby, label for, or aria-label). */
export async function focusedName(guide: FrameLocator): Promise<string> {
  // Runs in the webview (this project's test code has no DOM types): the name as the page sets it.
  const name = `(() => {
    const el = document.activeElement;
    if (!el) return '';
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\\s+/).map((id) => (document.getElementById(id)?.textContent ?? '').trim()).join(' ');
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const forLabel = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
    if (forLabel) return (forLabel.textContent ?? '').trim();
    return (el.textContent ?? '').trim();
  })()`;
  return String(await guide.locator('body').evaluate(name));
}
