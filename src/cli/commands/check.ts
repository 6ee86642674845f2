// `adrift check`: every finding of the workspace — decision records and the code's drift
// from them — as text, JSON, SARIF or GitHub annotations, for people and for CI.

import { CheckSetupError, checkWorkspace, type CheckOptions, type CheckResult } from '../../core/engine/check';
import { ratchetFindings } from '../../core/engine/ratchet';
import { checkSince, type ChangeScope } from '../../core/engine/since';
import type { ShardRequest } from '../../core/engine/shard';
import { NodeFileSystem } from '../../core/fs/node';
import { NodeGit } from '../../core/git/node';
import { defaultThreads, ExtractPool, POOL_THRESHOLD, poolThreshold } from '../../core/engine/pool';
import { GitError } from '../../core/git/port';
import { REPORT_FORMATS, reportChunks, type ReportFormat, type ReportInput } from '../../core/report';
import { decisionSummaries } from '../../core/report/types';
import { compareFindings, formatFindingLine, type Finding } from '../../core/findings';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CommandContext } from '../command';
import { version } from '../../../package.json';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check the code against the accepted decisions: module boundaries, data ownership, packages, cycles',
  args: [],
  options: [
    { name: 'format', value: 'f', description: 'output format; default text', choices: REPORT_FORMATS },
    { name: 'baseline', value: 'file', description: 'accept the findings listed in this baseline file; default: `baseline` of .adrift.yaml when that file exists' },
    { name: 'no-baseline', description: 'report every finding, ignoring any baseline file' },
    { name: 'progress', description: 'show scan progress on stderr even when it is not a terminal' },
    { name: 'no-cache', description: 'neither read nor write the extraction cache' },
    { name: 'threads', value: 'n', description: 'threads, the main one included, that extract files the cache does not hold; default one per core (1 on two cores or fewer, where the pool measured slower), 1: the main thread only' },
    { name: 'since', value: 'ref', description: 'split the findings into new and inherited against the merge base of <ref> and HEAD (read from git, no checkout)' },
    { name: 'fail-on', value: 'which', description: 'which findings fail the run: new (default with --since) or all', choices: ['new', 'all'] },
    { name: 'module', value: 'name', repeatable: true, description: 'check one shard: only the findings of these modules\' files (repeat it, or separate names with commas; a pattern\'s key such as service-{name} names all its modules); every file is still read, so imports resolve against the whole tree' },
    { name: 'rest', description: 'check the shard that completes a set of --module shards: files no module claims, and the findings about the decisions themselves (globs matching nothing, budgets, record problems); alone or with --module' },
    { name: 'ratchet', description: 'with --since: each baseline entry or adrift-ignore comment added since the base is a finding; entries that match nothing are reported as fixed' },
  ],
  details: [
    'Exits 1 when a finding is an error, 0 otherwise (warnings and notes alone pass), 2 when the',
    'check cannot run (bad arguments, a broken .adrift.yaml or baseline file, no decisions folder).',
    'Text output groups findings by module pair and is coloured on a terminal (NO_COLOR turns it off).',
    'Dot-folders are read, except version control, tool and cache folders (`scan_dot_folders` in .adrift.yaml).',
    'The extraction cache lives in $XDG_CACHE_HOME/adrift (else ~/.cache/adrift), one folder per workspace,',
    'never in the workspace; entries are signed with a key of this machine, so a copied cache is not used.',
    `Files the cache does not hold are extracted on worker threads when there are at least ${POOL_THRESHOLD} of them`,
    '(ADRIFT_POOL_THRESHOLD overrides the count); the report is the same as on one thread.',
    'With --since, the base commit is checked from git objects with its own records and configuration; a',
    'finding is inherited when the base had one with the same rule, file (followed through renames), modules',
    'and import. A shallow clone that does not reach the merge base is an error that says how much to fetch.',
    'Shards (one CI job each): run one `--module <name>` job per module and one `--rest` job; together they report',
    'exactly the findings of one whole check. A shard reads the whole tree (cached) and evaluates and reports only',
    'its own part: the decision-level findings are only in --rest, and another shard\'s findings and baseline entries',
    'are neither reported nor called fixed or stale. A name that is no module is an error (exit 2); a module that',
    'owns no file checks nothing.',
  ].join('\n'),
  async run(ctx) {
    const format = (ctx.options.format ?? 'text') as ReportFormat;
    const since = typeof ctx.options.since === 'string' ? ctx.options.since : undefined;
    if (ctx.options['fail-on'] === 'new' && since === undefined) throw new UsageError('--fail-on new needs --since <ref>: new findings are those the base did not have');
    if (ctx.options.ratchet && since === undefined) throw new UsageError('--ratchet needs --since <ref>: the baseline and suppressions are compared with the base');
    const failOn = ctx.options['fail-on'] ?? (since !== undefined ? 'new' : 'all');
    const threads = threadCount(ctx.options.threads);
    const shard = shardRequest(ctx.options.module, ctx.options.rest === true);
    const progress = progressPrinter(ctx);
    // Workers start only when a scan has enough cold files; close() below ends them.
    const pool = threads > 1 && ctx.fs instanceof NodeFileSystem ? new ExtractPool({ workers: threads - 1 }) : undefined;
    const options: CheckOptions = {
      decisions: ctx.decisionsFolder,
      baseline: ctx.options['no-baseline'] ? false : typeof ctx.options.baseline === 'string' ? ctx.options.baseline : undefined,
      cache: !ctx.options['no-cache'],
      onProgress: progress?.update,
      parallel: pool && { pool, threshold: poolThreshold(POOL_THRESHOLD), warn: (m) => ctx.err(`adrift check: ${m}`) },
      shard,
    };
    let result: CheckResult;
    let scope: ChangeScope | undefined;
    try {
      if (since === undefined) result = await checkWorkspace(ctx.fs, ctx.cwd, options);
      else ({ result, scope } = await checkSince(ctx.fs, new NodeGit(ctx.cwd), ctx.cwd, since, options));
    } catch (err) {
      if (err instanceof CheckSetupError || err instanceof GitError) {
        ctx.err(`adrift check${err instanceof GitError ? ` --since ${since ?? ''}` : ''}: ${err.message}`);
        if (err instanceof GitError) ctx.err('(adrift check without --since still checks the work tree)');
        return EXIT_USAGE;
      }
      throw err;
    } finally {
      progress?.done();
      await pool?.close();
    }
    if (!result.log.folderExists) {
      // No records: nothing was checked against a decision, and a CI job run in the wrong folder must not pass green.
      ctx.err(`adrift check: no decisions folder ${result.log.folderRelative} in ${ctx.cwd}: there is nothing to check the code against (run "adrift init" to create one, or pass --decisions <folder>)`);
      return EXIT_USAGE;
    }
    if (result.config.findings.length > 0) {
      for (const f of result.config.findings) ctx.err(formatFindingLine(f));
      ctx.err(`adrift check: fix ${result.config.file ?? '.adrift.yaml'} first`);
      return EXIT_USAGE;
    }
    for (const name of result.shard?.empty ?? []) ctx.err(`adrift check: module ${name} owns no source file, so this shard has no finding of it`);
    let introduced = scope?.introduced;
    if (scope && ctx.options.ratchet) {
      // What the ratchet finds is the change's own doing: new by definition.
      const ratchet = await ratchetFindings(ctx.fs, result, scope);
      result = { ...result, findings: [...result.findings, ...ratchet].sort(compareFindings) };
      introduced = new Set([...scope.introduced, ...ratchet]);
    }
    const input = reportInput(result, scope && introduced ? { ...scope, introduced } : undefined);
    await writeReport(ctx, reportChunks(format, input, { color: useColor(), root: result.root }));
    const failing: Finding[] = failOn === 'new' && introduced ? result.findings.filter((f) => introduced.has(f)) : result.findings;
    return failing.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  },
};

