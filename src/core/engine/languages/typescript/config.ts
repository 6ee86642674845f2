// What TypeScript and JavaScript resolution reads from the workspace: its package.json
// files and its tsconfig/jsconfig files (through `extends` and solution-style references),
// read once when the resolver is created.

import * as path from 'node:path';
import { dirOf, joinRel, type Workspace } from '../../resolve/workspace';
import { isRecord, parseJsonc } from './jsonc';
import { compareText } from '../../../order';

const posix = path.posix;

export interface PackageInfo {
  /** Workspace-relative folder ('' for the root). */
  dir: string;
  name?: string;
  exports?: unknown;
  imports?: unknown;
  /** main, module, types, typings: entry points, in the order tried. */
  entries: string[];
  /** `typesVersions`: the subpath map of its first entry (TypeScript's for a package without `exports`). */
  typesVersions?: Record<string, unknown>;
}

/**
 * Where a package's build writes what: files under `out` were compiled from the same
 * relative path under one of `sources` (tried in order). From a tsconfig's outDir or
 * declarationDir, and its rootDir or, without one, the folder its `include` names.
 */
export interface BuildLayout {
  out: string;
  sources: string[];
}

/** A tsconfig's module-resolution settings after `extends`. */
export interface CompilerPaths {
  /** Workspace-relative folder of baseUrl, if set. */
  baseUrl?: string;
  /** `paths` patterns, resolved against baseUrl, else `pathsBase`; a target starting with `/` is workspace-relative. */
  paths?: PathPattern[];
  pathsBase?: string;
  /** Workspace-relative outDir, declarationDir and rootDir, if set. */
  outDir?: string;
  declarationDir?: string;
  rootDir?: string;
  /** The folder every `include` entry lies in (the `include: ["src"]` of most packages). */
  includeRoot?: string;
}

export interface PathPattern {
  prefix: string;
  /** undefined for an exact (star-less) pattern. */
  suffix?: string;
  targets: string[];
}

export class TsConfigs {
  readonly packagesByName = new Map<string, PackageInfo>();
  readonly packagesByDir = new Map<string, PackageInfo>();
  /** tsconfig.json/jsconfig.json per folder, resolved through `extends`. */
  readonly compilerConfigs = new Map<string, CompilerPaths>();
  /** Per package folder: where its tsconfig files (tsconfig.json, tsconfig.build.json …) put the build. */
  readonly buildLayouts = new Map<string, BuildLayout[]>();

  constructor(private readonly ws: Workspace) {}

  async readJson(rel: string): Promise<unknown> {
    const text = await this.ws.readText(rel);
    if (text === undefined) return undefined;
    const value = parseJsonc(text);
    if (value === undefined) this.ws.problem(rel, 1, 1, `${rel} is not valid JSON, so Adrift does not use its settings`);
    return value;
  }

  async load(configFiles: readonly string[]): Promise<void> {
    const packageFiles = configFiles.filter((f) => posix.basename(f) === 'package.json');
    await Promise.all(packageFiles.map((f) => this.loadPackage(f)));
    const compilerFiles = configFiles.filter((f) => {
      const base = posix.basename(f);
      return base === 'tsconfig.json' || (base === 'jsconfig.json' && !configFiles.includes(posix.join(dirOf(f), 'tsconfig.json')));
    });
    await Promise.all(
      compilerFiles.map(async (f) => {
        const loaded = await this.loadCompilerConfig(f, new Set(), dirOf(f));
        if (loaded) this.compilerConfigs.set(dirOf(f), loaded);
      }),
    );
    const buildConfigs = configFiles.filter((f) => /^tsconfig(?:\.[\w-]+)*\.json$/.test(posix.basename(f)) && this.packagesByDir.has(dirOf(f)));
    await Promise.all(
      buildConfigs.map(async (f) => {
        const config = posix.basename(f) === 'tsconfig.json' ? this.compilerConfigs.get(dirOf(f)) : await this.loadCompilerConfig(f, new Set(), dirOf(f));
        if (config) this.addBuildLayouts(dirOf(f), config);
      }),
    );
    for (const layouts of this.buildLayouts.values()) layouts.sort((a, b) => b.out.length - a.out.length || compareText(a.out, b.out));
  }

