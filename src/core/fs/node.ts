// The file-system port on Node's fs: what the CLI and the benchmark use.

import { constants, promises as fsp, type Stats } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileTooLargeError, SpecialFileError, type FileStat, type FileSystemPort, type ReadOptions, type WriteOptions } from './port';

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
      const s = await fsp.stat(p);
      return { kind: kindOf(s), size: s.size, mtimeMs: s.mtimeMs };
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
  async writeAtomic(files: { path: string; text: string }[], options: WriteOptions = {}): Promise<void> {
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
        await fsp.writeFile(tmp, f.text, { encoding: 'utf8', mode: 0o600 });
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
