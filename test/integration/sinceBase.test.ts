// "N new since main" in a real VS Code: the help desk copy becomes a git repository, a branch
// adds a file that crosses a module boundary, and the status bar counts exactly its findings
// as new (the planted drift of the example is inherited); another base branch that does not
// exist hides the item and says why.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testWorkspace, waitFor } from './harness';
import { activated } from './helpdesk/commandsTestHooks';

interface SinceState {
  text: string;
  tooltip: string;
  visible: boolean;
  folders: ({ folder: string; branch: string; base: string; introduced: string[]; inherited: number } | { folder: string; branch: string; unavailable: string })[];
}

const since = async (): Promise<SinceState> => (await vscode.commands.executeCommand('adrift.test.sinceBase')) as SinceState;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: testWorkspace(),
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
  });
}

suite('Status bar: N new since the base branch', () => {
  suiteSetup(async () => {
    // The copy lives under the harness's cache, which may itself be inside a git checkout:
    // git must not look above the workspace (the extension's git runs in this same process).
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(testWorkspace());
    await activated();
  });

  test('hidden while the folder is no git repository, with the reason', async () => {
    const state = await since();
    assert.equal(state.visible, false);
    const folder = state.folders[0];
    assert.ok(folder && 'unavailable' in folder, JSON.stringify(state));
    assert.match(folder.unavailable, /not a git repository/);
  });

  test('counts only what the branch adds: 0 on main, the new file\'s findings on a feature branch', async () => {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'the help desk as it is');
    const checked = (await vscode.commands.executeCommand('adrift.checkWorkspace')) as { findings: number };
    assert.ok(checked.findings >= 10, `the help desk has planted drift (found ${checked.findings})`);
    const onMain = await since();
    assert.equal(onMain.text, '$(git-compare) 0 new since main', JSON.stringify(onMain));
    // Every finding the editor shows, the base's check (from git objects) has too.
    const inherited = 'base' in onMain.folders[0] ? onMain.folders[0].inherited : -1;
    assert.equal(inherited, checked.findings);

    git('checkout', '-q', '-b', 'feature');
    const leak = path.join(testWorkspace(), 'src/server/tenant/leak.ts');
    fs.writeFileSync(leak, "import { searchArticles } from '../knowledgebase/search';\nexport const leak = searchArticles;\n");
    const state = await waitFor('the new file to count as new since main', async () => {
      const s = await since();
      return s.text !== '$(git-compare) 0 new since main' ? s : undefined;
    });
    const folder = state.folders[0];
    assert.ok('base' in folder, JSON.stringify(state));
    assert.ok(folder.introduced.length > 0 && folder.introduced.every((f) => f.startsWith('src/server/tenant/leak.ts:1 ')), JSON.stringify(folder.introduced));
    assert.ok(folder.introduced.some((f) => f.endsWith(' module-dependency')), JSON.stringify(folder.introduced));
    assert.equal(state.text, `$(git-compare) ${folder.introduced.length} new since main`);
    assert.equal(folder.inherited, inherited);
    assert.match(state.tooltip, new RegExp(`${folder.introduced.length} findings? new since main \\(merge base [0-9a-f]{7}\\), ${inherited} inherited`));
    // Read-only: the new file is still untracked, nothing staged, the branch unchanged.
    assert.equal(git('status', '--porcelain', '--', 'src').trim(), '?? src/server/tenant/leak.ts');
    assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'feature');
  });

  test('adrift.baseBranch names the branch; one that does not exist hides the item', async () => {
    const config = vscode.workspace.getConfiguration('adrift');
    await config.update('baseBranch', 'release', vscode.ConfigurationTarget.Workspace);
    try {
      const state = await since();
      assert.equal(state.visible, false);
      const folder = state.folders[0];
      assert.ok('unavailable' in folder && folder.branch === 'release', JSON.stringify(state));
      assert.match(folder.unavailable, /unknown ref 'release'/);
    } finally {
      await config.update('baseBranch', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
