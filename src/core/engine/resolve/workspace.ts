// What the language resolvers know about the workspace: its source files and folders (as
// sets, so a probe is a hash lookup), and a way to read the settings files each language
// needs, once, when the resolver is created.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileSystemPort } from '../../fs/port';
import type { SettingsProblem } from '../types';

const posix = path.posix;

/** Folder of a workspace-relative path ('' for top-level files). */
export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i === -1 ? '' : rel.slice(0, i);
}

/** Joins and normalises; undefined if the result leaves the workspace. */
export function joinRel(dir: string, spec: string): string | undefined {
  const joined = posix.normalize(dir === '' ? spec : `${dir}/${spec}`);
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

export class Workspace {
  readonly files: Set<string>;
  readonly dirs = new Set<string>();
  readonly problems: SettingsProblem[] = [];
  /**
   * What the settings reads saw, `read <path>`/`file <path>` → a hash of the answer, while a
   * language's resolver is built: the inputs its resolutions depend on besides the file set.
   */
  reads: Map<string, string> | undefined;

  constructor(
    readonly fs: FileSystemPort,
    readonly root: string,
    files: Iterable<string>,
  ) {
    this.files = new Set(files);
    for (const f of this.files) this.addDirsOf(f);
  }

  addFile(file: string): void {
    this.files.add(file);
    this.addDirsOf(file);
  }

  private addDirsOf(file: string): void {
    let d = dirOf(file);
    while (d !== '' && !this.dirs.has(d)) {
      this.dirs.add(d);
      d = dirOf(d);
    }
    this.dirs.add('');
  }

  /** Notes a problem of a settings file; `line` and `column` are 1-based, as Go's tools print them. */
  problem(file: string, line: number, column: number, message: string, length = 0): void {
    this.problems.push({ file, at: { line: line - 1, column: column - 1 }, length, message });
  }

  /** The absolute path of a workspace-relative one. */
  abs(rel: string): string {
    return rel === '' ? this.root : `${this.root}/${rel}`;
  }

  /** A workspace file's text, or undefined if it cannot be read. */
  async readText(rel: string): Promise<string | undefined> {
    const text = await this.fs.readText(this.abs(rel)).catch(() => undefined);
    this.reads?.set(`read ${rel}`, text === undefined ? '-' : createHash('sha1').update(text).digest('base64'));
    return text;
  }

  /** Whether a workspace-relative path is a file on disk (settings files are not in `files`). */
  async isFile(rel: string): Promise<boolean> {
    const stat = await this.fs.stat(this.abs(rel)).catch(() => undefined);
    this.reads?.set(`file ${rel}`, String(stat?.kind === 'file'));
    return stat?.kind === 'file';
  }
}
