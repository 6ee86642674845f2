// Applies the core's record edits through the service and waits until the decision log has
// been re-read, so the next command (or test) sees the new state.

import * as vscode from 'vscode';
import { EditError } from '../../core/records/edits';
import type { FileChange } from '../../core/records/types';
import type { FolderState } from '../service/adriftService';
import type { CommandContext } from './context';

export async function applyRecordChanges(ctx: CommandContext, folder: FolderState, changes: readonly FileChange[], label: string): Promise<boolean> {
  if (changes.length === 0) return true;
  await ctx.service.refuseExisting(changes, folder);
  const result = await ctx.service.applyChanges(changes, folder, label);
  if (!result.applied) {
    if (result.declined) return false;
    void vscode.window.showErrorMessage(`Adrift: could not write ${changes.map((c) => c.path).join(', ')} (is a file read-only or changed on disk?).`);
    return false;
  }
  await ctx.service.reloadRecords(folder);
  return true;
}

/** The current state of a folder (reloads replace the log object). */
export function fresh(ctx: CommandContext, folder: FolderState): FolderState {
  return ctx.service.folders().find((f) => f.root === folder.root) ?? folder;
}

/** Runs a core edit; an EditError (a refused edit, e.g. a duplicate id) becomes a message, not a crash. */
export function tryEdit<T>(edit: () => T): T | undefined {
  try {
    return edit();
  } catch (err) {
    if (err instanceof EditError) {
      void vscode.window.showWarningMessage(`Adrift: ${err.message}`);
      return undefined;
    }
    throw err;
  }
}
