// Which files of a workspace the drift engine reads: a walk that leaves out dependencies,
// build output, caches and virtual environments (and what the .gitignore files name),
// never follows a symbolic link into a folder (so link loops cannot trap it), and the
// guard that turns unreadable text into a skip note instead of a crash.

import { firstInvalidUtf8, invalidByteAt, utf16ReadAsUtf8, type InvalidByte } from '../fs/decode';
import { compileGlob, compileRawGlobs, globBase, normaliseGlob } from '../model/globs';
import type { FileSystemPort } from '../fs/port';
import { GitignoreRules } from './gitignore';
import { isLanguageConfigFile, LANGUAGES, languageOf } from './languages';
import type { SkippedFile } from './types';
import { compareText } from '../order';

/** Whether the engine extracts imports from a file of this name (some language reads it). */
function isSourceFile(name: string): boolean {
  return languageOf(name) !== undefined;
}

/** Prisma schemas: read for the data-ownership rule's model names. */
const DATA_MODEL_FILE = /^[\w.-]*\.prisma$/;

/** Files the engine reads besides source: each language's settings files, and Prisma schemas. */
export function isConfigFile(name: string): boolean {
  return isLanguageConfigFile(name) || DATA_MODEL_FILE.test(name);
}

/** Per language with `ignoredFolders`: whether a file of it lies in one (`vendor/` for Go). */
const IGNORED_BY_LANGUAGE = new Map(
  LANGUAGES.filter((l) => (l.ignoredFolders ?? []).length > 0).map((l) => [l.id, new Set(l.ignoredFolders)] as const),
);
function inLanguageIgnoredFolder(path: string): boolean {
  if (IGNORED_BY_LANGUAGE.size === 0) return false;
  const folders = IGNORED_BY_LANGUAGE.get(languageOf(path)?.id ?? '');
  return folders !== undefined && path.split('/').slice(0, -1).some((segment) => folders.has(segment));
}

/** Folders that never hold the workspace's own source, wherever they are. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'venv', '__pycache__', 'site-packages', 'bower_components']);

/**
 * Output folders (each language's `outputFolders`: `dist` beside a package.json, `build`
 * beside a pyproject.toml) are left out beside the settings file of a language that writes
 * them, and at the workspace root when such a file is there or no settings file at all.
 * Anywhere else they are source folders like any other: astro keeps its build pipeline in
 * `packages/astro/src/core/build/` (58 files), unkey its Go services' mains in a root `build/`
 * beside go.mod, and skipping every folder of those names hid them.
 */
const ALL_OUTPUT_FOLDERS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((l) => l.outputFolders ?? []));
const NO_FOLDERS: ReadonlySet<string> = new Set();

/** The output folders left out in a folder holding these entries (see ALL_OUTPUT_FOLDERS). */
function outputFoldersAmong(entries: readonly { name: string; kind: string }[], atRoot: boolean): ReadonlySet<string> {
  const out = new Set<string>();
  let settings = false;
  for (const e of entries) {
    if (e.kind === 'directory') continue;
    for (const l of LANGUAGES) {
      if (!l.configFile?.test(e.name)) continue;
      settings = true;
      for (const f of l.outputFolders ?? []) out.add(f);
    }
  }
  return atRoot && !settings ? ALL_OUTPUT_FOLDERS : out;
}

/**
 * Dot-folders of version control, editors, tools and caches: never the workspace's own
 * source. Every other dot-folder is read (`.storybook`, `.github/scripts`, `.config`): code
 * there imports like any other, and skipping it hid its drift. docs/cli.md lists these.
 */
export const SKIPPED_DOT_FOLDERS: readonly string[] = [
  '.git', '.hg', '.svn', '.jj', '.idea', '.vscode-test', '.cache', '.adrift-cache', '.yarn', '.pnpm-store', '.npm',
  '.next', '.nuxt', '.svelte-kit', '.angular', '.docusaurus', '.expo', '.output', '.vercel', '.netlify', '.serverless',
  '.turbo', '.parcel-cache', '.nyc_output', '.venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  '.ipynb_checkpoints', '.gradle', '.terraform', '.aws-sam',
];
const SKIPPED_DOT = new Set(SKIPPED_DOT_FOLDERS);