  /**
   * The build folders of one tsconfig of the package in `dir`. Without rootDir, tsc takes
   * the folder common to its inputs: the `include` folder, else src/ or the package itself.
   */
  private addBuildLayouts(dir: string, config: CompilerPaths): void {
    const sources = config.rootDir !== undefined ? [config.rootDir] : [...new Set([config.includeRoot, joinRel(dir, 'src'), dir].filter((d): d is string => d !== undefined))];
    const layouts = this.buildLayouts.get(dir) ?? [];
    for (const out of [config.outDir, config.declarationDir]) {
      // Only a build folder inside the package is reached through the package's name.
      if (out === undefined || !out.startsWith(dir === '' ? '' : `${dir}/`) || out === dir) continue;
      if (!layouts.some((l) => l.out === out && l.sources.join() === sources.join())) layouts.push({ out, sources });
    }
    if (layouts.length > 0) this.buildLayouts.set(dir, layouts);
  }

  private async loadPackage(file: string): Promise<void> {
    const json = await this.readJson(file);
    if (!isRecord(json)) return;
    const dir = dirOf(file);
    const entries: string[] = [];
    for (const key of ['types', 'typings', 'module', 'main', 'source']) {
      const v = json[key];
      if (typeof v === 'string') entries.push(v);
    }
    const info: PackageInfo = { dir, entries, exports: json.exports, imports: json.imports };
    if (isRecord(json.typesVersions)) {
      const first = Object.values(json.typesVersions).find(isRecord);
      if (first) info.typesVersions = first;
    }
    if (typeof json.name === 'string') {
      info.name = json.name;
      // Two packages of one name: the shallower one (usually the real one, not a fixture) wins.
      const existing = this.packagesByName.get(json.name);
      if (!existing || existing.dir.split('/').length > dir.split('/').length) this.packagesByName.set(json.name, info);
    }
    this.packagesByDir.set(dir, info);
  }

  /**
   * Reads a tsconfig and what it extends. `paths` are relative to the baseUrl in effect or,
   * without one, to the folder of the config that declared them (as TypeScript does).
   */
  private async loadCompilerConfig(file: string, seen: Set<string>, leafDir: string): Promise<CompilerPaths | undefined> {
    if (seen.has(file) || seen.size > 20) return undefined;
    seen.add(file);
    const json = await this.readJson(file);
    if (!isRecord(json)) return undefined;
    const dir = dirOf(file);
    let result: CompilerPaths = {};
    const ext = json.extends;
    const bases = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e): e is string => typeof e === 'string') : [];
    for (const base of bases) {
      const baseFile = await this.findExtendedConfig(dir, base);
      if (baseFile === undefined) {
        this.ws.problem(file, 1, 1, `extends "${base}", which is not in the workspace: Adrift does not use its settings`);
        continue;
      }
      const inherited = await this.loadCompilerConfig(baseFile, seen, leafDir);
      if (inherited) result = { ...result, ...definedOnly(inherited) };
    }
    const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
    if (typeof options.baseUrl === 'string') {
      const baseUrl = options.baseUrl.startsWith(CONFIG_DIR) ? joinRel(leafDir, `.${options.baseUrl.slice(CONFIG_DIR.length)}`) : joinRel(dir, options.baseUrl);
      if (baseUrl !== undefined) result.baseUrl = baseUrl;
    }
    if (isRecord(options.paths)) {
      result.paths = compilePaths(options.paths, leafDir);
      result.pathsBase = dir;
    }
    // Paths in a config are relative to the config that writes them (`${configDir}`: to the leaf).
    const configPath = (value: unknown): string | undefined =>
      typeof value !== 'string' ? undefined : value.startsWith(CONFIG_DIR) ? joinRel(leafDir, `.${value.slice(CONFIG_DIR.length)}`) : joinRel(dir, value);
    for (const key of ['outDir', 'declarationDir', 'rootDir'] as const) {
      const value = configPath(options[key]);
      if (value !== undefined) result[key] = value;
    }
    if (Array.isArray(json.include)) {
      const roots = json.include.map((entry) => configPath(typeof entry === 'string' ? staticFolderOf(entry) : undefined));
      const first = roots[0];
      if (first !== undefined && roots.every((r) => r === first)) result.includeRoot = first;
    }
    // Solution-style configs keep their settings in the configs they reference.
    if (result.paths === undefined && result.baseUrl === undefined && Array.isArray(json.references)) {
      for (const ref of json.references) {
        if (!isRecord(ref) || typeof ref.path !== 'string') continue;
        let target = joinRel(dir, ref.path);
        if (target === undefined) continue;
        if (!target.endsWith('.json')) target = posix.join(target, 'tsconfig.json');
        if (dirOf(target) !== dir) continue; // another project's settings are its own
        const referenced = await this.loadCompilerConfig(target, seen, dirOf(target));
        if (referenced && (referenced.paths || referenced.baseUrl !== undefined)) {
          result = { ...result, ...definedOnly(referenced) };
          break;
        }
      }
    }
    return result;
  }

  private async findExtendedConfig(dir: string, spec: string): Promise<string | undefined> {
    const candidates: string[] = [];
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const p = spec.startsWith('/') ? undefined : joinRel(dir, spec);
      if (p !== undefined) candidates.push(p, `${p}.json`, `${p}/tsconfig.json`);
    } else {
      const scoped = spec.startsWith('@');
      const parts = spec.split('/');
      const name = parts.slice(0, scoped ? 2 : 1).join('/');
      const sub = parts.slice(scoped ? 2 : 1).join('/');
      const dirs: string[] = [];
      const pkg = this.packagesByName.get(name);
      if (pkg) dirs.push(pkg.dir);
      // A package installed beside the config (or above it): reading its tsconfig is
      // harmless, only imports are never resolved into node_modules.
      for (let d: string | undefined = dir; d !== undefined; d = d === '' ? undefined : dirOf(d)) {
        dirs.push(joinRel(d, `node_modules/${name}`) ?? `node_modules/${name}`);
      }
      for (const d of dirs) {
        if (sub === '') candidates.push(posix.join(d, 'tsconfig.json'));
        else candidates.push(posix.join(d, sub), posix.join(d, `${sub}.json`), posix.join(d, sub, 'tsconfig.json'));
      }
    }
    for (const c of candidates) {
      if (await this.ws.isFile(c)) return c;
    }
    return undefined;
  }
}

