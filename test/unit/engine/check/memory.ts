// An in-memory workspace for engine tests: a file-system port over a map of files, and a
// front end that uses the real extractor with plain relative resolution.

import * as path from 'node:path';
import type { FileStat, FileSystemPort } from '../../../../src/core/fs/port';
import type { ImportResolver, SourceAnalyzer } from '../../../../src/core/engine/analyzer';
import { extractFile } from '../../../../src/core/engine/extract';
import type { ImportRef, Resolution } from '../../../../src/core/engine/types';

export class MemoryFileSystem implements FileSystemPort {
  readonly files = new Map<string, string>();
  /** Files written as bytes (the scan cache). */
  readonly blobs = new Map<string, Uint8Array>();
  reads = 0;

  constructor(root: string, files: Record<string, string>) {
    for (const [rel, text] of Object.entries(files)) this.files.set(path.posix.join(root, rel), text);
  }

  async readText(p: string): Promise<string | undefined> {
    this.reads++;
    return this.files.get(p);
  }

  async readBytes(p: string): Promise<Uint8Array | undefined> {
    const blob = this.blobs.get(p);
    if (blob) return blob;
    const text = await this.readText(p);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }

  async readDirectory(p: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    const prefix = p.endsWith('/') ? p : p + '/';
    const out = new Map<string, FileStat['kind']>();
    for (const f of this.files.keys()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length).split('/');
      out.set(rest[0], rest.length > 1 ? 'directory' : 'file');
    }
    return out.size > 0 ? [...out].map(([name, kind]) => ({ name, kind })) : undefined;
  }

  async stat(p: string): Promise<FileStat | undefined> {
    if (this.files.has(p)) return { kind: 'file', size: this.files.get(p)?.length ?? 0, mtimeMs: 0 };
    const prefix = p.endsWith('/') ? p : p + '/';
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return { kind: 'directory', size: 0, mtimeMs: 0 };
    return undefined;
  }

  async writeAtomic(files: { path: string; text: string }[], options: { remove?: string[] } = {}): Promise<void> {
    for (const r of options.remove ?? []) this.files.delete(r);
    for (const f of files) this.files.set(f.path, f.text);
  }

  async writeBytesAtomic(p: string, bytes: Uint8Array): Promise<void> {
    this.blobs.set(p, bytes.slice());
  }

  async rename(from: string, to: string): Promise<void> {
    const t = this.files.get(from);
    if (t === undefined) throw new Error(`no ${from}`);
    this.files.delete(from);
    this.files.set(to, t);
  }
}

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.js'];

/** The real extractor; relative imports resolved by probing extensions, the rest external. */
export function relativeAnalyzer(fs: MemoryFileSystem, root: string): SourceAnalyzer & { extractions: number } {
  const analyzer = {
    version: 'test',
    extractions: 0,
    async listFiles() {
      const files = [...fs.files.keys()]
        .filter((f) => f.startsWith(root + '/') && !f.includes('/node_modules/') && !f.includes('/docs/'))
        .map((f) => f.slice(root.length + 1))
        .filter((f) => /\.(ts|tsx|js|py)$/.test(f))
        .sort();
      return { files, skipped: [] };
    },
    isSourceFile: (file: string) => /\.(ts|tsx|js|py)$/.test(file),
    extract(file: string, text: string) {
      analyzer.extractions++;
      return extractFile(file, text);
    },
    async createResolver(files: readonly string[]): Promise<ImportResolver> {
      const known = new Set(files);
      return {
        resolve(from: string, ref: ImportRef): Resolution {
          if (!ref.specifier.startsWith('.')) return { kind: 'external', packageName: ref.specifier };
          const base = path.posix.join(path.posix.dirname(from), ref.specifier);
          const hit = EXTENSIONS.map((e) => base + e).find((c) => known.has(c));
          return hit ? { kind: 'file', path: hit } : { kind: 'unresolved' };
        },
        fileAdded: (f) => void known.add(f),
        fileRemoved: (f) => void known.delete(f),
      };
    },
    async dataModels() {
      return [];
    },
  };
  return analyzer;
}
