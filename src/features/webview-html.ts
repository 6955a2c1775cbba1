import * as vscode from 'vscode';
import { RESOURCE_FOLDERS, isPageResource, makeNonce, pageHtml } from './webview-page';

export { makeNonce } from './webview-page';

/** Webview options: scripts on, and only our stylesheets (media/) and page scripts (dist/webview/) readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: RESOURCE_FOLDERS.map((folder) => vscode.Uri.joinPath(extensionUri, ...folder)),
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

/** A complete page with a strict Content-Security-Policy (see `pageHtml`). */
export function page(p: PageParts): string {
  const src = (path: string) => {
    // a page reads nothing outside its resource roots: the webview would refuse it anyway
    if (!isPageResource(path)) throw new Error(`not a webview resource: ${path}`);
    return p.webview.asWebviewUri(vscode.Uri.joinPath(p.extensionUri, ...path.split('/'))).toString();
  };
  return pageHtml({ cspSource: p.webview.cspSource, nonce: makeNonce(), title: p.title, styleUris: p.styles.map(src), scriptUris: p.scripts.map(src), body: p.body, data: p.data });
}
