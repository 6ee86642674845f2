// The Architecture Guide in a real workbench, from an empty folder, as a user meets it:
// pick a template, step through every step (one by keyboard), change an answer, reload the
// window mid-flow and find every answer kept, write the decisions, see the files on disk
// lint clean and in the Decisions view. Once for the help desk, once for the AI writing
// assistant with its Python/FastAPI backend modules. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { parseRecord } from '../../src/core/records/parse';
import { ARCHITECTURE_FLOW } from '../../src/core/guide/flow';
import { repoRoot } from '../harness/paths';
import { guideFrame } from './lib/guide';
import { packagedVsix, Workbench } from './lib/workbench';

const STEPS = ARCHITECTURE_FLOW.steps.map((s) => s.id);

async function openGuide(wb: Workbench): Promise<FrameLocator> {
  // A click that lands while the window restores its side bar toggles it closed: try again.
  await wb.openViewContainer('Adrift').catch(() => wb.openViewContainer('Adrift'));
  await wb.view('Architecture Guide');
  // Collapse the Decisions view while answering, so the guide (and its screenshots) get the room.
  const decisions = wb.page.locator('.part.sidebar .pane-header', { hasText: 'Decisions' }).first();
  if ((await decisions.getAttribute('aria-expanded').catch(() => null)) === 'true') await decisions.click();
  return guideFrame(wb);
}

async function atStep(guide: FrameLocator, id: string): Promise<void> {
  await guide.locator(`h2[data-step-id="${id}"]`).waitFor({ timeout: 20_000 });
}

async function reloadWindow(wb: Workbench): Promise<FrameLocator> {
  await wb.runCommand('Developer: Reload Window');
  await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The window restores the open side bar by itself; clicking the activity bar before that
  // would toggle it closed again.
  await wb.activityBarItem('Adrift').waitFor({ timeout: 60_000 });
  await wb.page.locator('.part.sidebar .composite.title', { hasText: 'Adrift' }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  return openGuide(wb);
}

function recordFiles(folder: string): string[] {
  const dir = path.join(folder, 'docs', 'adr');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
}

function assertLintClean(folder: string): void {
  for (const name of recordFiles(folder)) {
    const file = `docs/adr/${name}`;
    assert.deepEqual(parseRecord(file, fs.readFileSync(path.join(folder, file), 'utf8')).findings, [], file);
  }
  // The CLI's own lint, as CI would run it.
  execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'lint', folder], { encoding: 'utf8' });
}

interface Run {
  template: string;
  shots: string;
  /** Pick the template with this many ArrowDown presses and start it with Tab, Enter. */
  keyboardStart?: number;
  /** At this step, change one answer; return how to check it was kept. */
  change: { step: string; apply: (guide: FrameLocator) => Promise<void>; kept: (guide: FrameLocator) => Promise<void> };
  /** Reload the window when this step is showing. */
  reloadAt: string;
  expectFiles: RegExp[];
  onDisk: (folder: string) => void;
}

