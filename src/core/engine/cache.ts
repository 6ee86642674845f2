// The on-disk cache of extracted files, keyed by content hash: a second scan reads every file
// (to hash it) but extracts only those that changed.
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
import type { FileSystemPort } from '../fs/port';
import type { ExtractedFile } from './types';

const FORMAT = 2;
const KEY_FILE = 'cache.key';

export interface CachedExtraction {
  hash: string;
  extracted: ExtractedFile;
}

interface CacheHeader {
  format: number;
  version: string;
  /** HMAC-SHA256 (hex) of the version, a newline and the body. */
  mac: string;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
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

function sign(key: string, version: string, body: string): string {
  return createHmac('sha256', key).update(version).update('\n').update(body).digest('hex');
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
  private entries = new Map<string, CachedExtraction>();

  private constructor(
    private readonly fs: FileSystemPort,
    private readonly file: string,
    private readonly version: string,
    private readonly key: string | undefined,
  ) {}

  /** The cache of `root`, in `folder` when given, else in the user cache folder (cacheFolder). */
  static async open(fs: FileSystemPort, root: string, version: string, folder?: string): Promise<ExtractionCache> {
    const where = folder ?? cacheFolder(root);
    const key = await keyOf(fs, where);
    const cache = new ExtractionCache(fs, path.posix.join(where, 'extractions.json'), version, key);
    if (key === undefined) return cache;
    try {
      // The cache of a large workspace is larger than any file Adrift reads from the workspace.
      const text = await fs.readText(cache.file, { maxBytes: 2 ** 30 });
      const nl = text?.indexOf('\n') ?? -1;
      if (text !== undefined && nl > 0) {
        const header = JSON.parse(text.slice(0, nl)) as Partial<CacheHeader>;
        const body = text.slice(nl + 1);
        if (header.format === FORMAT && header.version === version && header.mac === sign(key, version, body)) {
          const files = JSON.parse(body) as unknown;
          if (files && typeof files === 'object') cache.entries = new Map(Object.entries(files as Record<string, CachedExtraction>));
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

  get(file: string, hash: string): ExtractedFile | undefined {
    const e = this.entries.get(file);
    return e && e.hash === hash ? e.extracted : undefined;
  }

  /** Replaces the cache's content with exactly these files. */
  async save(files: Map<string, CachedExtraction>): Promise<void> {
    this.entries = files;
    if (this.key === undefined) return;
    const body = JSON.stringify(Object.fromEntries(files));
    const header: CacheHeader = { format: FORMAT, version: this.version, mac: sign(this.key, this.version, body) };
    try {
      await this.fs.writeAtomic([{ path: this.file, text: `${JSON.stringify(header)}\n${body}` }]);
    } catch {
      // A read-only cache folder still gets its findings; only the next run is slower.
    }
  }
}
