// The module map's page: strict CSP (nothing but our nonce'd script, styles and fonts from the
// webview's own origin), every URL through asWebviewUri, resources only from dist/webview.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function mapHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const root = webviewRoot(extensionUri);
  const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(root, ...parts)).toString();
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('vendor', 'codicon.css')}">
<link rel="stylesheet" href="${asset('styles', 'map.css')}">
<title>Module Map</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Module map">
  <button id="export" class="primary" title="Save the map as an SVG file"><span class="codicon codicon-save-as" aria-hidden="true"></span>Export SVG</button>
  <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out"><span class="codicon codicon-zoom-out" aria-hidden="true"></span></button>
  <button id="zoom-reset" title="Fit to window (0)" aria-label="Fit to window"><span class="codicon codicon-screen-normal" aria-hidden="true"></span></button>
  <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in"><span class="codicon codicon-zoom-in" aria-hidden="true"></span></button>
  <ul class="legend" aria-label="Legend">
    <li><span class="swatch swatch--used"></span>allowed, used</li>
    <li><span class="swatch swatch--declared"></span>allowed, unused</li>
    <li><span class="swatch swatch--undeclared"></span>used, no decision</li>
    <li><span class="swatch swatch--violating"></span>breaks a decision</li>
  </ul>
  <span id="status" role="status" aria-live="polite">Loading…</span>
</header>
<main id="canvas" aria-label="Modules and their dependencies"></main>
<aside id="details" aria-label="Details" aria-live="polite"></aside>
<script type="module" nonce="${nonce}" src="${asset('map.js')}"></script>
</body>
</html>`;
}
