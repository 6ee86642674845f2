// `adrift init --from-code` and `adrift sync` as a user runs them, on small real workspaces:
// the first check after accepting the proposed record shows exactly what was chosen, and
// sync never edits an accepted record.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { adrift, changedFiles, cleanUp, snapshot } from './run-cli';
import { tree, writeTree } from '../adopt/tree';

const MONOREPO = {
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'apps/web/package.json': JSON.stringify({ name: '@shop/web' }),
  'apps/web/src/page.ts': "import { price } from '../../../packages/pricing/src/price';\nimport { sql } from '../../../packages/db/src/sql';\nexport const page = [price, sql];\n",
  'apps/web/src/nav.ts': "import { price } from '../../../packages/pricing/src/price';\nexport const nav = price;\n",
  'packages/pricing/package.json': JSON.stringify({ name: '@shop/pricing' }),
  'packages/pricing/src/price.ts': "import { sql } from '../../db/src/sql';\nexport const price = sql.length;\n",
  'packages/db/package.json': JSON.stringify({ name: '@shop/db' }),
  'packages/db/src/sql.ts': "export const sql = 'select 1';\n",
};

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  fromModule?: string;
  toModule?: string;
}

function check(ws: string): { code: number | null; findings: JsonFinding[]; suppressed: number } {
  const r = adrift(['check', ws, '--format', 'json', '--no-cache']);
  const report = JSON.parse(r.stdout) as { findings: JsonFinding[]; baseline?: { suppressed: number } };
  return { code: r.code, findings: report.findings, suppressed: report.baseline?.suppressed ?? 0 };
}

const RECORD = 'docs/adr/0002-record-the-module-boundaries-the-code-has-today.yaml';

