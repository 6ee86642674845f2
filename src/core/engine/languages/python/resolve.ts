// Where a Python import leads. Package roots are found from the files themselves: the
// folder above the outermost package (a folder with __init__.py) of each file, the folders
// of pyproject.toml/setup.py/setup.cfg and their src/, the workspace root, and the
// importing file's own folder (Python puts a script's folder on sys.path).
// `from pkg import name` leads to pkg/name.py when that submodule exists.

import type { ImportRef, Resolution } from '../../types';
import { PYTHON_STDLIB } from './stdlib';
import { dirOf, type Workspace } from '../../resolve/workspace';
import { compareText } from '../../../order';

const UNRESOLVED: Resolution = { kind: 'unresolved' };
/** A relative import or one of a workspace package that leads to no module: an edge no rule sees. */
const LOCAL_MISS: Resolution = { kind: 'unresolved', local: true };

export class PyResolver {
  private roots: string[] | undefined;
  private readonly rootsByDir = new Map<string, string[]>();
  private readonly memo = new Map<string, Resolution[]>();

  /**
   * @param projects folders with a pyproject.toml, setup.py or setup.cfg
   */
  constructor(
    private readonly ws: Workspace,
    private readonly projects: ReadonlySet<string>,
  ) {}

  invalidate(): void {
    this.roots = undefined;
    this.rootsByDir.clear();
    this.memo.clear();
  }

  /** Every file the import leads to: the module, and each imported name that is a submodule. */
  resolveAll(fromFile: string, ref: ImportRef): Resolution[] {
    const fromDir = dirOf(fromFile);
    const names = ref.names ?? [];
    const key = `${fromDir}\0${ref.specifier}\0${names.join(',')}`;
    let result = this.memo.get(key);
    if (result === undefined) {
      result = this.compute(fromDir, ref.specifier, names);
      this.memo.set(key, result);
    }
    return result;
  }

  resolve(fromFile: string, ref: ImportRef): Resolution {
    return this.resolveAll(fromFile, ref)[0];
  }

  private compute(fromDir: string, spec: string, names: readonly string[]): Resolution[] {
    const level = /^\.*/.exec(spec)![0].length;
    const dotted = spec.slice(level);
    const parts = dotted === '' ? [] : dotted.split('.');
    if (level > 0) {
      let base: string | undefined = fromDir;
      for (let i = 1; i < level && base !== undefined; i++) base = base === '' ? undefined : dirOf(base);
      if (base === undefined) return [LOCAL_MISS];
      return this.fromModuleAt(base, parts, names) ?? [LOCAL_MISS];
    }
    if (parts.length === 0) return [UNRESOLVED];
    const roots = this.rootsFor(fromDir);
    // A workspace module or regular package shadows the standard library, as the folder
    // of the running script does on sys.path (a Django app named `calendar`).
    for (const root of roots) {
      const top = join(root, parts[0]);
      if (!this.isModuleFile(top) && !this.isPackage(top)) continue;
      const found = this.fromModuleAt(root, parts, names);
      if (found) return found;
    }
    if (PYTHON_STDLIB.has(parts[0])) return [{ kind: 'builtin', name: dotted }];
    // Namespace packages: folders without __init__.py.
    let local = false;
    for (const root of roots) {
      if (!this.ws.dirs.has(join(root, parts[0]))) continue;
      local = true;
      const found = this.fromModuleAt(root, parts, names);
      if (found) return found;
    }
    for (const root of roots) if (this.isModuleFile(join(root, parts[0])) || this.isPackage(join(root, parts[0]))) local = true;
    return local ? [LOCAL_MISS] : [{ kind: 'external', packageName: parts[0] }];
  }

