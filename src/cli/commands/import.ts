// `adrift import <source>`: Markdown decision records (MADR 2/3/4, Nygard / adr-tools) or a
// JSON-ADR file → YAML records in the decisions folder, keeping numbers, titles, statuses,
// dates and supersede links.

import * as path from 'node:path';
import { toPosix } from '../../core/config';
import { formatFindingLine } from '../../core/findings';
import { jsonAdrToRecord, type JsonAdr } from '../../core/records/json-adr';
import { importMarkdownFiles, type ImportedRecord, type SkippedFile } from '../../core/records/markdown/import';
import { MAX_RECORD_CHARS } from '../../core/records/parse';
import { planImport } from '../../core/records/import-plan';
import { kebab } from '../../core/records/naming';
import { todayUtc } from '../../core/records/store';
import { ContentError, EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand, type CommandContext } from '../command';
import { loadLog, writeFiles } from '../workspace';

/** Past this size a Markdown file is not read: its record could never be loaded. */
const MAX_MARKDOWN_BYTES = 4 * MAX_RECORD_CHARS;

async function readMarkdownFolder(ctx: CommandContext, folder: string): Promise<{ records: ImportedRecord[]; skipped: SkippedFile[] }> {
  const entries = await ctx.fs.readDirectory(folder);
  if (!entries) throw new UsageError(`no folder ${folder}`);
  const files: { name: string; text: string }[] = [];
  const skipped: SkippedFile[] = [];
  for (const e of entries.filter((x) => x.kind === 'file' && /\.(md|markdown)$/i.test(x.name))) {
    const file = path.posix.join(folder, e.name);
    const size = (await ctx.fs.stat(file))?.size ?? 0;
    if (size > MAX_MARKDOWN_BYTES) {
      skipped.push({ source: e.name, reason: `${Math.round(size / 1024)} KB; its record could not be loaded (a record is at most ${MAX_RECORD_CHARS / 1000} KB)`, problem: true });
      continue;
    }
    const text = await ctx.fs.readText(file, { maxBytes: MAX_MARKDOWN_BYTES });
    if (text === undefined) skipped.push({ source: e.name, reason: 'could not be read', problem: true });
    else files.push({ name: e.name, text });
  }
  const read = importMarkdownFiles(files, { today: todayUtc() });
  return { records: read.records, skipped: [...skipped, ...read.skipped] };
}

function readJsonAdr(text: string, source: string): ImportedRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ContentError(`${source} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const d = data as { adrs?: unknown; adr?: unknown } | null;
  const list = Array.isArray(d?.adrs) ? d.adrs : d?.adr ? [d.adr] : undefined;
  if (!list) throw new ContentError(`${source} is not a JSON-ADR file (no "adrs" list or "adr" entry)`);
  return list.map((a: unknown, i: number) => {
    const x = a as Partial<JsonAdr>;
    if (typeof x?.number !== 'number' || typeof x.title !== 'string' || typeof x.status !== 'string' || typeof x.date !== 'string') {
      throw new ContentError(`${source}: entry ${i + 1} needs number, title, status and date`);
    }
    const notes: string[] = [];
    const record = jsonAdrToRecord(x as JsonAdr, notes);
    return { id: record.id, slug: slugOfPath(x.path, record.id) ?? kebab(record.title), record, notes, source: `${source}#${i + 1}` };
  });
}

/**
 * The file name's slug of a JSON-ADR entry's `path` (`docs/adr/0005-pg.yaml` → `pg`) when it
 * names a record file of the entry's number: an Adrift export writes it, so its import keeps
 * the file names instead of naming each file after its title.
 */
function slugOfPath(file: unknown, id: number): string | undefined {
  if (typeof file !== 'string') return undefined;
  const m = /^(\d+)-([a-z0-9][a-z0-9-]*)\.(?:ya?ml|md|markdown)$/.exec(path.posix.basename(file.replace(/\\/g, '/')));
  return m && Number(m[1]) === id ? m[2] : undefined;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import Markdown records (MADR 2/3/4, Nygard/adr-tools) or a JSON-ADR file as YAML records',
  args: [{ name: 'source', description: 'a folder of NNNN-title.md records, or a JSON-ADR .json file (relative to the current folder)' }],
  options: [{ name: 'renumber', description: 'give records whose numbers the decisions folder already holds the next free numbers (merging another log), instead of importing nothing' }],
  details:
    'Numbers, titles, statuses, dates and supersede links are kept; text Adrift has no field for is kept as\n' +
    'Markdown in the record (sub-sections inside their field, the rest under extra), so an export writes it back.\n' +
    'Every Markdown file is accounted for: one line per file says what was created, renumbered, guessed or\n' +
    'skipped. Two files with the same number are both imported: the later one gets the next free number, as\n' +
    '"adrift renumber" would. A file a record says it was imported from ("# Imported from <file>") is skipped,\n' +
    'so importing a Markdown log again adds only its new records. Nothing is written when a number is already\n' +
    'taken in the decisions folder (a YAML record with the number of a Markdown record there: "adrift renumber"),\n' +
    'unless --renumber gives those records the next free numbers, each with a note, their links following.\n' +
    'The imported records are linted afterwards. Exit 1 when a file could not be imported or a record has errors.',
  async run(ctx) {
    const source = toPosix(path.resolve(ctx.processCwd, ctx.args.source ?? ''));
    const stat = await ctx.fs.stat(source);
    if (!stat) throw new UsageError(`no such file or folder: ${ctx.args.source ?? ''}`);
    const read = stat.kind === 'directory' ? await readMarkdownFolder(ctx, source) : { records: readJsonAdr((await ctx.fs.readText(source)) ?? '', path.posix.basename(source)), skipped: [] };
    for (const s of read.skipped) ctx.out(`skipped ${s.source}: ${s.reason}`);
    if (read.records.length === 0) throw new ContentError(`no decision records in ${ctx.args.source ?? ''} (expected files named NNNN-title.md)`);
    const log = await loadLog(ctx);
    const plan = planImport(read.records, log, 'adrift import', { renumberTaken: ctx.options.renumber === true });
    if (!plan.ok) throw new ContentError(`nothing imported: ${plan.problem}`);
    for (const c of plan.clashes) ctx.out(`clash: ${c}`);
    for (const s of plan.skipped) ctx.out(`skipped ${s.source}: ${s.reason}`);
    if (plan.changes.length === 0 && plan.skipped.every((s) => !s.problem)) ctx.out('nothing new to import: every record was imported before');
    await writeFiles(ctx, plan.changes.map((c) => ({ path: c.path, text: c.text })));
    for (const [i, c] of plan.changes.entries()) {
      const r = plan.written[i];
      ctx.out(`created ${c.path} from ${path.posix.basename(r.source)}`);
      for (const n of r.notes) ctx.out(`  note: ${n}`);
    }
    const after = await loadLog(ctx);
    const written = new Set(plan.changes.map((c) => c.path));
    const problems = after.findings.filter((f) => written.has(f.file) && f.severity === 'error');
    for (const p of problems) ctx.out(formatFindingLine(p));
    const failed = [...read.skipped, ...plan.skipped].some((s) => s.problem);
    return problems.length || failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
