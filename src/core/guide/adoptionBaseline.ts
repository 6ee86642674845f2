// The guide's side of adopting Adrift on existing code: the modules of the answers as the
// engine takes them, and the baseline entries for the module pairs the user baselined on the
// dependencies step. The entries are the engine's own findings under the model the log
// folds to with the guide's planned records accepted, so the first check after writing
// suppresses exactly those imports and reports exactly the rest.

import { addToBaseline, applyBaseline, DEFAULT_BASELINE_REASON, entryFor, type Baseline, type BaselineEntry } from '../engine/baseline';
import type { WorkspaceIndex } from '../engine/index';
import type { Finding, RuleId } from '../findings';
import { foldModel } from '../model/fold';
import { parseRecord } from '../records/parse';
import type { DecisionLog } from '../records/types';
import type { ModuleProposal, ProposedModule } from '../adopt';
import type { BaselineChoice } from './adoption';
import { folderGlob, moduleSlug } from './records';

/** Why a module is proposed, in words for the guide: "npm workspace package @acme/api", "folder under src". */
export function proposalSource(p: ModuleProposal): string {
  const unit = p.unitName ? ` ${p.unitName}` : '';
  switch (p.source) {
    case 'npm-workspace':
      return `npm workspace package${unit}`;
    case 'pnpm-workspace':
      return `pnpm workspace package${unit}`;
    case 'go-module':
      return `Go module${unit}`;
    case 'go-package':
      return `Go package${unit}`;
    case 'python-package':
      return `Python package${unit}`;
    case 'folder': {
      const parent = p.folder.includes('/') ? p.folder.slice(0, p.folder.lastIndexOf('/')) : '';
      return parent ? `folder under ${parent}` : 'top folder';
    }
  }
}

/** A proposal's globs as the modules table's folders: a folder for a whole folder, the glob otherwise. */
export function proposalFolders(p: ModuleProposal): string[] {
  return p.paths.map((g) => (g === folderGlob(p.folder) ? p.folder || '.' : g));
}

/** A module of the answers: its name in the modules table and its folders. */
export interface AnswerModule {
  name: string;
  folders: string[];
}

/** The answers' modules as the engine names them (the record's keys), with the table's name of each. */
export function modulesOfAnswers(modules: readonly AnswerModule[]): { modules: ProposedModule[]; nameOf: Map<string, string> } {
  const out: ProposedModule[] = [];
  const nameOf = new Map<string, string>();
  for (const m of modules) {
    const slug = moduleSlug(m.name);
    const paths = m.folders.map((f) => f.trim()).filter(Boolean).map(folderGlob);
    if (slug === '' || nameOf.has(slug) || paths.length === 0) continue;
    nameOf.set(slug, m.name.trim());
    out.push({ name: slug, paths });
  }
  return { modules: out, nameOf };
}

/** A record the guide is about to write, as a file. */
export interface PlannedFile {
  id: number;
  path: string;
  text: string;
}

export interface GuideBaseline {
  /** New entries, each for one finding of a baselined pair. */
  entries: BaselineEntry[];
  /** The whole baseline to write (the file's entries and the new ones); undefined when nothing is new. */
  baseline: Baseline | undefined;
  /** Entries per baselined pair, by the table's module names. */
  pairs: { from: string; to: string; entries: number; reason: string; expires?: string }[];
  /** What the first check reports from the code once the records are accepted: every finding not in the baseline. */
  flagged: Finding[];
}

/** The findings a pair's choice decides: its imports (against the uses or the layers), and a cycle closed through it. */
const PAIR_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['module-dependency', 'layer-dependency', 'module-cycle']);

/**
 * The baseline entries for `choices` (pairs by the table's module names) under the log with
 * `planned` accepted on top. Findings the file's baseline already accepts keep their entry.
 */
export function guideBaseline(index: WorkspaceIndex, log: DecisionLog, planned: readonly PlannedFile[], choices: readonly BaselineChoice[], options: { previous?: Baseline; today: string }): GuideBaseline {
  const model = foldModel([...log.records, ...planned.map((p) => parseRecord(p.path, p.text))], { preview: planned.map((p) => p.id) });
  const slugs = (c: BaselineChoice) => `${moduleSlug(c.from)}\u0000${moduleSlug(c.to)}`;
  const byPair = new Map(choices.map((c) => [slugs(c), c]));
  const all = index.findingsUnder(model);
  const open = options.previous ? applyBaseline(all, options.previous, options.today).kept : all;
  const entries: BaselineEntry[] = [];
  const counts = new Map<BaselineChoice, number>();
  for (const f of open) {
    if (!PAIR_RULES.has(f.rule) || f.fromModule === undefined || f.toModule === undefined) continue;
    const choice = byPair.get(`${f.fromModule}\u0000${f.toModule}`);
    if (!choice) continue;
    entries.push(entryFor(f, choice.reason.trim() || DEFAULT_BASELINE_REASON, choice.expires || undefined));
    counts.set(choice, (counts.get(choice) ?? 0) + 1);
  }
  const baseline = entries.length > 0 ? addToBaseline(options.previous, entries) : undefined;
  const flagged = baseline ? applyBaseline(open, { entries }, options.today).kept : open;
  const pairs = choices.map((c) => ({ from: c.from, to: c.to, entries: counts.get(c) ?? 0, reason: c.reason.trim() || DEFAULT_BASELINE_REASON, ...(c.expires ? { expires: c.expires } : {}) }));
  return { entries, baseline, pairs, flagged };
}
