// A whole-workspace scan with progress: a quiet spinner in the status bar, and, when the
// scan takes longer than a moment, a notification with a Cancel button for the same scan.

import * as vscode from 'vscode';
import type { AdriftService, FolderState } from '../service/adriftService';

const NOTIFY_AFTER_MS = 1500;

let running: Promise<void> | undefined;
let rerun = false;

/**
 * Scans the folders. A scan asked for while one runs is folded into a single re-run after
 * it, so a burst of triggers (a branch switch) costs two scans at most, never one per event.
 */
export async function runScan(service: AdriftService, folders: readonly FolderState[], reason: string): Promise<void> {
  if (running) {
    rerun = true;
    return running;
  }
  running = scanOnce(service, folders, reason);
  try {
    await running;
  } finally {
    running = undefined;
  }
  if (rerun) {
    rerun = false;
    await runScan(service, service.folders(), `${reason} (again)`);
  }
}

async function scanOnce(service: AdriftService, folders: readonly FolderState[], reason: string): Promise<void> {
  const cancel = new vscode.CancellationTokenSource();
  let done = 0;
  let total = 0;
  // The scan's phases as its progress shows them, so a long block names the part that ran;
  // each poll of the token (a slice starting, the scan ending) shows the scan on the thread.
  const tasks = service.tasks;
  const token: vscode.CancellationToken = {
    get isCancellationRequested() {
      tasks.progressed('scan');
      return cancel.token.isCancellationRequested;
    },
    onCancellationRequested: cancel.token.onCancellationRequested,
  };
  const scanning = tasks.track('scan', async () => {
    for (const folder of folders) {
      if (cancel.token.isCancellationRequested) break;
      tasks.phase('scan', 'listing files');
      await service.scan(folder, token, (d, t) => {
        done = d;
        total = t;
        tasks.phase('scan', d < t ? 'reading and extracting' : 'resolving, evaluating and publishing');
      });
    }
  });
  const slow = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Adrift: checking the workspace', cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => cancel.cancel());
        let last = 0;
        const tick = setInterval(() => {
          if (total > 0) {
            const pct = (done / total) * 100;
            progress.report({ message: `${done} of ${total} files`, increment: pct - last });
            last = pct;
          }
        }, 200);
        try {
          await scanning;
        } finally {
          clearInterval(tick);
        }
      },
    );
  }, NOTIFY_AFTER_MS);
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Adrift: checking (${reason})` },
      () => scanning,
    );
  } finally {
    clearTimeout(slow);
    cancel.dispose();
  }
}
