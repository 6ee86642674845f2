// `adrift overview`: the architecture overview built from the accepted decision records, in
// the shape of the guide's examples, as Markdown (or JSON), printed or written to a file.

import * as path from 'node:path';
import { buildOverview } from '../../core/overview/overview';
import { overviewMarkdown } from '../../core/overview/markdown';
import { toPosix } from '../../core/config';
import { markdownMarker } from '../../core/fs/generated';
import { EXIT_OK, type CliCommand } from '../command';
import { applyChanges, refuseHandWritten, requireLog } from '../workspace';

export const overviewCommand: CliCommand = {
  name: 'overview',
  summary: 'print the architecture overview built from the accepted decisions',
  args: [],
  options: [
    { name: 'json', description: 'print the overview as JSON instead of Markdown' },
    { name: 'out', value: 'file', description: 'write the Markdown to this file (relative to the workspace), e.g. docs/architecture.md' },
    { name: 'force', description: 'with --out: replace the file even if Adrift did not generate it' },
  ],
  details: 'Sections: Product, Domain Modules, Data Ownership, Frontend/Backend Split, Key Architectural Decisions, Build vs Buy, Evolution. Only accepted records count, so the page follows superseded decisions.',
  async run(ctx) {
    const log = await requireLog(ctx);
    const overview = buildOverview(log.records.flatMap((r) => (r.record ? [r.record] : [])));
    if (ctx.options.json) {
      ctx.out(JSON.stringify(overview, null, 2));
      return EXIT_OK;
    }
    const markdown = overviewMarkdown(overview);
    const out = ctx.options.out;
    if (typeof out === 'string') {
      const given = toPosix(out);
      const file = path.posix.isAbsolute(given) ? path.posix.relative(ctx.cwd, given) : given.replace(/^\.\//, '');
      await refuseHandWritten(ctx, [file]);
      await applyChanges(ctx, [{ path: file, text: `${markdownMarker('adrift overview')}\n\n${markdown}` }]);
      ctx.out(`wrote ${file}`);
      return EXIT_OK;
    }
    ctx.out(markdown.replace(/\n+$/, ''));
    return EXIT_OK;
  },
};
