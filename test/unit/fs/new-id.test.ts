// Issue 17 item 19: `adrift new` must never hand out the number of a record it could not
// read. The number comes from the file name, whatever the file is.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { newCommand } from '../../../src/cli/commands/new';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { loadDecisionLog } from '../../../src/core/records/store';
import { nextId } from '../../../src/core/records/edits';
import { MemoryFileSystem } from '../records/memory-fs';

const RECORD = (id: number) => `id: ${id}\ntitle: Decision ${id}\nstatus: proposed\ndate: 2026-11-27\n`;

/** A record the file system refuses to read, as with a file of another user (mode 000). */
class UnreadableRecord extends MemoryFileSystem {
  constructor(files: Record<string, string>, private readonly locked: string) {
    super(files);
  }
  private refuse(p: string): void {
    if (p === this.locked) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
  }
  override async readText(p: string): Promise<string | undefined> {
    this.refuse(p);
    return super.readText(p);
  }
  override async readBytes(p: string): Promise<Uint8Array | undefined> {
    this.refuse(p);
    return super.readBytes(p);
  }
}

async function adriftNew(fs: MemoryFileSystem, cwd: string): Promise<string> {
  let out = '';
  const code = await runCli(['new', 'general', 'Use a queue'], { fs, out: (t) => void (out += t), err: () => undefined, processCwd: cwd }, [newCommand], '0.0.0');
  assert.equal(code, 0);
  return out;
}

describe('adrift new and unreadable records (issue 17 item 19)', () => {
  it('skips the number of a record that cannot be read', async () => {
    const fs = new UnreadableRecord(
      { '/ws/docs/adr/0001-first.yaml': RECORD(1), '/ws/docs/adr/0002-locked.yaml': RECORD(2) },
      '/ws/docs/adr/0002-locked.yaml',
    );
    const log = await loadDecisionLog(fs, '/ws');
    assert.ok(log.findings.some((f) => f.file === 'docs/adr/0002-locked.yaml' && /could not read/.test(f.message)));
    assert.equal(nextId(log), 3);
    assert.equal(await adriftNew(fs, '/ws'), 'created docs/adr/0003-use-a-queue.yaml');
  });

  it('skips the numbers of a FIFO, a dangling symlink and a folder named like records, on disk', async function () {
    this.timeout(10_000);
    const ws = mkdtempSync(path.join(tmpdir(), 'adrift-new-id-'));
    try {
      const adr = path.join(ws, 'docs/adr');
      mkdirSync(adr, { recursive: true });
      writeFileSync(path.join(adr, '0001-first.yaml'), RECORD(1));
      symlinkSync(path.join(ws, 'gone.yaml'), path.join(adr, '0002-gone.yaml'));
      execFileSync('mkfifo', [path.join(adr, '0003-pipe.yaml')]);
      mkdirSync(path.join(adr, '0004-folder.yaml'));
      const fs = new NodeFileSystem();
      const root = ws.replace(/\\/g, '/');
      assert.equal(nextId(await loadDecisionLog(fs, root)), 5);
      let out = '';
      assert.equal(await runCli(['new', 'general', 'Use a queue'], { fs, out: (t) => void (out += t), err: () => undefined, processCwd: root }, [newCommand], '0.0.0'), 0);
      assert.equal(out, 'created docs/adr/0005-use-a-queue.yaml');
      assert.ok(readdirSync(adr).includes('0005-use-a-queue.yaml'));
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
