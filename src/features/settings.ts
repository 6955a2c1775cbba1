import * as vscode from 'vscode';
import type { GenericPolicy } from '../core/matching/matcher';

/** Settings read per call, so changes apply without a reload. */
export function genericPolicy(scope?: vscode.ConfigurationScope): GenericPolicy {
  const v = vscode.workspace.getConfiguration('hypervisorAtlas', scope).get<string>('genericTerms', 'nearSpecificTerms');
  return v === 'always' ? 'always' : v === 'never' ? 'never' : 'context';
}

/** URI schemes of documents that are not files being read or written: output, SCM input, ... */
const NOT_EDITOR_SCHEMES = new Set(['output', 'vscode-scm', 'comment', 'debug', 'vscode-terminal', 'vscode-chat-code-block', 'vscode-notebook-cell-output', 'walkThroughSnippet']);

/** Whether the extension should look at this document at all. */
export function isAtlasDocument(document: vscode.TextDocument): boolean {
  if (NOT_EDITOR_SCHEMES.has(document.uri.scheme)) return false;
  const globs = vscode.workspace.getConfiguration('hypervisorAtlas', document).get<string[]>('exclude', []);
  for (const pattern of globs) {
    if (typeof pattern === 'string' && pattern && vscode.languages.match({ pattern }, document) > 0) return false;
  }
  return true;
}
