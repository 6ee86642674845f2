// Adrift: Filter Decisions — narrows the Decisions view to records whose id, title, tag or
// status matches the text; an empty text clears the filter.

import * as vscode from 'vscode';
import { DECISIONS_VIEW_ID } from '../views/decisionsView';
import { optionsOf, type AdriftCommand, type CommandContext } from './context';

export class FilterDecisionsCommand implements AdriftCommand {
  readonly id = 'adrift.filterDecisions';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<string | undefined> {
    const given = typeof arg === 'string' ? arg : optionsOf<{ text: string }>(arg).text;
    const text =
      given ??
      (await this.ctx.prompter.input({
        title: 'Filter Decisions',
        prompt: 'Show decisions whose id, title, tag or status contains this text (empty: show all)',
        value: this.ctx.decisions.filter,
        placeHolder: 'e.g. database, #modules, 7, proposed',
      }));
    if (text === undefined) return undefined;
    this.ctx.decisions.setFilter(text);
    await vscode.commands.executeCommand(`${DECISIONS_VIEW_ID}.focus`);
    return this.ctx.decisions.filter;
  }
}

export class ClearDecisionsFilterCommand implements AdriftCommand {
  readonly id = 'adrift.clearDecisionsFilter';
  constructor(private readonly ctx: CommandContext) {}

  run(): Promise<void> {
    this.ctx.decisions.setFilter('');
    return Promise.resolve();
  }
}
