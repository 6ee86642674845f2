// Layers in a real workbench, by keyboard only: the help desk template's modules are ordered
// into two layers on the dependencies step (Alt+Up on a module, New layer, a Closed checkbox),
// each move announced; Finish writes them into the boundaries record as `enforce.layers`; and
// the module map then draws the two layers as labelled bands, top first, with the module in
// no layer below them. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { parseRecord } from '../../src/core/records/parse';
import { assertFieldsNamed, atStep, openGuide, plain, startFrom } from './lib/guide';
import { mapFrame } from './lib/map';
import { packagedVsix, workbenchPerTry } from './lib/workbench';

/** The module names in each layer shown, top first, then those in no layer. */
function shownLayers(guide: FrameLocator): Promise<string[][]> {
  return guide.locator('section[data-field="layers"] .layer').evaluateAll((els) => els.map((e) => [...e.querySelectorAll('.layer-module')].map((m) => m.getAttribute('data-module') ?? '')));
}

function focusedModule(guide: FrameLocator): Promise<string | null> {
  return guide.locator('body').evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-module') ?? null);
}

suite('Guide UI: layers on the dependencies step, and the map\'s bands', function () {
  this.timeout(400_000);
  const workbench = workbenchPerTry({
    workspace: 'helpdesk',
    extension: { vsix: packagedVsix() },
    viewport: { width: 1440, height: 900 },
    prepare: (folder) => fs.rmSync(path.join(folder, 'docs', 'adr'), { recursive: true, force: true }),
  });

  test('two layers set by keyboard are written as enforce.layers, and the map draws them as bands', async () => {
    const wb = workbench();
    try {
      await openGuide(wb);
      await wb.runCommand('View: Close Primary Side Bar');
      await wb.runCommand('Adrift: Open Architecture Guide in Editor');
      const guide = await startFrom(wb, 'help-desk', 'panel');
      await guide.locator('nav.steps button[data-step-id="dependencies"]').click();
      await atStep(guide, 'dependencies');
      const field = guide.locator('section[data-field="layers"]');
      await field.scrollIntoViewIfNeeded();
      assert.deepEqual(await shownLayers(guide), [['Tenant', 'User', 'Ticket', 'Conversation', 'KnowledgeBase']], 'every module starts in no layer');

      const announcer = guide.locator('#announcer');
      const chip = (name: string) => field.locator(`.layer-module[data-module="${name}"]`);
      const altUp = async (name: string, said: string) => {
        await chip(name).focus();
        await wb.page.keyboard.press('Alt+ArrowUp');
        await announcer.filter({ hasText: said }).waitFor({ timeout: 10_000 });
        assert.equal(await focusedModule(guide), name, `focus stays on ${name} after the move`);
      };
      // Up from no layer when there is none makes the first layer.
      await altUp('Ticket', 'Ticket moved to layer 1 of 1.');
      await altUp('Conversation', 'Conversation moved to layer 1 of 1.');
      // New layer (Enter on the button) adds an empty one at the bottom; up from no layer goes into it.
      await field.getByRole('button', { name: 'New layer' }).focus();
      await wb.page.keyboard.press('Enter');
      await announcer.filter({ hasText: 'Layer 2 added at the bottom, empty.' }).waitFor({ timeout: 10_000 });
      await altUp('Tenant', 'Tenant moved to layer 2 of 2.');
      await altUp('User', 'User moved to layer 2 of 2.');
      // Alt+Down on a layer-2 module would put it in no layer; Alt+Up twice from there would reach layer 1: a round trip.
      await chip('User').focus();
      await wb.page.keyboard.press('Alt+ArrowDown');
      await announcer.filter({ hasText: 'User moved to no layer.' }).waitFor({ timeout: 10_000 });
      await altUp('User', 'User moved to layer 2 of 2.');
      // Layer 1 closed, by Space on its checkbox.
      await field.getByRole('checkbox', { name: 'Closed: uses layer 2 only' }).focus();
      await wb.page.keyboard.press('Space');
      await announcer.filter({ hasText: 'Layer 1 is closed: it uses layer 2 only.' }).waitFor({ timeout: 10_000 });
      assert.deepEqual(await shownLayers(guide), [['Ticket', 'Conversation'], ['Tenant', 'User'], ['KnowledgeBase']]);

      // Every control is named: the layers list, each module's move buttons, the Closed checkboxes.
      await assertFieldsNamed(guide);
      const snapshot = await field.ariaSnapshot();
      for (const line of [
        '- list "Layers, top first":',
        '- list "Layer 1 (top)":',
        '- button "Move Ticket up a layer"',
        '- button "Move Conversation down a layer"',
        '- checkbox "Closed: uses layer 2 only" [checked]',
        '- button "Remove layer 2"',
        '- list "In no layer":',
        '- button "Move KnowledgeBase up a layer"',
        '- button "Move KnowledgeBase down a layer" [disabled]',
        '- button "New layer"',
      ]) assert.ok(snapshot.split('\n').some((l) => plain(l).trim() === line), `${line} in\n${snapshot}`);
      await wb.screenshot('guide-layers');

      // ---- Finish: the boundaries record has exactly these layers ----
      await guide.locator('nav.steps button[data-step-id="review"]').click();
      await guide.getByRole('radio', { name: 'Accepted, in force now' }).check();
      await guide.locator('details.record .record-status', { hasText: 'accepted' }).first().waitFor({ timeout: 30_000 });
      await guide.locator('#write').click();
      // The written records are read from disk (the page may move on as the workspace reloads them).
      const adr = path.join(wb.workspaceFolder, 'docs', 'adr');
      for (let i = 0; i < 120 && !(fs.existsSync(adr) && fs.readdirSync(adr).length > 0); i++) await wb.page.waitForTimeout(500);
      const loaded = fs.readdirSync(adr).filter((f) => f.endsWith('.yaml')).map((f) => parseRecord(`docs/adr/${f}`, fs.readFileSync(path.join(adr, f), 'utf8')));
      const boundaries = loaded.filter((l) => l.record?.enforce?.modules);
      assert.equal(boundaries.length, 1, 'one record declares the modules');
      assert.deepEqual(boundaries[0].findings, []);
      assert.deepEqual(boundaries[0].record?.enforce?.layers, [{ modules: ['ticket', 'conversation'], closed: true }, ['tenant', 'user']]);
      assert.ok(loaded.every((l) => l === boundaries[0] || l.record?.enforce?.layers === undefined), 'no other record has layers');

      // ---- The map: two labelled bands, top first, and the module in no layer below ----
      // The map alone in the window, for its picture.
      await wb.runCommand('View: Close All Editors');
      await wb.runCommand('View: Close Primary Side Bar');
      await wb.runCommand('Adrift: Show Module Map');
      const map = await mapFrame(wb);
      const bands = map.locator('svg.map g.band');
      await bands.nth(2).waitFor({ timeout: 30_000 });
      const drawn = await bands.evaluateAll((els) => els.map((e) => {
        type Box = { getBoundingClientRect(): { top: number; bottom: number } };
        const box = (e.querySelector('rect') as unknown as Box).getBoundingClientRect();
        return { label: e.getAttribute('aria-label'), top: box.top, bottom: box.bottom };
      }));
      assert.deepEqual(drawn.map((b) => b.label), ['Layer 1: ticket+conversation (closed)', 'Layer 2: tenant+user', 'Modules in no layer']);
      assert.ok(drawn[0].bottom <= drawn[1].top && drawn[1].bottom <= drawn[2].top, `bands top first, apart: ${JSON.stringify(drawn)}`);
      const inBand = await map.locator('svg.map g.module').evaluateAll((els, bandBoxes) => els.map((e) => {
        type Box = { getBoundingClientRect(): { top: number; bottom: number } };
        const box = (e as unknown as Box).getBoundingClientRect();
        return [e.getAttribute('data-module'), bandBoxes.findIndex((b) => box.top >= b.top && box.bottom <= b.bottom)] as const;
      }), drawn);
      assert.deepEqual(Object.fromEntries(inBand), { conversation: 0, 'knowledge-base': 2, tenant: 1, ticket: 0, user: 1 });
      await wb.screenshot('map-layers');
    } catch (error) {
      await wb.failureScreenshot('guide-layers-failure').catch(() => undefined);
      throw error;
    }
  });
});
