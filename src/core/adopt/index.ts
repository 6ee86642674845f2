// Adopting Adrift on code that exists. The API the CLI (`init --from-code`, `sync`) and the
// guide's "Discover from code" and dependencies step share; everything is plain data in and
// out, and the caller writes the files.
//
//   discoverModules(fs, root, { exclude?, dotFolders?, listing? }) → Discovery
//     { proposals: ModuleProposal[] ranked by fileCount, files, unassigned, sources }
//     ModuleProposal = { name, paths (globs), fileCount, source, folder, unitName?, declaredIn?, description? }
//     source: 'npm-workspace' | 'pnpm-workspace' | 'go-module' | 'go-package' | 'python-package' | 'folder'
//   countFiles(modules, files) → Map<name, count>       (after the user merges/renames proposals)
//   modelOfModules(modules, allowed?, decision?)        (modules not recorded yet, as a model)
//   edgeStats(index, modules, { topFiles?, order? }) → EdgeStats
//     { edges: [{ from, to, count, typeOnly, fileCount, topFiles: [{ file, count, line, column }], inCycle, allowed }],
//       cycles: string[][] }      (index: a scanned WorkspaceIndex, any model: it is not changed)
//   summariseEdges(moduleImports, options) → EdgeStats  (pure)
//   planAdoption(index, log, AdoptionInput) → AdoptionPlan
//     AdoptionInput = { modules, stats, choices?: [{ from, to, choice: 'allow'|'baseline'|'flag' }], otherwise,
//                       cycles?: 'baseline'|'flag', baseline: { reason, expires? }, previousBaseline?, record: { id, date, status?, ... } }
//     AdoptionPlan  = { record, recordPath, recordText, allowed, cycleBreaks, decisions, baselineEntries, baseline, flagged }
//     `flagged` is exactly what the first check reports once the record is accepted.
//   acyclicAllowed({ stats, choices?, otherwise }, already?) → { allowed, cycleBreaks }  (pairs `allow` that would close a cycle, with `already` allowed pairs, are not allowed)
//   scanForAdoption(fs, root, modules, config) → WorkspaceIndex  (a scanned index when the caller has none)
//   compareBoundaries(index, log, { baseline?, today?, keepUnused? }) → { newEdges, leftOut, baselined, unused }
//     leftOut: unallowed pairs not proposed (reason 'cycle' with the cycle, or 'layers'); leftOutReason(e) says why in words
//   proposeSync(index, log, { id, date, baseline?, keepUnused?, deciders? }) → SyncProposal | undefined  (undefined: nothing to propose, leftOut may still hold pairs)
//
// Stable: later work extends these shapes, it does not change them.

export { countFiles, discoverModules, moduleNameOf, MODULE_PARENT_FOLDERS, type DiscoverOptions, type Discovery, type ModuleProposal, type ProposalSource } from './discover';
export { edgeStats, summariseEdges, type EdgeFile, type EdgeStat, type EdgeStats, type EdgeStatsOptions } from './edges';
export { modelOfModules, UNRECORDED, type ModuleEdge, type ProposedModule } from './model';
export { acyclicAllowed, ADOPTION_TITLE, choiceFor, EDGE_CHOICES, planAdoption, type AdoptionInput, type AdoptionPlan, type EdgeChoice, type EdgeDecision } from './plan';
export { scanForAdoption, type AdoptionScanOptions } from './scan';
export { compareBoundaries, leftOutReason, proposeSync, SYNC_TITLE, type LeftOutEdge, type SyncOptions, type SyncProposal, type SyncReport, type UnusedAllowance } from './sync';
