// Go's own parser as the oracle for Adrift's Go extraction: runs
// test/fixtures/engine/go-oracle/imports.go (go/parser, ImportsOnly) over a folder and
// compares each file's import paths with what Adrift extracts. Needs the `go` command
// (Debian's golang-go, installed by .ci/run and scripts/prerequisites.mjs); the product
// itself never does.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extractFile } from '../../../../src/core/engine/extract';
import { listSourceFiles } from '../../../../src/core/engine/files';
import { createResolver } from '../../../../src/core/engine/resolve';
import { NodeFileSystem } from '../../../../src/core/fs/node';

const ORACLE = path.resolve(__dirname, '../../../../../test/fixtures/engine/go-oracle/imports.go');
const ORACLE_SOURCE = path.resolve(__dirname, '../../../../test/fixtures/engine/go-oracle/imports.go');

/** The oracle's source, wherever the test runs from (compiled under out/ or from source). */
function oracleFile(): string {
  for (const p of [ORACLE, ORACLE_SOURCE, path.resolve('test/fixtures/engine/go-oracle/imports.go')]) {
    try {
      readFileSync(p);
      return p;
    } catch {
      // try the next place
    }
  }
  throw new Error('test/fixtures/engine/go-oracle/imports.go not found');
}

/** The `go` command's version line, or undefined when Go is not installed. */
export function goVersion(): string | undefined {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export interface OracleFile {
  file: string;
  imports: string[];
  /** Per import, the workspace folder of the package it names ('.' for the root), or ''. */
  dirs: string[];
  error?: string;
}

function goEnv(): NodeJS.ProcessEnv {
  const cache = path.join(tmpdir(), 'adrift-go-oracle-cache');
  mkdirSync(cache, { recursive: true });
  // Outside a module and offline: the oracle uses the standard library only.
  return { ...process.env, GOCACHE: process.env.GOCACHE ?? cache, GOFLAGS: '', GO111MODULE: 'off', GOTOOLCHAIN: 'local' };
}

/** Every .go file under `root` (vendor/ and testdata/ left out), with go/parser's imports. */
export function oracleImports(root: string): OracleFile[] {
  const out = execFileSync('go', ['run', oracleFile(), root], { encoding: 'utf8', env: goEnv(), maxBuffer: 1 << 28, cwd: tmpdir() });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as OracleFile);
}

export interface Mismatch {
  file: string;
  oracle: string[];
  adrift: string[];
}

export interface Comparison {
  files: number;
  imports: number;
  /** Files go/parser could not parse: not compared. */
  parseErrors: number;
  /** Files Adrift skipped (too large, not UTF-8 …): not compared. */
  skipped: number;
  mismatches: Mismatch[];
}

/** Compares go/parser's imports of each file (without cgo's "C") with Adrift's, in order. */
export function compareWithOracle(root: string, oracle: OracleFile[]): Comparison {
  const result: Comparison = { files: 0, imports: 0, parseErrors: 0, skipped: 0, mismatches: [] };
  for (const entry of oracle) {
    if (entry.error) {
      result.parseErrors++;
      continue;
    }
    const extracted = extractFile(entry.file, readFileSync(path.join(root, entry.file), 'utf8'));
    if ('skipped' in extracted) {
      result.skipped++;
      continue;
    }
    const expected = entry.imports.filter((p) => p !== 'C');
    const actual = extracted.imports.map((i) => i.specifier);
    result.files++;
    result.imports += expected.length;
    if (expected.join('\n') !== actual.join('\n')) result.mismatches.push({ file: entry.file, oracle: expected, adrift: actual });
  }
  return result;
}

export interface EdgeComparison {
  /** Distinct file → package-folder edges the oracle finds. */
  edges: number;
  /** Edges only one side has, as `file → folder`. */
  onlyOracle: string[];
  onlyAdrift: string[];
  /** Imports whose package is in the workspace by its module path but that lead to no folder. */
  unresolvedLocal: number;
}

/** Compares the file → package-folder edges of the oracle with Adrift's resolution. */
export async function compareEdges(root: string, oracle: OracleFile[]): Promise<EdgeComparison> {
  const fs = new NodeFileSystem();
  const listing = await listSourceFiles(fs, root);
  const resolver = await createResolver(fs, root, listing.files, { configFiles: listing.configFiles });
  const result: EdgeComparison = { edges: 0, onlyOracle: [], onlyAdrift: [], unresolvedLocal: 0 };
  for (const entry of oracle) {
    if (entry.error) continue;
    const expected = new Set(entry.dirs.filter((d, i) => d !== '' && entry.imports[i] !== 'C'));
    const extracted = extractFile(entry.file, readFileSync(path.join(root, entry.file), 'utf8'));
    if ('skipped' in extracted) continue;
    const actual = new Set<string>();
    for (const ref of extracted.imports) {
      const r = resolver.resolve(entry.file, ref);
      if (r.kind === 'file') actual.add(path.posix.dirname(r.path));
      else if (r.kind === 'unresolved' && r.local) result.unresolvedLocal++;
    }
    result.edges += expected.size;
    for (const d of expected) if (!actual.has(d)) result.onlyOracle.push(`${entry.file} → ${d}`);
    for (const d of actual) if (!expected.has(d)) result.onlyAdrift.push(`${entry.file} → ${d}`);
  }
  return result;
}
