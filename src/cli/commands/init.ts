// `adrift init`: a decisions folder with its first record, the decision to record decisions.
// `adrift init --from-code`: also a proposed boundaries record of the modules the code has,
// allowing (or baselining) the imports between them that exist today.

import { DEFAULT_DECISIONS_FOLDER, CONFIG_FILE, loadConfig } from '../../core/config';
import { discoverModules, edgeStats, EDGE_CHOICES, planAdoption, scanForAdoption, type Discovery, type EdgeChoice, type EdgeDecision, type EdgeStats, type ModuleProposal } from '../../core/adopt';
import { CheckSetupError, readBaseline } from '../../core/engine/check';
import { serializeBaseline } from '../../core/engine/baseline';
import { formatFindingLine } from '../../core/findings';
import { createRecord, nextId } from '../../core/records/edits';
import { todayUtc } from '../../core/records/store';
import { TextEditor, yamlFlowList } from '../../core/records/text-edit';
import { parseRecord } from '../../core/records/parse';
import type { DecisionLog, FileChange } from '../../core/records/types';
import { ContentError, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CommandContext } from '../command';
import { absolute, applyChanges, baselineReasonAndExpiry, listOption, loadLog, markdownNotice } from '../workspace';

const FIRST_CHOICE = 'Adrift YAML records in the repository';

const SOURCE_LABELS: Record<ModuleProposal['source'], string> = {
  'npm-workspace': 'npm workspace package',
  'pnpm-workspace': 'pnpm workspace package',
  'go-module': 'Go module',
  'go-package': 'Go package',
  'python-package': 'Python package',
  folder: 'folder',
};

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'create the decisions folder with a first record (and .adrift.yaml when the folder is not the default)',
  args: [],
  options: [
    { name: 'from-code', description: 'also propose a boundaries record of the modules the code has (workspace packages, else top folders) and the imports between them today' },
    { name: 'edges', value: 'choice', description: 'with --from-code: what to do with each pair of modules that imports today; default allow', choices: EDGE_CHOICES },
    { name: 'allow', value: 'pairs', description: 'with --from-code: pairs to allow whatever --edges says, e.g. "web:api,api:db"' },
    { name: 'flag', value: 'pairs', description: 'with --from-code: pairs whose imports stay findings to fix' },
    { name: 'reason', value: 'text', description: 'with --from-code: why baselined imports are accepted for now' },
    { name: 'expires', value: 'date', description: 'with --from-code: YYYY-MM-DD after which baselined imports are findings again' },
    { name: 'deciders', value: 'names', description: 'comma-separated deciders of the records, e.g. "tech lead,ops"' },
    { name: 'dry-run', description: 'with --from-code: print what would be written, write nothing' },
  ],
  details: [
    'Without --from-code, does nothing to a workspace whose decisions folder already holds records.',
    'With --from-code, adds a proposed boundaries record (and the first record, if there is none); a pair chosen',
    '`baseline` goes into the baseline file with --reason and --expires. A pair that would make the allowed',
    'dependencies a cycle is baselined instead of allowed. After `adrift status <id> accepted`, `adrift check`',
    'reports exactly the pairs chosen `flag`.',
    'Markdown records already in the folder (adr-tools, MADR) keep their numbers: the first record takes the',
    'next one, and `adrift import <folder>` turns them into YAML records beside them.',
  ].join('\n'),
  async run(ctx) {
    const log = await loadLog(ctx);
    if (ctx.options['from-code']) return initFromCode(ctx, log);
    const unused = ['edges', 'allow', 'flag', 'reason', 'expires', 'dry-run'].filter((o) => ctx.options[o] !== undefined);
    if (unused.length > 0) throw new UsageError(`--${unused[0]} works only with --from-code`);
    if (log.records.length > 0) {
      ctx.out(`${log.folderRelative} already holds ${log.records.length} decision record${log.records.length === 1 ? '' : 's'}; nothing to do.`);
      return EXIT_OK;
    }
    const changes = await firstRecordChanges(ctx, log);
    await applyChanges(ctx, changes);
    for (const c of changes) ctx.out(`created ${c.path}`);
    const notice = markdownNotice(ctx, log);
    if (notice) ctx.out(notice);
    ctx.out(`Next: adrift new boundaries "Split the product into domain modules"`);
    return EXIT_OK;
  },
};

