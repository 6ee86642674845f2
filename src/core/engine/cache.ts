// The on-disk cache of the scan: each file's extraction and the resolution of its imports,
// so a second scan neither extracts nor resolves what did not change.
//
// Validation: a file whose stat (size, mtime, ctime, inode) is the one recorded is not read
// at all; any other is read and its content hash compared, so a touched but unchanged file
// still hits. A stat is recorded only for a file last changed well before the scan started:
// a write in the same clock tick as the read would otherwise leave the same stat on new
// content ("racy" entries, as git calls them). Restoring an mtime by hand changes the ctime.
// Resolutions are reused only while the resolver's inputs for the file (the file set, the
// settings files it read, their contents) have the key recorded with them.
//
// It never lives in the work tree: a cache committed with a repository could claim that a
// file imports nothing and so hide drift. The CLI keeps it in the user's cache folder
// ($XDG_CACHE_HOME/adrift, else ~/.cache/adrift, else the OS temp folder), one folder per
// workspace path; the editor passes a folder of its own storage. And it never trusts what it
// did not write itself: the body is signed with an HMAC whose key is random, made once per
// cache folder and kept beside it, outside the repository. A cache that is missing, from
// another version, unsigned, tampered with or unreadable is simply not used.

import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileStat, FileSystemPort } from '../fs/port';
import { decodeEntries, encodeEntries, type CacheEntry, type StatKey } from './cache-format';
import { unsliced, waitingPort, waitOn, type Slicer } from './slice';

export type { CacheEntry } from './cache-format';

const FORMAT = 3;
const KEY_FILE = 'cache.key';
const CACHE_FILE = 'scan-cache.bin';
/** The cache of format 2 and before, one JSON document: removed when the new one is written. */
const OLD_CACHE_FILE = 'extractions.json';
const SIGN_STEP = 1 << 20;
/**
 * A file changed less than this before the scan began may change again within the same
 * timestamp tick without its stat showing it: its stat is not recorded (2 s covers the
 * coarsest file systems in use, FAT's 2-second mtimes).
 */
export const RACY_MS = 2000;

interface CacheHeader {
  format: number;
  version: string;
  /** HMAC-SHA256 (hex) of the version, a newline and the body. */
  mac: string;
}

/** The hash of a file's content: its bytes, or its text (the same for UTF-8 text). */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64');
}

/** The stat to record for a file read at `scanStarted` (epoch ms), or undefined when it cannot be trusted later. */
export function trustedStat(stat: FileStat | undefined, scanStarted: number): StatKey | undefined {
  if (stat?.ctimeMs === undefined || stat.ino === undefined) return undefined;
  if (stat.mtimeMs >= scanStarted - RACY_MS || stat.ctimeMs >= scanStarted - RACY_MS) return undefined;
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
}

/** Whether a file's stat now is the one recorded. */
export function sameStat(a: StatKey, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** The user's cache folder for Adrift: $XDG_CACHE_HOME/adrift, ~/.cache/adrift, or the OS temp folder. */
export function userCacheHome(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && path.isAbsolute(xdg)) return toPosix(path.join(xdg, 'adrift'));
  let home = '';
  try {
    home = os.homedir();
  } catch {
    // No home folder (a service account): fall back to the temp folder.
  }
  return toPosix(home ? path.join(home, '.cache', 'adrift') : path.join(os.tmpdir(), `adrift-cache-${userTag()}`));
}

function userTag(): string {
  try {
    return String(os.userInfo().uid);
  } catch {
    return 'user';
  }
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/** Where the CLI keeps the cache of the workspace at `root`: a folder of the user cache home named after the path. */
export function cacheFolder(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = path.posix.basename(root).replace(/[^\w.-]/g, '_').slice(0, 40) || 'root';
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return path.posix.join(userCacheHome(env), 'extractions', `${name}-${key}`);
}

/** The MAC of a body, hashed a megabyte at a time so the editor's slicer can pause between them. */
async function sign(key: string, version: string, body: Uint8Array, slicer: Slicer): Promise<string> {
  const mac = createHmac('sha256', key).update(version).update('\n');
  for (let at = 0; at < body.length; at += SIGN_STEP) {
    mac.update(body.subarray(at, at + SIGN_STEP));
    if (slicer.due()) await slicer.pause();
  }
  return mac.digest('hex');
}

/** The cache folder's key, made on first use; undefined when it can be neither read nor written. */
async function keyOf(fs: FileSystemPort, folder: string): Promise<string | undefined> {
  const file = path.posix.join(folder, KEY_FILE);
  try {
    const existing = (await fs.readText(file))?.trim();
    if (existing && /^[0-9a-f]{64}$/.test(existing)) return existing;
    const made = randomBytes(32).toString('hex');
    await fs.writeAtomic([{ path: file, text: `${made}\n` }], { mode: 0o600 });
    return made;
  } catch {
    return undefined;
  }
}

export class ExtractionCache {
  private entries = new Map<string, CacheEntry>();

  private constructor(
    private readonly fs: FileSystemPort,
    private readonly folder: string,
    private readonly version: string,
    private readonly key: string | undefined,
  ) {}

  /**
   * The cache of `root`, in `folder` when given, else in the user cache folder (cacheFolder).
   * `slicer`: the editor's, so that decoding never holds its main thread for long.
   */
  static async open(fs: FileSystemPort, root: string, version: string, folder?: string, slicer: Slicer = unsliced): Promise<ExtractionCache> {
    const where = folder ?? cacheFolder(root);
    const key = fs.writeBytesAtomic ? await keyOf(waitingPort(fs, slicer), where) : undefined;
    const cache = new ExtractionCache(fs, where, version, key);
    if (key === undefined) return cache;
    try {
      // The cache of a large workspace is larger than any file Adrift reads from the workspace.
      const bytes = await waitOn(slicer, fs.readBytes(path.posix.join(where, CACHE_FILE), { maxBytes: 2 ** 30 }));
      const nl = bytes?.indexOf(0x0a) ?? -1;
      if (bytes !== undefined && nl > 0) {
        const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, nl).toString('utf8')) as Partial<CacheHeader>;
        const body = bytes.subarray(nl + 1);
        if (header.format === FORMAT && header.version === version && header.mac === (await sign(key, version, body, slicer))) {
          cache.entries = await decodeEntries(body, slicer);
        }
      }
    } catch {
      // A corrupt or unreadable cache costs one cold scan, never a failed check.
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the cache holds for a file, whatever its content is now: the scan compares stat and hash (scan-read.ts). */
  peek(file: string): CacheEntry | undefined {
    return this.entries.get(file);
  }

  /** Replaces the cache's content with exactly these files. */
  async save(files: Map<string, CacheEntry>, slicer: Slicer = unsliced): Promise<void> {
    this.entries = files;
    if (this.key === undefined || !this.fs.writeBytesAtomic) return;
    const body = await encodeEntries(files, slicer);
    const header: CacheHeader = { format: FORMAT, version: this.version, mac: await sign(this.key, this.version, body, slicer) };
    const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
    const bytes = new Uint8Array(head.length + body.length);
    bytes.set(head);
    bytes.set(body, head.length);
    try {
      await waitOn(slicer, this.fs.writeBytesAtomic(path.posix.join(this.folder, CACHE_FILE), bytes));
      const old = path.posix.join(this.folder, OLD_CACHE_FILE);
      if (await this.fs.stat(old)) await this.fs.writeAtomic([], { remove: [old] });
    } catch {
      // A read-only cache folder still gets its findings; only the next run is slower.
    }
  }
}
