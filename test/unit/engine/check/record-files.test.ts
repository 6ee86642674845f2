// What `adrift check` says about the records' globs against the files of the workspace
// (issue 17 item 20): at the glob itself, naming what the folder holds when it holds no
// source file, and nothing at all for a workspace with no code yet.

import * as assert from 'node:assert/strict';
import { checkWorkspace } from '../../../../src/core/engine/check';
import { formatFindingLine } from '../../../../src/core/findings';
import { planRecords } from '../../../../src/core/guide/records';
import { templateAnswers } from '../../../../src/core/guide/templates';
import { recordFileChanges } from '../../../../src/core/guide/write';
import { MemoryFileSystem } from './memory';

const ROOT = '/ws';
const DECISION = [
  'id: 1',
  'title: Modules',
  'status: accepted',
  'date: 2026-11-27',
  'enforce:',
  '  modules:',
  '    ticket:',
  '      paths: [src/ticket/**]',
  '    site:',
  '      paths: [src/ticket/x.ts, site/**]',
  '  imports:',
  '    forbid:',
  '      - { from: src/**, to: gone/** }',
  '',
].join('\n');

describe('record globs against the workspace files', () => {
  it('points at the glob and says what a folder without source files holds', async () => {
    const fs = new MemoryFileSystem(ROOT, {
      'docs/adr/0001-modules.yaml': DECISION,
      'src/ticket/a.ts': 'export const a = 1;\n',
      'site/index.md': '# Site\n',
      'site/guide/start.md': '# Start\n',
      'site/guide/more.md': '# More\n',
      'site/404.html': '<h1>404</h1>\n',
    });
    const result = await checkWorkspace(fs, ROOT, { cache: false, baseline: false });
    assert.deepEqual(result.findings.map(formatFindingLine), [
      'docs/adr/0001-modules.yaml:10:15 decision-reference module site: path "src/ticket/x.ts" matches no file in the workspace (a renamed or deleted folder?)',
      'docs/adr/0001-modules.yaml:10:32 decision-reference module site: path "site/**" matches 4 files but no source file (.md, .html); Adrift checks TypeScript, JavaScript, Python and Go files',
      'docs/adr/0001-modules.yaml:13:25 decision-reference forbidden import: to "gone/**" matches no file in the workspace (a renamed or deleted folder?)',
    ]);
  });

  for (const template of ['help-desk', 'ci-runner', 'writing-assistant']) {
    it(`reports nothing but the marked template text on the guide's ${template} records in a workspace with no code yet`, async () => {
      const plan = planRecords(templateAnswers(template) ?? {}, { existing: [], date: '2026-12-01', status: 'accepted' });
      const files: Record<string, string> = { 'README.md': '# New product\n' };
      for (const change of recordFileChanges(plan.records, 'docs/adr')) files[change.path] = change.text;
      const result = await checkWorkspace(new MemoryFileSystem(ROOT, files), ROOT, { cache: false, baseline: false, today: '2026-12-01' });
      // The templates' own words are marked "TEMPLATE:", and decision-review rightly asks for
      // the team's words in an accepted record; every other finding (a glob that matches
      // nothing above all) would be wrong here.
      const templateText = (f: (typeof result.findings)[number]) => f.rule === 'decision-review' && /is template text \(it starts with "TEMPLATE:"\)/.test(f.message);
      assert.deepEqual(result.findings.filter((f) => !templateText(f)).map(formatFindingLine), []);
    });
  }
});
