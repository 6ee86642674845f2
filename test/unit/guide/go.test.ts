// The guide and Go (issue 12): the CI/CD runner template's runner agent is a Go binary, and
// whatever the guide records for a module or part is checked in Go code like in any other:
// the records it writes, accepted, flag a Go agent that imports the server's Go package.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace } from '../../../src/core/engine/check';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { planRecords } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import { recordFileChanges } from '../../../src/core/guide/write';

describe('the guide records Go', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'adrift-guide-go-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the CI/CD runner template writes the runner agent, with its registration, heartbeats and job execution, in Go', () => {
    const answers = templateAnswers('ci-runner');
    const agent = (answers?.parts as { name: string; technology: string }[] | undefined)?.find((p) => p.name === 'Runner agent');
    assert.match(agent?.technology ?? '', /^Go: .*registers, heartbeats and executes jobs/);
    const { records } = planRecords(answers ?? {}, { existing: [], date: '2026-12-02' });
    const split = records.find((r) => r.enforce?.imports?.forbid?.some((f) => f.from === 'agent/**'));
    assert.match(split?.decision?.chosen ?? '', /Runner agent: Go: one static binary/);
    assert.match(split?.decision?.chosen ?? '', /Job protocol: Protobuf schema .* generated into Go for the agent/);
  });

  it('its records, accepted, check a Go agent and a Go module like any code: the agent importing the server\'s runner package is flagged', async () => {
    const answers = templateAnswers('ci-runner') ?? {};
    const { records } = planRecords(answers, { existing: [], date: '2026-12-02', status: 'accepted' });
    for (const f of recordFileChanges(records, 'docs/adr')) {
      mkdirSync(path.join(root, path.dirname(f.path)), { recursive: true });
      writeFileSync(path.join(root, f.path), f.text);
    }
    // One Go module for the repository: the agent, the job protocol and the server's Runner module (server/src/runner).
    const files: Record<string, string> = {
      'go.mod': 'module example.com/ci\n\ngo 1.22\n',
      'protocol/job.go': 'package protocol\n\ntype Job struct{ ID string }\n',
      'server/src/runner/lease.go': 'package runner\n\nimport "example.com/ci/protocol"\n\nfunc Lease() protocol.Job { return protocol.Job{} }\n',
      'agent/run.go': 'package agent\n\nimport (\n\t"example.com/ci/protocol"\n\t"example.com/ci/server/src/runner"\n)\n\nfunc Run() protocol.Job { return runner.Lease() }\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const result = await checkWorkspace(new NodeFileSystem(), root, { cache: false, baseline: false });
    assert.equal(result.index.moduleOf('server/src/runner/lease.go'), 'runner');
    const drift = result.findings.filter((f) => f.file.endsWith('.go'));
    assert.deepEqual(drift.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.rule}`), ['agent/run.go:5:2 forbidden-import']);
    assert.match(drift[0].message, /may not import "server\/src\/runner\/lease\.go" \(module "runner"\)/);
    assert.match(drift[0].message, /the agent "Runner agent" is installed on customers' machines/);
  });
});
