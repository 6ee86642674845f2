// `adrift check --module` / `--rest`: a set of shards (every module one, plus the rest) reports
// exactly the findings of the whole check, each once, in every format; a shard's baseline and
// --since/--ratchet speak only of its own part; a name that is no module fails with a guess.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkCommand } from '../../../../src/cli/commands/check';
import { CheckSetupError, checkWorkspace, type CheckOptions } from '../../../../src/core/engine/check';
import { ratchetFindings } from '../../../../src/core/engine/ratchet';
import { checkSince } from '../../../../src/core/engine/since';
import type { ShardRequest } from '../../../../src/core/engine/shard';
import { NodeFileSystem } from '../../../../src/core/fs/node';
import { NodeGit } from '../../../../src/core/git/node';
import type { Finding } from '../../../../src/core/findings';
import { runInProcess } from '../../cli/in-process';
import { SHARD_FILES, writeShardFixture } from './shard-fixture';

const fs = new NodeFileSystem();
const TODAY = '2026-12-02';
const roots: string[] = [];
const json = (f: Finding): string => JSON.stringify(f);

function fixture(files = SHARD_FILES): string {
  const root = writeShardFixture(files);
  roots.push(root);
  return root;
}

/** Every module of the expanded model a shard of its own, and the rest. */
async function everyShard(root: string): Promise<ShardRequest[]> {
  const full = await checkWorkspace(fs, root, { cache: false, today: TODAY });
  return [...[...full.model.modules.keys()].map((m) => ({ modules: [m], rest: false })), { modules: [], rest: true }];
}

async function union(root: string, shards: ShardRequest[], options: CheckOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for (const shard of shards) out.push(...(await checkWorkspace(fs, root, { cache: false, today: TODAY, ...options, shard })).findings.map(json));
  return out.sort();
}

async function whole(root: string, options: CheckOptions = {}): Promise<string[]> {
  return (await checkWorkspace(fs, root, { cache: false, today: TODAY, ...options })).findings.map(json).sort();
}

