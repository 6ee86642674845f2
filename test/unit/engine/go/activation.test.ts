// The extension on a Go workspace (issue 12): it activates on the decisions, whatever the
// language, so a workspace holding Go files and decisions starts it, and its watchers and
// providers take .go files. The real editor run is test/integration/ci-runner/go.test.ts.

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { configFilesGlob, languageOf, sourceFilesGlob } from '../../../../src/core/engine/languages';

const REPO = path.resolve(__dirname, '../../../../..');
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { activationEvents: string[] };

/** Whether `workspaceContains:<folder>/*.<ext>` or `workspaceContains:<file>` matches in `root`. */
function contains(root: string, pattern: string): boolean {
  const star = pattern.indexOf('/*.');
  if (star === -1) return existsSync(path.join(root, pattern));
  const dir = path.join(root, pattern.slice(0, star));
  const ext = pattern.slice(star + 2);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(ext));
}

describe('the extension on a workspace of Go files and decisions', () => {
  it('activates on the decisions, with no event tied to one language', () => {
    const events = manifest.activationEvents;
    assert.ok(!events.some((e) => e.startsWith('onLanguage:')), events.join(', '));
    const goWorkspace = path.join(REPO, 'examples/ci-runner');
    assert.ok(existsSync(path.join(goWorkspace, 'agent-go/go.mod')));
    const matching = events.filter((e) => e.startsWith('workspaceContains:') && contains(goWorkspace, e.slice('workspaceContains:'.length)));
    assert.deepEqual(matching, ['workspaceContains:docs/adr/*.yaml', 'workspaceContains:.adrift.yaml']);
  });

  it('watches .go files, go.mod and go.work, and reads .go files as Go', () => {
    assert.match(sourceFilesGlob(), /[{,]go[,}]/);
    assert.match(configFilesGlob(), /[{,]go\.mod[,}]/);
    assert.match(configFilesGlob(), /[{,]go\.work[,}]/);
    assert.equal(languageOf('agent-go/job/job.go')?.id, 'go');
  });
});
