// Activation only wires features together: each feature lives in its own file as a
// `register…()` that returns the disposables it created. Add a feature with one line in
// the list below.

import * as vscode from 'vscode';
import { registerLanguageModelTools } from './agents/lmTools';
import { registerCommandsAndViews } from './commands/register';
import { registerBaselineFix } from './editor/baseline';
import { registerCodeActions } from './editor/codeActions';
import { registerCodeLens } from './editor/codeLens';
import { registerDiagnostics } from './editor/diagnostics';
import { registerEditorCommands } from './editor/editorCommands';
import { registerHover } from './editor/hover';
import { registerWatchers } from './editor/watchers';
import { registerGuide } from './guide/register';
import { AdriftService } from './service/adriftService';
import { editorWorkers, ExtractPool } from '../core/engine/pool';
import { engineIndexFactory } from './service/engineIndex';

/** What activate() returns: tests and the benchmark read it through `extension.exports`. */
export interface AdriftApi {
  service: AdriftService;
  /** Milliseconds activate() took (wiring only; loading and scanning continue in the background). */
  activationTimeMs: number;
  /** When activate() started (Date.now()), so a test can time what follows activation. */
  activatedAt: number;
}

const POOL_IDLE_MS = 20_000;

export function activate(context: vscode.ExtensionContext): AdriftApi {
  const activatedAt = Date.now();
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Adrift', { log: true });
  // Cold scans of large folders extract on worker threads, which end when no scan needs them.
  const pool = new ExtractPool({ workers: editorWorkers(), idleMs: POOL_IDLE_MS });
  const service = new AdriftService(engineIndexFactory(context.storageUri?.fsPath, pool, (m) => log.warn(m)), log);
  context.subscriptions.push(
    log,
    { dispose: () => void pool.close() },
    service,
    registerEditorCommands(service),
    registerDiagnostics(service, context.extensionMode !== vscode.ExtensionMode.Production),
    registerCodeLens(service),
    registerCodeActions(service),
    registerBaselineFix(service),
    registerHover(service),
    registerWatchers(service),
    registerCommandsAndViews(service, context, log),
    registerGuide(service, context, log),
    registerLanguageModelTools(service),
  );
  const activationTimeMs = performance.now() - started;
  log.info(`activated in ${activationTimeMs.toFixed(1)} ms`);
  return { service, activationTimeMs, activatedAt };
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
