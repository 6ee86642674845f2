import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { debtLedger, trendOf, type DebtLedger } from '../../../src/core/debt/ledger';
import { formatLedgerMarkdown, formatLedgerText } from '../../../src/core/debt/report';
import { NodeGit } from '../../../src/core/git/node';
import { GitError } from '../../../src/core/git/port';
import { driftChart } from '../../../src/extension/drift/chartData';
import { parseDriftWebviewMessage } from '../../../src/protocol/drift';
import { adrift } from '../cli/run-cli';

const folders: string[] = [];
const RECORD = `id: 1
title: Keep billing and catalog apart
status: accepted
date: 2026-01-01
deciders: [lead]
decision:
  chosen: two modules
  rationale: they change for different reasons
enforce:
  modules:
    catalog: { paths: [src/catalog/**] }
    billing: { paths: [src/billing/**] }
  undeclared: deny
  budget:
    findings: 0
    baseline: 2
`;
const entry = (file: string, reason: string) => ({ rule: 'module-dependency', file, fromModule: 'billing', toModule: 'catalog', specifier: '../catalog/price', decision: 1, reason });

/**
 * A repository whose workspace is the folder app/, with a history that adds, baselines,
 * suppresses, moves and fixes violations of decision 1; each commit one day apart.
 */
function history(): { dir: string; app: string; git: (...args: string[]) => string; shas: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'adrift-debt-'));
  folders.push(dir);
  const app = path.join(dir, 'app');
  let day = 1;
  const git = (...args: string[]): string => {
    const date = `2026-01-${String(day).padStart(2, '0')}T12:00:00Z`;
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  };
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    writeFileSync(path.join(app, file), text);
  };
  const shas: string[] = [];
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    shas.push(git('rev-parse', 'HEAD').trim());
    day++;
  };
  git('init', '-q', '-b', 'main');
  write('docs/adr/0001-keep-billing-and-catalog-apart.yaml', RECORD);
  write('src/catalog/price.ts', 'export const price = 1;\n');
  write('src/billing/invoice.ts', 'export const invoice = 2;\n');
  commit('c1 two clean modules');
  write('src/billing/invoice.ts', "import { price } from '../catalog/price';\nexport const invoice = price;\n");
  commit('c2 billing imports catalog');
  write('.adrift-baseline.json', JSON.stringify({ version: 1, entries: [entry('src/billing/invoice.ts', 'legacy invoice')] }));
  commit('c3 baseline it');
  write('src/billing/tax.ts', "// adrift-ignore module-dependency -- migrating tax\nimport { price } from '../catalog/price';\nexport const tax = price;\n");
  commit('c4 suppressed import');
  mkdirSync(path.join(dir, 'other'), { recursive: true });
  writeFileSync(path.join(dir, 'other/readme.md'), 'outside the workspace\n');
  commit('c5 outside the workspace only');
  write('src/billing/refund.ts', "import { price } from '../catalog/price';\nexport const refund = price;\n");
  write('.adrift-baseline.json', JSON.stringify({ version: 1, entries: [entry('src/billing/invoice.ts', 'legacy invoice'), entry('src/billing/refund.ts', 'refunds move later')] }));
  commit('c6 baseline grows');
  renameSync(path.join(app, 'src/billing/refund.ts'), path.join(app, 'src/billing/refunds.ts'));
  commit('c7 move refund');
  write('src/billing/invoice.ts', 'export const invoice = 2;\n');
  commit('c8 fix invoice');
  return { dir, app, git, shas };
}

/** Oldest first: "open/baselined/suppressed" at each commit. */
function trend(ledger: DebtLedger, id?: number): string[] {
  return trendOf(ledger, id).map((c) => `${c.findings}/${c.baseline}/${c.suppressions}`);
}

