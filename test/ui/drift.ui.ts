// The "Drift over time" chart in a real workbench: the help desk example given a short git
// history (a violation copied in, everything baselined, the copy removed), opened from the
// Decisions view's menu on decision 0003, driven by keyboard, read through its accessibility
// tree. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { packagedVsix, Workbench } from './lib/workbench';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

/** Four commits, one day apart: adopt, copy a violating route, baseline everything, remove the copy. */
function giveHistory(folder: string): void {
  let day = 1;
  const git = (...args: string[]): void => {
    const date = `2026-03-0${day}T10:00:00Z`;
    execFileSync('git', args, {
      cwd: folder,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_NAME: 'ui', GIT_AUTHOR_EMAIL: 'ui@example.com', GIT_COMMITTER_NAME: 'ui', GIT_COMMITTER_EMAIL: 'ui@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  };
  const commit = (message: string): void => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    day++;
  };
  git('init', '-q', '-b', 'main');
  commit('Adopt Adrift in the help desk');
  const route = path.join(folder, 'src/app/api/tickets/[ticketId]/route.ts');
  fs.copyFileSync(route, route.replace('route.ts', 'route-v2.ts'));
  commit('Add a second ticket route');
  execFileSync(process.execPath, [CLI, 'baseline', folder, '--reason', 'accepted for the v2 launch'], { stdio: 'ignore' });
  commit('Baseline the drift for the launch');
  fs.rmSync(route.replace('route.ts', 'route-v2.ts'));
  commit('Drop the second route');
}

suite('Drift over time UI: the debt chart of a decision', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await Workbench.open({ workspace: 'helpdesk', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 }, prepare: giveHistory });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  async function chartFrame(wb: Workbench): Promise<FrameLocator> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const frames = await wb.page.locator('iframe.webview.ready').count();
      for (let i = 0; i < frames; i++) {
        const frame = wb.webview(i);
        if ((await frame.locator('svg.chart').count().catch(() => 0)) > 0) return frame;
      }
      await wb.page.waitForTimeout(500);
    }
    const pages: string[] = [];
    for (let i = 0; i < (await wb.page.locator('iframe.webview.ready').count()); i++) pages.push(((await wb.webview(i).locator('body').textContent({ timeout: 2000 }).catch(() => '')) ?? '').slice(0, 300));
    throw new Error(`no webview shows the drift chart; webviews: ${JSON.stringify(pages)}; tabs: ${await wb.page.locator('.tabs-container .tab').allTextContents()}`);
  }

  test('opens from the Decisions view, draws one point per commit, reads out by keyboard, and has a table', async () => {
    const wb = workbench!;
    await wb.openViewContainer('Adrift');
    const view = await wb.view('Decisions');
    const row = view.locator('.monaco-list-row', { hasText: '0003 Split the help desk into five domain modules' }).first();
    await row.waitFor({ timeout: 30_000 });
    // The debt count is on the row once the first scan has finished.
    await view.locator('.monaco-list-row', { hasText: /0003 Split the help desk.* debt/ }).first().waitFor({ timeout: 60_000 });
    // The inline action of an accepted record (the same command is on its context menu).
    await row.hover();
    await row.locator('.action-label[aria-label="Show Drift over Time"]').click();

    const chart = await chartFrame(wb);
    await chart.locator('g.point').nth(3).waitFor({ timeout: 60_000 });
    assert.equal(await chart.locator('g.point').count(), 4);
    assert.equal(await chart.locator('#scope').inputValue(), '3');
    const labels = await chart.locator('g.point').evaluateAll((points) => points.map((p) => p.getAttribute('aria-label') ?? ''));
    const counts = labels.map((l) => /: (\d+) open, (\d+) baselined, (\d+) suppressed$/.exec(l)?.slice(1).map(Number));
    // Copying the route adds open findings; the baseline takes them all; dropping the copy leaves fewer baselined.
    const [adopt, copied, baselined, dropped] = counts as number[][];
    assert.ok(copied[0] > adopt[0], `the copy adds findings: ${labels.join(' | ')}`);
    assert.equal(baselined[0], 0, labels[2]);
    assert.equal(baselined[1], copied[0], labels[2]);
    assert.ok(dropped[1] < baselined[1], labels[3]);
    assert.match(labels[0], /^Commit 1 of 4, 2026-03-01, [0-9a-f]{7} "Adopt Adrift in the help desk": /);

    // Keyboard only: the chart has one tab stop (HEAD); the arrows move between commits.
    await chart.locator('g.point').nth(3).focus();
    await wb.page.keyboard.press('ArrowLeft');
    await chart.locator('#status', { hasText: /^Commit 3 of 4, 2026-03-03/ }).waitFor();
    await wb.page.keyboard.press('Home');
    await chart.locator('#status', { hasText: /^Commit 1 of 4/ }).waitFor();
    assert.equal(await chart.locator('g.point[tabindex="0"]').getAttribute('aria-label'), labels[0]);

    // The accessibility tree names every point and offers the same numbers as a table.
    const tree = await chart.locator('main#chart').ariaSnapshot();
    // (The snapshot escapes the quotes around a commit's subject.)
    for (const label of labels) assert.ok(tree.includes(`img "${label.replace(/"/g, '\\"')}"`), `${label} in\n${tree}`);
    const table = await chart.locator('#table').ariaSnapshot();
    assert.match(table, /table "Debt of ADR-0003 Split the help desk into five domain modules[^"]* over the last 4 commits"/);
    assert.match(table, /row "2026-03-04 [0-9a-f]{7} Drop the second route \d+ \d+ \d+"/);
    await chart.locator('g.point').nth(2).focus();
    await wb.screenshot('drift-over-time');

    // The workspace scope, from the picker.
    await chart.locator('#scope').selectOption('');
    await chart.locator('svg.chart[aria-label^="Debt of the workspace"]').waitFor();
  });
});
