// WorkspaceIndex.findingsSliced: the editor collects every finding after a scan in slices of
// its main thread. It must give what findings() gives, in the same order, and take each file
// as it is when its turn comes when the editor checks or removes files between slices.

import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../../src/core/engine/index';
import type { Slicer } from '../../../../src/core/engine/slice';
import type { Finding } from '../../../../src/core/findings';
import { HELPDESK, model } from '../rules/fixture';
import { MemoryFileSystem, relativeAnalyzer } from './memory';

const ROOT = '/ws';

/** Drift of every kind the index reports: module edges, a cycle, a private import, a suppression, a skipped file. */
function workspace(): MemoryFileSystem {
  return new MemoryFileSystem(ROOT, {
    'src/ticket/index.ts': "export { openTicket } from './service';\n",
    'src/ticket/service.ts':
      "import { currentUser } from '../user/session';\nimport { search } from '../knowledgebase/search';\n// adrift-ignore private-import -- nothing to excuse here\nexport const openTicket = () => search(currentUser());\n",
    'src/ticket/replies.ts': "import { t } from '../conversation/thread';\nexport const r = t;\n",
    'src/user/session.ts': "import type { Tenant } from '../tenant/model';\nexport const currentUser = () => 'u';\n",
    'src/user/blob.ts': 'a\0b',
    'src/tenant/model.ts': "import { search } from '../knowledgebase/search';\nexport interface Tenant { id: string }\n",
    'src/knowledgebase/index.ts': "export { search } from './search';\n",
    'src/knowledgebase/search.ts': 'export const search = (q: string) => [q];\n',
    'src/conversation/thread.ts': "import { openTicket } from '../ticket';\nexport const t = openTicket;\n",
  });
}

const CYCLIC = { ...HELPDESK, conversation: { ...HELPDESK.conversation, uses: ['tenant', 'user', 'ticket'] } };

async function scanned(): Promise<WorkspaceIndex> {
  const fs = workspace();
  const index = new WorkspaceIndex(fs, ROOT, {}, model(CYCLIC), relativeAnalyzer(fs, ROOT), { cache: false });
  await index.scan();
  return index;
}

/** Due after every item; each pause runs the next of `between` (an edit), then gives the event loop a turn. */
function everyItem(between: (() => void)[] = []): Slicer & { pauses: number } {
  const s = {
    pauses: 0,
    due: () => true,
    pause: async () => {
      between[s.pauses++]?.();
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
  return s;
}

const shown = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.rule} ${f.message}`);

describe('workspace index: findings collected in slices', () => {
  it('gives exactly what findings() gives, in the same order, one file per slice', async () => {
    const index = await scanned();
    const sync = index.findings();
    assert.ok(new Set(sync.map((f) => f.rule)).size >= 4, `the fixture has findings of several rules: ${shown(sync).join('; ')}`);
    const slicer = everyItem();
    const sliced = await index.findingsSliced(slicer);
    assert.deepEqual(sliced, sync);
    assert.ok(slicer.pauses >= index.sourceFiles().length, `paused ${slicer.pauses} times for ${index.sourceFiles().length} files`);
  });

  it('takes a file checked or removed between two slices as it is when its turn comes', async () => {
    const index = await scanned();
    const files = index.sourceFiles();
    // Edited before their turn: the last files in the index's order.
    const [removed, fixed] = files.slice(-2);
    assert.ok(index.findingsOf(fixed).length > 0 || index.findingsOf(removed).length > 0, 'the files edited meanwhile have findings before');
    const sliced = await index.findingsSliced(
      everyItem([
        () => index.checkFile(fixed, 'export const nothing = 1;\n'),
        () => index.removeFile(removed),
      ]),
    );
    assert.deepEqual(shown(sliced.filter((f) => f.file === fixed || f.file === removed)), []);
    assert.deepEqual(sliced, index.findings(), 'the result is the index after the edits');
  });
});
