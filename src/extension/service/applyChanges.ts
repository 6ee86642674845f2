// Every write Adrift makes in the editor goes through ONE WorkspaceEdit: the user can undo
// it, an unsaved editor is edited in place (never clobbered from disk), and a file that
// was clean before is saved afterwards so the CLI and git see the same text.

import * as vscode from 'vscode';
import { minimalReplacement } from './textDiff';

/** What the core's edit functions return (structurally the core's FileChange). */
export interface ChangedFile {
  /** Absolute path (POSIX separators), or relative to the folder root. */
  path: string;
  text: string;
  /** When set, the file is renamed from this path first. */
  renameFrom?: string;
}

export interface AppliedChanges {
  applied: boolean;
  /** The Uris written, in the order given. */
  uris: vscode.Uri[];
  /**
   * Those of them that were open with unsaved changes: the edit went into the editor, which
   * stays unsaved (saving would write the user's unsaved text for them), so the disk, the CLI
   * and git do not see it until the user saves.
   */
  unsaved?: vscode.Uri[];
  /** Not applied because the workspace is untrusted and the user (or the policy) said no. */
  declined?: boolean;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function applyFileChanges(
  changes: readonly ChangedFile[],
  resolve: (path: string) => vscode.Uri,
  label = 'Adrift',
): Promise<AppliedChanges> {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  const uris: vscode.Uri[] = [];
  const toSave: vscode.Uri[] = [];
  const unsaved: vscode.Uri[] = [];
  let operations = 0;
  for (const change of changes) {
    const uri = resolve(change.path);
    uris.push(uri);
    let source = uri;
    if (change.renameFrom !== undefined) {
      source = resolve(change.renameFrom);
      edit.renameFile(source, uri, { overwrite: false }, metadata);
      operations++;
    }
    const doc = openDocument(source) ?? ((await exists(source)) ? await vscode.workspace.openTextDocument(source) : undefined);
    if (!doc) {
      edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(change.text) }, metadata);
      operations++;
      continue;
    }
    if (!doc.isDirty) toSave.push(uri);
    const r = minimalReplacement(doc.getText(), change.text);
    if (r.start === r.end && r.text === '') continue;
    if (doc.isDirty) unsaved.push(uri);
    edit.replace(uri, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), r.text, metadata);
    operations++;
  }
  // Nothing differs (the same overview exported twice): VS Code reports an empty edit as not
  // applied, which is not a failure to write. (edit.size counts text edits only, not creates.)
  if (operations === 0) return { applied: true, uris };
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) {
    for (const uri of toSave) await openDocument(uri)?.save();
  }
  return { applied, uris, ...(applied && unsaved.length > 0 ? { unsaved } : {}) };
}
