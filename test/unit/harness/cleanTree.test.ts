// `npm test` leaves the working tree as it found it: the UI tests save their screenshots to a
// gitignored folder, and scripts/test.mjs fails a run that changed what git tracks (using
// scripts/tree-state.mjs, tested here on a real git repository).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, screenshotsDir } from '../../harness/paths';

interface TreeState {
  statusPaths(output: string): string[];
  treeState(root: string): Map<string, string> | undefined;
  changedBetween(before: Map<string, string>, after: Map<string, string>): string[];
}

async function treeStateScript(): Promise<TreeState> {
  return (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'tree-state.mjs')).href)) as TreeState;
}

describe('a test run leaves the tree clean', () => {
  it('saves UI screenshots into a folder git ignores, outside docs/', () => {
    const picture = path.relative(repoRoot, path.join(screenshotsDir, 'smoke-check-workspace.png'));
    assert.ok(!picture.startsWith('docs'), picture);
    const ignored = spawnSync('git', ['check-ignore', '-q', picture], { cwd: repoRoot });
    assert.equal(ignored.status, 0, `${picture} is not ignored by git`);
  });

  it('reads the paths of git status, renames with their origin', async () => {
    const { statusPaths } = await treeStateScript();
    assert.deepEqual(statusPaths(' M docs/screenshots/a.png\0R  new.ts\0old.ts\0?? notes.txt\0'), ['docs/screenshots/a.png', 'new.ts', 'old.ts', 'notes.txt']);
  });

  describe('in a git repository', () => {
    let repo: string;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    beforeEach(() => {
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'adrift-tree-'));
      git('init', '-q');
      fs.mkdirSync(path.join(repo, 'docs', 'screenshots'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'docs', 'screenshots', 'module-map.png'), 'old picture');
      fs.writeFileSync(path.join(repo, 'notes.md'), 'committed');
      fs.writeFileSync(path.join(repo, '.gitignore'), 'test-results/\n');
      git('add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init');
    });
    afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

    it('names a tracked file the run rewrote', async () => {
      const { treeState, changedBetween } = await treeStateScript();
      const before = treeState(repo)!;
      fs.writeFileSync(path.join(repo, 'docs', 'screenshots', 'module-map.png'), 'new picture');
      assert.deepEqual(changedBetween(before, treeState(repo)!), ['docs/screenshots/module-map.png']);
    });

    it('ignores edits made before the run and files in ignored folders', async () => {
      const { treeState, changedBetween } = await treeStateScript();
      fs.writeFileSync(path.join(repo, 'notes.md'), 'edited by the contributor');
      const before = treeState(repo)!;
      fs.mkdirSync(path.join(repo, 'test-results', 'screenshots'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'test-results', 'screenshots', 'module-map.png'), 'new picture');
      assert.deepEqual(changedBetween(before, treeState(repo)!), []);
    });

    it('names a file the run left behind, or changed again after the contributor', async () => {
      const { treeState, changedBetween } = await treeStateScript();
      fs.writeFileSync(path.join(repo, 'notes.md'), 'edited by the contributor');
      const before = treeState(repo)!;
      fs.writeFileSync(path.join(repo, 'notes.md'), 'rewritten by a test');
      fs.writeFileSync(path.join(repo, 'stray.log'), 'left behind');
      assert.deepEqual(changedBetween(before, treeState(repo)!), ['notes.md', 'stray.log']);
    });
  });
});
