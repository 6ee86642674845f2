// `adrift check --since`, `--ratchet` and `adrift baseline --prune` on real git repositories
// built in temporary folders: commits that add, move and fix violations, a rename, an
// uncommitted file, a shallow clone, a baseline and suppressions that grow.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { adrift, CLI, cleanUp, REPO, workspace } from './run-cli';

const RECORD = `id: 1
title: Keep billing independent of tickets
status: accepted
date: 2026-01-01
deciders: [tech lead, billing team]
decision:
  chosen: Two modules
  rationale: >
    Billing is sold on its own next year,
    so it must not depend on tickets.
enforce:
  modules:
    billing: { paths: [src/billing/**] }
    ticket: { paths: [src/ticket/**], uses: [billing] }
  undeclared: deny
`;
const BAD = "import { ticket } from '../ticket/ticket';\nexport const x = ticket;\n";

function gitIn(dir: string) {
  return (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    });
}

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

interface JsonOut {
  findings: { rule: string; file: string; line: number; message: string; severity: string; new?: boolean }[];
  since?: { ref: string; base: string; new: number; inherited: number; fixed: { file: string }[]; records: { id: number; change: string; from?: string; to?: string }[] };
}

function json(args: string[], cwd?: string): { code: number | null; out: JsonOut; stderr: string } {
  const r = adrift([...args, '--format', 'json', '--no-cache'], cwd);
  return { code: r.code, out: JSON.parse(r.stdout) as JsonOut, stderr: r.stderr };
}

const lines = (out: JsonOut, which: (f: JsonOut['findings'][number]) => boolean): string[] =>
  out.findings.filter(which).map((f) => `${f.file}:${f.line} ${f.rule}`);

/** A repository on branch main with one commit of `files` (the billing record and the ticket module besides). */
function committed(files: Record<string, string>, message: string): { dir: string; git: (...args: string[]) => string } {
  const dir = workspace();
  const git = gitIn(dir);
  git('init', '-q', '-b', 'main');
  write(dir, { 'docs/adr/0001-billing.yaml': RECORD, 'src/ticket/ticket.ts': 'export const ticket = 1;\n', ...files });
  git('add', '-A');
  git('commit', '-q', '-m', message);
  return { dir, git };
}

/**
 * main: a violation in invoice.ts and one in credit.ts. feature: invoice.ts renamed (and its
 * import moved down), credit.ts fixed, refund.ts added with a violation, draft.ts uncommitted.
 */
function history(): { dir: string; git: (...args: string[]) => string; base: string } {
  const { dir, git } = committed(
    { 'src/billing/invoice.ts': BAD + 'export const invoice = 1;\n'.repeat(8), 'src/billing/credit.ts': BAD, 'src/billing/tax.ts': 'export const tax = 0.2;\n' },
    'billing with two violations',
  );
  const base = git('rev-parse', 'HEAD').trim();
  git('checkout', '-q', '-b', 'feature');
  renameSync(path.join(dir, 'src/billing/invoice.ts'), path.join(dir, 'src/billing/invoices.ts'));
  write(dir, {
    'src/billing/invoices.ts': '// Invoices.\n\n' + BAD + 'export const invoice = 1;\n'.repeat(8),
    'src/billing/credit.ts': 'export const credit = 1;\n',
    'src/billing/refund.ts': BAD,
  });
  git('add', '-A');
  git('commit', '-q', '-m', 'rename invoice, fix credit, add refund');
  write(dir, { 'src/billing/draft.ts': BAD }); // not committed, not even added
  return { dir, git, base };
}

