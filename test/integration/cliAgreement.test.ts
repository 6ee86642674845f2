// The editor and CI report the same drift: on the help desk example, the diagnostics the
// editor publishes are the findings `adrift check` prints, file, line and rule. Then a team
// confines the S3 SDK to the module that owns attachments (packages.only_in) while another
// module already imports it: both report it, the editor's hover and the record's CodeLens
// name the decision, and the quick fix's proposal, once accepted, clears it in both.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { adriftExtension, testWorkspace, waitForDiagnostics, workspaceUri } from './harness';
import { assertEditorAgreesWithCli } from './agreement';

const RECORD = 'docs/adr/0013-s3-only-behind-conversation.yaml';
const IMAGES = 'src/server/knowledgebase/article-images.ts';

suite('Editor and CLI agree on the help desk example', function () {
  this.timeout(90_000);
  suiteSetup(async () => {
    await adriftExtension().activate();
  });

  test('the editor publishes exactly the findings of `adrift check`', async () => {
    const findings = await assertEditorAgreesWithCli();
    assert.ok(findings.some((f) => f.endsWith(' module-dependency')), `the example's planted drift is among them: ${findings.join(', ')}`);
  });

  /**
   * A provider request VS Code cancels because the document or the records changed meanwhile
   * (the quick fix has just opened and written a record): asked again, as the editor would.
   */
  async function notCanceled<T>(ask: () => Thenable<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await ask();
      } catch (err) {
        if (attempt >= 5 || !/Canceled/.test(String(err))) throw err;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  test('an only_in decision: both report the import outside the module, and the editor names the decision', async () => {
    // Written through VS Code's file service, as the editor writes a new file, so the
    // workspace's watchers hear of both at once.
    const edit = new vscode.WorkspaceEdit();
    const create = (file: string, text: string) => edit.createFile(workspaceUri(file), { contents: new TextEncoder().encode(text) });
    create(
      IMAGES,
      "import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\n\nexport async function uploadArticleImage(key: string, body: Uint8Array): Promise<void> {\n  await s3.send(new PutObjectCommand({ Bucket: 'kb-images', Key: key, Body: body }));\n}\n",
    );
    create(
      RECORD,
      'id: 13\ntitle: Only the conversation module talks to S3\nstatus: accepted\ndate: 2026-11-30\nkind: technology\narea: file storage\ndecision:\n  chosen: One module owns the bucket\nenforce:\n  packages:\n    only_in:\n      "@aws-sdk": [conversation]\n',
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the two files are written');
    assert.ok(fs.existsSync(path.join(testWorkspace(), RECORD)));
    await vscode.window.showTextDocument(workspaceUri(IMAGES));
    const [d] = await waitForDiagnostics(IMAGES, (ds) => ds.some((x) => x.source === 'Adrift' && String(typeof x.code === 'object' ? x.code.value : x.code) === 'confined-package'), 30_000);
    const findings = await assertEditorAgreesWithCli();
    assert.ok(findings.includes(`${IMAGES}:1 confined-package`), findings.join(', '));
    assert.equal(d.range.start.line, 0);
    assert.match(d.message, /package "@aws-sdk\/client-s3" \(confined as "@aws-sdk"\) may be imported only by module "conversation" \(ADR-0013 "Only the conversation module talks to S3"\); ".*article-images.ts" is in module "knowledgebase"/);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceUri(IMAGES), new vscode.Position(d.range.start.line, d.range.start.character + 1)).then(
      (h) => h,
      (err: unknown) => assert.fail(`hover: ${String(err)}`),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(text, /confined-package/);
    assert.match(text, /\[ADR-0013 "Only the conversation module talks to S3"\]\(command:adrift\.editor\.openLocation/);
    assert.match(text, /\*\*@aws-sdk\/client-s3\*\* may be imported only by:\n- conversation \(ADR-0013 "Only the conversation module talks to S3"\)/);

    await vscode.window.showTextDocument(workspaceUri(RECORD)); // CodeLenses exist for a document the editor has open
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(RECORD), 10).then(
      (l) => l,
      (err: unknown) => assert.fail(`record CodeLens: ${String(err)}`),
    );
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('1 finding depends on this decision'), titles.join(' | '));

    // The quick fix proposes a decision that lets knowledgebase import the SDK; accepting it
    // from its CodeLens clears the finding, in the editor and in CI alike.
    await vscode.window.showTextDocument(workspaceUri(IMAGES));
    const actions = await notCanceled(() => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', workspaceUri(IMAGES), d.range, vscode.CodeActionKind.QuickFix.value));
    const propose = actions.find((a) => a.title === 'Propose a decision that lets knowledgebase import @aws-sdk/client-s3')?.command;
    assert.ok(propose, actions.map((a) => a.title).join(' | '));
    const created = await vscode.commands.executeCommand<string | undefined>(propose.command, ...(propose.arguments ?? []));
    if (!created) assert.fail('the quick fix wrote no record');
    assert.ok(created.endsWith('0014-let-knowledgebase-import-aws-sdk.yaml'), created);
    const proposal = fs.readFileSync(vscode.Uri.parse(created).fsPath, 'utf8');
    assert.match(proposal, /only_in:\n {6}"@aws-sdk": \[knowledgebase\]\n$/);
    const proposalLenses = await notCanceled(() => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', vscode.Uri.parse(created), 10));
    const accept = proposalLenses.find((l) => l.command?.title === '$(check) Accept')?.command;
    assert.ok(accept, 'the proposed record offers Accept');
    assert.equal(await vscode.commands.executeCommand(accept.command, ...(accept.arguments ?? [])), true);
    await waitForDiagnostics(IMAGES, (ds) => !ds.some((x) => x.source === 'Adrift'), 30_000);
    const after = await assertEditorAgreesWithCli();
    assert.ok(!after.some((f) => f.includes('confined-package')), after.join(', '));
  });

  test('a file created in a gitignored folder is not checked, one in a nested build/ folder is, as in CI', async () => {
    const generated = 'src/server/knowledgebase/generated';
    const forbidden = "import mongoose from 'mongoose';\n\nexport const client = mongoose;\n";
    const edit = new vscode.WorkspaceEdit();
    const create = (file: string, text: string) => edit.createFile(workspaceUri(file), { contents: new TextEncoder().encode(text) });
    create(`${generated}/.gitignore`, '*.ts\n!kept.ts\n');
    create(`${generated}/api.ts`, forbidden);
    create(`${generated}/kept.ts`, forbidden);
    create('src/server/knowledgebase/build/pipeline.ts', forbidden);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the files are written');
    await waitForDiagnostics(`${generated}/kept.ts`, (ds) => ds.some((x) => x.source === 'Adrift'), 30_000);
    await waitForDiagnostics('src/server/knowledgebase/build/pipeline.ts', (ds) => ds.some((x) => x.source === 'Adrift'), 30_000);
    // Opening the ignored file shows nothing either: the editor checks what the CLI lists.
    await vscode.window.showTextDocument(workspaceUri(`${generated}/api.ts`));
    const findings = await assertEditorAgreesWithCli();
    assert.ok(findings.includes(`${generated}/kept.ts:1 forbidden-package`), findings.join(', '));
    assert.ok(findings.includes('src/server/knowledgebase/build/pipeline.ts:1 forbidden-package'), findings.join(', '));
    assert.ok(!findings.some((f) => f.startsWith(`${generated}/api.ts`)), findings.join(', '));
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri(`${generated}/api.ts`)).filter((x) => x.source === 'Adrift'), []);
  });
});