/** The first record (accepted: running init is the decision) and `.adrift.yaml` when the folder is not the default. */
async function firstRecordChanges(ctx: CommandContext, log: DecisionLog): Promise<FileChange[]> {
  // Record 1 in a new log; after the numbers of a Markdown log already in the folder, so its import keeps them.
  const first = createRecord(log, 'general', 'Record architecture decisions as Adrift YAML records', { id: nextId(log), today: todayUtc() });
  const r = parseRecord(first.path, first.text);
  const ed = new TextEditor(first.text, r.doc!);
  ed.setKey([], 'status', 'accepted');
  ed.setKey([], 'context', '>\n  We need to remember why the architecture is the way it is, and to notice when the code drifts away from it.', []);
  // Accepted, so it says what was weighed and chosen rather than the skeleton's placeholders.
  ed.replaceValue(['options', 0, 'name'], FIRST_CHOICE);
  ed.replaceValue(['options', 0, 'pros'], '[reviewed with the code, checked in the editor and in CI]');
  ed.replaceValue(['options', 1, 'name'], 'Decisions in chat threads and memory');
  ed.replaceValue(['options', 1, 'cons'], '[forgotten when people leave, nothing notices drift]');
  ed.replaceValue(['decision', 'chosen'], FIRST_CHOICE);
  ed.replaceValue(['decision', 'rationale'], '>\n    The decisions live next to the code they constrain, and Adrift reports where the code drifts from them.');
  const deciders = listOption(ctx, 'deciders');
  if (deciders?.length) ed.replaceValue(['deciders'], yamlFlowList(deciders));
  const changes: FileChange[] = [{ path: first.path, text: ed.result() }];
  const configPath = absolute(ctx, CONFIG_FILE);
  if (log.folderRelative !== DEFAULT_DECISIONS_FOLDER && !(await ctx.fs.stat(configPath))) {
    changes.push({ path: CONFIG_FILE, text: `# Adrift settings. decisions: the folder of the decision records.\ndecisions: ${log.folderRelative}\n` });
  }
  return changes;
}

async function initFromCode(ctx: CommandContext, log: DecisionLog): Promise<number> {
  const { reason, expires } = baselineReasonAndExpiry(ctx);
  const declaring = log.records.find((r) => r.record && (r.record.status === 'accepted' || r.record.status === 'proposed') && Object.keys(r.record.enforce?.modules ?? {}).length > 0);
  if (declaring?.record?.status === 'proposed') {
    throw new ContentError(`${declaring.file} (proposed) already proposes modules: accept it (\`adrift status ${declaring.record.id} accepted\`) or reject it first`);
  }
  if (declaring) {
    throw new ContentError(`${declaring.file} already declares modules; to bring them up to date with the code, run \`adrift sync\``);
  }
  const config = await loadConfig(ctx.fs, ctx.cwd);
  const discovery = await discoverModules(ctx.fs, ctx.cwd, { exclude: config.exclude, dotFolders: config.scanDotFolders });
  if (discovery.proposals.length === 0) {
    throw new ContentError(discovery.files === 0 ? 'found no source files to discover modules from' : `found ${discovery.files} source files but no folders to make modules of`);
  }
  const modules = discovery.proposals.map((p) => ({ name: p.name, paths: p.paths, ...(p.source === 'folder' ? {} : { description: describe(p) }) }));
  const { index } = await scanForAdoption(ctx.fs, ctx.cwd, modules, config);
  const stats = edgeStats(index, modules);
  const names = new Set(modules.map((m) => m.name));
  const choices = [...pairsOption(ctx, 'allow', 'allow', names), ...pairsOption(ctx, 'flag', 'flag', names)];
  for (const c of choices) {
    if (!stats.edges.some((e) => e.from === c.from && e.to === c.to)) ctx.err(`note: ${c.from} does not import ${c.to} today; --${c.choice} ${c.from}:${c.to} changes nothing`);
  }
  const first = log.records.length === 0 ? await firstRecordChanges(ctx, log) : [];
  const id = log.records.length === 0 ? nextId(log) + 1 : nextId(log);
  let previousBaseline;
  try {
    previousBaseline = (await readBaseline(ctx.fs, ctx.cwd, config.baseline, false))?.baseline;
  } catch (err) {
    if (err instanceof CheckSetupError) {
      ctx.err(`adrift init: ${err.message}`);
      return EXIT_USAGE;
    }
    throw err;
  }
  const plan = planAdoption(index, log, {
    modules,
    stats,
    choices,
    otherwise: (ctx.options.edges as EdgeChoice | undefined) ?? 'allow',
    baseline: { reason, expires },
    previousBaseline,
    record: { id, date: todayUtc(), deciders: listOption(ctx, 'deciders'), discoveredFrom: discoveredFrom(discovery) },
  });

  printDiscovery(ctx, discovery);
  printEdges(ctx, stats, plan.decisions);

  const changes: FileChange[] = [...first, { path: plan.recordPath, text: plan.recordText }];
  if (plan.baseline) changes.push({ path: config.baseline, text: serializeBaseline(plan.baseline, config.baseline) });
  for (const c of changes.filter((c) => c.path !== config.baseline)) {
    if (await ctx.fs.stat(absolute(ctx, c.path))) throw new ContentError(`${c.path} exists; nothing was written`);
  }
  if (ctx.options['dry-run']) {
    for (const c of changes) ctx.out(`would write ${c.path}`);
    ctx.out('');
    ctx.out(plan.recordText.trimEnd());
    return EXIT_OK;
  }
  await applyChanges(ctx, changes);
  for (const c of first) ctx.out(`created ${c.path}`);
  ctx.out(`created ${plan.recordPath} (proposed)`);
  if (plan.baseline) ctx.out(`wrote ${config.baseline}: ${plan.baselineEntries.length} new entr${plan.baselineEntries.length === 1 ? 'y' : 'ies'} (${reason}${expires ? `, until ${expires}` : ''})`);
  const notice = markdownNotice(ctx, log);
  if (notice) ctx.out(notice);
  const n = plan.flagged.length;
  ctx.out(`Next: review ${plan.recordPath}, then \`adrift status ${id} accepted\`; \`adrift check\` then reports ${n === 0 ? 'no finding' : `${n} finding${n === 1 ? '' : 's'}, the imports chosen to flag`}.`);
  for (const f of plan.flagged.slice(0, 10)) ctx.out(`  ${formatFindingLine(f)}`);
  if (n > 10) ctx.out(`  … and ${n - 10} more`);
  return EXIT_OK;
}