  /** The module `parts` under `base` plus the submodules among `names`, or undefined. */
  private fromModuleAt(base: string, parts: readonly string[], names: readonly string[]): Resolution[] | undefined {
    const modulePath = parts.reduce((p, part) => join(p, part), base);
    const moduleFile = this.moduleFile(modulePath);
    const submodules: Resolution[] = [];
    let plainNames = false;
    if (this.ws.dirs.has(modulePath) || modulePath === '') {
      for (const name of names) {
        const sub = name === '*' ? undefined : this.moduleFile(join(modulePath, name));
        if (sub !== undefined) submodules.push({ kind: 'file', path: sub });
        else plainNames = true;
      }
    } else plainNames = true;
    if (moduleFile === undefined && submodules.length === 0) return undefined;
    const out: Resolution[] = [];
    // The first imported name decides which file `resolve` reports.
    const firstIsSubmodule = names.length > 0 && names[0] !== '*' && submodules.length > 0 && this.moduleFile(join(modulePath, names[0])) !== undefined;
    if (firstIsSubmodule) out.push(...submodules);
    if (moduleFile !== undefined && (plainNames || names.length === 0)) out.push({ kind: 'file', path: moduleFile });
    if (!firstIsSubmodule) out.push(...submodules);
    return out;
  }

  /** `a/b` → a/b.py, a/b.pyi or a/b/__init__.py(i), if in the workspace. */
  private moduleFile(p: string): string | undefined {
    const files = this.ws.files;
    if (p !== '') {
      if (files.has(`${p}.py`)) return `${p}.py`;
      if (files.has(`${p}.pyi`)) return `${p}.pyi`;
    }
    const init = join(p, '__init__.py');
    if (files.has(init)) return init;
    if (files.has(`${init}i`)) return `${init}i`;
    return undefined;
  }

  private isModuleFile(p: string): boolean {
    return this.ws.files.has(`${p}.py`) || this.ws.files.has(`${p}.pyi`);
  }

  private isPackage(dir: string): boolean {
    return this.ws.files.has(join(dir, '__init__.py')) || this.ws.files.has(join(dir, '__init__.pyi'));
  }

  /** Roots in the order they are tried for a file in `dir`. */
  private rootsFor(dir: string): string[] {
    const memo = this.rootsByDir.get(dir);
    if (memo) return memo;
    const ordered: string[] = [];
    const add = (r: string): void => {
      if (!ordered.includes(r)) ordered.push(r);
    };
    add(this.packageRootOf(dir));
    // Project roots above the file, nearest first, with their src/ layout.
    for (let d: string | undefined = dir; d !== undefined; d = d === '' ? undefined : dirOf(d)) {
      if (this.projects.has(d)) {
        if (this.ws.dirs.has(join(d, 'src'))) add(join(d, 'src'));
        add(d);
      }
    }
    for (const r of this.allRoots()) add(r);
    add('');
    // A script's own folder is on sys.path; a package's folder is not.
    if (!this.isPackage(dir)) add(dir);
    this.rootsByDir.set(dir, ordered);
    return ordered;
  }

  /** The folder above the outermost package containing `dir` (or `dir` itself). */
  private packageRootOf(dir: string): string {
    let d = dir;
    while (d !== '' && this.isPackage(d)) d = dirOf(d);
    return d;
  }

  private allRoots(): string[] {
    if (this.roots) return this.roots;
    const roots = new Set<string>();
    for (const project of this.projects) {
      if (this.ws.dirs.has(join(project, 'src'))) roots.add(join(project, 'src'));
      roots.add(project);
    }
    const seenDirs = new Set<string>();
    for (const f of this.ws.files) {
      if (!f.endsWith('.py') && !f.endsWith('.pyi')) continue;
      const d = dirOf(f);
      if (seenDirs.has(d)) continue;
      seenDirs.add(d);
      if (this.isPackage(d)) roots.add(this.packageRootOf(d));
    }
    // Shallow roots first: they are the likeliest homes of top-level packages.
    this.roots = [...roots].sort((a, b) => depth(a) - depth(b) || compareText(a, b));
    return this.roots;
  }
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function depth(p: string): number {
  return p === '' ? 0 : p.split('/').length;
}
