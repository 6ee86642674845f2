// Record findings in the editor, on a copy of examples/broken: each broken record shows its
// finding as a diagnostic in the record file itself, at the offending key, and the other
// records load without any.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { adriftExtension, testWorkspace, waitForDiagnostics } from '../harness';

interface ExpectedFinding {
  rule: string;
  file: string;
  /** 1-based, as the CLI prints it. */
  line: number;
  column: number;
}

function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : undefined;
}

suite('Editor: record findings of a broken decision log', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(testWorkspace(), 'expected-findings.json'), 'utf8')) as ExpectedFinding[];

  suiteSetup(async () => {
    await adriftExtension().activate();
  });

  for (const finding of expected) {
    test(`${finding.file}:${finding.line}:${finding.column} shows ${finding.rule} at the offending key`, async () => {
      const diagnostics = await waitForDiagnostics(finding.file, (ds) => ds.some((d) => ruleOf(d) === finding.rule));
      const d = diagnostics.find((x) => ruleOf(x) === finding.rule);
      assert.ok(d);
      assert.equal(d.source, 'Adrift');
      assert.deepEqual([d.range.start.line + 1, d.range.start.character + 1], [finding.line, finding.column]);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    });
  }

  test('the records without problems have no diagnostics', async () => {
    const broken = new Set(expected.map((f) => f.file));
    const folder = path.join(testWorkspace(), 'docs', 'adr');
    const clean = fs.readdirSync(folder).map((name) => `docs/adr/${name}`).filter((file) => !broken.has(file));
    assert.ok(clean.length > 0);
    // Wait until the broken ones are published, so "none" for the clean ones is meaningful.
    await waitForDiagnostics(expected[0]!.file, (ds) => ds.length > 0);
    for (const file of clean) {
      const uri = vscode.Uri.file(path.join(testWorkspace(), file));
      assert.deepEqual(vscode.languages.getDiagnostics(uri).map((d) => d.message), [], `${file} has no findings`);
    }
  });
});
