// The file-system port on Node's fs: what the CLI and the benchmark use.

import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileStat, FileSystemPort } from './port';

function kindOf(s: { isFile(): boolean; isDirectory(): boolean }): FileStat['kind'] {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class NodeFileSystem implements FileSystemPort {
  async readText(p: string): Promise<string | undefined> {
    try {
      return await fsp.readFile(p, 'utf8');
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async readBytes(p: string): Promise<Uint8Array | undefined> {
    try {
      return await fsp.readFile(p);
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async readDirectory(p: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    try {
      const entries = await fsp.readdir(p, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, kind: e.isSymbolicLink() ? 'other' : kindOf(e) }));
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async stat(p: string): Promise<FileStat | undefined> {
    try {
      const s = await fsp.stat(p);
      return { kind: kindOf(s), size: s.size, mtimeMs: s.mtimeMs };
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async writeAtomic(files: { path: string; text: string }[]): Promise<void> {
    const staged: { tmp: string; target: string }[] = [];
    try {
      for (const f of files) {
        await fsp.mkdir(path.dirname(f.path), { recursive: true });
        const tmp = path.join(path.dirname(f.path), `.${path.basename(f.path)}.${randomBytes(6).toString('hex')}.tmp`);
        await fsp.writeFile(tmp, f.text, 'utf8');
        staged.push({ tmp, target: f.path });
      }
    } catch (err) {
      // Nothing was renamed yet: drop the temporary files and leave every target as it was.
      await Promise.all(staged.map((s) => fsp.rm(s.tmp, { force: true })));
      throw err;
    }
    for (const s of staged) await fsp.rename(s.tmp, s.target);
  }

  async rename(from: string, to: string): Promise<void> {
    await fsp.rename(from, to);
  }
}
