// The Architecture Guide in a real workbench, from an empty folder, as a user meets it: once
// per template (help desk, CI/CD runner, AI writing assistant) and once blank. Each run picks
// its template (one by keyboard), walks every step the navigation shows — whatever the flow
// is — asserting on each that every field is announced by its label (Playwright's ARIA
// snapshot), fills the blank one's fields through the UI, writes the records, and checks the
// files on disk lint clean and show in the Decisions view. Screenshots go to
// test-results/screenshots/.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { parseRecord } from '../../src/core/records/parse';
import { repoRoot } from '../harness/paths';
import { assertFieldsNamed, atStep, currentStep, focusedName, guideFrame, openGuide, startFrom, startPage, stepsShown } from './lib/guide';
import { packagedVsix, workbenchPerTry } from './lib/workbench';

function recordFiles(folder: string): string[] {
  const dir = path.join(folder, 'docs', 'adr');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
}

function recordTexts(folder: string): string[] {
  return recordFiles(folder).map((f) => fs.readFileSync(path.join(folder, 'docs', 'adr', f), 'utf8'));
}

export function assertLintClean(folder: string): void {
  for (const name of recordFiles(folder)) {
    const file = `docs/adr/${name}`;
    assert.deepEqual(parseRecord(file, fs.readFileSync(path.join(folder, file), 'utf8')).findings, [], file);
  }
  // The CLI's own lint, as CI would run it: a finding exits non-zero and fails the test.
  execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'lint', folder], { encoding: 'utf8' });
}

/**
 * Answers the fields of the step showing through the UI, generically from what it shows: text
 * by its label, the first option of a choice, one row per table (Add moves focus to the new
 * row's first field), a value per list and per-row list.
 */
async function fillStep(guide: FrameLocator): Promise<void> {
  const sections = guide.locator('.fields section[data-field]');
  for (let i = 0; i < (await sections.count()); i++) {
    const section = sections.nth(i);
    const kind = ((await section.getAttribute('class')) ?? '').split(' ').find((c) => c.startsWith('field-'))?.slice('field-'.length);
    const label = ((await section.locator('h3').first().textContent()) ?? '').replace('*', '').trim();
    // An optional text (the module that alone may import a choice's SDK, say) is left empty, as
    // a user who has no such module would; typed nonsense there is rightly a problem.
    if (kind === 'text') {
      if ((await section.locator('input.input').getAttribute('aria-required')) === 'true') await section.locator('input.input').fill(`${label} for the walk-through product`);
    }
    else if (kind === 'textarea') await section.locator('textarea').fill(`The team picked this for the walk-through product (${label.toLowerCase()})`);
    else if (kind === 'list') {
      await section.locator('input.list-input').fill('architect');
      await section.locator('input.list-input').press('Enter');
    } else if (kind === 'choice') {
      await section.locator('[role=radiogroup] .option').first().locator('label').click();
    } else if (kind === 'table') {
      if ((await section.locator('.rows > .row').count()) > 0) continue;
      await section.locator('.add-row').click();
      const row = section.locator('.rows > .row').last();
      const title = ((await row.locator('.row-title').textContent()) ?? '').trim();
      const firstCell = ((await row.locator('.cell-label').first().textContent()) ?? '').trim();
      assert.equal(await focusedName(guide), `${title} ${firstCell}`, 'Add moves focus to the new row\'s first field');
      const cells = row.locator('.cell');
      for (let c = 0; c < (await cells.count()); c++) {
        const cell = cells.nth(c);
        const column = ((await cell.locator('.cell-label').textContent()) ?? '').trim();
        const cls = (await cell.getAttribute('class')) ?? '';
        // A cell naming a module ("Behind module") is left empty: a bought capability need not sit behind one.
        if (cls.includes('cell-text') && c > 0 && /\bmodule\b/i.test(column)) continue;
        if (cls.includes('cell-text')) await cell.locator('input.input').fill(c === 0 ? `Core${i}` : `${column} of the walk-through product`);
        else if (cls.includes('cell-list')) {
          await cell.locator('input.list-input').fill(`src/core${i}`);
          await cell.locator('input.list-input').press('Enter');
        }
      }
    } else if (kind === 'per-row') {
      const inputs = section.locator('.per-row input.list-input');
      for (let r = 0; r < (await inputs.count()); r++) {
        await inputs.nth(r).fill(`Record${i}`);
        await inputs.nth(r).press('Enter');
      }
    }
  }
}

