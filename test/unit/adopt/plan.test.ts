// Adoption: the user's choices per pair of modules become a proposed boundaries record and
// baseline entries, and once the record is accepted the check reports exactly what was
// chosen to flag.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { edgeStats, planAdoption, scanForAdoption, type AdoptionInput, type ProposedModule } from '../../../src/core/adopt';
import { parseBaseline, serializeBaseline } from '../../../src/core/engine/baseline';
import { checkWorkspace } from '../../../src/core/engine/check';
import { setStatus } from '../../../src/core/records/edits';
import { loadDecisionLog } from '../../../src/core/records/store';
import { cleanUp } from '../cli/run-cli';
import { fs, tree, writeTree } from './tree';

const MODULES: ProposedModule[] = ['web', 'api', 'db'].map((name) => ({ name, paths: [`src/${name}/**`] }));
const FILES = {
  'src/web/page.ts': "import { a } from '../api/a';\nimport { b } from '../api/b';\nimport { q } from '../db/q';\nexport const p = [a, b, q];\n",
  'src/api/a.ts': "import { q } from '../db/q';\nexport const a = q;\n",
  'src/api/b.ts': 'export const b = 2;\n',
  'src/db/q.ts': "import { b } from '../api/b';\nexport const q = b;\n",
};

async function adopt(root: string, input: Omit<AdoptionInput, 'modules' | 'stats' | 'record' | 'baseline'> & Partial<Pick<AdoptionInput, 'baseline'>>) {
  const log = await loadDecisionLog(fs, root);
  const { index } = await scanForAdoption(fs, root, MODULES, { exclude: [], scanDotFolders: true, severity: {} }, { cache: false });
  const stats = edgeStats(index, MODULES);
  const plan = planAdoption(index, log, {
    modules: MODULES,
    stats,
    baseline: { reason: 'inherited, fix by Q2', expires: '2027-06-30' },
    record: { id: 1, date: '2026-12-02', deciders: ['tech lead'] },
    ...input,
  });
  return { plan, stats };
}

/** Writes the plan, accepts the record as a user would, and runs the check. */
async function acceptAndCheck(root: string, plan: Awaited<ReturnType<typeof adopt>>['plan']) {
  writeTree(root, { [plan.recordPath]: plan.recordText, ...(plan.baseline ? { '.adrift-baseline.json': serializeBaseline(plan.baseline, '.adrift-baseline.json') } : {}) });
  const log = await loadDecisionLog(fs, root);
  for (const c of setStatus(log, plan.record.id, 'accepted', { today: '2026-12-02' })) writeTree(root, { [c.path]: c.text });
  return checkWorkspace(fs, root, { cache: false, today: '2026-12-02' });
}

