// A commit's files as a read-only file-system port, so the same check that reads the work
// tree can run on a base commit without a checkout. Which files exist (and every folder) comes
// from the commit's tree; a file's bytes come from git objects (`cat-file --batch`) — except
// for files the work tree has unchanged since that commit, whose bytes are the same and are
// read from disk: a check of a pull request reads a few blobs, not the whole repository.

import * as path from 'node:path';
import { FileTooLargeError, type FileStat, type FileSystemPort, type ReadOptions } from '../fs/port';
import type { GitPort } from './port';
import { listTree, readObjects } from './repository';

const MAX_READ_BYTES = 16 * 1024 * 1024;

export interface BaseCommitOptions {
  /** Absolute path of the repository's top folder (POSIX). */
  repositoryRoot: string;
  /** The commit whose files are shown. */
  commit: string;
  /** Repository-relative paths whose work-tree bytes differ from the commit's (read from git). */
  differing: ReadonlySet<string>;
  /** Where files the work tree has unchanged are read; also any path outside the repository. */
  disk: FileSystemPort;
  /** A repository-relative folder shown (empty) even when the commit does not have it: a workspace added since. */
  folder?: string;
}

export class BaseCommitFileSystem implements FileSystemPort {
  private readonly root: string;
  private blobs: Promise<Map<string, Uint8Array | undefined>> | undefined;

  private constructor(
    private readonly git: GitPort,
    private readonly options: BaseCommitOptions,
    /** Repository-relative file path → blob id. */
    private readonly files: ReadonlyMap<string, string>,
    /** Repository-relative folder path ('' for the top) → its entries. */
    private readonly folders: ReadonlyMap<string, Map<string, 'file' | 'directory'>>,
  ) {
    this.root = options.repositoryRoot.replace(/\/+$/, '');
  }

  static async open(git: GitPort, options: BaseCommitOptions): Promise<BaseCommitFileSystem> {
    const files = new Map<string, string>();
    const folders = new Map<string, Map<string, 'file' | 'directory'>>([['', new Map()]]);
    for (const entry of await listTree(git, options.commit)) {
      // Symbolic links and submodules are not source the engine reads.
      if (entry.mode === '120000') continue;
      files.set(entry.path, entry.sha);
      const parts = entry.path.split('/');
      for (let i = 0; i < parts.length; i++) {
        const folder = parts.slice(0, i).join('/');
        let entries = folders.get(folder);
        if (!entries) folders.set(folder, (entries = new Map()));
        entries.set(parts[i], i === parts.length - 1 ? 'file' : 'directory');
      }
    }
    const parts = options.folder ? options.folder.split('/') : [];
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (!folders.has(folder)) folders.set(folder, new Map());
      folders.get(parts.slice(0, i - 1).join('/'))?.set(parts[i - 1], 'directory');
    }
    return new BaseCommitFileSystem(git, options, files, folders);
  }

  /** The repository-relative path of an absolute one, or undefined outside the repository. */
  private inRepository(p: string): string | undefined {
    if (p === this.root) return '';
    if (!p.startsWith(this.root + '/')) return undefined;
    return path.posix.normalize(p.slice(this.root.length + 1)).replace(/\/+$/, '');
  }

  /** Every differing file's blob, fetched at the first read in one `cat-file --batch`. */
  private differingBlobs(): Promise<Map<string, Uint8Array | undefined>> {
    if (!this.blobs) {
      const names = [...this.options.differing].flatMap((p) => {
        const sha = this.files.get(p);
        return sha ? [sha] : [];
      });
      this.blobs = readObjects(this.git, names);
    }
    return this.blobs;
  }

  async readBytes(p: string, options?: ReadOptions): Promise<Uint8Array | undefined> {
    const rel = this.inRepository(p);
    if (rel === undefined) return this.options.disk.readBytes(p, options);
    const sha = this.files.get(rel);
    if (!sha) return undefined;
    if (!this.options.differing.has(rel)) return this.options.disk.readBytes(p, options);
    const bytes = (await this.differingBlobs()).get(sha);
    const limit = options?.maxBytes ?? MAX_READ_BYTES;
    if (bytes && bytes.length > limit) throw new FileTooLargeError(`${rel} at ${this.options.commit.slice(0, 7)} is larger than ${limit} bytes`);
    return bytes;
  }

  async readText(p: string, options?: ReadOptions): Promise<string | undefined> {
    const bytes = await this.readBytes(p, options);
    return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }

  async readDirectory(p: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    const rel = this.inRepository(p);
    if (rel === undefined) return this.options.disk.readDirectory(p);
    const entries = this.folders.get(rel);
    return entries ? [...entries].map(([name, kind]) => ({ name, kind })) : undefined;
  }

  async stat(p: string): Promise<FileStat | undefined> {
    const rel = this.inRepository(p);
    if (rel === undefined) return this.options.disk.stat(p);
    if (this.folders.has(rel)) return { kind: 'directory', size: 0, mtimeMs: 0 };
    if (!this.files.has(rel)) return undefined;
    if (!this.options.differing.has(rel)) return this.options.disk.stat(p);
    const bytes = (await this.differingBlobs()).get(this.files.get(rel) ?? '');
    return { kind: 'file', size: bytes?.length ?? 0, mtimeMs: 0 };
  }

  writeAtomic(): Promise<void> {
    return Promise.reject(new Error(`the files of commit ${this.options.commit.slice(0, 7)} are read-only`));
  }

  rename(): Promise<void> {
    return this.writeAtomic();
  }
}
