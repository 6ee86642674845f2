// Activation only wires features together: each feature lives in its own file as a
// `register…()` that returns the disposables it created.

import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
