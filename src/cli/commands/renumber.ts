// `adrift renumber`: after a merge where two branches each added the same id.

import { EditError, renumberDuplicates } from '../../core/records/edits';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { applyChanges, requireLog } from '../workspace';

export const renumberCommand: CliCommand = {
  name: 'renumber',
  summary: 'give records that share an id the next free ids, renaming files and rewriting references',
  args: [],
  options: [],
  details:
    'Of records sharing an id, the first by file name keeps it. A supersedes/superseded_by reference is\n' +
    'rewritten where the renumbered record points back at the record holding it. A record with the number of\n' +
    'a Markdown record in the decisions folder (adr-tools, MADR) that it was not imported from moves too, so\n' +
    '"adrift import" can keep the Markdown numbers; references to it are rewritten.',
  async run(ctx) {
    const log = await requireLog(ctx);
    try {
      const changes = renumberDuplicates(log);
      if (changes.length === 0) {
        ctx.out('every record has its own id; nothing to renumber');
        return EXIT_OK;
      }
      await applyChanges(ctx, changes);
      for (const c of changes) ctx.out(c.renameFrom ? `renamed ${c.renameFrom} → ${c.path}` : `updated ${c.path}`);
    } catch (err) {
      if (err instanceof EditError) throw new UsageError(err.message);
      throw err;
    }
    return EXIT_OK;
  },
};
