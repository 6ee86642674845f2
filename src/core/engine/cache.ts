// The on-disk cache of extracted files, keyed by content hash: a second scan reads every file
// (to hash it) but extracts only those that changed. The CLI keeps it in
// <root>/node_modules/.cache/adrift/ when the workspace has node_modules (already ignored by
// every JavaScript project), else in <root>/.adrift-cache/; the editor passes a folder of its
// own storage, so nothing appears in the user's workspace. A cache that is missing, from
// another version, or unreadable is simply not used.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileSystemPort } from '../fs/port';
import type { ExtractedFile } from './types';

const FORMAT = 1;

export interface CachedExtraction {
  hash: string;
  extracted: ExtractedFile;
}

interface CacheFile {
  format: number;
  version: string;
  files: Record<string, CachedExtraction>;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

export async function cacheFolder(fs: FileSystemPort, root: string): Promise<string> {
  const nodeModules = path.posix.join(root, 'node_modules');
  return (await fs.stat(nodeModules))?.kind === 'directory' ? path.posix.join(nodeModules, '.cache', 'adrift') : path.posix.join(root, '.adrift-cache');
}

export class ExtractionCache {
  private entries = new Map<string, CachedExtraction>();

  private constructor(
    private readonly fs: FileSystemPort,
    private readonly file: string,
    private readonly version: string,
  ) {}

  static async open(fs: FileSystemPort, root: string, version: string, folder?: string): Promise<ExtractionCache> {
    const file = path.posix.join(folder ?? (await cacheFolder(fs, root)), 'extractions.json');
    const cache = new ExtractionCache(fs, file, version);
    try {
      const text = await fs.readText(file);
      if (text !== undefined) {
        const data = JSON.parse(text) as Partial<CacheFile>;
        if (data.format === FORMAT && data.version === version && data.files && typeof data.files === 'object') {
          cache.entries = new Map(Object.entries(data.files));
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
    const data: CacheFile = { format: FORMAT, version: this.version, files: Object.fromEntries(files) };
    try {
      await this.fs.writeAtomic([{ path: this.file, text: JSON.stringify(data) }]);
    } catch {
      // A read-only checkout still gets its findings; only the next run is slower.
    }
  }
}