interface Run {
  template: string;
  /** Pick the template with this many ArrowDown presses from the first, and start it with Tab, Enter. */
  keyboardStart?: number;
  /** Fill every step through the UI (the blank template). */
  fill?: boolean;
  /** At this step, change one answer. */
  change?: { step: string; apply: (guide: FrameLocator) => Promise<void> };
  onDisk?: (texts: string[]) => void;
}

function guideSuite(run: Run): void {
  suite(`Guide UI: ${run.template} from an empty folder`, function () {
    this.timeout(400_000);
    const workbench = workbenchPerTry({ workspace: 'empty', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 } });

    test('pick the template, walk every step shown with every field named, write, see the records lint clean', async () => {
      const wb = workbench();
      const shots = `guide-${run.template}`;
      try {
        await openGuide(wb);
        let guide = await startPage(wb, 'view');
        const radio = guide.locator(`input[type=radio][data-template="${run.template}"]`);
        if (run.keyboardStart !== undefined) {
          // Keyboard only: arrow keys move through the templates, Tab reaches Start, Enter starts.
          await guide.locator('input[type=radio][data-template]').first().focus();
          for (let i = 0; i < run.keyboardStart; i++) await wb.page.keyboard.press('ArrowDown');
          assert.equal(await radio.isChecked(), true, 'the arrow keys picked the template');
          await wb.screenshot(`${shots}-start`);
          await wb.page.keyboard.press('Tab');
          await wb.page.keyboard.press('Enter');
        } else {
          await radio.check();
          await wb.screenshot(`${shots}-start`);
          await guide.locator('#start-template').click();
        }

        // Walk whatever the navigation offers: re-read it on every step, the flow may change with the answers.
        const walked: string[] = [];
        for (let n = 1; n <= 40; n++) {
          const step = await currentStep(guide);
          if (step === 'review') break;
          await atStep(guide, step);
          walked.push(step);
          if (run.fill) await fillStep(guide);
          if (step === run.change?.step) await run.change.apply(guide);
          await assertFieldsNamed(guide);
          await wb.screenshot(`${shots}-step-${n}-${step}`);
          const next = guide.locator('#next');
          if (n === 2) {
            // Keyboard only: focus Next and press Enter.
            await next.focus();
            await wb.page.keyboard.press('Enter');
          } else await next.click();
          await guide.locator(`h2[data-step-id="${step}"]`).waitFor({ state: 'detached' });
        }
        const steps = (await stepsShown(guide)).map((s) => s.id).filter((id) => id !== 'review');
        assert.deepEqual(walked, steps, 'Next walked every step the navigation shows, in order');
        assert.ok(steps.length >= 3, `a flow of steps: ${steps.join(', ')}`);

        // The review lists every record that will be written, each titled in full.
        const records = guide.locator('details.record');
        await records.first().waitFor({ timeout: 30_000 });
        const count = await records.count();
        const writeLabel = ((await guide.locator('#write').textContent()) ?? '').trim();
        assert.equal(writeLabel, `Write ${count} decision${count === 1 ? '' : 's'}`);
        await records.nth(Math.min(2, count - 1)).locator('summary').click();
        await records.nth(Math.min(2, count - 1)).locator('pre').waitFor();
        await wb.screenshot(`${shots}-review`);

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
        await guide.locator('details.record .record-status', { hasText: 'accepted' }).first().waitFor({ timeout: 20_000 });
        assert.equal(await guide.getByRole('radio', { name: 'Accepted, in force now' }).isChecked(), true);
        await guide.locator('.write-status').scrollIntoViewIfNeeded();
        await wb.screenshot(`${shots}-write-status`);
        await guide.locator('#write').click();
        await guide.locator('.success', { hasText: `Wrote ${count} decision record` }).waitFor({ timeout: 30_000 });
        await wb.screenshot(`${shots}-written`);
        const files = recordFiles(wb.workspaceFolder);
        assert.equal(files.length, count, files.join(', '));
        assertLintClean(wb.workspaceFolder);
        run.onDisk?.(recordTexts(wb.workspaceFolder));

        // Each written record is a link that opens it.
        const first = guide.locator('.written .file-link').first();
        const name = ((await first.textContent()) ?? '').trim().split('/').pop() ?? '';
        await first.click();
        await wb.page.locator('.tabs-container .tab.active', { hasText: name.replace(/\.yaml$/, '') }).waitFor({ timeout: 20_000 });

        const decisions = await wb.view('Decisions');
        await decisions.locator('.monaco-list-row', { hasText: /^\s*0001/ }).first().waitFor({ timeout: 30_000 });

        // The overview and drift tabs follow the records just written.
        guide = await guideFrame(wb, 'view');
        await guide.locator('vscode-tab-header[data-tab="overview"]').click();
        await guide.locator('.overview-panel h3', { hasText: 'Evolution' }).waitFor();
        await wb.screenshot(`${shots}-overview`);
        await guide.locator('vscode-tab-header[data-tab="drift"]').click();
        await guide.locator('.drift-panel h2').waitFor();
        await wb.screenshot(`${shots}-drift`);
      } catch (error) {
        await wb.failureScreenshot(`guide-${run.template}-failure`).catch(() => undefined);
        throw error;
      }
    });
  });
}

