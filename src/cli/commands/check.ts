// `adrift check`: every finding of the workspace — decision records and the code's drift
// from them — as text, JSON, SARIF or GitHub annotations, for people and for CI.

import { CheckSetupError, checkWorkspace, type CheckResult } from '../../core/engine/check';
import { REPORT_FORMATS, reportChunks, type ReportFormat, type ReportInput } from '../../core/report';
import { formatFindingLine } from '../../core/findings';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliCommand, type CommandContext } from '../command';
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
  ],
  details: [
    'Exits 1 when a finding is an error, 0 otherwise (warnings and notes alone pass), 2 when the',
    'check cannot run (bad arguments, a broken .adrift.yaml or baseline file).',
    'Text output groups findings by module pair and is coloured on a terminal (NO_COLOR turns it off).',
    'Dot-folders are read, except version control, tool and cache folders (`scan_dot_folders` in .adrift.yaml).',
    'The extraction cache lives in $XDG_CACHE_HOME/adrift (else ~/.cache/adrift), one folder per workspace,',
    'never in the workspace; entries are signed with a key of this machine, so a copied cache is not used.',
  ].join('\n'),
  async run(ctx) {
    const format = (ctx.options.format ?? 'text') as ReportFormat;
    const progress = progressPrinter(ctx);
    let result: CheckResult;
    try {
      result = await checkWorkspace(ctx.fs, ctx.cwd, {
        decisions: ctx.decisionsFolder,
        baseline: ctx.options['no-baseline'] ? false : typeof ctx.options.baseline === 'string' ? ctx.options.baseline : undefined,
        cache: !ctx.options['no-cache'],
        onProgress: progress?.update,
      });
    } catch (err) {
      if (err instanceof CheckSetupError) {
        ctx.err(`adrift check: ${err.message}`);
        return EXIT_USAGE;
      }
      throw err;
    } finally {
      progress?.done();
    }
    if (result.config.findings.length > 0) {
      for (const f of result.config.findings) ctx.err(formatFindingLine(f));
      ctx.err(`adrift check: fix ${result.config.file ?? '.adrift.yaml'} first`);
      return EXIT_USAGE;
    }
    await writeReport(ctx, reportChunks(format, reportInput(result), { color: useColor(), root: result.root }));
    return result.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  },
};

export function reportInput(result: CheckResult): ReportInput {
  const b = result.baseline;
  return {
    findings: result.findings,
    files: result.stats.files,
    skipped: result.stats.skipped,
    durationMs: result.stats.durationMs,
    unresolved: result.stats.unresolvedLocal,
    baseline: b ? { file: b.file, suppressed: b.suppressed, expired: b.expired.length, unused: b.unused.length } : undefined,
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
