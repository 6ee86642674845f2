// Adopting Adrift on code that exists, in a real workbench: the help desk example with its
// decision records removed. "Discover from code" proposes its modules with their file counts;
// they are kept and added; the dependencies step shows today's imports per pair of modules
// with the files that have most of them (one opened from there); two pairs are allowed and
// the rest baselined with a reason and an expiry; the records and the baseline file are
// written on Finish; and the next check reports exactly what the review page said it would.
// Screenshots go to test-results/screenshots/ (`npm run screenshots` publishes them).

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { acyclicAllowed, discoverModules, edgeStats, scanForAdoption } from '../../src/core/adopt';
import { NodeFileSystem } from '../../src/core/fs/node';
import { proposalFolders, proposalSource } from '../../src/core/guide/adoptionBaseline';
import { repoRoot } from '../harness/paths';
import { assertFieldsNamed, atStep, openGuide, startFrom } from './lib/guide';
import { packagedVsix, workbenchPerTry } from './lib/workbench';

const REASON = 'the API routes go through the server modules once they have public entries';
const EXPIRES = '2027-06-30';

/** What the core says the workspace's code has: the proposals, and today's imports between them (the guide must show exactly these). */
async function fromCode(folder: string) {
  const fsPort = new NodeFileSystem();
  const found = await discoverModules(fsPort, folder);
  const { index } = await scanForAdoption(fsPort, folder, found.proposals, { exclude: [], severity: {}, scanDotFolders: false }, { cache: false });
  const stats = edgeStats(index, found.proposals);
  const breaks = new Set(acyclicAllowed({ stats, otherwise: 'allow' }).cycleBreaks.map((e) => `${e.from} → ${e.to}`));
  return {
    proposals: found.proposals.map((p) => ({ name: p.name, facts: `${proposalFolders(p).join(', ')} · ${p.fileCount} file${p.fileCount === 1 ? '' : 's'} · ${proposalSource(p)}` })),
    pairs: stats.edges.map((e) => ({ from: e.from, to: e.to, imports: e.count, closesCycle: breaks.has(`${e.from} → ${e.to}`) })),
    cycles: stats.cycles,
  };
}

interface CliFinding {
  rule: string;
  file: string;
  line: number;
  fromModule?: string;
  toModule?: string;
}

/** `adrift check --format json` on the folder, as CI would run it. */
function cliCheck(folder: string, ...extra: string[]): CliFinding[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json', '--no-cache', ...extra], { cwd: folder, encoding: 'utf8' });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  return (JSON.parse(out) as { findings: CliFinding[] }).findings;
}

function key(f: { rule: string; file: string; fromModule?: string; toModule?: string }): string {
  return f.fromModule ? `${f.rule} ${f.fromModule} → ${f.toModule} ${f.file}` : `${f.rule} ${f.file}`;
}

function pairItem(guide: FrameLocator, from: string, to: string) {
  return guide.locator(`.pair-today[data-from="${from}"][data-to="${to}"]`);
}