/** Whether the walk leaves out a folder of this name; `outputs`: the output folders left out where it is. */
function isSkippedFolder(name: string, options: ListOptions, outputs: ReadonlySet<string>): boolean {
  if (SKIPPED_FOLDERS.has(name) || outputs.has(name)) return true;
  if (!name.startsWith('.')) return false;
  return options.dotFolders === false || SKIPPED_DOT.has(name);
}

/** Larger files are generated or data, not code a person maintains. */
export const MAX_SOURCE_CHARS = 1_000_000;
/** A line this long is a minified bundle or embedded data. */
const MAX_LINE_CHARS = 10_000;
/** Average line length above which a file of some size reads as minified. */
const MAX_AVERAGE_LINE = 300;
const MINIFIED_CHECK_FROM = 10_000;

/**
 * Why `text` should not be read as source code, or undefined if it is fine. Cheap: a few
 * native scans over the text.
 */
export function guardSourceText(text: string): string | undefined {
  if (text.length > MAX_SOURCE_CHARS) return `larger than ${amount(MAX_SOURCE_CHARS)} (${amount(text.length)})`;
  if (text.includes('\0')) {
    const utf16 = utf16ReadAsUtf8(text);
    return utf16 ? `${utf16} text (Adrift reads source files as UTF-8)` : 'binary file (contains NUL bytes)';
  }
  if (text.length >= MINIFIED_CHECK_FROM) {
    let lines = 0;
    let longest = 0;
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const end = nl === -1 ? text.length : nl;
      if (end - from > longest) longest = end - from;
      lines++;
      if (nl === -1) break;
      from = nl + 1;
    }
    if (longest > MAX_LINE_CHARS) return `minified or generated (a line of ${longest} characters)`;
    if (text.length / lines > MAX_AVERAGE_LINE) return `minified or generated (${Math.round(text.length / lines)} characters per line on average)`;
  }
  return undefined;
}

// Kept, not stripped: a BOM stays in the text as it did when files were read as 'utf8'.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LOSSY_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A source file's text, and the first byte of it that is not UTF-8 if there is one. */
export interface SourceText {
  text: string;
  /** Set when some bytes are not UTF-8: the text has U+FFFD in their place, as an editor shows it. */
  invalid?: InvalidByte;
}

/**
 * A source file's bytes as text. Strict first: a U+FFFD the author wrote is text, and only
 * bytes that are no UTF-8 at all are reported (a lossy decode alone cannot tell the two
 * apart). Such a file is still read, with U+FFFD in place of its bad bytes, so its imports
 * count wherever they are legible.
 */
export function decodeSourceText(bytes: Uint8Array): SourceText {
  try {
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    const found = firstInvalidUtf8(bytes);
    return { text: LOSSY_UTF8.decode(bytes), invalid: invalidByteAt(bytes, found < 0 ? Math.max(0, bytes.length - 1) : found) };
  }
}

/** 1068 → '1068 bytes', 1_100_000 → '1100 KB' (characters count as bytes here: close enough for a note). */
function amount(n: number): string {
  return n < 10_000 ? `${n} bytes` : `${Math.round(n / 1000)} KB`;
}

export interface SourceFileListing {
  /** Workspace-relative POSIX paths of source files, sorted. */
  files: string[];
  /** Folders and entries not walked, with the reason. */
  skipped: SkippedFile[];
  /** Workspace-relative paths of the languages' settings files and Prisma schemas seen. */
  configFiles: string[];
  /**
   * Whether the walk would list a source file at this path, by the rules it read (skipped
   * folders, the .gitignore files, `exclude`): how a file created or opened after the walk is
   * judged, so the editor checks what `adrift check` checks.
   */
  accepts: (relPath: string) => boolean;
}

export interface ListOptions {
  /** Globs (workspace-relative) of files and folders never to list. */
  exclude?: string[];
  /** Honour the workspace's .gitignore files, in every folder (default true). */
  gitignore?: boolean;
  /**
   * Skip source files larger than this many bytes without reading them (one stat per
   * file, ~30 ms per 1,000 files here). Off by default: `extractFile` skips text over
   * MAX_SOURCE_CHARS anyway; this keeps a huge file from being read at all.
   */
  maxFileBytes?: number;
  /**
   * Read dot-folders other than SKIPPED_DOT_FOLDERS (default true); false skips every
   * dot-folder, as Adrift 0.1.0 did. `scan_dot_folders` in .adrift.yaml.
   */
  dotFolders?: boolean;
}