describe('adrift init --from-code', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('proposes the workspace packages with file counts and allows every edge today; once accepted the first check is clean', () => {
    const ws = tree(MONOREPO);
    const r = adrift(['init', ws, '--from-code', '--deciders', 'tech lead']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Modules found in the code \(npm workspace packages\), 4 source files:/);
    assert.match(r.stdout, /web\s+2 files\s+apps\/web\/\*\*\s+\(@shop\/web\)/);
    assert.match(r.stdout, /Imports between them today: 4 in 3 pairs \(3 allowed\)/);
    assert.match(r.stdout, /web → pricing\s+2\s+allow\s+apps\/web\/src\/nav\.ts \(1\), apps\/web\/src\/page\.ts \(1\)/);
    assert.match(r.stdout, new RegExp(`created ${RECORD} \\(proposed\\)`));
    assert.doesNotMatch(r.stdout, /wrote \.adrift-baseline\.json/);
    const record = readFileSync(path.join(ws, RECORD), 'utf8');
    assert.match(record, /status: proposed/);
    assert.match(record, /web:\n\s+description: "@shop\/web, an npm workspace package \(apps\/web\/package\.json\)\."\n\s+paths: \[ apps\/web\/\*\* \]\n\s+uses: \[ pricing, db \]/);

    // Proposed: nothing is enforced yet.
    assert.deepEqual(check(ws).findings, []);
    assert.match(record, /^# Written by `adrift init --from-code` .* Accept it \(status: accepted\) to check them\.\n\nid: 2\n/);
    assert.equal(adrift(['status', '2', 'accepted', ws]).code, 0);
    assert.match(readFileSync(path.join(ws, RECORD), 'utf8'), /^id: 2\n/, 'the note on accepting goes once it is accepted');
    const first = check(ws);
    assert.equal(first.code, 0);
    assert.deepEqual(first.findings, []);
  });

  it('allows some pairs, baselines the rest with the reason and expiry and flags one: the first check shows exactly the flagged import', () => {
    const ws = tree(MONOREPO);
    const r = adrift(['init', ws, '--from-code', '--deciders', 'tech lead', '--edges', 'baseline', '--allow', 'web:pricing', '--flag', 'web:db', '--reason', 'inherited, fix by Q2', '--expires', '2027-06-30']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote \.adrift-baseline\.json: 1 new entry \(inherited, fix by Q2, until 2027-06-30\)/);
    assert.match(r.stdout, /`adrift check` then reports 1 finding, the imports chosen to flag\.\n\s+apps\/web\/src\/page\.ts:2:\d+ module-dependency module "web" may not use module "db"/);
    const baseline = JSON.parse(readFileSync(path.join(ws, '.adrift-baseline.json'), 'utf8')) as { entries: Record<string, unknown>[] };
    assert.deepEqual(baseline.entries, [
      { rule: 'module-dependency', file: 'packages/pricing/src/price.ts', fromModule: 'pricing', toModule: 'db', specifier: '../../db/src/sql', decision: 2, reason: 'inherited, fix by Q2', expires: '2027-06-30' },
    ]);
    // Before the record is accepted its entries wait for it: not stale, and prune keeps them.
    assert.match(adrift(['check', ws]).stdout, /\(1 waiting for a proposed decision\)/);
    const prune = adrift(['baseline', ws, '--prune']);
    assert.equal(prune.code, 0, prune.stderr);
    assert.match(prune.stderr, /0 fixed entries removed, 1 kept/);
    assert.equal((JSON.parse(readFileSync(path.join(ws, '.adrift-baseline.json'), 'utf8')) as { entries: unknown[] }).entries.length, 1);
    assert.equal(adrift(['status', '2', 'accepted', ws]).code, 0);
    const first = check(ws);
    assert.equal(first.code, 1);
    assert.deepEqual(first.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.fromModule}→${f.toModule}`), ['module-dependency apps/web/src/page.ts:2 web→db']);
    assert.equal(first.suppressed, 1);
  });

  it('writes nothing with --dry-run, and refuses a workspace that already declares modules', () => {
    const ws = tree(MONOREPO);
    const before = snapshot(ws);
    const dry = adrift(['init', ws, '--from-code', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, new RegExp(`would write ${RECORD}`));
    assert.deepEqual(changedFiles(before, snapshot(ws)), []);

    assert.equal(adrift(['init', ws, '--from-code']).code, 0);
    const after = snapshot(ws);
    const pending = adrift(['init', ws, '--from-code']);
    assert.equal(pending.code, 1);
    assert.match(pending.stderr, /0002-record-the-module-boundaries-the-code-has-today\.yaml \(proposed\) already proposes modules: accept it \(`adrift status 2 accepted`\) or reject it first/);
    assert.equal(adrift(['status', '2', 'accepted', ws]).code, 0);
    const accepted = snapshot(ws);
    const again = adrift(['init', ws, '--from-code']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /0002-record-the-module-boundaries-the-code-has-today\.yaml already declares modules; .*run `adrift sync`/);
    assert.deepEqual(changedFiles(accepted, snapshot(ws)), []);
    assert.deepEqual(changedFiles(after, accepted), ['docs/adr/0002-record-the-module-boundaries-the-code-has-today.yaml']);
  });

  it('adds the boundaries record after the records a log already has', () => {
    const ws = tree(MONOREPO);
    assert.equal(adrift(['init', ws]).code, 0);
    writeTree(ws, { 'docs/adr/0007-use-postgresql.yaml': 'id: 7\ntitle: Use PostgreSQL\nstatus: accepted\ndate: 2026-01-01\n' });
    const r = adrift(['init', ws, '--from-code']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created docs\/adr\/0008-record-the-module-boundaries-the-code-has-today\.yaml \(proposed\)/);
    assert.doesNotMatch(r.stdout, /created docs\/adr\/0001/);
  });

  it('answers usage mistakes with exit 2', () => {
    const ws = tree(MONOREPO);
    const unknown = adrift(['init', ws, '--from-code', '--allow', 'web:nowhere']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--allow web:nowhere: no module "nowhere" was discovered \(modules: .*pricing/);
    assert.equal(adrift(['init', ws, '--from-code', '--allow', 'web']).code, 2);
    assert.equal(adrift(['init', ws, '--edges', 'allow']).code, 2);
    assert.equal(adrift(['init', ws, '--from-code', '--edges', 'maybe']).code, 2);
    assert.equal(adrift(['init', ws, '--from-code', '--edges', 'baseline', '--expires', 'soon']).code, 2);
    // A date that does not exist, or one already past (its entries would accept nothing), is refused.
    const impossible = adrift(['init', ws, '--from-code', '--edges', 'baseline', '--expires', '2027-02-30']);
    assert.equal(impossible.code, 2);
    assert.match(impossible.stderr, /--expires must be a real date YYYY-MM-DD \(got "2027-02-30"\)/);
    const past = adrift(['init', ws, '--from-code', '--edges', 'baseline', '--expires', '2020-01-01']);
    assert.equal(past.code, 2);
    assert.match(past.stderr, /--expires 2020-01-01 is not in the future/);
    // Before init, there is nothing to check against: a CI job in the wrong folder must not pass.
    const none = adrift(['check', ws]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no decisions folder docs\/adr in .*: there is nothing to check the code against/);
  });
});

describe('adrift sync', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('proposes allowing a new edge and dropping an unused one in a new record; every accepted record stays byte for byte', () => {
    const ws = tree(MONOREPO);
    assert.equal(adrift(['init', ws, '--from-code', '--deciders', 'tech lead']).code, 0);
    assert.equal(adrift(['status', '2', 'accepted', ws]).code, 0);
    // The code moves on: pricing stops using db, db starts using pricing.
    writeFileSync(path.join(ws, 'packages/pricing/src/price.ts'), 'export const price = 3;\n');
    writeFileSync(path.join(ws, 'packages/db/src/sql.ts'), "import { price } from '../../pricing/src/price';\nexport const sql = `select ${price}`;\n");
    const before = snapshot(ws);

    const r = adrift(['sync', ws, '--deciders', 'tech lead']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /new edge {5}db → pricing: 1 import, most in packages\/db\/src\/sql\.ts:1 \(1\)/);
    assert.match(r.stdout, /unused {7}pricing → db: allowed by record 2, imported nowhere/);
    assert.match(r.stdout, /created docs\/adr\/0003-sync-the-module-boundaries-with-the-code\.yaml \(proposed; supersedes 2 once accepted\)/);
    const changed = changedFiles(before, snapshot(ws));
    assert.deepEqual(changed, ['docs/adr/0003-sync-the-module-boundaries-with-the-code.yaml']);
    for (const [file, text] of before) if (file.startsWith('docs/adr/')) assert.equal(readFileSync(path.join(ws, file), 'utf8'), text, file);

    // Run again before anyone decides: the same proposal is not written twice.
    const twice = adrift(['sync', ws, '--deciders', 'tech lead']);
    assert.match(twice.stdout, /Record 3 \(proposed\) already proposes exactly this: review it/);
    assert.deepEqual(changedFiles(before, snapshot(ws)), changed);

    const proposal = readFileSync(path.join(ws, changed[0]), 'utf8');
    assert.match(proposal, /status: proposed/);
    assert.match(proposal, /supersedes:\n\s+- 2\n/);
    assert.match(proposal, /pricing:\n\s+description: .*\n\s+paths: \[ packages\/pricing\/\*\* \]\n$/);
    assert.match(proposal, /db:\n\s+description: .*\n\s+paths: \[ packages\/db\/\*\* \]\n\s+uses: \[ pricing \]/);

    // Until it is accepted the old boundaries hold; accepting it retires record 2 and the check is clean.
    assert.deepEqual(check(ws).findings.map((f) => `${f.rule} ${f.fromModule}→${f.toModule}`), ['module-dependency db→pricing']);
    assert.equal(adrift(['status', '3', 'accepted', ws]).code, 0);
    assert.deepEqual(check(ws).findings, []);
    const retired = readFileSync(path.join(ws, 'docs/adr/0002-record-the-module-boundaries-the-code-has-today.yaml'), 'utf8');
    assert.match(retired, /status: superseded/);
    assert.match(retired, /superseded_by: 3/);
    const quiet = adrift(['sync', ws]);
    assert.equal(quiet.code, 0);
    assert.match(quiet.stdout, /The accepted boundaries match the code \(3 modules, 4 source files\): nothing to propose\./);
  });

  it('leaves imports the baseline accepts out of the proposal, and says so', () => {
    const ws = tree(MONOREPO);
    assert.equal(adrift(['init', ws, '--from-code', '--deciders', 'tech lead', '--edges', 'baseline', '--allow', 'web:pricing,web:db']).code, 0);
    assert.equal(adrift(['status', '2', 'accepted', ws]).code, 0);
    const r = adrift(['sync', ws, '--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /The accepted boundaries match the code .*nothing to propose\.\n1 import between modules is accepted by the baseline for now\./);
  });

  it('leaves out a new edge that closes a cycle, says so, and writes nothing when that is all there is', () => {
    const ws = tree(MONOREPO);
    assert.equal(adrift(['init', ws, '--from-code', '--deciders', 'tech lead']).code, 0);
    assert.equal(adrift(['status', '2', 'accepted', ws]).code, 0);
    // db starts importing web: web may use db, so db → web closes web → db → web.
    writeFileSync(path.join(ws, 'packages/db/src/sql.ts'), "import { nav } from '../../../apps/web/src/nav';\nexport const sql = `select ${String(nav)}`;\n");
    const before = snapshot(ws);
    const r = adrift(['sync', ws, '--deciders', 'tech lead']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /left out {5}db → web: 1 import, most in packages\/db\/src\/sql\.ts:1 \(1\); not proposed: allowing it would close the cycle db → web → db of allowed dependencies/);
    assert.match(r.stdout, /Nothing to propose: .*Nothing was written\./);
    assert.doesNotMatch(r.stdout, /new edge|match the code/);
    assert.deepEqual(changedFiles(before, snapshot(ws)), []);
    // The imports stay findings: a uses would not have silenced the cycle.
    assert.deepEqual(check(ws).findings.map((f) => f.rule).sort(), ['module-cycle', 'module-dependency']);
  });

  it('refuses a workspace whose accepted records declare no modules', () => {
    const ws = tree(MONOREPO);
    assert.equal(adrift(['init', ws]).code, 0);
    const r = adrift(['sync', ws]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no accepted record declares modules; run `adrift init --from-code`/);
  });
});
