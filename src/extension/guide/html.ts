// The guide's page in the shared webview frame (src/extension/webviewPage.ts): the component
// library first, then the guide.

import type * as vscode from 'vscode';
import { webviewHtml } from '../webviewPage';

/** `host` says where the page is shown (the sidebar view or an editor tab), for styles and tests. */
export function guideHtml(webview: vscode.Webview, extensionUri: vscode.Uri, host: 'view' | 'panel'): string {
  return webviewHtml(webview, extensionUri, {
    title: 'Architecture Guide',
    stylesheet: 'guide.css',
    scripts: [['vendor', 'elements.js'], ['guide.js']],
    // One polite live region for what the guide announces (a row deleted, undone); the page
    // itself is not live, so redrawing a step is not read out.
    body: `<main id="app" data-host="${host}"><p class="loading">Loading the Architecture Guide…</p></main><div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>`,
  });
}
