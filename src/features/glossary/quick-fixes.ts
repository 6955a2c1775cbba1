import * as vscode from 'vscode';
import type { ProblemFix } from '../../core/glossary/entry';
import type { GlossaryProblem } from './store';

export const DIAGNOSTIC_SOURCE = 'Hypervisor Atlas';

/**
 * The fix each glossary problem allows, by file, line and message: the problems carry it
 * (core/glossary), so a fix never depends on the message's words or language. A code action
 * gets copies of the diagnostics, hence the lookup by value.
 */
export class GlossaryFixes {
  private readonly byKey = new Map<string, ProblemFix>();

  private static key(uri: vscode.Uri, line: number, message: string): string {
    return `${uri.toString()}\0${line}\0${message}`;
  }

  /** The fixes of the problems now shown; `line` is 1-based, as in a problem. */
  set(problems: readonly GlossaryProblem[]): void {
    this.byKey.clear();
    for (const p of problems) if (p.fix) this.byKey.set(GlossaryFixes.key(p.uri, Math.max(0, p.line - 1), p.message), p.fix);
  }

  of(uri: vscode.Uri, d: vscode.Diagnostic): ProblemFix | undefined {
    return this.byKey.get(GlossaryFixes.key(uri, d.range.start.line, d.message));
  }
}

/** Quick fixes for glossary diagnostics: the suggested id for a typo, a `sources:` stub. */
export function quickFixes(fixes: GlossaryFixes): vscode.CodeActionProvider {
  return {
    provideCodeActions(document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      for (const d of context.diagnostics) {
        if (d.source !== DIAGNOSTIC_SOURCE) continue;
        const fix = fixes.of(document.uri, d);
        if (fix?.kind === 'replace') {
          const line = document.lineAt(d.range.start.line).text;
          const at = line.indexOf(fix.id);
          if (at >= 0) {
            const action = new vscode.CodeAction(vscode.l10n.t('Change to `{0}`', fix.with), vscode.CodeActionKind.QuickFix);
            action.edit = new vscode.WorkspaceEdit();
            action.edit.replace(document.uri, new vscode.Range(d.range.start.line, at, d.range.start.line, at + fix.id.length), fix.with);
            action.diagnostics = [d];
            action.isPreferred = true;
            actions.push(action);
          }
        }
        if (fix?.kind === 'add-sources') {
          const close = closingLine(document);
          if (close > 0) {
            const action = new vscode.CodeAction(vscode.l10n.t('Add `sources:`'), vscode.CodeActionKind.QuickFix);
            action.edit = new vscode.WorkspaceEdit();
            const existing = findLine(document, close, /^sources\s*:\s*(\[\s*\])?\s*$/);
            const stub = 'sources:\n  - { title: Where this is documented, url: "https://" }\n';
            if (existing >= 0) action.edit.replace(document.uri, document.lineAt(existing).rangeIncludingLineBreak, stub);
            else action.edit.insert(document.uri, new vscode.Position(close, 0), stub);
            action.diagnostics = [d];
            actions.push(action);
          }
        }
      }
      return actions;
    },
  };
}

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
