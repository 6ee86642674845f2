// The ratchet (`check --since <ref> --ratchet`): accepted drift may shrink, never grow. Each
// baseline entry and each `adrift-ignore` comment the change added is a finding that names
// it; each baseline entry that matches nothing any more is a note that the drift was fixed
// (`adrift baseline --prune` removes it). Expired entries fail as they always do.

import * as path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import { ZERO_RANGE, type Finding, type Range } from '../findings';
import type { FileSystemPort } from '../fs/port';
import { severityFor } from './rules/severity';
import { describeEntry, type BaselineEntry } from './baseline';
import { readBaseline, type CheckResult } from './check';
import { identity, type ChangeScope } from './since';
import type { WorkspaceIndex } from './index';

/** One `adrift-ignore` comment, where it is. */
export interface SuppressionSite {
  file: string;
  rule: string;
  reason: string;
  range: Range;
}

/** Every suppression comment of the scanned source files. */
export function suppressionSites(index: WorkspaceIndex): SuppressionSite[] {
  return index.sourceFiles().flatMap((file) => (index.factsOf(file)?.extracted.suppressions ?? []).map((c) => ({ file, rule: c.rule, reason: c.reason, range: c.range })));
}

export async function ratchetFindings(fs: FileSystemPort, result: CheckResult, scope: ChangeScope): Promise<Finding[]> {
  const severity = severityFor('ratchet', result.config.severity);
  if (severity === 'off') return [];
  const since = `since ${scope.ref}`;
  // A shard names only its own entries and comments (shard.ts).
  const shard = result.shard?.filter;
  const findings: Finding[] = [];
  const baseFile = await readBaseline(scope.baseFs, result.root, scope.baseResult.config.baseline, false);
  const now = result.baseline;
  const current = now ? await readBaseline(fs, result.root, now.file, true) : undefined;
  if (now && current) {
    const entries = current.baseline.entries;
    const lines = entryRanges((await readText(fs, result.root, now.file)) ?? '');
    const baseEntries = (baseFile?.baseline.entries ?? []).filter((e) => !shard || shard.has({ rule: e.rule, file: scope.renames.get(e.file) ?? e.file }));
    const added = unmatched(entries, baseEntries, (e, renamed) => identity(e, renamed ? scope.renames.get(e.file) : undefined)).filter(([, e]) => !shard || shard.has(e));
    for (const [i, e] of added) {
      findings.push({ rule: 'ratchet', severity, file: now.file, range: lines[i] ?? ZERO_RANGE, message: `baseline entry added ${since}: ${describeEntry(e)}`, fixes: ['fix the code instead of accepting the finding', 'remove the entry'] });
    }
    for (const i of unusedIndexes(entries, now.unused)) {
      findings.push({ rule: 'ratchet', severity: 'info', file: now.file, range: lines[i] ?? ZERO_RANGE, message: `fixed: baseline entry matches nothing any more: ${describeEntry(entries[i])}`, fixes: ['remove it with `adrift baseline --prune`'] });
    }
  }
  const comments = suppressionSites(result.index).filter((c) => !shard || shard.hasFile(c.file));
  const baseComments = suppressionSites(scope.baseResult.index).filter((c) => !shard || shard.hasFile(scope.renames.get(c.file) ?? c.file));
  const addedComments = unmatched(comments, baseComments, (c, renamed) => [renamed ? (scope.renames.get(c.file) ?? c.file) : c.file, c.rule, c.reason.trim()].join('\0'));
  for (const [, c] of addedComments) {
    findings.push({ rule: 'ratchet', severity, file: c.file, range: c.range, message: `suppression added ${since}: adrift-ignore ${c.rule} -- ${c.reason.trim() || '(no reason)'}`, fixes: ['fix the code instead of suppressing the finding', 'remove the comment'] });
  }
  return findings;
}

/**
 * Where the unused entries sit in the file: of the entries with one key, the baseline matches
 * the first ones, so the unused are the last.
 */
function unusedIndexes(entries: readonly BaselineEntry[], unused: readonly BaselineEntry[]): number[] {
  const left = new Map<string, number>();
  for (const e of unused) left.set(identity(e), (left.get(identity(e)) ?? 0) + 1);
  const out: number[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const n = left.get(identity(entries[i])) ?? 0;
    if (n > 0) {
      left.set(identity(entries[i]), n - 1);
      out.unshift(i);
    }
  }
  return out;
}

/** The items of `now` (with their index) that no item of `base` accounts for, one for one. */
function unmatched<T>(now: readonly T[], base: readonly T[], key: (item: T, renamed: boolean) => string): [number, T][] {
  const pool = new Map<string, number>();
  for (const b of base) {
    const k = key(b, true);
    pool.set(k, (pool.get(k) ?? 0) + 1);
  }
  const out: [number, T][] = [];
  now.forEach((item, i) => {
    const k = key(item, false);
    const left = pool.get(k) ?? 0;
    if (left > 0) pool.set(k, left - 1);
    else out.push([i, item]);
  });
  return out;
}

async function readText(fs: FileSystemPort, root: string, file: string): Promise<string | undefined> {
  try {
    return await fs.readText(path.posix.isAbsolute(file) ? file : path.posix.join(root, file));
  } catch {
    return undefined;
  }
}

/** The range of each item of the baseline's `entries` list, in order. */
function entryRanges(text: string): Range[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const entries = isMap(doc.contents) ? doc.contents.get('entries', true) : undefined;
  if (!isSeq(entries)) return [];
  return entries.items.map((item) => {
    const [start = 0, end = start] = (item as { range?: [number, number, number] }).range ?? [];
    const at = (offset: number) => {
      const p = counter.linePos(offset);
      return { line: p.line - 1, column: p.col - 1 };
    };
    return { start: at(start), end: at(end) };
  });
}
