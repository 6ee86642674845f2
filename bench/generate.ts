// Generates the benchmark's synthetic repository: an npm-workspaces monorepo of TypeScript
// packages (one tsconfig per package extending a base with path aliases), a Next.js-style app
// using `@/…` aliases, and a Python service in src layout. The same seed gives the same
// repository byte for byte, so runs compare.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface SyntheticShape {
  packages: number;
  filesPerPackage: number;
  appFiles: number;
  pythonModules: number;
  filesPerPythonModule: number;
  seed: number;
}

export const DEFAULT_SHAPE: SyntheticShape = { packages: 18, filesPerPackage: 500, appFiles: 1000, pythonModules: 10, filesPerPythonModule: 200, seed: 20261127 };

/** DEFAULT_SHAPE (12,000 files) with every per-module count scaled to about `files`. */
export function scaledShape(files: number): SyntheticShape {
  const k = files / 12_000;
  return {
    ...DEFAULT_SHAPE,
    filesPerPackage: Math.round(DEFAULT_SHAPE.filesPerPackage * k),
    appFiles: Math.round(DEFAULT_SHAPE.appFiles * k),
    filesPerPythonModule: Math.round(DEFAULT_SHAPE.filesPerPythonModule * k),
  };
}

export interface SyntheticRepo {
  root: string;
  tsFiles: number;
  pyFiles: number;
  /** Module names, layered: a module may use only modules declared before it. */
  modules: string[];
  /** uses per module, as written to the decision. */
  uses: Map<string, string[]>;
}

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FOLDERS = ['domain', 'service', 'api', 'util', 'internal'];
const EXTERNALS = ['react', 'zod', 'date-fns', 'lodash', '@tanstack/react-query', 'node:fs', 'node:path'];
const PY_EXTERNALS = ['fastapi', 'pydantic', 'sqlalchemy.orm', 'os', 'typing', 'json', 'datetime'];

export function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function body(rand: () => number, name: string): string {
  // Real files have code between the imports; enough that reading them is not free.
  const lines: string[] = [];
  const n = 10 + Math.floor(rand() * 30);
  for (let i = 0; i < n; i++) lines.push(`export function ${name}${i}(input: number): number {\n  const doubled = input * ${i + 2};\n  return doubled > 100 ? doubled - ${i} : doubled + ${i};\n}`);
  return lines.join('\n\n') + '\n';
}

