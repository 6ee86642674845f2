// The module map webview in the real extension host: it resolves, draws the help desk's
// modules, answers an edge click with that edge's imports, and exports an SVG.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testWorkspace, waitFor } from './harness';
import { activated, answer, mapState, type RenderedState } from './helpdesk/commandsTestHooks';

suite('Module map', () => {
  suiteSetup(async () => {
    await activated();
    // The map shows actual edges once the workspace was scanned.
    await vscode.commands.executeCommand('adrift.checkWorkspace');
  });

  test('opens as a webview and draws every module of the accepted decisions', async () => {
    assert.equal(await vscode.commands.executeCommand('adrift.showModuleMap'), true);
    const state = await waitFor('the map webview to report its first drawing', async () => (await mapState()).rendered, 30_000);
    const graph = ((await mapState()) as { graph?: { modules: { name: string }[] } }).graph;
    const names = graph?.modules.map((m) => m.name) ?? [];
    for (const name of ['platform', 'tenant', 'user', 'ticket', 'conversation', 'knowledgebase', 'web']) assert.ok(names.includes(name), `module ${name} drawn`);
    assert.equal(state.modules, names.length, 'the webview drew every module the host sent');
    assert.ok(state.edges >= 12, `allowed and actual edges (drew ${state.edges})`);
  });

  test('an edge click lists the imports along it (webview → host → webview round trip)', async () => {
    const state = (await vscode.commands.executeCommand('adrift.test.mapSelectEdge', 'ticket->knowledgebase')) as RenderedState;
    assert.equal(state.selectedEdge, 'ticket->knowledgebase');
    assert.equal(state.listedImports, 1, 'src/server/ticket/suggestions.ts imports the knowledge base');
    const allowed = (await vscode.commands.executeCommand('adrift.test.mapSelectEdge', 'user->tenant')) as RenderedState;
    assert.ok(allowed.listedImports >= 1);
  });

  test('exports the drawing as a standalone SVG file', async () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'adrift-map-')), 'helpdesk-modules.svg');
    await answer(target);
    const outcome = (await vscode.commands.executeCommand('adrift.exportModuleMap')) as { saved: boolean };
    assert.equal(outcome.saved, true);
    const svg = fs.readFileSync(target, 'utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg/);
    for (const name of ['platform', 'tenant', 'user', 'ticket', 'conversation', 'knowledgebase', 'web']) assert.ok(svg.includes(`>${name}<`), `module ${name} drawn`);
    assert.ok(!svg.includes('var(--vscode'), 'theme variables resolved to colours');
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  });

  test('Export SVG works while the map tab is in the background', async () => {
    // Seen: the command did nothing; a hidden webview has no page to answer the request.
    await vscode.commands.executeCommand('adrift.showModuleMap');
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(testWorkspace(), 'package.json')), { preview: false, viewColumn: vscode.ViewColumn.Active });
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.activeTab?.label.startsWith('Module Map')), 'the map is in the background');
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'adrift-map-')), 'background.svg');
    await answer(target);
    const outcome = (await vscode.commands.executeCommand('adrift.exportModuleMap')) as { saved: boolean; message?: string };
    assert.equal(outcome.saved, true, outcome.message);
    assert.match(fs.readFileSync(target, 'utf8'), />ticket</);
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  });
});
