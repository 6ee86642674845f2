// Commands and settings at the workspace level: Markdown export and import (a round trip
// into an empty decisions folder the command offers to create), a decision in a workspace
// without a decisions folder, settings that change the count without a reload, the baseline.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testWorkspace, waitFor } from '../harness';
import { activated, answer, decisionsTree, exists, mapState, readFile, snapshotWorkspace, statusBar } from './commandsTestHooks';

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('adrift').update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function treeLabels(): Promise<string[]> {
  return (await decisionsTree()).items.flatMap((g) => (g.children ?? []).map((c) => c.label));
}

async function total(): Promise<number> {
  const c = (await statusBar()).count;
  return c.errors + c.warnings + c.infos;
}

interface MapGraphState {
  graph?: { edges: { id: string; violations: number }[] };
}

suite('Commands: workspace, Markdown and settings', () => {
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async () => {
    await activated();
    restore = snapshotWorkspace();
  });

  suiteTeardown(async () => {
    await restore?.();
  });

  test('Export Decisions as Markdown writes one MADR file per record', async () => {
    const count = await waitFor('the Decisions view to list the records', async () => (await treeLabels()).length || undefined);
    const result = (await vscode.commands.executeCommand('adrift.exportMarkdown', { out: 'adr-export' })) as { folder: string; files: string[] };
    assert.equal(result.folder, 'adr-export');
    assert.equal(result.files.length, count);
    const md = readFile('adr-export/0003-split-into-five-domain-modules.md');
    assert.match(md, /Split the help desk into five domain modules with owned data/);
    // Exporting again asks before overwriting; declining writes nothing.
    fs.writeFileSync(path.join(testWorkspace(), 'adr-export/0001-record-architecture-decisions.md'), 'edited\n');
    await answer(null);
    assert.equal(await vscode.commands.executeCommand('adrift.exportMarkdown', { out: 'adr-export' }), undefined);
    assert.equal(readFile('adr-export/0001-record-architecture-decisions.md'), 'edited\n');
  });

  test('with no decisions folder, Import Markdown Decisions offers to create it and imports the export back', async () => {
    fs.rmSync(path.join(testWorkspace(), 'adr-export/0001-record-architecture-decisions.md'));
    await setting('decisionsFolder', 'docs/imported');
    await waitFor('the Decisions view to follow the setting to an empty folder', async () => (await treeLabels()).length === 0);
    await answer('Create docs/imported');
    const exported = fs.readdirSync(path.join(testWorkspace(), 'adr-export')).filter((f) => f.endsWith('.md'));
    const files = (await vscode.commands.executeCommand('adrift.importMarkdown', { source: 'adr-export' })) as string[];
    assert.equal(files.length, exported.length);
    assert.ok(files.every((f) => f.startsWith('docs/imported/')));
    assert.ok(exists('docs/imported/0003-split-into-five-domain-modules.yaml'));
    assert.match(readFile('docs/imported/0003-split-into-five-domain-modules.yaml'), /^status: accepted$/m);
    await waitFor('the imported records in the Decisions view', async () => (await treeLabels()).includes('0003 Split the help desk into five domain modules with owned data'));
    // Importing the same export again adds nothing: each record says which file it was imported from.
    const imported = fs.readdirSync(path.join(testWorkspace(), 'docs/imported')).sort();
    assert.deepEqual(await vscode.commands.executeCommand('adrift.importMarkdown', { source: 'adr-export' }), []);
    assert.deepEqual(fs.readdirSync(path.join(testWorkspace(), 'docs/imported')).sort(), imported);
  });

  test('Add Decision Record in a workspace without a decisions folder: declining creates nothing, accepting creates it', async () => {
    await setting('decisionsFolder', 'docs/fresh');
    await waitFor('the Decisions view to be empty', async () => (await treeLabels()).length === 0);
    await answer(null);
    assert.equal(await vscode.commands.executeCommand('adrift.addDecision'), undefined);
    assert.equal(exists('docs/fresh'), false);
    await answer('Create docs/fresh', 'General', 'Adopt trunk-based development');
    assert.equal(await vscode.commands.executeCommand('adrift.addDecision'), 'docs/fresh/0001-adopt-trunk-based-development.yaml');
    await waitFor('the new record in the view', async () => (await treeLabels()).includes('0001 Adopt trunk-based development'));
    await setting('decisionsFolder', undefined);
    await waitFor('the view to return to docs/adr', async () => (await treeLabels()).includes('0003 Split the help desk into five domain modules with owned data'));
  });

  test('severity and exclude settings change the status bar and the map without a reload', async () => {
    await vscode.commands.executeCommand('adrift.checkWorkspace');
    await vscode.commands.executeCommand('adrift.showModuleMap');
    const violationsOf = async (edge: string) => ((await mapState()) as MapGraphState).graph?.edges.find((e) => e.id === edge)?.violations;
    await waitFor('the map to show ticket → knowledgebase violating', async () => (await violationsOf('ticket->knowledgebase')) === 1);
    const before = await total();
    await setting('severity', { 'module-dependency': 'off' });
    const quieter = await waitFor('fewer findings with module-dependency off', async () => {
      const n = await total();
      return n < before ? n : undefined;
    });
    await waitFor('the map to stop flagging ticket → knowledgebase', async () => (await violationsOf('ticket->knowledgebase')) === 0, 5000);
    await setting('severity', undefined);
    const restored = await waitFor('the count to rise again', async () => {
      const n = await total();
      return n > quieter ? n : undefined;
    });
    await waitFor('the map to flag ticket → knowledgebase again', async () => (await violationsOf('ticket->knowledgebase')) === 1, 5000);
    await setting('exclude', ['src/server/ticket/**']);
    await waitFor('fewer findings with the ticket folder excluded', async () => (await total()) < restored);
    await setting('exclude', undefined);
    await waitFor('the count to come back', async () => (await total()) >= restored);
  });

  test('Create Baseline accepts every drift finding with the reason given', async () => {
    const drift = (await statusBar()).count;
    const result = (await vscode.commands.executeCommand('adrift.createBaseline', { reason: 'accepted when adopting Adrift in the test' })) as { file: string; entries: number };
    assert.equal(result.file, '.adrift-baseline.json');
    const baseline = JSON.parse(readFile(result.file)) as { entries: { rule: string; reason: string }[] };
    assert.equal(baseline.entries.length, result.entries);
    assert.equal(result.entries, drift.errors + drift.warnings + drift.infos - drift.records);
    assert.ok(baseline.entries.every((e) => e.reason === 'accepted when adopting Adrift in the test' && !e.rule.startsWith('decision-')));
  });
});
