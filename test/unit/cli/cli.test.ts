import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, adrift, changedFiles, cleanUp, snapshot, workspace } from './run-cli';

const ADR = 'docs/adr';
const edit = (ws: string, file: string, from: string | RegExp, to: string) => {
  const p = path.join(ws, ADR, file);
  const text = readFileSync(p, 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `fixture edit in ${file} did nothing`);
  writeFileSync(p, next);
};

describe('adrift CLI', function () {
  // Each case starts Node processes; on a busy machine that takes seconds, so allow plenty.
  this.timeout(120_000);
  after(cleanUp);

  it('lints every example workspace clean', () => {
    const examples = path.join(REPO, 'examples');
    // examples/broken is broken on purpose: the next test.
    const names = existsSync(examples) ? readdirSync(examples).filter((n) => n !== 'broken' && existsSync(path.join(examples, n, 'docs/adr'))) : [];
    assert.ok(names.length >= 3, `examples: ${names.join(', ')}`);
    for (const name of names) {
      const r = adrift(['lint', path.join(examples, name)]);
      assert.equal(r.code, 0, `${name}:\n${r.stdout}${r.stderr}`);
    }
  });

  it('reports the three planted problems of examples/broken and still lists its records', function () {
    const broken = path.join(REPO, 'examples/broken');
    if (!existsSync(broken)) this.skip();
    const lint = adrift(['lint', broken]);
    assert.equal(lint.code, 1);
    assert.equal(lint.stdout.trim().split('\n').length, 3, lint.stdout);
    for (const line of lint.stdout.trim().split('\n')) assert.match(line, /^docs\/adr\/\d{4}-[a-z0-9-]+\.yaml:\d+:\d+ decision-(schema|reference) \S/);
    const list = adrift(['list', broken]);
    assert.equal(list.code, 0);
    assert.equal(list.stdout.trim().split('\n').length, 6, list.stdout);
  });

  it('lints a clean log with exit 0', () => {
    const r = adrift(['lint', workspace('log')]);
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /5 records in docs\/adr: 0 errors, 0 warnings/);
  });

  it('reports one file:line:col finding per broken record and still lists the others', () => {
    const ws = workspace('log');
    edit(ws, '0001-record-decisions.yaml', 'deciders: [Mara (tech lead)]', 'deciders: [Mara (tech lead)');
    edit(ws, '0003-queue-in-redis.yaml', 'status: accepted', 'status: maybe');
    edit(ws, '0002-modules.yaml', 'uses: [invoice, customer]', 'uses: [invoice, custmer]');
    const lint = adrift(['lint', ws]);
    assert.equal(lint.code, 1);
    const lines = lint.stdout.trim().split('\n');
    assert.equal(lines.length, 3, lint.stdout);
    assert.match(lines[0], /^docs\/adr\/0001-record-decisions.yaml:\d+:\d+ decision-schema YAML syntax error: /);
    assert.equal(lines[1], 'docs/adr/0002-modules.yaml:31:23 decision-reference module payment uses "custmer", but no record declares a module custmer (did you mean "customer"?)');
    assert.equal(lines[2], 'docs/adr/0003-queue-in-redis.yaml:3:9 decision-schema status must be one of proposed, accepted, rejected, deprecated, superseded (found "maybe")');

    const list = adrift(['list', ws]);
    assert.equal(list.code, 0, list.stderr);
    for (const title of ['Split the invoicing app into three modules', 'Send invoice emails from a PostgreSQL queue', 'Take card payments through Stripe']) {
      assert.match(list.stdout, new RegExp(title));
    }
    assert.match(list.stdout, /!0003 {2}maybe/);
  });

  it('supersede changes the two records and nothing else, keeping their comments', () => {
    const ws = workspace('log');
    const before = snapshot(ws);
    const r = adrift(['supersede', '3', '4', '--cwd', ws]);
    assert.equal(r.code, 0, r.stderr);
    const after = snapshot(ws);
    assert.deepEqual(changedFiles(before, after), [`${ADR}/0003-queue-in-redis.yaml`, `${ADR}/0004-queue-in-postgres.yaml`]);
    const oldText = after.get(`${ADR}/0003-queue-in-redis.yaml`)!;
    const newText = after.get(`${ADR}/0004-queue-in-postgres.yaml`)!;
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(oldText, before.get(`${ADR}/0003-queue-in-redis.yaml`)!.replace('status: accepted\ndate: 2026-02-01\n', `status: superseded\ndate: ${today}\nsuperseded_by: 4\n`));
    assert.equal(newText, before.get(`${ADR}/0004-queue-in-postgres.yaml`)!.replace('  chosen: PostgreSQL queue (pg-boss)\n', '  chosen: PostgreSQL queue (pg-boss)\nsupersedes: [3]\n'));
    assert.ok(newText.startsWith('# Written after the Redis outage in March.\n'));
    assert.equal(adrift(['lint', ws]).code, 0);
  });

  it('status, new and renumber write through the same store', () => {
    const ws = workspace('log');
    assert.equal(adrift(['status', '5', 'accepted', ws]).code, 0);
    assert.match(readFileSync(path.join(ws, ADR, '0005-payment-provider.yaml'), 'utf8'), /^status: accepted$/m);
    const created = adrift(['new', 'technology', 'Store invoice PDFs in S3', ws]);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout.trim(), 'created docs/adr/0006-store-invoice-pdfs-in-s3.yaml');
    // Another branch added a 0006 too.
    writeFileSync(path.join(ws, ADR, '0006-archive-old-invoices.yaml'), 'id: 6\ntitle: Archive old invoices\nstatus: proposed\ndate: 2026-05-01\n');
    assert.equal(adrift(['lint', ws]).code, 1);
    const renumber = adrift(['renumber', ws]);
    assert.equal(renumber.code, 0, renumber.stderr);
    assert.equal(renumber.stdout.trim(), 'renamed docs/adr/0006-store-invoice-pdfs-in-s3.yaml → docs/adr/0007-store-invoice-pdfs-in-s3.yaml');
    assert.equal(adrift(['lint', ws]).code, 0);
  });

  it('shows a record and its findings', () => {
    const r = adrift(['show', '0004', workspace('log')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^docs\/adr\/0004-queue-in-postgres.yaml\n0004 Send invoice emails from a PostgreSQL queue\n/);
    assert.match(r.stdout, /forbidden package bullmq: jobs live in PostgreSQL \(record 4\)/);
  });

  it('init creates a first record that lints clean, once', () => {
    const ws = workspace();
    const r = adrift(['init', ws]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created docs\/adr\/0001-record-architecture-decisions-as-adrift-yaml-records.yaml/);
    assert.equal(adrift(['lint', ws]).code, 0);
    assert.match(adrift(['init', ws]).stdout, /already holds 1 decision record/);
  });

  it('answers usage mistakes with exit 2 and the usage line', () => {
    const ws = workspace('log');
    const cases: string[][] = [['status', '5', 'maybe', ws], ['list', '--colour', ws], ['supersede', '3'], ['frobnicate'], ['show', '99', ws], ['new', 'essay', 'x', ws], ['list', ws, '--cwd', ws]];
    for (const args of cases) {
      const r = adrift(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.notEqual(r.stderr, '', args.join(' '));
    }
    assert.match(adrift(['status', '5', 'maybe', ws]).stderr, /<status> must be one of proposed, accepted/);
    assert.equal(adrift(['list', path.join(ws, 'nowhere')]).code, 2);
  });

  it('has --help on every command', () => {
    const general = adrift(['--help']);
    assert.equal(general.code, 0);
    const names = [...general.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]);
    assert.ok(names.includes('supersede') && names.includes('lint'), general.stdout);
    for (const name of names) {
      const r = adrift([name, '--help']);
      assert.equal(r.code, 0, name);
      assert.match(r.stdout, new RegExp(`^Usage: adrift ${name} `), name);
      assert.match(r.stdout, /--cwd <dir>/);
    }
    const doc = readFileSync(path.join(REPO, 'docs/cli.md'), 'utf8');
    for (const name of names) assert.ok(doc.includes(`### \`adrift ${name}\``), `docs/cli.md does not describe ${name}`);
  });
});
