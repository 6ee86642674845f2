// Finds the integration suites and the workspace each runs against:
//   test/integration/<feature>.test.ts           → a copy of examples/helpdesk
//   test/integration/<example>/<feature>.test.ts → a copy of examples/<example>
// Each suite file gets its own extension host and its own fresh copy of the workspace, so
// a suite that edits records or settings cannot change what another suite sees. Sources are
// listed (not out/), so a suite deleted from test/ does not keep running from a stale
// compiled file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export const defaultWorkspace = 'helpdesk';

export interface SuiteGroup {
  workspace: string;
  /** The suite file, relative to test/integration (for messages). */
  name: string;
  /** Compiled suite files (out/test/integration/...) run together in one extension host. */
  files: string[];
}

const sourceRoot = path.join(repoRoot, 'test', 'integration');
const compiledRoot = path.join(repoRoot, 'out', 'test', 'integration');

export function discoverSuites(filters: readonly string[] = []): SuiteGroup[] {
  const groups: SuiteGroup[] = [];
  const add = (workspace: string, relative: string): void => {
    if (filters.length > 0 && !filters.some((f) => relative.includes(f) || workspace === f)) return;
    const compiled = path.join(compiledRoot, relative.replace(/\.ts$/, '.js'));
    if (!fs.existsSync(compiled)) throw new Error(`${path.join('test/integration', relative)} is not compiled (${compiled} missing): run \`npm run compile\` first.`);
    groups.push({ workspace, name: relative, files: [compiled] });
  };
  for (const entry of fs.readdirSync(sourceRoot, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) add(defaultWorkspace, entry.name);
    if (entry.isDirectory()) {
      for (const file of fs.readdirSync(path.join(sourceRoot, entry.name)).sort()) {
        if (file.endsWith('.test.ts')) add(entry.name, path.join(entry.name, file));
      }
    }
  }
  return groups;
}
