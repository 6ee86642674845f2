// Findings as diagnostics: the open file re-checked as the user types (debounced), the whole
// workspace scanned in the background at start-up, and every change of the service's
// findings published to one DiagnosticCollection (a file's set replaces its old one, so a
// finding is never shown twice and a fixed one never lingers).

import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { AdriftChange, AdriftService, FolderState } from '../service/adriftService';
import { toDiagnostic } from './adapter';
import { batchesUnder } from './batches';
import { runScan } from './scan';

const TYPING_DELAY_MS = 250;
const RECORD_DELAY_MS = 400;

export function registerDiagnostics(service: AdriftService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('adrift');
  const timers = new Map<string, NodeJS.Timeout>();
  const recordTimers = new Map<FolderState, NodeJS.Timeout>();

  /** What each file shows now, so an unchanged file is not re-published (markers that change
   * under the cursor make the editor drop an open quick-fix menu and re-ask every provider). */
  const shown = new Map<string, string>();
  const signature = (findings: readonly Finding[]): string =>
    findings.map((f) => `${f.rule}|${f.severity}|${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}|${f.message}|${f.decision?.status ?? ''}`).join('\n');

  /** The diagnostics to set for a file, or undefined when it already shows exactly these. */
  const changed = (folder: FolderState, uri: vscode.Uri, findings: readonly Finding[]): vscode.Diagnostic[] | undefined => {
    const key = uri.toString();
    const sig = signature(findings);
    if ((shown.get(key) ?? '') === sig) return undefined;
    if (findings.length === 0) shown.delete(key);
    else shown.set(key, sig);
    return findings.map((f) => toDiagnostic(f, (p) => service.uriOf(folder, p)));
  };

  const show = (folder: FolderState, uri: vscode.Uri, findings: readonly Finding[]): void => {
    const diagnostics = changed(folder, uri, findings);
    if (diagnostics) collection.set(uri, diagnostics.length > 0 ? diagnostics : undefined);
  };

  const publishFile = (folder: FolderState, file: string): void => {
    const uri = service.uriOf(folder, file);
    show(folder, uri, service.findingsOf(uri));
  };

  /** Brings every file of a folder up to date in one pass: stale files are cleared, none doubled. */
  const publishFolder = (folder: FolderState): void => {
    const byUri = new Map<string, [vscode.Uri, Finding[]]>();
    for (const f of service.findings(folder)) {
      const uri = service.uriOf(folder, f.file);
      const key = uri.toString();
      let entry = byUri.get(key);
      if (!entry) byUri.set(key, (entry = [uri, []]));
      entry[1].push(f);
    }
    const stale: vscode.Uri[] = [];
    collection.forEach((uri) => {
      if (!byUri.has(uri.toString()) && service.folderOf(uri) === folder) stale.push(uri);
    });
    for (const uri of stale) show(folder, uri, []);
    // Thousands of files after a branch switch go in a few batched updates, each small enough
    // for VS Code to pass on whole (one call for the folder lost everything past 1,100).
    const updates: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [uri, findings] of byUri.values()) {
      const diagnostics = changed(folder, uri, findings);
      if (diagnostics) updates.push([uri, diagnostics]);
    }
    for (const batch of batchesUnder(updates)) collection.set(batch);
  };

  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!document.isClosed) service.tasks.run('diagnostics: re-checking an edited file', () => service.checkDocument(document));
      }, TYPING_DELAY_MS),
    );
  };

  /** An edited record changes the model: reload it (unsaved text included) once typing pauses. */
  const scheduleRecordReload = (folder: FolderState): void => {
    clearTimeout(recordTimers.get(folder));
    recordTimers.set(
      folder,
      setTimeout(() => {
        recordTimers.delete(folder);
        void service.tasks.track('diagnostics: reloading edited records', () => service.reloadRecords(folder));
      }, RECORD_DELAY_MS),
    );
  };

  const onEdit = (document: vscode.TextDocument, saved: boolean): void => {
    const at = service.locate(document.uri);
    if (!at) return;
    if (service.isRecordFile(document.uri)) {
      scheduleRecordReload(at.folder);
      return;
    }
    if (saved || at.folder.settings.checkWhileTyping) schedule(document);
  };

  const subscriptions: vscode.Disposable[] = [
    collection,
    service.onDidChange(service.tasks.wrap('diagnostics: publishing findings', (change: AdriftChange) => {
      if (change.kind === 'findings' && change.files) {
        for (const file of change.files) publishFile(change.folder, file);
      } else if (change.kind === 'findings') {
        publishFolder(change.folder);
      } else if (change.kind === 'folders') {
        collection.forEach((uri) => {
          if (service.folderOf(uri)) return;
          shown.delete(uri.toString());
          collection.delete(uri);
        });
      }
    })),
    vscode.workspace.onDidChangeTextDocument(service.tasks.wrap('diagnostics: a document changed', (e: vscode.TextDocumentChangeEvent) => {
      if (e.contentChanges.length > 0) onEdit(e.document, false);
    })),
    vscode.workspace.onDidSaveTextDocument(service.tasks.wrap('diagnostics: a document was saved', (d: vscode.TextDocument) => onEdit(d, true))),
    // Reverting or closing an unsaved editor: the disk text is the truth again.
    vscode.workspace.onDidCloseTextDocument(service.tasks.wrap('diagnostics: a document was closed', (d: vscode.TextDocument) => {
      if (service.locate(d.uri) && !service.isRecordFile(d.uri)) void service.tasks.track('diagnostics: re-reading a closed document', () => service.filesChanged([d.uri]));
    })),
    new vscode.Disposable(() => {
      for (const t of [...timers.values(), ...recordTimers.values()]) clearTimeout(t);
    }),
  ];

  // Start-up: every folder is scanned once it is loaded; open editors then get their
  // in-memory text checked on top.
  void service.ready.then(async () => {
    service.tasks.run('diagnostics: first publish', () => {
      for (const folder of service.folders()) publishFolder(folder);
    });
    await runScan(service, service.folders(), 'start-up');
    service.tasks.run('diagnostics: re-checking unsaved editors after the scan', () => {
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.isDirty && service.locate(doc.uri)) service.checkDocument(doc);
      }
    });
  });

  return vscode.Disposable.from(...subscriptions);
}