describe('adrift check --since (new vs inherited findings from git history)', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('splits the findings: the renamed file keeps its finding, the fix is counted, the committed and the uncommitted new ones are new', () => {
    const { dir, git, base } = history();
    const before = git('status', '--porcelain');
    const r = json(['check', dir, '--since', 'main']);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(lines(r.out, (f) => f.new === true), ['src/billing/draft.ts:1 module-dependency', 'src/billing/refund.ts:1 module-dependency']);
    assert.deepEqual(lines(r.out, (f) => f.new === false), ['src/billing/invoices.ts:3 module-dependency']);
    assert.equal(r.out.since?.base, base);
    assert.equal(r.out.since?.new, 2);
    assert.equal(r.out.since?.inherited, 1);
    assert.deepEqual(r.out.since?.fixed.map((f) => f.file), ['src/billing/credit.ts']);
    assert.deepEqual(r.out.since?.records, []);
    // Read-only: nothing staged, nothing checked out, the untracked file untouched.
    assert.equal(git('status', '--porcelain'), before);
    assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'feature');

    // --fail-on new passes once only inherited findings are left; --fail-on all still fails.
    rmSync(path.join(dir, 'src/billing/draft.ts'));
    write(dir, { 'src/billing/refund.ts': 'export const refund = 1;\n' });
    assert.equal(adrift(['check', dir, '--since', 'main', '--no-cache']).code, 0);
    assert.equal(adrift(['check', dir, '--since', 'main', '--fail-on', 'all', '--no-cache']).code, 1);
    const text = adrift(['check', dir, '--since', 'main', '--no-cache']);
    assert.match(text.stdout, new RegExp(`since main \\(${base.slice(0, 7)}\\): 0 new, 1 inherited \\(not listed\\), 1 fixed`));
  });

  it('works on a detached HEAD and names the decisions whose records changed', () => {
    const { dir, git } = history();
    write(dir, { 'docs/adr/0001-billing.yaml': RECORD.replace('status: accepted', 'status: deprecated') });
    write(dir, { 'docs/adr/0002-queue.yaml': 'id: 2\ntitle: Use a queue\nstatus: proposed\ndate: 2026-01-02\n' });
    git('checkout', '-q', '--detach');
    const r = json(['check', dir, '--since', 'main']);
    assert.deepEqual(r.out.since?.records, [
      { id: 1, title: 'Keep billing independent of tickets', file: 'docs/adr/0001-billing.yaml', change: 'status', from: 'accepted', to: 'deprecated' },
      { id: 2, title: 'Use a queue', file: 'docs/adr/0002-queue.yaml', change: 'added' },
    ]);
    // The deprecated decision enforces nothing now: every base finding is fixed, none new.
    assert.equal(r.out.since?.new, 0);
    assert.equal(r.out.since?.fixed.length, 2);
  });

  it('says which fetch depth a shallow clone needs instead of calling everything new', () => {
    const { dir, git } = history();
    git('checkout', '-q', 'main');
    write(dir, { 'src/billing/tax.ts': 'export const tax = 0.25;\n' });
    git('commit', '-q', '-am', 'main moves on');
    const shallow = workspace();
    rmSync(shallow, { recursive: true });
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'feature', `file://${dir}`, shallow], { stdio: 'ignore' });
    const r = adrift(['check', shallow, '--since', 'origin/main']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /adrift check --since origin\/main: this clone is shallow \(1 commit of history\) and does not reach the merge base of origin\/main and HEAD: fetch more than 1 commits \(git fetch --deepen=50 origin origin\/main\), or all of them \(actions\/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0\)/);
    assert.match(r.stderr, /without --since still checks/);
    // Deepened enough, the same check runs.
    gitIn(shallow)('fetch', '-q', '--deepen=1');
    assert.equal(json(['check', shallow, '--since', 'origin/main']).out.since?.new, 1);
  });

  it('checks a workspace in a sub-folder of the repository; one the base does not have is all new, one git does not track is an error', () => {
    const { dir, git } = committed({ 'README.md': '# monorepo\n' }, 'the repository before the package');
    const pkg = path.join(dir, 'packages/app');
    write(pkg, { 'docs/adr/0001-billing.yaml': RECORD, 'src/ticket/ticket.ts': 'export const ticket = 1;\n', 'src/billing/a.ts': BAD });
    const untracked = adrift(['check', pkg, '--since', 'main']);
    assert.equal(untracked.code, 2);
    assert.match(untracked.stderr, /packages\/app has no file git tracks in the repository at .* \(ignored, or never committed\)/);
    git('checkout', '-q', '-b', 'package');
    git('add', '-A');
    git('commit', '-q', '-m', 'add the package');
    const added = json(['check', pkg, '--since', 'main']);
    assert.deepEqual(lines(added.out, (f) => f.new === true), ['src/billing/a.ts:1 module-dependency']);
    assert.deepEqual(added.out.since?.records.map((r) => `${r.id} ${r.change}`), ['1 added']);
    write(pkg, { 'src/billing/b.ts': BAD });
    git('add', '-A');
    git('commit', '-q', '-m', 'one more');
    const later = json(['check', pkg, '--since', 'HEAD~1']);
    assert.deepEqual(lines(later.out, (f) => f.new === true), ['src/billing/b.ts:1 module-dependency']);
    assert.equal(later.out.since?.inherited, 1);
  });

  it('gives a clear error for no repository, an unknown ref and no git, and the plain check still works', () => {
    const plain = workspace();
    write(plain, { 'docs/adr/0001-billing.yaml': RECORD, 'src/billing/a.ts': BAD, 'src/ticket/ticket.ts': 'export const ticket = 1;\n' });
    const notRepo = adrift(['check', plain, '--since', 'main']);
    assert.equal(notRepo.code, 2);
    assert.match(notRepo.stderr, /adrift check --since main: not a git repository/);
    assert.equal(adrift(['check', plain]).code, 1);

    const { dir } = history();
    const unknown = adrift(['check', dir, '--since', 'no-such-branch']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown ref 'no-such-branch'.*git fetch origin no-such-branch/);

    const noGit = spawnSync(process.execPath, [CLI, 'check', dir, '--since', 'main'], { encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } });
    assert.equal(noGit.status, 2);
    assert.match(noGit.stderr, /git is not installed or not on PATH/);

    assert.match(adrift(['check', dir, '--fail-on', 'new']).stderr, /--fail-on new needs --since/);
    assert.match(adrift(['check', dir, '--ratchet']).stderr, /--ratchet needs --since/);
  });
});

