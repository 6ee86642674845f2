// An import saved while the first workspace scan runs is flagged once the scan ends, with no
// further edit (issue 17, item 25). Before, the one-file re-check during the scan had no
// resolver yet, and the scan then overwrote the file's result with the text it had read from
// disk earlier; only unsaved files were re-checked afterwards, so with autosave the violation
// stayed hidden until the file was edited again.
//
// The workspace starts empty (Adrift stays inactive); the suite copies the help desk example
// into it and generates thousands of files, so that the first scan, started by activating
// Adrift, runs long enough to save a file in the middle of it (20,000 were too few once the
// extraction moved to a worker thread: on an idle machine the scan ended before the re-check).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { adriftExtension, testWorkspace, waitFor, waitForDiagnostics, workspaceUri } from '../harness';
import { adriftApi } from '../agreement';

const GENERATED = 40000;
/** Read in the scan's first chunk (sorted paths; the generated files come after it). */
const EDITED = 'src/server/conversation/attachments.ts';
const VIOLATION = "import { searchArticles } from '@/server/knowledgebase';\n";

function generate(root: string): void {
  fs.cpSync(path.join(adriftExtension().extensionPath, 'examples', 'helpdesk'), root, { recursive: true });
  const dir = path.join(root, 'src', 'server', 'tenant', 'generated');
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < GENERATED; i++) {
    const body = Array.from({ length: 40 }, (_, k) => `export const value${k} = limits(${i}, ${k});`).join('\n');
    fs.writeFileSync(path.join(dir, `plan-${String(i).padStart(5, '0')}.ts`), `import { db } from '@/server/platform';\nimport { planLimits as limits } from '../plan-limits';\n${body}\nexport const uses = db;\n`);
  }
}

suite('An import saved during the first workspace scan', function () {
  this.timeout(180_000);

  suiteSetup(() => {
    generate(testWorkspace());
  });

  test('is flagged when the scan ends, without another edit', async () => {
    assert.equal(adriftExtension().isActive, false, 'no scan has run yet');
    await adriftExtension().activate();
    const service = adriftApi().service;
    await service.ready;
    const folder = service.folders()[0];
    assert.ok(folder && !folder.scanned, 'the first scan is about to start');

    // Let the scan list the files and read the first chunks (EDITED among them), then save:
    // what the scan read is older than the file from here on.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(folder.scanned, false, `the scan still runs after 1 s (else generate more than ${GENERATED} files)`);
    // Autosave: the edit goes to disk at once.
    const uri = workspaceUri(EDITED);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), VIOLATION);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const document = await vscode.workspace.openTextDocument(uri);
    const saves: string[] = [];
    while (document.isDirty && saves.length < 10) {
      saves.push(`${Date.now()}: ${String(await document.save())} dirty=${document.isDirty}`);
      if (document.isDirty) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(!document.isDirty, `saved: ${saves.join('; ')}`);
    assert.ok(fs.readFileSync(uri.fsPath, 'utf8').startsWith(VIOLATION), 'the import is on disk');
    // Past the editor's typing delay: the file has been re-checked while the scan runs.
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(folder.scanned, false, `the scan was still running after the save and its re-check (else generate more than ${GENERATED} files)`);

    await waitFor('the first scan to finish', () => folder.scanned, 150_000);
    const diagnostics = await waitForDiagnostics(EDITED, (ds) => ds.some((d) => d.source === 'Adrift' && d.range.start.line === 0), 10_000);
    const flagged = diagnostics.find((d) => d.range.start.line === 0);
    assert.equal(typeof flagged?.code === 'object' ? flagged.code.value : flagged?.code, 'module-dependency');
    assert.match(flagged?.message ?? '', /"conversation".*"knowledgebase"/);
  });
});
