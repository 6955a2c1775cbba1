import * as vscode from 'vscode';
import { fieldHelp, KIND_NAMES } from '../../core/glossary/fields';
import type { KnowledgeIndex } from '../../core/knowledge/index';
import { closingLine } from './quick-fixes';

/** Whether a position is inside a glossary file's front matter. */
function inFrontMatter(document: vscode.TextDocument, line: number): boolean {
  const close = closingLine(document);
  return line > 0 && (close < 0 || line < close);
}

/** Completions for front-matter keys, kinds, modes and ids of systems, layers and entries. */
export function completions(knowledge: () => KnowledgeIndex, isGlossary: (d: vscode.TextDocument) => boolean): vscode.CompletionItemProvider {
  return {
    provideCompletionItems(document, position) {
      if (!isGlossary(document) || !inFrontMatter(document, position.line)) return undefined;
      const before = document.lineAt(position.line).text.slice(0, position.character);
      const key = /^([A-Za-z]+)\s*:/.exec(before)?.[1];
      if (!key) {
        if (!/^[A-Za-z]*$/.test(before)) return undefined;
        return Object.entries(fieldHelp(vscode.l10n.t)).map(([name, help]) => {
          const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Property);
          item.insertText = `${name}: `;
          item.documentation = new vscode.MarkdownString(help);
          return item;
        });
      }
      const kb = knowledge();
      const values = (list: readonly string[], kind: vscode.CompletionItemKind, detail?: (v: string) => string) =>
        list.map((v) => {
          const item = new vscode.CompletionItem(v, kind);
          if (detail) item.detail = detail(v);
          return item;
        });
      const title = (id: string) => kb.get(id)?.title ?? '';
      switch (key) {
        case 'kind':
          return values(KIND_NAMES, vscode.CompletionItemKind.EnumMember);
        case 'mode':
          return values(['kernel', 'user', 'firmware'], vscode.CompletionItemKind.EnumMember);
        case 'systems':
        case 'system':
          return values(kb.systems().map((e) => e.id), vscode.CompletionItemKind.Reference, title);
        case 'layers':
          return values(kb.ofKind('layer').map((e) => e.id), vscode.CompletionItemKind.Reference, (id) => `${title(kb.get(id)?.system ?? '')} › ${title(id)}`);
        case 'related':
        case 'extends':
          return values(kb.entries.map((e) => e.id), vscode.CompletionItemKind.Reference, title);
        default:
          return undefined;
      }
    },
  };
}

/** Explains a front-matter key on hover. */
export function keyHovers(isGlossary: (d: vscode.TextDocument) => boolean): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      if (!isGlossary(document) || !inFrontMatter(document, position.line)) return undefined;
      const m = /^([A-Za-z]+)\s*:/.exec(document.lineAt(position.line).text);
      const help = fieldHelp(vscode.l10n.t);
      if (!m || position.character > m[1].length || !Object.hasOwn(help, m[1])) return undefined;
      const md = new vscode.MarkdownString(`**${m[1]}**: ${help[m[1]]}`);
      md.isTrusted = false;
      return new vscode.Hover(md, new vscode.Range(position.line, 0, position.line, m[1].length));
    },
  };
}
