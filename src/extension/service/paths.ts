// Path conversions between the editor (Uris, platform paths) and the core (absolute POSIX
// paths, workspace-relative POSIX paths in findings).

import * as path from 'node:path';
import * as vscode from 'vscode';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Workspace-relative POSIX path of `uri` inside `root` (absolute POSIX), or undefined when outside. */
export function relativeTo(root: string, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  const rel = path.posix.relative(root, toPosix(uri.fsPath));
  if (rel === '' || rel.startsWith('../') || rel === '..' || path.posix.isAbsolute(rel)) return undefined;
  return rel;
}

/** The Uri of a workspace-relative or absolute POSIX path. */
export function uriOf(root: string, file: string): vscode.Uri {
  return vscode.Uri.file(path.posix.isAbsolute(file) ? file : path.posix.join(root, file));
}