describe('adrift check --since --ratchet and adrift baseline --prune', function () {
  this.timeout(120_000);
  after(cleanUp);

  const entry = (file: string, extra = ''): string =>
    `  - rule: module-dependency\n    file: ${file}\n    fromModule: billing\n    toModule: ticket\n    specifier: ../ticket/ticket\n    reason: legacy\n${extra}`;

  it('names each baseline entry and suppression added since the base, reports fixed entries, and prune removes exactly those', () => {
    const { dir, git } = committed(
      {
        'src/billing/invoice.ts': BAD,
        'src/billing/credit.ts': BAD,
        'src/billing/late.ts': '// adrift-ignore module-dependency -- moving to the queue\n' + BAD,
        '.adrift-baseline.yaml': `version: 1\nentries:\n${entry('src/billing/invoice.ts')}${entry('src/billing/credit.ts')}`,
        '.adrift.yaml': 'baseline: .adrift-baseline.yaml\n',
      },
      'baseline two findings, suppress one',
    );
    git('checkout', '-q', '-b', 'feature');
    git('mv', 'src/billing/invoice.ts', 'src/billing/invoices.ts');
    write(dir, {
      'src/billing/credit.ts': 'export const credit = 1;\n',
      'src/billing/refund.ts': BAD,
      'src/billing/void.ts': "// adrift-ignore module-dependency -- for now\n" + BAD,
      // The renamed file's entry follows it, the fixed credit entry stays, refund's is added.
      '.adrift-baseline.yaml': `version: 1\nentries:\n${entry('src/billing/invoices.ts')}${entry('src/billing/credit.ts')}${entry('src/billing/refund.ts')}`,
    });
    git('add', '-A');
    git('commit', '-q', '-m', 'accept refund, suppress void');

    const r = json(['check', dir, '--since', 'main', '--ratchet']);
    assert.equal(r.code, 1, r.stderr);
    const ratchet = r.out.findings.filter((f) => f.rule === 'ratchet').map((f) => `${f.severity} ${f.file}:${f.line} ${f.message}`);
    assert.deepEqual(ratchet, [
      'info .adrift-baseline.yaml:9 fixed: baseline entry matches nothing any more: module-dependency in src/billing/credit.ts (billing → ticket) import "../ticket/ticket" — legacy',
      'error .adrift-baseline.yaml:15 baseline entry added since main: module-dependency in src/billing/refund.ts (billing → ticket) import "../ticket/ticket" — legacy',
      'error src/billing/void.ts:1 suppression added since main: adrift-ignore module-dependency -- for now',
    ]);
    // Without the ratchet the same change passes: everything it added is accepted.
    assert.equal(adrift(['check', dir, '--since', 'main', '--no-cache']).code, 0);

    const pruned = adrift(['baseline', dir, '--prune']);
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.equal(pruned.stdout.trim(), 'removed: module-dependency in src/billing/credit.ts (billing → ticket) import "../ticket/ticket" — legacy');
    assert.match(pruned.stderr, /1 fixed entry removed, 2 kept/);
    const kept = readFileSync(path.join(dir, '.adrift-baseline.yaml'), 'utf8');
    assert.deepEqual([...kept.matchAll(/file: (\S+)/g)].map((m) => m[1]), ['src/billing/invoices.ts', 'src/billing/refund.ts']);
    assert.match(adrift(['baseline', dir, '--prune']).stderr, /0 fixed entries removed, 2 kept/);
  });

  it('still fails on an expired entry with --fail-on new, though the finding is inherited', () => {
    const { dir } = committed(
      {
        'src/billing/invoice.ts': BAD,
        '.adrift-baseline.yaml': `version: 1\nentries:\n${entry('src/billing/invoice.ts', '    expires: 2020-01-01\n')}`,
        '.adrift.yaml': 'baseline: .adrift-baseline.yaml\n',
      },
      'an entry that expired long ago',
    );
    const r = json(['check', dir, '--since', 'HEAD', '--ratchet']);
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.out, (f) => f.new === true), ['src/billing/invoice.ts:1 module-dependency']);
    assert.match(r.out.findings[0].message, /its baseline entry expired on 2020-01-01 \(legacy\)/);
  });
});

