import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../../src/core/engine/index';
import { HELPDESK, model } from '../rules/fixture';
import { cacheFolder } from '../../../../src/core/engine/cache';
import { MemoryFileSystem, relativeAnalyzer } from './memory';
import type { BatchRunner } from '../../../../src/core/engine/pool';
import { readAndExtract } from '../../../../src/core/engine/scan-read';
import { extractFile } from '../../../../src/core/engine/extract';
import type { Slicer } from '../../../../src/core/engine/slice';

const ROOT = '/ws';

function workspace(extra: Record<string, string> = {}): MemoryFileSystem {
  return new MemoryFileSystem(ROOT, {
    'src/ticket/index.ts': "export { openTicket } from './service';\n",
    'src/ticket/service.ts': "import { currentUser } from '../user/session';\nimport { search } from '../knowledgebase/search';\nexport const openTicket = () => search(currentUser());\n",
    'src/user/session.ts': "import type { Tenant } from '../tenant/model';\nexport const currentUser = () => 'u';\n",
    'src/tenant/model.ts': 'export interface Tenant { id: string }\n',
    'src/knowledgebase/index.ts': "export { search } from './search';\n",
    'src/knowledgebase/search.ts': 'export const search = (q: string) => [q];\n',
    'src/conversation/thread.ts': "import { openTicket } from '../ticket';\nexport const t = openTicket;\n",
    ...extra,
  });
}

