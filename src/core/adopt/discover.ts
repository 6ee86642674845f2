// Discovery: the modules a workspace already has, read from its natural units. Workspace
// packages first (npm/yarn `workspaces`, pnpm-workspace.yaml, Go modules, the packages of a
// single Go module, Python packages); for the files none of them holds, the top folders
// under src/, app/, packages/, services/ (or of the root). Each proposal counts the source files it would
// hold, with the engine's own rule for a file two globs claim (the longer literal folder
// wins), so the counts are what a check would see.

import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type { FileSystemPort } from '../fs/port';
import { listSourceFiles, type SourceFileListing } from '../engine/files';
import { ModuleMap } from '../engine/modules';
import { isRecord, parseJsonc } from '../engine/languages/typescript/jsonc';
import { parseModFile } from '../engine/languages/go/modfile';
import { dirOf } from '../engine/resolve/workspace';
import { compileRawGlob, folderGlob } from '../model/globs';
import { modelOfModules, type ProposedModule } from './model';
import { compareText } from '../order';

/** Where a proposal comes from: the kind of unit the workspace declares. */
export type ProposalSource = 'npm-workspace' | 'pnpm-workspace' | 'go-module' | 'go-package' | 'python-package' | 'folder';

export interface ModuleProposal extends ProposedModule {
  /** Source files the module would hold (after more specific proposals took theirs). */
  fileCount: number;
  source: ProposalSource;
  /** Workspace-relative folder of the unit ('' for the root). */
  folder: string;
  /** The unit's own name: a package.json `name`, a Go module or package path, a dotted Python package. */
  unitName?: string;
  /** The file that declares the unit (package.json, go.mod, __init__.py), when there is one. */
  declaredIn?: string;
}

export interface Discovery {
  /** Ranked: most files first, then by name. Names are unique and valid module names. */
  proposals: ModuleProposal[];
  /** Source files of the workspace. */
  files: number;
  /** Source files no proposal holds, with the top folders they are in (most first). */
  unassigned: { count: number; folders: { folder: string; fileCount: number }[] };
  /** The kinds of unit found, in the order they were looked for. */
  sources: ProposalSource[];
}

export interface DiscoverOptions {
  /** `exclude` of .adrift.yaml. */
  exclude?: string[];
  /** `scan_dot_folders` of .adrift.yaml. */
  dotFolders?: boolean;
  /** A listing already made (the editor's scan), so the workspace is not walked again. */
  listing?: SourceFileListing;
}

/** Folders whose children are the modules when no workspace package says otherwise. */
export const MODULE_PARENT_FOLDERS: readonly string[] = ['src', 'app', 'apps', 'packages', 'services', 'libs', 'lib', 'modules'];
/** Go folders that group packages rather than being one: `internal/auth` is the unit, not `internal`. */
const GO_GROUP_FOLDERS = new Set(['internal', 'pkg', 'cmd', 'services', 'apps', 'plugins', 'plugin']);

interface Unit {
  folder: string;
  /** Globs; default the folder and everything below it. */
  paths?: string[];
  source: ProposalSource;
  unitName?: string;
  declaredIn?: string;
  /** Preferred module name before it is made unique. */
  name: string;
}

export async function discoverModules(fs: FileSystemPort, rootIn: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const root = rootIn.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  const listing = options.listing ?? (await listSourceFiles(fs, root, { exclude: options.exclude ?? [], dotFolders: options.dotFolders }));
  const read = async (rel: string): Promise<string | undefined> => fs.readText(path.posix.join(root, rel)).catch(() => undefined);

  const units: Unit[] = [
    ...(await jsWorkspaceUnits(listing, read)),
    ...(await goUnits(listing, read)),
    ...pythonUnits(listing.files),
  ];
  // Files no workspace package holds (a front end beside a Go module, a scripts/ folder)
  // get the folder proposals they would get in a workspace without packages.
  const covered = new ModuleMap(modelOfModules(withFiles(units, listing.files)));
  const loose = listing.files.filter((f) => covered.moduleOf(f) === undefined);
  return rank(withFiles([...units, ...folderUnits(loose)], listing.files), listing.files);
}

