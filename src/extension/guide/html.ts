// The guide's page in the shared webview frame (src/extension/webviewPage.ts): the component
// library first, then the guide.

import type * as vscode from 'vscode';
import { webviewHtml } from '../webviewPage';

export function guideHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewHtml(webview, extensionUri, {
    title: 'Architecture Guide',
    stylesheet: 'guide.css',
    scripts: [['vendor', 'elements.js'], ['guide.js']],
    body: '<main id="app" aria-live="polite"><p class="loading">Loading the Architecture Guide…</p></main>',
  });
}
