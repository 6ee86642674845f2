// The first thing a user does: open the help desk example with Adrift installed from its
// VSIX, find Adrift in the activity bar, and check the workspace from the palette.

import * as assert from 'node:assert/strict';
import { packagedVsix, Workbench } from './lib/workbench';

suite('Smoke: Adrift installed from the VSIX in a real workbench', () => {
  let workbench: Workbench | undefined;
  let failed = false;

  suiteSetup(async () => {
    workbench = await Workbench.open({ workspace: 'helpdesk', extension: { vsix: packagedVsix() } });
  });

  teardown(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  suiteTeardown(async () => {
    if (failed && workbench) console.log(`[harness] failure screenshot: ${await workbench.failureScreenshot('smoke')}`);
    await workbench?.close(failed);
  });

  test('the Adrift view container is in the activity bar', async () => {
    const sideBar = await workbench!.openViewContainer('Adrift');
    assert.ok(await sideBar.isVisible());
  });

  test('"Adrift: Check Workspace" runs from the palette and reports the drift it found', async () => {
    await workbench!.runCommand('Adrift: Check Workspace');
    const seen = await workbench!.waitForNotification(/Adrift: (no drift|\d+ findings?)/, 30_000);
    assert.ok(seen === 'toast' || seen === 'center');
    await workbench!.screenshot('smoke-check-workspace');
  });

  test('the Decisions view lists the records of the example by status', async () => {
    await workbench!.openViewContainer('Adrift');
    const decisions = await workbench!.view('Decisions');
    await decisions.locator('.monaco-list-row', { hasText: 'Accepted' }).first().waitFor();
  });

  test('the guide webview shows the drift, and its Problems button opens the Problems panel with Adrift findings', async () => {
    await workbench!.openViewContainer('Adrift');
    const guide = workbench!.webview();
    await guide.locator('vscode-tab-header', { hasText: 'Drift' }).click();
    await guide.getByText('Drift at a glance').waitFor();
    await guide.getByText(/\d+ findings? \(\d+ errors?\)/).waitFor();
    await workbench!.screenshot('smoke-guide-drift');
    await guide.locator('#open-problems').click();
    const problems = await workbench!.problemEntries({ atLeast: 1 });
    const adrift = problems.filter((p) => /ADR-\d{4}/.test(p.message));
    assert.ok(adrift.length > 0, `Problems lists findings naming their decision: ${problems.map((p) => p.label).join(' | ')}`);
    assert.ok(adrift.every((p) => p.file !== '' && p.line >= 1 && p.column >= 1));
  });

  test('the workbench page raised no uncaught error from Adrift', () => {
    const ours = workbench!.pageErrors.filter((e) => /adrift/i.test(e));
    assert.deepEqual(ours, []);
  });
});
