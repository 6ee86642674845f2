// The module map's page in the shared webview frame (src/extension/webviewPage.ts).

import type * as vscode from 'vscode';
import { webviewHtml } from '../webviewPage';

const BODY = `<header class="toolbar" role="toolbar" aria-label="Module map">
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
<aside id="details" aria-label="Details" aria-live="polite"></aside>`;

export function mapHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewHtml(webview, extensionUri, { title: 'Module Map', stylesheet: ['toolbar.css', 'map.css'], scripts: [['map.js']], body: BODY, dataImages: true });
}
