// Files VS Code itself writes (a workspace edit, the explorer, a refactoring, another
// extension) are taken from its file-operation events, not only from the disk watcher. In
// one CI run the watcher never reported a record a workspace edit had created, and the model
// stayed without it for 30 s. Here the watcher is told to ignore the decisions folder, as a
// user's `files.watcherExclude` may, and a record written by a workspace edit still counts
// at once; its deletion too.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdriftApi } from '../../src/extension/extension';
import { scannedAdrift, waitFor, waitForDiagnostics, workspaceUri } from './harness';

const RECORD = 'docs/adr/0013-s3-only-behind-conversation.yaml';
const IMAGES = 'src/server/knowledgebase/article-images.ts';
const CONFINED = (ds: readonly vscode.Diagnostic[]) => ds.some((d) => d.source === 'Adrift' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'confined-package');

suite('Files VS Code writes itself', function () {
  this.timeout(90_000);
  let api: AdriftApi;

  suiteSetup(async () => {
    api = await scannedAdrift();
    await vscode.workspace.getConfiguration('files').update('watcherExclude', { '**/docs/adr/**': true }, vscode.ConfigurationTarget.Workspace);
    // The watchers restart with the new exclusions.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  });

  test('a record created and deleted by a workspace edit counts at once, even where the disk watcher does not look', async () => {
    const create = new vscode.WorkspaceEdit();
    create.createFile(workspaceUri(IMAGES), { contents: new TextEncoder().encode("import { S3Client } from '@aws-sdk/client-s3';\n\nexport const s3 = new S3Client({});\n") });
    assert.ok(await vscode.workspace.applyEdit(create), 'the source file is written');
    const folder = workspaceUri('src/server/knowledgebase');
    await waitFor('the index to hold the new file', () => api.service.filesUnder(folder).some((u) => u.path.endsWith(IMAGES)), 15_000);
    assert.ok(!CONFINED(vscode.languages.getDiagnostics(workspaceUri(IMAGES))), 'no decision confines the SDK yet');

    const record = new vscode.WorkspaceEdit();
    record.createFile(workspaceUri(RECORD), {
      contents: new TextEncoder().encode(
        'id: 13\ntitle: Only the conversation module talks to S3\nstatus: accepted\ndate: 2026-11-30\nkind: technology\narea: file storage\ndecision:\n  chosen: One module owns the bucket\nenforce:\n  packages:\n    only_in:\n      "@aws-sdk": [conversation]\n',
      ),
    });
    assert.ok(await vscode.workspace.applyEdit(record), 'the record is written');
    const [d] = (await waitForDiagnostics(IMAGES, CONFINED, 15_000)).filter((x) => x.source === 'Adrift');
    assert.match(d.message, /ADR-0013 "Only the conversation module talks to S3"/);

    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(workspaceUri(RECORD));
    assert.ok(await vscode.workspace.applyEdit(remove), 'the record is deleted');
    await waitForDiagnostics(IMAGES, (ds) => !CONFINED(ds), 15_000);
  });

  // A guard rather than a reproduction: here the disk watcher's echo usually lands inside the
  // same 300 ms batch, where it was always merged; on a loaded machine it came after the batch.
  test('a settings file VS Code creates rebuilds the index once, not again when the disk watcher echoes it', async () => {
    const service = api.service;
    let scans = 0;
    const scan = service.scan.bind(service);
    service.scan = (...args: Parameters<typeof scan>) => {
      scans++;
      return scan(...args);
    };
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(workspaceUri('tools/lint/package.json'), { contents: new TextEncoder().encode('{ "name": "@helpdesk/lint", "private": true }\n') });
      assert.ok(await vscode.workspace.applyEdit(edit), 'the package.json is written');
      await waitFor('a rescan', () => scans > 0, 15_000);
      // Long enough for the disk watcher's echo (batched after 300 ms of quiet) and a second rescan.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      assert.equal(scans, 1);
    } finally {
      service.scan = scan;
    }
  });
});
