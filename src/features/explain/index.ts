import * as vscode from 'vscode';
import type { Entry } from '../../core/knowledge/types';
import { kindLabels } from '../../core/render/words';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { termAt } from '../hover/index';
import { isAtlasDocument } from '../settings';
import { ENTRY_VIEW_TYPE, EntryPanel } from './panel';

interface EntryItem extends vscode.QuickPickItem {
  id: string;
}

function item(entry: Entry): EntryItem {
  const names = [entry.short, ...entry.aliases].filter((a, i, all): a is string => !!a && a !== entry.title && all.indexOf(a) === i);
  return {
    id: entry.id,
    label: entry.title,
    description: [kindLabels(vscode.l10n.t)[entry.kind], ...names.slice(0, 6)].join(' · '),
    detail: entry.summary,
  };
}

/** The entry under the cursor of the active editor, if any. */
function entryAtCursor(deps: FeatureDeps): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isAtlasDocument(editor.document)) return undefined;
  return termAt(deps, editor.document, editor.selection.active)?.match.id;
}

/** Quick pick over every entry, searchable by title and alias; resolves to an entry id. */
export async function pickEntry(deps: FeatureDeps, title: string, preselect?: string, keepOpen = false): Promise<string | undefined> {
  const kb = deps.knowledge();
  const items = kb.search('', Infinity).map(item);
  if (preselect) {
    const i = items.findIndex((x) => x.id === preselect);
    if (i > 0) items.unshift(...items.splice(i, 1));
  }
  const qp = vscode.window.createQuickPick<EntryItem>();
  qp.title = title;
  // opened from the walkthrough, which takes the focus back as it marks the step done
  qp.ignoreFocusOut = keepOpen;
  qp.placeholder = vscode.l10n.t('Type a term, acronym, binary or setting (VMWP, dom0, host-passthrough, vhv.enable…)');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = items;
  if (preselect && items[0]?.id === preselect) qp.activeItems = [items[0]];
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      resolve(qp.activeItems[0]?.id ?? qp.selectedItems[0]?.id);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const panel = new EntryPanel(deps);
  const disposables = [
    vscode.commands.registerCommand(Commands.openEntry, (id: unknown) => {
      if (typeof id === 'string') return panel.show(id);
      return false;
    }),
    vscode.commands.registerCommand(Commands.explainTerm, async (options?: unknown) => {
      const keepOpen = !!options && typeof options === 'object' && (options as { keepOpen?: unknown }).keepOpen === true;
      const id = await pickEntry(deps, vscode.l10n.t('Hypervisor Atlas: Explain Term'), entryAtCursor(deps), keepOpen);
      if (id) panel.show(id);
      return id;
    }),
    vscode.commands.registerCommand(Commands.searchAtlas, async () => {
      const id = await pickEntry(deps, vscode.l10n.t('Hypervisor Atlas: Search Atlas'));
      if (id) panel.show(id);
      return id;
    }),
    vscode.window.registerWebviewPanelSerializer(ENTRY_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel, state: unknown) {
        const id = state && typeof state === 'object' && typeof (state as { id?: unknown }).id === 'string' ? (state as { id: string }).id : undefined;
        panel.attach(webviewPanel, id && deps.knowledge().get(id) ? id : 'hyperv');
      },
    }),
  ];
  for (const c of [Commands.openEntry, Commands.explainTerm, Commands.searchAtlas]) deps.commands.add(c);
  return disposables;
}

export { EntryPanel };
