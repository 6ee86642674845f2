// The guide webview's state of adopting Adrift on existing code (webview/guide/adopt.ts):
// proposals kept, renamed, merged and dropped before they reach the modules table, and per
// pair of modules one of allow, baseline or drift.

import * as assert from 'node:assert/strict';
import { addToTable, allowAll, baselineOf, keptModules, mergeInto, mergeTargets, pairChoice, proposalRows, readProposals, renameInBaseline, setBaselineDetail, setKept, setPairChoice } from '../../../webview/guide/adopt';
import type { GuideAnswers, ModuleProposal, PairImports, TableRow } from '../../../src/protocol/guide';

const PROPOSALS: ModuleProposal[] = [
  { name: 'server', folders: ['src/server'], files: 33, source: 'folder under src' },
  { name: 'app', folders: ['src/app'], files: 11, source: 'folder under src' },
  { name: 'components', folders: ['src/components'], files: 6, source: 'folder under src' },
  { name: 'lib', folders: ['src/lib'], files: 4, source: 'folder under src' },
  { name: 'jobs', folders: ['src/jobs'], files: 1, source: 'folder under src' },
];

const emptyRow = (): TableRow => ({ name: '', responsibility: '', folders: [] });

describe('guide webview: modules discovered from the code', () => {
  it('starts with every proposal kept under its own name, in the host\'s order', () => {
    const rows = proposalRows(PROPOSALS);
    assert.deepEqual(keptModules(rows), PROPOSALS.map((p) => ({ name: p.name, folders: p.folders, files: p.files })));
    assert.deepEqual(rows.map((r) => [r.id, r.keep, r.into]), PROPOSALS.map((p) => [p.name, 'yes', '']));
  });

  it('a renamed proposal is added under its new name; a blank name falls back to the proposed one', () => {
    const rows = proposalRows(PROPOSALS);
    rows[0].name = 'Backend';
    rows[1].name = '  ';
    assert.deepEqual(keptModules(rows).slice(0, 2).map((m) => m.name), ['Backend', 'app']);
  });

  it('merging adds the folders and files of one module to another; what was merged into it follows it', () => {
    const rows = proposalRows(PROPOSALS);
    assert.ok(mergeInto(rows, 'lib', 'components'));
    assert.ok(mergeInto(rows, 'components', 'app'));
    assert.deepEqual(rows.find((r) => r.id === 'lib')?.into, 'app', 'no chain: lib follows components into app');
    assert.deepEqual(keptModules(rows), [
      { name: 'server', folders: ['src/server'], files: 33 },
      { name: 'app', folders: ['src/app', 'src/components', 'src/lib'], files: 21 },
      { name: 'jobs', folders: ['src/jobs'], files: 1 },
    ]);
    // Un-merging brings it back as a module of its own.
    assert.ok(mergeInto(rows, 'lib', ''));
    assert.deepEqual(keptModules(rows).map((m) => m.name), ['server', 'app', 'lib', 'jobs']);
  });

  it('offers as merge targets only kept modules that are not merged themselves, and refuses any other', () => {
    const rows = proposalRows(PROPOSALS);
    setKept(rows, 'jobs', false);
    mergeInto(rows, 'lib', 'server');
    assert.deepEqual(mergeTargets(rows, 'components').map((r) => r.id), ['server', 'app']);
    assert.equal(mergeInto(rows, 'components', 'jobs'), false, 'a dropped module takes no merge');
    assert.equal(mergeInto(rows, 'components', 'lib'), false, 'a merged module takes no merge');
    assert.equal(mergeInto(rows, 'components', 'components'), false, 'nor does the module itself');
    assert.equal(rows.find((r) => r.id === 'components')?.into, '');
  });

  it('dropping a module leaves it out and un-merges what was merged into it, which is not dropped with it', () => {
    const rows = proposalRows(PROPOSALS);
    mergeInto(rows, 'lib', 'components');
    setKept(rows, 'components', false);
    assert.deepEqual(keptModules(rows).map((m) => m.name), ['server', 'app', 'lib', 'jobs']);
    setKept(rows, 'components', true);
    assert.deepEqual(keptModules(rows).map((m) => m.name), ['server', 'app', 'components', 'lib', 'jobs']);
  });

  it('reads back what was saved, and ignores rows it cannot use', () => {
    const rows = proposalRows(PROPOSALS.slice(0, 2));
    rows[1].keep = 'no';
    const saved: unknown = JSON.parse(JSON.stringify([...rows, { name: 'no id' }, 'junk', null]));
    assert.deepEqual(readProposals(saved), rows);
    assert.deepEqual(readProposals('not rows'), []);
  });

  it('adds the kept modules to the table: a blank row is filled, a module of the same name gains folders, nothing is removed', () => {
    const table: TableRow[] = [{ name: 'Ticket', responsibility: 'tickets', folders: ['src/ticket'] }, emptyRow()];
    const modules = [{ name: 'server', folders: ['src/server'], files: 33 }, { name: 'ticket', folders: ['src/server/ticket'], files: 6 }, { name: 'app', folders: ['src/app'], files: 11 }];
    assert.deepEqual(addToTable(table, modules, { name: 'name', folders: 'folders' }, emptyRow), { added: 2, extended: 1 });
    assert.deepEqual(table, [
      { name: 'Ticket', responsibility: 'tickets', folders: ['src/ticket', 'src/server/ticket'] },
      { name: 'server', responsibility: '', folders: ['src/server'] },
      { name: 'app', responsibility: '', folders: ['src/app'] },
    ]);
    // Adding the same again changes nothing.
    assert.deepEqual(addToTable(table, modules, { name: 'name', folders: 'folders' }, emptyRow), { added: 0, extended: 0 });
    assert.equal(table.length, 3);
  });
});

