// A workspace freshly written by the Architecture Guide, before any code exists: the editor
// shows the same findings as `adrift check` (the CLI found 14 warnings, the editor none: the
// records' globs were never checked against the workspace's files in the editor). With no
// source file at all no glob is reported; once code exists, globs that match none of it are,
// by both.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { templateAnswers } from '../../../src/core/guide/templates';
import { adriftExtension, testWorkspace } from '../harness';
import { adriftApi, assertEditorAgreesWithCli } from '../agreement';

suite('Editor and CLI agree on an empty workspace the guide just wrote', function () {
  this.timeout(90_000);
  suiteSetup(async () => {
    await adriftExtension().activate();
    await vscode.commands.executeCommand('adrift.openGuide');
  });

  test('the editor publishes the warnings `adrift check` prints for the new records', async () => {
    const write = await vscode.commands.executeCommand<{ accepted: boolean; reply?: { ok: boolean; error?: string } }>('adrift.test.guide.receive', {
      type: 'request',
      requestId: 1,
      method: 'write',
      // Accepted: only records in force have their globs checked against the code.
      params: { answers: templateAnswers('help-desk'), status: 'accepted' },
    });
    assert.ok(write.accepted && write.reply?.ok, JSON.stringify(write));
    await vscode.workspace.saveAll();
    const before = await assertEditorAgreesWithCli();
    assert.ok(!before.some((f) => f.endsWith(' decision-reference')), `no code yet, so no glob is reported as matching no file: ${before.join(', ')}`);

    // The first source file, outside every module: now the records' globs match no code, and both say so.
    fs.mkdirSync(path.join(testWorkspace(), 'scripts'), { recursive: true });
    fs.writeFileSync(path.join(testWorkspace(), 'scripts', 'seed.ts'), 'export const seed = 1;\n');
    await adriftApi().service.scan(adriftApi().service.folders()[0]);
    const after = await assertEditorAgreesWithCli();
    assert.ok(after.some((f) => f.endsWith(' decision-reference')), `globs that match none of the code are reported: ${after.join(', ')}`);
  });
});
