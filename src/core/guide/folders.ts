// Folder suggestions for modules and parts: the workspace's real folders, a few levels deep,
// without build output, dependencies and hidden folders.

import type { FileSystemPort } from '../fs/port';

const SKIPPED = new Set(['node_modules', 'dist', 'out', 'build', 'coverage', 'target', 'vendor', '__pycache__', 'venv', '.venv', 'env', 'site-packages']);

export interface FolderOptions {
  /** How many levels below the root to list (default 3). */
  depth?: number;
  /** At most this many folders (default 300), breadth first so shallow folders come first. */
  limit?: number;
}

/** Workspace-relative POSIX folder paths, shallow first, each level sorted by name. */
export async function workspaceFolders(fs: FileSystemPort, root: string, opts: FolderOptions = {}): Promise<string[]> {
  const depth = opts.depth ?? 3;
  const limit = opts.limit ?? 300;
  const base = root.replace(/\/+$/, '');
  const out: string[] = [];
  let level = [''];
  for (let d = 0; d < depth && level.length > 0 && out.length < limit; d++) {
    const next: string[] = [];
    for (const rel of level) {
      let entries: Awaited<ReturnType<FileSystemPort['readDirectory']>>;
      try {
        entries = await fs.readDirectory(rel ? `${base}/${rel}` : base);
      } catch {
        continue; // an unreadable folder simply offers no suggestions
      }
      const names = (entries ?? [])
        .filter((e) => e.kind === 'directory' && !e.name.startsWith('.') && !SKIPPED.has(e.name))
        .map((e) => e.name)
        .sort();
      for (const name of names) {
        if (out.length >= limit) break;
        const path = rel ? `${rel}/${name}` : name;
        out.push(path);
        next.push(path);
      }
    }
    level = next;
  }
  return out;
}
