import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseArguments } from '../../harness/shim';

describe('stand-in VS Code executable: arguments', () => {
  it('reads the arguments @vscode/test-electron passes, in both --name=value and --name value form', () => {
    const parsed = parseArguments([
      '/ws/helpdesk', '--user-data-dir=/cache/run', '--extensions-dir', '/cache/run/extensions', '--disable-extensions',
      '--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust',
      '--extensionTestsPath=/repo/out/test/integration/index.js', '--extensionDevelopmentPath=/repo',
    ]);
    assert.deepEqual(parsed, {
      developmentPaths: ['/repo'],
      testsPath: '/repo/out/test/integration/index.js',
      userDataDir: '/cache/run',
      extensionsDir: '/cache/run/extensions',
      folder: '/ws/helpdesk',
    });
  });

  it('resolves relative paths and keeps several development paths', () => {
    const parsed = parseArguments(['--extensionDevelopmentPath=a', '--extensionDevelopmentPath=b', '--extensionTestsPath=t.js']);
    assert.deepEqual(parsed.developmentPaths, [path.resolve('a'), path.resolve('b')]);
    assert.equal(parsed.testsPath, path.resolve('t.js'));
    assert.equal(parsed.folder, undefined);
  });
});