export function generateRepository(root: string, shape: SyntheticShape = DEFAULT_SHAPE): SyntheticRepo {
  rmSync(root, { recursive: true, force: true });
  const rand = random(shape.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const packages = Array.from({ length: shape.packages }, (_, i) => `pkg${String(i).padStart(2, '0')}`);
  const uses = new Map<string, string[]>();
  let tsFiles = 0;
  let pyFiles = 0;

  write(path.join(root, 'package.json'), JSON.stringify({ name: 'synthetic', private: true, workspaces: ['packages/*', 'apps/*'] }, null, 2));
  write(
    path.join(root, 'tsconfig.base.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', baseUrl: '.', paths: { '@acme/*': ['packages/*/src'] } } }, null, 2),
  );
  // The root tsconfig is what a single-config tool (dependency-cruiser) reads: every alias.
  write(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: { paths: { '@acme/*': ['packages/*/src'], '@/*': ['apps/web/src/*'] } } }, null, 2),
  );

  // Packages: each file imports siblings, a few lower-layer packages (mostly allowed), and
  // now and then a higher layer or a private file: the drift both tools must find.
  const filesOf = new Map<string, string[]>();
  packages.forEach((pkg, p) => {
    const allowed = packages.slice(Math.max(0, p - 3), p);
    uses.set(pkg, allowed);
    write(path.join(root, 'packages', pkg, 'package.json'), JSON.stringify({ name: `@acme/${pkg}`, version: '1.0.0', main: 'src/index.ts' }, null, 2));
    write(path.join(root, 'packages', pkg, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }, null, 2));
    const files: string[] = [];
    for (let i = 0; i < shape.filesPerPackage - 1; i++) files.push(`${pick(FOLDERS)}/f${i}`);
    filesOf.set(pkg, files);
    const index = files.slice(0, 8).map((f) => `export * from './${f}';`).join('\n') + '\n';
    write(path.join(root, 'packages', pkg, 'src', 'index.ts'), index);
    tsFiles++;
    files.forEach((f, i) => {
      const imports: string[] = [];
      for (let k = 0; k < 3; k++) {
        const other = files[Math.floor(rand() * files.length)];
        if (other === f) continue;
        let rel = path.posix.relative(path.posix.dirname(f), other);
        if (!rel.startsWith('.')) rel = './' + rel;
        imports.push(`import { f${k} as local${k} } from '${rel}';`);
      }
      const r = rand();
      if (allowed.length > 0 && r < 0.5) imports.push(`import { index as dep } from '@acme/${pick(allowed)}';`);
      else if (r < 0.502 && p + 1 < packages.length) imports.push(`import { index as up } from '@acme/${packages[p + 1]}';`);
      else if (r < 0.504 && allowed.length > 0) {
        const target = pick(allowed);
        imports.push(`import { internal } from '../../../${target}/src/${(filesOf.get(target) ?? [])[1]}';`);
      }
      if (rand() < 0.3) imports.push(`import type { Shape } from '../types';`);
      imports.push(`import ${rand() < 0.5 ? '* as ext' : '{ ext }'} from '${pick(EXTERNALS)}';`);
      write(path.join(root, 'packages', pkg, 'src', `${f}.ts`), imports.join('\n') + '\n\n' + body(rand, `p${i}_`));
      tsFiles++;
    });
    write(path.join(root, 'packages', pkg, 'src', 'types.ts'), 'export interface Shape { id: string }\n');
    tsFiles++;
  });

  // The app: `@/…` aliases of its own tsconfig, and the top-layer packages it may use.
  const appUses = packages.slice(-4);
  uses.set('web', appUses);
  write(path.join(root, 'apps', 'web', 'package.json'), JSON.stringify({ name: '@acme/web', private: true }, null, 2));
  // Its own baseUrl: an inherited one (the base's, at the root) would make these paths root-relative.
  write(path.join(root, 'apps', 'web', 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { baseUrl: '.', paths: { '@acme/*': ['../../packages/*/src'], '@/*': ['./src/*'] } } }, null, 2));
  const appFiles = Array.from({ length: shape.appFiles }, (_, i) => `${pick(['app', 'components', 'lib', 'hooks'])}/a${i}`);
  appFiles.forEach((f, i) => {
    const imports: string[] = [];
    for (let k = 0; k < 3; k++) imports.push(`import { a${k} as local${k} } from '@/${appFiles[Math.floor(rand() * appFiles.length)]}';`);
    const r = rand();
    if (r < 0.4) imports.push(`import { index as dep } from '@acme/${pick(appUses)}';`);
    else if (r < 0.405) imports.push(`import { index as low } from '@acme/${packages[0]}';`);
    imports.push(`import { ext } from '${pick(EXTERNALS)}';`);
    write(path.join(root, 'apps', 'web', 'src', `${f}.tsx`), imports.join('\n') + '\n\n' + body(rand, `a${i}_`));
    tsFiles++;
  });

  // Python: a FastAPI-style service in src layout, absolute and relative imports.
  const pyModules = Array.from({ length: shape.pythonModules }, (_, i) => `mod${i}`);
  write(path.join(root, 'services', 'api', 'pyproject.toml'), '[project]\nname = "acme-api"\nversion = "1.0.0"\n');
  pyModules.forEach((m, p) => {
    const allowed = pyModules.slice(Math.max(0, p - 2), p);
    uses.set(`py-${m}`, allowed.map((a) => `py-${a}`));
    write(path.join(root, 'services', 'api', 'src', 'acme_api', m, '__init__.py'), '');
    pyFiles++;
    for (let i = 0; i < shape.filesPerPythonModule - 1; i++) {
      const lines = [`from . import f${Math.floor(rand() * (shape.filesPerPythonModule - 1))}`];
      const r = rand();
      if (allowed.length > 0 && r < 0.5) lines.push(`from acme_api.${pick(allowed)} import f${Math.floor(rand() * 10)}`);
      else if (r < 0.505 && p + 1 < pyModules.length) lines.push(`from acme_api.${pyModules[p + 1]} import f1`);
      lines.push(`import ${pick(PY_EXTERNALS)}`);
      const defs = Array.from({ length: 10 + Math.floor(rand() * 20) }, (_, k) => `def f_${k}(x: int) -> int:\n    y = x * ${k + 2}\n    return y - ${k} if y > 100 else y + ${k}\n`);
      write(path.join(root, 'services', 'api', 'src', 'acme_api', m, `f${i}.py`), lines.join('\n') + '\n\n\n' + defs.join('\n\n'));
      pyFiles++;
    }
  });

  const modules = [...packages, 'web', ...pyModules.map((m) => `py-${m}`)];
  writeDecision(root, modules, uses, pyModules);
  return { root, tsFiles, pyFiles, modules, uses };
}

function writeDecision(root: string, modules: string[], uses: Map<string, string[]>, pyModules: string[]): void {
  const lines = [
    'id: 1',
    'title: Layer the synthetic packages',
    'status: accepted',
    'date: 2026-11-27',
    'kind: boundaries',
    'enforce:',
    '  undeclared: deny',
    '  modules:',
  ];
  for (const m of modules) {
    let paths: string;
    let pub: string | undefined;
    if (m === 'web') paths = 'apps/web/**';
    else if (m.startsWith('py-')) paths = `services/api/src/acme_api/${m.slice(3)}/**`;
    else {
      paths = `packages/${m}/**`;
      pub = `packages/${m}/src/index.ts`;
    }
    lines.push(`    ${m}:`, `      paths: ["${paths}"]`);
    if (pub) lines.push(`      public: ["${pub}"]`);
    const u = uses.get(m) ?? [];
    if (u.length > 0) lines.push(`      uses: [${u.join(', ')}]`);
  }
  void pyModules;
  write(path.join(root, 'docs', 'adr', '0001-layer-the-synthetic-packages.yaml'), lines.join('\n') + '\n');
}

/** The same module rules as dependency-cruiser `forbidden` rules (TypeScript modules only). */
export function dependencyCruiserConfig(repo: SyntheticRepo): string {
  const pathOf = (m: string): string => (m === 'web' ? '^apps/web/' : `^packages/${m}/`);
  const ts = repo.modules.filter((m) => !m.startsWith('py-'));
  const forbidden = ts.map((m) => {
    const others = ts.filter((o) => o !== m && !(repo.uses.get(m) ?? []).includes(o));
    return {
      name: `module-dependency-${m}`,
      severity: 'error',
      from: { path: pathOf(m) },
      to: { path: `(${others.map(pathOf).join('|')})` },
    };
  });
  const config = {
    forbidden,
    options: {
      doNotFollow: { path: 'node_modules' },
      tsConfig: { fileName: 'tsconfig.json' },
      tsPreCompilationDeps: true,
      enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    },
  };
  return `module.exports = ${JSON.stringify(config, null, 2)};\n`;
}
