// The extension activates by itself on a workspace with decision records and contributes
// every command its manifest declares.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { adriftExtension, testWorkspace, waitFor } from './harness';

interface Manifest {
  contributes: { commands: Array<{ command: string }> };
}

suite('Activation', () => {
  test('the workspace copy is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(path.resolve(folders[0]!.uri.fsPath), path.resolve(testWorkspace()));
  });

  test('activates on a workspace with a decisions folder, without being asked', async () => {
    const extension = adriftExtension();
    await waitFor('Adrift to activate through its workspaceContains activation event', () => extension.isActive);
  });

  test('registers every command of its manifest', async () => {
    const extension = adriftExtension();
    await extension.activate();
    const manifest = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as Manifest;
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0, 'the manifest declares commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `commands declared in package.json but not registered: ${missing.join(', ')}`);
  });

  test('keeps its extraction cache in its own storage, never in the user\'s workspace', async () => {
    const extension = adriftExtension();
    await extension.activate();
    const { service } = extension.exports as { service: { folders(): Array<{ scanned: boolean }> } };
    await waitFor('the first workspace scan', () => service.folders().length > 0 && service.folders().every((f) => f.scanned), 120_000);
    const litter = ['.adrift-cache', 'node_modules/.cache/adrift'].filter((p) => fs.existsSync(path.join(testWorkspace(), p)));
    assert.deepEqual(litter, []);
  });
});
