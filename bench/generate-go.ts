// Generates the benchmark's Go service: a root module with nested modules (one go.mod
// each, tied by `replace` directives to local folders), five packages per module, layered
// so that a module may use only the modules before it, and planted drift: every 40th file
// of a low module imports a package of the last module. The same seed gives the same tree.

import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { random, write } from './generate';

export interface GoShape {
  modules: number;
  filesPerPackage: number;
  seed: number;
}

/** 6 modules × 5 packages × 100 files = 3,000 .go files. */
export const DEFAULT_GO_SHAPE: GoShape = { modules: 6, filesPerPackage: 100, seed: 20261202 };

export interface GoRepo {
  root: string;
  goFiles: number;
  /** Imports planted across the layering, as `file → package folder`. */
  plantedEdges: number;
}

const PACKAGES = ['domain', 'store', 'service', 'api', 'internal/util'];
const STDLIB = ['context', 'fmt', 'strings', 'time', 'errors', 'net/http', 'encoding/json', 'database/sql'];
const EXTERNAL = ['github.com/google/uuid', 'go.uber.org/zap', 'github.com/jackc/pgx/v5/pgxpool', 'google.golang.org/grpc'];
const ROOT_PATH = 'bench.dev/svc';

const moduleName = (i: number): string => `m${String(i).padStart(2, '0')}`;

export function generateGoRepository(root: string, shape: GoShape = DEFAULT_GO_SHAPE): GoRepo {
  rmSync(root, { recursive: true, force: true });
  const rand = random(shape.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let goFiles = 0;
  let plantedEdges = 0;
  write(path.join(root, 'go.mod'), `module ${ROOT_PATH}\n\ngo 1.21\n`);
  write(path.join(root, 'cmd/svc/main.go'), `package main\n\nimport (\n\t"fmt"\n\n\t"${ROOT_PATH}/modules/${moduleName(shape.modules - 1)}/api"\n)\n\nfunc main() { fmt.Println(api.Name0) }\n`);
  goFiles++;
  for (let m = 0; m < shape.modules; m++) {
    const name = moduleName(m);
    const modPath = `${ROOT_PATH}/modules/${name}`;
    const replaces = Array.from({ length: shape.modules }, (_, o) => o)
      .filter((o) => o !== m)
      .map((o) => `replace ${ROOT_PATH}/modules/${moduleName(o)} => ../${moduleName(o)}`);
    const requires = EXTERNAL.map((e) => `\t${e === 'github.com/jackc/pgx/v5/pgxpool' ? 'github.com/jackc/pgx/v5' : e} v1.0.0`);
    write(path.join(root, 'modules', name, 'go.mod'), `module ${modPath}\n\ngo 1.21\n\nrequire (\n${requires.join('\n')}\n)\n\n${replaces.join('\n')}\n`);
    for (let p = 0; p < PACKAGES.length; p++) {
      const pkg = PACKAGES[p];
      const pkgName = pkg.split('/').pop()!;
      for (let f = 0; f < shape.filesPerPackage; f++) {
        const imports = new Set<string>();
        imports.add(pick(STDLIB));
        imports.add(pick(STDLIB));
        if (rand() < 0.5) imports.add(pick(EXTERNAL));
        // Same module: packages before this one.
        if (p > 0) imports.add(`${modPath}/${PACKAGES[Math.floor(rand() * p)]}`);
        // A lower module's public packages (domain, service).
        if (m > 0 && rand() < 0.6) imports.add(`${ROOT_PATH}/modules/${moduleName(Math.floor(rand() * m))}/${pick(['domain', 'service'])}`);
        // Planted: a low module reaches up into the last one.
        if (m < shape.modules - 1 && f % 40 === 7 && pkg === 'service') {
          imports.add(`${ROOT_PATH}/modules/${moduleName(shape.modules - 1)}/api`);
          plantedEdges++;
        }
        const lines = [`// Package ${pkgName} is generated for Adrift's benchmark.`, `package ${pkgName}`, '', 'import ('];
        for (const imp of imports) lines.push(`\t${imp.endsWith('/util') ? 'util ' : ''}"${imp}"`);
        lines.push(')', '');
        const n = 8 + Math.floor(rand() * 20);
        for (let i = 0; i < n; i++) {
          lines.push(`// F${f}x${i} doubles its input and adds ${i}.`, `func F${f}x${i}(input int) int {`, `\tdoubled := input * ${i + 2}`, `\tif doubled > 100 {`, `\t\treturn doubled - ${i}`, '\t}', `\treturn doubled + ${i}`, '}', '');
        }
        if (pkg === 'store') lines.push(`const q${f} = \`SELECT id, name FROM ${name}_items WHERE id = $1\``, '');
        write(path.join(root, 'modules', name, pkg, `f${String(f).padStart(3, '0')}.go`), lines.join('\n'));
        goFiles++;
      }
    }
  }
  const decision = [
    'id: 1',
    'title: Layer the Go modules',
    'status: accepted',
    'date: 2026-12-02',
    'kind: boundaries',
    'enforce:',
    '  undeclared: deny',
    '  modules:',
    '    cmd:',
    '      paths: ["cmd/**"]',
    `      uses: [${moduleName(shape.modules - 1)}]`,
  ];
  for (let m = 0; m < shape.modules; m++) {
    decision.push(`    ${moduleName(m)}:`, `      paths: ["modules/${moduleName(m)}/**"]`, `      public: ["modules/${moduleName(m)}/domain", "modules/${moduleName(m)}/service", "modules/${moduleName(m)}/api"]`);
    if (m > 0) decision.push(`      uses: [${Array.from({ length: m }, (_, o) => moduleName(o)).join(', ')}]`);
  }
  write(path.join(root, 'docs', 'adr', '0001-layer-the-go-modules.yaml'), decision.join('\n') + '\n');
  return { root, goFiles, plantedEdges };
}
