// Update Agent Instructions: the architecture section of AGENTS.md is written from the
// decisions, and when a decision changes the extension offers to refresh it, through the
// editor's buffer, so text the user typed and has not saved is kept.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testWorkspace, waitFor, workspaceUri } from '../harness';
import { activated, answer, prompts, readFile, snapshotWorkspace } from './commandsTestHooks';

const INTRO = '# Notes for agents\n\nRun `npm test` before you commit.\n';
const RECORD = 'docs/adr/0003-split-into-five-domain-modules.yaml';

suite('Agent instructions: AGENTS.md from the decisions', () => {
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async () => {
    await activated();
    restore = snapshotWorkspace();
  });
  suiteTeardown(async () => {
    await answer();
    await restore?.();
  });

  test('Update Agent Instructions writes the section after the user\'s text; a changed decision offers a refresh that keeps unsaved typing', async () => {
    fs.writeFileSync(path.join(testWorkspace(), 'AGENTS.md'), INTRO);
    const result = (await vscode.commands.executeCommand('adrift.updateAgentInstructions')) as { written: string[] };
    assert.deepEqual(result.written, ['AGENTS.md']);
    const doc = await vscode.workspace.openTextDocument(workspaceUri('AGENTS.md'));
    await waitFor('the written section', () => doc.getText().includes('<!-- adrift:end architecture -->'));
    assert.ok(doc.getText().startsWith(`${INTRO}\n<!-- adrift:begin architecture -->`));
    assert.match(doc.getText(), /- \*\*ticket\*\* \(`src\/server\/ticket\/\*\*`\): Tickets, assignment, status/);

    // The user types into AGENTS.md and does not save.
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), 'Prefer small commits.\n'));
    assert.ok(doc.isDirty);

    // A decision changes on disk: the extension offers to refresh the section.
    await answer('Update');
    const record = path.join(testWorkspace(), RECORD);
    fs.writeFileSync(record, fs.readFileSync(record, 'utf8').replace('Tickets, assignment, status', 'Tickets and their status'));
    await waitFor('the refresh offer', async () => (await prompts()).asked.some((q) => /architecture section of AGENTS\.md no longer matches/.test(q)), 30_000);
    await waitFor('the refreshed section in the editor', () => doc.getText().includes('Tickets and their status'), 15_000);
    assert.match(doc.getText(), /Prefer small commits\./, 'the unsaved line is kept');
    assert.ok(doc.getText().startsWith('# Notes for agents'));
    await doc.save();
    assert.match(readFile('AGENTS.md'), /Tickets and their status/);

    // Up to date now: the command says so and writes nothing.
    const again = (await vscode.commands.executeCommand('adrift.updateAgentInstructions')) as { written: string[]; upToDate: string[] };
    assert.deepEqual(again, { written: [], upToDate: ['AGENTS.md'], refused: [] });
  });

  test('agent mode finds Adrift\'s tools in vscode.lm.tools, and invoking them answers from the decisions, unsaved editors included', async () => {
    const names = vscode.lm.tools.filter((t) => t.name.startsWith('adrift_')).map((t) => t.name).sort();
    assert.deepEqual(names, ['adrift_check', 'adrift_context', 'adrift_decision', 'adrift_decisions', 'adrift_may_import', 'adrift_propose_decision']);
    const text = (r: vscode.LanguageModelToolResult) => r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    const token = new vscode.CancellationTokenSource().token;

    const context = text(await vscode.lm.invokeTool('adrift_context', { input: { paths: ['src/server/ticket/ticket.service.ts'] }, toolInvocationToken: undefined }, token));
    assert.match(context, /^Module \*\*ticket\*\*/m);

    // An unsaved edit that imports knowledgebase internals: check reads the editor, not the disk.
    const doc = await vscode.workspace.openTextDocument(workspaceUri('src/server/ticket/sla.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "import { searchArticles } from '../knowledgebase/search';\n"));
    const checked = text(await vscode.lm.invokeTool('adrift_check', { input: { files: ['src/server/ticket/sla.ts'] }, toolInvocationToken: undefined }, token));
    assert.match(checked, /src\/server\/ticket\/sla\.ts:1:\d+ error module-dependency: .*\[ADR-0003\]\(docs\/adr\/0003-split-into-five-domain-modules\.yaml\)/);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    const may = text(await vscode.lm.invokeTool('adrift_may_import', { input: { from_path: 'src/server/ticket/sla.ts', package: 'mongoose' }, toolInvocationToken: undefined }, token));
    assert.match(may, /^Not allowed: import 'mongoose';/);

    await assert.rejects(Promise.resolve(vscode.lm.invokeTool('adrift_context', { input: { paths: ['../outside'] }, toolInvocationToken: undefined }, token)), /outside the workspace/);
  });
});
