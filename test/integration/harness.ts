// Helpers for integration suites running inside the extension host: the workspace copy the
// harness opened, the Adrift extension itself, and waiting for something asynchronous
// (activation, diagnostics) with a clear message instead of a hang.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AdriftApi } from '../../src/extension/extension';

export const extensionId = 'adrift-dev.adrift';

/** The temporary copy of the example workspace this run opened (suites may modify it). */
export function testWorkspace(): string {
  const folder = process.env.ADRIFT_TEST_WORKSPACE;
  if (!folder) throw new Error('ADRIFT_TEST_WORKSPACE is not set: run the suites through `npm run test:integration`.');
  return folder;
}

/** A URI of a file in the workspace copy, from a path relative to its root. */
export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.file(path.join(testWorkspace(), relativePath));
}

export function adriftExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`Extension ${extensionId} is not loaded in this extension host.`);
  return extension;
}

/** Activates Adrift and waits for its first scan of every folder: the start of an editor suite. */
export async function scannedAdrift(): Promise<AdriftApi> {
  const extension = adriftExtension();
  await extension.activate();
  const api = extension.exports as AdriftApi;
  await api.service.ready;
  await waitFor('the first workspace scan', () => api.service.folders().every((f) => f.scanned), 120_000);
  return api;
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Diagnostics of one workspace file once `accept` is satisfied by them. */
export function waitForDiagnostics(relativePath: string, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<readonly vscode.Diagnostic[]> {
  const uri = workspaceUri(relativePath);
  return waitFor(`diagnostics of ${relativePath} to match`, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}
