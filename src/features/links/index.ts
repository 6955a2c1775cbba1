/**
 * Ctrl/Cmd+click on a term opens its card: each term is a document link to Open Entry. Links
 * only show when the modifier is held, and they add nothing to the language's own Go to
 * Definition. The scan is the one In This File runs: in slices, capped, cancellable.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { scanText } from '../in-file/scan';
import { documentProfile } from '../languages/profile';
import { genericPolicy, isAtlasDocument } from '../settings';

/** Links on the first 1 MB of a document, at most 2,000 of them: enough for any file a person reads term by term. */
const LIMITS = { maxChars: 1024 * 1024, maxMatches: 2000 };

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const provider: vscode.DocumentLinkProvider = {
    async provideDocumentLinks(document, token) {
      const config = vscode.workspace.getConfiguration('hypervisorAtlas', document);
      if (!config.get<boolean>('links.enabled', true) || !config.get<boolean>('hover.enabled', true)) return [];
      if (!isAtlasDocument(document) || !deps.commands.has(Commands.openEntry)) return [];
      const end = document.lineCount > 0 ? document.offsetAt(document.lineAt(document.lineCount - 1).range.end) : 0;
      const text = document.getText(end > LIMITS.maxChars ? new vscode.Range(new vscode.Position(0, 0), document.positionAt(LIMITS.maxChars)) : undefined);
      const profile = documentProfile(document);
      const kb = deps.knowledge();
      const result = await scanText(kb.matcher, text, {
        generic: genericPolicy(document),
        systems: profile.systems,
        contexts: profile.contexts,
        regions: profile.regions,
        limits: LIMITS,
        isCancelled: () => token.isCancellationRequested,
      });
      if (!result || token.isCancellationRequested) return [];
      const links: vscode.DocumentLink[] = [];
      for (const group of result.groups) {
        const entry = kb.get(group.id);
        if (!entry) continue;
        const target = vscode.Uri.parse(`command:${Commands.openEntry}?${encodeURIComponent(JSON.stringify([entry.id]))}`);
        for (const o of group.occurrences) {
          const link = new vscode.DocumentLink(new vscode.Range(o.line, o.character, o.endLine, o.endCharacter), target);
          link.tooltip = vscode.l10n.t('Open the card of {0}', entry.title);
          links.push(link);
        }
      }
      return links;
    },
  };
  return [vscode.languages.registerDocumentLinkProvider({ scheme: '*' }, provider)];
}
