// Differential test: dependency-cruiser, given the same module rules as `forbidden` rules,
// must find the same violating module-dependency edges (file → file) as Adrift on the
// TypeScript examples. Two independent resolvers agreeing is the evidence that Adrift's
// resolution (tsconfig paths, package.json imports, workspace packages) is right.

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { checkWorkspace } from '../../../src/core/engine/check';
import { NodeFileSystem } from '../../../src/core/fs/node';
import type { ArchitectureModel } from '../../../src/core/model/types';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

interface CruiseViolation {
  from: string;
  to: string;
  rule: { name: string };
}
interface CruiseResult {
  output: { summary: { violations: CruiseViolation[]; totalCruised: number } };
}
type Cruise = (files: string[], options: object, resolveOptions?: object, transpileOptions?: object) => Promise<CruiseResult>;

// dependency-cruiser is an ES module; tsc's CommonJS output would turn import() into require().
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ cruise: Cruise }>;

/**
 * A module's path globs as one regular expression over workspace-relative paths, written
 * the way a dependency-cruiser user would (its safety check refuses picomatch's output).
 */
function modulePattern(globs: string[]): string {
  return globs
    .map((g) => {
      if (!picomatch.scan(g).isGlob) return `^${escape(g)}(/|$)`;
      const parts = g.split(/(\*\*\/|\*\*|\*)/).map((p) => (p === '**/' ? '(.+/)?' : p === '**' ? '.*' : p === '*' ? '[^/]*' : escape(p)));
      return `^${parts.join('')}$`;
    })
    .join('|');
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** The model's module rules, as dependency-cruiser `forbidden` rules. */
export function forbiddenRules(model: ArchitectureModel): object[] {
  const modules = [...model.modules.values()];
  return modules.flatMap((m) => {
    const allowed = new Set([m.name, ...m.uses.map((u) => u.value)]);
    const others = modules.filter((o) => !allowed.has(o.name));
    if (others.length === 0) return [];
    const to: Record<string, unknown> = { path: others.map((o) => modulePattern(o.paths)).join('|') };
    if (model.typeOnly?.value === 'ignore') to.dependencyTypesNot = ['type-only'];
    return [{ name: `module-dependency-${m.name}`, severity: 'error', from: { path: modulePattern(m.paths) }, to }];
  });
}

/** Workspace packages resolve by name to their folder, as npm's symlinks would make them. */
function workspaceAliases(root: string): Record<string, string> {
  const alias: Record<string, string> = {};
  const packages = path.join(root, 'packages');
  if (!existsSync(packages)) return alias;
  for (const dir of readdirSync(packages)) {
    const manifest = path.join(packages, dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
    if (name) alias[name] = path.join(packages, dir);
  }
  return alias;
}

async function cruiseEdges(root: string, model: ArchitectureModel, files: string[]): Promise<{ edges: string[]; cruised: number }> {
  const { cruise } = await importModule('dependency-cruiser');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const tsconfig = path.join(root, 'tsconfig.json');
    const result = await cruise(
      files,
      {
        ruleSet: { forbidden: forbiddenRules(model) },
        validate: true,
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
        ...(existsSync(tsconfig) ? { tsConfig: { fileName: 'tsconfig.json' } } : {}),
      },
      { alias: workspaceAliases(root), extensions: ['.ts', '.tsx', '.js', '.d.ts'] },
    );
    const edges = result.output.summary.violations.filter((v) => v.rule.name.startsWith('module-dependency-')).map((v) => `${v.from} → ${v.to}`);
    return { edges: [...new Set(edges)].sort(), cruised: result.output.summary.totalCruised };
  } finally {
    process.chdir(cwd);
  }
}

describe('differential: Adrift and dependency-cruiser agree on module-dependency edges', function () {
  this.timeout(60_000);
  for (const name of ['helpdesk', 'ci-runner']) {
    it(name, async function () {
      const root = path.join(EXAMPLES, name).replace(/\\/g, '/');
      if (!existsSync(root)) this.skip();
      const result = await checkWorkspace(new NodeFileSystem(), root, { cache: false, baseline: false });
      const adrift = [...new Set(result.index.moduleImports().filter((e) => !e.allowed).map((e) => `${e.file} → ${e.target}`))].sort();
      const ts = result.index.sourceFiles().filter((f) => /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(f));
      const cruised = await cruiseEdges(root, result.model, ts);
      assert.ok(cruised.cruised >= ts.length, `dependency-cruiser read ${cruised.cruised} modules, fewer than the ${ts.length} source files`);
      assert.ok(adrift.length > 0, 'the example has planted module-dependency drift');
      assert.deepEqual(adrift, cruised.edges);
    });
  }
});
