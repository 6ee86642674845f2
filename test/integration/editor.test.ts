// Drift in the editor, on a copy of the help desk example: diagnostics on open and while
// typing, accepting a proposed decision, CodeLens titles, hover, and every quick fix (each
// checked on disk, and undone).
//
// The example's planted drift this suite relies on (examples/README.md):
//   src/server/ticket/ticket.service.ts imports '@/server/conversation'  ticket → conversation, allowed by no decision
//   src/server/ticket/suggestions.ts imports '@/server/knowledgebase'    allowed only by the proposed ADR-0012
//   src/app/api/tickets/[ticketId]/route.ts imports '@/server/ticket/assignment', a private file
//     whose names the public entry src/server/ticket/index.ts re-exports

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AdriftApi } from '../../src/extension/extension';
import { adriftExtension, testWorkspace, waitFor, waitForDiagnostics, workspaceUri } from './harness';

const TICKET_SERVICE = 'src/server/ticket/ticket.service.ts';
const SUGGESTIONS = 'src/server/ticket/suggestions.ts';
const ROUTE = 'src/app/api/tickets/[ticketId]/route.ts';
const USAGE_REPORT = 'src/server/tenant/usage-report.ts';
const MODULES_RECORD = 'docs/adr/0003-split-into-five-domain-modules.yaml';
const PROPOSED_RECORD = 'docs/adr/0012-suggest-articles-on-new-tickets.yaml';

function onDisk(relativePath: string): string {
  return fs.readFileSync(path.join(testWorkspace(), relativePath), 'utf8');
}

function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : undefined;
}

function edgeDiagnostic(from: string, to: string) {
  return (d: vscode.Diagnostic): boolean =>
    d.source === 'Adrift' && ruleOf(d) === 'module-dependency' && d.message.includes(`"${from}"`) && d.message.includes(`"${to}"`);
}

async function open(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(workspaceUri(relativePath), { preview: false });
}

async function codeLensTitles(relativePath: string): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(relativePath), 100);
  return lenses.map((l) => l.command?.title ?? '').filter((t) => t.length > 0);
}

async function quickFixes(relativePath: string, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    workspaceUri(relativePath),
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a) => a.diagnostics?.some((d) => d.source === 'Adrift') ?? true);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Undo in the editor of the file, then save, so the disk shows whether undo restored it. */
async function undoAndSave(relativePath: string): Promise<void> {
  const editor = await open(relativePath);
  await vscode.commands.executeCommand('undo');
  await editor.document.save();
}

