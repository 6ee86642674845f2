// Go in a real VS Code, on a copy of the ci-runner example, with no Go extension installed:
// the planted drift of agent-go/ (examples/README.md) as diagnostics on open, a new
// violating import flagged while typing, CodeLens, hover, and the suppression quick fix
// writing a `//` comment.
//   agent-go/job/job.go:9              imports ci-runner.dev/queue/store   forbidden-import (0013)
//   agent-go/heartbeat/heartbeat.go:9  _ "github.com/lib/pq"                forbidden-package (0013)

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AdriftApi } from '../../../src/extension/extension';
import { scannedAdrift, testWorkspace, waitFor, waitForDiagnostics, workspaceUri } from '../harness';

const JOB = 'agent-go/job/job.go';
const HEARTBEAT = 'agent-go/heartbeat/heartbeat.go';
const REGISTER = 'agent-go/register/register.go';

function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : undefined;
}

const byRule = (rule: string) => (d: vscode.Diagnostic): boolean => d.source === 'Adrift' && ruleOf(d) === rule;

async function open(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(workspaceUri(relativePath), { preview: false });
}

suite('Go: drift in .go files, without the Go extension', () => {
  let api: AdriftApi;

  suiteSetup(async function () {
    this.timeout(180_000);
    api = await scannedAdrift();
    assert.equal(vscode.extensions.getExtension('golang.go'), undefined, 'no Go extension is installed');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the planted Go drift is a diagnostic on its import line, naming the decision', async () => {
    await open(JOB);
    const job = (await waitForDiagnostics(JOB, (ds) => ds.some(byRule('forbidden-import')))).find(byRule('forbidden-import'));
    assert.ok(job);
    assert.equal(job.range.start.line, 8);
    assert.match(job.message, /queue-go\/store\/store\.go/);
    assert.match(job.message, /ADR-0013/);
    await open(HEARTBEAT);
    const pq = (await waitForDiagnostics(HEARTBEAT, (ds) => ds.some(byRule('forbidden-package')))).find(byRule('forbidden-package'));
    assert.ok(pq);
    assert.equal(pq.range.start.line, 8);
    assert.match(pq.message, /github\.com\/lib\/pq/);
  });

  test('typing an import of the queue store into another agent file flags it without saving', async () => {
    const editor = await open(REGISTER);
    await waitFor('the file to be known to Adrift', () => api.service.locate(editor.document.uri));
    assert.ok(!vscode.languages.getDiagnostics(editor.document.uri).some(byRule('forbidden-import')));
    const at = editor.document.getText().indexOf('"strings"');
    await editor.edit((e) => e.insert(editor.document.positionAt(at + '"strings"'.length), '\n\tq "ci-runner.dev/queue/store"'));
    const diagnostics = await waitForDiagnostics(REGISTER, (ds) => ds.some(byRule('forbidden-import')));
    assert.ok(editor.document.isDirty, 'the file was never saved');
    assert.equal(diagnostics.find(byRule('forbidden-import'))?.range.start.line, 7);
  });

  test('CodeLens names the Go file\'s module, and the hover on the import names both modules and the decision', async () => {
    await open(JOB);
    await waitForDiagnostics(JOB, (ds) => ds.some(byRule('forbidden-import')));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(JOB), 100);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => t.includes('go-agent')), titles.join(' | '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceUri(JOB), new vscode.Position(8, 12));
    // Markdown escapes punctuation (go\-agent): read the text as a person sees it.
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n').replace(/\\(.)/g, '$1');
    assert.match(text, /\*\*go-agent\*\* → \*\*go-queue\*\*/);
    assert.match(text, /ADR-0013 "Write the runner agent and the job queue in Go"/);
  });

  test('bad Go input is a diagnostic at its place, and the planted drift stays: a go.mod line, a .go file that is not UTF-8', async function () {
    this.timeout(120_000);
    const mod = path.join(testWorkspace(), 'agent-go/go.mod');
    const before = fs.readFileSync(mod, 'utf8');
    const latin1 = path.join(testWorkspace(), 'agent-go/job/latin1.go');
    try {
      // The CLI reports these as `agent-go/go.mod:<line>:1 skipped-file ...` (test/unit/engine/go/rules.test.ts).
      fs.writeFileSync(mod, `${before}frobnicate now\n`);
      const onMod = (await waitForDiagnostics('agent-go/go.mod', (ds) => ds.some(byRule('skipped-file')), 60_000)).find(byRule('skipped-file'));
      assert.equal(onMod?.range.start.line, before.split('\n').length - 1);
      assert.equal(onMod?.range.start.character, 0);
      assert.match(onMod?.message ?? '', /unknown directive "frobnicate": Adrift skips this line and reads the rest of the file/);
      await waitForDiagnostics(JOB, (ds) => ds.some(byRule('forbidden-import')));
      fs.writeFileSync(latin1, Buffer.concat([Buffer.from('package job\n\n// caf'), Buffer.from([0xe9]), Buffer.from('\nimport "ci-runner.dev/queue/store"\n\nvar _ = store.Claim\n')]));
      const onLatin1 = await waitForDiagnostics('agent-go/job/latin1.go', (ds) => ds.some(byRule('skipped-file')) && ds.some(byRule('forbidden-import')), 60_000);
      const bad = onLatin1.find(byRule('skipped-file'));
      assert.deepEqual([bad?.range.start.line, bad?.range.start.character], [2, 6]);
      assert.match(bad?.message ?? '', /^byte 0xE9 is not valid UTF-8/);
      assert.equal(onLatin1.find(byRule('forbidden-import'))?.range.start.line, 3);
    } finally {
      fs.writeFileSync(mod, before);
      fs.rmSync(latin1, { force: true });
    }
    await waitForDiagnostics('agent-go/go.mod', (ds) => !ds.some(byRule('skipped-file')), 60_000);
  });

  test('quick fix: suppress writes a // comment above the Go import, and the finding goes', async () => {
    const file = path.join(testWorkspace(), HEARTBEAT);
    const before = fs.readFileSync(file, 'utf8');
    await open(HEARTBEAT);
    const [d] = (await waitForDiagnostics(HEARTBEAT, (ds) => ds.some(byRule('forbidden-package')))).filter(byRule('forbidden-package'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', workspaceUri(HEARTBEAT), d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Suppress forbidden-package here with a reason');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.lineAt(8).text, '\t// adrift-ignore forbidden-package -- ');
    await editor.edit((e) => e.insert(editor.selection.active, 'the agent reads its local job cache until v2'));
    await waitForDiagnostics(HEARTBEAT, (ds) => !ds.some(byRule('forbidden-package')));
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await editor.document.save();
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });
});