// ---- npm, yarn and pnpm workspaces ----

async function jsWorkspaceUnits(listing: SourceFileListing, read: (rel: string) => Promise<string | undefined>): Promise<Unit[]> {
  const globs: { glob: string; source: ProposalSource }[] = [];
  const rootPackage = parseJsonc((await read('package.json')) ?? '');
  if (isRecord(rootPackage)) {
    const ws = rootPackage.workspaces;
    const list = Array.isArray(ws) ? ws : isRecord(ws) && Array.isArray(ws.packages) ? ws.packages : [];
    for (const g of list) if (typeof g === 'string') globs.push({ glob: g, source: 'npm-workspace' });
  }
  const pnpm = (await read('pnpm-workspace.yaml')) ?? (await read('pnpm-workspace.yml'));
  if (pnpm !== undefined) {
    let data: unknown;
    try {
      data = parseDocument(pnpm).toJS();
    } catch {
      data = undefined; // not YAML Adrift can read: no workspace packages from it
    }
    const list = isRecord(data) && Array.isArray(data.packages) ? data.packages : [];
    for (const g of list) if (typeof g === 'string') globs.push({ glob: g, source: 'pnpm-workspace' });
  }
  if (globs.length === 0) return [];
  const include = globs.filter((g) => !g.glob.startsWith('!')).map((g) => ({ ...g, match: compileRawGlob(cleanFolder(g.glob)) }));
  const exclude = globs.filter((g) => g.glob.startsWith('!')).map((g) => compileRawGlob(cleanFolder(g.glob.slice(1))));
  const out: Unit[] = [];
  for (const file of listing.configFiles) {
    if (path.posix.basename(file) !== 'package.json') continue;
    const folder = dirOf(file);
    if (folder === '') continue;
    const hit = include.find((g) => g.match(folder));
    if (!hit || exclude.some((m) => m(folder))) continue;
    const pkg = parseJsonc((await read(file)) ?? '');
    const unitName = isRecord(pkg) && typeof pkg.name === 'string' ? pkg.name : undefined;
    out.push({ folder, source: hit.source, unitName, declaredIn: file, name: unitName ?? path.posix.basename(folder) });
  }
  return out;
}

function cleanFolder(glob: string): string {
  return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}

// ---- Go ----

async function goUnits(listing: SourceFileListing, read: (rel: string) => Promise<string | undefined>): Promise<Unit[]> {
  const mods = listing.configFiles.filter((f) => path.posix.basename(f) === 'go.mod');
  const modules: Unit[] = [];
  for (const file of mods) {
    const folder = dirOf(file);
    const parsed = parseModFile((await read(file)) ?? '');
    const unitName = parsed.module;
    modules.push({ folder, source: 'go-module', unitName, declaredIn: file, name: unitName ? lastSegment(unitName) : path.posix.basename(folder) || 'main' });
  }
  // A module that is the whole repository, or holds it at the root next to others, is split
  // into its packages: there, the packages are the parts. Nested modules stay whole.
  const folders = modules.map((m) => m.folder);
  return modules.flatMap((m) => (modules.length === 1 || m.folder === '' ? goPackages(m, folders, listing.files) : [m]));
}

/**
 * The packages of one Go module, as units. A package is a folder; `internal/x`, `pkg/x`,
 * `cmd/x` group packages, so the unit is one level further down there. Files of modules
 * nested inside it are not its own.
 */
