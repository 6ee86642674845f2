// The CI/CD runner template in a real extension host, from an empty folder: the guide's flow
// gains the developer-tool pack's steps once the product kind is answered (after a reload too,
// from the saved state), and writing the answers writes the pack's decisions next to the
// spine's, linting clean with the CLI.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseRecord } from '../../../src/core/records/parse';
import { templateAnswers } from '../../../src/core/guide/templates';
import type { GuideFlow } from '../../../src/core/guide/types';
import { repoRoot } from '../../harness/paths';
import { adriftExtension, testWorkspace } from '../harness';

type Reply = { accepted: boolean; error?: string; reply?: { ok: boolean; result?: unknown; error?: string } };

let requestId = 100;
async function request(method: string, params: unknown): Promise<unknown> {
  const outcome = await vscode.commands.executeCommand<Reply>('adrift.test.guide.receive', { type: 'request', requestId: requestId++, method, params });
  assert.ok(outcome.accepted && outcome.reply?.ok, `${method}: ${JSON.stringify(outcome)}`);
  return outcome.reply.result;
}

const PACK_STEPS = ['runners', 'job-queue', 'logs-artifacts', 'secrets', 'source-billing'];

suite('Architecture Guide: the CI/CD runner template brings the developer-tool pack', function () {
  this.timeout(90_000);
  suiteSetup(async () => {
    await adriftExtension().activate();
    await vscode.commands.executeCommand('adrift.openGuide');
  });

  test('the flow shows the pack\'s steps after the key decisions, and the records include its decisions', async () => {
    const blank = (await request('load', {})) as { flow: GuideFlow };
    assert.ok(!blank.flow.steps.some((s) => PACK_STEPS.includes(s.id)), 'no product kind yet: the generic checklist only');
    assert.ok(blank.flow.steps[0].fields.some((f) => f.id === 'productKind'), 'the product step asks the kind of product');

    const { answers } = (await request('startTemplate', { template: 'ci-runner' })) as { answers: Record<string, unknown> };
    assert.equal(answers.productKind, 'developer-tool');
    assert.deepEqual(answers, templateAnswers('ci-runner'));
    // The webview saves its state as the user goes; a reload loads the flow for those answers.
    const saved = await vscode.commands.executeCommand<Reply>('adrift.test.guide.receive', { type: 'saveState', state: { version: 1, template: 'ci-runner', step: 0, answers, tab: 'guide' } });
    assert.ok(saved.accepted, JSON.stringify(saved));
    const loaded = (await request('load', {})) as { flow: GuideFlow };
    const ids = loaded.flow.steps.map((s) => s.id);
    const at = ids.indexOf('decisions') + 1;
    assert.deepEqual(ids.slice(at, at + PACK_STEPS.length), PACK_STEPS, ids.join(', '));
    assert.equal(ids[at + PACK_STEPS.length], 'build-vs-buy');
    const isolation = loaded.flow.steps.find((s) => s.id === 'runners')?.fields.find((f) => f.id === 'jobIsolation');
    assert.ok(isolation?.kind === 'choice' && isolation.options.some((o) => o.id === 'microvm'), 'the runner step asks how jobs are isolated');

    const preview = (await request('preview', { answers })) as { records: { title: string; yaml: string }[] };
    const titles = preview.records.map((r) => r.title);
    for (const title of ['Job isolation: A fresh container per job', 'Job dispatch: Long-poll with leases and heartbeats', 'Secrets: Encrypted in the database under KMS keys', 'Source control integration: A GitHub App (and the GitLab, Bitbucket equivalents)']) {
      assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
    }

    const { written } = (await request('write', { answers })) as { written: string[] };
    assert.equal(written.length, preview.records.length);
    for (const file of written) {
      const text = fs.readFileSync(path.join(testWorkspace(), file), 'utf8');
      assert.deepEqual(parseRecord(file, text).findings, [], file);
    }
    const isolationFile = written.find((f) => /job-isolation/.test(f));
    assert.ok(isolationFile, written.join(', '));
    const isolationYaml = fs.readFileSync(path.join(testWorkspace(), isolationFile), 'utf8');
    assert.match(isolationYaml, /review_by: \d{4}-\d{2}-\d{2}/);
    assert.match(isolationYaml, /Confirmation: Not checked in code\./);
    const scm = fs.readFileSync(path.join(testWorkspace(), written.find((f) => /source-control/.test(f))!), 'utf8');
    assert.match(scm, /only_in:\n\s+"@octokit\/app": \[ integration \]/);
    // The CLI's own lint, as CI would run it on the records just written.
    execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'lint', testWorkspace()], { encoding: 'utf8' });
  });
});
