import * as vscode from 'vscode';

export const DIAGNOSTIC_SOURCE = 'Hypervisor Atlas';

/** Quick fixes for glossary diagnostics: the suggested id for a typo, a `sources:` stub. */
export const quickFixes: vscode.CodeActionProvider = {
  provideCodeActions(document, _range, context) {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const typo = /`([a-z0-9.-]{1,200})`, which no (?:bundled )?entry has; did you mean `([a-z0-9.-]{1,200})`\?/.exec(d.message);
      if (typo) {
        const line = document.lineAt(d.range.start.line).text;
        const at = line.indexOf(typo[1]);
        if (at >= 0) {
          const fix = new vscode.CodeAction(vscode.l10n.t('Change to `{0}`', typo[2]), vscode.CodeActionKind.QuickFix);
          fix.edit = new vscode.WorkspaceEdit();
          fix.edit.replace(document.uri, new vscode.Range(d.range.start.line, at, d.range.start.line, at + typo[1].length), typo[2]);
          fix.diagnostics = [d];
          fix.isPreferred = true;
          actions.push(fix);
        }
      }
      if (/^entry has no source/.test(d.message)) {
        const close = closingLine(document);
        if (close > 0) {
          const fix = new vscode.CodeAction(vscode.l10n.t('Add `sources:`'), vscode.CodeActionKind.QuickFix);
          fix.edit = new vscode.WorkspaceEdit();
          const existing = findLine(document, close, /^sources\s*:\s*(\[\s*\])?\s*$/);
          const stub = 'sources:\n  - { title: Where this is documented, url: "https://" }\n';
          if (existing >= 0) fix.edit.replace(document.uri, document.lineAt(existing).rangeIncludingLineBreak, stub);
          else fix.edit.insert(document.uri, new vscode.Position(close, 0), stub);
          fix.diagnostics = [d];
          actions.push(fix);
        }
      }
    }
    return actions;
  },
};

/** The line of the `---` that closes the front matter, or -1. */
export function closingLine(document: vscode.TextDocument): number {
  if (document.lineCount < 2 || document.lineAt(0).text.trim() !== '---') return -1;
  for (let i = 1; i < Math.min(document.lineCount, 500); i++) if (document.lineAt(i).text.trim() === '---') return i;
  return -1;
}

function findLine(document: vscode.TextDocument, before: number, pattern: RegExp): number {
  for (let i = 1; i < before; i++) if (pattern.test(document.lineAt(i).text)) return i;
  return -1;
}
