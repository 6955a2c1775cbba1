/**
 * VMware VMX and Xen xl.cfg as languages. The languages, grammars (syntaxes/) and language
 * configurations (language-configuration/) are declared in package.json; at run time this
 * feature only
 *   - tells the term engine which systems a document is about (documentSystems, used by the
 *     hover), and
 *   - opens `.cfg` files that look like xl domain configs, outside the paths package.json
 *     already claims (/etc/xen/, any xen/ folder), in the xl language instead of Properties
 *     (setting hypervisorAtlas.languages.detectXlConfigs). Each document is switched at most
 *     once, so choosing another language by hand sticks.
 */
import * as vscode from 'vscode';
import type { FeatureDeps } from '../deps';
import { isAtlasDocument } from '../settings';
import { Languages } from './systems';
import { MAX_CHARS, MAX_LINES, looksLikeXlConfig } from './xl-detect';

export { Languages, documentSystems } from './systems';

/** Languages VS Code gives `.cfg` files when nothing more specific claims them. */
const CFG_DEFAULT_LANGUAGES = new Set(['properties', 'plaintext', 'ini']);

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const seen = new Set<string>();

  const check = (document: vscode.TextDocument): void => {
    if (!CFG_DEFAULT_LANGUAGES.has(document.languageId)) return;
    if (!document.uri.path.toLowerCase().endsWith('.cfg')) return;
    const key = document.uri.toString();
    if (seen.has(key)) return;
    if (!vscode.workspace.getConfiguration('hypervisorAtlas', document).get<boolean>('languages.detectXlConfigs', true)) return;
    if (!isAtlasDocument(document) || userAssociated(document)) return;
    seen.add(key);
    // the first lines, but never more than MAX_CHARS: a minified one-line file is not read whole
    const end = Math.min(document.offsetAt(new vscode.Position(Math.min(document.lineCount, MAX_LINES), 0)), MAX_CHARS);
    const text = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(end)));
    if (!looksLikeXlConfig(text)) return;
    vscode.languages.setTextDocumentLanguage(document, Languages.xl).then(
      () => deps.log.info(`Opened ${document.uri.toString(true)} as a Xen domain config (it looks like one; turn off hypervisorAtlas.languages.detectXlConfigs to keep .cfg files as they are).`),
      (e: unknown) => deps.log.warn(`Could not switch ${document.uri.toString(true)} to the xl language: ${String(e)}`),
    );
  };

  for (const document of vscode.workspace.textDocuments) check(document);
  return [
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // A language change closes and reopens the document under the same URI; forget it only
      // once no editor shows it any more, so a hand-picked language sticks while it is open.
      const key = document.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) seen.delete(key);
      }, 1000);
    }),
  ];
}

/** Whether the user's files.associations names a language for this file; then it is theirs. */
function userAssociated(document: vscode.TextDocument): boolean {
  const associations = vscode.workspace.getConfiguration('files', document).get<Record<string, string>>('associations', {}) ?? {};
  // A pattern without a slash matches the file name, as files.associations does.
  return Object.keys(associations).some((pattern) => vscode.languages.match({ pattern: pattern.includes('/') ? pattern : `**/${pattern}` }, document) > 0);
}
