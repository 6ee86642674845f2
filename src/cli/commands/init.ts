// `adrift init`: a decisions folder with its first record, the decision to record decisions.

import { DEFAULT_DECISIONS_FOLDER, CONFIG_FILE } from '../../core/config';
import { createRecord } from '../../core/records/edits';
import { todayUtc } from '../../core/records/store';
import { TextEditor } from '../../core/records/text-edit';
import { parseRecord } from '../../core/records/parse';
import { EXIT_OK, type CliCommand } from '../command';
import { absolute, applyChanges, loadLog } from '../workspace';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'create the decisions folder with a first record (and .adrift.yaml when the folder is not the default)',
  args: [],
  options: [],
  details: 'Does nothing to a workspace whose decisions folder already holds records.',
  async run(ctx) {
    const log = await loadLog(ctx);
    if (log.records.length > 0) {
      ctx.out(`${log.folderRelative} already holds ${log.records.length} decision record${log.records.length === 1 ? '' : 's'}; nothing to do.`);
      return EXIT_OK;
    }
    const first = createRecord(log, 'general', 'Record architecture decisions as Adrift YAML records', { id: 1, today: todayUtc() });
    // The first decision is made by running init: accept it and say why.
    const r = parseRecord(first.path, first.text);
    const ed = new TextEditor(first.text, r.doc!);
    ed.setKey([], 'status', 'accepted');
    ed.setKey([], 'context', '>\n  We need to remember why the architecture is the way it is, and to notice when the code drifts away from it.', []);
    const changes = [{ path: first.path, text: ed.result() }];
    const configPath = absolute(ctx, CONFIG_FILE);
    if (log.folderRelative !== DEFAULT_DECISIONS_FOLDER && !(await ctx.fs.stat(configPath))) {
      changes.push({ path: CONFIG_FILE, text: `# Adrift settings. decisions: the folder of the decision records.\ndecisions: ${log.folderRelative}\n` });
    }
    await applyChanges(ctx, changes);
    for (const c of changes) ctx.out(`created ${c.path}`);
    ctx.out(`Next: adrift new boundaries "Split the product into domain modules"`);
    return EXIT_OK;
  },
};
