// An in-memory FileSystemPort for unit tests: paths are absolute POSIX, folders implied by files.

import type { FileStat, FileSystemPort } from '../../../src/core/fs/port';

export class MemoryFileSystem implements FileSystemPort {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(p, t);
  }

  /** Raw bytes for files whose encoding a test is about (a BOM, Latin-1, UTF-16). */
  readonly bytes = new Map<string, Uint8Array>();

  async readText(p: string): Promise<string | undefined> {
    const raw = this.bytes.get(p);
    return raw ? Buffer.from(raw).toString('utf8') : this.files.get(p);
  }

  /** Files that exist but whose read fails with this error code (EACCES, say). */
  readonly unreadable = new Map<string, string>();

  async readBytes(p: string): Promise<Uint8Array | undefined> {
    const code = this.unreadable.get(p);
    if (code) throw Object.assign(new Error(`${code}: cannot open ${p}`), { code });
    const raw = this.bytes.get(p);
    if (raw) return raw;
    const text = this.files.get(p);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }

  async readDirectory(p: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    const out = new Map<string, FileStat['kind']>();
    for (const f of [...this.files.keys(), ...this.bytes.keys()]) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      out.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    return out.size ? [...out].map(([name, kind]) => ({ name, kind })) : undefined;
  }

  async stat(p: string): Promise<FileStat | undefined> {
    if (this.bytes.has(p)) return { kind: 'file', size: this.bytes.get(p)!.length, mtimeMs: 0 };
    if (this.files.has(p)) return { kind: 'file', size: this.files.get(p)!.length, mtimeMs: 0 };
    return (await this.readDirectory(p)) ? { kind: 'directory', size: 0, mtimeMs: 0 } : undefined;
  }

  async writeAtomic(files: { path: string; text: string }[], options: { remove?: string[] } = {}): Promise<void> {
    for (const r of options.remove ?? []) {
      this.bytes.delete(r);
      this.files.delete(r);
    }
    for (const f of files) {
      this.bytes.delete(f.path);
      this.files.set(f.path, f.text);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const t = this.files.get(from);
    if (t === undefined) throw new Error(`ENOENT: ${from}`);
    this.files.delete(from);
    this.files.set(to, t);
  }
}
