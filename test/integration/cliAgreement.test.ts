// The editor and CI report the same drift: on the help desk example, the diagnostics the
// editor publishes are the findings `adrift check` prints, file, line and rule.

import * as assert from 'node:assert/strict';
import { adriftExtension } from './harness';
import { assertEditorAgreesWithCli } from './agreement';

suite('Editor and CLI agree on the help desk example', function () {
  this.timeout(90_000);
  suiteSetup(async () => {
    await adriftExtension().activate();
  });

  test('the editor publishes exactly the findings of `adrift check`', async () => {
    const findings = await assertEditorAgreesWithCli();
    assert.ok(findings.some((f) => f.endsWith(' module-dependency')), `the example's planted drift is among them: ${findings.join(', ')}`);
  });
});
