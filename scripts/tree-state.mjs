// What `git status` shows of the working tree, with a fingerprint of each listed file, so that
// scripts/test.mjs can tell whether a test run changed the tree (a contributor's own edits
// before the run are in both snapshots and do not count). Plain Node and git.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Parses `git status --porcelain=v1 -z --untracked-files=all`: the paths it lists.
 * @param {string} output
 * @returns {string[]}
 */
export function statusPaths(output) {
  const fields = output.split('\0');
  const paths = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i];
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    // A rename or copy is followed by the path it came from.
    if (entry[0] === 'R' || entry[0] === 'C') paths.push(fields[++i]);
  }
  return paths;
}

function fingerprint(file) {
  let stat;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return 'absent';
  }
  if (stat.isSymbolicLink()) return `link ${fs.readlinkSync(file)}`;
  if (!stat.isFile()) return 'not a file';
  return createHash('sha1').update(fs.readFileSync(file)).digest('hex');
}

/**
 * The listed paths of the tree at `root` and a fingerprint of each; undefined outside git.
 * @param {string} root
 * @returns {Map<string, string> | undefined}
 */
export function treeState(root) {
  const git = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (git.status !== 0) return undefined;
  return new Map(statusPaths(git.stdout).map((p) => [p, fingerprint(path.join(root, p))]));
}

/**
 * The paths whose state differs between two snapshots, sorted.
 * @param {Map<string, string>} before
 * @param {Map<string, string>} after
 * @returns {string[]}
 */
export function changedBetween(before, after) {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}
