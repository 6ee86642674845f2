// The Decisions view and the status bar on the untouched help desk example.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './harness';
import { activated, decisionsTree, groups, statusBar } from './helpdesk/commandsTestHooks';

suite('Decisions view', () => {
  suiteSetup(activated);

  test('groups the help desk records by status, current ones first', async () => {
    const tree = await waitFor('the Decisions view to list the records', async () => {
      const t = await decisionsTree();
      return t.items.length > 0 ? t : undefined;
    });
    const g = groups(tree.items);
    assert.deepEqual([...g.keys()], ['Accepted', 'Proposed', 'Superseded']);
    assert.equal(g.get('Accepted')?.length, 10);
    assert.deepEqual(g.get('Proposed'), ['0012 Let the ticket module suggest knowledge-base articles']);
    assert.deepEqual(g.get('Superseded'), ['0007 Store message attachments in PostgreSQL']);
    assert.equal(tree.items[0].description, '10', 'a group shows how many records it holds');
  });

  test('each record shows its date, a status icon and the context value the inline actions key on', async () => {
    const tree = await decisionsTree();
    const accepted = tree.items.find((g) => g.label === 'Accepted')?.children ?? [];
    const modules = accepted.find((i) => i.label.startsWith('0003 '));
    assert.equal(modules?.description, '2025-03-12');
    assert.equal(modules?.icon, 'pass');
    assert.equal(modules?.contextValue, 'decision.accepted');
    const superseded = tree.items.find((g) => g.label === 'Superseded')?.children?.[0];
    assert.match(superseded?.description ?? '', /by 0011/);
    assert.equal(superseded?.contextValue, 'decision.superseded');
  });

  test('clicking a record opens it', async () => {
    const tree = await decisionsTree();
    assert.ok(tree.items.length > 0);
    // The item's command is adrift.openDecision with the record's Uri; run it as a click does.
    const file = (await vscode.commands.executeCommand('adrift.openDecision', { id: 3 })) as string;
    assert.equal(file, 'docs/adr/0003-split-into-five-domain-modules.yaml');
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith(file));
  });
});

suite('Status bar', () => {
  suiteSetup(activated);

  test('shows the drift count of the workspace once it is checked', async () => {
    const result = (await vscode.commands.executeCommand('adrift.checkWorkspace')) as { findings: number; errors: number };
    assert.ok(result.findings >= 10, `the help desk has planted drift (found ${result.findings})`);
    const bar = await waitFor('the status bar to show the count', async () => {
      const b = await statusBar();
      return b.text === `$(compass) ${result.findings} drift` ? b : undefined;
    });
    assert.match(bar.tooltip, new RegExp(`${result.errors} errors`));
    assert.match(bar.tooltip, /Click to list them in Problems/);
  });

  test('its click shows Problems without failing, whatever the workbench version', async () => {
    await vscode.commands.executeCommand('adrift.showProblems');
  });
});
