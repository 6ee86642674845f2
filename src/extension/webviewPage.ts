// The one page frame both webviews (the guide and the module map) are served in: a strict CSP
// (`default-src 'none'`, only our nonce'd module scripts, styles, fonts and images from the
// webview's own source), codicons, every URL through asWebviewUri, resources only from the
// built webview folder.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The only folder a webview may load from: `localResourceRoots`. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export interface WebviewPage {
  title: string;
  /** Stylesheets under dist/webview/styles, in order. */
  stylesheet: string | string[];
  /** Module scripts under dist/webview, in load order. */
  scripts: string[][];
  /** The page's markup inside <body>, before the scripts. */
  body: string;
  /** Allow data: images (the map's SVG export previews). */
  dataImages?: boolean;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const root = webviewRoot(extensionUri);
  const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(root, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}${page.dataImages ? ' data:' : ''}`,
  ].join('; ');
  const scripts = page.scripts.map((parts) => `<script type="module" nonce="${nonce}" src="${asset(...parts)}"></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('vendor', 'codicon.css')}" id="vscode-codicon-stylesheet">
${[page.stylesheet].flat().map((sheet) => `<link rel="stylesheet" href="${asset('styles', sheet)}">`).join('\n')}
<title>${page.title}</title>
</head>
<body>
${page.body}
${scripts}
</body>
</html>`;
}

/**
 * Wires a panel's messages and lifetime. A hidden panel's page is dropped (`hidden`: it says
 * 'ready' again when it is shown); `disposed` runs once, after the subscriptions are gone.
 */
export function watchPanel(panel: vscode.WebviewPanel, on: { message(raw: unknown): void; hidden(): void; disposed(): void }): void {
  const subscriptions = [
    panel.webview.onDidReceiveMessage(on.message),
    panel.onDidChangeViewState(() => {
      if (!panel.visible) on.hidden();
    }),
    panel.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      on.disposed();
    }),
  ];
}
