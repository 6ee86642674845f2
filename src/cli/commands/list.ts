// `adrift list`: the decision log as a table or JSON; broken records are listed too, marked
// "!" with the reason, so a record that cannot be read never just disappears.

import { DECISION_STATUSES } from '../../core/records/types';
import type { LoadedRecord } from '../../core/records/types';
import { EXIT_OK, type CliCommand } from '../command';
import { markdownNotice, requireLog } from '../workspace';

/** Why a record is marked "!": it did not load, or Adrift will not edit it. */
function problemOf(r: LoadedRecord): string | undefined {
  if (r.record && !r.readOnly) return undefined;
  const first = r.findings.find((f) => f.severity === 'error') ?? r.findings[0];
  return first?.message ?? r.readOnly ?? 'the record has problems';
}

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list the decision records (id, status, date, title)',
  args: [],
  options: [
    { name: 'status', value: 's', description: 'only records with this status', choices: DECISION_STATUSES },
    { name: 'json', description: 'print JSON: [{ id, title, status, date, kind, file, valid, problem? }]' },
  ],
  details:
    'A record with problems (unreadable, not a plain file, invalid, not UTF-8) is still listed, marked with "!" and the first problem; run "adrift lint" for all of them.\n' +
    'Markdown records in the decisions folder (adr-tools, MADR) are not read; a line on stderr names those not imported yet.',
  async run(ctx) {
    const log = await requireLog(ctx);
    const rows = log.records
      .map((r) => {
        const problem = problemOf(r);
        return {
          id: r.record?.id ?? r.header.id ?? null,
          title: r.record?.title ?? r.header.title ?? '',
          status: r.record?.status ?? r.header.status ?? '',
          date: r.record?.date ?? '',
          kind: r.record?.kind ?? '',
          file: r.file,
          valid: r.record !== undefined,
          ...(problem !== undefined ? { problem } : {}),
        };
      })
      .filter((row) => ctx.options.status === undefined || row.status === ctx.options.status);
    // A Markdown log beside the records is named, never silently left out (on stderr: the table and the JSON stay as they are).
    const notice = markdownNotice(ctx, log);
    if (notice) ctx.err(notice);
    if (ctx.options.json) {
      ctx.out(JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
    if (rows.length === 0) {
      ctx.out(`no decision records${ctx.options.status ? ` with status ${String(ctx.options.status)}` : ''} in ${log.folderRelative}`);
      return EXIT_OK;
    }
    const cells = rows.map((r) => [
      `${r.problem === undefined ? ' ' : '!'}${r.id === null ? '?' : String(r.id).padStart(4, '0')}`,
      r.status || '?',
      r.date,
      `${r.title || r.file}${r.problem === undefined ? '' : `  (${r.title ? `${r.file}: ` : ''}${r.problem})`}`,
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => c[i].length), ['  ID', 'STATUS', 'DATE'][i].length));
    ctx.out(['  ID'.padEnd(widths[0]), 'STATUS'.padEnd(widths[1]), 'DATE'.padEnd(widths[2]), 'TITLE'].join('  '));
    for (const c of cells) ctx.out([c[0].padEnd(widths[0]), c[1].padEnd(widths[1]), c[2].padEnd(widths[2]), c[3]].join('  '));
    return EXIT_OK;
  },
};
