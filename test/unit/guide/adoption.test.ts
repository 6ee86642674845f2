// Adopting Adrift on the help desk example with its records removed, the way the guide does
// it: the modules the code proposes become the guide's boundaries record, two pairs are
// allowed and the others baselined with a reason and an expiry (or left as drift), the records
// and the baseline file are written, and the first check reports exactly what was predicted.

import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverModules, scanForAdoption } from '../../../src/core/adopt';
import { checkWorkspace } from '../../../src/core/engine/check';
import { parseBaseline, serializeBaseline, type Baseline } from '../../../src/core/engine/baseline';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { baselineChoices, type BaselineChoice } from '../../../src/core/guide/adoption';
import { guideBaseline, modulesOfAnswers, proposalFolders, proposalSource } from '../../../src/core/guide/adoptionBaseline';
import { planRecords } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import type { GuideAnswers } from '../../../src/core/guide/types';
import { recordFileChanges } from '../../../src/core/guide/write';
import { loadDecisionLog } from '../../../src/core/records/store';

const EXAMPLE = path.resolve(__dirname, '../../../../examples/helpdesk');
const TODAY = '2026-12-02';

function key(f: { rule: string; file: string; fromModule?: string; toModule?: string }): string {
  return f.fromModule ? `${f.rule} ${f.fromModule} → ${f.toModule} ${f.file}` : `${f.rule} ${f.file}`;
}

/** The example suppresses a data-ownership finding its own records raise; without them the comment suppresses nothing, and says so. */
const STALE_SUPPRESSION = 'unused-suppression src/server/tenant/usage-report.ts';

