import * as vscode from 'vscode';
import { provideKnowledgeText } from '../core/knowledge/load';

/**
 * The web bundle does not carry the knowledge base (the .vsix would hold it twice): it reads
 * dist/knowledge.json from the extension's folder, over http(s) in a browser.
 */
export async function loadKnowledgeFile(extensionUri: vscode.Uri): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'knowledge.json'));
  provideKnowledgeText(new TextDecoder().decode(bytes));
}
