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