/** `--allow web:api,api:db` as choices; a name that is no proposed module is a usage error. */
function pairsOption(ctx: CommandContext, option: string, choice: EdgeChoice, names: ReadonlySet<string>): EdgeDecision[] {
  return (listOption(ctx, option) ?? []).map((pair) => {
    const m = /^([a-z][a-z0-9-]*)\s*(?::|->|→)\s*([a-z][a-z0-9-]*)$/.exec(pair);
    if (!m) throw new UsageError(`--${option} takes pairs of module names such as web:api (got "${pair}")`);
    for (const name of [m[1], m[2]]) {
      if (!names.has(name)) throw new UsageError(`--${option} ${pair}: no module "${name}" was discovered (modules: ${[...names].join(', ')})`);
    }
    return { from: m[1], to: m[2], choice };
  });
}

function describe(p: ModuleProposal): string {
  const what = SOURCE_LABELS[p.source];
  return `${p.unitName ?? p.folder}, ${what.startsWith('npm') ? 'an' : 'a'} ${what}${p.declaredIn ? ` (${p.declaredIn})` : ''}.`;
}

function discoveredFrom(d: Discovery): string {
  const kinds = d.sources.map((s) => `${SOURCE_LABELS[s]}s`).join(' and ');
  const loose = d.unassigned.count > 0 ? `; ${d.unassigned.count} are in no module (${d.unassigned.folders.slice(0, 3).map((f) => folderLabel(f.folder)).join(', ')})` : '';
  return `\`adrift init --from-code\` found ${d.proposals.length} modules in ${d.files} source files, from the workspace's ${kinds}${loose}.`;
}

/** A top folder of files in no module; `.` is the files at the workspace root. */
function folderLabel(folder: string): string {
  return folder === '.' ? 'the root folder' : `${folder}/`;
}

function printDiscovery(ctx: CommandContext, d: Discovery): void {
  ctx.out(`Modules found in the code (${d.sources.map((s) => `${SOURCE_LABELS[s]}s`).join(', ')}), ${d.files} source files:`);
  const width = Math.max(...d.proposals.map((p) => p.name.length));
  for (const p of d.proposals) {
    ctx.out(`  ${p.name.padEnd(width)}  ${String(p.fileCount).padStart(5)} file${p.fileCount === 1 ? ' ' : 's'}  ${p.paths.join(', ')}${p.unitName && p.unitName !== p.name ? `  (${p.unitName})` : ''}`);
  }
  if (d.unassigned.count > 0) {
    ctx.out(`  ${d.unassigned.count} file${d.unassigned.count === 1 ? ' is' : 's are'} in no module: ${d.unassigned.folders.slice(0, 5).map((f) => `${folderLabel(f.folder)} (${f.fileCount})`).join(', ')}`);
  }
}

function printEdges(ctx: CommandContext, stats: EdgeStats, decisions: readonly EdgeDecision[]): void {
  const total = stats.edges.reduce((n, e) => n + e.count, 0);
  const allowed = decisions.filter((d) => d.choice === 'allow').length;
  ctx.out(`Imports between them today: ${total} in ${stats.edges.length} pair${stats.edges.length === 1 ? '' : 's'} (${allowed} allowed)${stats.cycles.length > 0 ? `; cycles: ${stats.cycles.map((c) => c.join(' ⇄ ')).join('; ')}` : ''}`);
  stats.edges.forEach((e, i) => {
    const top = e.topFiles.map((f) => `${f.file} (${f.count})`).join(', ');
    ctx.out(`  ${`${e.from} → ${e.to}`.padEnd(30)} ${String(e.count).padStart(5)}  ${decisions[i].choice.padEnd(8)}${e.inCycle ? ' cycle' : ''}  ${top}`);
  });
}
