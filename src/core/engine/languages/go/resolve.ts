// Where a Go import leads. An import names a package, which is a folder: the edge's target
// is that folder, represented by its first non-test .go file (so the folder's module is the
// module of the files in it). A file belongs to the Go module of the nearest go.mod above
// it; nested modules own their subtree. Within a module, its own path, its `replace`
// directives that point at local folders, and, when a go.work above it `use`s it, every
// module of that go.work (and the go.work's local replaces) lead into the workspace. An
// import whose first path element has no dot is the standard library. Everything else is
// a third-party module, named by the longest `require`d module path that contains it.

import * as path from 'node:path';
import type { ImportRef, Resolution } from '../../types';
import { dirOf, joinRel, type Workspace } from '../../resolve/workspace';
import { parseModFile, type ModFile, type Replace } from './modfile';

const UNRESOLVED: Resolution = { kind: 'unresolved' };
const LOCAL_MISS: Resolution = { kind: 'unresolved', local: true };

/** Folders whose go.mod and .go files the go tool never treats as the workspace's own packages. */
export const IGNORED_GO_FOLDERS = ['vendor', 'testdata'];

/** Go's own test: a standard-library import path's first element has no dot. */
export function isGoStdlib(importPath: string): boolean {
  const first = importPath.split('/')[0];
  return first !== '' && !first.includes('.');
}

interface GoModule {
  /** Workspace-relative folder of its go.mod. */
  dir: string;
  path: string;
  requires: string[];
}

/** A module path that leads to a workspace folder from some module's point of view. */
interface Mapping {
  path: string;
  dir: string;
}

interface GoWork {
  dir: string;
  useDirs: Set<string>;
  replaces: Mapping[];
}

function inIgnoredFolder(rel: string): boolean {
  return rel.split('/').some((s) => IGNORED_GO_FOLDERS.includes(s));
}

export class GoResolver {
  private readonly modulesByDir = new Map<string, GoModule>();
  private readonly localReplaces = new Map<string, Mapping[]>();
  private readonly works: GoWork[] = [];
  private readonly ownerMemo = new Map<string, GoModule | null>();
  private readonly scopeMemo = new Map<string, Mapping[]>();
  private readonly memo = new Map<string, Resolution>();
  private packages: Map<string, string> | undefined;

  constructor(private readonly ws: Workspace) {}

  async load(configFiles: readonly string[]): Promise<void> {
    const mods = configFiles.filter((f) => path.posix.basename(f) === 'go.mod' && !inIgnoredFolder(f));
    const works = configFiles.filter((f) => path.posix.basename(f) === 'go.work' && !inIgnoredFolder(f));
    const texts = await Promise.all([...mods, ...works].map((f) => this.ws.readText(f)));
    mods.forEach((file, i) => {
      const text = texts[i];
      if (text === undefined) return;
      const parsed = this.parse(file, text);
      const dir = dirOf(file);
      if (parsed.module === undefined) {
        this.ws.problem(file, 1, 1, `${file} has no module directive, so imports of its packages are not resolved into its folder`);
        return;
      }
      this.modulesByDir.set(dir, { dir, path: parsed.module, requires: parsed.requires });
      this.localReplaces.set(dir, this.replacesOf(file, dir, parsed.replaces));
    });
    works.forEach((file, i) => {
      const text = texts[mods.length + i];
      if (text === undefined) return;
      const parsed = this.parse(file, text);
      const dir = dirOf(file);
      const useDirs = new Set<string>();
      for (const use of parsed.uses) {
        const target = this.localFolder(dir, use.path);
        if (target === undefined) this.ws.problem(file, use.line, use.column, `use ${use.path} points outside the workspace: Adrift does not follow it, so that module's packages count as third-party`, use.width);
        else useDirs.add(target);
      }
      this.works.push({ dir, useDirs, replaces: this.replacesOf(file, dir, parsed.replaces) });
    });
    // The nearest go.work wins.
    this.works.sort((a, b) => b.dir.length - a.dir.length);
  }

  /** go.mod or go.work, its problems noted at their line and column; the rest of it counts. */
  private parse(file: string, text: string): ModFile {
    const parsed = parseModFile(text);
    for (const p of parsed.problems) this.ws.problem(file, p.line, p.column, p.message, p.length);
    return parsed;
  }

  /** The workspace folder a local path of a directive names, or undefined when it leads out. */
  private localFolder(dir: string, to: string): string | undefined {
    const trimmed = to.replace(/\/+$/, '') || '.';
    if (!trimmed.startsWith('/')) return joinRel(dir, trimmed);
    // An absolute path inside the workspace is still the workspace's.
    return trimmed === this.ws.root ? '' : trimmed.startsWith(`${this.ws.root}/`) ? joinRel('', trimmed.slice(this.ws.root.length + 1)) : undefined;
  }

  private replacesOf(file: string, dir: string, replaces: readonly Replace[]): Mapping[] {
    const out: Mapping[] = [];
    for (const r of replaces) {
      if (!r.local) continue;
      const target = this.localFolder(dir, r.to);
      if (target === undefined) {
        this.ws.problem(file, r.line, r.column, `replace ${r.from} => ${r.to} points outside the workspace: Adrift does not follow it, so imports of ${r.from} count as a third-party module`, r.width);
        continue;
      }
      out.push({ path: r.from, dir: target });
    }
    return out;
  }

