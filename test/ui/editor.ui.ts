// Drift in a real workbench, as a user meets it: a violating import of the help desk example
// is squiggled and listed in the Problems panel, and the "propose a decision" quick fix
// writes a proposed record and opens it. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packagedVsix, workbenchPerTry } from './lib/workbench';

suite('Editor UI: drift in the workbench', function () {
  this.timeout(240_000);
  const workbench = workbenchPerTry({ workspace: 'helpdesk', extension: { vsix: packagedVsix() } });

  test('a violating import is squiggled, listed in Problems, and "propose a decision" opens the new record', async () => {
    const wb = workbench();
    await wb.openFile('src/server/ticket/ticket.service.ts');
    const squiggles = await wb.squiggles('error');
    assert.ok((await squiggles.count()) > 0, 'the violating import is squiggled');
    const hover = await wb.hoverSquiggle('error');
    assert.match(hover, /ticket/);
    await wb.screenshot('editor-drift-hover');

    const problems = await wb.problems({ atLeast: 1 });
    const entry = problems.find((p) => p.includes('"ticket"') && p.includes('"conversation"'));
    assert.ok(entry, `a Problems entry names the module pair: ${problems.join(' | ')}`);
    await wb.screenshot('editor-drift-problems');

    // Put the cursor on the import and open the quick fixes, as with Ctrl+. in the editor
    // (reopening the file focuses its editor; the hover and Problems panel are left alone).
    const page = wb.page;
    await page.keyboard.press('Escape');
    await wb.openFile('src/server/ticket/ticket.service.ts');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('3:40');
    await page.keyboard.press('Enter');
    const propose = page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row', { hasText: 'Propose a decision that lets ticket use conversation' }).first();
    // The first request can race the TypeScript server starting up; ask again like a user would.
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await propose.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 5) {
          await wb.screenshot('editor-quick-fixes-missing');
          throw error;
        }
        await page.keyboard.press('Escape');
        await page.waitForTimeout(2_000);
      }
    }
    await wb.screenshot('editor-quick-fixes');
    await propose.click({ force: true });

    const tab = page.locator('.tabs-container .tab.active', { hasText: /let-ticket-use-conversation\.yaml/ });
    await tab.waitFor({ timeout: 20_000 });
    const created = fs.readdirSync(path.join(wb.workspaceFolder, 'docs', 'adr')).find((f) => f.endsWith('let-ticket-use-conversation.yaml'));
    assert.ok(created, 'the proposed record is on disk');
    assert.match(fs.readFileSync(path.join(wb.workspaceFolder, 'docs', 'adr', created), 'utf8'), /^status: proposed$/m);
    await wb.screenshot('editor-proposed-record');
  });
});