function goPackages(mod: Unit, moduleFolders: readonly string[], files: readonly string[]): Unit[] {
  const prefix = mod.folder === '' ? '' : `${mod.folder}/`;
  const nested = moduleFolders.filter((f) => f !== mod.folder && (prefix === '' || f.startsWith(prefix))).map((f) => `${f}/`);
  const groups = new Map<string, number>();
  let rootFiles = 0;
  for (const file of files) {
    if (!file.endsWith('.go') || !file.startsWith(prefix) || nested.some((n) => file.startsWith(n))) continue;
    const segments = file.slice(prefix.length).split('/').slice(0, -1);
    if (segments.length === 0) {
      rootFiles++;
      continue;
    }
    const depth = GO_GROUP_FOLDERS.has(segments[0]) && segments.length > 1 ? 2 : 1;
    const key = segments.slice(0, depth).join('/');
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  if (groups.size < 2) return [mod];
  const out: Unit[] = [...groups.keys()].map((rel) => ({
    folder: `${prefix}${rel}`,
    source: 'go-package' as const,
    unitName: mod.unitName ? `${mod.unitName}/${rel}` : undefined,
    name: rel.split('/').pop() ?? rel,
  }));
  // The module's root package: its own files only, not the folders below.
  if (rootFiles > 0) out.push({ ...mod, source: 'go-package', paths: [`${prefix}*.go`], declaredIn: undefined });
  return out;
}

// ---- Python ----

/** Package names that hold a project's tests rather than one of its parts. */
const PYTHON_TEST_PACKAGES = new Set(['tests', 'test', 'testing']);

function pythonUnits(files: readonly string[]): Unit[] {
  const packages = new Set(files.filter((f) => path.posix.basename(f) === '__init__.py').map(dirOf));
  const top = [...packages].filter((p) => p !== '' && !packages.has(dirOf(p))).sort();
  if (top.length === 0) return [];
  const unit = (folder: string, base: string): Unit => ({
    folder,
    source: 'python-package',
    unitName: folder.slice(base === '' ? 0 : base.length + 1).replace(/\//g, '.'),
    declaredIn: `${folder}/__init__.py`,
    name: path.posix.basename(folder),
  });
  // Packages at the root or under src/ are the project's; packages in any other folder
  // (docs_src/, examples/ with one package per example) are that folder's, one module.
  const isRoot = (base: string) => base === '' || base === 'src';
  const own = top.filter((p) => isRoot(dirOf(p)));
  const out: Unit[] = [];
  const main = own.filter((p) => !PYTHON_TEST_PACKAGES.has(path.posix.basename(p)));
  for (const pkg of own) {
    const base = dirOf(pkg);
    const subpackages = [...packages].filter((p) => dirOf(p) === pkg).sort();
    // The project's one package (a library: `requests/`, `fastapi/`) is split into its
    // subpackages, the level at which its parts depend on each other; its own modules stay in it.
    if (main.length === 1 && main[0] === pkg && subpackages.length >= 2) out.push(unit(pkg, base), ...subpackages.map((s) => unit(s, base)));
    else out.push(unit(pkg, base));
  }
  for (const folder of [...new Set(top.filter((p) => !isRoot(dirOf(p))).map(dirOf))].sort()) {
    out.push({ folder, source: 'folder', name: path.posix.basename(folder) });
  }
  return out;
}

// ---- Folders ----

function folderUnits(files: readonly string[]): Unit[] {
  const present = (folder: string) => files.some((f) => f.startsWith(`${folder}/`));
  const parents = MODULE_PARENT_FOLDERS.filter(present);
  const children = (parent: string): string[] => {
    const prefix = parent === '' ? '' : `${parent}/`;
    const set = new Set<string>();
    for (const f of files) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length).split('/');
      if (rest.length > 1) set.add(`${prefix}${rest[0]}`);
    }
    return [...set].sort();
  };
  const holdsFiles = (folder: string) => files.some((f) => dirOf(f) === folder);
  // A folder that only groups others (`src/server/` holding `ticket/`, `user/` …) is not a
  // module itself: its folders are, a level or two down.
  const expand = (folder: string, depth: number): string[] => {
    const inner = children(folder);
    if (depth >= 2 || holdsFiles(folder) || inner.length < 2) return [folder];
    return inner.flatMap((c) => expand(c, depth + 1));
  };
  const out: Unit[] = [];
  for (const parent of parents) {
    for (const folder of children(parent)) {
      if (parents.includes(folder)) continue;
      for (const f of expand(folder, 0)) out.push({ folder: f, source: 'folder', name: path.posix.basename(f) });
    }
  }
  if (out.length > 0) return out;
  return children('').flatMap((c) => expand(c, 0)).map((folder) => ({ folder, source: 'folder', name: path.posix.basename(folder) }));
}

