// Every record command driven as a user would, with the prompts answered from the test
// through the prompt seam; the files on disk and the Decisions view are checked after each.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { testWorkspace, waitFor, workspaceUri } from '../harness';
import { activated, answer, decisionsTree, exists, groups, nextRecordId, pad, prompts, readFile, recordFiles, snapshotWorkspace, treeShows } from './commandsTestHooks';

/** Pressing Enter on an input box's pre-filled text (see ScriptedPrompter). */
const ENTER = '\u23ce';

function record(file: string): Record<string, unknown> {
  return parse(readFile(file)) as Record<string, unknown>;
}

suite('Commands: decision records', () => {
  // Earlier suites in this extension host may have added records: number from what is there.
  let first = 0;
  const id = (n: number) => first + n;
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async () => {
    await activated();
    first = nextRecordId();
    restore = snapshotWorkspace();
  });
  suiteTeardown(async () => {
    await restore?.();
  });

  teardown(async () => {
    // A failing test must not leave answers queued for the next one.
    await answer();
  });

  test('Add Decision Record asks the kind, then the title, writes the skeleton and opens it', async () => {
    const before = recordFiles();
    await answer('Technology choice', 'Use Redis for rate limits');
    const file = (await vscode.commands.executeCommand('adrift.addDecision')) as string;
    assert.equal(file, `docs/adr/${pad(id(0))}-use-redis-for-rate-limits.yaml`);
    assert.deepEqual(recordFiles(), [...before, `${pad(id(0))}-use-redis-for-rate-limits.yaml`].sort());
    const text = readFile(file);
    assert.match(text, new RegExp(`^id: ${id(0)}$`, 'm'));
    assert.match(text, /^title: Use Redis for rate limits$/m);
    assert.match(text, /^status: proposed$/m);
    assert.match(text, /^kind: technology$/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri(file).fsPath);
    const asked = await prompts();
    assert.equal(asked.pending, 0);
    assert.deepEqual(asked.asked, ['Add Decision Record (1/2)', 'Add Decision Record (2/2)']);
    const tree = await treeShows(`${pad(id(0))} Use Redis for rate limits`);
    assert.ok(groups(tree).get('Proposed')?.includes(`${pad(id(0))} Use Redis for rate limits`));
  });

  test('Add Decision Record takes the kind and title as arguments, skipping the prompts', async () => {
    const file = (await vscode.commands.executeCommand('adrift.addDecision', { kind: 'general', title: 'Keep one repository' })) as string;
    assert.equal(file, `docs/adr/${pad(id(1))}-keep-one-repository.yaml`);
    assert.match(readFile(file), /^kind: general$/m);
    await treeShows(`${pad(id(1))} Keep one repository`);
  });

  test('a cancelled prompt writes nothing', async () => {
    const before = recordFiles();
    await answer('General', null);
    assert.equal(await vscode.commands.executeCommand('adrift.addDecision'), undefined);
    assert.deepEqual(recordFiles(), before);
  });

  test('an answer that fits no item fails loudly instead of picking something else', async () => {
    await answer('A kind that does not exist');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('adrift.addDecision')), /has no item "A kind that does not exist"/);
  });

  test('an empty title is refused by the input validation', async () => {
    await answer('General', '   ');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('adrift.addDecision')), /needs a title/);
  });

  test('Change Decision Status: pick the record and the status; file and tree follow', async () => {
    const label = `${pad(id(0))} Use Redis for rate limits`;
    await answer(label, 'accepted');
    assert.equal(await vscode.commands.executeCommand('adrift.changeStatus'), 'accepted');
    assert.match(readFile(`docs/adr/${pad(id(0))}-use-redis-for-rate-limits.yaml`), /^status: accepted$/m);
    const tree = await waitFor('the record to move to Accepted', async () => {
      const g = groups((await decisionsTree()).items);
      return g.get('Accepted')?.includes(label) ? g : undefined;
    });
    assert.ok(!tree.get('Proposed')?.includes(label));
  });

  test('Change Decision Status from a CodeLens or tree passes the record; only the status is asked', async () => {
    await answer('rejected');
    const file = `docs/adr/${pad(id(1))}-keep-one-repository.yaml`;
    assert.equal(await vscode.commands.executeCommand('adrift.changeStatus', workspaceUri(file)), 'rejected');
    assert.match(readFile(file), /^status: rejected$/m);
  });

  test('Change Decision Status from the palette preselects the record open in the editor', async () => {
    const file = 'docs/adr/0009-build-vs-buy.yaml';
    await vscode.window.showTextDocument(workspaceUri(file), { preview: false });
    await answer(ENTER, 'deprecated');
    try {
      assert.equal(await vscode.commands.executeCommand('adrift.changeStatus'), 'deprecated');
      assert.match(readFile(file), /^status: deprecated$/m);
    } finally {
      await vscode.commands.executeCommand('adrift.changeStatus', { id: 9, status: 'accepted' });
    }
  });

  test('Supersede Decision with an existing proposed successor links it; accepting it retires the old record', async () => {
    const others = recordFiles().filter((f) => !f.startsWith(pad(id(0))) && !f.startsWith(pad(id(1))));
    const before = new Map(others.map((f) => [f, readFile(`docs/adr/${f}`)]));
    const oldFile = `docs/adr/${pad(id(0))}-use-redis-for-rate-limits.yaml`;
    const newFile = `docs/adr/${pad(id(1))}-keep-one-repository.yaml`;
    // The successor is picked from the list: the record added above as "Keep one repository".
    await vscode.commands.executeCommand('adrift.changeStatus', { id: id(1), status: 'proposed' });
    await answer(`${pad(id(1))} Keep one repository`);
    assert.deepEqual(await vscode.commands.executeCommand('adrift.supersede', id(0)), { old: id(0), successor: id(1), oldInForce: true });
    assert.equal(record(oldFile).status, 'accepted', 'the old record holds until its successor is accepted');
    assert.deepEqual(record(newFile).supersedes, [id(0)]);
    // Accept, as the CodeLens on the successor's status does: both files change in one edit.
    assert.equal(await vscode.commands.executeCommand('adrift.editor.acceptDecision', workspaceUri(newFile).toString(), id(1)), true);
    const old = record(oldFile);
    assert.equal(old.status, 'superseded');
    assert.equal(old.superseded_by, id(1));
    assert.equal(record(newFile).status, 'accepted');
    for (const [f, text] of before) assert.equal(readFile(`docs/adr/${f}`), text, `${f} must not change`);
  });

  test('Supersede Decision with a new record writes a pre-filled proposed successor; the old one holds until it is accepted', async () => {
    const oldFile = 'docs/adr/0008-external-oidc-sign-in.yaml';
    const oldText = readFile(oldFile);
    await answer('New decision record…', 'Sign agents in with passkeys');
    assert.deepEqual(await vscode.commands.executeCommand('adrift.supersede', { id: 8 }), { old: 8, successor: id(2), oldInForce: true });
    const created = `docs/adr/${pad(id(2))}-sign-agents-in-with-passkeys.yaml`;
    assert.ok(exists(created));
    const successor = record(created);
    const previous = record(oldFile);
    assert.deepEqual([successor.status, successor.supersedes, successor.title], ['proposed', [8], 'Sign agents in with passkeys']);
    for (const key of ['kind', 'area', 'tags', 'context', 'options', 'enforce']) assert.deepEqual(successor[key], previous[key], `${key} is pre-filled from record 8`);
    assert.equal(readFile(oldFile), oldText, 'record 8 is not touched yet');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri(created).fsPath);
    const tree = await treeShows(`${pad(id(2))} Sign agents in with passkeys`);
    assert.ok(groups(tree).get('Proposed')?.includes(`${pad(id(2))} Sign agents in with passkeys`));
    assert.ok(groups(tree).get('Accepted')?.some((l) => l.startsWith('0008 ')), 'record 8 is still in force');

    // Change Decision Status → accepted on the successor retires record 8 in the same edit.
    await answer('accepted');
    assert.equal(await vscode.commands.executeCommand('adrift.changeStatus', workspaceUri(created)), 'accepted');
    assert.equal(record(oldFile).status, 'superseded');
    assert.equal(record(oldFile).superseded_by, id(2));
    const comments = oldText.split('\n').filter((l) => l.trim().startsWith('#'));
    for (const c of comments) assert.ok(readFile(oldFile).includes(c), `comment kept: ${c}`);
    const after = await waitFor('record 8 to move to Superseded', async () => {
      const g = groups((await decisionsTree()).items);
      return g.get('Superseded')?.some((l) => l.startsWith('0008 ')) ? g : undefined;
    });
    assert.ok(after.get('Accepted')?.includes(`${pad(id(2))} Sign agents in with passkeys`));
  });

  test('Change Decision Status keeps a byte-order mark and CRLF, and refuses a Latin-1 record without touching it', async () => {
    const crlf = `docs/adr/${pad(id(3))}-keep-crlf.yaml`;
    const latin1 = `docs/adr/${pad(id(4))}-latin-one.yaml`;
    const text = (n: number, title: string) => `# Written on Windows.\r\nid: ${n}\r\ntitle: ${title}\r\nstatus: proposed\r\ndate: 2026-11-01\r\ncontext: Saved by an old editor.\r\n`;
    fs.writeFileSync(workspaceUri(crlf).fsPath, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(id(3), 'Keep CRLF'), 'utf8')]));
    const latinBytes = Buffer.from(text(id(4), 'Latin one').replace('old editor', 'vieil éditeur'), 'latin1');
    fs.writeFileSync(workspaceUri(latin1).fsPath, latinBytes);
    await treeShows(`${pad(id(4))} Latin one`);
    assert.equal(await vscode.commands.executeCommand('adrift.changeStatus', { id: id(3), status: 'accepted' }), 'accepted');
    const written = fs.readFileSync(workspaceUri(crlf).fsPath);
    assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte-order mark is kept');
    const after = written.subarray(3).toString('utf8');
    assert.match(after, /\r\nstatus: accepted\r\n/);
    assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF in a CRLF record');
    assert.equal(await vscode.commands.executeCommand('adrift.changeStatus', { id: id(4), status: 'accepted' }), undefined, 'the edit is refused');
    assert.deepEqual(fs.readFileSync(workspaceUri(latin1).fsPath), latinBytes, 'not one byte of the Latin-1 record changed');
  });

  test('Assign Folder to Module: "New module" on scripts/ proposes a new record and changes no accepted one', async () => {
    // Seen: the module went into record 0004 (the dashboard), accepted and unrelated.
    const folder = path.join(testWorkspace(), 'scripts');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'seed.ts'), "import { createTicket } from '../src/server/ticket';\nexport const seed = createTicket;\n");
    const texts = new Map(recordFiles().map((f) => [`docs/adr/${f}`, readFile(`docs/adr/${f}`)]));
    await answer('New module…', ENTER, 'New proposed record');
    const result = (await vscode.commands.executeCommand('adrift.assignFolder', vscode.Uri.file(folder))) as { module: string; glob: string; file: string };
    assert.deepEqual({ module: result.module, glob: result.glob }, { module: 'scripts', glob: 'scripts/**' });
    assert.equal(result.file, `docs/adr/${pad(nextRecordId() - 1)}-declare-module-scripts.yaml`);
    for (const [file, text] of texts) assert.equal(readFile(file), text, `${file} is unchanged`);
    const written = record(result.file);
    assert.equal(written.status, 'proposed');
    assert.deepEqual((written.enforce as { modules: Record<string, { paths: string[] }> }).modules.scripts.paths, ['scripts/**']);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri(result.file).fsPath, 'the new record opens');
    assert.equal((await prompts()).asked.length, 3, 'asked: the module, its name, the record');
  });

  test('Assign Folder to Module into an accepted record asks first; no answer writes nothing', async () => {
    const folder = path.join(testWorkspace(), 'src', 'server', 'search');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'query.ts'), 'export {};\n');
    const file = 'docs/adr/0003-split-into-five-domain-modules.yaml';
    const before = readFile(file);
    const target = '0003 Split the help desk into five domain modules with owned data';
    await answer('knowledgebase', target, null);
    assert.equal(await vscode.commands.executeCommand('adrift.assignFolder', vscode.Uri.file(path.join(folder, 'query.ts'))), undefined);
    assert.match((await prompts()).asked.at(-1) ?? '', /^Record 0003 .* is accepted: .*Edit it anyway\?$/);
    assert.equal(readFile(file), before, 'cancelled: the accepted record is unchanged');
    await answer('knowledgebase', target, 'Edit Accepted Record');
    await vscode.commands.executeCommand('adrift.assignFolder', vscode.Uri.file(path.join(folder, 'query.ts')));
    const modules = (record(file).enforce as { modules: Record<string, { paths: string[] }> }).modules;
    assert.deepEqual(modules.knowledgebase.paths, ['src/server/knowledgebase/**', 'src/server/search/**']);
    for (const line of before.split('\n').filter((l) => l.trim().startsWith('#'))) assert.ok(readFile(file).includes(line), `comment kept: ${line}`);
  });

  test('Assign Folder to Module on a Next.js route folder src/app/[slug]: quoted, escaped, and once accepted it claims only that folder', async () => {
    const slug = path.join(testWorkspace(), 'src', 'app', '[slug]');
    const s = path.join(testWorkspace(), 'src', 'app', 's');
    for (const dir of [slug, s]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'page.tsx'), 'export default function Page() { return null; }\n');
    }
    await answer('New module…', 'slug-pages', 'New proposed record');
    const result = (await vscode.commands.executeCommand('adrift.assignFolder', vscode.Uri.file(slug))) as { module: string; glob: string; file: string };
    assert.equal(result.glob, 'src/app/\\[slug\\]/**');
    assert.match(readFile(result.file), /paths: \['src\/app\/\\\[slug\\\]\/\*\*'\]/);
    const id = Number(/(\d{4})-/.exec(result.file)?.[1]);
    assert.equal(await vscode.commands.executeCommand('adrift.changeStatus', { id, status: 'accepted' }), 'accepted');
    const lensTitles = async (file: string) => {
      await vscode.window.showTextDocument(workspaceUri(file), { preview: false });
      return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(file), 100)).map((l) => l.command?.title ?? '');
    };
    await waitFor('src/app/[slug]/page.tsx to be in module slug-pages', async () => (await lensTitles('src/app/[slug]/page.tsx')).some((t) => t.includes('slug-pages')));
    assert.ok(!(await lensTitles('src/app/s/page.tsx')).some((t) => t.includes('slug-pages')), 'src/app/s is not claimed');
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri(result.file)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), [], 'the record loads without an error');
    assert.doesNotMatch(readFile(result.file), /Accept it/, 'the proposal note went with the acceptance');
  });

  test('Assign Folder to Module suggests a kebab-case module name from a file\'s folder', async () => {
    const folder = path.join(testWorkspace(), 'src', 'server', 'SlaReports');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'weekly.ts'), 'export {};\n');
    await answer('New module…', ENTER, 'New proposed record');
    const result = (await vscode.commands.executeCommand('adrift.assignFolder', vscode.Uri.file(path.join(folder, 'weekly.ts')))) as { module: string; glob: string };
    assert.deepEqual({ module: result.module, glob: result.glob }, { module: 'sla-reports', glob: 'src/server/SlaReports/**' });
  });

  test('a module name that is not lower-case kebab is refused', async () => {
    await answer('New module…', 'Billing Stuff');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('adrift.assignFolder', { path: 'src/components' })), /lower-case letters/);
  });

  test('Filter Decisions narrows the tree by title, tag or id, and an empty text clears it', async () => {
    const labels = async () => (await decisionsTree()).items.flatMap((g) => (g.children ?? []).map((c) => c.label));
    assert.equal(await vscode.commands.executeCommand('adrift.filterDecisions', 'postgres'), 'postgres');
    assert.equal((await decisionsTree()).description, 'filter: postgres');
    const postgres = await labels();
    assert.ok(postgres.includes('0005 Use PostgreSQL through Prisma as the only database'));
    assert.ok(!postgres.some((l) => l.startsWith('0003 ')));
    await answer('#modules');
    await vscode.commands.executeCommand('adrift.filterDecisions');
    const tagged = await labels();
    assert.ok(tagged.includes('0003 Split the help desk into five domain modules with owned data'));
    assert.ok(tagged.includes('0012 Let the ticket module suggest knowledge-base articles'));
    assert.ok(!tagged.some((l) => l.startsWith('0005 ')), 'a record without the tag is hidden');
    await vscode.commands.executeCommand('adrift.filterDecisions', 'adr-0010');
    assert.deepEqual(await labels(), ['0010 Grow from one region to multi-region in three stages']);
    await vscode.commands.executeCommand('adrift.filterDecisions', '');
    assert.equal((await decisionsTree()).description, undefined);
    assert.ok((await labels()).length >= 15);
  });

  test('Open Decision Record by id opens the file', async () => {
    assert.equal(await vscode.commands.executeCommand('adrift.openDecision', { id: 5 }), 'docs/adr/0005-postgresql-as-the-database.yaml');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri('docs/adr/0005-postgresql-as-the-database.yaml').fsPath);
  });
});
