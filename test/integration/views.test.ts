// The Decisions view and the status bar on the untouched help desk example.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkWorkspace } from '../../src/core/engine/check';
import { countDebt, debtItems, debtSum } from '../../src/core/debt/debt';
import { NodeFileSystem } from '../../src/core/fs/node';
import { adriftExtension, testWorkspace, waitFor, waitForDiagnostics } from './harness';
import { activated, decisionsTree, groups, snapshotWorkspace, statusBar } from './helpdesk/commandsTestHooks';

suite('Decisions view', () => {
  suiteSetup(activated);

  test('groups the help desk records by status, current ones first', async () => {
    const tree = await waitFor('the Decisions view to list the records', async () => {
      const t = await decisionsTree();
      return t.items.length > 0 ? t : undefined;
    });
    const g = groups(tree.items);
    // Other suites in this extension host may have added proposed records; the example's own are these.
    assert.deepEqual([...g.keys()].slice(0, 2), ['Accepted', 'Proposed']);
    assert.ok([...g.keys()].includes('Superseded'));
    for (const id of ['0001', '0002', '0003', '0004', '0005', '0006', '0008', '0009', '0010', '0011']) {
      assert.ok(g.get('Accepted')?.some((l) => l.startsWith(`${id} `)), `${id} is accepted`);
    }
    assert.ok(g.get('Proposed')?.includes('0012 Let the ticket module suggest knowledge-base articles'));
    assert.ok(g.get('Superseded')?.includes('0007 Store message attachments in PostgreSQL'));
    assert.equal(tree.items[0].description, String(g.get('Accepted')?.length), 'a group shows how many records it holds');
  });

  test('each record shows its date, a status icon and the context value the inline actions key on', async () => {
    const tree = await decisionsTree();
    const accepted = tree.items.find((g) => g.label === 'Accepted')?.children ?? [];
    const modules = accepted.find((i) => i.label.startsWith('0003 '));
    assert.match(modules?.description ?? '', /^2025-03-12( · \d+ debt)?$/);
    assert.equal(modules?.icon, 'pass');
    assert.equal(modules?.contextValue, 'decision.accepted');
    const superseded = tree.items.find((g) => g.label === 'Superseded')?.children?.find((i) => i.label.startsWith('0007 '));
    assert.match(superseded?.description ?? '', /by 0011/);
    assert.equal(superseded?.contextValue, 'decision.superseded');
  });

  test("each accepted decision shows its debt count, the same as the core counts for the folder", async () => {
    await vscode.commands.executeCommand('adrift.checkWorkspace');
    const result = await checkWorkspace(new NodeFileSystem(), testWorkspace().replace(/\\/g, '/'), { cache: false });
    const expected = countDebt(debtItems(result.findings, [], result.index.suppressedFindings())).byDecision;
    const modules = expected.get(3);
    assert.ok(modules && debtSum(modules) >= 5 && modules.suppressions === 1, `the help desk's planted drift breaks 0003 (${JSON.stringify(modules)})`);
    const tree = await waitFor('the Decisions view to show the debt of 0003', async () => {
      const t = await decisionsTree();
      const item = t.items.find((g) => g.label === 'Accepted')?.children?.find((i) => i.label.startsWith('0003 '));
      return item?.description === `2025-03-12 · ${debtSum(modules)} debt` ? t : undefined;
    });
    for (const item of tree.items.find((g) => g.label === 'Accepted')?.children ?? []) {
      const id = Number(item.label.slice(0, 4));
      const count = debtSum(expected.get(id) ?? { findings: 0, baseline: 0, suppressions: 0 });
      assert.equal(/ · (\d+) debt$/.exec(item.description ?? '')?.[1] ?? '0', String(count), `${item.label}: ${item.description ?? ''}`);
    }
  });

  test('a decision over its enforce.budget gets a decision-budget diagnostic at the budget key, gone when the budget is raised', async () => {
    const restore = snapshotWorkspace();
    const record = 'docs/adr/0003-split-into-five-domain-modules.yaml';
    const file = path.join(testWorkspace(), record);
    const original = fs.readFileSync(file, 'utf8');
    const withBudget = (n: number) => original.replace('  undeclared: deny\n', `  undeclared: deny\n  budget: { findings: ${n} }\n`);
    const budget = (d: vscode.Diagnostic) => typeof d.code === 'object' && d.code.value === 'decision-budget';
    try {
      fs.writeFileSync(file, withBudget(1));
      const line = withBudget(1).split('\n').findIndex((l) => l.startsWith('  budget: '));
      const over = await waitForDiagnostics(record, (ds) => ds.some(budget), 30_000);
      const d = over.find(budget)!;
      assert.equal(d.range.start.line, line);
      assert.match(d.message, /^ADR-0003 .* is over its debt budget: \d+ open findings, budget 1$/);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      fs.writeFileSync(file, withBudget(1000));
      await waitForDiagnostics(record, (ds) => !ds.some(budget), 30_000);
    } finally {
      await restore();
    }
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

interface ManifestContributions {
  commands: { command: string }[];
  menus: Record<string, { command: string }[]>;
  snippets: { language: string; path: string }[];
  yamlValidation: { fileMatch: string[]; url: string }[];
  walkthroughs: { id: string; steps: { id: string; media: { markdown?: string }; completionEvents: string[] }[] }[];
  viewsWelcome: { view: string }[];
}

suite('Manifest: menus, walkthrough, snippets and schema', () => {
  const extension = () => adriftExtension();
  const contributes = () => (extension().packageJSON as { contributes: ManifestContributions }).contributes;

  test('every menu entry runs a declared command', () => {
    const declared = new Set(contributes().commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(contributes().menus)) {
      for (const e of entries) assert.ok(declared.has(e.command), `${menu} uses undeclared ${e.command}`);
    }
    assert.ok(contributes().menus['explorer/context'].some((e) => e.command === 'adrift.assignFolder'));
    assert.ok(contributes().menus['view/item/context'].some((e) => e.command === 'adrift.supersede'));
  });

  test('the walkthrough has its four steps, each with its page and a completion event', () => {
    const walkthrough = contributes().walkthroughs.find((w) => w.id === 'adrift.gettingStarted');
    assert.deepEqual(walkthrough?.steps.map((s) => s.id), ['openGuide', 'recordDecision', 'assignFolder', 'seeDrift']);
    for (const step of walkthrough?.steps ?? []) {
      assert.ok(step.media.markdown && fs.existsSync(path.join(extension().extensionPath, step.media.markdown)), `${step.id}: page ${step.media.markdown} exists`);
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on something the user does`);
    }
  });

  test('the record schema and the snippets ship where the manifest points', () => {
    const root = extension().extensionPath;
    for (const v of contributes().yamlValidation) {
      const schema = JSON.parse(fs.readFileSync(path.join(root, v.url), 'utf8')) as { $schema?: string };
      assert.match(schema.$schema ?? '', /2020-12/);
      assert.ok(v.fileMatch.includes('docs/adr/*.yaml'));
    }
    for (const s of contributes().snippets) {
      assert.equal(s.language, 'yaml');
      const snippets = JSON.parse(fs.readFileSync(path.join(root, s.path), 'utf8')) as Record<string, { prefix: string | string[] }>;
      assert.ok(Object.keys(snippets).length >= 4, 'record, module, option and enforce snippets');
    }
  });

  test('the YAML snippets are offered as completions in a record', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'adr-' });
    await vscode.window.showTextDocument(doc);
    const labels = await waitFor('the snippets to be offered', async () => {
      const list = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 4))) as vscode.CompletionList;
      const names = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return names.some((n) => n.startsWith('adr-record')) ? names : undefined;
    });
    assert.ok(labels.some((n) => n.startsWith('adr-module')));
    // Revert first: closing an unsaved editor would ask whether to save it.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
