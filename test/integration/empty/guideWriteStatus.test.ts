// The end of the guide in a real extension host, on an empty folder: the user writes the
// help desk's records as proposed (the default) or as accepted, and the files on disk say
// so; answers that contradict each other write nothing; a changed answer after an accepted
// write is a proposed record that supersedes the accepted one, which stays as it was.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseRecord } from '../../../src/core/records/parse';
import { templateAnswers } from '../../../src/core/guide/templates';
import type { DecisionRecord } from '../../../src/core/records/types';
import { adriftExtension, testWorkspace, waitFor } from '../harness';

type Reply = { type: 'reply'; requestId: number; ok: boolean; result?: unknown; error?: string };
type Outcome = { accepted: boolean; reply?: Reply; error?: string };

let nextId = 100;
async function request(method: 'preview' | 'write', params: unknown): Promise<Reply> {
  const outcome = await vscode.commands.executeCommand<Outcome>('adrift.test.guide.receive', { type: 'request', requestId: nextId++, method, params });
  assert.ok(outcome.accepted && outcome.reply, JSON.stringify(outcome));
  return outcome.reply;
}

function adrDir(): string {
  return path.join(testWorkspace(), 'docs', 'adr');
}

/** The records on disk, each parsed as lint parses it: no finding allowed. */
function recordsOnDisk(): DecisionRecord[] {
  if (!fs.existsSync(adrDir())) return [];
  return fs.readdirSync(adrDir()).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const loaded = parseRecord(`docs/adr/${f}`, fs.readFileSync(path.join(adrDir(), f), 'utf8'));
    assert.deepEqual(loaded.findings, [], f);
    assert.ok(loaded.record, f);
    return loaded.record;
  });
}

async function removeRecords(): Promise<void> {
  fs.rmSync(adrDir(), { recursive: true, force: true });
  fs.rmSync(overviewFile(), { force: true });
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Wait until Adrift has read the empty folder again: a preview before that would still see
  // the records just removed and plan nothing.
  await vscode.commands.executeCommand('adrift.checkWorkspace');
}

function overviewFile(): string {
  return path.join(testWorkspace(), 'docs', 'architecture.md');
}

/** docs/architecture.md as Export Architecture Overview writes it from the accepted records. */
async function exportedOverview(): Promise<string> {
  fs.rmSync(overviewFile(), { force: true });
  await vscode.commands.executeCommand('adrift.exportOverview');
  return waitFor('docs/architecture.md to be written', () => (fs.existsSync(overviewFile()) ? fs.readFileSync(overviewFile(), 'utf8') : undefined));
}

suite('Architecture Guide: write the records as proposed or accepted', function () {
  this.timeout(90_000);
  suiteSetup(async () => {
    await adriftExtension().activate();
    await vscode.commands.executeCommand('adrift.openGuide');
  });
  teardown(removeRecords);

  test('writes the help desk as proposed by default: nothing in force until reviewed', async () => {
    const answers = templateAnswers('help-desk');
    const preview = await request('preview', { answers });
    assert.ok(preview.ok, preview.error);
    const planned = preview.result as { status: string; records: { status: string; path: string }[]; problems: { kind?: string }[] };
    assert.equal(planned.status, 'proposed');
    assert.ok(planned.records.every((r) => r.status === 'proposed'));
    assert.deepEqual(planned.problems.filter((p) => p.kind === 'conflict'), []);

    const write = await request('write', { answers });
    assert.ok(write.ok, write.error);
    const result = write.result as { written: string[]; accepted: number };
    assert.equal(result.accepted, 0);
    assert.deepEqual(result.written, planned.records.map((r) => r.path));
    const records = recordsOnDisk();
    assert.equal(records.length, planned.records.length);
    assert.ok(records.length > 10, 'the spine and the help desk pack');
    assert.ok(records.every((r) => r.status === 'proposed'), records.map((r) => `${r.id} ${r.status}`).join(', '));

    // What the records carry: Stripe only behind tenant, the modules' consequences, marked template text.
    const bvb = records.find((r) => r.kind === 'build-vs-buy');
    assert.deepEqual(bvb?.enforce?.packages?.only_in?.stripe, ['tenant']);
    assert.equal(bvb?.build_vs_buy?.find((b) => b.capability === 'Payments')?.module, 'tenant');
    const modules = records.find((r) => r.tags?.includes('modules'));
    assert.match(modules?.decision?.rationale ?? '', /^TEMPLATE: /);
    assert.ok(modules?.consequences?.bad?.some((b) => b.startsWith('tenant is used by 4 modules')));
    const evolution = records.find((r) => r.kind === 'evolution');
    assert.match(evolution?.review_by ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.doesNotMatch(await exportedOverview(), /\*\*ticket\*\*/, 'proposed records are not in force, so not in the overview');
  });

  test('writes the help desk as accepted when the user chooses it, and the overview follows', async () => {
    const answers = templateAnswers('help-desk');
    const preview = await request('preview', { answers, status: 'accepted' });
    const planned = (preview.result as { records: { status: string }[] }).records;
    assert.ok(preview.ok && planned.every((r) => r.status === 'accepted'));
    const write = await request('write', { answers, status: 'accepted' });
    assert.ok(write.ok, write.error);
    assert.equal((write.result as { accepted: number }).accepted, planned.length);
    const records = recordsOnDisk();
    assert.equal(records.length, planned.length);
    assert.ok(records.every((r) => r.status === 'accepted'));
    assert.match(await exportedOverview(), /\*\*ticket\*\*/, 'the overview is built from accepted records: it has the modules now');

    // A changed answer afterwards, still "accepted": the successor is proposed, the accepted record untouched.
    const queueFile = fs.readdirSync(adrDir()).find((f) => f.startsWith('0006-'));
    assert.ok(queueFile);
    const before = fs.readFileSync(path.join(adrDir(), queueFile), 'utf8');
    const changed = templateAnswers('help-desk') ?? {};
    changed.queue = 'redis';
    const again = await request('write', { answers: changed, status: 'accepted' });
    assert.ok(again.ok, again.error);
    assert.equal((again.result as { accepted: number }).accepted, 0);
    // Numbered after the spine's and the pack's records.
    const successor = recordsOnDisk().find((r) => r.id === planned.length + 1);
    assert.equal(successor?.status, 'proposed');
    assert.deepEqual(successor?.supersedes, [6]);
    assert.equal(fs.readFileSync(path.join(adrDir(), queueFile), 'utf8'), before, 'the accepted record is not rewritten');
  });

  test('writes nothing while answers contradict each other, and says which', async () => {
    const answers = templateAnswers('ci-runner') ?? {};
    answers.evolution = [{ stage: 'v1', summary: 'Single runner, local job queue', trigger: 'First teams' }];
    const preview = await request('preview', { answers, status: 'accepted' });
    assert.ok(preview.ok);
    const conflicts = (preview.result as { problems: { kind?: string; message: string }[] }).problems.filter((p) => p.kind === 'conflict');
    assert.equal(conflicts.length, 1);
    assert.match(conflicts[0].message, /v1 says "local job queue".*the queue decision is Redis/);
    const write = await request('write', { answers, status: 'accepted' });
    assert.equal(write.ok, false);
    assert.match(write.error ?? '', /nothing written: resolve this conflict first: v1 says "local job queue"/);
    assert.deepEqual(recordsOnDisk(), []);
  });
});
