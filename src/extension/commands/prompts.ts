// Every question a command asks goes through a Prompter, so commands never call
// window.showQuickPick & co. directly. In the editor the WindowPrompter shows the real UI;
// tests queue answers (see `registerPromptAnswersForTests`) that the ScriptedPrompter hands
// out in order, through the very same command code.

import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface StepOptions {
  title: string;
  step?: number;
  totalSteps?: number;
}

export interface PickOptions extends StepOptions {
  placeHolder?: string;
}

export interface InputOptions extends StepOptions {
  prompt: string;
  value?: string;
  placeHolder?: string;
  /** A message saying what is wrong with the text, or undefined when it is fine. */
  validate?: (text: string) => string | undefined;
}

export interface Prompter {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A question with buttons; resolves with the chosen button's text. */
  confirm(message: string, actions: readonly string[], modal?: boolean): Promise<string | undefined>;
  saveFile(options: { title: string; defaultUri?: vscode.Uri; filters: Record<string, string[]> }): Promise<vscode.Uri | undefined>;
  openFolder(options: { title: string; defaultUri?: vscode.Uri }): Promise<vscode.Uri | undefined>;
}

function stepTitle(o: StepOptions): string {
  return o.step !== undefined && o.totalSteps !== undefined ? `${o.title} (${o.step}/${o.totalSteps})` : o.title;
}

export class WindowPrompter implements Prompter {
  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const chosen = await vscode.window.showQuickPick(items, { title: stepTitle(options), placeHolder: options.placeHolder, ignoreFocusOut: true, matchOnDescription: true });
    return chosen?.value;
  }

  input(options: InputOptions): Promise<string | undefined> {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: stepTitle(options),
        prompt: options.prompt,
        value: options.value,
        placeHolder: options.placeHolder,
        ignoreFocusOut: true,
        validateInput: options.validate ? (text) => options.validate?.(text) ?? null : undefined,
      }),
    );
  }

  confirm(message: string, actions: readonly string[], modal = false): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInformationMessage(message, { modal }, ...actions));
  }

  async saveFile(options: { title: string; defaultUri?: vscode.Uri; filters: Record<string, string[]> }): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog({ title: options.title, defaultUri: options.defaultUri, filters: options.filters });
  }

  async openFolder(options: { title: string; defaultUri?: vscode.Uri }): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({ title: options.title, defaultUri: options.defaultUri, canSelectFiles: false, canSelectFolders: true, canSelectMany: false });
    return picked?.[0];
  }
}

/** An answer queued by a test: the label (or string value) of an item, a text, a button, a path; null cancels. */
export type PromptAnswer = string | null;

/** Queued for an input box: press Enter on the text it was pre-filled with; for a quick pick: on the highlighted (first) item. */
export const ACCEPT_DEFAULT = '\u23ce';

/**
 * Answers from a queue while it has any, otherwise falls through to the real UI. A queued
 * answer that fits nothing (no such item, text failing validation) is an error, so a test
 * cannot pass by answering the wrong question.
 */
export class ScriptedPrompter implements Prompter {
  private readonly answers: PromptAnswer[] = [];
  /** The questions asked while answers were queued, for tests to check the flow. */
  readonly asked: string[] = [];

  constructor(private readonly fallback: Prompter) {}

  queue(answers: readonly PromptAnswer[]): void {
    this.answers.push(...answers);
  }

  get pending(): number {
    return this.answers.length;
  }

  clear(): void {
    this.answers.length = 0;
    this.asked.length = 0;
  }

  private next(question: string): { answer: PromptAnswer } | undefined {
    if (this.answers.length === 0) return undefined;
    this.asked.push(question);
    return { answer: this.answers.shift() as PromptAnswer };
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const queued = this.next(stepTitle(options));
    if (!queued) return this.fallback.pick(items, options);
    if (queued.answer === null) return Promise.resolve(undefined);
    const answer = queued.answer;
    // Enter on a quick pick takes the highlighted item, the first.
    if (answer === ACCEPT_DEFAULT && items[0]) return Promise.resolve(items[0].value);
    const item = items.find((i) => i.label === answer || (typeof i.value === 'string' && i.value === answer)) ?? items.find((i) => i.label.replace(/\$\([^)]*\)\s*/g, '') === answer);
    if (!item) return Promise.reject(new Error(`"${stepTitle(options)}" has no item "${answer}" (items: ${items.map((i) => i.label).join(', ')})`));
    return Promise.resolve(item.value);
  }

  input(options: InputOptions): Promise<string | undefined> {
    const queued = this.next(stepTitle(options));
    if (!queued) return this.fallback.input(options);
    if (queued.answer === null) return Promise.resolve(undefined);
    const text = queued.answer === ACCEPT_DEFAULT ? (options.value ?? '') : queued.answer;
    const problem = options.validate?.(text);
    if (problem) return Promise.reject(new Error(`"${stepTitle(options)}" refused "${text}": ${problem}`));
    return Promise.resolve(text);
  }

  confirm(message: string, actions: readonly string[], modal?: boolean): Promise<string | undefined> {
    const queued = this.next(message);
    if (!queued) return this.fallback.confirm(message, actions, modal);
    if (queued.answer === null) return Promise.resolve(undefined);
    if (!actions.includes(queued.answer)) return Promise.reject(new Error(`"${message}" has no button "${queued.answer}" (buttons: ${actions.join(', ')})`));
    return Promise.resolve(queued.answer);
  }

  saveFile(options: { title: string; defaultUri?: vscode.Uri; filters: Record<string, string[]> }): Promise<vscode.Uri | undefined> {
    const queued = this.next(options.title);
    if (!queued) return this.fallback.saveFile(options);
    return Promise.resolve(queued.answer === null ? undefined : vscode.Uri.file(queued.answer));
  }

  openFolder(options: { title: string; defaultUri?: vscode.Uri }): Promise<vscode.Uri | undefined> {
    const queued = this.next(options.title);
    if (!queued) return this.fallback.openFolder(options);
    return Promise.resolve(queued.answer === null ? undefined : vscode.Uri.file(queued.answer));
  }
}
