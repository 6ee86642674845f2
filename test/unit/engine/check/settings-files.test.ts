// A language's settings file Adrift can use only in part is a skipped-file finding at its
// place, in every language (issue 12: they were collected by the resolvers and dropped).

import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace } from '../../../../src/core/engine/check';
import { NodeFileSystem } from '../../../../src/core/fs/node';

describe('settings files used only in part', () => {
  let root: string;
  beforeEach(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'adrift-settings-'));
    await fsp.mkdir(path.join(root, 'src'), { recursive: true });
    await fsp.writeFile(path.join(root, 'src/a.ts'), "import { b } from './b';\n");
    await fsp.writeFile(path.join(root, 'src/b.ts'), 'export const b = 1;\n');
  });
  afterEach(() => fsp.rm(root, { recursive: true, force: true }));

  const found = async (): Promise<string[]> => {
    const result = await checkWorkspace(new NodeFileSystem(), root, { cache: false, baseline: false });
    return result.findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.rule} ${f.severity} ${f.message}`);
  };

  it('a tsconfig.json that is not JSON, and one that extends a file not in the workspace', async () => {
    await fsp.writeFile(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "paths": ');
    await fsp.mkdir(path.join(root, 'pkg'));
    await fsp.writeFile(path.join(root, 'pkg/tsconfig.json'), '{ "extends": "../../outside/tsconfig.json" }');
    assert.deepEqual(await found(), [
      'pkg/tsconfig.json:1:1 skipped-file info extends "../../outside/tsconfig.json", which is not in the workspace: Adrift does not use its settings',
      'tsconfig.json:1:1 skipped-file info tsconfig.json is not valid JSON, so Adrift does not use its settings',
    ]);
  });

  it('severity off turns them off with the rest of skipped-file', async () => {
    await fsp.writeFile(path.join(root, 'tsconfig.json'), '{');
    await fsp.writeFile(path.join(root, '.adrift.yaml'), 'severity:\n  skipped-file: off\n');
    assert.deepEqual(await found(), []);
  });
});
