import * as vscode from 'vscode';
import { escapeHtml } from '../core/render/markdown';

/** A fresh nonce for one page load (Web Crypto: available in Node 20 and in web workers). */
export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Webview options: scripts on, and only our stylesheets (media/) and page scripts (dist/webview/) readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

export interface PageParts {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  title: string;
  /** paths under the extension folder, e.g. `media/entry.css` */
  styles: string[];
  scripts: string[];
  body: string;
  /** JSON handed to the page script in a non-executable script tag */
  data?: unknown;
}

/**
 * A complete page with a strict Content-Security-Policy: nothing by default, our own
 * nonce'd scripts and styles, images only from our folders.
 */
export function page(p: PageParts): string {
  const nonce = makeNonce();
  const src = (path: string) => p.webview.asWebviewUri(vscode.Uri.joinPath(p.extensionUri, ...path.split('/'))).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${p.webview.cspSource}`,
    `font-src ${p.webview.cspSource}`,
    `style-src ${p.webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    // neither falls back to default-src
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const data = p.data === undefined ? '' : `<script type="application/json" id="atlas-data" nonce="${nonce}">${JSON.stringify(p.data).replace(/</g, '\\u003c')}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(p.title)}</title>
${p.styles.map((s) => `<link rel="stylesheet" nonce="${nonce}" href="${src(s)}">`).join('\n')}
</head>
<body>
${p.body}
${data}
${p.scripts.map((s) => `<script nonce="${nonce}" src="${src(s)}"></script>`).join('\n')}
</body>
</html>`;
}
