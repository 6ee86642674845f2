// The small file-system port the core works through. The CLI and the benchmark use the
// Node implementation (./node.ts); the extension overlays the text of unsaved editors on
// top of it, so checks see what the user sees.
//
// Paths given to and returned by the port are absolute, with POSIX separators.

export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  mtimeMs: number;
}

export interface FileSystemPort {
  /** The file's text, or undefined if it does not exist. Throws on other I/O errors. */
  readText(path: string): Promise<string | undefined>;
  /**
   * The file's bytes, or undefined if it does not exist. Records are decoded from bytes (see
   * decode.ts) so that a BOM, UTF-16 or invalid UTF-8 is seen before Adrift writes one back;
   * source files so that invalid UTF-8 is told apart from a U+FFFD the author wrote.
   */
  readBytes(path: string): Promise<Uint8Array | undefined>;
  /** Entries of a folder (names only), or undefined if it does not exist. */
  readDirectory(path: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined>;
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * Writes all files or none: each goes to a temporary file beside its target first and is
   * renamed into place only when every temporary file is written.
   */
  writeAtomic(files: { path: string; text: string }[]): Promise<void>;
  /** Renames a file (used by renumbering). */
  rename(from: string, to: string): Promise<void>;
}