export async function listSourceFiles(fs: FileSystemPort, root: string, options: ListOptions = {}): Promise<SourceFileListing> {
  const rootPath = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const exclude = compileRawGlobs(options.exclude ?? []);
  const gitignore = new GitignoreRules();
  const ignored: IgnoreTest = (relPath, isFolder) => exclude(relPath) || gitignore.ignores(relPath, isFolder);
  const files: string[] = [];
  const configFiles: string[] = [];
  /** The output folders left out in each folder that has some (the root always). */
  const outputsByFolder = new Map<string, ReadonlySet<string>>();
  const skipped: SkippedFile[] = [];

  const walk = async (rel: string): Promise<void> => {
    let entries: { name: string; kind: 'file' | 'directory' | 'other' }[] | undefined;
    try {
      entries = await fs.readDirectory(rel === '' ? rootPath : `${rootPath}/${rel}`);
    } catch (err) {
      skipped.push({ file: rel === '' ? '.' : rel, reason: `folder not readable (${(err as Error).message})` });
      return;
    }
    if (entries === undefined) return;
    // The folder's own .gitignore applies to everything below it, so it is read first.
    if (options.gitignore !== false && entries.some((e) => e.name === '.gitignore' && e.kind !== 'directory')) {
      const text = await fs.readText(`${rel === '' ? rootPath : `${rootPath}/${rel}`}/.gitignore`).catch(() => undefined);
      if (text !== undefined) gitignore.add(rel, text);
    }
    const folders: string[] = [];
    const outputs = outputFoldersAmong(entries, rel === '');
    if (outputs.size > 0 || rel === '') outputsByFolder.set(rel, outputs);
    for (const entry of entries) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let kind = entry.kind;
      if (kind === 'other') {
        // A symbolic link (or a device): a linked file is read, a linked folder is not
        // followed, which is what keeps link loops from trapping the walk.
        const target = await fs.stat(`${rootPath}/${path}`).catch(() => undefined);
        if (target?.kind === 'directory') {
          if (!isSkippedFolder(entry.name, options, outputs) && !ignored(path, true)) {
            skipped.push({ file: path, reason: 'symbolic link to a folder, not followed' });
          }
          continue;
        }
        if (target?.kind !== 'file') {
          // A FIFO or a device (or a link to one) is never opened: reading it could block or never end.
          if (target && isSourceFile(entry.name) && !ignored(path, false)) skipped.push({ file: path, reason: 'not a regular file (a FIFO, device or socket)' });
          continue;
        }
        kind = 'file';
      }
      if (kind === 'directory') {
        if (isSkippedFolder(entry.name, options, outputs) || ignored(path, true)) continue;
        folders.push(path);
      } else if (kind === 'file') {
        // A file can be both (a setup.py).
        if (isSourceFile(entry.name) && !ignored(path, false) && !inLanguageIgnoredFolder(path)) files.push(path);
        if (isConfigFile(entry.name)) configFiles.push(path);
      }
    }
    await Promise.all(folders.map(walk));
  };

  await walk('');
  if (options.maxFileBytes !== undefined) {
    const limit = options.maxFileBytes;
    const sizes = await Promise.all(files.map((f) => fs.stat(`${rootPath}/${f}`).catch(() => undefined)));
    const kept: string[] = [];
    files.forEach((f, i) => {
      const size = sizes[i]?.size ?? 0;
      if (size > limit) skipped.push({ file: f, reason: `larger than ${amount(limit)} (${amount(size)})` });
      else kept.push(f);
    });
    files.length = 0;
    files.push(...kept);
  }
  files.sort();
  configFiles.sort();
  skipped.sort((a, b) => compareText(a.file, b.file));
  return { files, skipped, configFiles, accepts: sourcePathTest(options, gitignore, outputsByFolder) };
}

/**
 * Whether the walk would list a source file at this path, by the listing options, the
 * .gitignore files it read and the folders where it saw a project's settings file (none:
 * what is known before a walk).
 */