describe('pull-request surfaces of adrift check --since', function () {
  this.timeout(120_000);
  after(cleanUp);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
  const schema = (file: string): ValidateFunction => ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'test/fixtures', file), 'utf8')) as object);

  it('markdown: the new findings grouped by decision with its title, rationale on one line, deciders and the propose hint', () => {
    const { dir, base } = history();
    const r = adrift(['check', dir, '--since', 'main', '--format', 'markdown', '--no-cache']);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        `### Adrift: 2 errors, 0 warnings, 0 notes new since \`main\` (${base.slice(0, 7)})`,
        '',
        '2 new, 1 inherited, 1 fixed.',
        '',
        '#### ADR-0001 Keep billing independent of tickets',
        '',
        'Why: Billing is sold on its own next year, so it must not depend on tickets.',
        'Decided by: tech lead, billing team',
        '',
        '- `src/billing/draft.ts:1:24 module-dependency` module "billing" may not use module "ticket": no accepted decision allows it (ADR-0001 "Keep billing independent of tickets")',
        '- `src/billing/refund.ts:1:24 module-dependency` module "billing" may not use module "ticket": no accepted decision allows it (ADR-0001 "Keep billing independent of tickets")',
        '',
        '> If the code is right and a decision is out of date, propose a decision that allows it: `adrift new <kind> "<title>"` (or the editor\'s "Propose a decision" quick fix) writes a `proposed` record for the deciders to review.',
        '',
      ].join('\n'),
    );
  });

  it('SARIF: valid 2.1.0 with baselineState new/unchanged/absent and the rationale and fix as help', () => {
    const { dir } = history();
    const r = adrift(['check', dir, '--since', 'main', '--format', 'sarif', '--no-cache']);
    const log = JSON.parse(r.stdout) as { runs: { results: { baselineState: string; kind?: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; message: { markdown?: string }; taxa?: { id: string }[] }[]; taxonomies: { taxa: { id: string; help: { text: string } }[] }[] }[] };
    const validate = schema('sarif/sarif-schema-2.1.0.json');
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.deepEqual(
      run.results.map((x) => `${x.baselineState} ${x.locations[0].physicalLocation.artifactLocation.uri}`),
      // The base's findings that are gone come after the current ones.
      ['new src/billing/draft.ts', 'unchanged src/billing/invoices.ts', 'new src/billing/refund.ts', 'absent src/billing/credit.ts'],
    );
    assert.match(run.results[0].message.markdown ?? '', /\*\*Why \(ADR-0001 Keep billing independent of tickets\):\*\* Billing is sold on its own next year, so it must not depend on tickets\. — decided by tech lead, billing team\n\n\*\*Fix:\*\* propose a decision that lets billing use ticket/);
    assert.deepEqual(run.results[0].taxa?.map((t) => t.id), ['ADR-0001']);
    assert.match(run.taxonomies[0].taxa[0].help.text, /^Billing is sold on its own next year, so it must not depend on tickets\. Decided by tech lead, billing team\. To change it, propose a new decision/);
    assert.deepEqual([run.results[3].kind, run.results[3].level], ['pass', 'none']);
    // The schema check is real: a wrong baselineState fails it.
    run.results[0].baselineState = 'gone';
    assert.equal(validate(log), false);
  });

  it('GitLab Code Quality: valid against the published format, every finding, fingerprints that survive a line move', () => {
    const { dir, git } = history();
    const r = adrift(['check', dir, '--since', 'main', '--format', 'gitlab', '--no-cache']);
    const issues = JSON.parse(r.stdout) as { fingerprint: string; location: { path: string; lines: { begin: number } }; severity: string; check_name: string }[];
    const validate = schema('gitlab/code-quality-report.schema.json');
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(issues.map((i) => `${i.check_name} ${i.severity} ${i.location.path}:${i.location.lines.begin}`), [
      'adrift/module-dependency major src/billing/draft.ts:1',
      'adrift/module-dependency major src/billing/invoices.ts:3',
      'adrift/module-dependency major src/billing/refund.ts:1',
    ]);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 3);
    git('checkout', '-q', 'main', '--', 'src/billing/credit.ts');
    write(dir, { 'src/billing/refund.ts': '\n\n' + BAD });
    const moved = JSON.parse(adrift(['check', dir, '--format', 'gitlab', '--no-cache']).stdout) as typeof issues;
    const refund = (list: typeof issues) => list.find((i) => i.location.path === 'src/billing/refund.ts');
    assert.equal(refund(moved)?.location.lines.begin, 3);
    assert.equal(refund(moved)?.fingerprint, refund(issues)?.fingerprint);
    assert.equal(validate([{ ...issues[0], severity: 'fatal' }]), false);
  });
});