suite('Editor: drift diagnostics, CodeLens, hover and quick fixes', () => {
  let api: AdriftApi;

  suiteSetup(async function () {
    this.timeout(180_000);
    const extension = adriftExtension();
    await extension.activate();
    api = extension.exports as AdriftApi;
    await api.service.ready;
    assert.ok(api.activationTimeMs >= 0, 'activate() reports how long it took');
    // The benchmark prints what a real extension host measured (activation wiring, first load, first scan).
    await waitFor('the first workspace scan', () => api.service.folders().every((f) => f.scanned), 120_000);
    const metrics = {
      activationTimeMs: api.activationTimeMs,
      firstScanMs: api.service.folders()[0]?.scanDurationMs,
      vscode: vscode.version,
      measuredAt: new Date().toISOString(),
    };
    const metricsDir = path.join(extension.extensionPath, '.cache', 'metrics');
    fs.mkdirSync(metricsDir, { recursive: true });
    fs.writeFileSync(path.join(metricsDir, 'extension-activation.json'), JSON.stringify(metrics, null, 2) + '\n');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a violating import gets a diagnostic naming the module pair and the decision', async () => {
    await open(TICKET_SERVICE);
    const diagnostics = await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
    const d = diagnostics.find(edgeDiagnostic('ticket', 'conversation'));
    assert.ok(d);
    assert.equal(d.source, 'Adrift');
    assert.match(d.message, /ADR-0003/);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('module-dependency'), 'the rule id links to its documentation');
    const related = d.relatedInformation?.[0];
    assert.ok(related, 'related information points at the decision');
    assert.ok(related.location.uri.fsPath.endsWith(path.normalize(MODULES_RECORD)));
    const recordText = onDisk(MODULES_RECORD).split('\n');
    assert.ok(recordText[related.location.range.start.line] !== undefined, 'the related line exists in the record');
    assert.equal(d.range.start.line, 2, 'the diagnostic sits on the import');
  });

  test('typing a new violating import flags it without saving', async () => {
    const editor = await open(USAGE_REPORT);
    await waitFor('the file to be known to Adrift', () => api.service.locate(editor.document.uri));
    assert.ok(!vscode.languages.getDiagnostics(editor.document.uri).some(edgeDiagnostic('tenant', 'knowledgebase')));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "import { searchArticles } from '@/server/knowledgebase';\n"));
    const diagnostics = await waitForDiagnostics(USAGE_REPORT, (ds) => ds.some(edgeDiagnostic('tenant', 'knowledgebase')));
    assert.ok(editor.document.isDirty, 'the file was never saved');
    assert.equal(diagnostics.find(edgeDiagnostic('tenant', 'knowledgebase'))?.range.start.line, 0);
    await vscode.commands.executeCommand('undo');
    assert.ok(!editor.document.getText().includes('@/server/knowledgebase'));
    await waitForDiagnostics(USAGE_REPORT, (ds) => !ds.some(edgeDiagnostic('tenant', 'knowledgebase')));
  });

  test('hover on a flagged import shows both modules, the decision and the allowed uses', async () => {
    await open(TICKET_SERVICE);
    const [d] = (await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')))).filter(edgeDiagnostic('ticket', 'conversation'));
    assert.ok(d);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceUri(TICKET_SERVICE), d.range.start.translate(0, 1));
    // Text from records and code is backslash-escaped Markdown: read it without the escapes.
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(text, /\*\*ticket\*\* → \*\*conversation\*\*/);
    assert.match(text, /Split the help desk into five domain modules/);
    assert.match(text, /accepted, 2025-03-12/);
    assert.match(text, /may use:/);
    assert.match(text, /- platform/);
  });

  test('a crafted import specifier in the hover is text: no link, no image, and only Adrift\'s command is enabled', async () => {
    const crafted = 'bcrypt/x](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D) ![](https://evil/x.png) `';
    const file = 'src/server/user/crafted.ts';
    fs.writeFileSync(path.join(testWorkspace(), file), `import { hash } from '${crafted}';\nexport const h = hash;\n`);
    await open(file);
    const [d] = (await waitForDiagnostics(file, (ds) => ds.some((x) => ruleOf(x) === 'forbidden-package'))).filter((x) => ruleOf(x) === 'forbidden-package');
    assert.ok(d);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceUri(file), d.range.start.translate(0, 1));
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'isTrusted' in c);
    assert.ok(contents.length > 0);
    for (const md of contents) {
      assert.deepEqual(md.isTrusted, { enabledCommands: ['adrift.editor.openLocation'] });
      assert.ok(!md.supportHtml);
      // Every `](`, `![` and backtick of the specifier is escaped; the one link is Adrift's own.
      const links = [...md.value.matchAll(/(?<!\\)\]\((?<target>[^)]*)\)/g)].map((m) => m.groups?.target ?? '');
      assert.ok(links.every((l) => l.startsWith('command:adrift.editor.openLocation?')), links.join(' | '));
      assert.doesNotMatch(md.value, /(?<!\\)!\[/);
      assert.ok(md.value.replace(/\\([!-/:-@[-`{-~])/g, '$1').includes(crafted), 'the specifier is shown as it is');
    }
    fs.rmSync(path.join(testWorkspace(), file));
  });

  test('no "in no module" CodeLens on files Adrift does not check, such as docs/architecture.md', async () => {
    fs.writeFileSync(path.join(testWorkspace(), 'docs', 'architecture.md'), '# Architecture\n\nGenerated.\n');
    await open('docs/architecture.md');
    assert.deepEqual(await codeLensTitles('docs/architecture.md'), []);
    // A source file in no module keeps the lens that offers Assign Folder to Module.
    await open('src/jobs/sla-reminders.ts');
    assert.deepEqual(await codeLensTitles('src/jobs/sla-reminders.ts'), ['$(question) in no module']);
    fs.rmSync(path.join(testWorkspace(), 'docs', 'architecture.md'));
  });

  test('CodeLens at the top of a source file: its module, what it may use, the record that defines it', async () => {
    await open(TICKET_SERVICE);
    const titles = await codeLensTitles(TICKET_SERVICE);
    assert.deepEqual(titles, [
      '$(symbol-namespace) module ticket',
      'may use platform, tenant, user',
      'defined by ADR-0003 "Split the help desk into five domain modules with owned data"',
    ]);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(TICKET_SERVICE), 10);
    const opener = lenses[0]?.command;
    assert.ok(opener);
    await vscode.commands.executeCommand(opener.command, ...(opener.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.ok(active && active.document.uri.fsPath.endsWith(path.normalize(MODULES_RECORD)), 'clicking opens the record');
    assert.match(active.document.lineAt(active.selection.active.line).text, /ticket|modules|id:/);
  });

  test('CodeLens in decision records: status with actions, dependent findings, and the preview of a proposed one', async () => {
    await open(MODULES_RECORD);
    const accepted = await codeLensTitles(MODULES_RECORD);
    assert.ok(accepted.includes('$(law) accepted'), accepted.join(' | '));
    assert.ok(accepted.includes('$(replace) Supersede…'));
    assert.ok(accepted.some((t) => /^[1-9]\d* findings? depends? on this decision$/.test(t)), accepted.join(' | '));

    await open(PROPOSED_RECORD);
    const proposed = await codeLensTitles(PROPOSED_RECORD);
    assert.ok(proposed.includes('$(law) proposed'), proposed.join(' | '));
    assert.ok(proposed.includes('$(check) Accept'));
    // Accepting 0012 allows ticket → knowledgebase (suggestions.ts) and flags nothing new.
    assert.ok(proposed.includes('accepting would resolve 1 finding and newly flag 0'), proposed.join(' | '));
  });

  test('accepting the proposed record that allows an edge removes its finding; undo brings it back', async () => {
    await open(SUGGESTIONS);
    await waitForDiagnostics(SUGGESTIONS, (ds) => ds.some(edgeDiagnostic('ticket', 'knowledgebase')));
    // The user accepts from the CodeLens in the open record, and undoes there.
    const record = await open(PROPOSED_RECORD);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(PROPOSED_RECORD), 10);
    const accept = lenses.find((l) => l.command?.title === '$(check) Accept')?.command;
    assert.ok(accept, 'the proposed record offers Accept');
    assert.equal(await vscode.commands.executeCommand(accept.command, ...(accept.arguments ?? [])), true);
    assert.match(onDisk(PROPOSED_RECORD), /^status: accepted$/m);
    await waitForDiagnostics(SUGGESTIONS, (ds) => !ds.some(edgeDiagnostic('ticket', 'knowledgebase')));

    assert.equal(vscode.window.activeTextEditor?.document, record.document);
    await vscode.commands.executeCommand('undo');
    await record.document.save();
    assert.match(onDisk(PROPOSED_RECORD), /^status: proposed$/m);
    await waitForDiagnostics(SUGGESTIONS, (ds) => ds.some(edgeDiagnostic('ticket', 'knowledgebase')));
  });

  test('quick fix: open the decision', async () => {
    await open(TICKET_SERVICE);
    const [d] = (await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')))).filter(edgeDiagnostic('ticket', 'conversation'));
    assert.ok(d);
    // With the cursor inside the import (no selection), as when the user presses Ctrl+.
    const atCursor = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      workspaceUri(TICKET_SERVICE),
      new vscode.Range(d.range.start.translate(0, 3), d.range.start.translate(0, 3)),
    );
    assert.ok(atCursor.some((a) => a.title === 'Propose a decision that lets ticket use conversation'), atCursor.map((a) => a.title).join(' | '));
    const fix = (await quickFixes(TICKET_SERVICE, d)).find((a) => a.title.startsWith('Open decision ADR-0003'));
    assert.ok(fix, 'offers to open the decision');
    await apply(fix);
    assert.ok(vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(path.normalize(MODULES_RECORD)));
  });

  test('quick fix: suppress with a reason inserts the comment, puts the cursor on the reason, and undoes', async () => {
    const before = onDisk(TICKET_SERVICE);
    await open(TICKET_SERVICE);
    const [d] = (await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')))).filter(edgeDiagnostic('ticket', 'conversation'));
    assert.ok(d);
    const fix = (await quickFixes(TICKET_SERVICE, d)).find((a) => a.title === 'Suppress module-dependency here with a reason');
    assert.ok(fix);
    await apply(fix);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const comment = '// adrift-ignore module-dependency -- ';
    assert.equal(editor.document.lineAt(2).text, comment);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [2, comment.length]);
    await editor.edit((e) => e.insert(editor.selection.active, 'system messages are posted by the ticket service until v2'));
    await editor.document.save();
    assert.ok(onDisk(TICKET_SERVICE).includes(`${comment}system messages are posted by the ticket service until v2\n`));
    await waitForDiagnostics(TICKET_SERVICE, (ds) => !ds.some(edgeDiagnostic('ticket', 'conversation')));

    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await editor.document.save();
    assert.equal(onDisk(TICKET_SERVICE), before);
  });

  test('quick fix: rewrite a private import to the public entry that exports its names', async () => {
    const before = onDisk(ROUTE);
    await open(ROUTE);
    const diagnostics = await waitForDiagnostics(ROUTE, (ds) => ds.some((d) => ruleOf(d) === 'private-import'));
    const d = diagnostics.find((x) => ruleOf(x) === 'private-import');
    assert.ok(d);
    const fix = (await quickFixes(ROUTE, d)).find((a) => a.title.startsWith("Import from ticket's public entry"));
    assert.ok(fix, 'offers the public entry');
    assert.equal(fix.title, "Import from ticket's public entry '@/server/ticket'");
    await apply(fix);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.document.save();
    assert.ok(onDisk(ROUTE).includes("import { assignTicket } from '@/server/ticket';"));
    await waitForDiagnostics(ROUTE, (ds) => !ds.some((x) => ruleOf(x) === 'private-import'));
    await undoAndSave(ROUTE);
    assert.equal(onDisk(ROUTE), before);
  });

  test('quick fix: add to the baseline writes the entry and hides the finding; undo removes it', async () => {
    await open(TICKET_SERVICE);
    const [d] = (await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')))).filter(edgeDiagnostic('ticket', 'conversation'));
    assert.ok(d);
    const fix = (await quickFixes(TICKET_SERVICE, d)).find((a) => a.title === 'Add this module-dependency finding to the baseline');
    assert.ok(fix?.command);
    // The reason is asked in an input box; the test passes it as the command's last argument.
    const done = await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []), 'until the v2 event bus');
    assert.equal(done, true);
    const baselineFile = api.service.folders()[0]!.config.baseline;
    const baseline = JSON.parse(onDisk(baselineFile)) as { entries: { rule: string; file: string; reason: string; toModule?: string }[] };
    assert.deepEqual(
      baseline.entries.map((e) => [e.rule, e.file, e.toModule, e.reason]),
      [['module-dependency', TICKET_SERVICE, 'conversation', 'until the v2 event bus']],
    );
    await waitForDiagnostics(TICKET_SERVICE, (ds) => !ds.some(edgeDiagnostic('ticket', 'conversation')));
    await vscode.workspace.fs.delete(workspaceUri(baselineFile));
    await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
  });

  test('quick fix: propose a decision creates a proposed record, opens it, and accepting it clears the finding', async () => {
    const recordsBefore = fs.readdirSync(path.join(testWorkspace(), 'docs/adr'));
    await open(TICKET_SERVICE);
    const [d] = (await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')))).filter(edgeDiagnostic('ticket', 'conversation'));
    assert.ok(d);
    const fix = (await quickFixes(TICKET_SERVICE, d)).find((a) => a.title === 'Propose a decision that lets ticket use conversation');
    assert.ok(fix?.command);
    const created = await vscode.commands.executeCommand<string>(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(created, 'the command returns the new record');
    const newFiles = fs.readdirSync(path.join(testWorkspace(), 'docs/adr')).filter((f) => !recordsBefore.includes(f));
    assert.equal(newFiles.length, 1, 'one new record file');
    const recordPath = `docs/adr/${newFiles[0]}`;
    const text = onDisk(recordPath);
    assert.match(text, /^status: proposed$/m);
    assert.match(text, /ticket/);
    assert.match(text, /conversation/);
    assert.ok(vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(path.normalize(recordPath)), 'the new record is open');
    // Still flagged: a proposed decision allows nothing yet.
    await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));

    const id = Number(/^id: (\d+)$/m.exec(text)?.[1]);
    assert.equal(await vscode.commands.executeCommand('adrift.editor.acceptDecision', workspaceUri(recordPath).toString(), id), true);
    await waitForDiagnostics(TICKET_SERVICE, (ds) => !ds.some(edgeDiagnostic('ticket', 'conversation')));

    await vscode.workspace.fs.delete(workspaceUri(recordPath));
    await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
  });

  test('settings apply without reload: severity per rule and exclude', async () => {
    await open(TICKET_SERVICE);
    await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
    const config = vscode.workspace.getConfiguration('adrift');
    try {
      await config.update('severity', { 'module-dependency': 'info' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some((d) => edgeDiagnostic('ticket', 'conversation')(d) && d.severity === vscode.DiagnosticSeverity.Information));
      await config.update('severity', { 'module-dependency': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(TICKET_SERVICE, (ds) => !ds.some(edgeDiagnostic('ticket', 'conversation')));
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
      await config.update('exclude', ['src/server/ticket/**'], vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.length === 0);
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
  });

  test('a folder publish held between its slices never shows its older view of a file re-checked meanwhile', async () => {
    const hold = async (h?: boolean): Promise<{ waiting: number; running: number }> =>
      (await vscode.commands.executeCommand('adrift.test.holdFolderPublish', h)) as { waiting: number; running: number };
    await open(TICKET_SERVICE);
    await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
    assert.ok(!vscode.languages.getDiagnostics(workspaceUri(USAGE_REPORT)).some(edgeDiagnostic('tenant', 'knowledgebase')));
    const config = vscode.workspace.getConfiguration('adrift');
    const ticket = await vscode.workspace.openTextDocument(workspaceUri(TICKET_SERVICE));
    const usage = await vscode.workspace.openTextDocument(workspaceUri(USAGE_REPORT));
    const originals = [ticket, usage].map((doc) => doc.getText());
    const importLine = ticket.getText().split('\n').findIndex((l) => l.includes("'@/server/conversation'"));
    assert.ok(importLine >= 0);
    try {
      await hold(true);
      // A settings change publishes the whole folder; it waits before its first file.
      await config.update('severity', { 'unused-suppression': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('a folder publish to wait between its slices', async () => (await hold()).waiting > 0);
      // Meanwhile one file loses its finding and another gains one, each re-checked and published alone.
      const edit = new vscode.WorkspaceEdit();
      edit.delete(ticket.uri, new vscode.Range(importLine, 0, importLine + 1, 0));
      edit.insert(usage.uri, new vscode.Position(0, 0), "import { searchArticles } from '@/server/knowledgebase';\n");
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(TICKET_SERVICE, (ds) => !ds.some(edgeDiagnostic('ticket', 'conversation')));
      await waitForDiagnostics(USAGE_REPORT, (ds) => ds.some(edgeDiagnostic('tenant', 'knowledgebase')));
      assert.ok((await hold()).waiting > 0, 'the folder publish was still waiting when both files were re-checked');
    } finally {
      await hold(false);
    }
    await waitFor('the held folder publishes to finish', async () => (await hold()).running === 0);
    assert.ok(!vscode.languages.getDiagnostics(ticket.uri).some(edgeDiagnostic('ticket', 'conversation')), 'the fixed file stays clear');
    assert.equal(vscode.languages.getDiagnostics(usage.uri).filter(edgeDiagnostic('tenant', 'knowledgebase')).length, 1, 'the new finding shows once');
    await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    // Both texts back as they were, saved (the same bytes as on disk).
    const restore = new vscode.WorkspaceEdit();
    [ticket, usage].forEach((doc, i) => restore.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), originals[i]));
    assert.ok(await vscode.workspace.applyEdit(restore));
    await Promise.all([ticket.save(), usage.save()]);
    await waitForDiagnostics(TICKET_SERVICE, (ds) => ds.some(edgeDiagnostic('ticket', 'conversation')));
    await waitForDiagnostics(USAGE_REPORT, (ds) => !ds.some(edgeDiagnostic('tenant', 'knowledgebase')));
  });

  test('a burst of file changes (as from a branch switch) leaves no stale or doubled diagnostics', async function () {
    this.timeout(240_000);
    const dir = path.join(testWorkspace(), 'src/server/tenant/generated');
    fs.mkdirSync(dir, { recursive: true });
    const count = 300;
    for (let i = 0; i < count; i++) {
      fs.writeFileSync(path.join(dir, `report-${i}.ts`), `import { searchArticles } from '@/server/knowledgebase';\nexport const r${i} = searchArticles;\n`);
    }
    const uriOf = (i: number): vscode.Uri => workspaceUri(`src/server/tenant/generated/report-${i}.ts`);
    await waitFor('every generated file to be flagged once', () =>
      Array.from({ length: count }, (_, i) => vscode.languages.getDiagnostics(uriOf(i)).filter(edgeDiagnostic('tenant', 'knowledgebase')).length).every((n) => n === 1),
    100_000);
    fs.rmSync(dir, { recursive: true, force: true });
    await waitFor('every generated file to lose its diagnostics', () =>
      Array.from({ length: count }, (_, i) => vscode.languages.getDiagnostics(uriOf(i)).length).every((n) => n === 0),
    100_000);
    const doubled = vscode.languages
      .getDiagnostics()
      .filter(([, ds]) => new Set(ds.map((d) => `${d.range.start.line}:${d.message}`)).size !== ds.length);
    assert.deepEqual(doubled.map(([u]) => u.fsPath), [], 'no file shows a finding twice');
  });
});
