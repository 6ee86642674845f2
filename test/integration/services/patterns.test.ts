// Pattern modules in the editor, on a copy of test/fixtures/workspaces/services: the record
// declares `service-{name}` for every folder under services/, and the real extension shows
// an import from one service into another as a diagnostic naming the expanded modules, the
// pattern and the decision, with a CodeLens naming the pattern on the service's file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scannedAdrift, testWorkspace, waitForDiagnostics, workspaceUri } from '../harness';
import { assertEditorAgreesWithCli } from '../agreement';

const ORDERS = 'services/orders/index.ts';

suite('Editor: pattern modules (service-{name})', () => {
  suiteSetup(async () => {
    await scannedAdrift();
  });

  test('an import between two expanded modules is a diagnostic naming the pattern and the decision', async () => {
    const diagnostics = await waitForDiagnostics(ORDERS, (ds) => ds.some((d) => d.message.includes('service-billing')), 60_000);
    const d = diagnostics.find((x) => x.message.includes('service-billing'))!;
    assert.equal(d.source, 'Adrift');
    assert.equal(d.message, 'module "service-orders" (from service-{name}, ADR-0001) may not use module "service-billing" (from service-{name}, ADR-0001): no accepted decision allows it (ADR-0001 "One module per service")');
    assert.equal(d.range.start.line, 1);
  });

  test('the file\'s CodeLens names its module and the pattern it came from', async () => {
    await vscode.window.showTextDocument(workspaceUri(ORDERS), { preview: false });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(ORDERS), 100);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('$(symbol-namespace) module service-orders (from service-{name})'), titles.join('\n'));
  });

  test('a file in a new service folder is that service\'s module at once, as adrift check would have it', async () => {
    const PAYMENTS = 'services/payments/index.ts';
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(workspaceUri(PAYMENTS), { contents: new TextEncoder().encode("import { order } from '../orders/index';\n\nexport const pay = order;\n") });
    assert.ok(await vscode.workspace.applyEdit(edit), 'the file is written');
    const diagnostics = await waitForDiagnostics(PAYMENTS, (ds) => ds.some((d) => d.message.includes('service-payments')), 30_000);
    assert.ok(
      diagnostics.some((d) => d.message.startsWith('module "service-payments" (from service-{name}, ADR-0001) may not use module "service-orders"')),
      diagnostics.map((d) => d.message).join('\n'),
    );
    await assertEditorAgreesWithCli();
  });

  test('a folder moved in from outside the workspace is looked into: the watcher names the folder, not the files in it', async () => {
    // Written beside the workspace copy (the same disk, so the move is one rename), then moved
    // in whole, as `mv` or a file manager would: inotify reports the folder only.
    const outside = fs.mkdtempSync(path.join(path.dirname(testWorkspace()), 'refunds-'));
    fs.mkdirSync(path.join(outside, 'api'));
    fs.writeFileSync(path.join(outside, 'api', 'index.ts'), "import { bill } from '../../billing/index';\n\nexport const refund = bill;\n");
    fs.renameSync(outside, path.join(testWorkspace(), 'services', 'refunds'));
    const REFUNDS = 'services/refunds/api/index.ts';
    const diagnostics = await waitForDiagnostics(REFUNDS, (ds) => ds.some((d) => d.message.includes('service-refunds')), 30_000);
    assert.ok(
      diagnostics.some((d) => d.message.startsWith('module "service-refunds" (from service-{name}, ADR-0001) may not use module "service-billing"')),
      diagnostics.map((d) => d.message).join('\n'),
    );
    await assertEditorAgreesWithCli();
  });
});
