// Finds the integration suites and groups them by the workspace they run against:
//   test/integration/<feature>.test.ts          → a copy of examples/helpdesk
//   test/integration/<example>/<feature>.test.ts → a copy of examples/<example>
// One extension-host run per workspace. Sources are listed (not out/), so a suite deleted
// from test/ does not keep running from a stale compiled file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export const defaultWorkspace = 'helpdesk';

export interface SuiteGroup {
  workspace: string;
  /** Compiled suite files (out/test/integration/...). */
  files: string[];
}

const sourceRoot = path.join(repoRoot, 'test', 'integration');
const compiledRoot = path.join(repoRoot, 'out', 'test', 'integration');

export function discoverSuites(filters: readonly string[] = []): SuiteGroup[] {
  const groups = new Map<string, string[]>();
  const add = (workspace: string, relative: string): void => {
    if (filters.length > 0 && !filters.some((f) => relative.includes(f) || workspace === f)) return;
    const compiled = path.join(compiledRoot, relative.replace(/\.ts$/, '.js'));
    if (!fs.existsSync(compiled)) throw new Error(`${path.join('test/integration', relative)} is not compiled (${compiled} missing): run \`npm run compile\` first.`);
    groups.set(workspace, [...(groups.get(workspace) ?? []), compiled]);
  };
  for (const entry of fs.readdirSync(sourceRoot, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) add(defaultWorkspace, entry.name);
    if (entry.isDirectory()) {
      for (const file of fs.readdirSync(path.join(sourceRoot, entry.name)).sort()) {
        if (file.endsWith('.test.ts')) add(entry.name, path.join(entry.name, file));
      }
    }
  }
  return [...groups].map(([workspace, files]) => ({ workspace, files }));
}
