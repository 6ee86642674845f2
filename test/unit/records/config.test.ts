import * as assert from 'node:assert/strict';
import { loadConfig, parseConfig, resolveDecisionsFolder } from '../../../src/core/config';
import { formatFindingLine } from '../../../src/core/findings';
import { MemoryFileSystem } from './memory-fs';

describe('config', () => {
  it('gives the defaults without .adrift.yaml', async () => {
    const fs = new MemoryFileSystem();
    const c = await loadConfig(fs, '/ws');
    assert.equal(c.file, undefined);
    assert.equal(c.baseline, '.adrift-baseline.json');
    assert.equal(await resolveDecisionsFolder(fs, '/ws', c), 'docs/adr');
  });

  it('reads folder, baseline, exclude and severities', () => {
    const c = parseConfig('decisions: arch/adr/\nbaseline: .adrift/baseline.json\nexclude: [gen/**]\nseverity:\n  unassigned-file: off\n  module-cycle: warning\n');
    assert.deepEqual(c.findings, []);
    assert.equal(c.decisions, 'arch/adr');
    assert.equal(c.baseline, '.adrift/baseline.json');
    assert.deepEqual(c.exclude, ['gen/**']);
    assert.deepEqual(c.severity, { 'unassigned-file': 'off', 'module-cycle': 'warning' });
  });

  it('points at bad keys and values', () => {
    const c = parseConfig('exclude: gen/**\nseverity:\n  module-cycles: warning\n  module-cycle: loud\n');
    assert.deepEqual(c.findings.map(formatFindingLine), [
      '.adrift.yaml:1:10 decision-schema exclude must be a list of globs, e.g. [generated/**, "**/*.test.ts"]',
      '.adrift.yaml:3:3 decision-schema unknown rule "module-cycles" (did you mean "module-cycle"?)',
      '.adrift.yaml:4:17 decision-schema severity of module-cycle must be one of error, warning, info, off (found "loud")',
    ]);
  });

  it('lets an explicit folder win over everything', async () => {
    const c = parseConfig('decisions: a\n');
    assert.equal(await resolveDecisionsFolder(new MemoryFileSystem(), '/ws', c, 'b\\c'), 'b/c');
  });
  it('reads scan_dot_folders, true by default, and rejects what is not a boolean (issue 17 item 18)', () => {
    assert.equal(parseConfig('').scanDotFolders, true);
    assert.equal(parseConfig('scan_dot_folders: false\n').scanDotFolders, false);
    const bad = parseConfig('scan_dot_folders: sometimes\n');
    assert.equal(bad.scanDotFolders, true);
    assert.deepEqual(bad.findings.map((f) => f.message), ['scan_dot_folders must be true or false']);
  });
});
