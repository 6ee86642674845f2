// The Architecture Guide in a real extension host: the sidebar view resolves and its webview
// completes a request round trip with the host; the host rejects every message outside the
// protocol; on a workspace that already has decisions, the guide continues the ids, proposes
// records that supersede the old ones, and writes new files only.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseRecord } from '../../src/core/records/parse';
import { templateAnswers } from '../../src/core/guide/templates';
import { adriftExtension, testWorkspace, waitFor } from './harness';

const STATE = 'adrift.test.guide.state';
const RECEIVE = 'adrift.test.guide.receive';

interface ViewState {
  resolved: boolean;
  answered: Record<string, number>;
  statesSaved: number;
}

type Outcome = { accepted: true; reply?: { type: 'reply'; requestId: number; ok: boolean; result?: unknown; error?: string } } | { accepted: false; error: string };

function receive(message: unknown): Thenable<Outcome> {
  return vscode.commands.executeCommand<Outcome>(RECEIVE, message);
}

function recordIds(): number[] {
  const dir = path.join(testWorkspace(), 'docs', 'adr');
  return fs.readdirSync(dir).map((f) => Number(/^(\d+)-/.exec(f)?.[1])).filter((n) => Number.isInteger(n));
}

suite('Architecture Guide', () => {
  suiteSetup(async () => {
    await adriftExtension().activate();
  });

  test('the view resolves and its webview loads through a request and reply', async () => {
    await vscode.commands.executeCommand('adrift.openGuide');
    // The webview asks `load`, renders the reply, then saves its state: both directions worked.
    const state = await waitFor('the guide webview to load and save its state', async () => {
      const s = await vscode.commands.executeCommand<ViewState>(STATE);
      return s.resolved && (s.answered.load ?? 0) >= 1 && s.statesSaved >= 1 ? s : undefined;
    }, 30_000);
    assert.equal(state.resolved, true);
  });

  test('rejects messages outside the protocol, with the reason', async () => {
    const bad: [unknown, RegExp][] = [
      ['hello', /must be an object/],
      [{ type: 'eval', code: 'x' }, /unknown message type "eval"/],
      [{ type: 'request', requestId: 1, method: 'deleteAll', params: {} }, /unknown method "deleteAll"/],
      [{ type: 'request', requestId: -1, method: 'load', params: {} }, /requestId/],
      [{ type: 'request', requestId: 2, method: 'preview', params: { answers: { modules: [{ name: 42 }] } } }, /row 1, column "name"/],
      [{ type: 'saveState', state: { version: 2, step: 0, answers: {}, tab: 'guide' } }, /version/],
      [{ type: 'run', action: 'workbench.action.terminal.new' }, /unknown action/],
    ];
    for (const [message, reason] of bad) {
      const outcome = await receive(message);
      assert.equal(outcome.accepted, false, JSON.stringify(message));
      if (!outcome.accepted) assert.match(outcome.error, reason);
    }
  });

  test('answers a valid request with a reply carrying its request id', async () => {
    const outcome = await receive({ type: 'request', requestId: 4711, method: 'startTemplate', params: { template: 'help-desk' } });
    assert.ok(outcome.accepted && outcome.reply);
    assert.equal(outcome.reply.requestId, 4711);
    assert.equal(outcome.reply.ok, true);
    const { answers } = outcome.reply.result as { answers: Record<string, unknown> };
    assert.equal(answers.product, 'Help desk for SMBs (10-50 agents per customer)');
    const unknown = await receive({ type: 'request', requestId: 4712, method: 'startTemplate', params: { template: 'nope' } });
    assert.ok(unknown.accepted && unknown.reply);
    assert.equal(unknown.reply.ok, false);
    assert.match(unknown.reply.error ?? '', /no template "nope"/);
  });

  test('on a workspace with decisions, proposes superseding records with the next ids and writes only new files', async () => {
    const before = recordIds();
    const max = Math.max(...before);
    const answers = templateAnswers('help-desk');
    const preview = await receive({ type: 'request', requestId: 1, method: 'preview', params: { answers } });
    assert.ok(preview.accepted && preview.reply?.ok, JSON.stringify(preview));
    const planned = (preview.reply.result as { records: { id: number; status: string; path: string; supersedes?: number[] }[] }).records;
    assert.ok(planned.length > 0);
    assert.deepEqual(planned.map((r) => r.id), planned.map((_r, i) => max + 1 + i));
    assert.ok(planned.every((r) => r.status === 'proposed'));
    assert.ok(planned.some((r) => (r.supersedes ?? []).length > 0), 'a changed decision supersedes the one in force');

    const texts = new Map(before.map((id) => [id, fs.readdirSync(path.join(testWorkspace(), 'docs', 'adr')).find((f) => f.startsWith(String(id).padStart(4, '0')))]));
    const write = await receive({ type: 'request', requestId: 2, method: 'write', params: { answers } });
    assert.ok(write.accepted && write.reply?.ok, JSON.stringify(write));
    const written = (write.reply.result as { written: string[] }).written;
    try {
      assert.deepEqual(written, planned.map((r) => r.path));
      for (const file of written) {
        const text = fs.readFileSync(path.join(testWorkspace(), file), 'utf8');
        assert.deepEqual(parseRecord(file, text).findings, [], file);
      }
      // Nothing that existed was touched.
      for (const [id, name] of texts) assert.ok(name && fs.existsSync(path.join(testWorkspace(), 'docs', 'adr', name)), `record ${id} still there`);
      // The list of written files is clickable: each opens its record; nothing else opens.
      assert.deepEqual(await receive({ type: 'openFile', path: written[0] }), { accepted: true });
      await waitFor(`${written[0]} to open`, () => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(testWorkspace(), written[0]));
      await receive({ type: 'openFile', path: 'package.json' });
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(testWorkspace(), written[0]), 'a file the guide did not write is not opened');
    } finally {
      // Leave the workspace as the other suites expect it.
      for (const file of written) fs.rmSync(path.join(testWorkspace(), file), { force: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});

suite('Export Architecture Overview', () => {
  test('writes docs/architecture.md from the accepted records and opens it', async () => {
    await adriftExtension().activate();
    const file = path.join(testWorkspace(), 'docs', 'architecture.md');
    fs.rmSync(file, { force: true });
    await vscode.commands.executeCommand('adrift.exportOverview');
    const text = await waitFor('docs/architecture.md to be written', () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined));
    for (const heading of ['## Product', '## Domain Modules', '## Data Ownership', '## Frontend/Backend Split', '## Key Architectural Decisions', '## Build vs Buy', '## Evolution']) {
      assert.ok(text.includes(heading), heading);
    }
    assert.match(text, /\*\*ticket\*\*/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file);
    fs.rmSync(file, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
