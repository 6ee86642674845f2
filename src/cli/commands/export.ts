// `adrift export --format madr|json-adr`: the log as MADR 4 Markdown files or one JSON-ADR file.

import * as path from 'node:path';
import { toPosix } from '../../core/config';
import { logToJsonAdr } from '../../core/records/json-adr';
import { recordToMadr } from '../../core/records/markdown/madr-export';
import type { DecisionRecord } from '../../core/records/types';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand } from '../command';
import { refuseHandWritten, requireLog, writeFiles } from '../workspace';
import { version } from '../../../package.json';

export const EXPORT_FORMATS = ['madr', 'json-adr'] as const;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write the records as MADR 4 Markdown files or as one JSON-ADR v1 file',
  args: [],
  options: [
    { name: 'format', value: 'format', description: 'madr: one NNNN-title.md per record; json-adr: decisions.json', choices: EXPORT_FORMATS, required: true },
    { name: 'out', value: 'dir', description: 'output folder inside the workspace, relative to the current folder; default: adr-export in the workspace' },
    { name: 'force', description: 'replace files in the output folder even if Adrift did not generate them' },
  ],
  details: 'What MADR and JSON-ADR have no field for (modules, forbidden packages, kind ...) is kept in the front\nmatter (MADR) or custom_sections.adrift (JSON-ADR), so "adrift import" reads the export back unchanged;\nMarkdown kept from an import (extra) goes back where it was. Each MADR file says under Confirmation, in\nwords, what Adrift checks for that record. JSON-ADR numbers start at 1, so a record 0 is left out of a\nJSON-ADR export, with a message. Records with problems are left out and reported; fix them with\n"adrift lint". Exit 1 when a record was left out.',
  async run(ctx) {
    const format = ctx.options.format;
    if (typeof format !== 'string') throw new UsageError('--format is required: madr or json-adr');
    const log = await requireLog(ctx);
    const out = typeof ctx.options.out === 'string' ? toPosix(path.resolve(ctx.processCwd, ctx.options.out)) : path.posix.join(ctx.cwd, 'adr-export');
    const usable = log.records.filter((r): r is typeof r & { record: DecisionRecord } => r.record !== undefined);
    for (const r of log.records) if (!r.record) ctx.err(`skipped ${r.file}: it has problems (run "adrift lint")`);
    const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    const files: { path: string; text: string }[] = [];
    let left = 0;
    if (format === 'madr') {
      const mdOf = new Map(usable.map((r) => [r.record.id, `${baseName(r.file)}.md`]));
      for (const r of usable) files.push({ path: path.posix.join(out, mdOf.get(r.record.id)!), text: recordToMadr(r.record, (id) => mdOf.get(id)) });
    } else {
      // JSON-ADR numbers start at 1 (its schema says minimum 1): a MADR log's record 0 cannot be expressed.
      for (const r of usable.filter((x) => x.record.id < 1)) ctx.err(`left out ${r.file}: JSON-ADR numbers start at 1, so record ${r.record.id} cannot be expressed in it`);
      for (const r of usable.filter((x) => x.record.id >= 1 && [...(x.record.supersedes ?? []), x.record.superseded_by].some((t) => t !== undefined && t < 1))) ctx.err(`${r.file}: its link to record 0 is left out of the JSON-ADR links`);
      left = usable.filter((x) => x.record.id < 1).length;
      const doc = logToJsonAdr(usable.filter((x) => x.record.id >= 1).map((r) => ({ record: r.record, path: r.file })), { name: 'adrift', version }, log.folderRelative, new Date());
      files.push({ path: path.posix.join(out, 'decisions.json'), text: `${JSON.stringify(doc, null, 2)}\n` });
    }
    await refuseHandWritten(ctx, files.map((f) => f.path));
    await writeFiles(ctx, files);
    const rel = path.posix.relative(ctx.processCwd, out) || '.';
    const n = usable.length - left;
    ctx.out(`exported ${n} record${n === 1 ? '' : 's'} to ${rel}${format === 'json-adr' ? '/decisions.json' : ''}`);
    return n === log.records.length ? EXIT_OK : EXIT_FINDINGS;
  },
};
