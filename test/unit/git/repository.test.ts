import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeGit } from '../../../src/core/git/node';
import { GitError } from '../../../src/core/git/port';
import { changedFiles, commitsTouching, listTree, mergeBase, readObjects, repositoryInfo, resolveCommit } from '../../../src/core/git/repository';

const folders: string[] = [];
function repo(): { dir: string; git: (...args: string[]) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'adrift-git-'));
  folders.push(dir);
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
    });
  git('init', '-q', '-b', 'main');
  return { dir, git };
}
function write(dir: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
}
async function rejects(p: Promise<unknown>, failure: string, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof GitError && e.failure === failure && message.test(e.message));
}

describe('git port (read-only history)', function () {
  this.timeout(30_000);
  after(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads the branch, head, changes with renames, trees, logs and blobs without touching the work tree', async () => {
    const { dir, git } = repo();
    write(dir, 'src/a.ts', 'import "./b";\n'.repeat(20));
    write(dir, 'src/b.ts', 'export const b = 1;\n');
    write(dir, 'name with space.ts', 'x\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    const first = git('rev-parse', 'HEAD').trim();
    git('checkout', '-q', '-b', 'feature');
    renameSync(path.join(dir, 'src/a.ts'), path.join(dir, 'src/moved.ts'));
    write(dir, 'src/c.ts', 'new\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'move a, add c');
    write(dir, 'src/b.ts', 'export const b = 2;\n'); // uncommitted edit
    const port = new NodeGit(dir);

    const info = await repositoryInfo(port);
    assert.equal(info.branch, 'feature');
    assert.equal(info.shallow, false);
    assert.equal(info.head, git('rev-parse', 'HEAD').trim());
    assert.equal(await resolveCommit(port, 'main'), first);
    assert.equal(await mergeBase(port, 'main', 'HEAD', info.shallow), first);

    const changes = await changedFiles(port, first);
    assert.deepEqual(
      changes.sort((x, y) => x.path.localeCompare(y.path)),
      [
        { status: 'modified', path: 'src/b.ts' },
        { status: 'added', path: 'src/c.ts' },
        { status: 'renamed', oldPath: 'src/a.ts', path: 'src/moved.ts' },
      ],
    );
    assert.deepEqual((await listTree(port, first)).map((e) => e.path), ['name with space.ts', 'src/a.ts', 'src/b.ts']);
    assert.deepEqual((await commitsTouching(port, ['src/c.ts'], 10)).map((c) => c.subject), ['move a, add c']);
    assert.equal((await commitsTouching(port, [], 10)).length, 2);

    const blobs = await readObjects(port, [`${first}:src/b.ts`, `${first}:src/missing.ts`, `${first}:name with space.ts`]);
    assert.equal(new TextDecoder().decode(blobs.get(`${first}:src/b.ts`)), 'export const b = 1;\n');
    assert.equal(blobs.get(`${first}:src/missing.ts`), undefined);
    assert.equal(new TextDecoder().decode(blobs.get(`${first}:name with space.ts`)), 'x\n');
    // Read-only: the uncommitted edit is still there and nothing is staged.
    assert.equal(git('status', '--porcelain').trim(), 'M src/b.ts');
  });

  it('says clearly what is wrong: no repository, unknown ref, detached HEAD, shallow history, no git', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'adrift-nogit-'));
    folders.push(outside);
    await rejects(repositoryInfo(new NodeGit(outside)), 'not-a-repository', /not a git repository/);

    const { dir, git } = repo();
    for (let i = 1; i <= 3; i++) {
      write(dir, 'f.ts', `${i}\n`);
      git('add', '.');
      git('commit', '-q', '-m', `c${i}`);
    }
    const port = new NodeGit(dir);
    await rejects(resolveCommit(port, 'no-such-branch'), 'unknown-ref', /unknown ref 'no-such-branch'.*git fetch origin no-such-branch/);
    await rejects(resolveCommit(port, '--output=x'), 'unknown-ref', /is not a ref/);
    git('checkout', '-q', '--detach', 'HEAD~1');
    const detached = await repositoryInfo(port);
    assert.equal(detached.branch, undefined);
    assert.ok(detached.head);

    const clone = mkdtempSync(path.join(tmpdir(), 'adrift-shallow-'));
    folders.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-local', `file://${dir}`, clone], { stdio: 'pipe' });
    const shallow = new NodeGit(clone);
    const info = await repositoryInfo(shallow);
    assert.equal(info.shallow, true);
    const mainTip = git('rev-parse', 'main').trim();
    // The shallow clone has only the tip of main: HEAD~1 of the original is not there.
    execFileSync('git', ['-C', clone, 'fetch', '-q', '--depth', '1', 'origin', mainTip], { stdio: 'pipe' });
    await rejects(resolveCommit(shallow, 'HEAD~1'), 'unknown-ref', /unknown ref/);

    await rejects(new NodeGit(dir, 'git-that-is-not-installed').run(['status']), 'no-git', /git is not installed/);
  });

  it('reports a shallow clone whose history does not reach the merge base, with the fetch depth to use', async () => {
    const { dir, git } = repo();
    write(dir, 'f.ts', '0\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'topic');
    for (let i = 1; i <= 3; i++) {
      write(dir, 'f.ts', `${i}\n`);
      git('commit', '-qam', `t${i}`);
    }
    git('checkout', '-q', 'main');
    write(dir, 'g.ts', 'g\n');
    git('add', '.');
    git('commit', '-q', '-m', 'main moves on');
    const clone = mkdtempSync(path.join(tmpdir(), 'adrift-shallow-'));
    folders.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-local', '--branch', 'topic', `file://${dir}`, clone], { stdio: 'pipe' });
    execFileSync('git', ['-C', clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:main'], { stdio: 'pipe' });
    const port = new NodeGit(clone);
    const info = await repositoryInfo(port);
    assert.equal(info.shallow, true);
    await rejects(mergeBase(port, 'main', 'HEAD', info.shallow), 'shallow', /fetch-depth: 0/);
  });
});