guideSuite({
  template: 'help-desk',
  change: {
    step: 'decisions',
    apply: async (guide) => {
      // By keyboard: from the template's Postgres queue up to Redis.
      const postgres = guide.locator('section[data-field="queue"] input[type=radio][data-option="postgres-queue"]');
      await postgres.focus();
      await postgres.press('ArrowUp');
      assert.equal(await guide.locator('section[data-field="queue"] input[type=radio][data-option="redis"]').isChecked(), true);
    },
  },
  onDisk: (texts) => {
    const queue = texts.find((t) => /chosen: Redis/.test(t));
    assert.ok(queue, 'a record chose Redis, as changed by keyboard');
    assert.match(queue, /name: pg-boss/, 'the ruled-out Postgres queue packages are forbidden');
  },
});

guideSuite({
  template: 'ci-runner',
  onDisk: (texts) => {
    assert.ok(texts.some((t) => /Managed CI\/CD for teams wanting self-hosted runners/.test(t)), 'the product is the context');
  },
});

guideSuite({
  template: 'writing-assistant',
  keyboardStart: 2,
  change: {
    step: 'product',
    apply: async (guide) => {
      const product = guide.locator('section[data-field="product"] input.input');
      await product.click();
      await product.press('End');
      await product.pressSequentially(' for marketers');
    },
  },
  onDisk: (texts) => {
    assert.ok(texts.some((t) => /Browser extension \+ web app for content generation for marketers/.test(t)), 'the typed product is the context');
    assert.ok(texts.some((t) => /backend\/app\/generation\/\*\*/.test(t)), 'the FastAPI backend modules');
  },
});

guideSuite({
  template: 'blank',
  fill: true,
  onDisk: (texts) => {
    assert.ok(texts.some((t) => /Product for the walk-through product/.test(t)), 'the product typed into the blank guide');
    assert.ok(texts.some((t) => /src\/core\d+\/\*\*/.test(t)), 'a module added through the UI');
  },
});

// Answers that contradict each other are shown before writing, and nothing can be written:
// the CI runner's v1 typed as the seed has it ("local job queue") against the Redis queue.
suite('Guide UI: a contradiction blocks the write', function () {
  this.timeout(300_000);
  const workbench = workbenchPerTry({ workspace: 'empty', extension: { vsix: packagedVsix() }, viewport: { width: 1440, height: 900 } });

  test('the review page lists the conflict under "Resolve before writing" and Write stays disabled', async () => {
    const wb = workbench();
    try {
      await openGuide(wb);
      const guide = await startFrom(wb, 'ci-runner', 'view');
      await guide.locator('nav.steps button[data-step-id="evolution"]').click();
      await atStep(guide, 'evolution');
      // Row 1's "What changes", named by its row and column.
      const v1 = guide.getByRole('textbox', { name: 'Stage 1 What changes', exact: true });
      await v1.fill('Single runner, local job queue');
      await guide.locator('nav.steps button[data-step-id="review"]').click();

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
