import * as vscode from 'vscode';
import { LOOKUP_RADIUS } from '../../core/matching/matcher';
import { cardCommands, cardMarkdown } from '../../core/render/card';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { documentProfile } from '../languages/profile';
import { genericPolicy, isAtlasDocument } from '../settings';
import { registerToggle } from './toggle';

/** The term under a position, reading only a window around it. */
export function termAt(deps: FeatureDeps, document: vscode.TextDocument, position: vscode.Position) {
  const offset = document.offsetAt(position);
  const start = document.positionAt(Math.max(0, offset - LOOKUP_RADIUS));
  const from = document.offsetAt(start);
  const text = document.getText(new vscode.Range(start, document.positionAt(offset + LOOKUP_RADIUS)));
  const profile = documentProfile(document);
  // regions are in document offsets; the window starts at `from`
  const to = from + text.length;
  const near = profile.regions.filter((r) => r.end > from && r.start < to);
  const regions = near.length ? near.map((r) => ({ start: r.start - from, end: r.end - from, contexts: r.contexts })) : undefined;
  const match = deps.knowledge().matcher.matchAt(text, offset - from, { generic: genericPolicy(document), systems: profile.systems, contexts: profile.contexts, regions });
  if (!match) return undefined;
  return {
    match,
    text: text.slice(match.start, match.end),
    range: new vscode.Range(document.positionAt(from + match.start), document.positionAt(from + match.end)),
  };
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const provider: vscode.HoverProvider = {
    provideHover(document, position, token) {
      if (!vscode.workspace.getConfiguration('hypervisorAtlas', document).get<boolean>('hover.enabled', true)) return undefined;
      if (!isAtlasDocument(document)) return undefined;
      // before the warm-up is done, wait for it rather than build everything at once
      const pending = deps.whenReady();
      if (pending) return pending.catch(() => undefined).then(() => (token.isCancellationRequested ? undefined : hoverAt(document, position)));
      return hoverAt(document, position);
    },
  };
  const hoverAt = (document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined => {
    const found = termAt(deps, document, position);
    if (!found) return undefined;
    const kb = deps.knowledge();
    const entry = kb.get(found.match.id);
    if (!entry) return undefined;
    const has = (id: string) => (deps.commands.has(id) ? id : undefined);
    const links = { openEntry: has(Commands.openEntry), showDiagram: has(Commands.showDiagram), revealInAtlas: has(Commands.revealInAtlas), showFlow: has(Commands.showFlow) };
    const others = kb.getAll((found.match.candidates ?? []).filter((id) => id !== entry.id));
    const detail = vscode.workspace.getConfiguration('hypervisorAtlas', document).get<string>('hover.detail', 'compact') === 'full' ? 'full' : 'compact';
    const md = new vscode.MarkdownString(cardMarkdown(kb, entry, found.text, links, others, detail, vscode.l10n.t), true);
    md.isTrusted = { enabledCommands: cardCommands(links) };
    md.supportHtml = false;
    return new vscode.Hover(md, found.range);
  };
  return [vscode.languages.registerHoverProvider({ scheme: '*' }, provider), registerToggle()];
}
