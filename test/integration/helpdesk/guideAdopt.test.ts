// The guide's host when adopting Adrift on existing code, in a real extension host, on the
// help desk with its records removed: it discovers the modules, reports today's imports per
// pair, and on Finish adds the baselined pairs' imports to the baseline file through the
// editor when that file is open with unsaved changes (which are kept), never over a file that
// is no baseline, and opens only the files it listed.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scannedAdrift, testWorkspace, waitFor, workspaceUri } from '../harness';

const RECEIVE = 'adrift.test.guide.receive';

interface Reply {
  type: 'reply';
  requestId: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

let nextId = 1;

async function request<T>(method: string, params: unknown): Promise<T> {
  const requestId = nextId++;
  const outcome = await vscode.commands.executeCommand<{ accepted: boolean; reply?: Reply; error?: string }>(RECEIVE, { type: 'request', requestId, method, params });
  assert.ok(outcome.accepted, outcome.error);
  assert.ok(outcome.reply?.ok, outcome.reply?.error);
  return outcome.reply.result as T;
}

async function failing(method: string, params: unknown): Promise<string> {
  const outcome = await vscode.commands.executeCommand<{ accepted: boolean; reply?: Reply }>(RECEIVE, { type: 'request', requestId: nextId++, method, params });
  assert.ok(outcome.accepted && outcome.reply);
  assert.equal(outcome.reply.ok, false, 'the request fails');
  return outcome.reply.error ?? '';
}

interface Proposal {
  name: string;
  folders: string[];
  files: number;
}

interface Pair {
  from: string;
  to: string;
  imports: number;
  files: { file: string; imports: number }[];
}

const PREVIOUS = { version: 1, entries: [{ rule: 'forbidden-package', file: 'src/server/user/legacy-import.ts', specifier: 'bcrypt', reason: 'the legacy import goes in Q1' }] };

/** The top folders under src, as a user keeps them after merging the server's folders into one. */
const MODULES = ['server', 'app', 'components', 'lib', 'jobs'].map((name) => ({ name, folders: [`src/${name}`] }));

suite('Architecture Guide: adopting Adrift on the help desk without records', () => {
  suiteSetup(async () => {
    const api = await scannedAdrift();
    fs.rmSync(path.join(testWorkspace(), 'docs', 'adr'), { recursive: true, force: true });
    await api.service.reloadRecords();
    await waitFor('the records to be gone', () => api.service.folders()[0]?.log.records.length === 0);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  test('discovers the modules the code has, most files first, with their folders, holding every source file', async () => {
    const found = await request<{ proposals: Proposal[]; files: number; unassigned: number }>('discover', {});
    assert.ok(found.proposals.some((p) => p.name === 'app' && p.folders.join() === 'src/app' && p.files === 11), JSON.stringify(found.proposals));
    assert.deepEqual(found.proposals.map((p) => p.files), found.proposals.map((p) => p.files).sort((a, b) => b - a), 'ranked by files');
    assert.equal(found.proposals.reduce((n, p) => n + p.files, 0), found.files);
    assert.equal(found.unassigned, 0);
  });

  test('reports today\'s imports per pair, with the files that have most; opens those files and no other', async () => {
    const edges = await request<{ pairs: Pair[]; quietPairs: number; cycles: string[][] }>('edges', { modules: MODULES });
    assert.deepEqual(edges.pairs.map((p) => [p.from, p.to, p.imports]), [['app', 'server', 16], ['components', 'lib', 9], ['app', 'components', 4], ['lib', 'server', 3], ['app', 'lib', 1], ['components', 'server', 1], ['jobs', 'server', 1]]);
    assert.equal(edges.quietPairs, 5 * 4 - 7);
    assert.deepEqual(edges.cycles, []);
    assert.deepEqual(edges.pairs.find((p) => p.from === 'lib')?.files, [{ file: 'src/lib/types.ts', imports: 3 }]);

    await vscode.commands.executeCommand(RECEIVE, { type: 'openFile', path: 'src/lib/types.ts' });
    const editor = await waitFor('src/lib/types.ts to open', () => (vscode.window.activeTextEditor?.document.uri.fsPath === workspaceUri('src/lib/types.ts').fsPath ? vscode.window.activeTextEditor : undefined));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /@\/server/, 'at its first import of the server');
    await vscode.commands.executeCommand(RECEIVE, { type: 'openFile', path: 'package.json' });
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri('src/lib/types.ts').fsPath, 'a file the guide did not list stays closed');
  });

  test('refuses to write over a baseline file that is no baseline: nothing is written', async () => {
    const file = path.join(testWorkspace(), '.adrift-baseline.json');
    fs.writeFileSync(file, '{ "entries": "not a list" }\n');
    try {
      const error = await failing('write', { answers: answers(), status: 'accepted' });
      assert.match(error, /\.adrift-baseline\.json is not a valid baseline .*nothing was written/);
      assert.equal(fs.existsSync(path.join(testWorkspace(), 'docs', 'adr')), false, 'no record written');
      assert.equal(fs.readFileSync(file, 'utf8'), '{ "entries": "not a list" }\n');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('on Finish, adds the baselined imports to the open baseline file through its editor, keeping its unsaved entry', async () => {
    // VS Code in a browser auto-saves after a second by default (files.autoSave is afterDelay
    // on the web, off on the desktop): that would save the user's entry during the test, at a
    // moment that depends on the load, and there would be no unsaved editor to keep.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await waitFor('auto-save to be off', () => vscode.workspace.getConfiguration('files').get('autoSave') === 'off');
    const file = workspaceUri('.adrift-baseline.json');
    const saved = JSON.stringify({ version: 1, entries: [] }, null, 2) + '\n';
    fs.writeFileSync(file.fsPath, saved);
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), JSON.stringify(PREVIOUS, null, 2) + '\n'));
    assert.equal(document.isDirty, true);

    const preview = await request<{ baseline?: { path: string; pairs: { from: string; to: string; entries: number }[] }; firstCheck?: { total: number } }>('preview', { answers: answers(), status: 'accepted' });
    assert.deepEqual(preview.baseline?.pairs.map((p) => [p.from, p.to, p.entries]), [['lib', 'server', 3], ['jobs', 'server', 1]]);
    assert.equal(document.isDirty, true, 'still unsaved when Write is pressed');
    const written = await request<{ written: string[]; baseline?: { path: string; entries: number } }>('write', { answers: answers(), status: 'accepted' });
    assert.deepEqual(written.baseline, { path: '.adrift-baseline.json', entries: 4, unsaved: true }, 'the result says the entries wait in an unsaved editor');
    assert.equal(written.written.length, 2);

    const entries = (JSON.parse(document.getText()) as typeof PREVIOUS).entries;
    assert.deepEqual(entries.map((e) => [e.rule, e.file, e.reason]).sort(), [
      ['forbidden-package', 'src/server/user/legacy-import.ts', 'the legacy import goes in Q1'],
      ['module-dependency', 'src/jobs/sla-reminders.ts', 'the reminder job moves into server'],
      ['module-dependency', 'src/lib/types.ts', 'accepted when adopting Adrift'],
      ['module-dependency', 'src/lib/types.ts', 'accepted when adopting Adrift'],
      ['module-dependency', 'src/lib/types.ts', 'accepted when adopting Adrift'],
    ]);
    // The edit went into the editor, which stays unsaved: saving it would write the user's
    // unsaved entry for them. (VS Code saves the files of an edit only for a refactoring.)
    assert.equal(document.isDirty, true, 'the editor still has unsaved changes');
    assert.equal(fs.readFileSync(file.fsPath, 'utf8'), saved, 'the disk keeps what the user last saved');
    const text = document.getText();
    assert.equal(await document.save(), true);
    assert.equal(fs.readFileSync(file.fsPath, 'utf8'), text, 'once the user saves, the disk has what the editor showed');
  });
});

/** The discovered modules; app, components and lib allowed where they import today; lib → server and jobs → server baselined. */
function answers(): Record<string, unknown> {
  return {
    product: 'Help desk for SMB support teams',
    deciders: ['tech lead'],
    modules: [
      { name: 'server', responsibility: '', folders: ['src/server'] },
      { name: 'app', responsibility: '', folders: ['src/app'] },
      { name: 'components', responsibility: '', folders: ['src/components'] },
      { name: 'lib', responsibility: '', folders: ['src/lib'] },
      { name: 'jobs', responsibility: '', folders: ['src/jobs'] },
    ],
    uses: { app: ['server', 'components', 'lib'], components: ['lib', 'server'] },
    undeclared: 'deny',
    baseline: [
      { from: 'lib', to: 'server', reason: '', expires: '2027-03-02' },
      { from: 'jobs', to: 'server', reason: 'the reminder job moves into server', expires: '2027-03-02' },
    ],
  };
}
