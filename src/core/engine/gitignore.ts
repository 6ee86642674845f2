// The workspace's .gitignore files, read as git reads them: one per folder, each line
// relative to its own folder, the deepest file with a matching line deciding and within a
// file the last matching line, `!` bringing back what an earlier line left out. A file
// under a folder that is left out cannot be brought back (git does not look inside such a
// folder, and neither does the walk). Only the .gitignore files committed with the code
// count: `.git/info/exclude` and a user's global excludes file are one clone's settings, and
// honouring them would make the editor and CI disagree.

import { compileRawGlob, type Matcher } from '../model/globs';

/** One line of a .gitignore, as a glob relative to the file's folder. */
export interface GitignoreLine {
  glob: string;
  /** A trailing `/`: the line matches folders only. */
  folderOnly: boolean;
  /** A leading `!`: the line brings back what an earlier line left out. */
  negated: boolean;
}

/**
 * A .gitignore's lines as globs: names and paths, `*`/`**` globs, a trailing `/` for folders
 * only, a leading or inner `/` to anchor the line to the file's folder, `!` to negate;
 * `\!` and `\#` start a line with a literal `!` or `#`.
 */
export function gitignoreLines(text: string): GitignoreLine[] {
  const out: GitignoreLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    // The escaped leading character stays escaped: the glob engine reads `\!` and `\#` as the character.
    const folderOnly = line.endsWith('/') && !line.endsWith('\\/');
    if (folderOnly) line = line.slice(0, -1);
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '' || line === '**') continue;
    const glob = anchored || line.startsWith('**/') ? line : `**/${line}`;
    out.push({ glob, folderOnly, negated });
  }
  return out;
}

interface CompiledLine {
  match: Matcher;
  folderOnly: boolean;
  negated: boolean;
}

function parentOf(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  return slash < 0 ? '' : relPath.slice(0, slash);
}

export class GitignoreRules {
  /** By folder ('' is the workspace root): that folder's .gitignore, compiled. */
  private readonly byFolder = new Map<string, CompiledLine[]>();

  /** Takes the .gitignore of `folder` (workspace-relative, '' for the root). */
  add(folder: string, text: string): void {
    const lines = gitignoreLines(text).map((l) => ({ match: compileRawGlob(l.glob, true), folderOnly: l.folderOnly, negated: l.negated }));
    if (lines.length > 0) this.byFolder.set(folder, lines);
  }

  get size(): number {
    return this.byFolder.size;
  }

  /**
   * Whether git leaves out this path, given that no folder above it is left out (the walk
   * asks folder by folder; ignoresPath asks for every folder above too).
   */
  ignores(relPath: string, isFolder: boolean): boolean {
    if (this.byFolder.size === 0) return false;
    for (let folder = parentOf(relPath); ; folder = parentOf(folder)) {
      const lines = this.byFolder.get(folder);
      if (lines) {
        const local = folder === '' ? relPath : relPath.slice(folder.length + 1);
        for (let i = lines.length - 1; i >= 0; i--) {
          const line = lines[i];
          if ((isFolder || !line.folderOnly) && line.match(local)) return !line.negated;
        }
      }
      if (folder === '') return false;
    }
  }

  /** Whether git leaves out this file, or a folder it lies in. */
  ignoresPath(relPath: string): boolean {
    if (this.byFolder.size === 0) return false;
    const segments = relPath.split('/');
    for (let i = 1; i < segments.length; i++) if (this.ignores(segments.slice(0, i).join('/'), true)) return true;
    return this.ignores(relPath, false);
  }
}