function guideSuite(run: Run): void {
  suite(`Guide UI: ${run.template} from an empty folder`, function () {
    this.timeout(400_000);
    let workbench: Workbench | undefined;

    suiteSetup(async () => {
      workbench = await Workbench.open({ workspace: 'empty', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 } });
    });

    suiteTeardown(async () => {
      await workbench?.close();
    });

    test('pick the template, step through, change an answer, reload, write, see the records', async () => {
      const wb = workbench!;
      try {
        let guide = await openGuide(wb);
        if (run.keyboardStart) {
          // Keyboard only: arrow keys move through the templates, Tab reaches Start, Enter starts.
          await guide.locator('vscode-radio[data-template]').first().focus();
          for (let i = 0; i < run.keyboardStart; i++) await wb.page.keyboard.press('ArrowDown');
          const picked = await guide.locator(`vscode-radio[data-template="${run.template}"]`).evaluate((el) => (el as unknown as { checked: boolean }).checked);
          assert.equal(picked, true, 'the arrow keys picked the template');
          if (run.shots) await wb.screenshot(`${run.shots}-start`);
          await wb.page.keyboard.press('Tab');
          await wb.page.keyboard.press('Enter');
        } else {
          await guide.locator(`vscode-radio[data-template="${run.template}"]`).click();
          if (run.shots) await wb.screenshot(`${run.shots}-start`);
          await guide.locator('#start-template').click();
        }

        for (const [i, step] of STEPS.entries()) {
          await atStep(guide, step);
          if (step === run.change.step) await run.change.apply(guide);
          if (step === run.reloadAt) {
            guide = await reloadWindow(wb);
            await atStep(guide, step);
          }
          if (run.shots) await wb.screenshot(`${run.shots}-step-${i + 1}-${step}`);
          const next = guide.locator('#next');
          if (i === 1) {
            // Keyboard only: focus Next and press Enter.
            await next.focus();
            await wb.page.keyboard.press('Enter');
          } else {
            await next.click();
          }
        }

        // The review lists every record that will be written; go back to check the changed answer survived the reload.
        await guide.locator('vscode-collapsible.record').first().waitFor({ timeout: 20_000 });
        await guide.locator(`.step-nav button[data-step="${STEPS.indexOf(run.change.step)}"]`).click();
        await atStep(guide, run.change.step);
        await run.change.kept(guide);
        await guide.locator(`.step-nav button[data-step="${STEPS.length}"]`).click();

        const records = guide.locator('vscode-collapsible.record');
        await records.first().waitFor({ timeout: 20_000 });
        assert.equal(await records.count(), 10);
        // Open one record to show the YAML that will be written.
        await records.nth(2).click();
        await guide.locator('vscode-collapsible.record pre').nth(2).waitFor();
        if (run.shots) await wb.screenshot(`${run.shots}-review`);

        // Proposed is the default; these records go in force at once, chosen in a real radio group
        // (by keyboard for one template: arrow down from Proposed).
        const statusGroup = guide.getByRole('group', { name: 'Write the records as' });
        assert.equal(await statusGroup.getByRole('radio', { name: 'Proposed, for review' }).isChecked(), true, 'proposed is the default');
        if (run.keyboardStart) {
          await statusGroup.getByRole('radio', { name: 'Proposed, for review' }).focus();
          await wb.page.keyboard.press('ArrowDown');
        } else {
          await statusGroup.getByRole('radio', { name: 'Accepted, in force now' }).check();
        }
        await guide.locator('vscode-collapsible.record[description="accepted"]').first().waitFor({ timeout: 20_000 });
        assert.equal(await guide.getByRole('radio', { name: 'Accepted, in force now' }).isChecked(), true);
        await guide.locator('.write-status').scrollIntoViewIfNeeded();
        if (run.shots) await wb.screenshot(`${run.shots}-write-status`);
        await guide.locator('#write').click();
        await guide.locator('.success', { hasText: 'Wrote 10 decision records as accepted' }).waitFor({ timeout: 30_000 });
        if (run.shots) await wb.screenshot(`${run.shots}-written`);
        // Each written record is a link that opens it.
        const first = guide.locator('.written .file-link').first();
        const name = ((await first.textContent()) ?? '').trim().split('/').pop() ?? '';
        await first.click();
        await wb.page.locator('.tabs-container .tab.active', { hasText: name.replace(/\.yaml$/, '') }).waitFor({ timeout: 20_000 });
        guide = await guideFrame(wb);

        const files = recordFiles(wb.workspaceFolder);
        assert.equal(files.length, 10, files.join(', '));
        for (const pattern of run.expectFiles) assert.ok(files.some((f) => pattern.test(f)), `${pattern} in ${files.join(', ')}`);
        assertLintClean(wb.workspaceFolder);
        run.onDisk(wb.workspaceFolder);

        const decisions = await wb.view('Decisions');
        await decisions.locator('.monaco-list-row', { hasText: /0003 Split the product into/ }).first().waitFor({ timeout: 30_000 });

        // The overview tab follows the accepted records just written.
        guide = await guideFrame(wb);
        await guide.locator('vscode-tab-header[data-tab="overview"]').click();
        await guide.locator('.overview-panel h3', { hasText: 'Evolution' }).waitFor();
        await guide.locator('.overview-panel', { hasText: 'v3' }).waitFor();
        if (run.shots) await wb.screenshot(`${run.shots}-overview`);
        await guide.locator('vscode-tab-header[data-tab="drift"]').click();
        await guide.locator('.drift-panel h2').waitFor();
        if (run.shots) await wb.screenshot(`${run.shots}-drift`);
      } catch (error) {
        await wb.failureScreenshot(`guide-${run.template}-failure`).catch(() => undefined);
        await wb.close(true).catch(() => undefined);
        workbench = undefined;
        throw error;
      }
    });
  });
}

