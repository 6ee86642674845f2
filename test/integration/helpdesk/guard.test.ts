// The two write rules in the real editor (issue 17 items 5 and 8): nothing is written outside
// the workspace folder, whatever adrift.decisionsFolder says, and generated output never
// replaces a file somebody wrote by hand unless they say yes to a question naming it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testWorkspace, waitFor, waitForDiagnostics } from '../harness';
import { activated, answer, recordFiles, snapshotWorkspace } from './commandsTestHooks';

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

async function setDecisionsFolder(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('adrift').update('decisionsFolder', value, vscode.ConfigurationTarget.Workspace);
}

const SETTING_FINDING = /adrift\.decisionsFolder .* is outside the workspace folder/;

suite('Write guard: outside the workspace and hand-written files', () => {
  let restore: (() => Promise<void>) | undefined;
  let outside = '';
  const link = () => path.join(testWorkspace(), 'linked-adr');
  suiteSetup(async () => {
    await activated();
    restore = snapshotWorkspace();
    // A sibling of the workspace copy: "../<name>" from inside it.
    outside = fs.mkdtempSync(path.join(path.dirname(testWorkspace()), 'adrift-outside-'));
  });
  suiteTeardown(async () => {
    await setDecisionsFolder(undefined);
    fs.rmSync(link(), { force: true });
    await restore?.();
    fs.rmSync(outside, { recursive: true, force: true });
  });
  teardown(async () => {
    await answer();
  });

  const cases: [string, () => string][] = [
    ['a relative path leading out (../)', () => `../${path.basename(outside)}`],
    ['an absolute path', () => outside],
    ['a symlink inside the workspace that points outside', () => {
      if (!fs.existsSync(link())) fs.symlinkSync(outside, link(), 'dir');
      return 'linked-adr';
    }],
  ];
  for (const [what, value] of cases) {
    test(`adrift.decisionsFolder set to ${what}: Add Decision Record and Create Baseline write nothing, name the setting, and the finding is published`, async () => {
      const recordsBefore = recordFiles();
      await setDecisionsFolder(value());
      await waitForDiagnostics('.vscode/settings.json', (d) => d.some((x) => SETTING_FINDING.test(x.message)));
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('adrift.addDecision', { kind: 'general', title: 'Never outside' })), /adrift\.decisionsFolder/);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('adrift.createBaseline', { reason: 'accepted for now' })), /adrift\.decisionsFolder/);
      assert.deepEqual(filesUnder(outside), []);
      assert.deepEqual(recordFiles(), recordsBefore);
      await setDecisionsFolder(undefined);
      await waitFor('the finding to go once the setting is gone', () => !vscode.languages.getDiagnostics(vscode.Uri.file(path.join(testWorkspace(), '.vscode/settings.json'))).some((x) => SETTING_FINDING.test(x.message)));
    });
  }
});
