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

  test('Supersede Decision with an existing successor changes both files and nothing else', async () => {
    const others = recordFiles().filter((f) => !f.startsWith(pad(id(0))) && !f.startsWith(pad(id(1))));
    const before = new Map(others.map((f) => [f, readFile(`docs/adr/${f}`)]));
    // The successor is picked from the list: the record added above as "Keep one repository".
    await vscode.commands.executeCommand('adrift.changeStatus', { id: id(1), status: 'proposed' });
    await answer(`${pad(id(1))} Keep one repository`);
    assert.deepEqual(await vscode.commands.executeCommand('adrift.supersede', id(0)), { superseded: id(0), by: id(1) });
    const old = record(`docs/adr/${pad(id(0))}-use-redis-for-rate-limits.yaml`);
    assert.equal(old.status, 'superseded');
    assert.equal(old.superseded_by, id(1));
    assert.deepEqual(record(`docs/adr/${pad(id(1))}-keep-one-repository.yaml`).supersedes, [id(0)]);
    for (const [f, text] of before) assert.equal(readFile(`docs/adr/${f}`), text, `${f} must not change`);
  });

  test('Supersede Decision with a new record creates it, links both, keeps comments and opens it', async () => {
    const oldFile = 'docs/adr/0008-external-oidc-sign-in.yaml';
    const comments = readFile(oldFile).split('\n').filter((l) => l.trim().startsWith('#'));
    await answer('New decision record…', 'Sign agents in with passkeys');
    assert.deepEqual(await vscode.commands.executeCommand('adrift.supersede', { id: 8 }), { superseded: 8, by: id(2) });
    const created = `docs/adr/${pad(id(2))}-sign-agents-in-with-passkeys.yaml`;
    assert.ok(exists(created));
    assert.deepEqual(record(created).supersedes, [8]);
    assert.equal(record(created).kind, 'technology', 'the successor has the kind of the record it replaces');
    assert.equal(record(oldFile).status, 'superseded');
    assert.equal(record(oldFile).superseded_by, id(2));
    const old = readFile(oldFile);
    for (const c of comments) assert.ok(old.includes(c), `comment kept: ${c}`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri(created).fsPath);
    const tree = await treeShows(`${pad(id(2))} Sign agents in with passkeys`);
    assert.ok(groups(tree).get('Superseded')?.some((l) => l.startsWith('0008 ')));
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