describe('adrift debt: the ledger of each decision from git history', function () {
  this.timeout(60_000);
  after(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('counts open, baselined and suppressed findings at each commit, and ages each item from the history', async () => {
    const { app, shas } = history();
    const ledger = await debtLedger(new NodeGit(app), app, { today: '2026-02-01' });
    // c5 touched only ../other: not a commit of this workspace.
    assert.deepEqual(
      ledger.points.map((p) => p.subject),
      ['c8 fix invoice', 'c7 move refund', 'c6 baseline grows', 'c4 suppressed import', 'c3 baseline it', 'c2 billing imports catalog', 'c1 two clean modules'],
    );
    assert.deepEqual(trend(ledger, 1), ['0/0/0', '1/0/0', '0/1/0', '0/1/1', '0/2/1', '1/1/1', '1/0/1']);
    assert.deepEqual(trend(ledger), trend(ledger, 1));
    const d = ledger.decisions.find((x) => x.id === 1)!;
    assert.deepEqual(d.now, { findings: 1, baseline: 0, suppressions: 1 });
    assert.deepEqual(d.budget, { findings: 0, baseline: 2 });
    assert.deepEqual(
      d.items.map((i) => [i.kind, i.file, i.line, i.reason, i.since.commit, i.olderThanWalk]),
      [
        ['finding', 'src/billing/refunds.ts', 1, undefined, shas[6], false],
        ['suppression', 'src/billing/tax.ts', 1, 'migrating tax', shas[3], false],
      ],
    );
    assert.equal(ledger.overBudget.length, 1);
    assert.equal(ledger.overBudget[0].file, 'docs/adr/0001-keep-billing-and-catalog-apart.yaml');
    assert.equal(ledger.overBudget[0].range.start.line, 14);
    assert.match(ledger.overBudget[0].message, /over its debt budget: 1 open finding, budget 0; over the last 7 commits: 0 → 1 → 0 → 0 → 0 → 1 → 1$/);
    // Each blob read once; the blobs of c1..c8 are 10, each extracted once.
    assert.equal(ledger.stats.rebuilds, 1);
    assert.ok(ledger.stats.extracted <= 6, `extracted ${ledger.stats.extracted}`);
  });

  it("judges HEAD by HEAD's records, however far back the walk goes", async () => {
    const { app, git } = history();
    // The newest commit raises the budget; every older one has the first.
    writeFileSync(path.join(app, 'docs/adr/0001-keep-billing-and-catalog-apart.yaml'), RECORD.replace('findings: 0', 'findings: 5'));
    git('add', '-A');
    git('commit', '-q', '-m', 'c9 raise the budget');
    for (const history of [1, 2, 9]) {
      const ledger = await debtLedger(new NodeGit(app), app, { history, today: '2026-02-01' });
      assert.deepEqual(ledger.decisions.find((x) => x.id === 1)?.budget, { findings: 5, baseline: 2 }, `--history ${history}`);
      assert.deepEqual(ledger.overBudget, [], `--history ${history}`);
    }
  });

  it('bounds the walk and says an item is older than the commits walked', async () => {
    const { app, shas } = history();
    const ledger = await debtLedger(new NodeGit(app), app, { history: 3, today: '2026-02-01' });
    assert.deepEqual(trend(ledger, 1), ['0/2/1', '1/1/1', '1/0/1']);
    const suppression = ledger.decisions[0].items.find((i) => i.kind === 'suppression')!;
    assert.equal(suppression.since.commit, shas[5]);
    assert.equal(suppression.olderThanWalk, true);
    assert.match(formatLedgerText(ledger), /suppression module-dependency src\/billing\/tax\.ts:1: .* — "migrating tax", before 2026-01-06/);
    assert.match(formatLedgerMarkdown(ledger), /\| ADR-0001 Keep billing and catalog apart \| 1 \| 0 \| 1 \| 3 → 2 /);
  });

  it('walks the commits since a date', async () => {
    const { app } = history();
    const ledger = await debtLedger(new NodeGit(app), app, { since: '2026-01-06T00:00:00Z', today: '2026-02-01' });
    assert.deepEqual(trend(ledger, 1), ['0/2/1', '1/1/1', '1/0/1']);
  });

  it("gives the drift chart a decision's points oldest first, its budget and every decision to choose from", async () => {
    const { app, shas } = history();
    const ledger = await debtLedger(new NodeGit(app), app, { history: 3, today: '2026-02-01' });
    const chart = driftChart('app', ledger, 1);
    assert.deepEqual(chart.decision, { id: 1, title: 'Keep billing and catalog apart' });
    assert.deepEqual(chart.budget, { findings: 0, baseline: 2 });
    assert.deepEqual(chart.decisions, [{ id: 1, title: 'Keep billing and catalog apart' }]);
    assert.deepEqual(
      chart.points.map((p) => [p.commit, p.date, p.subject, p.findings, p.baseline, p.suppressions]),
      [
        [shas[5], '2026-01-06', 'c6 baseline grows', 0, 2, 1],
        [shas[6], '2026-01-07', 'c7 move refund', 1, 1, 1],
        [shas[7], '2026-01-08', 'c8 fix invoice', 1, 0, 1],
      ],
    );
    const workspace = driftChart('app', ledger);
    assert.equal(workspace.decision, undefined);
    assert.deepEqual(workspace.points.map((p) => p.findings), [0, 1, 1]);
  });

  it("the chart's messages from the webview are checked before the host acts on them", () => {
    assert.deepEqual(parseDriftWebviewMessage({ type: 'showScope', decision: 3 }), { type: 'showScope', decision: 3 });
    assert.deepEqual(parseDriftWebviewMessage({ type: 'showScope' }), { type: 'showScope' });
    assert.deepEqual(parseDriftWebviewMessage({ type: 'rendered', points: 30, decision: 2 }), { type: 'rendered', points: 30, decision: 2 });
    assert.ok('rejected' in parseDriftWebviewMessage({ type: 'showScope', decision: '../x' }));
    assert.ok('rejected' in parseDriftWebviewMessage({ type: 'openDecision', id: -1 }));
    assert.ok('rejected' in parseDriftWebviewMessage({ type: 'openFile', file: '/etc/passwd' }));
    assert.ok('rejected' in parseDriftWebviewMessage('ready'));
  });

  it('says clearly when there is no repository or no commit', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'adrift-debt-none-'));
    folders.push(empty);
    await assert.rejects(debtLedger(new NodeGit(empty), empty), (e: unknown) => e instanceof GitError && e.failure === 'not-a-repository');
    execFileSync('git', ['init', '-q'], { cwd: empty });
    await assert.rejects(debtLedger(new NodeGit(empty), empty), (e: unknown) => e instanceof GitError && /no commit yet/.test(e.message));
  });

  it('the CLI prints text, Markdown and JSON, exits 1 over budget; check and lint report the budget on the record', () => {
    const { app } = history();
    const text = adrift(['debt', app]);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^ADR-0001 Keep billing and catalog apart: 1 open, 0 baselined, 1 suppressed — budget: findings 1\/0 OVER, baseline 0\/2$/m);
    assert.match(text.stdout, /^docs\/adr\/0001-keep-billing-and-catalog-apart\.yaml:15:5 decision-budget /m);
    const json = JSON.parse(adrift(['debt', app, '--format', 'json', '--history', '2']).stdout) as { points: unknown[]; overBudget: { rule: string; line: number }[] };
    assert.equal(json.points.length, 2);
    assert.deepEqual(json.overBudget.map((f) => [f.rule, f.line]), [['decision-budget', 15]]);
    assert.match(adrift(['debt', app, '--format', 'markdown']).stdout, /^### Decision debt at `[0-9a-f]{7}`/);
    assert.equal(adrift(['debt', app, '--history', 'x']).code, 2);

    const check = adrift(['check', app]);
    assert.match(check.stdout, /decision-budget.*over its debt budget: 1 open finding, budget 0/);
    // Two baseline entries, over a budget of one: lint sees it without scanning the code.
    writeFileSync(path.join(app, 'docs/adr/0001-keep-billing-and-catalog-apart.yaml'), RECORD.replace('baseline: 2', 'baseline: 1'));
    writeFileSync(path.join(app, '.adrift-baseline.json'), JSON.stringify({ version: 1, entries: [entry('a.ts', 'x'), entry('b.ts', 'y')] }));
    const lint = adrift(['lint', app]);
    assert.match(lint.stdout, /0001-keep-billing-and-catalog-apart\.yaml:16:5 decision-budget .*2 baseline entries, budget 1/);

    const outside = mkdtempSync(path.join(tmpdir(), 'adrift-debt-nogit-'));
    folders.push(outside);
    const none = adrift(['debt', outside]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /adrift debt: not a git repository/);
  });
});