suite('Guide UI: adopting Adrift on the help desk without records', function () {
  this.timeout(400_000);
  const workbench = workbenchPerTry({
    workspace: 'helpdesk',
    extension: { vsix: packagedVsix() },
    viewport: { width: 1440, height: 900 },
    prepare: (folder) => fs.rmSync(path.join(folder, 'docs', 'adr'), { recursive: true, force: true }),
  });

  test('discover the modules, keep them, allow two pairs and baseline the rest; the next check shows exactly what was chosen', async () => {
    const wb = workbench();
    try {
      const code = await fromCode(wb.workspaceFolder);
      // Anchors of the help desk, so a test of nothing cannot pass: its Next.js app folder, the components' use of lib, a cycle in the server.
      assert.ok(code.proposals.some((p) => p.name === 'app' && p.facts === 'src/app · 11 files · folder under src'), JSON.stringify(code.proposals));
      assert.ok(code.pairs.some((p) => p.from === 'components' && p.to === 'lib' && p.imports === 9), JSON.stringify(code.pairs));
      assert.ok(code.cycles.length > 0 && code.pairs.some((p) => p.closesCycle), 'the help desk\'s server modules import each other in a cycle');

      await openGuide(wb);
      // The editor tab, with the side bar closed, has room for the pairs.
      await wb.runCommand('View: Close Primary Side Bar');
      await wb.runCommand('Adrift: Open Architecture Guide in Editor');
      const guide = await startFrom(wb, 'blank', 'panel');
      await atStep(guide, 'product');
      await guide.getByRole('textbox', { name: 'Product', exact: true }).fill('Help desk for SMB support teams');
      const deciders = guide.getByRole('textbox', { name: 'Deciders', exact: true });
      await deciders.fill('tech lead');
      await deciders.press('Enter');

      // ---- Discover from code ----
      await guide.locator('nav.steps button[data-step-id="modules"]').click();
      await atStep(guide, 'modules');
      await guide.locator('#discover').click();
      const proposals = guide.locator('.proposal');
      await proposals.first().waitFor({ timeout: 60_000 });
      const shown = await proposals.evaluateAll((els) => els.map((e) => ({
        name: (e.querySelector('input[type=text]') as unknown as { value: string }).value,
        facts: (e.querySelector('.proposal-facts')?.textContent ?? '').trim(),
      })));
      assert.deepEqual(shown, code.proposals, 'ranked proposals with their folders and file counts');
      assert.equal(await guide.locator('.proposal input[type=checkbox]:checked').count(), code.proposals.length, 'every proposal is kept to begin with');
      // Every control of a proposal is named by its proposal: "Keep Proposal 2", "Proposal 2 Name", "Proposal 2 Merge into".
      const snapshot = await assertFieldsNamed(guide);
      for (let i = 1; i <= code.proposals.length; i++) {
        assert.match(snapshot, new RegExp(`checkbox "Keep Proposal ${i}" \\[checked\\]`), snapshot);
        assert.match(snapshot, new RegExp(`textbox "Proposal ${i} Name"`), snapshot);
        assert.match(snapshot, new RegExp(`combobox "Proposal ${i} Merge into"`), snapshot);
      }
      await wb.screenshot('guide-adopt-discover');

      // Keep them all: they become the modules; nothing is written yet.
      await guide.locator('#add-proposals').click();
      const names = guide.locator('section[data-field="modules"] .rows > .row .cell[data-column="name"] input');
      await names.first().waitFor();
      assert.deepEqual(await names.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value)), code.proposals.map((p) => p.name));
      const folders = guide.locator('section[data-field="modules"] .rows > .row .cell[data-column="folders"] .chips');
      assert.deepEqual(await folders.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim())), code.proposals.map((p) => p.facts.split(' · ')[0]));
      await guide.getByRole('textbox', { name: 'Why these modules?', exact: true }).fill('The folders the code grew into; we tighten one pair at a time.');
      assert.equal(fs.existsSync(path.join(wb.workspaceFolder, 'docs', 'adr')), false, 'nothing is written before Finish');

      // ---- What the code does today ----
      await guide.locator('nav.steps button[data-step-id="dependencies"]').click();
      await atStep(guide, 'dependencies');
      const items = guide.locator('.pair-today');
      await items.first().waitFor({ timeout: 60_000 });
      const pairs = await items.evaluateAll((els) => els.map((e) => ({ from: e.getAttribute('data-from'), to: e.getAttribute('data-to'), imports: Number(/(\d+) imports?/.exec(e.querySelector('.pair-count')?.textContent ?? '')?.[1]), closesCycle: (e.querySelector('.pair-cycle')?.textContent ?? '').includes('lighter direction') })));
      assert.deepEqual(pairs, code.pairs, 'every pair that imports today, most imports first, the cycles marked');
      assert.equal(await guide.locator('.cycles li').count(), code.cycles.length);
      // One action allows every edge that exists today (the lighter direction of a cycle is baselined instead) ...
      await guide.locator('#allow-all').click();
      const choice = (from: string, to: string) => pairItem(guide, from, to).getAttribute('data-choice');
      for (const p of code.pairs) assert.equal(await choice(p.from, p.to), p.closesCycle ? 'baseline' : 'allow', `${p.from} → ${p.to}`);
      // ... then two pairs stay allowed and the rest are baselined, one of them by keyboard: from Allow, the arrow key moves to Baseline.
      const allowed = code.pairs.filter((p) => !p.closesCycle).slice(0, 2);
      const baselined = code.pairs.filter((p) => !allowed.includes(p));
      const byKeyboard = baselined.find((p) => !p.closesCycle)!;
      await pairItem(guide, byKeyboard.from, byKeyboard.to).getByRole('radio', { name: 'Allow' }).focus();
      await wb.page.keyboard.press('ArrowDown');
      assert.equal(await choice(byKeyboard.from, byKeyboard.to), 'baseline', 'baselined by keyboard');
      for (const p of baselined) await pairItem(guide, p.from, p.to).getByRole('radio', { name: 'Baseline' }).check();
      for (const p of code.pairs) assert.equal(await choice(p.from, p.to), allowed.includes(p) ? 'allow' : 'baseline', `${p.from} → ${p.to}`);
      const typedPair = pairItem(guide, byKeyboard.from, byKeyboard.to);
      await typedPair.getByRole('textbox', { name: `Reason for ${byKeyboard.from} → ${byKeyboard.to}` }).fill(REASON);
      await typedPair.getByRole('textbox', { name: `Expiry of ${byKeyboard.from} → ${byKeyboard.to}` }).fill(EXPIRES);
      // An allowed pair is a "may use" tick below: the same answer.
      const mayUse = (from: string, to: string) => guide.getByRole('group', { name: `Modules each module may use: ${from}` }).getByRole('checkbox', { name: to, exact: true }).isChecked();
      assert.equal(await mayUse(allowed[0].from, allowed[0].to), true);
      assert.equal(await mayUse(byKeyboard.from, byKeyboard.to), false, 'a baselined pair is no "may use"');
      const deps = await assertFieldsNamed(guide);
      for (const p of code.pairs) assert.match(deps, new RegExp(`radiogroup "What to do with ${p.from} → ${p.to}"`), deps);
      assert.match(deps, new RegExp(`textbox "Reason for ${byKeyboard.from} → ${byKeyboard.to}"`), deps);
      await guide.locator('section[data-field="baseline"] h3').evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
      await wb.screenshot('guide-adopt-dependencies');
      // The files with most of a pair's imports, each a link that opens the file (beside the guide).
      const libFiles = pairItem(guide, 'components', 'lib').locator('.pair-files .file-link');
      assert.equal(await libFiles.count(), 3, 'the three files with most of the pair\'s imports');
      const first = ((await libFiles.first().textContent()) ?? '').trim();
      await libFiles.first().click();
      const opened = wb.page.locator('.tabs-container .tab.active', { hasText: path.basename(first) }).first();
      await opened.waitFor({ timeout: 20_000 });
      // Closed by its tab's close button: a palette command would act on the guide, which the palette's click focuses.
      await opened.hover();
      await opened.locator('.tab-actions .action-label').first().click();
      await opened.waitFor({ state: 'detached', timeout: 10_000 });

      // ---- Review: the records, the baseline, and what the first check will report ----
      await guide.locator('nav.steps button[data-step-id="review"]').click();
      await guide.getByRole('radio', { name: 'Accepted, in force now' }).check();
      await guide.locator('details.record .record-status', { hasText: 'accepted' }).first().waitFor({ timeout: 30_000 });
      const baselinePreview = guide.locator('details.baseline-preview');
      await baselinePreview.waitFor({ timeout: 30_000 });
      const summary = (await baselinePreview.locator('summary').textContent()) ?? '';
      const planned = Number(new RegExp(`Baseline: (\\d+) imports of ${baselined.length} module pairs accepted for now`).exec(summary)?.[1]);
      assert.ok(planned >= baselined.reduce((n, p) => n + p.imports, 0), summary);
      await baselinePreview.locator('summary').click();
      assert.match((await baselinePreview.locator('.baseline-pairs').textContent()) ?? '', new RegExp(`${byKeyboard.from} → ${byKeyboard.to}: ${byKeyboard.imports} imports?, ${REASON}, until ${EXPIRES}`));
      await baselinePreview.locator('summary').click();
      const forecast = guide.locator('.first-check');
      await forecast.waitFor();
      const predicted = await forecast.locator('.first-check-findings li').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim().split(' — ')[0]));
      // The example suppresses a data-ownership finding inline that only its removed records raised: the comment now suppresses nothing.
      assert.deepEqual(predicted, ['unused-suppression src/server/tenant/usage-report.ts:10'], 'no import is left to flag');
      await guide.locator('h2', { hasText: 'Review and write' }).evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
      await wb.screenshot('guide-adopt-review');

      await guide.locator('#write').click();
      await guide.locator('.success', { hasText: 'Wrote 2 decision records as accepted' }).waitFor({ timeout: 30_000 });
      await guide.locator('.baseline-written', { hasText: `Added ${planned} imports` }).waitFor();

      // ---- On disk: the record allows the two pairs; the baseline holds the baselined pairs' imports ----
      const adr = path.join(wb.workspaceFolder, 'docs', 'adr');
      const records = fs.readdirSync(adr).sort();
      assert.equal(records.length, 2, records.join(', '));
      const boundaries = fs.readFileSync(path.join(adr, records[1]), 'utf8');
      for (const p of allowed) assert.match(boundaries, new RegExp(`\n    ${p.from}:\n(?:      .*\n)*?      uses: \\[[^\\]\n]*\\b${p.to}\\b`), boundaries);
      const baseline = JSON.parse(fs.readFileSync(path.join(wb.workspaceFolder, '.adrift-baseline.json'), 'utf8')) as { entries: { rule: string; file: string; fromModule: string; toModule: string; reason: string; expires?: string }[] };
      assert.equal(baseline.entries.length, planned);
      assert.deepEqual([...new Set(baseline.entries.map((e) => `${e.fromModule} → ${e.toModule}`))].sort(), baselined.map((p) => `${p.from} → ${p.to}`).sort());
      const typed = baseline.entries.filter((e) => e.fromModule === byKeyboard.from && e.toModule === byKeyboard.to);
      assert.ok(typed.length > 0 && typed.every((e) => e.reason === REASON && e.expires === EXPIRES), 'the reason and expiry typed for the pair');

      // ---- The next check: exactly the chosen findings ----
      await wb.runCommand('Adrift: Check Workspace');
      await wb.waitForNotification(/Adrift: \d+ findings?/, 60_000);
      const problems = await wb.problemEntries({ atLeast: 1, timeoutMs: 60_000 });
      const inCode = problems.filter((p) => !p.file.endsWith('.yaml'));
      // The panel names a file by its base name; the forecast says "rule path:line".
      const asPanel = (line: string) => line.replace(/^\S+ (?:.*\/)?([^/]+):(\d+)$/, '$1:$2');
      assert.deepEqual(inCode.map((p) => `${p.file}:${p.line}`), predicted.map(asPanel), problems.map((p) => p.label).join('\n'));
      await wb.screenshot('guide-adopt-check');
      const check = cliCheck(wb.workspaceFolder).filter((f) => !f.rule.startsWith('decision-'));
      assert.deepEqual(check.map((f) => `${key(f)}:${f.line}`), predicted, 'CI reports what the review page said');
      // Without the baseline: the imports of the baselined pairs on top, exactly the entries.
      const all = cliCheck(wb.workspaceFolder, '--no-baseline').filter((f) => !f.rule.startsWith('decision-') && f.rule !== 'unused-suppression');
      assert.deepEqual(all.map(key).sort(), baseline.entries.map((e) => key(e)).sort());
    } catch (error) {
      await wb.failureScreenshot('guide-adopt-failure').catch(() => undefined);
      throw error;
    }
  });
});
