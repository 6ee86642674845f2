// The extraction pool against the single-threaded scan on a generated workspace of a few
// thousand TypeScript, Python and Go files (with a file that is not UTF-8, a binary file and
// one too large to check): the CLI's JSON and SARIF reports are the same byte for byte, cold
// and warm, and a worker that fails or dies loses no file.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkWorkspace } from '../../../../src/core/engine/check';
import { ExtractPool, type BatchRunner } from '../../../../src/core/engine/pool';
import { timeSlicer } from '../../../../src/core/engine/slice';
import { NodeFileSystem } from '../../../../src/core/fs/node';
import { CLI } from '../../cli/run-cli';

const DECISION = [
  'id: 1',
  'title: Split the service into modules',
  'status: accepted',
  'date: 2026-11-27',
  'enforce:',
  '  undeclared: deny',
  '  modules:',
  '    web:',
  '      paths: [web/**]',
  '      uses: [core]',
  '    core:',
  '      paths: [core/**]',
  '    jobs:',
  '      paths: [jobs/**]',
  '    svc:',
  '      paths: [svc/**]',
  '',
].join('\n');

const temps: string[] = [];

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

function put(root: string, rel: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), content);
}

/** `perKind` files of each kind; some imports cross into a module they may not use. */
function generate(perKind: number): string {
  const root = temp('adrift-pool-');
  put(root, 'docs/adr/0001-split-the-service-into-modules.yaml', DECISION);
  put(root, 'go.mod', 'module example.com/svc\n\ngo 1.22\n');
  put(root, 'pyproject.toml', '[project]\nname = "jobs"\n');
  for (let i = 0; i < perKind; i++) {
    put(root, `core/lib${i % 40}/file${i}.ts`, `export const value${i} = ${i};\n`);
    const into = i % 7 === 0 ? `../../jobs/task${i}/run` : `../../core/lib${i % 40}/file${i}`;
    put(root, `web/page${i % 50}/view${i}.ts`, `import { value${i} } from '${into}';\nimport React from 'react';\nexport const view${i} = () => value${i};\n`);
    put(root, `jobs/task${i}/run.ts`, `import { view${i} } from '../../web/page${i % 50}/view${i}';\nexport const value${i} = view${i};\n`);
    put(root, `jobs/py/task${i}.py`, `import os\nfrom jobs.py import task${(i + 1) % perKind}\n`);
    put(root, `svc/pkg${i % 30}/f${i}.go`, `package pkg${i % 30}\n\nimport (\n\t"fmt"\n\t"example.com/svc/svc/pkg${(i + 1) % 30}"\n)\n`);
  }
  put(root, 'jobs/py/__init__.py', '');
  // Bytes that are not UTF-8 at line 2, a binary file and one too large to check.
  put(root, 'web/latin1.ts', Buffer.concat([Buffer.from("import { value1 } from '../jobs/task1/run';\n// caf"), Buffer.from([0xe9]), Buffer.from('\n')]));
  put(root, 'core/blob.ts', Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff]));
  put(root, 'core/huge.ts', 'export const x = 1;\n'.repeat(60_000));
  return root;
}