describe('adrift check, sharded by module', function () {
  this.timeout(60_000);
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('fires every rule kind in the fixture, so the invariant below covers them all', async () => {
    const rules = new Set((await checkWorkspace(fs, fixture(), { cache: false, today: TODAY, baseline: false })).findings.map((f) => f.rule));
    for (const rule of ['module-dependency', 'layer-dependency', 'private-import', 'data-ownership', 'forbidden-package', 'confined-package', 'forbidden-import', 'module-cycle', 'unassigned-file', 'unused-suppression', 'skipped-file', 'decision-reference', 'decision-budget']) {
      assert.ok(rules.has(rule as Finding['rule']), `${rule} does not fire`);
    }
  });

  it('reports, over one shard per module and the rest, exactly the findings of the whole check, each once', async () => {
    const root = fixture();
    const shards = await everyShard(root);
    assert.deepEqual(await union(root, shards), await whole(root));
    assert.deepEqual(await union(root, shards, { baseline: false }), await whole(root, { baseline: false }));
    // A pattern's key names all its modules: the same set with service-{name} as one shard.
    const byKey = [...shards.filter((s) => !s.modules.some((m) => m.startsWith('service-'))), { modules: ['service-{name}'], rest: false }];
    assert.deepEqual(await union(root, byKey), await whole(root));
  });

  for (const example of ['broken', 'ci-runner', 'helpdesk', 'writing-assistant']) {
    it(`gives the whole check's findings over every shard of examples/${example}`, async () => {
      const root = path.resolve(__dirname, '../../../../../examples', example).replace(/\\/g, '/');
      const shards = await everyShard(root);
      assert.ok(shards.length > 2, `${example} declares modules`);
      assert.deepEqual(await union(root, shards), await whole(root));
    });
  }

  it('finds a cycle whose other edges are in other shards', async () => {
    const core = await checkWorkspace(fs, fixture(), { cache: false, today: TODAY, shard: { modules: ['core'], rest: false } });
    const cycle = core.findings.filter((f) => f.rule === 'module-cycle');
    assert.equal(cycle.length, 1);
    assert.match(cycle[0].message, /closes the cycle core → web → api → core/);
    assert.ok(core.findings.every((f) => f.file.startsWith('core/')), core.findings.map((f) => f.file).join(', '));
  });

  it("applies only the shard's own baseline entries: another shard's are neither used nor stale", async () => {
    const root = fixture();
    const shard = async (modules: string[], rest = false) => (await checkWorkspace(fs, root, { cache: false, today: TODAY, shard: { modules, rest } })).baseline!;
    const web = await shard(['web']);
    assert.equal(web.suppressed, 1);
    assert.deepEqual(web.unused, []);
    assert.deepEqual((await shard(['api'])).unused, []);
    assert.deepEqual((await shard(['core'])).unused.map((e) => e.file), ['core/gone.ts']);
    assert.deepEqual((await shard([], true)).unused.map((e) => e.file), ['scripts/old.ts']);
    const full = (await checkWorkspace(fs, root, { cache: false, today: TODAY })).baseline!;
    assert.deepEqual(full.unused.map((e) => e.file).sort(), ['core/gone.ts', 'scripts/old.ts']);
  });

  it('leaves the decision-level findings to the rest shard, budget counted over every file', async () => {
    const root = fixture();
    const rest = await checkWorkspace(fs, root, { cache: false, today: TODAY, shard: { modules: [], rest: true } });
    const budget = rest.findings.find((f) => f.rule === 'decision-budget');
    const full = await checkWorkspace(fs, root, { cache: false, today: TODAY });
    assert.equal(budget?.message, full.findings.find((f) => f.rule === 'decision-budget')?.message);
    const web = await checkWorkspace(fs, root, { cache: false, today: TODAY, shard: { modules: ['web'], rest: false } });
    assert.ok(web.findings.every((f) => !f.rule.startsWith('decision-')));
  });

  it('refuses a name that is no module, with a guess, before and after the pattern modules are known', async () => {
    const root = fixture();
    await assert.rejects(checkWorkspace(fs, root, { cache: false, shard: { modules: ['weeb'], rest: false } }), (err: Error) => err instanceof CheckSetupError && /--module "weeb" \(did you mean "web"\?\): no such module/.test(err.message));
    await assert.rejects(checkWorkspace(fs, root, { cache: false, shard: { modules: ['service-mial'], rest: false } }), (err: Error) => err instanceof CheckSetupError && /"service-mial" \(did you mean "service-mail"\?\)/.test(err.message));
    const r = await runInProcess(root, fs, [checkCommand], 'check', '--no-cache', '--module', 'biling');
    assert.equal(r.code, 2);
    assert.match(r.err, /did you mean "billing"/);
  });

  it('checks nothing for a module that owns no file, and says so', async () => {
    const r = await runInProcess(fixture(), fs, [checkCommand], 'check', '--no-cache', '--module', 'ghost', '--format', 'json');
    assert.equal(r.code, 0);
    assert.match(r.err, /module ghost owns no source file/);
    assert.deepEqual(JSON.parse(r.out).findings, []);
  });

  it('exits by its own findings and gives the same union in every format', async () => {
    const root = fixture();
    const shards = (await everyShard(root)).map((s) => (s.rest ? ['--rest'] : s.modules.flatMap((m) => ['--module', m])));
    const run = (format: string, extra: string[]) => runInProcess(root, fs, [checkCommand], 'check', '--no-cache', '--format', format, ...extra);
    assert.equal((await run('text', ['--module', 'billing'])).code, 0);
    assert.equal((await run('text', ['--module', 'web'])).code, 1);
    assert.equal((await run('text', ['--module', 'api,billing'])).code, 0);
    const items: Record<string, (out: string) => string[]> = {
      json: (out) => (JSON.parse(out) as { findings: unknown[] }).findings.map((f) => JSON.stringify(f)),
      sarif: (out) => (JSON.parse(out) as { runs: { results: unknown[] }[] }).runs[0].results.map((r) => JSON.stringify(r)),
      gitlab: (out) => (JSON.parse(out) as unknown[]).map((i) => JSON.stringify(i)),
      github: (out) => out.split('\n').filter((l) => /^::(error|warning|notice) /.test(l)),
    };
    for (const [format, parse] of Object.entries(items)) {
      const parts: string[] = [];
      for (const s of shards) parts.push(...parse((await run(format, s)).out));
      assert.deepEqual(parts.sort(), parse((await run(format, [])).out).sort(), format);
    }
    const md = (await run('markdown', ['--module', 'core'])).out;
    assert.match(md, /core\/money\.ts/);
    assert.doesNotMatch(md, /web\/page\.ts/);
  });

  it('splits --since into new, inherited and fixed per shard, and the ratchet names only its own entries', async () => {
    const root = fixture();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=a@b.c', '-c', 'user.name=a', 'add', '-A');
    git('-c', 'user.email=a@b.c', '-c', 'user.name=a', 'commit', '-q', '-m', 'base');
    // The change: web drops its billing import (fixed), core gains one (new), a baseline entry is added for api.
    writeFileSync(path.join(root, 'web/page.ts'), SHARD_FILES['web/page.ts'].replace("import { charge } from '../billing/charge';\n", '').replace('charge, ', ''));
    writeFileSync(path.join(root, 'core/money.ts'), SHARD_FILES['core/money.ts'] + "import { charge } from '../billing/charge';\nexport const c = charge;\n");
    const baseline = JSON.parse(SHARD_FILES['.adrift-baseline.json']) as { entries: object[] };
    baseline.entries.push({ rule: 'module-dependency', file: 'core/money.ts', fromModule: 'core', toModule: 'billing', specifier: '../billing/charge', reason: 'for now' });
    writeFileSync(path.join(root, '.adrift-baseline.json'), JSON.stringify(baseline));
    const vcs = new NodeGit(root);
    const summary = async (shard?: ShardRequest) => {
      const { result, scope } = await checkSince(fs, vcs, root, 'main', { cache: false, today: TODAY, shard });
      const ratchet = await ratchetFindings(fs, result, scope);
      return {
        introduced: [...scope.introduced].map(json),
        inherited: [scope.inherited],
        fixed: scope.fixed.map(json),
        ratchet: ratchet.map(json),
      };
    };
    const full = await summary();
    assert.ok(full.fixed.length > 0 && full.introduced.length > 0 && full.ratchet.length > 0);
    const parts = { introduced: [] as string[], inherited: [0], fixed: [] as string[], ratchet: [] as string[] };
    for (const shard of await everyShard(root)) {
      const s = await summary(shard);
      parts.introduced.push(...s.introduced);
      parts.fixed.push(...s.fixed);
      parts.ratchet.push(...s.ratchet);
      parts.inherited[0] += s.inherited[0];
    }
    for (const k of ['introduced', 'fixed', 'ratchet'] as const) assert.deepEqual(parts[k].sort(), [...full[k]].sort(), k);
    assert.deepEqual(parts.inherited, full.inherited);
    // Through the CLI: the baseline entry added for core's new import fails core's shard; web, which only fixed one, passes.
    const cli = (...extra: string[]) => runInProcess(root, fs, [checkCommand], 'check', '--no-cache', '--since', 'main', '--ratchet', ...extra);
    assert.equal((await cli('--module', 'core')).code, 1);
    assert.equal((await cli('--module', 'web')).code, 0);
    const webJson = JSON.parse((await cli('--module', 'web', '--format', 'json')).out) as { since: { fixed: { file: string }[]; records: unknown[] } };
    assert.deepEqual(webJson.since.fixed.map((f) => f.file), ['web/page.ts', 'web/page.ts']);
  });
});