describe('planAdoption', () => {
  after(cleanUp);

  it('allowing every edge today gives a record whose first check is clean; the lighter direction of a cycle is baselined with the reason and expiry', async () => {
    const root = tree(FILES);
    const { plan, stats } = await adopt(root, { otherwise: 'allow' });
    assert.deepEqual(stats.cycles, [['api', 'db']]);
    assert.equal(plan.record.status, 'proposed');
    assert.equal(plan.recordPath, 'docs/adr/0001-record-the-module-boundaries-the-code-has-today.yaml');
    assert.deepEqual(plan.record.enforce?.modules, {
      web: { paths: ['src/web/**'], uses: ['api', 'db'] },
      api: { paths: ['src/api/**'], uses: ['db'] },
      db: { paths: ['src/db/**'] },
    });
    assert.deepEqual(plan.cycleBreaks, [{ from: 'db', to: 'api' }]);
    assert.deepEqual(plan.flagged, []);
    assert.deepEqual(
      plan.baselineEntries.map((e) => [e.rule, e.file, e.fromModule, e.toModule, e.reason, e.expires]),
      [
        ['module-cycle', 'src/db/q.ts', 'db', 'api', 'inherited, fix by Q2', '2027-06-30'],
        ['module-dependency', 'src/db/q.ts', 'db', 'api', 'inherited, fix by Q2', '2027-06-30'],
      ],
    );
    assert.match(plan.record.context ?? '', /db → api is not allowed: with the other allowed pairs it would close a cycle/);
    const result = await acceptAndCheck(root, plan);
    assert.deepEqual(result.findings, []);
    assert.equal(result.baseline?.suppressed, 2);
    assert.deepEqual(result.baseline?.unused, []);
  });

  it('allows some pairs, baselines others and flags the rest: the first check shows exactly the flagged findings', async () => {
    const root = tree(FILES);
    const { plan } = await adopt(root, {
      otherwise: 'baseline',
      choices: [
        { from: 'web', to: 'api', choice: 'allow' },
        { from: 'web', to: 'db', choice: 'flag' },
      ],
    });
    assert.deepEqual(plan.allowed, [{ from: 'web', to: 'api' }]);
    assert.deepEqual(plan.flagged.map((f) => `${f.rule} ${f.file}:${f.range.start.line + 1} ${f.fromModule}→${f.toModule}`), ['module-dependency src/web/page.ts:3 web→db']);
    assert.deepEqual(
      plan.baselineEntries.map((e) => `${e.rule} ${e.file} ${e.fromModule}→${e.toModule}`).sort(),
      ['module-cycle src/api/a.ts api→db', 'module-dependency src/api/a.ts api→db', 'module-dependency src/db/q.ts db→api'],
    );
    assert.match(plan.record.context ?? '', /web → db are violations to fix/);
    const result = await acceptAndCheck(root, plan);
    assert.deepEqual(
      result.findings.map((f) => `${f.rule} ${f.file}:${f.range.start.line + 1}`),
      plan.flagged.map((f) => `${f.rule} ${f.file}:${f.range.start.line + 1}`),
    );
    assert.match(result.findings[0].message, /ADR-0001 "Record the module boundaries the code has today"/);
  });

  it('judges the edges whichever record sets `undeclared`: an older accepted record making them warnings still gets them baselined', async () => {
    const root = tree({ ...FILES, 'docs/adr/0000-warn.yaml': 'id: 0\ntitle: Warn on undeclared imports\nstatus: accepted\ndate: 2026-01-01\nenforce:\n  undeclared: warn\n' });
    const { plan } = await adopt(root, { otherwise: 'baseline', choices: [{ from: 'web', to: 'db', choice: 'flag' }] });
    assert.deepEqual(plan.flagged.map((f) => `${f.rule} ${f.severity} ${f.fromModule}→${f.toModule} ADR-${f.decision?.id}`), ['module-dependency warning web→db ADR-0']);
    const result = await acceptAndCheck(root, plan);
    assert.deepEqual(result.findings.map((f) => `${f.rule} ${f.fromModule}→${f.toModule}`), ['module-dependency web→db']);
  });

  it('keeps the entries of an existing baseline and does not add one for a finding it already accepts', async () => {
    const root = tree(FILES);
    const previous = parseBaseline(
      JSON.stringify({ version: 1, entries: [{ rule: 'module-dependency', file: 'src/api/a.ts', fromModule: 'api', toModule: 'db', specifier: '../db/q', reason: 'older reason' }, { rule: 'data-ownership', file: 'src/x.ts', message: 'm', reason: 'kept' }] }),
    ).baseline;
    const { plan } = await adopt(root, { otherwise: 'baseline', previousBaseline: previous });
    assert.ok(plan.baseline);
    const reasons = plan.baseline.entries.map((e) => `${e.file} ${e.fromModule ?? ''}→${e.toModule ?? ''} ${e.reason}`);
    assert.ok(reasons.includes('src/api/a.ts api→db older reason'), reasons.join('\n'));
    assert.ok(reasons.includes('src/x.ts → kept'));
    assert.equal(plan.baseline.entries.filter((e) => e.rule === 'module-dependency' && e.file === 'src/api/a.ts').length, 1);
  });

  it('the record it writes is valid YAML the log reads back without findings', async () => {
    const root = tree(FILES);
    const { plan } = await adopt(root, { otherwise: 'flag' });
    writeTree(root, { [plan.recordPath]: plan.recordText });
    const log = await loadDecisionLog(fs, root);
    assert.deepEqual(log.findings, []);
    assert.equal(log.records[0].record?.title, 'Record the module boundaries the code has today');
    assert.match(readFileSync(path.join(root, plan.recordPath), 'utf8'), /^# Written by `adrift init --from-code`/);
  });
});
