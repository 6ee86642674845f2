// A workspace without decision records is none of Adrift's business: it stays inactive.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { adriftExtension } from '../harness';

suite('Activation on a workspace without decision records', () => {
  test('Adrift is installed but not activated', async () => {
    const extension = adriftExtension();
    // Give workspaceContains activation events time to fire if one (wrongly) matched.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal(extension.isActive, false);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });
});
