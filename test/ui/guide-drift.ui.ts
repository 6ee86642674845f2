// The guide's Drift and Overview tabs on the help desk example (which has decisions and
// deliberate drift), in the high-contrast theme: findings per module pair, the link to the
// module map, and the overview of the accepted records. Screenshots go to test-results/screenshots/.

import { guideFrame } from './lib/guide';
import { packagedVsix, Workbench } from './lib/workbench';

suite('Guide UI: drift per module pair and the overview, high contrast', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await Workbench.open({
      workspace: 'helpdesk',
      extension: { vsix: packagedVsix() },
      viewport: { width: 1440, height: 900 },
      settings: { 'workbench.colorTheme': 'Default High Contrast' },
    });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the Drift tab counts findings per module pair and opens the module map', async () => {
    const wb = workbench!;
    await wb.openViewContainer('Adrift');
    await wb.view('Architecture Guide');
    const decisions = wb.page.locator('.part.sidebar .pane-header', { hasText: 'Decisions' }).first();
    if ((await decisions.getAttribute('aria-expanded').catch(() => null)) === 'true') await decisions.click();
    const guide = await guideFrame(wb);
    await guide.locator('vscode-tab-header[data-tab="drift"]').click();
    // The example's planted drift: the ticket module reaches into the knowledge base.
    await guide.locator('table.pairs tr', { hasText: 'ticket' }).filter({ hasText: 'knowledgebase' }).first().waitFor({ timeout: 60_000 });
    await wb.screenshot('guide-drift-per-module-pair-high-contrast');
    await guide.locator('#open-map').click();
    await wb.page.locator('.tabs-container .tab', { hasText: /Module Map/i }).first().waitFor({ timeout: 30_000 });
  });

  test('the Overview tab shows the architecture from the accepted records', async () => {
    const wb = workbench!;
    await wb.openViewContainer('Adrift');
    const guide = await guideFrame(wb);
    await guide.locator('vscode-tab-header[data-tab="overview"]').click();
    await guide.locator('.overview-panel li', { hasText: 'knowledgebase' }).first().waitFor();
    await guide.locator('.overview-panel', { hasText: 'File Storage' }).waitFor();
    await wb.screenshot('guide-overview-high-contrast');
  });
});
