// An in-memory FileSystemPort for unit tests: paths are absolute POSIX, folders implied by files.

import type { FileStat, FileSystemPort } from '../../../src/core/fs/port';

export class MemoryFileSystem implements FileSystemPort {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(p, t);
  }

  async readText(p: string): Promise<string | undefined> {
    return this.files.get(p);
  }

  async readDirectory(p: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    const out = new Map<string, FileStat['kind']>();
    for (const f of this.files.keys()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      out.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    return out.size ? [...out].map(([name, kind]) => ({ name, kind })) : undefined;
  }

  async stat(p: string): Promise<FileStat | undefined> {
    if (this.files.has(p)) return { kind: 'file', size: this.files.get(p)!.length, mtimeMs: 0 };
    return (await this.readDirectory(p)) ? { kind: 'directory', size: 0, mtimeMs: 0 } : undefined;
  }

  async writeAtomic(files: { path: string; text: string }[], options: { remove?: string[] } = {}): Promise<void> {
    for (const r of options.remove ?? []) this.files.delete(r);
    for (const f of files) this.files.set(f.path, f.text);
  }

  async rename(from: string, to: string): Promise<void> {
    const t = this.files.get(from);
    if (t === undefined) throw new Error(`ENOENT: ${from}`);
    this.files.delete(from);
    this.files.set(to, t);
  }
}