export function reportInput(result: CheckResult, scope?: ChangeScope): ReportInput {
  const b = result.baseline;
  return {
    scope: scope && { ref: scope.ref, base: scope.base, introduced: scope.introduced, inherited: scope.inherited, fixed: scope.fixed, records: scope.records },
    decisions: decisionSummaries(result.log),
    findings: result.findings,
    files: result.stats.files,
    skipped: result.stats.skipped,
    durationMs: result.stats.durationMs,
    unresolved: result.stats.unresolvedLocal,
    baseline: b ? { file: b.file, suppressed: b.suppressed, expired: b.expired.length, unused: b.unused.length, ...(b.pending.length > 0 ? { pending: b.pending.length } : {}) } : undefined,
    toolVersion: version,
  };
}

const WRITE_BATCH = 64 * 1024;

/** Writes the report as it is made, in batches of about 64 KB (one write per finding would be slow). */
async function writeReport(ctx: CommandContext, chunks: Iterable<string>): Promise<void> {
  const write = ctx.write?.bind(ctx);
  if (!write) {
    ctx.out([...chunks].join('').replace(/\n$/, ''));
    return;
  }
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= WRITE_BATCH) {
      await write(batch);
      batch = '';
    }
  }
  if (batch !== '') await write(batch);
}

function useColor(): boolean {
  return process.stdout.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

/** `--module a --module b,c` and `--rest` as a shard; neither: the whole check. */
function shardRequest(value: string | string[] | true | undefined, rest: boolean): ShardRequest | undefined {
  const given = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const modules = given.flatMap((v) => v.split(',')).map((n) => n.trim());
  if (modules.some((n) => n === '')) throw new UsageError('--module needs a module name (an empty one was given)');
  return modules.length > 0 || rest ? { modules: [...new Set(modules)], rest } : undefined;
}

function threadCount(value: string | string[] | true | undefined): number {
  if (value === undefined) return defaultThreads();
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 256)) throw new UsageError(`--threads needs a whole number from 1 to 256, not ${String(value)}`);
  return n;
}

/** POOL_THRESHOLD, or the count in ADRIFT_POOL_THRESHOLD (the benchmark and the tests set it to measure the pool on few files). */
/** Progress on stderr: a live line on a terminal, a line per tenth with --progress otherwise. */
function progressPrinter(ctx: CommandContext): { update: (done: number, total: number) => void; done: () => void } | undefined {
  const tty = process.stderr.isTTY === true;
  if (!tty && !ctx.options.progress) return undefined;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (total < 500 && !ctx.options.progress) return;
      if (tty) {
        process.stderr.write(`\rscanning ${done}/${total} files`);
        drawn = true;
        return;
      }
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      ctx.err(`scanning ${done}/${total} files`);
    },
    done() {
      if (drawn) process.stderr.write('\r\u001b[K');
    },
  };
}
