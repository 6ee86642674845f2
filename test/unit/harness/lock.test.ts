import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withFileLock } from '../../harness/lock';

describe('file lock of the harness install', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adrift-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time and releases the lock afterwards', async () => {
    const lock = path.join(dir, 'install.lock');
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = withFileLock(lock, 10_000, async () => {
      events.push('first in');
      await firstHolds;
      events.push('first out');
    });
    await new Promise((resolve) => setImmediate(resolve));
    const second = withFileLock(lock, 10_000, async () => {
      events.push('second in');
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, ['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    assert.deepEqual(events, ['first in', 'first out', 'second in']);
    assert.equal(fs.existsSync(lock), false);
  });

  it('takes over a lock whose owner is dead', async () => {
    const lock = path.join(dir, 'install.lock');
    fs.writeFileSync(lock, '999999999');
    assert.equal(await withFileLock(lock, 1000, async () => 'ran'), 'ran');
  });

  it('gives up with a message naming the holder when the lock stays taken', async () => {
    const lock = path.join(dir, 'install.lock');
    fs.writeFileSync(lock, String(process.pid));
    await assert.rejects(withFileLock(lock, 300, async () => 'never'), /Timed out .*held by pid \d+/);
  });
});
