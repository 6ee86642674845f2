import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('supersede <old> new writes a pre-filled proposed successor; the old record holds until it is accepted', () => {
    const ws = workspace('log');
    const before = snapshot(ws);
    const r = adrift(['supersede', '3', 'new', '--title', 'Send invoice emails through the provider queue', ws]);
    assert.equal(r.code, 0, r.stderr);
    const created = `${ADR}/0006-send-invoice-emails-through-the-provider-queue.yaml`;
    assert.deepEqual(changedFiles(before, snapshot(ws)), [created]);
    assert.match(r.stdout, /record 3 stays in force until its successor is accepted: .*"adrift status 6 accepted"/);
    const text = readFileSync(path.join(ws, created), 'utf8');
    for (const line of ['id: 6', 'status: proposed', 'kind: technology', 'area: queue', 'supersedes: [3]']) assert.match(text, new RegExp(`^${line.replace(/[[\]]/g, '\\$&')}$`, 'm'), line);
    assert.equal(adrift(['lint', ws]).code, 0);

    const accept = adrift(['status', '6', 'accepted', ws]);
    assert.equal(accept.code, 0, accept.stderr);
    assert.equal(accept.stdout, `${created}: status accepted\n${ADR}/0003-queue-in-redis.yaml: status superseded (superseded_by 6)\n`);
    const old = readFileSync(path.join(ws, ADR, '0003-queue-in-redis.yaml'), 'utf8');
    assert.match(old, /^status: superseded$/m);
    assert.match(old, /^superseded_by: 6$/m);
    assert.equal(adrift(['lint', ws]).code, 0);
  });

  it('supersede 3 4 then supersede 4 3 is refused, and a cycle written by hand fails lint at the value', () => {
    const ws = workspace('log');
    assert.equal(adrift(['supersede', '3', '4', ws]).code, 0);
    const back = adrift(['supersede', '4', '3', ws]);
    assert.equal(back.code, 2);
    assert.match(back.stderr, /record 4 supersedes 3, so 3 cannot replace 4 \(that would be a supersede cycle\)/);
    const file = path.join(ws, ADR, '0004-queue-in-postgres.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: accepted', 'status: superseded\nsuperseded_by: 3'));
    const lint = adrift(['lint', ws]);
    assert.equal(lint.code, 1);
    assert.match(lint.stdout, /^docs\/adr\/0004-queue-in-postgres.yaml:5:16 decision-reference supersede cycle: 3 supersedes 4, which supersedes 3/m);
  });

  it('edits keep a byte-order mark and CRLF, and refuse a Latin-1 record without touching its bytes', () => {
    const ws = workspace('log');
    const file = (n: string) => path.join(ws, ADR, n);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file('0003-queue-in-redis.yaml'))]);
    writeFileSync(file('0003-queue-in-redis.yaml'), bom);
    const crlf = readFileSync(file('0004-queue-in-postgres.yaml'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file('0004-queue-in-postgres.yaml'), crlf);
    assert.equal(adrift(['supersede', '3', '4', ws]).code, 0);
    const old = readFileSync(file('0003-queue-in-redis.yaml'));
    assert.deepEqual([...old.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the mark is kept');
    assert.match(old.toString('utf8'), /\nsuperseded_by: 4\n/, 'at column 1, not indented by the mark');
    const successor = readFileSync(file('0004-queue-in-postgres.yaml'), 'utf8');
    assert.match(successor, /\r\nsupersedes: \[3\]\r\n/);
    assert.equal(successor.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF in a CRLF record');
    assert.equal(adrift(['lint', ws]).code, 0);

    const latin1 = Buffer.from(readFileSync(file('0005-payment-provider.yaml'), 'utf8').replace('Stripe\n', 'Stripe (façade)\n'), 'latin1');
    writeFileSync(file('0005-payment-provider.yaml'), latin1);
    const lint = adrift(['lint', ws]);
    assert.match(lint.stdout, /^docs\/adr\/0005-payment-provider.yaml:\d+:\d+ decision-schema byte 0xE7 is not valid UTF-8/m);
    const refused = adrift(['status', '5', 'accepted', ws]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /0005-payment-provider.yaml is not edited: it is not valid UTF-8 \(byte 0xE7 at line \d+, column \d+\)/);
    assert.deepEqual(readFileSync(file('0005-payment-provider.yaml')), latin1, 'not one byte changed');
  });

  it('lists records it cannot use with "!" and the reason: symbolic links, link loops, UTF-16', () => {
    const ws = workspace('log');
    const adr = path.join(ws, ADR);
    writeFileSync(path.join(ws, 'elsewhere.yaml'), 'id: 6\ntitle: Linked from outside\nstatus: accepted\ndate: 2026-05-01\n');
    symlinkSync('../../elsewhere.yaml', path.join(adr, '0006-linked.yaml'));
    symlinkSync('0007-loop.yaml', path.join(adr, '0007-loop.yaml'));
    writeFileSync(path.join(adr, '0008-wide.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: 8\ntitle: Saved by Notepad\nstatus: accepted\ndate: 2026-05-02\n', 'utf16le')]));
    const list = adrift(['list', ws]);
    assert.equal(list.code, 0, list.stderr);
    const row = (id: string) => list.stdout.split('\n').find((l) => l.includes(id)) ?? '';
    assert.match(row('0006'), /^!0006 +\? +docs\/adr\/0006-linked.yaml +\(the record was not read: it is a symbolic link; Adrift reads only plain files/);
    assert.match(row('0007'), /^!0007 .*\(could not read the record: .*ELOOP/);
    assert.match(row('0008'), /^!0008 +accepted +2026-05-02 +Saved by Notepad +\(docs\/adr\/0008-wide.yaml: the file is saved as UTF-16LE, with a byte-order mark/);
    const json = JSON.parse(adrift(['list', '--json', ws]).stdout) as { id: number; problem?: string }[];
    assert.deepEqual(json.filter((r) => r.problem).map((r) => r.id), [6, 7, 8]);
    const lint = adrift(['lint', ws]);
    assert.match(lint.stdout, /^docs\/adr\/0006-linked.yaml:1:1 decision-schema the record was not read: it is a symbolic link/m);
    assert.doesNotMatch(lint.stdout, /binary|NUL/);
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
