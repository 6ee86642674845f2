// The file-system port on Node's fs: what the CLI and the benchmark use.

import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileTooLargeError, SpecialFileError, type BatchRead, type FileStat, type FileSystemPort, type ReadOptions, type WriteOptions } from './port';

function kindOf(s: { isFile(): boolean; isDirectory(): boolean }): FileStat['kind'] {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

function statOf(s: Stats): FileStat {
  return { kind: kindOf(s), size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
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

/** Beside the files of an unfinished multi-file write; its name starts with a dot so no walk lists it. */
export const JOURNAL = '.adrift-write-journal.json';
/** Adrift's own temp files: `.<name>.<pid>-<12 hex>.tmp`. */
const TEMP = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

interface Journal {
  steps: { tmp: string; target: string }[];
  remove: string[];
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An Adrift temp file whose writing process is gone. */
function orphanTemp(name: string): boolean {
  const m = name.endsWith('.tmp') ? TEMP.exec(name) : null;
  return m !== null && !alive(Number(m[1]));
}

/** Deletes Adrift's temp files in `dir` whose writer is gone (never anyone else's files). */
async function removeOrphanTemps(dir: string): Promise<void> {
  if (await fsp.stat(path.join(dir, JOURNAL)).catch(() => undefined)) await recoverJournal(path.join(dir, JOURNAL));
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter(orphanTemp).map((n) => fsp.rm(path.join(dir, n), { force: true })));
}

async function recoverJournal(file: string): Promise<void> {
  let journal: Journal;
  try {
    journal = JSON.parse(await fsp.readFile(file, 'utf8')) as Journal;
  } catch {
    return; // unreadable: leave it for a person rather than guess
  }
  // A journal can come with the repository: act only on what writeAtomic itself journals, Adrift
  // temp files renamed onto their sibling, every path inside the journal's folder. Anything else
  // would let a cloned repository delete or replace files anywhere just by being listed.
  if (!journalIsOurs(path.dirname(file), journal)) return;
  await rollForward(file, journal);
  await removeOrphanTemps(path.dirname(file));
}

function journalIsOurs(dir: string, journal: Journal): boolean {
  const inside = (p: unknown): p is string => {
    if (typeof p !== 'string') return false;
    const rel = path.relative(dir, path.resolve(dir, p));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  if (!Array.isArray(journal?.steps) || !Array.isArray(journal.remove)) return false;
  const stepOk = (s: { tmp: unknown; target: unknown } | null): boolean =>
    s !== null && typeof s === 'object' && inside(s.tmp) && inside(s.target) &&
    path.dirname(path.resolve(dir, s.tmp)) === path.dirname(path.resolve(dir, s.target)) &&
    TEMP.test(path.basename(s.tmp)) && path.basename(s.tmp).startsWith(`.${path.basename(s.target)}.`);
  return journal.steps.every(stepOk) && journal.remove.every(inside);
}

/** Renames every staged file still waiting, removes what is to go, then the journal. Safe to repeat. */
async function rollForward(file: string, journal: Journal): Promise<void> {
  for (const s of journal.steps) {
    try {
      await fsp.rename(s.tmp, s.target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // renamed before the kill
    }
  }
  for (const r of journal.remove) await fsp.rm(r, { force: true });
  await fsp.rm(file, { force: true });
}

export class NodeFileSystem implements FileSystemPort {
  /**
   * Opens without blocking, checks the file type on the open handle (so a swap between check
   * and read cannot slip a FIFO or /dev/zero in), and never reads more than `maxBytes`.
   */
  async readText(p: string, options: ReadOptions = {}): Promise<string | undefined> {
    const bytes = await this.readBytes(p, options);
    return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }

  /** The same checks and cap as readText: records and sources are decoded from these bytes. */
  async readBytes(p: string, options: ReadOptions = {}): Promise<Uint8Array | undefined> {
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
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  }

  /**
   * readBytes for many files without a round trip each: open (non-blocking, so a FIFO swapped
   * in is seen and never waited on), fstat on the descriptor, read into one reused buffer,
   * close. What a scan of thousands of small files is made of.
   */
  readFilesSync(paths: readonly string[], each: (index: number, read: BatchRead) => void, options: ReadOptions = {}): void {
    const limit = options.maxBytes ?? MAX_READ_BYTES;
    let buffer = this.scratch;
    paths.forEach((p, index) => {
      let fd: number;
      try {
        fd = openSync(p, OPEN_FLAGS);
      } catch (err) {
        each(index, isMissing(err) ? { missing: true } : { error: err as Error });
        return;
      }
      let read: BatchRead;
      try {
        const s = fstatSync(fd);
        if (!s.isFile()) throw new SpecialFileError(`not a regular file (${specialKind(s)})`);
        if (s.size > limit) throw new FileTooLargeError(`larger than ${megabytes(limit)} (${megabytes(s.size)})`);
        // One byte past the size (or the limit) notices a file that grew while it was read.
        const want = Math.min(s.size, limit) + 1;
        if (buffer.length < want) buffer = this.scratch = Buffer.allocUnsafe(Math.max(want, buffer.length * 2));
        let length = 0;
        for (;;) {
          const n = readSync(fd, buffer, length, want - length, length);
          if (n === 0) break;
          length += n;
          if (length === want) {
            if (length > limit) throw new FileTooLargeError(`larger than ${megabytes(limit)}`);
            break;
          }
        }
        read = { bytes: buffer.subarray(0, length), stat: statOf(s) };
      } catch (err) {
        read = { error: err as Error };
      } finally {
        closeSync(fd);
      }
      each(index, read);
    });
  }

  private scratch = Buffer.allocUnsafe(64 * 1024);

  statFilesSync(paths: readonly string[]): (FileStat | undefined)[] {
    return paths.map((p) => {
      try {
        const s = statSync(p, { throwIfNoEntry: false });
        return s === undefined ? undefined : statOf(s);
      } catch {
        return undefined; // the read that follows says why
      }
    });
  }

  async writeBytesAtomic(p: string, bytes: Uint8Array): Promise<void> {
    await this.writeAtomic([{ path: p, text: bytes }]);
  }

  async readDirectory(p: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    try {
      let entries = await fsp.readdir(p, { withFileTypes: true });
      if (entries.some((e) => e.name === JOURNAL)) {
        // A multi-file write was killed after its commit point: finish it before anyone reads.
        await recoverJournal(path.join(p, JOURNAL));
        entries = await fsp.readdir(p, { withFileTypes: true });
      } else if (entries.some((e) => orphanTemp(e.name))) {
        // Killed before its commit point: the targets are untouched, the temp files go.
        await removeOrphanTemps(p);
        entries = await fsp.readdir(p, { withFileTypes: true });
      }
      return entries.map((e) => ({ name: e.name, kind: e.isSymbolicLink() ? 'other' : kindOf(e) }));
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async stat(p: string): Promise<FileStat | undefined> {
    try {
      return statOf(await fsp.stat(p));
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  /**
   * All or nothing, even across a kill: every file is staged beside its target first
   * (`.<name>.<pid>-<random>.tmp`, keeping the target's mode, and its owner when run as root);
   * for more than one change a journal naming every step is written next (the commit point);
   * then the renames and removals happen and the journal goes. A run killed before the
   * journal leaves only temp files, which the next write or listing of that folder deletes;
   * one killed after it is rolled forward by the next listing of the journal's folder.
   */
  async writeAtomic(files: { path: string; text: string | Uint8Array }[], options: WriteOptions = {}): Promise<void> {
    const remove = options.remove ?? [];
    const staged: { tmp: string; target: string }[] = [];
    const dirs = new Set([...files.map((f) => path.dirname(f.path)), ...remove.map((r) => path.dirname(r))]);
    for (const dir of dirs) await removeOrphanTemps(dir);
    try {
      for (const f of files) {
        const dir = path.dirname(f.path);
        await fsp.mkdir(dir, { recursive: true });
        const tmp = path.join(dir, `.${path.basename(f.path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
        const before = await fsp.stat(f.path).catch(() => undefined);
        await fsp.writeFile(tmp, f.text, typeof f.text === 'string' ? { encoding: 'utf8', mode: 0o600 } : { mode: 0o600 });
        staged.push({ tmp, target: f.path });
        await fsp.chmod(tmp, before ? before.mode & 0o7777 : (options.mode ?? 0o666 & ~process.umask()));
        if (before && process.getuid?.() === 0) await fsp.chown(tmp, before.uid, before.gid);
      }
    } catch (err) {
      // Nothing was renamed yet: drop the temporary files and leave every target as it was.
      await Promise.all(staged.map((s) => fsp.rm(s.tmp, { force: true })));
      const failed = files[staged.length]?.path ?? files[0]?.path ?? '';
      const reason = err instanceof Error ? err.message.replace(/, \w+ '[^']*'$/, '') : String(err);
      throw new Error(`could not write ${failed}: ${reason}`);
    }
    if (staged.length + remove.length <= 1) {
      for (const s of staged) await fsp.rename(s.tmp, s.target);
      for (const r of remove) await fsp.rm(r, { force: true });
      return;
    }
    const journal: Journal = { steps: staged.map((s) => ({ tmp: s.tmp, target: s.target })), remove };
    const journalFile = path.join(path.dirname(files[0]?.path ?? remove[0]), JOURNAL);
    const journalTmp = `${journalFile}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
    await fsp.writeFile(journalTmp, JSON.stringify(journal));
    await fsp.rename(journalTmp, journalFile);
    await rollForward(journalFile, journal);
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
