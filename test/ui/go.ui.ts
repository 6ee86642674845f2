// Go in a real workbench, as a user meets it, with no Go extension: the ci-runner example's
// Go runner agent imports the job queue's store directly, which is squiggled, explained in
// the hover and listed in Problems. Screenshots go to test-results/screenshots/.

import * as assert from 'node:assert/strict';
import { packagedVsix, Workbench } from './lib/workbench';

suite('Go UI: drift in a .go file', function () {
  this.timeout(240_000);
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await Workbench.open({ workspace: 'ci-runner', extension: { vsix: packagedVsix() } });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the agent\'s import of the queue store is squiggled, explained in the hover and listed in Problems', async () => {
    const wb = workbench!;
    await wb.openFile('agent-go/job/job.go');
    const squiggles = await wb.squiggles('error');
    assert.ok((await squiggles.count()) > 0, 'the forbidden import is squiggled');
    const hover = await wb.hoverSquiggle('error');
    assert.match(hover, /go-agent/);
    assert.match(hover, /queue-go\/store/);
    await wb.screenshot('go-drift-hover');
    const problems = await wb.problems({ atLeast: 1 });
    assert.ok(problems.some((p) => p.includes('forbidden-import') || p.includes('queue-go/store')), problems.join(' | '));
    await wb.screenshot('go-drift-problems');
  });
});