describe('guide: adopting Adrift on the help desk without records', function () {
  this.timeout(60_000);
  let root: string;
  const fs = new NodeFileSystem();

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'adrift-adopt-')).replace(/\\/g, '/');
    cpSync(EXAMPLE, root, { recursive: true });
    rmSync(path.join(root, 'docs'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The top folders under src as the modules, as a user keeps them after "Discover from code" (merging src/server's folders into one). */
  async function answersFromCode(): Promise<GuideAnswers> {
    const answers = templateAnswers('blank') ?? {};
    answers.product = 'Help desk for SMB support teams';
    answers.deciders = ['tech lead'];
    answers.modulesRationale = 'The folders the code grew into; tighten them one pair at a time.';
    answers.modules = ['server', 'app', 'components', 'lib', 'jobs'].map((name) => ({ name, responsibility: '', folders: [`src/${name}`] }));
    return answers;
  }

  /** Plans the records (as accepted) and the baseline as the guide's host does. */
  async function plan(answers: GuideAnswers, previous?: Baseline) {
    const log = await loadDecisionLog(fs, root);
    const records = planRecords(answers, { existing: [], date: TODAY, status: 'accepted' }).records;
    const files = recordFileChanges(records, log.folderRelative);
    const { modules } = modulesOfAnswers(answers.modules as { name: string; folders: string[] }[]);
    const { index } = await scanForAdoption(fs, root, modules, { exclude: [], severity: {}, scanDotFolders: false }, { cache: false });
    const planned = guideBaseline(index, log, records.map((r, i) => ({ id: r.id, path: files[i].path, text: files[i].text })), baselineChoices(answers), { previous, today: TODAY });
    return { files, planned };
  }

  /** Plans, writes the files, and checks the workspace with and without the baseline. */
  async function finish(answers: GuideAnswers) {
    const { files, planned } = await plan(answers);
    for (const f of files) {
      mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
      writeFileSync(path.join(root, f.path), f.text);
    }
    if (planned.baseline) writeFileSync(path.join(root, '.adrift-baseline.json'), serializeBaseline(planned.baseline, '.adrift-baseline.json'));
    const check = await checkWorkspace(fs, root, { cache: false, today: TODAY });
    const unbaselined = await checkWorkspace(fs, root, { cache: false, today: TODAY, baseline: false });
    return { planned, check, unbaselined };
  }

  it('shows each proposal of the code as the modules table takes it: its folders, and where it comes from', async () => {
    const found = await discoverModules(fs, root);
    const app = found.proposals.find((p) => p.folder === 'src/app');
    assert.ok(app, found.proposals.map((p) => p.folder).join(', '));
    assert.deepEqual([proposalFolders(app), app.fileCount, proposalSource(app)], [['src/app'], 11, 'folder under src']);
    const base = { name: 'api', fileCount: 1, folder: 'packages/api', paths: ['packages/api/**'] };
    assert.equal(proposalSource({ ...base, source: 'npm-workspace', unitName: '@acme/api' }), 'npm workspace package @acme/api');
    assert.equal(proposalSource({ ...base, source: 'go-package', unitName: 'example.com/x/internal/api' }), 'Go package example.com/x/internal/api');
    assert.equal(proposalSource({ ...base, source: 'folder', folder: 'lib' }), 'top folder');
    assert.deepEqual(proposalFolders({ ...base, source: 'go-package', folder: '', paths: ['*.go'] }), ['*.go'], 'a glob stays a glob');
    assert.deepEqual(proposalFolders({ ...base, source: 'folder', folder: 'src/app/[slug]', paths: ['src/app/\\[slug\\]/**'] }), ['src/app/[slug]'], 'a folder is its name, unescaped');
  });

  it('two pairs allowed, the rest baselined: the first check reports none of their imports, and without the baseline exactly the baselined ones', async () => {
    const answers = await answersFromCode();
    answers.uses = { app: ['server'], components: ['lib'] };
    const baselined: BaselineChoice[] = [
      { from: 'app', to: 'components', reason: 'pages render components until the design system moves', expires: '2027-03-02' },
      { from: 'lib', to: 'server', reason: 'shared types come from the server for now', expires: '2027-03-02' },
      { from: 'app', to: 'lib', reason: 'accepted when adopting Adrift', expires: '' },
      { from: 'components', to: 'server', reason: 'accepted when adopting Adrift', expires: '2027-03-02' },
      { from: 'jobs', to: 'server', reason: 'accepted when adopting Adrift', expires: '2027-03-02' },
    ];
    answers.baseline = baselined;
    const { planned, check, unbaselined } = await finish(answers);

    assert.deepEqual(planned.pairs.map((p) => [p.from, p.to, p.entries]), [['app', 'components', 4], ['lib', 'server', 3], ['app', 'lib', 1], ['components', 'server', 1], ['jobs', 'server', 1]]);
    assert.deepEqual(planned.flagged.map(key), [STALE_SUPPRESSION], 'no import is left to flag');
    const drift = (findings: typeof check.findings) => findings.filter((f) => !f.rule.startsWith('decision-'));
    assert.deepEqual(drift(check.findings).map(key), [STALE_SUPPRESSION], 'the first check after finishing reports no import');
    // The first record (why decisions are recorded) is one the guide does not ask about: accepted, its rationale is still to write.
    assert.deepEqual(check.findings.filter((f) => f.rule.startsWith('decision-')).map((f) => `${f.rule} ${f.file}`), ['decision-review docs/adr/0001-record-architecture-decisions-as-yaml-records-that-adrift.yaml']);
    assert.equal(check.baseline?.suppressed, 10);
    assert.deepEqual(check.baseline?.unused, []);
    const expected = planned.entries.map((e) => key({ rule: e.rule, file: e.file, fromModule: e.fromModule, toModule: e.toModule })).sort();
    assert.deepEqual(drift(unbaselined.findings).map(key).filter((k) => k !== STALE_SUPPRESSION).sort(), expected);
    assert.ok(expected.every((k) => k.startsWith('module-dependency')), expected.join('\n'));

    // The entries carry each pair's own reason and expiry.
    const entries = parseBaseline(serializeBaseline(planned.baseline!, '.adrift-baseline.json')).baseline.entries;
    const lib = entries.filter((e) => e.fromModule === 'lib');
    assert.deepEqual(lib.map((e) => [e.file, e.reason, e.expires]), [['src/lib/types.ts', 'shared types come from the server for now', '2027-03-02'], ['src/lib/types.ts', 'shared types come from the server for now', '2027-03-02'], ['src/lib/types.ts', 'shared types come from the server for now', '2027-03-02']]);
    assert.equal(entries.find((e) => e.fromModule === 'app' && e.toModule === 'lib')?.expires, undefined, 'no expiry when none is given');
    assert.ok(entries.every((e) => e.decision === 2), 'entries name the boundaries record');
  });

  it('a baselined pair the layers forbid: its imports are layer findings, and the baseline takes them too, so the first check is as chosen', async () => {
    const answers = await answersFromCode();
    answers.uses = { app: ['server', 'components', 'lib'], components: ['lib', 'server'], jobs: ['server'] };
    // server above lib: lib's imports of server go up a layer, which no `uses` can allow.
    answers.layers = [{ modules: ['server'], closed: '' }, { modules: ['lib'], closed: '' }] as GuideAnswers[string];
    answers.baseline = [{ from: 'lib', to: 'server', reason: 'shared types come from the server for now', expires: '2027-03-02' }];
    const { planned, check, unbaselined } = await finish(answers);

    assert.deepEqual(planned.pairs.map((p) => [p.from, p.to, p.entries]), [['lib', 'server', 3]]);
    assert.deepEqual([...new Set(planned.entries.map((e) => e.rule))], ['layer-dependency']);
    const pair = (findings: typeof check.findings) => findings.filter((f) => f.fromModule === 'lib' && f.toModule === 'server').map(key);
    assert.deepEqual(pair(check.findings), [], 'the first check reports none of the baselined imports');
    assert.deepEqual(pair(unbaselined.findings), ['layer-dependency lib → server src/lib/types.ts', 'layer-dependency lib → server src/lib/types.ts', 'layer-dependency lib → server src/lib/types.ts']);
  });

  it('a pair left as drift is what the first check reports, exactly as predicted; an expired entry reports its imports again', async () => {
    const answers = await answersFromCode();
    answers.uses = { app: ['server', 'components', 'lib'], components: ['lib'] };
    answers.baseline = [
      { from: 'lib', to: 'server', reason: 'old', expires: '2026-11-30' },
      { from: 'components', to: 'server', reason: 'accepted when adopting Adrift', expires: '2027-03-02' },
    ];
    const { planned, check } = await finish(answers);
    const drift = check.findings.filter((f) => !f.rule.startsWith('decision-'));
    assert.deepEqual(drift.map(key).sort(), planned.flagged.map(key).sort());
    assert.deepEqual(drift.map(key).sort(), [
      'module-dependency jobs → server src/jobs/sla-reminders.ts',
      'module-dependency lib → server src/lib/types.ts',
      'module-dependency lib → server src/lib/types.ts',
      'module-dependency lib → server src/lib/types.ts',
      STALE_SUPPRESSION,
    ]);
    assert.match(drift.find((f) => f.fromModule === 'lib')?.message ?? '', /baseline entry expired on 2026-11-30 \(old\)/);
  });

  it('keeps the entries a baseline file already has, and adds none for a finding one of them accepts', async () => {
    const answers = await answersFromCode();
    answers.uses = { app: ['server', 'components', 'lib'], components: ['lib', 'server'] };
    answers.baseline = [
      { from: 'jobs', to: 'server', reason: 'moves next quarter', expires: '2027-03-02' },
      { from: 'lib', to: 'server', reason: 'shared types', expires: '2027-03-02' },
    ];
    const previous = { entries: [
      { rule: 'module-dependency', file: 'src/jobs/sla-reminders.ts', fromModule: 'jobs', toModule: 'server', specifier: '@/server/ticket', reason: 'accepted last year' },
      { rule: 'forbidden-package', file: 'src/other.ts', specifier: 'bcrypt', reason: 'kept as it is' },
    ] };
    const { planned } = await plan(answers, previous);
    assert.deepEqual(planned.pairs.map((p) => [p.from, p.to, p.entries]), [['jobs', 'server', 0], ['lib', 'server', 3]]);
    assert.deepEqual(planned.baseline?.entries.map((e) => e.reason).sort(), ['accepted last year', 'kept as it is', 'shared types', 'shared types', 'shared types']);
    assert.deepEqual(planned.flagged.map(key), [STALE_SUPPRESSION]);
  });
});
