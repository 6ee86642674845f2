// Records written before any code, as a team commits them from another machine: the guide's
// help-desk records plus one hand-written accepted record a reviewer would stop (template
// text, no deciders, a table another module owns, uses that go round). The editor shows on
// the record files exactly what `adrift check` prints: the reviewer's findings included, and
// no "glob matches no file" warning, since there is no code yet.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { planRecords } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import { recordFileChanges } from '../../../src/core/guide/write';
import { adriftExtension, workspaceUri } from '../harness';
import { assertEditorAgreesWithCli } from '../agreement';

/** A record numbered after the guide's: `id` is filled in. */
const INBOX = (id: number) => `id: ${id}
title: Ingest support email in an inbox module
status: accepted
date: 2026-12-02
kind: boundaries
deciders: []
decision:
  chosen: An inbox module beside ticket
  rationale: "TEMPLATE: say why email ingestion is its own module"
enforce:
  modules:
    inbox:
      paths: [api/src/inbox/**]
      owns: [tickets]
      uses: [ticket]
    ticket:
      uses: [inbox]
`;

suite('Editor and CLI agree on records written before the code', function () {
  this.timeout(120_000);

  test('the reviewer\'s findings show in the editor as `adrift check` prints them, and no glob warning', async () => {
    const answers = templateAnswers('help-desk');
    assert.ok(answers);
    // Accepted, as a team commits them after review (the guide's default is proposed).
    const plan = planRecords(answers, { existing: [], date: '2026-12-02', status: 'accepted' });
    const id = plan.records.length + 1;
    const inbox = `docs/adr/${String(id).padStart(4, '0')}-ingest-support-email-in-an-inbox-module.yaml`;
    const files = [...recordFileChanges(plan.records, 'docs/adr'), { path: inbox, text: INBOX(id) }];
    // Through VS Code's file service, as a checkout would land: the extension activates on them.
    for (const f of files) await vscode.workspace.fs.writeFile(workspaceUri(f.path), new TextEncoder().encode(f.text));
    await adriftExtension().activate();

    const findings = await assertEditorAgreesWithCli(60_000);
    const at = (line: number, rule: string) => `${inbox}:${line} ${rule}`;
    for (const expected of [at(6, 'decision-review'), at(9, 'decision-review'), at(14, 'decision-model'), at(15, 'decision-model'), at(17, 'decision-model')]) {
      assert.ok(findings.includes(expected), `${expected} among ${findings.join(', ')}`);
    }
    assert.ok(findings.some((f) => /^docs\/adr\/0003-.*:\d+ decision-model$/.test(f)), `the ticket module's own owns entry is flagged too: ${findings.join(', ')}`);
    assert.ok(!findings.some((f) => f.endsWith(' decision-reference')), `no code yet, so no glob is reported as matching no file: ${findings.join(', ')}`);
  });
});
