// Where a TypeScript/JavaScript import leads: a workspace file (relative paths, tsconfig
// `paths`/`baseUrl` of the nearest tsconfig, package.json `imports`, workspace packages by
// name, mapped to their source), a Node built-in, or an external package by name. Nothing
// is resolved into node_modules. Every lookup is a set probe, memoised.
//
// A workspace package is published built, so its entries, `exports` and the deep imports
// written against it (`@scope/pkg/lib/sub`) name build output. Each is mapped back to the
// file it was built from: through the outDir/declarationDir and rootDir of the package's
// tsconfig files when they have them (the exact inverse of what tsc writes), otherwise by
// the common convention that dist/, lib/, build/, out/ (and esm/, cjs/ … below them) are
// built from src/, or from the package folder itself.

import type { Resolution } from '../../types';
import { NODE_BUILTINS } from './builtins';
import { isRecord } from './jsonc';
import { dirOf, joinRel, type Workspace } from '../../resolve/workspace';
import type { CompilerPaths, PackageInfo, TsConfigs } from './config';

const PROBE_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];
/** `./a.js` written in TypeScript source means `./a.ts` (Node16/NodeNext/bundler style). */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;
/** Imports of these are files, not modules: they resolve to their path without a probe. */
const ASSET_EXTENSION =
  /\.(?:css|scss|sass|less|styl|pcss|svg|png|jpe?g|gif|webp|avif|ico|bmp|json|jsonc|md|mdx|html?|txt|ya?ml|toml|wasm|woff2?|ttf|otf|eot|mp3|mp4|webm|wav|ogg|graphql|gql|vue|svelte|astro|glsl|wgsl|csv|xml)$/i;
/** Build-output folders a package entry may point into while the source sits in src/. */
const OUTPUT_FOLDER = /^(?:dist|build|lib|out|esm|cjs|es|types|typings)(?:\/|$)/;
/** What a compiler writes for a source file: `.js`, `.d.ts`, `.mjs`, `.d.cts` … */
const OUTPUT_EXTENSION = /\.d\.[cm]?ts$|\.[cm]?jsx?$/;

const UNRESOLVED: Resolution = { kind: 'unresolved' };
/** An import of something in the workspace that leads to no file: an edge no rule sees. */
const LOCAL_MISS: Resolution = { kind: 'unresolved', local: true };

export class TsResolver {
  private readonly probes = new Map<string, string | null>();
  private readonly configByDir = new Map<string, CompilerPaths | null>();
  private readonly packageByDir = new Map<string, PackageInfo | null>();
  /** Per importing folder, per specifier as written: a resolution depends on nothing else. */
  private readonly resolved = new Map<string, Map<string, Resolution>>();

  constructor(
    private readonly ws: Workspace,
    private readonly configs: TsConfigs,
  ) {}

  /** Forget memoised probes: the file set changed. */
  invalidate(): void {
    this.probes.clear();
    this.resolved.clear();
  }

  resolve(fromFile: string, written: string): Resolution {
    const fromDir = dirOf(fromFile);
    let inDir = this.resolved.get(fromDir);
    if (inDir === undefined) this.resolved.set(fromDir, (inDir = new Map()));
    let found = inDir.get(written);
    if (found === undefined) inDir.set(written, (found = this.resolveFrom(fromDir, written)));
    return found;
  }

