import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceFolders } from '../../../src/core/guide/folders';
import { NodeFileSystem } from '../../../src/core/fs/node';

describe('guide: folder suggestions', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'adrift-folders-'));
    for (const d of ['api/src/ticket', 'api/src/user', 'web/app', 'node_modules/pg', '.git/objects', 'backend/app/__pycache__', 'backend/app/content/deep/er']) {
      mkdirSync(join(root, d), { recursive: true });
    }
    writeFileSync(join(root, 'api/src/index.ts'), '');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("lists the workspace's real folders, shallow first, without dependencies and hidden folders", async () => {
    const folders = await workspaceFolders(new NodeFileSystem(), root.replace(/\\/g, '/'));
    assert.deepEqual(folders, ['api', 'backend', 'web', 'api/src', 'backend/app', 'web/app', 'api/src/ticket', 'api/src/user', 'backend/app/content']);
  });

  it('stops at the limit', async () => {
    assert.deepEqual(await workspaceFolders(new NodeFileSystem(), root, { limit: 2 }), ['api', 'backend']);
  });

  it('offers nothing for a folder that does not exist', async () => {
    assert.deepEqual(await workspaceFolders(new NodeFileSystem(), join(root, 'missing')), []);
  });
});