// ---- Names, counts and ranking ----

function withFiles(units: Unit[], files: readonly string[]): ModuleProposal[] {
  // Two detectors may name one folder (a Python package that is also an npm package): keep the first.
  const seen = new Set<string>();
  const unique = units.filter((u) => {
    const key = (u.paths ?? [folderGlob(u.folder)]).join('\0');
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const names = uniqueNames(unique);
  const proposals: ModuleProposal[] = unique.map((u, i) => ({
    name: names[i],
    paths: u.paths ?? [folderGlob(u.folder)],
    fileCount: 0,
    source: u.source,
    folder: u.folder,
    ...(u.unitName !== undefined ? { unitName: u.unitName } : {}),
    ...(u.declaredIn !== undefined ? { declaredIn: u.declaredIn } : {}),
  }));
  const counts = countFiles(proposals, files);
  for (const p of proposals) p.fileCount = counts.get(p.name) ?? 0;
  return proposals.filter((p) => p.fileCount > 0);
}

/** Files per module name, as the engine assigns them. */
export function countFiles(modules: readonly ProposedModule[], files: readonly string[]): Map<string, number> {
  const map = new ModuleMap(modelOfModules(modules));
  const counts = new Map<string, number>();
  for (const f of files) {
    const m = map.moduleOf(f);
    if (m !== undefined) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return counts;
}

/** A valid module name (lower-case letters, digits, dashes; a letter first) from any text. */
export function moduleNameOf(text: string): string {
  const clean = text
    .replace(/^@[^/]+\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (clean === '') return 'module';
  return /^[a-z]/.test(clean) ? clean : `m-${clean}`;
}

/** Preferred names, made unique: a clash takes the folder path (`web-api`, `admin-api`), then a number. */
function uniqueNames(units: readonly Unit[]): string[] {
  const first = units.map((u) => moduleNameOf(u.name));
  const clash = (n: string) => first.filter((x) => x === n).length > 1;
  const second = units.map((u, i) => (clash(first[i]) ? moduleNameOf(u.folder === '' ? u.name : `${u.folder}`) : first[i]));
  const used = new Set<string>();
  return second.map((n) => {
    let name = n;
    for (let k = 2; used.has(name); k++) name = `${n}-${k}`;
    used.add(name);
    return name;
  });
}

function rank(proposals: ModuleProposal[], files: readonly string[]): Discovery {
  proposals.sort((a, b) => b.fileCount - a.fileCount || compareText(a.name, b.name));
  const map = new ModuleMap(modelOfModules(proposals));
  const loose = new Map<string, number>();
  let count = 0;
  for (const f of files) {
    if (map.moduleOf(f) !== undefined) continue;
    count++;
    const top = f.includes('/') ? f.slice(0, f.indexOf('/')) : '.';
    loose.set(top, (loose.get(top) ?? 0) + 1);
  }
  const folders = [...loose].map(([folder, fileCount]) => ({ folder, fileCount })).sort((a, b) => b.fileCount - a.fileCount || compareText(a.folder, b.folder));
  const sources = (['npm-workspace', 'pnpm-workspace', 'go-module', 'go-package', 'python-package', 'folder'] as const).filter((s) => proposals.some((p) => p.source === s));
  return { proposals, files: files.length, unassigned: { count, folders }, sources };
}

function lastSegment(p: string): string {
  const parts = p.split('/').filter((s) => !/^v\d+$/.test(s));
  return parts[parts.length - 1] ?? p;
}
