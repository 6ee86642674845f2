// The walk's reading of .gitignore files, against git itself: a real repository in a temp
// folder, every file untracked, and `git ls-files --others --exclude-standard` as the
// oracle of what git leaves out. Nested .gitignore files, negations, anchoring, folder-only
// lines, allow-lists (`*` then `!*/`) and escapes all appear. Then the same rules judge a
// file created after the walk, in the index the editor keeps, so the editor checks what
// `adrift check` checks.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSourceAnalyzer } from '../../../../src/core/engine/front-end';
import { listSourceFiles, sourcePathTest } from '../../../../src/core/engine/files';
import { WorkspaceIndex } from '../../../../src/core/engine/index';
import { NodeFileSystem } from '../../../../src/core/fs/node';
import { foldModel } from '../../../../src/core/model/fold';
import { loadDecisionLog } from '../../../../src/core/records/store';

const TREE: Record<string, string> = {
  '.gitignore': [
    '# generated code, but one file is kept',
    '*.gen.ts',
    '!keep.gen.ts',
    'generated/',
    '/top-only.ts',
    'docs/**/*.ts',
    '!docs/keep/**',
    'build2/',
    '!build2/back.ts',
    'trailing.ts   ',
    '\\#hash.ts',
    '\\!bang.ts',
    '[xy].ts',
    'q?.py',
    '**/tmp/**',
    'a/**/deep.ts',
  ].join('\n'),
  'src/app.ts': '',
  'src/x.ts': '',
  'src/z.ts': '',
  'src/qa.py': '',
  'src/qaa.py': '',
  'src/api.gen.ts': '',
  'src/keep.gen.ts': '',
  'src/generated/a.ts': '',
  'top-only.ts': '',
  'src/top-only.ts': '',
  'docs/guide/example.ts': '',
  'docs/keep/example.ts': '',
  'build2/back.ts': '',
  'trailing.ts': '',
  '#hash.ts': '',
  '!bang.ts': '',
  'src/tmp/scratch.ts': '',
  'src/tmpx/kept.ts': '',
  'a/deep.ts': '',
  'a/b/c/deep.ts': '',
  'a/b/c/shallow.ts': '',
  // A nested file anchors its lines to its own folder, and the deeper file wins.
  'packages/one/.gitignore': 'src/*.ts\n!src/index.ts\n!*.gen.ts\n',
  'packages/one/src/index.ts': '',
  'packages/one/src/other.ts': '',
  'packages/one/src/deeper/other.ts': '',
  'packages/one/lib.gen.ts': '',
  'packages/one/other.ts': '',
  // An allow-list: everything out, folders and Python files back in.
  'packages/two/.gitignore': '*\n!*/\n!*.py\n',
  'packages/two/main.py': '',
  'packages/two/main.ts': '',
  'packages/two/sub/inner.py': '',
  'packages/two/sub/inner.ts': '',
  // A line naming a folder only leaves the file of that name alone.
  'packages/three/.gitignore': 'cache/\n',
  'packages/three/cache/x.ts': '',
  'packages/three/src/cache.ts': '',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.excludesFile=/dev/null', ...args], { cwd, encoding: 'utf8' });
}

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('.gitignore files, read as git reads them', () => {
  let root: string;

  before(function () {
    if (!hasGit()) {
      // git is the oracle; without it this comparison means nothing (CI installs git with its checkout).
      this.skip();
    }
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'adrift-gitignore-'));
    for (const [rel, text] of Object.entries(TREE)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    git(root, 'init', '-q');
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists exactly the source files git does not ignore', async () => {
    const fixed = sourcePathTest({});
    const byGit = git(root, 'ls-files', '--others', '--exclude-standard', '-z')
      .split('\0')
      .filter((f) => f !== '' && fixed(f))
      .sort();
    const listing = await listSourceFiles(new NodeFileSystem(), root);
    assert.deepEqual(listing.files, byGit);
    // The fixture exercises what it means to: files of each kind on both sides.
    for (const kept of ['src/keep.gen.ts', 'docs/keep/example.ts', 'packages/one/src/index.ts', 'packages/one/lib.gen.ts', 'packages/two/sub/inner.py', 'packages/three/src/cache.ts', 'src/qaa.py', 'src/z.ts']) {
      assert.ok(listing.files.includes(kept), `${kept} should be listed`);
    }
    for (const left of ['src/api.gen.ts', 'build2/back.ts', 'packages/one/src/other.ts', 'packages/two/main.ts', 'packages/three/cache/x.ts', '#hash.ts', '!bang.ts', 'trailing.ts', 'src/x.ts', 'src/qa.py', 'a/b/c/deep.ts']) {
      assert.ok(!listing.files.includes(left), `${left} should be left out`);
    }
  });

  it('judges a path after the walk as the walk did, folders above it included', async () => {
    const listing = await listSourceFiles(new NodeFileSystem(), root);
    for (const rel of Object.keys(TREE)) {
      assert.equal(listing.accepts(rel), listing.files.includes(rel), rel);
    }
    // New files in folders the walk knows, judged by the same lines.
    assert.equal(listing.accepts('src/generated/new.ts'), false);
    assert.equal(listing.accepts('packages/two/sub/new.py'), true);
    assert.equal(listing.accepts('packages/two/sub/new.ts'), false);
    assert.equal(listing.accepts('node_modules/pkg/index.ts'), false);
    assert.equal(listing.accepts('src/new.ts'), true);
  });

  it('keeps a file created in an ignored folder out of the index the editor keeps', async () => {
    fs.mkdirSync(path.join(root, 'docs', 'adr'), { recursive: true });
    const port = new NodeFileSystem();
    const log = await loadDecisionLog(port, root, {});
    const index = new WorkspaceIndex(port, root, {}, foldModel(log), createSourceAnalyzer(port, root, {}), { cache: false });
    const stats = await index.scan();
    const before = index.sourceFiles().sort();
    assert.equal(stats.files, before.length);
    assert.deepEqual(index.checkFile('src/generated/created.ts', "import '../app';\n"), []);
    assert.equal(index.checks('src/generated/created.ts'), false);
    assert.equal(index.checks('src/created.ts'), true);
    index.checkFile('src/created.ts', "import './app';\n");
    assert.deepEqual(index.sourceFiles().sort(), [...before, 'src/created.ts'].sort());
  });
});
