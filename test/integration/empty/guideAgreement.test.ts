// A workspace freshly written by the Architecture Guide, before any code exists: the editor
// shows the same findings as `adrift check` (the CLI found 14 warnings, the editor none: the
// records' globs were never checked against the workspace's files in the editor).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { templateAnswers } from '../../../src/core/guide/templates';
import { adriftExtension } from '../harness';
import { assertEditorAgreesWithCli } from '../agreement';

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
      params: { answers: templateAnswers('help-desk') },
    });
    assert.ok(write.accepted && write.reply?.ok, JSON.stringify(write));
    await vscode.workspace.saveAll();
    const findings = await assertEditorAgreesWithCli();
    assert.ok(findings.some((f) => f.endsWith(' decision-reference')), `globs of a workspace without code match no file: ${findings.join(', ')}`);
  });
});
