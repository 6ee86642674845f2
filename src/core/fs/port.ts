// The small file-system port the core works through. The CLI and the benchmark use the
// Node implementation (./node.ts); the extension overlays the text of unsaved editors on
// top of it, so checks see what the user sees.
//
// Paths given to and returned by the port are absolute, with POSIX separators.

export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  mtimeMs: number;
  /**
   * Status-change time and inode, where the port knows them: restoring a file's mtime after
   * an edit (utimes) changes its ctime, and an editor's save-by-rename changes its inode, so
   * the scan's cache, which trusts an unchanged stat, is not fooled by either.
   */
  ctimeMs?: number;
  ino?: number;
}

/** One file of a synchronous batch read: its bytes (valid only inside the callback) and stat, or why not. */
export type BatchRead = { bytes: Uint8Array; stat: FileStat } | { missing: true } | { error: Error };

export interface ReadOptions {
  /** Refuse a file larger than this (default: the port's cap, 16 MB on disk). */
  maxBytes?: number;
}

/** Thrown by readText for a FIFO, a device, a socket: never opened in a way that blocks, never read. */
export class SpecialFileError extends Error {}
/** Thrown by readText for a file over its size cap, before it is read. */
export class FileTooLargeError extends Error {}

export interface WriteOptions {
  /** Files to delete in the same all-or-nothing step (a renamed record's old name). */
  remove?: string[];
  /** Mode of a file that does not exist yet (an existing one keeps its own); default 0o666 less the umask. */
  mode?: number;
}

export interface FileSystemPort {
  /**
   * The file's text, or undefined if it does not exist. Throws SpecialFileError for anything
   * but a regular file, FileTooLargeError past the size cap, and on other I/O errors.
   */
  readText(path: string, options?: ReadOptions): Promise<string | undefined>;
  /**
   * The file's bytes, or undefined if it does not exist; the same checks and cap as readText.
   * Records are decoded from bytes (see decode.ts) so that a BOM, UTF-16 or invalid UTF-8 is
   * seen before Adrift writes one back; source files so that invalid UTF-8 is told apart from
   * a U+FFFD the author wrote.
   */
  readBytes(path: string, options?: ReadOptions): Promise<Uint8Array | undefined>;
  /** Entries of a folder (names only), or undefined if it does not exist. */
  readDirectory(path: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined>;
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * Writes all files (and removes `options.remove`) or none: each goes to a temporary file
   * beside its target first and is renamed into place only when every temporary file is written.
   */
  writeAtomic(files: { path: string; text: string }[], options?: WriteOptions): Promise<void>;
  /**
   * The path with every symbolic link resolved, or undefined when it does not exist. Optional:
   * a port without links (in memory) leaves it out, and confinement is then lexical.
   */
  realPath?(path: string): Promise<string | undefined>;
  /**
   * Optional, for ports on a local disk (the CLI's): reads the files one after another in
   * the calling thread, with the same checks and cap as readBytes, and hands each to `each`
   * in order. The bytes are reused after `each` returns. A scan of many small files spends
   * most of its time in the round trips of async reads; these skip them.
   */
  readFilesSync?(paths: readonly string[], each: (index: number, read: BatchRead) => void, options?: ReadOptions): void;
  /** Optional, with readFilesSync: the stat of each path (undefined when missing), in the calling thread. */
  statFilesSync?(paths: readonly string[]): (FileStat | undefined)[];
  /**
   * Optional, for ports that serve some paths from memory (the editor's unsaved documents):
   * those paths, now. Extraction workers read the disk themselves, so such a file is read
   * again through the port.
   */
  pathsInMemory?(): ReadonlySet<string>;
  /** Optional: writes bytes (the scan's cache) as writeAtomic writes text. */
  writeBytesAtomic?(path: string, bytes: Uint8Array): Promise<void>;
  /** Renames a file (used by renumbering). */
  rename(from: string, to: string): Promise<void>;
}
