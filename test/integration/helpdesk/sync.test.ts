// Adrift: Sync Boundaries with the Code on the help desk: a new proposed record opens for
// review, and no accepted record changes by a byte.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testWorkspace } from '../harness';
import { activated, nextRecordId, pad, readFile, recordFiles, snapshotWorkspace } from './commandsTestHooks';

suite('Sync Boundaries with the Code', () => {
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async () => {
    await activated();
    restore = snapshotWorkspace();
  });

  suiteTeardown(async () => {
    await restore?.();
  });

  test('writes a proposed record that allows the new edges and supersedes the records with unused allowances; accepted records stay as they were', async () => {
    const before = new Map(recordFiles().map((f) => [f, fs.readFileSync(path.join(testWorkspace(), 'docs/adr', f))]));
    const id = nextRecordId();
    const result = (await vscode.commands.executeCommand('adrift.sync')) as { file: string; newEdges: number; unused: number } | undefined;
    assert.ok(result, 'the command wrote nothing');
    assert.equal(result.file, `docs/adr/${pad(id)}-sync-the-module-boundaries-with-the-code.yaml`);
    const text = readFile(result.file);
    assert.match(text, /^status: proposed$/m);
    // ticket imports knowledgebase although no accepted decision allows it (the help desk's deliberate drift).
    assert.match(text, /ticket → knowledgebase \(1 import, most in src\/server\/ticket\/suggestions\.ts\)/);
    assert.match(text, /supersedes:\n {2}- 3\n/);
    assert.ok(result.newEdges >= 1 && result.unused >= 1, JSON.stringify(result));
    for (const [file, bytes] of before) assert.ok(fs.readFileSync(path.join(testWorkspace(), 'docs/adr', file)).equals(bytes), `${file} changed`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(testWorkspace(), result.file));
  });
});