describe('guide webview: what the code does today, per pair of modules', () => {
  const where = { allow: 'uses', baseline: 'baseline' };
  const defaults = { reason: 'accepted when adopting Adrift', expires: '2027-03-02' };
  const pair = (from: string, to: string, imports: number, closesCycle = false): PairImports => ({ from, to, imports, files: [], fileCount: 1, inCycle: closesCycle, closesCycle });

  it('a pair is drift until it is allowed or baselined, and is only ever one of the three', () => {
    const answers: GuideAnswers = { uses: { app: ['lib'] } };
    assert.equal(pairChoice(answers, where, 'app', 'server'), 'drift');
    assert.equal(pairChoice(answers, where, 'app', 'lib'), 'allow', 'a "may use" ticked below is an allowed pair');

    setPairChoice(answers, where, 'app', 'server', 'baseline', defaults);
    assert.equal(pairChoice(answers, where, 'app', 'server'), 'baseline');
    assert.deepEqual(answers.baseline, [{ from: 'app', to: 'server', ...defaults }]);

    setPairChoice(answers, where, 'app', 'server', 'allow', defaults);
    assert.equal(pairChoice(answers, where, 'app', 'server'), 'allow');
    assert.deepEqual(answers.baseline, [], 'allowing takes the pair out of the baseline');
    assert.deepEqual(answers.uses, { app: ['lib', 'server'] });

    setPairChoice(answers, where, 'app', 'server', 'drift', defaults);
    assert.equal(pairChoice(answers, where, 'app', 'server'), 'drift');
    assert.deepEqual(answers.uses, { app: ['lib'] });
  });

  it('a baselined pair keeps the reason and expiry the user gave', () => {
    const answers: GuideAnswers = {};
    setPairChoice(answers, where, 'jobs', 'server', 'baseline', defaults);
    setBaselineDetail(answers, where, 'jobs', 'server', { reason: 'the reminder job moves into server in Q1', expires: '2027-01-31' });
    // Choosing baseline again does not reset them.
    setPairChoice(answers, where, 'jobs', 'server', 'baseline', defaults);
    assert.deepEqual(baselineOf(answers, where, 'jobs', 'server'), { from: 'jobs', to: 'server', reason: 'the reminder job moves into server in Q1', expires: '2027-01-31' });
    setBaselineDetail(answers, where, 'app', 'server', { reason: 'not baselined' });
    assert.equal(baselineOf(answers, where, 'app', 'server'), undefined, 'a pair not baselined gets no row from a detail');
  });

  it('"Allow every edge that exists today" allows each pair with imports, baselined ones too, and counts what it changed', () => {
    const answers: GuideAnswers = { uses: { app: ['server'] } };
    setPairChoice(answers, where, 'lib', 'server', 'baseline', defaults);
    const pairs = [pair('app', 'server', 16), pair('components', 'lib', 9), pair('lib', 'server', 3), pair('jobs', 'app', 0)];
    assert.deepEqual(allowAll(answers, where, pairs, defaults), { allowed: 2, baselined: 0 });
    assert.deepEqual(answers.uses, { app: ['server'], components: ['lib'], lib: ['server'] });
    assert.deepEqual(answers.baseline, []);
    assert.deepEqual(allowAll(answers, where, pairs, defaults), { allowed: 0, baselined: 0 }, 'nothing left to allow');
  });

  it('"Allow every edge that exists today" baselines the lighter direction of a cycle instead of declaring uses that go round', () => {
    const answers: GuideAnswers = { uses: { server: ['lib'] } };
    const pairs = [pair('lib', 'server', 3), pair('server', 'lib', 1, true)];
    assert.deepEqual(allowAll(answers, where, pairs, defaults), { allowed: 1, baselined: 1 });
    assert.deepEqual(answers.uses, { server: [], lib: ['server'] });
    assert.deepEqual(answers.baseline, [{ from: 'server', to: 'lib', ...defaults }]);
  });

  it('a renamed module keeps its baselined pairs', () => {
    const answers: GuideAnswers = {};
    setPairChoice(answers, where, 'jobs', 'server', 'baseline', defaults);
    setPairChoice(answers, where, 'app', 'jobs', 'baseline', defaults);
    renameInBaseline(answers, 'baseline', 'jobs', 'Workers');
    assert.deepEqual((answers.baseline as TableRow[]).map((r) => [r.from, r.to]), [['Workers', 'server'], ['app', 'Workers']]);
  });
});
