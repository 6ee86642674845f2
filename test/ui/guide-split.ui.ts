// The guide's split step in a real workbench: the CI/CD runner template's parts, each with
// its kind and the parts it may use as named checkboxes; renaming a part keeps it picked
// under its new name; the review shows the split record forbidding the agent to import
// server code. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import { ARCHITECTURE_FLOW } from '../../src/core/guide/flow';
import { guideFrame } from './lib/guide';
import { packagedVsix, Workbench } from './lib/workbench';

const SPLIT = ARCHITECTURE_FLOW.steps.findIndex((s) => s.id === 'split');
const REVIEW = ARCHITECTURE_FLOW.steps.length;

suite('Guide UI: the parts of the product', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await Workbench.open({ workspace: 'empty', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 } });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('each part has a kind and picks the parts it may use; a rename keeps the pick; the record forbids agent → server', async () => {
    const wb = workbench!;
    try {
      await wb.openViewContainer('Adrift').catch(() => wb.openViewContainer('Adrift'));
      await wb.view('Architecture Guide');
      const decisions = wb.page.locator('.part.sidebar .pane-header', { hasText: 'Decisions' }).first();
      if ((await decisions.getAttribute('aria-expanded').catch(() => null)) === 'true') await decisions.click();
      const guide = await guideFrame(wb);
      await guide.locator('vscode-radio[data-template="ci-runner"]').click();
      await guide.locator('#start-template').click();
      await guide.locator(`.step-nav button[data-step="${SPLIT}"]`).click();
      await guide.locator('h2[data-step-id="split"]').waitFor({ timeout: 20_000 });

      const rows = guide.locator('section[data-field="parts"] .rows > li');
      assert.equal(await rows.count(), 5);
      const picks = (part: number) => guide.locator(`[role="group"][aria-label="May use of part ${part}"] vscode-checkbox`);
      const picked = async (part: number) =>
        (await picks(part).evaluateAll((boxes) => boxes.map((b) => [b.getAttribute('label'), (b as unknown as { checked: boolean }).checked] as const))).filter(([, on]) => on).map(([label]) => label);
      // The runner agent (part 3) may use the API server (over its API) and the job protocol.
      assert.deepEqual(await picks(3).evaluateAll((boxes) => boxes.map((b) => b.getAttribute('label'))), ['Web dashboard', 'API server', 'Job protocol', 'CLI']);
      assert.deepEqual(await picked(3), ['API server', 'Job protocol']);
      const kind = await rows.nth(2).locator('vscode-single-select').evaluate((el) => (el as unknown as { value: string }).value);
      assert.equal(kind, 'agent');
      await wb.screenshot('guide-split-ci-runner');

      // Rename the job protocol (part 4): the agent and the server still use it, under the new name.
      const name = rows.nth(3).locator('vscode-textfield').first();
      await name.click();
      await name.press('Control+a');
      await name.pressSequentially('Wire protocol');
      assert.deepEqual(await picked(3), ['API server', 'Wire protocol']);
      assert.deepEqual(await picked(2), ['Wire protocol']);

      // The review shows the split record: the agent may import the renamed protocol, never the server.
      await guide.locator(`.step-nav button[data-step="${REVIEW}"]`).click();
      const split = guide.locator('vscode-collapsible.record', { hasText: 'Build the product as 5 parts' });
      await split.waitFor({ timeout: 20_000 });
      await split.click();
      const yaml = (await split.locator('pre').textContent()) ?? '';
      assert.match(yaml, /- from: agent\/\*\*\n\s+to: server\/\*\*\n\s+reason: .*the agent \\?"Runner agent\\?" is installed on customers' machines/);
      assert.match(yaml, /Runner agent may import Wire protocol/);
      assert.doesNotMatch(yaml, /from: agent\/\*\*\n\s+to: protocol\/\*\*/);
      await wb.screenshot('guide-split-review');
    } catch (error) {
      await wb.failureScreenshot('guide-split-failure').catch(() => undefined);
      throw error;
    }
  });
});