describe('workspace index', () => {
  it('scans every file and reports the drift with positions', async () => {
    const fs = workspace();
    const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
    const stats = await index.scan();
    assert.equal(stats.files, 7);
    assert.deepEqual(
      index.findings().map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule} ${f.fromModule}→${f.toModule}`),
      ['src/ticket/service.ts:2 module-dependency ticket→knowledgebase', 'src/conversation/thread.ts:1 module-dependency conversation→ticket'].sort(),
    );
  });

  it('re-checks one edited file from memory without reading the workspace again', async () => {
    const fs = workspace();
    const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
    await index.scan();
    const reads = fs.reads;
    const fixed = index.checkFile('src/ticket/service.ts', "import { currentUser } from '../user/session';\nexport const openTicket = () => currentUser();\n");
    assert.deepEqual(fixed, []);
    assert.equal(fs.reads, reads);
    const broken = index.checkFile('src/ticket/service.ts', "\n\nimport { search } from '../knowledgebase/search';\n");
    assert.deepEqual(broken.map((f) => [f.rule, f.range.start.line]), [['module-dependency', 2]]);
    assert.equal(index.findings().filter((f) => f.file === 'src/ticket/service.ts').length, 1, 'the index keeps the new text');
    assert.deepEqual(index.checkFile('README.md', '# not code'), [], 'files Adrift does not read have no findings');
  });

  it('re-evaluates under a new model without reading files, and previews one without changing', async () => {
    const fs = workspace();
    const analyzer = relativeAnalyzer(fs, ROOT);
    const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), analyzer, { cache: false });
    await index.scan();
    const reads = fs.reads;
    const extractions = analyzer.extractions;
    const allowing = model({ ...HELPDESK, ticket: { ...HELPDESK.ticket, uses: [...HELPDESK.ticket.uses, 'knowledgebase'] } });
    const preview = index.findingsUnder(allowing).map((f) => f.rule).sort();
    assert.deepEqual(preview, ['module-dependency', 'private-import'], 'ticket may use knowledgebase now, but only through its public entry');
    assert.deepEqual(index.findings().map((f) => f.rule), ['module-dependency', 'module-dependency'], 'a preview leaves the index as it was');
    index.setModel(allowing);
    assert.deepEqual(index.findings().map((f) => f.rule).sort(), preview);
    assert.equal(fs.reads, reads);
    assert.equal(analyzer.extractions, extractions);
  });

  describe('re-evaluating in slices under a new model (the editor, after a record changed)', () => {
    const cyclic = model({ ...HELPDESK, conversation: { ...HELPDESK.conversation, uses: ['tenant', 'user', 'ticket'] } });
    const REPLIES = "import { t } from '../conversation/thread';\nexport const r = t;\n";
    /** Scans the help desk (with or without the file that closes a cycle) under `m`. */
    async function scanned(m: ReturnType<typeof model>, withReplies: boolean): Promise<WorkspaceIndex> {
      const fs = workspace(withReplies ? { 'src/ticket/replies.ts': REPLIES } : {});
      const index = new WorkspaceIndex(fs, ROOT, {}, m, relativeAnalyzer(fs, ROOT), { cache: false });
      await index.scan();
      return index;
    }
    /** Due after every file; the n-th pause runs `at[n]`. */
    const pausing = (at: Record<number, () => void>): Slicer => {
      let n = 0;
      return { due: () => true, pause: () => new Promise((resolve) => setImmediate(() => (at[++n]?.(), resolve()))) };
    };
    const all = (index: WorkspaceIndex): string => JSON.stringify(index.findings());

    it('ends with what one pass gives, keeping a file re-checked or removed during a pause', async () => {
      const index = await scanned(model(HELPDESK), true);
      await index.setModelSliced(cyclic, pausing({ 1: () => index.checkFile('src/ticket/replies.ts', REPLIES), 7: () => index.removeFile('src/ticket/replies.ts') }));
      const fresh = await scanned(cyclic, false);
      assert.equal(all(index), all(fresh), 'the re-checked file\'s module edge was counted once, so its removal ended the cycle');
      const once = await scanned(model(HELPDESK), true);
      await once.setModelSliced(cyclic, pausing({}));
      assert.equal(all(once), all(await scanned(cyclic, true)));
      assert.ok(all(once).includes('module-cycle'));
    });

    it('stops when a scan started meanwhile, which evaluates every file itself under the new model', async () => {
      const fs = workspace({ 'src/ticket/replies.ts': REPLIES });
      const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      // A record changed during the scan: the re-evaluation pauses after its first file, and resumes only once the scan is over.
      let reevaluating: Promise<void> | undefined;
      await index.scan({
        live: true,
        onProgress: () => {
          if (reevaluating) return;
          index.checkFile('src/conversation/thread.ts', "import { openTicket } from '../ticket';\nexport const t = openTicket;\n");
          index.checkFile('src/ticket/replies.ts', REPLIES);
          reevaluating = index.setModelSliced(cyclic, { due: () => true, pause: () => held });
        },
      });
      release();
      await reevaluating;
      assert.equal(all(index), all(await scanned(cyclic, true)));
      index.removeFile('src/ticket/replies.ts');
      assert.equal(all(index), all(await scanned(cyclic, false)), 'the scan and the re-evaluation did not both count a module edge');
    });

    it('stops when a re-evaluation in one pass (a preview) replaced it meanwhile', async () => {
      const index = await scanned(model(HELPDESK), true);
      let preview = '';
      await index.setModelSliced(cyclic, pausing({ 2: () => void (preview = JSON.stringify(index.findingsUnder(model(HELPDESK)))) }));
      assert.ok(preview.includes('module-dependency'));
      assert.equal(all(index), all(await scanned(cyclic, true)));
      index.removeFile('src/ticket/replies.ts');
      assert.equal(all(index), all(await scanned(cyclic, false)), 'no module edge was counted twice');
    });
  });

  it('keeps module-cycle findings current as files change and go', async () => {
    const cyclic = { ...HELPDESK, conversation: { ...HELPDESK.conversation, uses: ['tenant', 'user', 'ticket'] } };
    const fs = workspace({ 'src/ticket/replies.ts': "import { t } from '../conversation/thread';\nexport const r = t;\n" });
    const index = new WorkspaceIndex(fs, ROOT, {}, model(cyclic), relativeAnalyzer(fs, ROOT), { cache: false });
    await index.scan();
    const cycle = index.findings().filter((f) => f.rule === 'module-cycle');
    assert.deepEqual(cycle.map((f) => [f.file, f.message.replace(/ \(ADR.*$/, '')]), [
      ['src/conversation/thread.ts', 'module "conversation" imports module "ticket" and closes the cycle conversation → ticket → conversation'],
    ]);
    index.removeFile('src/ticket/replies.ts');
    assert.deepEqual(index.findings().filter((f) => f.rule === 'module-cycle'), []);
  });

  it('gives the module map every cross-module import with whether a decision allows it', async () => {
    const fs = workspace();
    const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
    await index.scan();
    assert.deepEqual(
      index.moduleImports().map((e) => `${e.from}→${e.to} ${e.allowed} ${e.typeOnly} ${e.specifier}`).sort(),
      ['conversation→ticket false false ../ticket', 'ticket→knowledgebase false false ../knowledgebase/search', 'ticket→user true false ../user/session', 'user→tenant true true ../tenant/model'],
    );
    assert.deepEqual(index.dependents('src/knowledgebase/search.ts').sort(), ['src/knowledgebase/index.ts', 'src/ticket/service.ts']);
  });

  it('applies inline suppressions and reports unused ones', async () => {
    const fs = workspace({
      'src/ticket/service.ts':
        "import { currentUser } from '../user/session';\n// adrift-ignore module-dependency -- search moves to the ticket module in Q2\nimport { search } from '../knowledgebase/search';\n// adrift-ignore private-import -- nothing to excuse here\nexport const openTicket = () => search(currentUser());\n",
    });
    const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
    await index.scan();
    assert.deepEqual(
      index.findingsOf('src/ticket/service.ts').map((f) => [f.rule, f.range.start.line]),
      [['unused-suppression', 3]],
    );
  });

  it('reuses cached extractions on the next scan and re-extracts only changed files', async () => {
    const fs = workspace();
    const first = relativeAnalyzer(fs, ROOT);
    await new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), first).scan();
    assert.deepEqual([...fs.files.keys(), ...fs.blobs.keys()].filter((f) => f.startsWith(`${ROOT}/`) && /cache/.test(f)), [], 'nothing is written into the workspace');
    assert.ok(fs.blobs.has(`${cacheFolder(ROOT)}/scan-cache.bin`), 'the cache goes to the user cache folder');
    fs.files.set(`${ROOT}/src/tenant/model.ts`, 'export interface Tenant { id: string; name: string }\n');
    const second = relativeAnalyzer(fs, ROOT);
    const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), second);
    const stats = await index.scan();
    assert.equal(stats.cached, 6);
    assert.equal(second.extractions, 1);
    assert.equal(index.findings().length, 2);
  });

  it('keeps the cache in a folder of the caller\'s, through the caller\'s file system, when given one', async () => {
    const fs = workspace();
    const storage = new MemoryFileSystem('/storage', {});
    const options = { cache: { folder: '/storage/extractions/ws', fs: storage } };
    await new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), options).scan();
    assert.deepEqual([...fs.files.keys(), ...fs.blobs.keys()].filter((f) => f.includes('cache')), [], 'nothing is written into the workspace');
    assert.ok(storage.blobs.has('/storage/extractions/ws/scan-cache.bin'));
    const second = relativeAnalyzer(fs, ROOT);
    const stats = await new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), second, options).scan();
    assert.equal(second.extractions, 0, 'the second scan reads the extractions from the caller\'s folder');
    assert.equal(stats.cached, 7);
  });

  it('reports progress and stops when cancelled', async () => {
    const fs = workspace();
    const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
    const progress: number[] = [];
    await index.scan({ onProgress: (done, total) => progress.push(done / total) });
    assert.equal(progress[progress.length - 1], 1);
    const stats = await index.scan({ isCancelled: () => true });
    assert.equal(stats.cancelled, true);
  });

  it('judges a file edited while a live scan reads the workspace at once, and keeps that text when the scan ends', async () => {
    const broken = "import { search } from '../knowledgebase/search';\nexport const currentUser = () => search('u');\n";
    for (const live of [true, false]) {
      const fs = workspace();
      const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
      let during: string[] = [];
      // Progress is reported while files are read, before the scan's own resolver exists.
      await index.scan({ live, onProgress: () => (during = index.checkFile('src/user/session.ts', broken).map((f) => `${f.rule} ${f.fromModule}→${f.toModule}`)) });
      assert.deepEqual(during, live ? ['module-dependency user→knowledgebase'] : [], `live: ${live}`);
      assert.ok(index.findingsOf('src/user/session.ts').some((f) => f.rule === 'module-dependency' && f.toModule === 'knowledgebase'), `live: ${live}`);
    }
  });

  it('reports a file the extractor skips, and leaves excluded files out', async () => {
    const fs = workspace({ 'src/user/blob.ts': 'a\0b', 'src/user/generated/api.ts': "import '../../knowledgebase/search';\n" });
    const index = new WorkspaceIndex(fs, ROOT, { exclude: ['src/user/generated/**'] }, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
    const stats = await index.scan();
    assert.equal(stats.skipped.length, 1);
    assert.deepEqual(index.findingsOf('src/user/blob.ts').map((f) => [f.rule, f.severity]), [['skipped-file', 'info']]);
    assert.deepEqual(index.findingsOf('src/user/generated/api.ts'), []);
  });

  describe('edits made while a scan runs', () => {
    const VIOLATING = "import { search } from '../knowledgebase/search';\nexport const s = search;\n";
    /** Filler files so the scan reads in several chunks and yields between them. */
    const filler = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`src/tenant/gen/f${String(i).padStart(4, '0')}.ts`, `export const v${i} = ${i};\n`]));
    /** Scans a workspace with `fillers` extra files; `edit` runs once, after the first chunk is read. */
    async function scanWhileEditing(fillers: number, edit: (fs: MemoryFileSystem, index: WorkspaceIndex) => void): Promise<WorkspaceIndex> {
      const fs = workspace(filler(fillers));
      const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
      let first = true;
      await index.scan({
        onProgress: () => {
          if (first) edit(fs, index);
          first = false;
        },
      });
      return index;
    }
    const drift = (index: WorkspaceIndex, file: string) => index.findingsOf(file).map((f) => `${f.rule} ${f.fromModule}→${f.toModule} ${f.range.start.line + 1}`);

    it('keeps an import typed after the scan read the file, and checks it against the resolver when the scan ends', async () => {
      const fs = workspace();
      const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
      let during: string[] | undefined;
      // onProgress runs after the files are read and before the resolver exists: the editor's
      // one-file re-check at that moment cannot resolve the import yet.
      await index.scan({ onProgress: () => void (during ??= index.checkFile('src/user/session.ts', VIOLATING).map((f) => f.rule)) });
      assert.deepEqual(during, []);
      assert.deepEqual(drift(index, 'src/user/session.ts'), ['module-dependency user→knowledgebase 1'], 'the editor\'s text wins over what the scan read from disk');
    });

    it('keeps a file saved while the scan runs, whether the scan read it before or after', async () => {
      const index = await scanWhileEditing(400, (fs, index) => {
        // Saved (autosave): the disk has the new text too, and the watcher re-checks it.
        fs.files.set(`${ROOT}/src/user/session.ts`, VIOLATING);
        index.updateFile('src/user/session.ts', VIOLATING);
        // Typed but not saved, in a file the scan reads later from disk (old text there).
        index.checkFile('src/tenant/gen/f0399.ts', "import { search } from '../../knowledgebase/search';\n");
      });
      assert.deepEqual(drift(index, 'src/user/session.ts'), ['module-dependency user→knowledgebase 1']);
      assert.deepEqual(drift(index, 'src/tenant/gen/f0399.ts'), ['module-dependency tenant→knowledgebase 1'], 'the scan\'s later read of the old disk text does not overwrite the editor\'s');
    });

    it('drops a file deleted while the scan runs and resolves imports of a file created meanwhile', async () => {
      const index = await scanWhileEditing(200, (fs, index) => {
        fs.files.delete(`${ROOT}/src/conversation/thread.ts`);
        index.removeFile('src/conversation/thread.ts');
        fs.files.set(`${ROOT}/src/conversation/new.ts`, "import { search } from '../knowledgebase/search';\n");
        index.updateFile('src/conversation/new.ts', "import { search } from '../knowledgebase/search';\n");
      });
      assert.ok(!index.sourceFiles().includes('src/conversation/thread.ts'));
      assert.deepEqual(index.findingsOf('src/conversation/thread.ts'), []);
      assert.deepEqual(drift(index, 'src/conversation/new.ts'), ['module-dependency conversation→knowledgebase 1']);
      assert.equal(index.factsOf('src/conversation/new.ts')?.resolutions[0].kind, 'file');
    });
  });

  describe('a sliced scan (the editor\'s)', () => {
    const filler = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`src/tenant/gen/f${String(i).padStart(4, '0')}.ts`, i % 50 === 0 ? "import { search } from '../../knowledgebase/search';\n" : `export const v${i} = ${i};\n`]));
    /** Due after every item; `onPause` runs inside each pause, with the event loop free as in the editor. */
    const everyItem = (onPause: () => void = () => undefined): Slicer => ({
      due: () => true,
      pause: () => new Promise((resolve) => setImmediate(() => (onPause(), resolve()))),
    });
    const all = (index: WorkspaceIndex): string => JSON.stringify(index.findings());

    it('finds exactly what an unsliced scan finds, cold and warm, and writes the same cache', async () => {
      const plain = workspace(filler(300));
      const a = new WorkspaceIndex(plain, ROOT, {}, model(HELPDESK), relativeAnalyzer(plain, ROOT));
      await a.scan();
      const sliced = workspace(filler(300));
      const b = new WorkspaceIndex(sliced, ROOT, {}, model(HELPDESK), relativeAnalyzer(sliced, ROOT));
      let pauses = 0;
      await b.scan({ live: true, slicer: everyItem(() => pauses++) });
      assert.ok(pauses > 600, `paused ${pauses} times`);
      assert.equal(all(b), all(a));
      assert.ok(all(a).includes('module-dependency'));
      assert.deepEqual([...sliced.blobs.values()].map((x) => x.length), [...plain.blobs.values()].map((x) => x.length));
      const warm = await b.scan({ live: true, slicer: everyItem() });
      assert.equal(warm.cached, warm.files);
      assert.equal(all(b), all(a));
    });

    it('keeps what was typed, saved or deleted during a pause of its last loop over the files', async () => {
      const fs = workspace(filler(300));
      const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), relativeAnalyzer(fs, ROOT), { cache: false });
      let read = false;
      let edited: { before: string; after: string; removed: string } | undefined;
      await index.scan({
        live: true,
        onProgress: (done, total) => void (read = done === total),
        slicer: everyItem(() => {
          // Half-way through the loop that resolves and evaluates every file read.
          if (!read || edited || index.sourceFiles().length < 150) return;
          const held = new Set(index.sourceFiles());
          const before = 'src/conversation/thread.ts';
          const after = 'src/user/session.ts';
          assert.ok(held.has(before) && !held.has(after), 'one file checked by the loop already, one not yet');
          index.checkFile(before, "import { search } from '../knowledgebase/search';\n");
          fs.files.set(`${ROOT}/${after}`, "import { search } from '../knowledgebase/search';\n");
          index.updateFile(after, "import { search } from '../knowledgebase/search';\n");
          const removed = 'src/tenant/gen/f0299.ts';
          fs.files.delete(`${ROOT}/${removed}`);
          index.removeFile(removed);
          edited = { before, after, removed };
        }),
      });
      assert.ok(edited, 'the edits ran during the loop');
      const drift = (file: string) => index.findingsOf(file).map((f) => `${f.rule} ${f.fromModule}→${f.toModule}`);
      assert.deepEqual(drift(edited.before), ['module-dependency conversation→knowledgebase'], 'the loop does not check a file again once it was edited');
      assert.deepEqual(drift(edited.after), ['module-dependency user→knowledgebase'], 'the disk text the scan read earlier does not overwrite the save');
      assert.ok(!index.sourceFiles().includes(edited.removed));
      // The resolver forgot the removed file, though the loop had not checked it yet.
      index.checkFile('src/tenant/late.ts', "import { v } from './gen/f0299';\n");
      assert.equal(index.factsOf('src/tenant/late.ts')?.resolutions[0].kind, 'unresolved');
    });

    it('extracts every batch on the pool, none on its own thread, and reads an unsaved editor\'s file through the port', async () => {
      const unsaved = 'src/tenant/gen/f0400.ts';
      // The port holds an unsaved editor's text the disk does not have (a method, as the editor's port has).
      class EditorPort extends MemoryFileSystem {
        readonly unsaved = new Set([`${ROOT}/${unsaved}`]);
        pathsInMemory(): ReadonlySet<string> {
          return this.unsaved;
        }
      }
      const memoryBacked = new EditorPort(ROOT, Object.fromEntries([...workspace(filler(600)).files].map(([p, text]) => [p.slice(ROOT.length + 1), text])));
      const disk = workspace(filler(600));
      memoryBacked.files.set(`${ROOT}/${unsaved}`, "import { search } from '../../knowledgebase/search';\n");
      const analyzer = relativeAnalyzer(memoryBacked, ROOT);
      const batches: number[] = [];
      // A stand-in for the worker pool: it reads the disk, as a worker does.
      const pool: BatchRunner = {
        workers: 1,
        run: async (root, requests, started) => {
          batches.push(requests.length);
          return readAndExtract(disk, root, requests, extractFile, started);
        },
      };
      const index = new WorkspaceIndex(memoryBacked, ROOT, {}, model(HELPDESK), analyzer, { cache: false, parallel: { pool, threshold: 0 } });
      const extracting = analyzer.extractions;
      const stats = await index.scan({ live: true, slicer: everyItem() });
      assert.equal(stats.onWorkers, stats.files);
      assert.equal(batches.reduce((a, b) => a + b, 0), stats.files, 'every file went to the pool');
      assert.ok(batches.length >= 3);
      assert.equal(analyzer.extractions - extracting, 1, 'this thread extracted only the unsaved file');
      assert.deepEqual(index.findingsOf(unsaved).map((f) => f.rule), ['module-dependency']);
    });

    it('sends a warm scan to the pool too when told to count every file (the editor), and not otherwise (the CLI)', async () => {
      for (const everyFile of [true, false]) {
        const fs = workspace(filler(600));
        const analyzer = relativeAnalyzer(fs, ROOT);
        let sent = 0;
        const pool: BatchRunner = { workers: 1, run: async (root, requests, started) => ((sent += requests.length), readAndExtract(fs, root, requests, extractFile, started)) };
        const index = new WorkspaceIndex(fs, ROOT, {}, model(HELPDESK), analyzer, { parallel: { pool, threshold: 100, everyFile } });
        const cold = await index.scan({ live: true, slicer: everyItem() });
        assert.equal(cold.cached, 0);
        sent = 0;
        const warm = await index.scan({ live: true, slicer: everyItem() });
        assert.equal(warm.cached, warm.files);
        assert.equal(sent, everyFile ? warm.files : 0, `everyFile: ${everyFile}`);
      }
    });
  });
});
