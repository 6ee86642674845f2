// `adrift import <source>`: Markdown decision records (MADR 2/3/4, Nygard / adr-tools) or a
// JSON-ADR file → YAML records in the decisions folder, keeping numbers, titles, statuses,
// dates and supersede links.

import * as path from 'node:path';
import { toPosix } from '../../core/config';
import { formatFindingLine } from '../../core/findings';
import { jsonAdrToRecord, type JsonAdr } from '../../core/records/json-adr';
import { importMarkdownRecord, isMarkdownRecordName, type ImportedRecord } from '../../core/records/markdown/import';
import { planImport } from '../../core/records/import-plan';
import { kebab } from '../../core/records/naming';
import { todayUtc } from '../../core/records/store';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand, type CommandContext } from '../command';
import { loadLog, writeFiles } from '../workspace';

async function readMarkdownFolder(ctx: CommandContext, folder: string): Promise<ImportedRecord[]> {
  const entries = await ctx.fs.readDirectory(folder);
  if (!entries) throw new UsageError(`no folder ${folder}`);
  const out: ImportedRecord[] = [];
  for (const e of entries.filter((x) => x.kind === 'file' && isMarkdownRecordName(x.name)).sort((a, b) => a.name.localeCompare(b.name))) {
    const text = await ctx.fs.readText(path.posix.join(folder, e.name));
    if (text === undefined) continue;
    if (text.length > 1_000_000) {
      ctx.err(`skipped ${e.name}: larger than 1 MB`);
      continue;
    }
    const r = importMarkdownRecord(e.name, text, { today: todayUtc() });
    if (r) out.push(r);
  }
  return out;
}

function readJsonAdr(text: string, source: string): ImportedRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${source} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const d = data as { adrs?: unknown; adr?: unknown } | null;
  const list = Array.isArray(d?.adrs) ? d.adrs : d?.adr ? [d.adr] : undefined;
  if (!list) throw new UsageError(`${source} is not a JSON-ADR file (no "adrs" list or "adr" entry)`);
  return list.map((a: unknown, i: number) => {
    const x = a as Partial<JsonAdr>;
    if (typeof x?.number !== 'number' || typeof x.title !== 'string' || typeof x.status !== 'string' || typeof x.date !== 'string') {
      throw new UsageError(`${source}: entry ${i + 1} needs number, title, status and date`);
    }
    const notes: string[] = [];
    const record = jsonAdrToRecord(x as JsonAdr, notes);
    return { id: record.id, slug: kebab(record.title), record, notes, source: `${source}#${i + 1}` };
  });
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import Markdown records (MADR 2/3/4, Nygard/adr-tools) or a JSON-ADR file as YAML records',
  args: [{ name: 'source', description: 'a folder of NNNN-title.md records, or a JSON-ADR .json file (relative to the current folder)' }],
  options: [],
  details: 'Numbers, titles, statuses, dates and supersede links are kept. Nothing is written when a number is\nalready taken in the decisions folder. The imported records are linted afterwards.',
  async run(ctx) {
    const source = toPosix(path.resolve(ctx.processCwd, ctx.args.source ?? ''));
    const stat = await ctx.fs.stat(source);
    if (!stat) throw new UsageError(`no such file or folder: ${ctx.args.source ?? ''}`);
    const imported = stat.kind === 'directory' ? await readMarkdownFolder(ctx, source) : readJsonAdr((await ctx.fs.readText(source)) ?? '', path.posix.basename(source));
    if (imported.length === 0) throw new UsageError(`no decision records in ${ctx.args.source ?? ''} (expected files named NNNN-title.md)`);
    const log = await loadLog(ctx);
    const plan = planImport(imported, log, 'adrift import');
    if (!plan.ok) throw new UsageError(`nothing imported: ${plan.problem}`);
    const files = plan.changes.map((c) => ({ rel: c.path, text: c.text }));
    await writeFiles(ctx, files.map((f) => ({ path: f.rel, text: f.text })));
    for (const [i, f] of files.entries()) {
      ctx.out(`created ${f.rel}`);
      for (const n of imported[i].notes) ctx.out(`  note: ${n}`);
    }
    const after = await loadLog(ctx);
    const written = new Set(files.map((f) => f.rel));
    const problems = after.findings.filter((f) => written.has(f.file) && f.severity === 'error');
    for (const p of problems) ctx.out(formatFindingLine(p));
    return problems.length ? EXIT_FINDINGS : EXIT_OK;
  },
};
