// Adrift: Create Baseline — accepts every current drift finding of a folder into its baseline
// file (keeping the reasons of entries that still match), so adopting Adrift starts clean and
// only new drift is reported.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildBaseline, DEFAULT_BASELINE_REASON, parseBaseline, serializeBaseline } from '../../core/engine/baseline';
import { runScan } from '../editor/scan';
import { optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';

export class CreateBaselineCommand implements AdriftCommand {
  readonly id = 'adrift.createBaseline';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<{ file: string; entries: number } | undefined> {
    const opts = optionsOf<{ folder: string; reason: string }>(arg);
    const folder = await pickFolder(this.ctx, opts.folder ?? arg, 'Create Baseline');
    if (!folder) return undefined;
    const { service, prompter } = this.ctx;
    if (!folder.scanned) await runScan(service, [folder], 'Create Baseline command');
    const current = service.folders().find((f) => f.root === folder.root) ?? folder;
    const drift = service.findings(current).filter((f) => !f.rule.startsWith('decision-') && f.rule !== 'unused-suppression');
    if (drift.length === 0) {
      void vscode.window.showInformationMessage('Adrift: no drift to accept — nothing to put in a baseline.');
      return { file: current.config.baseline, entries: 0 };
    }
    const file = current.config.baseline;
    const text = await service.fileSystem.readText(path.posix.join(current.root, file));
    const previous = text === undefined ? undefined : parseBaseline(text);
    if (previous && previous.problems.length > 0) {
      void vscode.window.showErrorMessage(`Adrift: ${file} is not a valid baseline (${previous.problems[0]}); fix or delete it first.`);
      return undefined;
    }
    const reason =
      opts.reason ??
      (await prompter.input({
        title: `Create Baseline: accept ${drift.length} finding${drift.length === 1 ? '' : 's'} in ${file}`,
        prompt: 'Why are these findings accepted for now? (kept with each entry)',
        value: DEFAULT_BASELINE_REASON,
        validate: (v) => (v.trim() ? undefined : 'A reason is required: it tells the next reader why the drift is tolerated.'),
      }));
    if (!reason?.trim()) return undefined;
    const baseline = buildBaseline(drift, previous?.baseline, reason.trim());
    const result = await service.applyChanges([{ path: file, text: serializeBaseline(baseline, file) }], current, 'Create Adrift baseline');
    if (!result.applied) {
      void vscode.window.showErrorMessage(`Adrift: could not write ${file}.`);
      return undefined;
    }
    await service.reloadRecords(current);
    void vscode.window.showInformationMessage(`Adrift: ${baseline.entries.length} finding${baseline.entries.length === 1 ? '' : 's'} accepted in ${file}.`);
    return { file, entries: baseline.entries.length };
  }
}