guideSuite({
  template: 'help-desk',
  shots: 'guide-help-desk',
  change: {
    step: 'decisions',
    apply: async (guide) => {
      // By keyboard: from the template's Postgres queue up to Redis.
      const postgres = guide.locator('section[data-field="queue"] vscode-radio[data-option="postgres-queue"]');
      await postgres.focus();
      await postgres.press('ArrowUp');
    },
    kept: async (guide) => {
      const checked = await guide.locator('section[data-field="queue"] vscode-radio[data-option="redis"]').evaluate((el) => (el as unknown as { checked: boolean }).checked);
      assert.equal(checked, true, 'the changed queue answer is still chosen after the reload');
    },
  },
  reloadAt: 'build-vs-buy',
  expectFiles: [/^0001-record-architecture-decisions/, /^0006-queue-redis/, /^0010-evolve-in-stages/],
  onDisk: (folder) => {
    const queue = fs.readFileSync(path.join(folder, 'docs', 'adr', recordFiles(folder).find((f) => f.startsWith('0006'))!), 'utf8');
    assert.match(queue, /chosen: Redis/);
    assert.match(queue, /name: pg-boss/, 'the ruled-out Postgres queue packages are forbidden');
  },
});

guideSuite({
  template: 'writing-assistant',
  shots: 'guide-writing-assistant',
  keyboardStart: 2,
  change: {
    step: 'product',
    apply: async (guide) => {
      const product = guide.locator('section[data-field="product"] vscode-textfield');
      await product.click();
      await guide.locator('section[data-field="product"] vscode-textfield').press('End');
      await guide.locator('section[data-field="product"] vscode-textfield').pressSequentially(' for marketers');
    },
    kept: async (guide) => {
      const value = await guide.locator('section[data-field="product"] vscode-textfield').evaluate((el) => (el as unknown as { value: string }).value);
      assert.equal(value, 'Browser extension + web app for content generation for marketers');
    },
  },
  reloadAt: 'split',
  expectFiles: [/^0003-split-the-product-into-4-domain-modules/, /^0008-auth-managed-auth-provider/],
  onDisk: (folder) => {
    const modules = fs.readFileSync(path.join(folder, 'docs', 'adr', recordFiles(folder).find((f) => f.startsWith('0003'))!), 'utf8');
    for (const m of ['user', 'content', 'generation', 'billing']) assert.match(modules, new RegExp(`paths: \\[ backend/app/${m}/\\*\\* \\]`));
    assert.match(modules, /context: "?Browser extension \+ web app for content generation for marketers\. It has 4 areas of responsibility/);
  },
});

// Answers that contradict each other are shown before writing, and nothing can be written:
// the CI runner's v1 typed as the seed has it ("local job queue") against the Redis queue.
suite('Guide UI: a contradiction blocks the write', function () {
  this.timeout(300_000);
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await Workbench.open({ workspace: 'empty', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 } });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the review page lists the conflict under "Resolve before writing" and Write stays disabled', async () => {
    const wb = workbench!;
    try {
      const guide = await openGuide(wb);
      await guide.locator('vscode-radio[data-template="ci-runner"]').click();
      await guide.locator('#start-template').click();
      await guide.locator(`.step-nav button[data-step="${STEPS.indexOf('evolution')}"]`).click();
      await atStep(guide, 'evolution');
      // Row 1's "What changes" (stage, what changes, trigger per row).
      const v1 = guide.locator('section[data-field="evolution"] vscode-textfield').nth(1);
      await v1.click();
      await v1.press('ControlOrMeta+a');
      await v1.pressSequentially('Single runner, local job queue');
      await guide.locator(`.step-nav button[data-step="${STEPS.length}"]`).click();

      const conflict = guide.locator('.problems-conflict');
      await conflict.waitFor({ timeout: 20_000 });
      assert.match((await conflict.textContent()) ?? '', /Resolve before writing.*v1 says "local job queue".*the queue decision is Redis/s);
      await conflict.scrollIntoViewIfNeeded();
      await wb.screenshot('guide-conflict-review');
      assert.equal(await guide.locator('#write').getAttribute('disabled'), '', 'Write is disabled while answers conflict');
      assert.deepEqual(recordFiles(wb.workspaceFolder), []);
    } catch (error) {
      await wb.failureScreenshot('guide-conflict-failure').catch(() => undefined);
      throw error;
    }
  });
});
