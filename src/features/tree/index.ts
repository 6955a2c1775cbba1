/**
 * The "Hypervisor Atlas" activity bar container's "Architectures" view
 * (`hypervisorAtlas.architectures`): how each hypervisor is built, from the knowledge base
 * (see src/core/tree/model.ts for the shape), plus the commands that act on its items and
 * "Reveal in Atlas", which selects an entry's primary place in it.
 */
import * as vscode from 'vscode';
import { buildAtlasTree, type AtlasNode, type AtlasTree } from '../../core/tree/model';
import { diagramSystems } from '../../core/render/card';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { termAt } from '../hover/index';
import { isAtlasDocument } from '../settings';

export const ARCHITECTURES_VIEW = 'hypervisorAtlas.architectures';

export class ArchitecturesProvider implements vscode.TreeDataProvider<AtlasNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AtlasNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: AtlasTree | undefined;

  constructor(private readonly deps: FeatureDeps) {}

  get tree(): AtlasTree {
    this.model ??= buildAtlasTree(this.deps.knowledge(), vscode.l10n.t);
    return this.model;
  }

  /** Rebuilds from the knowledge base; node ids are stable, so expansion and selection stay. */
  refresh(): void {
    this.model = undefined;
    this.changed.fire(undefined);
  }

  getChildren(element?: AtlasNode): AtlasNode[] {
    if (!element) return [...this.tree.roots];
    // after a refresh, VS Code may ask with a node of the previous build: answer by id
    return (this.tree.get(element.id) ?? element).children;
  }

  getParent(element: AtlasNode): AtlasNode | undefined {
    return (this.tree.get(element.id) ?? element).parent;
  }

  getTreeItem(node: AtlasNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    const tooltip = new vscode.MarkdownString(node.tooltip);
    tooltip.supportHtml = false;
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label, role: 'treeitem' };
    // a group expands on click; its concept (Type 1 → "Type 1 hypervisor") is in its context menu
    if (node.entryId && node.kind !== 'group') item.command = { command: Commands.architecturesOpen, title: vscode.l10n.t('Open Card'), arguments: [node.id] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The term at the cursor: at the caret, else at the start of a selection (a double-clicked
 * word leaves the caret after it), else just before the caret.
 */
function termUnderCursor(deps: FeatureDeps, editor: vscode.TextEditor): string | undefined {
  const { document, selection } = editor;
  const tries = [selection.active, selection.start];
  if (selection.active.character > 0) tries.push(selection.active.translate(0, -1));
  for (const position of tries) {
    const found = termAt(deps, document, position);
    if (found) return found.match.id;
  }
  return undefined;
}

/** The entry id an item command was invoked with: an id, a tree node, an "In This File" item. */
function entryIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { entryId?: unknown }).entryId === 'string') return (arg as { entryId: string }).entryId;
  return undefined;
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const provider = new ArchitecturesProvider(deps);
  const view = vscode.window.createTreeView(ARCHITECTURES_VIEW, { treeDataProvider: provider, showCollapseAll: true });

  /** Selects (and focuses) an entry's primary place; returns the node id. */
  const reveal = async (entryId: string, focus = true): Promise<string | undefined> => {
    const node = provider.tree.primary(entryId, deps.knowledge());
    if (!node) return undefined;
    // opens the container and expands the view's pane if the user collapsed it; reveal alone does not
    if (!view.visible) await vscode.commands.executeCommand(`${ARCHITECTURES_VIEW}.focus`);
    await view.reveal(node, { select: true, focus, expand: false });
    return node.id;
  };

  const disposables: vscode.Disposable[] = [
    provider,
    view,
    deps.onDidChangeKnowledge(() => provider.refresh()),
    vscode.commands.registerCommand(Commands.revealInAtlas, async (arg?: unknown) => {
      let id = entryIdOf(arg);
      if (!id) {
        // from the editor (its context menu passes the document's URI): the term under the cursor
        const editor = vscode.window.activeTextEditor;
        if (editor && isAtlasDocument(editor.document)) id = termUnderCursor(deps, editor);
        if (!id) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Hypervisor Atlas: there is no virtualization term under the cursor. Try Search Atlas… to find one.'));
          return undefined;
        }
      }
      const revealed = await reveal(id);
      if (!revealed) void vscode.window.showInformationMessage(vscode.l10n.t('Hypervisor Atlas: no entry "{0}" in the atlas.', id));
      return revealed;
    }),
    vscode.commands.registerCommand(Commands.architecturesRefresh, () => provider.refresh()),
    vscode.commands.registerCommand(Commands.architecturesOpen, async (nodeId: unknown) => {
      const node = typeof nodeId === 'string' ? provider.tree.get(nodeId) : undefined;
      if (!node?.entryId) return false;
      const shown = await vscode.commands.executeCommand<boolean>(Commands.openEntry, node.entryId);
      // the card opens beside and takes focus; give it back, so arrow keys keep walking the tree
      await view.reveal(node, { select: true, focus: true, expand: false }).then(undefined, () => undefined);
      return shown;
    }),
    // for the workbench tests: the selected nodes
    vscode.commands.registerCommand(Commands.architecturesSelection, () => view.selection.map((n) => ({ id: n.id, entryId: n.entryId, label: n.label }))),
    vscode.commands.registerCommand(Commands.treeOpenCard, (arg: unknown) => {
      const id = entryIdOf(arg);
      return id ? vscode.commands.executeCommand(Commands.openEntry, id) : false;
    }),
    vscode.commands.registerCommand(Commands.treeShowInDiagram, async (arg: unknown) => {
      const kb = deps.knowledge();
      const entry = kb.get(entryIdOf(arg) ?? '');
      if (!entry) return false;
      const own = arg && typeof arg === 'object' ? (arg as { systemId?: unknown }).systemId : undefined;
      const systemId = typeof own === 'string' ? own : diagramSystems(kb, entry)[0]?.id;
      if (!systemId) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Hypervisor Atlas: {0} is not drawn in any diagram.', entry.title));
        return false;
      }
      if (!(await vscode.commands.getCommands(true)).includes(Commands.showDiagram)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Hypervisor Atlas: the diagram view is not available in this version yet.'));
        return false;
      }
      await vscode.commands.executeCommand(Commands.showDiagram, systemId, entry.id);
      return true;
    }),
    vscode.commands.registerCommand(Commands.treeCopySummary, async (arg: unknown) => {
      const entry = deps.knowledge().get(entryIdOf(arg) ?? '');
      if (!entry) return undefined;
      const short = entry.short && entry.short !== entry.title ? ` (${entry.short})` : '';
      const text = `${entry.title}${short}: ${entry.summary}`;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the summary of {0}', entry.title), 3000);
      return text;
    }),
    vscode.commands.registerCommand(Commands.treeOpenSource, async (arg: unknown) => {
      const entry = deps.knowledge().get(entryIdOf(arg) ?? '');
      const source = entry?.sources[0];
      if (!source || !/^https:\/\//i.test(source.url)) return false;
      return vscode.env.openExternal(vscode.Uri.parse(source.url, true));
    }),
  ];
  for (const c of [Commands.revealInAtlas, Commands.treeOpenCard, Commands.treeShowInDiagram, Commands.treeCopySummary, Commands.treeOpenSource]) deps.commands.add(c);
  return disposables;
}