  invalidate(): void {
    this.packages = undefined;
    this.memo.clear();
  }

  resolve(fromFile: string, ref: ImportRef): Resolution {
    const fromDir = dirOf(fromFile);
    const key = `${fromDir}\0${ref.specifier}`;
    let result = this.memo.get(key);
    if (result === undefined) {
      result = this.compute(fromDir, ref.specifier);
      this.memo.set(key, result);
    }
    return result;
  }

  private compute(fromDir: string, spec: string): Resolution {
    if (spec === '') return UNRESOLVED;
    // `import "./x"`: only GOPATH mode allowed it; a module build rejects it.
    if (spec.startsWith('./') || spec.startsWith('../')) {
      const dir = joinRel(fromDir, spec);
      const file = dir === undefined ? undefined : this.packageFile(dir);
      return file !== undefined ? { kind: 'file', path: file } : LOCAL_MISS;
    }
    const owner = this.owner(fromDir);
    for (const m of owner ? this.scope(owner) : []) {
      if (spec !== m.path && !spec.startsWith(`${m.path}/`)) continue;
      const dir = joinRel(m.dir, spec.slice(m.path.length + 1));
      if (dir === undefined) continue;
      // A folder of a nested module is that module's, not this one's.
      const ownerOfDir = this.owner(dir);
      const mappedOwner = this.owner(m.dir);
      if (ownerOfDir && mappedOwner && ownerOfDir !== mappedOwner) continue;
      const file = this.packageFile(dir);
      return file !== undefined ? { kind: 'file', path: file } : LOCAL_MISS;
    }
    if (isGoStdlib(spec)) return { kind: 'builtin', name: spec };
    return { kind: 'external', packageName: this.modulePathOf(spec, owner) };
  }

  /** The module of the nearest go.mod at or above `dir`. */
  private owner(dir: string): GoModule | undefined {
    const memo = this.ownerMemo.get(dir);
    if (memo !== undefined) return memo ?? undefined;
    const found = this.modulesByDir.get(dir) ?? (dir === '' ? undefined : this.owner(dirOf(dir)));
    this.ownerMemo.set(dir, found ?? null);
    return found;
  }

  /** The module paths that lead into the workspace from `module`, longest first. */
  private scope(module: GoModule): Mapping[] {
    const memo = this.scopeMemo.get(module.dir);
    if (memo) return memo;
    const out: Mapping[] = [];
    const work = this.works.find((w) => w.useDirs.has(module.dir));
    if (work) {
      // go.work replaces win over the modules' own.
      out.push(...work.replaces);
      for (const dir of work.useDirs) {
        const used = this.modulesByDir.get(dir);
        if (used) out.push({ path: used.path, dir: used.dir });
      }
    }
    out.push({ path: module.path, dir: module.dir });
    out.push(...(this.localReplaces.get(module.dir) ?? []));
    // Longest path first; among equals, the first pushed (go.work, then the module itself).
    const ordered = out.map((m, i) => ({ m, i })).sort((a, b) => b.m.path.length - a.m.path.length || a.i - b.i).map((e) => e.m);
    this.scopeMemo.set(module.dir, ordered);
    return ordered;
  }

  /** The file that stands for the package in `dir`: its first .go file that is not a test, else its first. */
  private packageFile(dir: string): string | undefined {
    if (!this.packages) {
      const byDir = new Map<string, string>();
      const sorted = [...this.ws.files].filter((f) => f.endsWith('.go')).sort();
      for (const f of sorted) {
        const d = dirOf(f);
        const current = byDir.get(d);
        if (current === undefined || (current.endsWith('_test.go') && !f.endsWith('_test.go'))) byDir.set(d, f);
      }
      this.packages = byDir;
    }
    return this.packages.get(dir);
  }

  /**
   * The module a third-party import belongs to: the longest module path the importing
   * module requires that contains it, else the usual shape of a hosting site's paths
   * (github.com/owner/repo, golang.org/x/name, gopkg.in/name.v1), else the whole path.
   */
  private modulePathOf(spec: string, owner: GoModule | undefined): string {
    let best: string | undefined;
    for (const r of owner?.requires ?? []) {
      if ((spec === r || spec.startsWith(`${r}/`)) && (best === undefined || r.length > best.length)) best = r;
    }
    if (best !== undefined) return best;
    const parts = spec.split('/');
    if (parts[0] === 'gopkg.in') {
      const v = parts.findIndex((p, i) => i > 0 && /\.v\d+$/.test(p));
      return parts.slice(0, v === -1 ? 2 : v + 1).join('/');
    }
    if (/^(?:github\.com|gitlab\.com|bitbucket\.org|golang\.org|google\.golang\.org|go\.uber\.org|k8s\.io|sigs\.k8s\.io|cloud\.google\.com|go\.etcd\.io)$/.test(parts[0])) {
      const base = parts[0] === 'golang.org' || parts[0].startsWith('github') || parts[0].startsWith('gitlab') || parts[0].startsWith('bitbucket') ? 3 : 2;
      const take = parts.length > base && /^v\d+$/.test(parts[base]) ? base + 1 : base;
      return parts.slice(0, take).join('/');
    }
    return spec;
  }
}
