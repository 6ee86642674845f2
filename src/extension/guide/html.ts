// The guide's page: strict CSP (only our nonce'd module scripts; styles, fonts and images
// from the webview's own source), every asset from the built webview folder through
// asWebviewUri.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function guideWebviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function guideHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const root = guideWebviewRoot(extensionUri);
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(root, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('vendor', 'codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('styles', 'guide.css')}">
<title>Architecture Guide</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="loading">Loading the Architecture Guide…</p></main>
<script type="module" nonce="${nonce}" src="${asset('vendor', 'elements.js')}"></script>
<script type="module" nonce="${nonce}" src="${asset('guide.js')}"></script>
</body>
</html>`;
}