function definedOnly(c: CompilerPaths): CompilerPaths {
  const out: CompilerPaths = {};
  if (c.baseUrl !== undefined) out.baseUrl = c.baseUrl;
  if (c.paths !== undefined) {
    out.paths = c.paths;
    out.pathsBase = c.pathsBase;
  }
  for (const key of ['outDir', 'declarationDir', 'rootDir', 'includeRoot'] as const) if (c[key] !== undefined) out[key] = c[key];
  return out;
}

/** The part of an include glob before any wildcard, as a folder: `src` for src and src/ any glob, '.' for `*.ts`. */
function staticFolderOf(entry: string): string {
  const parts = entry.split('/');
  const wild = parts.findIndex((p) => /[*?{[]/.test(p));
  const fixed = wild === -1 ? parts : parts.slice(0, wild);
  // A last segment with a source extension is a file: its folder is the root.
  if (wild === -1 && /\.[cm]?[jt]sx?$/.test(fixed[fixed.length - 1] ?? '')) fixed.pop();
  return fixed.length === 0 ? '.' : fixed.join('/');
}

/**
 * TypeScript 5.5's `${configDir}`: the folder of the tsconfig in use, not of the shared
 * base that wrote it. Targets starting with it become workspace-relative, marked by a
 * leading `/`.
 */
const CONFIG_DIR = '${configDir}';

function compilePaths(paths: Record<string, unknown>, leafDir: string): PathPattern[] {
  const out: PathPattern[] = [];
  for (const [key, value] of Object.entries(paths)) {
    const targets = (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []).map((t) =>
      t.startsWith(CONFIG_DIR) ? `/${joinRel(leafDir, `.${t.slice(CONFIG_DIR.length)}`) ?? ''}` : t,
    );
    const star = key.indexOf('*');
    if (star === -1) out.push({ prefix: key, targets });
    else out.push({ prefix: key.slice(0, star), suffix: key.slice(star + 1), targets });
  }
  // TypeScript prefers the pattern with the longest prefix; exact patterns win outright.
  out.sort((a, b) => (a.suffix === undefined ? -1 : 0) - (b.suffix === undefined ? -1 : 0) || b.prefix.length - a.prefix.length);
  return out;
}