export function sourcePathTest(options: ListOptions, gitignore = new GitignoreRules(), outputs: ReadonlyMap<string, ReadonlySet<string>> = new Map()): (relPath: string) => boolean {
  const exclude = compileRawGlobs(options.exclude ?? []);
  return (relPath) => {
    if (!isSourceFile(relPath) || inLanguageIgnoredFolder(relPath) || exclude(relPath)) return false;
    const segments = relPath.split('/');
    for (let i = 0; i < segments.length - 1; i++) {
      const parent = segments.slice(0, i).join('/');
      const here = outputs.get(parent) ?? (parent === '' ? ALL_OUTPUT_FOLDERS : NO_FOLDERS);
      if (isSkippedFolder(segments[i], options, here) || exclude(segments.slice(0, i + 1).join('/'))) return false;
    }
    return !gitignore.ignoresPath(relPath);
  };
}

/** How many folder entries the probe of a glob with no source file looks at, at most. */
const PROBE_ENTRIES = 5000;

/**
 * The files a glob matches that are not source files, counted by extension (`.md` → 3), by
 * walking only the glob's literal base folder, as the walk would and for at most
 * PROBE_ENTRIES entries: what a record check says about a glob that matches no source file.
 */
export async function otherFilesMatching(fs: FileSystemPort, root: string, glob: string, options: ListOptions = {}): Promise<Map<string, number>> {
  const rootPath = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const match = compileGlob(glob);
  // The literal folder to walk: the glob's base, or a plain file path's folder.
  const { base: literal, isGlob } = globBase(normaliseGlob(glob));
  const base = isGlob ? literal : literal.slice(0, Math.max(0, literal.lastIndexOf('/')));
  const found = new Map<string, number>();
  await walkBounded(fs, rootPath, base, PROBE_ENTRIES, (name) => !isSkippedFolder(name, options, ALL_OUTPUT_FOLDERS), (path, name) => {
    if (!match(path)) return;
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? name.slice(dot) : name;
    found.set(ext, (found.get(ext) ?? 0) + 1);
  });
  return new Map([...found].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])));
}

/**
 * The source files at or below a folder that `accepts` (the listing's rules) takes, sorted;
 * undefined when the folder holds more than `budget` entries. For a folder that appeared
 * after the scan: the editor's file watcher reports the folder, but can miss the files
 * written into it before it watched the folder (inotify), so the editor looks inside.
 * Linked folders are not followed, as in the listing.
 */
export async function sourceFilesBelow(
  fs: FileSystemPort,
  root: string,
  folder: string,
  accepts: (relPath: string) => boolean,
  budget = PROBE_ENTRIES,
): Promise<string[] | undefined> {
  const rootPath = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const files: string[] = [];
  const whole = await walkBounded(fs, rootPath, folder, budget, (name) => !isSkippedFolder(name, {}, NO_FOLDERS), (path) => {
    if (accepts(path)) files.push(path);
  });
  return whole ? files.sort() : undefined;
}

/**
 * Walks the folder `base` (relative to rootPath) depth first, looking at `budget` entries at
 * most; true when it saw them all. `onFile` gets every regular file (or link to one), and
 * a folder is entered when `descend` takes its name; linked folders never are.
 */
async function walkBounded(
  fs: FileSystemPort,
  rootPath: string,
  base: string,
  budget: number,
  descend: (name: string) => boolean,
  onFile: (relPath: string, name: string) => void,
): Promise<boolean> {
  let left = budget;
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readDirectory(rel === '' ? rootPath : `${rootPath}/${rel}`).catch(() => undefined);
    for (const entry of entries ?? []) {
      if (--left < 0) return;
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let kind = entry.kind;
      if (kind === 'other') {
        // A link to a file is read as the file; a link to a folder, a FIFO or a device is not.
        const target = await fs.stat(`${rootPath}/${path}`).catch(() => undefined);
        kind = target?.kind === 'file' ? 'file' : 'other';
      }
      if (kind === 'directory') {
        if (descend(entry.name)) await walk(path);
      } else if (kind === 'file') onFile(path, entry.name);
    }
  };
  await walk(base);
  return left >= 0;
}

type IgnoreTest = (relPath: string, isFolder: boolean) => boolean;

