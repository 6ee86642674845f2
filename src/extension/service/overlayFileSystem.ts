// The core reads files through a port. In the editor it must see what the user sees: the
// text of an open editor (saved or not) wins over the file on disk. Writes never go to disk
// behind an editor's back: they are routed through a WorkspaceEdit (see applyChanges.ts).

import * as vscode from 'vscode';
import type { FileStat, FileSystemPort, ReadOptions } from '../../core/fs/port';
import { NodeFileSystem } from '../../core/fs/node';
import { toPosix } from './paths';

export type WriteThroughEditor = (files: { path: string; text: string }[]) => Promise<void>;

export class OverlayFileSystem implements FileSystemPort {
  private readonly disk = new NodeFileSystem();

  constructor(private readonly write: WriteThroughEditor) {}

  /** The open document at this absolute path, if any (closed documents are ignored). */
  openDocument(path: string): vscode.TextDocument | undefined {
    const wanted = toPosix(path);
    return vscode.workspace.textDocuments.find(
      (d) => d.uri.scheme === 'file' && !d.isClosed && toPosix(d.uri.fsPath) === wanted,
    );
  }

  pathsInMemory(): ReadonlySet<string> {
    const out = new Set<string>();
    for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === 'file' && !d.isClosed && (d.isDirty || d.isUntitled)) out.add(toPosix(d.uri.fsPath));
    return out;
  }

  async readText(path: string, options?: ReadOptions): Promise<string | undefined> {
    const doc = this.openDocument(path);
    if (doc && (doc.isDirty || doc.isUntitled)) return doc.getText();
    return this.disk.readText(path, options);
  }

  async readBytes(path: string, options?: ReadOptions): Promise<Uint8Array | undefined> {
    const doc = this.openDocument(path);
    if (doc && (doc.isDirty || doc.isUntitled)) return new TextEncoder().encode(doc.getText());
    return this.disk.readBytes(path, options);
  }

  readDirectory(path: string): Promise<{ name: string; kind: FileStat['kind'] }[] | undefined> {
    return this.disk.readDirectory(path);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const onDisk = await this.disk.stat(path);
    const doc = this.openDocument(path);
    if (doc?.isDirty && onDisk) return { ...onDisk, size: Buffer.byteLength(doc.getText()), mtimeMs: Date.now() };
    return onDisk;
  }

  realPath(path: string): Promise<string | undefined> {
    return this.disk.realPath(path);
  }

  writeAtomic(files: { path: string; text: string }[]): Promise<void> {
    return this.write(files);
  }

  async rename(from: string, to: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(vscode.Uri.file(from), vscode.Uri.file(to), { overwrite: false });
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not rename ${from} to ${to}`);
  }
}
