import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { releaseSandbox, sandboxEnv } from '../../harness/sandbox';

describe('sandboxed environment of VS Code and Chromium', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adrift-sandbox-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('points HOME, TMPDIR and every XDG folder into the run folder, and creates them', () => {
    const env = sandboxEnv(dir, { PATH: '/usr/bin' });
    assert.equal(env.PATH, '/usr/bin');
    for (const key of ['HOME', 'TMPDIR', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR']) {
      const value = env[key] as string;
      assert.ok(fs.realpathSync(value).startsWith(fs.realpathSync(dir)), `${key}=${value} is inside the run folder`);
      assert.ok(fs.statSync(value).isDirectory());
    }
  });

  it('reaches a deep folder through a short link, so Unix socket paths stay under their limit', () => {
    const deep = path.join(dir, 'a'.repeat(40), 'b'.repeat(40));
    const env = sandboxEnv(deep, {});
    const tmp = env.TMPDIR as string;
    assert.ok(tmp.length <= 40, `${tmp} is short`);
    assert.equal(fs.realpathSync(tmp), fs.realpathSync(path.join(deep, 'tmp')));
    // Chromium's socket: TMPDIR + /org.chromium.Chromium.XXXXXX/SingletonSocket must fit in 107 bytes.
    assert.ok(`${tmp}/org.chromium.Chromium.XXXXXX/SingletonSocket`.length < 108);
  });

  it('removes its short links when the run folder is released', () => {
    const deep = path.join(dir, 'c'.repeat(40), 'd'.repeat(40));
    const tmp = sandboxEnv(deep, {}).TMPDIR as string;
    assert.ok(fs.lstatSync(tmp).isSymbolicLink());
    releaseSandbox(deep);
    assert.equal(fs.existsSync(tmp), false);
  });
});
