// The guide's split step in a real workbench: the CI/CD runner template's parts, each with
// its kind and the parts it may use as named checkboxes; renaming a part keeps it picked
// under its new name; the review shows the split record forbidding the agent to import
// server code. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import { openGuide, startFrom } from './lib/guide';
import { packagedVsix, workbenchPerTry } from './lib/workbench';

suite('Guide UI: the parts of the product', function () {
  this.timeout(300_000);
  const workbench = workbenchPerTry({ workspace: 'empty', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 } });

  test('each part has a kind and picks the parts it may use; a rename keeps the pick; the record forbids agent → server', async () => {
    const wb = workbench();
    try {
      await openGuide(wb);
      const guide = await startFrom(wb, 'ci-runner', 'view');
      await guide.locator('nav.steps button[data-step-id="split"]').click();
      await guide.locator('h2[data-step-id="split"]').waitFor({ timeout: 20_000 });

      const rows = guide.locator('section[data-field="parts"] .rows > .row');
      assert.equal(await rows.count(), 5);
      // The picks of a part are a group named like every cell: "Part 3 May use".
      const picks = (part: number) => guide.getByRole('group', { name: `Part ${part} May use`, exact: true }).getByRole('checkbox');
      const labels = (part: number) => picks(part).evaluateAll((boxes) => boxes.map((b) => (b as unknown as { labels?: { textContent: string | null }[]; checked: boolean }).labels?.[0]?.textContent?.trim() ?? ''));
      const picked = async (part: number) =>
        (await picks(part).evaluateAll((boxes) => boxes.map((b) => [(b as unknown as { labels?: { textContent: string | null }[]; checked: boolean }).labels?.[0]?.textContent?.trim() ?? '', (b as unknown as { labels?: { textContent: string | null }[]; checked: boolean }).checked] as const))).filter(([, on]) => on).map(([label]) => label);
      // The runner agent (part 3) may use the API server (over its API) and the job protocol.
      assert.deepEqual(await labels(3), ['Web dashboard', 'API server', 'Job protocol', 'CLI']);
      assert.deepEqual(await picked(3), ['API server', 'Job protocol']);
      assert.equal(await guide.getByRole('combobox', { name: 'Part 3 Kind', exact: true }).inputValue(), 'agent');
      await wb.screenshot('guide-split-ci-runner');

      // Rename the job protocol (part 4): the agent and the server still use it, under the new name.
      const name = guide.getByRole('textbox', { name: 'Part 4 Name', exact: true });
      await name.fill('Wire protocol');
      assert.deepEqual(await picked(3), ['API server', 'Wire protocol']);
      assert.deepEqual(await picked(2), ['Wire protocol']);

      // The review shows the split record: the agent may import the renamed protocol, never the server.
      await guide.locator('nav.steps button[data-step-id="review"]').click();
      const split = guide.locator('details.record', { hasText: 'Build the product as 5 parts' });
      await split.waitFor({ timeout: 20_000 });
      await split.locator('summary').click();
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
