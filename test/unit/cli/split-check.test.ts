// The split record the guide writes is checked by `adrift check` like a hand-written one:
// the CI/CD runner template's records, in a workspace whose agent imports server code.

import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { planRecords } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import { recordFileChanges } from '../../../src/core/guide/write';
import { adrift, cleanUp, workspace } from './run-cli';

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

describe('adrift check on the parts the guide recorded', function () {
  this.timeout(120_000);
  after(cleanUp);

  it("reports the runner agent importing server code, naming the split decision and the parts; the shared protocol import passes", () => {
    const answers = templateAnswers('ci-runner');
    assert.ok(answers);
    // Written as accepted, as a team that has reviewed them would: proposed records (the
    // default) enforce nothing.
    const { records } = planRecords(answers, { existing: [], date: '2026-12-02', status: 'accepted' });
    const split = records.find((r) => r.tags?.includes('split'));
    assert.ok(split);
    const ws = workspace();
    write(ws, Object.fromEntries(recordFileChanges(records, 'docs/adr').map((c) => [c.path, c.text])));
    write(ws, {
      'server/src/runner/jobs.ts': 'export const JOB_TIMEOUT_MS = 60_000;\n',
      'protocol/jobs.ts': 'export interface Job { id: string }\n',
      'agent/src/run.ts': [
        "import { JOB_TIMEOUT_MS } from '../../server/src/runner/jobs';",
        "import { type Job } from '../../protocol/jobs';",
        'export const timeout = (job: Job): number => (job.id ? JOB_TIMEOUT_MS : 0);',
        '',
      ].join('\n'),
      'web/src/app.ts': "import type { Job } from '../../protocol/jobs';\nexport const jobs: Job[] = [];\n",
    });
    const r = adrift(['check', ws, '--format', 'text']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const id = String(split.id).padStart(4, '0');
    const agent = r.stdout.split('\n').filter((l) => l.trim().startsWith('agent/src/run.ts:'));
    assert.equal(agent.length, 1, r.stdout);
    assert.match(agent[0], new RegExp(`agent/src/run.ts:1:\\d+ forbidden-import .*\\(agent/\\*\\* → server/\\*\\*, ADR-${id} "Build the product as 5 parts: .*"\\): the agent "Runner agent" is installed on customers' machines: it calls the server "API server" over its API`));
    // The dashboard does not list the job protocol, so its import of it is a finding too.
    assert.match(r.stdout, /web\/src\/app.ts:1:\d+ forbidden-import .*\(web\/\*\* → protocol\/\*\*, ADR-\d{4} .*\): the web app "Web dashboard" does not use the shared library "Job protocol"/);
  });
});
