import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../../src/core/fs/node';
import { guardSourceText, listSourceFiles, sourceFilesBelow } from '../../../../src/core/engine/files';
import { gitignoreLines } from '../../../../src/core/engine/gitignore';
import { engineFixture } from './fixtures';
import { MemoryFileSystem } from '../check/memory';

const FIXTURE = engineFixture('monorepo');

describe('workspace source files', () => {
  it('lists source and settings files, leaving out dependencies, build output and what .gitignore names', async () => {
    const listing = await listSourceFiles(new NodeFileSystem(), FIXTURE);
    assert.deepEqual(listing.files, [
      'apps/admin/src/main.ts',
      'apps/api/src/db/client.ts',
      'apps/api/src/routes/users.ts',
      'apps/api/src/server.ts',
      'apps/web/src/app.tsx',
      'apps/web/src/components/Button.tsx',
      'apps/web/src/components/index.ts',
      'apps/web/src/config.ts',
      'apps/web/src/internal/secret.ts',
      'apps/web/src/lazy.ts',
      'apps/web/src/lib/util.ts',
      'apps/worker/src/job.ts',
      'apps/worker/src/queue.ts',
      'packages/lib/src/index.ts',
      'packages/lib/src/util.ts',
      'packages/plain/src/index.ts',
      'packages/shared/src/format.ts',
      'packages/shared/src/index.ts',
      'services/py/manage.py',
      'services/py/src/helpdesk/__init__.py',
      'services/py/src/helpdesk/api/__init__.py',
      'services/py/src/helpdesk/api/deps.py',
      'services/py/src/helpdesk/api/routes.py',
      'services/py/src/helpdesk/models.py',
      'tools/calendar/__init__.py',
      'tools/calendar/models.py',
      'tools/pyutil/__init__.py',
      'tools/pyutil/strings.py',
      'tools/run.py',
    ]);
    assert.deepEqual(listing.configFiles, [
      'apps/admin/tsconfig.json',
      'apps/api/tsconfig.json',
      'apps/web/package.json',
      'apps/web/tsconfig.json',
      'apps/worker/tsconfig.json',
      'package.json',
      'packages/lib/package.json',
      'packages/plain/package.json',
      'packages/shared/package.json',
      'packages/tsconfig/package.json',
      'services/py/pyproject.toml',
      'tsconfig.base.json',
    ]);
    assert.deepEqual(listing.skipped, []);
  });

  it('reads .gitignore brackets as git does: [slug]/ is a class, \\[slug\\]/ the folder; exclude keeps the record meaning', async () => {
    const fs = new MemoryFileSystem('/ws', {
      'src/app/[slug]/page.tsx': '',
      'src/app/s/page.tsx': '',
      'src/app/[id]/page.tsx': '',
      'src/app/i/page.tsx': '',
      '.gitignore': 'src/app/[slug]/\nsrc/app/\\[id\\]/\n',
    });
    // git check-ignore: [slug]/ ignores src/app/s/ but not the folder [slug]; \[id\]/ ignores [id] only.
    assert.deepEqual((await listSourceFiles(fs, '/ws')).files, ['src/app/[slug]/page.tsx', 'src/app/i/page.tsx']);
    const excluded = await listSourceFiles(fs, '/ws', { gitignore: false, exclude: ['src/app/[slug]/**'] });
    assert.deepEqual(excluded.files, ['src/app/[id]/page.tsx', 'src/app/i/page.tsx']);
  });

  it('leaves out dist, out, build and coverage only where a project writes them: the root and beside its settings file', async () => {
    const fs = new MemoryFileSystem('/ws', {
      'dist/bundle.js': '',
      'packages/app/package.json': '{}',
      'packages/app/build/out.js': '',
      'packages/app/src/build/pipeline.ts': '',
      'services/api/pyproject.toml': '',
      'services/api/build/report.py': '',
      'services/api/out/report.py': '',
      'services/api/src/api/out/handlers.py': '',
      'tools/coverage/merge.ts': '',
      // Go tools write no build/ folder: a Go module's build/ holds sources.
      'services/runner/go.mod': 'module example.com/runner\n',
      'services/runner/build/api/main.go': 'package main\n',
    });
    const listing = await listSourceFiles(fs, '/ws');
    assert.deepEqual(listing.files, [
      'packages/app/src/build/pipeline.ts',
      'services/api/out/report.py',
      'services/api/src/api/out/handlers.py',
      'services/runner/build/api/main.go',
      'tools/coverage/merge.ts',
    ]);
    for (const rel of ['dist/bundle.js', 'packages/app/build/out.js', 'services/api/build/report.py', 'packages/app/build/new.ts']) assert.equal(listing.accepts(rel), false, rel);
    for (const rel of [...listing.files, 'packages/app/src/build/new.ts', 'services/runner/build/new.go']) assert.equal(listing.accepts(rel), true, rel);
  });

  it('reads a root build/ beside go.mod alone as source, and leaves one out beside a package.json', async () => {
    const goRoot = new MemoryFileSystem('/ws', { 'go.mod': 'module example.com/x\n', 'build/api/main.go': 'package main\n', 'main.go': 'package main\n' });
    assert.deepEqual((await listSourceFiles(goRoot, '/ws')).files, ['build/api/main.go', 'main.go']);
    const both = new MemoryFileSystem('/ws', { 'go.mod': 'module example.com/x\n', 'package.json': '{}', 'build/api/main.go': 'package main\n', 'main.go': 'package main\n' });
    assert.deepEqual((await listSourceFiles(both, '/ws')).files, ['main.go']);
  });

  it('honours exclude globs', async () => {
    const listing = await listSourceFiles(new NodeFileSystem(), FIXTURE, { exclude: ['apps/**', '**/*.py'] });
    assert.deepEqual(listing.files, [
      'packages/lib/src/index.ts',
      'packages/lib/src/util.ts',
      'packages/plain/src/index.ts',
      'packages/shared/src/format.ts',
      'packages/shared/src/index.ts',
    ]);
  });

  it('reads linked files but never follows a linked folder, so a link loop cannot trap it', async function () {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'adrift-files-'));
    try {
      await fsp.mkdir(path.join(dir, 'src'));
      await fsp.writeFile(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
      try {
        await fsp.symlink('..', path.join(dir, 'src', 'loop'), 'dir');
        await fsp.symlink('a.ts', path.join(dir, 'src', 'alias.ts'), 'file');
      } catch {
        this.skip(); // no symbolic links on this file system
      }
      const listing = await listSourceFiles(new NodeFileSystem(), dir.replace(/\\/g, '/'));
      assert.deepEqual(listing.files, ['src/a.ts', 'src/alias.ts']);
      assert.deepEqual(listing.skipped, [{ file: 'src/loop', reason: 'symbolic link to a folder, not followed' }]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  describe('dot-folders (issue 17 item 18)', () => {
    const fs = new MemoryFileSystem('/ws', {
      'src/a.ts': '',
      '.storybook/main.ts': '',
      '.github/scripts/release.mjs': '',
      '.eslintrc.cjs': '',
      '.git/hooks/pre-commit.js': '',
      '.next/server/page.js': '',
      '.venv/lib/x.py': '',
      'web/.cache/x.js': '',
      'web/.turbo/y.js': '',
    });

    it('reads dot-folders, except version control, tool and cache folders', async () => {
      const listing = await listSourceFiles(fs, '/ws');
      assert.deepEqual(listing.files, ['.eslintrc.cjs', '.github/scripts/release.mjs', '.storybook/main.ts', 'src/a.ts']);
    });

    it('skips every dot-folder with scan_dot_folders: false', async () => {
      const listing = await listSourceFiles(fs, '/ws', { dotFolders: false });
      assert.deepEqual(listing.files, ['.eslintrc.cjs', 'src/a.ts']);
    });
  });

  describe('the source files inside a folder that appeared after the walk', () => {
    it('are the ones the listing would list there, sorted, judged by its rules', async () => {
      const fs = new MemoryFileSystem('/ws', {
        '.gitignore': 'generated/\n',
        'package.json': '{}',
        'services/pay/index.ts': '',
        'services/pay/api/routes.ts': '',
        'services/pay/README.md': '',
        'services/pay/generated/client.ts': '',
        'services/pay/node_modules/dep/index.js': '',
        'services/other/index.ts': '',
      });
      const listing = await listSourceFiles(fs, '/ws');
      const below = await sourceFilesBelow(fs, '/ws', 'services/pay', listing.accepts);
      assert.deepEqual(below, ['services/pay/api/routes.ts', 'services/pay/index.ts']);
      // Every one of them is in a fresh listing: the editor checks what `adrift check` would.
      assert.deepEqual(listing.files.filter((f) => f.startsWith('services/pay/')), below);
    });

    it('is undefined for a folder of more entries than the budget (the editor rescans instead), and empty for a missing one', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 30; i++) files[`big/f${i}.ts`] = '';
      const fs = new MemoryFileSystem('/ws', files);
      const accepts = (await listSourceFiles(fs, '/ws')).accepts;
      assert.equal(await sourceFilesBelow(fs, '/ws', 'big', accepts, 29), undefined);
      assert.equal((await sourceFilesBelow(fs, '/ws', 'big', accepts, 30))?.length, 30);
      assert.deepEqual(await sourceFilesBelow(fs, '/ws', 'gone', accepts), []);
    });

    it('reads a linked file and never follows a linked folder', async function () {
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'adrift-below-'));
      try {
        await fsp.mkdir(path.join(dir, 'new', 'src'), { recursive: true });
        await fsp.writeFile(path.join(dir, 'new', 'src', 'a.ts'), 'export const a = 1;\n');
        try {
          await fsp.symlink('..', path.join(dir, 'new', 'src', 'loop'), 'dir');
          await fsp.symlink('a.ts', path.join(dir, 'new', 'src', 'alias.ts'), 'file');
        } catch {
          this.skip(); // no symbolic links on this file system
        }
        const root = dir.replace(/\\/g, '/');
        const nodeFs = new NodeFileSystem();
        const accepts = (await listSourceFiles(nodeFs, root)).accepts;
        assert.deepEqual(await sourceFilesBelow(nodeFs, root, 'new', accepts), ['new/src/a.ts', 'new/src/alias.ts']);
      } finally {
        await fsp.rm(dir, { recursive: true, force: true });
      }
    });
  });

  it('skips files over a size limit without reading them, when asked', async () => {
    const listing = await listSourceFiles(new NodeFileSystem(), FIXTURE, { maxFileBytes: 600, exclude: ['services/**', 'tools/**', 'packages/**'] });
    assert.deepEqual(listing.skipped, [{ file: 'apps/web/src/app.tsx', reason: 'larger than 600 bytes (1068 bytes)' }]);
    assert.ok(!listing.files.includes('apps/web/src/app.tsx') && listing.files.includes('apps/web/src/lazy.ts'));
  });

  it('turns .gitignore lines into globs relative to their folder, negations included', () => {
    assert.deepEqual(gitignoreLines('# comment\n\nbuild/\n/coverage\n*.gen.ts\ndocs/api\n!keep.ts\n!/src/gen/\n\\!bang.ts\n\\#hash.ts\n'), [
      { glob: '**/build', folderOnly: true, negated: false },
      { glob: 'coverage', folderOnly: false, negated: false },
      { glob: '**/*.gen.ts', folderOnly: false, negated: false },
      { glob: 'docs/api', folderOnly: false, negated: false },
      { glob: '**/keep.ts', folderOnly: false, negated: true },
      { glob: 'src/gen', folderOnly: true, negated: true },
      { glob: '**/\\!bang.ts', folderOnly: false, negated: false },
      { glob: '**/\\#hash.ts', folderOnly: false, negated: false },
    ]);
  });
});

describe('unreadable source text', () => {
  it('names UTF-16 as UTF-16, with or without a byte-order mark, instead of calling it binary', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'adrift-utf16-'));
    const source = "import { db } from './db';\n";
    await fsp.writeFile(path.join(dir, 'le.ts'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]));
    await fsp.writeFile(path.join(dir, 'be.ts'), Buffer.from(source, 'utf16le').swap16());
    await fsp.writeFile(path.join(dir, 'blob.ts'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3e, 0x00]));
    const fs = new NodeFileSystem();
    const reasons = await Promise.all(['le.ts', 'be.ts', 'blob.ts'].map(async (f) => guardSourceText((await fs.readText(path.join(dir, f)))!)));
    assert.deepEqual(reasons, ['UTF-16LE text (Adrift reads source files as UTF-8)', 'UTF-16BE text (Adrift reads source files as UTF-8)', 'binary file (contains NUL bytes)']);
    await fsp.rm(dir, { recursive: true, force: true });
  });
});