function cli(args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The report without the time the scan took, the one part two runs never share. */
function timeless(report: string): string {
  return report.replace(/"durationMs": \d+/g, '"durationMs": 0');
}

describe('extraction pool', function () {
  this.timeout(600_000);
  let root: string;
  before(() => {
    root = generate(700);
  });
  after(() => {
    for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('gives the CLI byte-identical JSON and SARIF reports to --threads 1, cold and warm', () => {
    for (const format of ['json', 'sarif']) {
      const single = cli(['check', root, '--format', format, '--no-cache', '--threads', '1'], {});
      assert.equal(single.stderr, '');
      assert.equal(single.code, 1, 'the generated workspace has error findings');
      const cache = temp('adrift-pool-cache-');
      const env = { XDG_CACHE_HOME: cache, ADRIFT_POOL_THRESHOLD: '1' };
      const cold = cli(['check', root, '--format', format, '--threads', '2'], env);
      const warm = cli(['check', root, '--format', format, '--threads', '2'], env);
      for (const run of [cold, warm]) {
        assert.equal(run.stderr, '');
        assert.equal(run.code, 1);
        assert.equal(timeless(run.stdout), timeless(single.stdout));
      }
    }
    const report = JSON.parse(cli(['check', root, '--format', 'json', '--no-cache', '--threads', '1'], {}).stdout) as { summary: { files: number }; findings: { rule: string; file?: string; message: string }[] };
    assert.equal(report.summary.files, 5 * 700 + 2);
    const about = (file: string) => report.findings.filter((f) => f.file === file).map((f) => `${f.rule}: ${f.message}`).join('\n');
    assert.match(about('web/latin1.ts'), /UTF-8/);
    assert.match(about('core/blob.ts'), /binary/);
    assert.match(about('core/huge.ts'), /larger than/);
    assert.ok(report.findings.filter((f) => f.rule === 'module-dependency').length >= 100);
  });

  it('sends every batch of a cold scan to the workers and merges them in file order', async () => {
    const fs = new NodeFileSystem();
    const single = await checkWorkspace(fs, root, { cache: false, baseline: false });
    const pool = new ExtractPool({ workers: 2 });
    let batches = 0;
    const counting: BatchRunner = { workers: 2, run: (...args) => ((batches += 1), pool.run(...args)) };
    try {
      const pooled = await checkWorkspace(fs, root, { cache: false, baseline: false, parallel: { pool: counting, threshold: 1 } });
      // Every third batch is the calling thread's own.
      const all = Math.ceil((single.index.sourceFiles().length + single.stats.skipped.length - 1) / 256);
      assert.equal(batches, all - Math.floor(all / 3));
      assert.deepEqual(pooled.findings, single.findings);
      assert.deepEqual(pooled.index.sourceFiles(), single.index.sourceFiles());
      assert.deepEqual(pooled.stats.skipped, single.stats.skipped);
    } finally {
      await pool.close();
    }
  });

  it('serves the editor: a sliced scan sends every batch to the workers, which end when idle and start again for the next scan', async () => {
    const fs = new NodeFileSystem();
    const single = await checkWorkspace(fs, root, { cache: false, baseline: false });
    const pool = new ExtractPool({ workers: 1, idleMs: 100 });
    let sent = 0;
    let ranWorker = false;
    const counting: BatchRunner = {
      workers: 1,
      run: async (root, requests, started) => {
        sent += requests.length;
        const out = await pool.run(root, requests, started);
        ranWorker ||= pool.running;
        return out;
      },
    };
    const sliced = () => checkWorkspace(fs, root, { cache: false, baseline: false, live: true, slicer: timeSlicer(), parallel: { pool: counting, threshold: 1 } });
    try {
      const first = await sliced();
      assert.equal(sent, first.stats.files + first.stats.skipped.length, 'the calling thread extracted no batch of its own');
      assert.equal(first.stats.onWorkers, sent);
      assert.deepEqual(first.findings, single.findings);
      assert.ok(ranWorker, 'a worker thread ran the batches');
      for (let waited = 0; pool.running && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(pool.running, false, 'the idle worker ended');
      const second = await sliced();
      assert.deepEqual(second.findings, single.findings);
      assert.equal(second.stats.onWorkers, first.stats.onWorkers);
    } finally {
      await pool.close();
    }
  });

  for (const [what, body] of [
    ['dies', "process.exit(3);"],
    ['answers with an error', "require('node:worker_threads').parentPort.postMessage({ id: m.id, error: 'out of memory' });"],
  ] as const) {
    it(`extracts on the main thread, with a message, the batches of a worker that ${what}`, async () => {
      const script = path.join(temp('adrift-pool-worker-'), 'worker.js');
      writeFileSync(script, `require('node:worker_threads').parentPort.on('message', (m) => { ${body} });\n`);
      const fs = new NodeFileSystem();
      const single = await checkWorkspace(fs, root, { cache: false, baseline: false });
      const pool = new ExtractPool({ workers: 2, script });
      const warnings: string[] = [];
      try {
        const pooled = await checkWorkspace(fs, root, { cache: false, baseline: false, parallel: { pool, threshold: 1, warn: (m) => warnings.push(m) } });
        assert.deepEqual(pooled.findings, single.findings);
        assert.equal(pooled.stats.files, single.stats.files);
        assert.ok(warnings.length > 0);
        assert.match(warnings[0], /extraction worker .*failed on 256 files from .*; extracting them on the main thread/);
      } finally {
        await pool.close();
      }
    });
  }
});
