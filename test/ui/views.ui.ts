// The Decisions view, the module map and the status bar of the help desk example in a real
// workbench, as a user meets them. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { mapFrame } from './lib/map';
import { packagedVsix, Workbench } from './lib/workbench';

suite('Views UI: Decisions view, module map, status bar', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await Workbench.open({ workspace: 'helpdesk', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 } });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  /** The canvas width, the drawn map's width and a module label's height, in screen pixels. */
  function mapSizes(map: FrameLocator): Promise<{ canvas: number; svg: number; labelPx: number }> {
    return map.locator('#canvas').evaluate((canvas) => {
      type Box = { getBoundingClientRect(): { width: number; height: number } };
      const svg = canvas.querySelector('svg.map') as unknown as Box;
      const label = canvas.querySelector('svg.map g.module text') as unknown as Box;
      return { canvas: canvas.clientWidth, svg: svg.getBoundingClientRect().width, labelPx: label.getBoundingClientRect().height };
    });
  }

  test('the Decisions view lists the records grouped by status', async () => {
    const wb = workbench!;
    await wb.openViewContainer('Adrift');
    const view = await wb.view('Decisions');
    await view.locator('.monaco-list-row', { hasText: '0003 Split the help desk into five domain modules' }).first().waitFor({ timeout: 30_000 });
    for (const group of ['Accepted', 'Proposed', 'Superseded']) await view.locator('.monaco-list-row', { hasText: group }).first().waitFor();
    const row = view.locator('.monaco-list-row', { hasText: '0012 Let the ticket module suggest' }).first();
    await row.hover();
    // The inline actions of a proposed record: change status and supersede.
    await row.locator('.action-label[aria-label="Change Decision Status"]').waitFor();
    await row.locator('.action-label[aria-label="Supersede Decision"]').waitFor();
    // A click opens the record.
    await view.locator('.monaco-list-row', { hasText: '0003 Split the help desk' }).first().click();
    await wb.page
      .locator('.tabs-container .tab', { hasText: '0003-split-into-five-domain-modules' })
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (err: Error) => {
        throw new Error(`${err.message.split('\n')[0]} (screenshot ${await wb.failureScreenshot('decisions-view-click')})`);
      });
    await row.hover();
    await wb.screenshot('decisions-view');
  });

  test('the module map draws the modules, and choosing a violating edge lists its import', async () => {
    const wb = workbench!;
    await wb.runCommand('Adrift: Check Workspace');
    await wb.runCommand('Adrift: Show Module Map');
    const map = await mapFrame(wb);
    await map.locator('g.module').nth(6).waitFor({ timeout: 30_000 });
    assert.equal(await map.locator('g.module').count(), 7);
    // Seen: the map opened unfitted with ~6 px labels. In a wide window it fits at a readable size.
    await wb.page.waitForTimeout(500);
    const wide = await mapSizes(map);
    assert.ok(wide.labelPx >= 10, `module labels are ${wide.labelPx.toFixed(1)} px high`);
    assert.ok(wide.svg <= wide.canvas, `the map (${wide.svg.toFixed(0)} px) fits the canvas (${wide.canvas} px)`);
    const violating = map.locator('g.edge--violating[data-edge="ticket->knowledgebase"]');
    await violating.waitFor();
    await violating.click({ force: true });
    const item = map.locator('#details .import', { hasText: 'src/server/ticket/suggestions.ts' });
    await item.waitFor();
    await wb.screenshot('module-map');

    // Keyboard only: focus another edge and press Enter.
    await map.locator('g.edge[data-edge="user->tenant"]').focus();
    await wb.page.keyboard.press('Enter');
    await map.locator('#details h2', { hasText: 'user → tenant' }).waitFor();

    // Choosing an import opens the file at the import.
    await violating.click({ force: true });
    await item.click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'suggestions.ts' }).waitFor();
  });

  test('in a small window the module map opens with readable labels and scrolls instead of shrinking them', async () => {
    const wb = workbench!;
    await wb.page.setViewportSize({ width: 1000, height: 700 });
    try {
      await wb.runCommand('View: Close All Editors');
      await wb.runCommand('Adrift: Show Module Map');
      const map = await mapFrame(wb);
      await map.locator('g.module').nth(6).waitFor({ timeout: 30_000 });
      await wb.page.waitForTimeout(1000);
      const small = await mapSizes(map);
      assert.ok(small.labelPx >= 10, `module labels are ${small.labelPx.toFixed(1)} px high in a ${small.canvas} px wide canvas`);
    } finally {
      await wb.page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  test('the status bar shows the drift count and its click opens Problems with the findings', async () => {
    const wb = workbench!;
    const item = wb.page.locator('.statusbar-item', { hasText: /\d+ drift/ }).first();
    await item.waitFor({ timeout: 30_000 });
    const text = (await item.textContent()) ?? '';
    assert.match(text, /\d+ drift/);
    await item.click();
    const rows = wb.page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor();
    const labels = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    assert.ok(labels.some((l) => /generated by Adrift/.test(l) && /ADR-\d{4}/.test(l)), `Problems lists Adrift's findings: ${labels.slice(0, 5).join(' | ')}`);
    await wb.screenshot('status-bar-problems');
  });

  test('the walkthrough opens with its four steps and their pages', async () => {
    const wb = workbench!;
    await wb.quickPick('F1', '>Welcome: Open Walkthrough', 'Open Walkthrough');
    const entry = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Get Started with Adrift' }).first();
    await entry.waitFor({ timeout: 20_000 });
    await entry.click();
    const steps = wb.page.locator('.gettingStartedSlideDetails .getting-started-step');
    await steps.first().waitFor({ timeout: 20_000 });
    const ids = await steps.evaluateAll((elements) => elements.map((e) => (e.getAttribute('data-step-id') ?? '').split('#').pop()));
    assert.deepEqual(ids, ['openGuide', 'recordDecision', 'assignFolder', 'seeDrift']);
    // The second step's page (media/walkthrough/record.md) renders beside the steps.
    await steps.nth(1).click();
    await wb.page.locator('.getting-started-media iframe, .gettingStartedSlideDetails .getting-started-media').first().waitFor({ timeout: 20_000 });
    await wb.screenshot('walkthrough');
  });
});
