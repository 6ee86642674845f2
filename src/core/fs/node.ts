// The file-system port on Node's fs: what the CLI and the benchmark use.

import { constants, promises as fsp, type Stats } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileTooLargeError, SpecialFileError, type FileStat, type FileSystemPort, type ReadOptions } from './port';

function kindOf(s: { isFile(): boolean; isDirectory(): boolean }): FileStat['kind'] {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The most any read takes unless its caller asks for more: records, config, sources, baselines are all far smaller. */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/** Opening a FIFO without a writer blocks; O_NONBLOCK makes the open return so the type can be checked. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function specialKind(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return s.isDirectory() ? 'a folder' : 'not a file';
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}

export class NodeFileSystem implements FileSystemPort {
  /**
   * Opens without blocking, checks the file type on the open handle (so a swap between check
   * and read cannot slip a FIFO or /dev/zero in), and never reads more than `maxBytes`.
   */
  async readText(p: string, options: ReadOptions = {}): Promise<string | undefined> {
    const limit = options.maxBytes ?? MAX_READ_BYTES;
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(p, OPEN_FLAGS);
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
    try {
      const s = await handle.stat();
      if (!s.isFile()) throw new SpecialFileError(`not a regular file (${specialKind(s)})`);
      if (s.size > limit) throw new FileTooLargeError(`larger than ${megabytes(limit)} (${megabytes(s.size)})`);
      // The size may grow while reading: read at most one byte past the limit to notice.
      const buffer = Buffer.alloc(Math.min(s.size, limit) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) {
          if (length > limit) throw new FileTooLargeError(`larger than ${megabytes(limit)}`);
          break;
        }
      }
      return buffer.toString('utf8', 0, length);
    } finally {
      await handle.close();
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

  async realPath(p: string): Promise<string | undefined> {
    try {
      return (await fsp.realpath(p)).replace(/\\/g, '/');
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await fsp.rename(from, to);
  }
}