  private resolveFrom(fromDir: string, written: string): Resolution {
    // Bundler suffixes name a way of loading the file, not another file: `./a.svg?raw`.
    const query = written.search(/[?#](?!\/)/);
    const spec = query > 0 && !written.startsWith('#') ? written.slice(0, query) : written;
    if (spec === '') return UNRESOLVED;
    if (spec.startsWith('node:')) return { kind: 'builtin', name: spec };
    if (spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../')) {
      const p = joinRel(fromDir, spec);
      // `../lib/cli` in a package's bin script: its own build output, compiled from src/cli.
      const built = p === undefined || this.probe(p) !== undefined ? undefined : this.builtByEnclosingPackage(p);
      return built !== undefined ? { kind: 'file', path: built } : this.fileOrUnresolved(p);
    }
    if (spec.startsWith('/')) return UNRESOLVED; // an absolute path: machine-specific
    if (spec.startsWith('#')) return this.packageImport(fromDir, spec);
    // `virtual:pwa-register`, `bun:test`, `astro:content`: provided by a tool, never a file.
    const scheme = /^[a-z][\w+.-]*:/i.exec(spec);
    if (scheme) return { kind: 'external', packageName: spec.split('/')[0] };

    const config = this.configFor(fromDir);
    if (config?.paths) {
      const base = config.baseUrl ?? config.pathsBase ?? '';
      const hit = this.matchPaths(config.paths, base, spec);
      if (hit !== undefined) return hit;
    }
    if (config?.baseUrl !== undefined) {
      const found = this.probe(joinRel(config.baseUrl, spec));
      if (found !== undefined && !this.guessShadowsPackage(found, spec)) return { kind: 'file', path: found };
    }
    const name = packageNameOf(spec);
    if (name === undefined) return UNRESOLVED; // '@/x', '~/x': an alias no config defines
    const pkg = this.configs.packagesByName.get(name);
    if (pkg) return this.fileOrUnresolved(this.packageEntry(pkg, spec.slice(name.length + 1)));
    if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(name)) return { kind: 'builtin', name: spec };
    return { kind: 'external', packageName: name };
  }

  /** The file at `p`, or a local miss: `p` was meant to be a workspace file. */
  private fileOrUnresolved(p: string | undefined): Resolution {
    const found = this.probe(p);
    return found === undefined ? LOCAL_MISS : { kind: 'file', path: found };
  }

  private matchPaths(patterns: readonly { prefix: string; suffix?: string; targets: string[] }[], base: string, spec: string): Resolution | undefined {
    for (const pattern of patterns) {
      let captured: string;
      if (pattern.suffix === undefined) {
        if (spec !== pattern.prefix) continue;
        captured = '';
      } else {
        if (!spec.startsWith(pattern.prefix) || !spec.endsWith(pattern.suffix) || spec.length < pattern.prefix.length + pattern.suffix.length) continue;
        captured = spec.slice(pattern.prefix.length, spec.length - pattern.suffix.length);
      }
      for (const target of pattern.targets) {
        const substituted = target.replace('*', captured);
        const found = this.probe(substituted.startsWith('/') ? joinRel('', substituted.slice(1)) : joinRel(base, substituted));
        if (found !== undefined && !this.guessShadowsPackage(found, spec)) return { kind: 'file', path: found };
      }
      // The longest matching pattern decides, as in TypeScript; if none of its targets
      // exists the import may still be a package (e.g. `*` mapped to a local typings folder).
      if (pattern.suffix !== undefined && pattern.prefix === '' && pattern.suffix === '') continue;
      // TypeScript then looks in node_modules, where a workspace package is linked: `@acme/*`
      // mapped to a folder that does not exist still reaches the package `@acme/ui`.
      const name = packageNameOf(spec);
      if (name !== undefined && this.configs.packagesByName.has(name)) return undefined;
      return name === undefined || this.looksLocalAlias(pattern.prefix) ? LOCAL_MISS : undefined;
    }
    return undefined;
  }

  /**
   * An asset path is taken on trust (only source files are listed), so under a baseUrl or
   * a catch-all `paths` pattern `@scope/pkg/logo.png` would look like a file there. When
   * `spec` names a workspace package, only a file that is really there beats the package.
   */
  private guessShadowsPackage(found: string, spec: string): boolean {
    if (this.ws.files.has(found)) return false;
    const name = packageNameOf(spec);
    return name !== undefined && this.configs.packagesByName.has(name);
  }

  /** `@/`, `~/`, `@app/`: a prefix no npm package can have, or one ending in a slash. */
  private looksLocalAlias(prefix: string): boolean {
    return /^[~@#$]\/?$|^[~@#$]?[\w-]*\/$/.test(prefix) && !prefix.startsWith('@types');
  }

  /** package.json `imports` of the nearest package that has them. */
  private packageImport(fromDir: string, spec: string): Resolution {
    for (let d: string | undefined = fromDir; d !== undefined; d = d === '' ? undefined : dirOf(d)) {
      const pkg = this.packageAt(d);
      if (!pkg || !isRecord(pkg.imports)) continue;
      const targets = matchSubpathMap(pkg.imports, spec);
      if (targets === undefined) return LOCAL_MISS;
      for (const target of targets) {
        if (!target.startsWith('./')) {
          // `"#db": "some-package"`: an import of that package.
          const name = packageNameOf(target);
          if (name !== undefined) return NODE_BUILTINS.has(name) ? { kind: 'builtin', name: target } : { kind: 'external', packageName: name };
          continue;
        }
        const found = this.toSource(pkg.dir, target);
        if (found !== undefined) return { kind: 'file', path: found };
      }
      return LOCAL_MISS;
    }
    return LOCAL_MISS;
  }

  /** The source file a workspace package's entry (or `name/sub/path`) stands for. */
  private packageEntry(pkg: PackageInfo, subpath: string): string | undefined {
    if (pkg.exports !== undefined) {
      const key = subpath === '' ? '.' : `./${subpath}`;
      const map = isRecord(pkg.exports) && Object.keys(pkg.exports).some((k) => k.startsWith('.')) ? pkg.exports : { '.': pkg.exports };
      const targets = matchSubpathMap(map, key) ?? [];
      for (const target of targets) {
        const found = this.toSource(pkg.dir, target);
        if (found !== undefined) return found;
      }
    }
    if (subpath !== '') {
      const typed = pkg.typesVersions ? (matchSubpathMap(pkg.typesVersions, subpath) ?? []) : [];
      for (const target of typed) {
        const found = this.toSource(pkg.dir, target);
        if (found !== undefined) return found;
      }
      return this.toSource(pkg.dir, subpath) ?? this.probe(joinRel(pkg.dir, `src/${subpath}`));
    }
    for (const entry of pkg.entries) {
      const found = this.toSource(pkg.dir, entry);
      if (found !== undefined) return found;
    }
    return this.probe(joinRel(pkg.dir, 'src/index')) ?? this.probe(joinRel(pkg.dir, 'index'));
  }

  /**
   * The source file of a path in the package at `dir` (an entry, an `exports` target, a
   * deep import's subpath): what the package's tsconfig compiled into that path if it lies
   * in its build folder, else the file itself, else the source by convention.
   */
  private toSource(dir: string, target: string): string | undefined {
    const p = joinRel(dir, target);
    if (p === undefined) return undefined;
    const built = this.builtFrom(dir, p);
    if (built !== undefined) return built;
    const direct = this.probe(p);
    if (direct !== undefined) return direct;
    // dist/x, dist/esm/x, lib/types/x: strip one build folder after another, most literal first.
    if (dir !== '' && !p.startsWith(`${dir}/`)) return undefined;
    let rest = dir === '' ? p : p.slice(dir.length + 1);
    for (let m = OUTPUT_FOLDER.exec(rest); m; m = OUTPUT_FOLDER.exec(rest)) {
      rest = rest.slice(m[0].length);
      const stem = rest.replace(OUTPUT_EXTENSION, '');
      const found = this.probe(joinRel(dir, stem === '' ? 'src' : `src/${stem}`)) ?? (stem === '' ? undefined : this.probe(joinRel(dir, stem)));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The source file the package at `dir`'s tsconfig compiled into `p`, if `p` is in its build folder. */
  private builtFrom(dir: string, p: string): string | undefined {
    for (const layout of this.configs.buildLayouts.get(dir) ?? []) {
      if (!p.startsWith(`${layout.out}/`)) continue;
      const rest = p.slice(layout.out.length + 1).replace(OUTPUT_EXTENSION, '');
      for (const source of layout.sources) {
        const found = this.probe(joinRel(source, rest));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  /** builtFrom for the nearest package above `p` that has a tsconfig build folder. */
  private builtByEnclosingPackage(p: string): string | undefined {
    for (let d: string | undefined = dirOf(p); d !== undefined; d = d === '' ? undefined : dirOf(d)) {
      if (this.configs.buildLayouts.has(d)) return this.builtFrom(d, p);
      if (this.configs.packagesByDir.has(d)) return undefined;
    }
    return undefined;
  }

  /** A workspace file for `p`: as is, with a source extension, or its index file. */
  probe(p: string | undefined): string | undefined {
    if (p === undefined) return undefined;
    const memo = this.probes.get(p);
    if (memo !== undefined) return memo ?? undefined;
    const found = this.probeUncached(p);
    this.probes.set(p, found ?? null);
    return found;
  }

  private probeUncached(p: string): string | undefined {
    const files = this.ws.files;
    if (p !== '' && files.has(p) && SOURCE_EXTENSION.test(p)) return p;
    const ext = /\.[cm]?jsx?$/.exec(p)?.[0];
    if (ext) {
      const stem = p.slice(0, -ext.length);
      for (const e of SOURCE_FOR_OUTPUT[ext] ?? []) if (files.has(stem + e)) return stem + e;
    }
    if (p !== '') for (const e of PROBE_EXTENSIONS) if (files.has(p + e)) return p + e;
    if (this.ws.dirs.has(p)) {
      const prefix = p === '' ? 'index' : `${p}/index`;
      for (const e of PROBE_EXTENSIONS) if (files.has(prefix + e)) return prefix + e;
    }
    if (ASSET_EXTENSION.test(p)) return p;
    return undefined;
  }

  private configFor(dir: string): CompilerPaths | undefined {
    const memo = this.configByDir.get(dir);
    if (memo !== undefined) return memo ?? undefined;
    const own = this.configs.compilerConfigs.get(dir);
    const found = own ?? (dir === '' ? undefined : this.configFor(dirOf(dir)));
    this.configByDir.set(dir, found ?? null);
    return found;
  }

  private packageAt(dir: string): PackageInfo | undefined {
    const memo = this.packageByDir.get(dir);
    if (memo !== undefined) return memo ?? undefined;
    const found = this.configs.packagesByDir.get(dir);
    this.packageByDir.set(dir, found ?? null);
    return found;
  }
}

/** `react` → react, `@scope/pkg/sub` → @scope/pkg; undefined if no package could be so named. */
export function packageNameOf(spec: string): string | undefined {
  if (spec.startsWith('@')) {
    const m = /^@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*/i.exec(spec);
    return m && (spec.length === m[0].length || spec[m[0].length] === '/') ? m[0] : undefined;
  }
  const m = /^[a-z0-9][\w.-]*/i.exec(spec);
  return m && (spec.length === m[0].length || spec[m[0].length] === '/') ? m[0] : undefined;
}

/**
 * The targets of `key` in an `exports`/`imports` map: exact keys first, then the `*`
 * pattern with the longest prefix; condition objects give every string target in order.
 */
export function matchSubpathMap(map: Record<string, unknown>, key: string): string[] | undefined {
  if (key in map) return conditionTargets(map[key], '');
  let best: { prefix: string; suffix: string; value: unknown } | undefined;
  for (const [k, value] of Object.entries(map)) {
    const star = k.indexOf('*');
    if (star === -1) {
      // Old-style folder mapping: "./utils/": "./src/utils/"
      if (k.endsWith('/') && key.startsWith(k) && (!best || k.length > best.prefix.length)) best = { prefix: k, suffix: '', value };
      continue;
    }
    const prefix = k.slice(0, star);
    const suffix = k.slice(star + 1);
    if (key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length && (!best || prefix.length > best.prefix.length)) {
      best = { prefix, suffix, value };
    }
  }
  if (!best) return undefined;
  const captured = key.slice(best.prefix.length, key.length - best.suffix.length);
  return conditionTargets(best.value, captured);
}

function conditionTargets(value: unknown, captured: string): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8) return;
    if (typeof v === 'string') out.push(v.includes('*') ? v.split('*').join(captured) : v.endsWith('/') ? v + captured : v);
    else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isRecord(v)) for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(value, 0);
  return out;
}
