import { escapeHtml } from '../core/render/markdown';

/**
 * The folders of the extension a webview may read, relative to its root: our stylesheets
 * (media/) and page scripts (dist/webview/). Nothing else of dist/ (the extension's own bundles,
 * the knowledge base) is readable by a page.
 */
export const RESOURCE_FOLDERS: readonly (readonly string[])[] = [['media'], ['dist', 'webview']];

/** A fresh nonce for one page load (Web Crypto: available in Node 20 and in web workers). */
export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether `path` (`media/entry.css`) lies inside one of RESOURCE_FOLDERS. */
export function isPageResource(path: string): boolean {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return false;
  return RESOURCE_FOLDERS.some((root) => parts.length > root.length && root.every((p, i) => parts[i] === p));
}

/**
 * The Content-Security-Policy of every page: nothing by default, our own nonce'd scripts and
 * styles, images and fonts only from the extension (`cspSource`).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    // neither falls back to default-src
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface PageHtml {
  /** the webview's `cspSource` */
  cspSource: string;
  nonce: string;
  title: string;
  /** webview URIs of the stylesheets and scripts */
  styleUris: string[];
  scriptUris: string[];
  body: string;
  /** JSON handed to the page script in a non-executable script tag */
  data?: unknown;
}

/** A complete page: the CSP, nonce'd stylesheets and scripts, the page data as inert JSON. */
export function pageHtml(p: PageHtml): string {
  const { nonce } = p;
  const data = p.data === undefined ? '' : `<script type="application/json" id="atlas-data" nonce="${nonce}">${JSON.stringify(p.data).replace(/</g, '\\u003c')}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(p.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(p.title)}</title>
${p.styleUris.map((s) => `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(s)}">`).join('\n')}
</head>
<body>
${p.body}
${data}
${p.scriptUris.map((s) => `<script nonce="${nonce}" src="${escapeHtml(s)}"></script>`).join('\n')}
</body>
</html>`;
}
