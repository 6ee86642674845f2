// A read-only file-system port over one commit's tree, read from git objects: the drift engine
// runs on an old version of the workspace without a checkout. The tree can be moved to another
// commit by applying the paths that changed (treeChanges), so a walk over history reads only
// the blobs that differ. Blobs are read in batches (one `git cat-file --batch` for every read
// asked in the same turn of the event loop) and kept by id, so a blob shared by many commits
// is read once.

import type { FileStat, FileSystemPort } from '../fs/port';
import { FileTooLargeError } from '../fs/port';
import type { GitPort } from './port';
import { readObjects, type TreeChange, type TreeEntry } from './repository';

const SYMLINK = '120000';
const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;
const MAX_BLOB_BYTES = 16 * 1024 * 1024;
const decoder = new TextDecoder('utf-8');

export class GitTreeFileSystem implements FileSystemPort {
  /** Workspace-relative path → blob id. */
  private readonly files = new Map<string, string>();
  private dirs: Map<string, Map<string, FileStat['kind']>> | undefined;
  private readonly blobs = new Map<string, Uint8Array>();
  private cachedBytes = 0;
  private pending: { sha: string; resolve: (b: Uint8Array | undefined) => void; reject: (e: unknown) => void }[] = [];
  /** Blobs read from git so far (for the figures a walk reports). */
  blobsRead = 0;

  constructor(
    private readonly git: GitPort,
    /** Absolute POSIX path the workspace is served at. */
    readonly root: string,
    /** The workspace's folder inside the repository ('' at its top, else `sub/dir/`). */
    private readonly prefix: string,
    private readonly cacheBytes = DEFAULT_CACHE_BYTES,
  ) {}

  /** Serves exactly these blobs (a listTree of the commit). */
  setTree(entries: readonly TreeEntry[]): void {
    this.files.clear();
    for (const e of entries) this.put(e.path, e.sha, e.mode);
    this.dirs = undefined;
  }

  /** Moves the tree to another commit; returns the workspace-relative paths that changed. */
  apply(changes: readonly TreeChange[]): string[] {
    const changed: string[] = [];
    for (const c of changes) {
      const rel = this.relative(c.path);
      if (rel === undefined) continue;
      this.files.delete(rel);
      if (c.sha) this.put(c.path, c.sha, c.mode);
      changed.push(rel);
    }
    if (changed.length > 0) this.dirs = undefined;
    return changed;
  }

  /** Reads the blobs of these workspace-relative paths in one `git cat-file --batch` (a first tree's files). */
  async prefetch(rels: Iterable<string>): Promise<void> {
    const shas = [...new Set([...rels].map((r) => this.files.get(r)).filter((s): s is string => s !== undefined && !this.blobs.has(s)))];
    if (shas.length === 0) return;
    const read = await readObjects(this.git, shas);
    for (const [sha, bytes] of read) if (bytes) this.keep(sha, bytes);
    this.blobsRead += read.size;
  }

  /** Workspace-relative paths of the current tree. */
  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  /** The blob id of a workspace-relative path in the current tree. */
  blobOf(rel: string): string | undefined {
    return this.files.get(rel);
  }

  async readBytes(file: string): Promise<Uint8Array | undefined> {
    const rel = this.fromAbsolute(file);
    const sha = rel === undefined ? undefined : this.files.get(rel);
    if (sha === undefined) return undefined;
    const hit = this.blobs.get(sha);
    if (hit) return hit;
    const bytes = await new Promise<Uint8Array | undefined>((resolve, reject) => {
      if (this.pending.push({ sha, resolve, reject }) === 1) setImmediate(() => void this.flush());
    });
    if (bytes && bytes.length > MAX_BLOB_BYTES) throw new FileTooLargeError(`${rel} is larger than ${MAX_BLOB_BYTES / 1048576} MB`);
    return bytes;
  }

  async readText(file: string): Promise<string | undefined> {
    const bytes = await this.readBytes(file);
    return bytes === undefined ? undefined : decoder.decode(bytes);
  }

  async readDirectory(dir: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    const rel = this.fromAbsolute(dir);
    const entries = rel === undefined ? undefined : this.directories().get(rel);
    return entries ? [...entries].map(([name, kind]) => ({ name, kind })) : undefined;
  }

  async stat(file: string): Promise<FileStat | undefined> {
    const rel = this.fromAbsolute(file);
    if (rel === undefined) return undefined;
    if (this.files.has(rel)) return { kind: 'file', size: 0, mtimeMs: 0 };
    return this.directories().has(rel) ? { kind: 'directory', size: 0, mtimeMs: 0 } : undefined;
  }

  writeAtomic(): Promise<void> {
    return Promise.reject(new Error('a commit of the history is read-only'));
  }

  rename(): Promise<void> {
    return Promise.reject(new Error('a commit of the history is read-only'));
  }

  private put(repoPath: string, sha: string, mode: string): void {
    const rel = this.relative(repoPath);
    // A symbolic link's blob is its target's name, not the file: the disk walk reads the
    // target, which a tree does not have; leaving it out is the honest answer.
    if (rel !== undefined && rel !== '' && mode !== SYMLINK && !mode.startsWith('16')) this.files.set(rel, sha);
  }

  private relative(repoPath: string): string | undefined {
    if (!this.prefix) return repoPath;
    return repoPath.startsWith(this.prefix) ? repoPath.slice(this.prefix.length) : undefined;
  }

  private fromAbsolute(file: string): string | undefined {
    if (file === this.root) return '';
    return file.startsWith(this.root + '/') ? file.slice(this.root.length + 1) : undefined;
  }

  private directories(): Map<string, Map<string, FileStat['kind']>> {
    if (this.dirs) return this.dirs;
    const dirs = new Map<string, Map<string, FileStat['kind']>>([['', new Map()]]);
    const entriesOf = (dir: string): Map<string, FileStat['kind']> => {
      let entries = dirs.get(dir);
      if (!entries) dirs.set(dir, (entries = new Map()));
      return entries;
    };
    for (const rel of this.files.keys()) {
      const parts = rel.split('/');
      let dir = '';
      parts.forEach((name, i) => {
        entriesOf(dir).set(name, i === parts.length - 1 ? 'file' : 'directory');
        dir = dir === '' ? name : `${dir}/${name}`;
      });
    }
    this.dirs = dirs;
    return dirs;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const read = await readObjects(this.git, batch.map((p) => p.sha));
      for (const p of batch) {
        const bytes = read.get(p.sha);
        if (bytes) this.keep(p.sha, bytes);
        p.resolve(bytes);
      }
      this.blobsRead += read.size;
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  private keep(sha: string, bytes: Uint8Array): void {
    if (this.blobs.has(sha)) return;
    if (this.cachedBytes + bytes.length > this.cacheBytes) {
      // Over the bound: keep only what the current tree still names.
      const live = new Set(this.files.values());
      for (const [k, v] of this.blobs) {
        if (!live.has(k)) {
          this.blobs.delete(k);
          this.cachedBytes -= v.length;
        }
      }
      if (this.cachedBytes + bytes.length > this.cacheBytes) return;
    }
    // A copy: the batch's output buffer would otherwise stay alive for one small blob.
    this.blobs.set(sha, bytes.slice());
    this.cachedBytes += bytes.length;
  }
}
