// Small real workspaces on disk for the adoption tests: a temporary folder with the given files.

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { workspace } from '../cli/run-cli';

export const fs = new NodeFileSystem();

export function tree(files: Record<string, string>): string {
  const root = workspace();
  writeTree(root, files);
  return root.replace(/\\/g, '/');
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}
