// "Add to the baseline": the finding becomes an entry of the folder's baseline file (with a
// reason the user gives), written through the service so it is one undoable edit.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { DEFAULT_BASELINE_REASON, entryFor, parseBaseline, serializeBaseline } from '../../core/engine/baseline';
import type { AdriftService } from '../service/adriftService';

export const ADD_TO_BASELINE = 'adrift.editor.addToBaseline';

export function registerBaselineFix(service: AdriftService): vscode.Disposable {
  return vscode.commands.registerCommand(ADD_TO_BASELINE, service.tasks.wrap(`command ${ADD_TO_BASELINE}`, async (uri: string, finding: Finding, reason?: string) => {
    const at = service.locate(vscode.Uri.parse(uri));
    if (!at) return false;
    const given =
      reason ??
      (await vscode.window.showInputBox({
        title: `Add ${finding.rule} in ${finding.file} to the baseline`,
        prompt: 'Why is this finding accepted for now?',
        value: DEFAULT_BASELINE_REASON,
        validateInput: (v) => (v.trim() ? undefined : 'A reason is required'),
      }));
    if (!given?.trim()) return false;
    const file = at.folder.config.baseline;
    const text = await service.fileSystem.readText(path.posix.join(at.folder.root, file));
    const parsed = text === undefined ? { baseline: { entries: [] }, problems: [] } : parseBaseline(text);
    if (parsed.problems.length > 0) {
      void vscode.window.showErrorMessage(`Adrift: ${file} is not a valid baseline (${parsed.problems[0]}); fix it first.`);
      return false;
    }
    parsed.baseline.entries.push(entryFor(finding, given.trim()));
    const result = await service.applyChanges([{ path: file, text: serializeBaseline(parsed.baseline, file) }], at.folder, 'Add to Adrift baseline');
    if (result.applied) await service.reloadRecords(at.folder);
    return result.applied;
  }));
}
