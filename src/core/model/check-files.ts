// Reference checks that need the workspace's file list: globs in the decisions that match
// no file (usually a renamed folder), and module globs that overlap so one file would
// belong to two modules. The engine calls this with the files it scanned.

import type { DecisionRef, Finding, Range } from '../findings';
import { languageNames } from '../engine/languages';
import { ModuleMap } from '../engine/modules';
import { eachSliced, unsliced, type Slicer } from '../engine/slice';
import { compileGlob, compileModuleGlob, type CompiledGlob } from './globs';
import type { ArchitectureModel, Sourced } from './types';

function at(decision: DecisionRef): Range {
  return { start: { line: decision.line, column: 0 }, end: { line: decision.line, column: 0 } };
}

function finding(decision: DecisionRef, severity: Finding['severity'], message: string, extra: Partial<Finding> = {}, range: Range = at(decision)): Finding {
  return { rule: 'decision-reference', severity, file: decision.file, range, message, decision, ...extra };
}

/**
 * Files a glob matches that the engine does not read (`.md`, `.html` …), counted by
 * extension: what "matches no source file" can show. Asked only for globs that match none.
 */
export type OtherFilesProbe = (glob: string) => Promise<Map<string, number>>;

/** `matches 12 files but no source file (.md, .json)`: the file types found, the commonest first. */
export function noSourceFile(others: ReadonlyMap<string, number>): string {
  const total = [...others.values()].reduce((a, b) => a + b, 0);
  const types = [...others].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ext]) => ext);
  return `matches ${total} file${total === 1 ? '' : 's'} but no source file (${types.join(', ')})`;
}

/**
 * `files` are workspace-relative, POSIX separators; `slicer` paces the loops over every file
 * (the editor's main thread). In a workspace with no source file at all
 * (records written before the code), no glob is reported as matching nothing: every one
 * would be, and none is a renamed folder.
 */
export async function checkModelAgainstFiles(model: ArchitectureModel, files: readonly string[], otherFiles?: OtherFilesProbe, slicer: Slicer = unsliced): Promise<Finding[]> {
  const out: Finding[] = files.length > 0 ? [...(model.patternFindings ?? [])] : [];
  // Most globs are a folder/** (any file under it matches, so any folder of a file under it
  // does) or one file's path: asked of the few folders and a set, not of every file.
  const fileSet = new Set(files);
  const folderSet = new Set<string>();
  await eachSliced(files, slicer, (f) => folderSet.add(f.slice(0, f.lastIndexOf('/') + 1)));
  const folders = [...folderSet];
  const matchesSome = (g: CompiledGlob): boolean => {
    if (g.wholeFolder) return folders.some((d) => d.startsWith(g.prefix));
    if (g.exact !== undefined) return fileSet.has(g.exact);
    // Only files under the glob's literal folder can match it: the cheap test first.
    return files.some((f) => f.startsWith(g.prefix) && g.match(f));
  };
  const unmatched = async (glob: Sourced<string>, what: string, extra: Partial<Finding> = {}, range = glob.range) => {
    if (files.length === 0 || matchesSome(compileModuleGlob(glob.value))) return;
    const others = otherFiles ? await otherFiles(glob.value) : new Map<string, number>();
    const message =
      others.size > 0
        ? `${what} "${glob.value}" ${noSourceFile(others)}; Adrift checks ${languageNames('and')} files`
        : `${what} "${glob.value}" matches no file in the workspace (a renamed or deleted folder?)`;
    out.push(finding(glob.decision, 'warning', message, extra, range));
  };

  for (const m of model.modules.values()) {
    const sources = m.pathSources ?? m.paths.map((value) => ({ value, decision: m.definedBy }));
    for (const s of sources) await unmatched(s, `module ${m.name}: path`, { fromModule: m.name });
    for (const s of m.publicSources ?? []) await unmatched(s, `module ${m.name}: public entry`, { fromModule: m.name });
  }
  // file → the modules claiming it with equally specific globs, for overlaps; the engine
  // gives a file to the most specific glob, so nested module folders are no overlap.
  const map = ModuleMap.of(model);
  const owners = new Map<string, readonly string[]>();
  await eachSliced(files, slicer, (f) => owners.set(f, map.claimants(f)));
  for (const rule of model.forbiddenImports) {
    await unmatched({ value: rule.value.from, decision: rule.decision }, 'forbidden import: from', {}, rule.fieldRanges?.from);
    await unmatched({ value: rule.value.to, decision: rule.decision }, 'forbidden import: to', {}, rule.fieldRanges?.to);
  }

  const overlaps = new Map<string, string[]>();
  for (const [file, mods] of owners) {
    if (mods.length < 2) continue;
    for (let i = 0; i < mods.length; i++) {
      for (let j = i + 1; j < mods.length; j++) {
        const key = [mods[i], mods[j]].sort().join('\u0000');
        overlaps.set(key, [...(overlaps.get(key) ?? []), file]);
      }
    }
  }
  for (const [key, shared] of overlaps) {
    const [a, b] = key.split('\u0000');
    const ma = model.modules.get(a)!;
    const mb = model.modules.get(b)!;
    // Point at the module declared later: that is where the overlap was introduced.
    const later = mb.definedBy.id >= ma.definedBy.id ? mb : ma;
    const other = later === mb ? ma : mb;
    const sorted = [...shared].sort();
    const more = sorted.length > 1 ? ` and ${sorted.length - 1} more file${sorted.length > 2 ? 's' : ''}` : '';
    const decision = (later.pathSources ?? []).find((s) => sorted.some(compileGlob(s.value)))?.decision ?? later.definedBy;
    out.push(
      finding(decision, 'error', `modules ${later.name} and ${other.name} both claim ${sorted[0]}${more}; a file belongs to one module, so narrow one of the globs`, {
        fromModule: later.name,
        toModule: other.name,
      }),
    );
  }
  return out;
}
