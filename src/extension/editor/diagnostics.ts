// Findings as diagnostics: the open file re-checked as the user types (debounced), the whole
// workspace scanned in the background at start-up, and every change of the service's
// findings published to one DiagnosticCollection (a file's set replaces its old one, so a
// finding is never shown twice and a fixed one never lingers).
//
// A whole folder is published in slices of the main thread (thousands of files took up to
// 0.8 s in one callback). Each file's findings are read from the service when its slice
// runs, so a file re-checked between two slices (publishFile) is never set back to what it
// showed before; a newer publish of the same folder takes over from an older one.

import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { Slicer } from '../../core/engine/slice';
import { TEST_COMMANDS } from '../commands/testHooks';
import type { AdriftChange, AdriftService, FolderState } from '../service/adriftService';
import { toDiagnostic } from './adapter';
import { batchesUnder, DIAGNOSTICS_PER_BATCH } from './batches';
import { runScan } from './scan';

const TYPING_DELAY_MS = 250;
/** The long-task monitor's label of a folder publish. */
const PUBLISHING = 'diagnostics: publishing a folder';
const SETTING = 'diagnostics: setting a batch';
/**
 * Diagnostics per set() call of a folder publish, well under batches.ts's cap: one call of 500
 * took 28-64 ms on 30,000 files at a load of 10-15, more than a slice may.
 */
const PUBLISH_BATCH = Math.min(100, DIAGNOSTICS_PER_BATCH);
const RECORD_DELAY_MS = 400;

/**
 * `testHooks` (outside production): the command TEST_COMMANDS.holdFolderPublish, which holds
 * folder publishes before each of their slices, so a test can change findings between two.
 */
export function registerDiagnostics(service: AdriftService, testHooks = false): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('adrift');
  const timers = new Map<string, NodeJS.Timeout>();
  const recordTimers = new Map<FolderState, NodeJS.Timeout>();

  /** What each file shows now, so an unchanged file is not re-published (markers that change
   * under the cursor make the editor drop an open quick-fix menu and re-ask every provider),
   * and which files of a folder a publish must clear. */
  const shown = new Map<string, { sig: string; uri: vscode.Uri; folder: FolderState }>();
  const signature = (findings: readonly Finding[]): string =>
    findings.map((f) => `${f.rule}|${f.severity}|${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}|${f.message}|${f.decision?.status ?? ''}`).join('\n');

  /** The diagnostics to set for a file, or undefined when it already shows exactly these. */
  const changed = (folder: FolderState, uri: vscode.Uri, findings: readonly Finding[]): vscode.Diagnostic[] | undefined => {
    const key = uri.toString();
    const sig = signature(findings);
    if ((shown.get(key)?.sig ?? '') === sig) return undefined;
    if (findings.length === 0) shown.delete(key);
    else shown.set(key, { sig, uri, folder });
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

  /** Folder publishes started, per folder: an older one stops at its next slice once a newer one starts. */
  const publishes = new Map<FolderState, number>();
  const slicer = (): PublishSlicer => service.tasks.slicer(PUBLISHING);
  let slicerFor = slicer;

  /**
   * Brings every file of a folder up to date, in slices: stale files are cleared, none
   * doubled. The files are those with findings when it starts and those showing some; a file
   * that gains findings later is published by the change that gave them (a one-file change,
   * or a newer folder publish, which supersedes this one).
   */
  const publishFolder = async (folder: FolderState): Promise<void> => {
    const started = (publishes.get(folder) ?? 0) + 1;
    publishes.set(folder, started);
    const slicer = slicerFor();
    try {
      await publishSliced(folder, started, slicer);
    } finally {
      slicer.done?.();
    }
  };

  /** The files a folder publish visits: those with findings when it starts, then those still showing some. */
  function* filesOf(folder: FolderState): Generator<vscode.Uri> {
    const seen = new Set<string>();
    for (const file of service.filesWithFindings(folder)) {
      const uri = service.uriOf(folder, file);
      seen.add(uri.toString());
      yield uri;
    }
    for (const [key, s] of shown) if (s.folder === folder && !seen.has(key)) yield s.uri;
  }

  const publishSliced = async (folder: FolderState, started: number, slicer: Slicer): Promise<void> => {
    // Thousands of files after a branch switch go in batched updates, each small enough for
    // VS Code to pass on whole (one call for the folder lost everything past 1,100). A batch
    // is set as soon as it is full: the set() call costs as much as building it, or more, so
    // it belongs inside the slice's time.
    let updates: [vscode.Uri, vscode.Diagnostic[]][] = [];
    let size = 0;
    const flush = (): void => {
      if (updates.length === 0) return;
      const batches = batchesUnder(updates, PUBLISH_BATCH);
      service.tasks.run(SETTING, () => {
        for (const batch of batches) collection.set(batch);
      });
      updates = [];
      size = 0;
    };
    for (const uri of filesOf(folder)) {
      if (slicer.due()) {
        flush();
        await slicer.pause();
        if (publishes.get(folder) !== started) return;
      }
      // Read now, not when the publish started: the file may have been re-checked meanwhile.
      const diagnostics = changed(folder, uri, service.findingsOf(uri));
      if (!diagnostics) continue;
      if (diagnostics.length === 0) {
        collection.delete(uri);
        continue;
      }
      if (size + diagnostics.length > PUBLISH_BATCH) flush();
      updates.push([uri, diagnostics]);
      size += diagnostics.length;
    }
    flush();
  };
  const publishFolderTracked = (folder: FolderState): Promise<void> => service.tasks.track(PUBLISHING, () => publishFolder(folder));

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
        void publishFolderTracked(change.folder);
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
  if (testHooks) subscriptions.push(holdHook((make) => (slicerFor = make ?? slicer)));

  // Start-up: every folder is scanned once it is loaded; open editors then get their
  // in-memory text checked on top.
  void service.ready.then(async () => {
    // The records' findings at once; the scan's publish supersedes this one if it is still going.
    for (const folder of service.folders()) void publishFolderTracked(folder);
    await runScan(service, service.folders(), 'start-up');
    service.tasks.run('diagnostics: re-checking unsaved editors after the scan', () => {
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.isDirty && service.locate(doc.uri)) service.checkDocument(doc);
      }
    });
  });

  return vscode.Disposable.from(...subscriptions);
}

/** A publish's slicer; the test hook's wants to know when its publish ended. */
type PublishSlicer = Slicer & { done?: () => void };

/**
 * TEST_COMMANDS.holdFolderPublish(hold?: boolean): with `true`, folder publishes started from
 * now on wait before their first file until `false` releases them, then go one file per
 * slice. Returns { waiting, running }: how many held publishes wait at the gate, and how many
 * have not finished.
 */
function holdHook(use: (make?: () => PublishSlicer) => void): vscode.Disposable {
  let release: (() => void) | undefined;
  let gate = Promise.resolve();
  let waiting = 0;
  let running = 0;
  const held = (): PublishSlicer => {
    running++;
    let first = true;
    return {
      due: () => true,
      pause: async () => {
        if (first) waiting++;
        await gate;
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (first) waiting--;
        first = false;
      },
      done: () => void running--,
    };
  };
  return vscode.commands.registerCommand(TEST_COMMANDS.holdFolderPublish, (hold?: boolean) => {
    if (hold === true && !release) {
      gate = new Promise<void>((resolve) => (release = resolve));
      use(held);
    } else if (hold === false && release) {
      release();
      release = undefined;
      use();
    }
    return { waiting, running };
  });
}
