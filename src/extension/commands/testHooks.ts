// Commands only registered outside production (extension tests, development host): integration
// tests run in the same extension host but load their own copy of the sources, so they reach
// the live prompter, tree and map through these commands instead of through module state.

import * as vscode from 'vscode';
import type { CommandContext } from './context';
import type { DecisionNode } from '../views/decisionsView';
import type { PromptAnswer, ScriptedPrompter } from './prompts';
import type { DriftStatusBar } from '../statusBar';
import type { SinceBaseStatusBar } from '../sinceBaseStatus';

export const TEST_COMMANDS = {
  /** Queue answers for the next prompts: (string | null)[]; null cancels. */
  answerPrompts: 'adrift.test.answerPrompts',
  /** { pending, asked }: what is left in the queue and which questions consumed answers. */
  prompts: 'adrift.test.prompts',
  /** The Decisions view, expanded, as DecisionTreeSnapshot[]. */
  decisionsTree: 'adrift.test.decisionsTree',
  /** The module map panel: { visible, rendered } where rendered is the webview's last report. */
  mapState: 'adrift.test.mapState',
  /** Resolves with the webview's next `rendered` report after the given action ('selectEdge', edgeId) or a timeout. */
  mapSelectEdge: 'adrift.test.mapSelectEdge',
  /** The status bar item: { text, tooltip, count }. */
  statusBar: 'adrift.test.statusBar',
  /** The "N new since main" item after a fresh comparison: { text, tooltip, visible, folders } with the new findings as `file:line rule`. */
  sinceBase: 'adrift.test.sinceBase',
  /** The long-task monitor's LongTaskStats (tasks and main-thread blocks over 50 ms, memory peak); `true` resets it after reading. */
  longTasks: 'adrift.test.longTasks',
  /** `true`: folder publishes of diagnostics started from now on wait before their first file until `false`; { waiting, running } (editor/diagnostics.ts). */
  holdFolderPublish: 'adrift.test.holdFolderPublish',
} as const;

export function registerTestHooks(ctx: CommandContext, view: vscode.TreeView<DecisionNode>, statusBar: DriftStatusBar, sinceBase: SinceBaseStatusBar): vscode.Disposable {
  const prompter = ctx.prompter as ScriptedPrompter;
  return vscode.Disposable.from(
    vscode.commands.registerCommand(TEST_COMMANDS.answerPrompts, (answers: PromptAnswer[]) => {
      prompter.clear();
      prompter.queue(answers);
    }),
    vscode.commands.registerCommand(TEST_COMMANDS.prompts, () => ({ pending: prompter.pending, asked: [...prompter.asked] })),
    vscode.commands.registerCommand(TEST_COMMANDS.decisionsTree, () => ({ title: view.title, description: view.description, message: view.message, items: ctx.decisions.snapshot() })),
    vscode.commands.registerCommand(TEST_COMMANDS.mapState, () => ({ visible: ctx.map.visible, rendered: ctx.map.lastRendered, graph: ctx.map.graph })),
    vscode.commands.registerCommand(TEST_COMMANDS.mapSelectEdge, (edgeId: string, timeoutMs = 10000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          sub.dispose();
          reject(new Error(`the module map did not list the imports of ${edgeId} within ${timeoutMs} ms`));
        }, timeoutMs);
        const sub = ctx.map.onDidRender((state) => {
          if (state.selectedEdge !== edgeId) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(state);
        });
        ctx.map.selectEdge(edgeId);
      }),
    ),
    vscode.commands.registerCommand(TEST_COMMANDS.longTasks, (reset?: boolean) => {
      ctx.service.tasks.sampleMemory();
      const stats = ctx.service.tasks.stats();
      if (reset === true) ctx.service.tasks.reset();
      return stats;
    }),
    vscode.commands.registerCommand(TEST_COMMANDS.statusBar, () => ({ text: statusBar.item.text, tooltip: statusBar.item.tooltip, count: statusBar.update() })),
    vscode.commands.registerCommand(TEST_COMMANDS.sinceBase, async () => {
      const state = await sinceBase.refresh();
      const folders = state.folders.map((f) => ('base' in f ? { ...f, introduced: f.introduced.map((x) => `${x.file}:${x.range.start.line + 1} ${x.rule}`) } : f));
      return { text: sinceBase.item.text, tooltip: sinceBase.item.tooltip, visible: state.text !== undefined, folders };
    }),
  );
}
