import * as vscode from 'vscode';
import { comparePair, drawableSystems } from '../../core/diagram/index';
import { systemSubtitle } from '../../core/diagram/model';
import { diagramSystems } from '../../core/render/card';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { flowStart } from './flows';
import { DIAGRAM_VIEW_TYPE, DiagramPanels } from './panel';

interface SystemItem extends vscode.QuickPickItem {
  id: string;
}

/** Quick pick of every guided flow, grouped by system. */
async function pickFlow(deps: FeatureDeps): Promise<string | undefined> {
  const kb = deps.knowledge();
  const items: (SystemItem | vscode.QuickPickItem)[] = [];
  for (const s of drawableSystems(kb)) {
    const flows = kb.flows.filter((f) => f.system === s.id);
    if (!flows.length) continue;
    items.push({ label: s.title, kind: vscode.QuickPickItemKind.Separator });
    for (const f of flows) items.push({ id: f.id, label: f.title, description: s.title, detail: f.summary });
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Hypervisor Atlas: Show Flow'), placeHolder: vscode.l10n.t('Which flow? Each one walks through a diagram step by step'), matchOnDescription: true, matchOnDetail: true });
  return picked && 'id' in picked ? picked.id : undefined;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= 120 && /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(v);

/** Quick pick of every system with a stack to draw. */
async function pickSystem(deps: FeatureDeps): Promise<string | undefined> {
  const kb = deps.knowledge();
  const items: SystemItem[] = drawableSystems(kb).map((s) => ({ id: s.id, label: s.title, description: systemSubtitle(s, vscode.l10n.t), detail: s.summary }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Hypervisor Atlas: Show Architecture Diagram'), placeHolder: vscode.l10n.t('Which architecture?'), matchOnDescription: true });
  return picked?.id;
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  const panels = new DiagramPanels(deps);

  /**
   * `showDiagram(systemId?, entryId?)`: the hover card, the entry card and the tree call it
   * with `[systemId, entryId]`. With no system, a quick pick; given an entry id as the first
   * argument, the first system that draws it.
   */
  const showDiagram = async (systemId?: unknown, entryId?: unknown): Promise<boolean> => {
    const kb = deps.knowledge();
    let system = isId(systemId) ? kb.get(systemId) : undefined;
    let select = isId(entryId) ? entryId : undefined;
    if (system && system.kind !== 'system') {
      select ??= system.id;
      system = diagramSystems(kb, system)[0];
    }
    const id = system?.id ?? (systemId === undefined ? await pickSystem(deps) : undefined);
    if (!id) return false;
    return panels.show({ kind: 'system', system: id }, select);
  };

  const disposables = [
    vscode.commands.registerCommand(Commands.showDiagram, showDiagram),
    vscode.commands.registerCommand(Commands.showHyperVArchitecture, (entryId?: unknown) =>
      panels.show({ kind: 'system', system: 'hyperv' }, isId(entryId) ? entryId : undefined),
    ),
    vscode.commands.registerCommand(Commands.compareTypes, (left?: unknown, right?: unknown) => {
      const kb = deps.knowledge();
      const pair = comparePair(kb);
      const l = isId(left) && kb.get(left)?.kind === 'system' ? left : pair?.left;
      const r = isId(right) && kb.get(right)?.kind === 'system' ? right : pair?.right;
      if (!l || !r) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Hypervisor Atlas: the knowledge base has no Type 1 and Type 2 systems to compare.'));
        return false;
      }
      return panels.show({ kind: 'compare', left: l, right: r });
    }),
    /** `showFlow(flowId?, entryId?)`: plays a flow in its system's diagram, from the first step that shows the entry. */
    vscode.commands.registerCommand(Commands.showFlow, async (flowId?: unknown, entryId?: unknown) => {
      const id = isId(flowId) ? flowId : flowId === undefined ? await pickFlow(deps) : undefined;
      const found = id ? flowStart(deps.knowledge(), id, isId(entryId) ? entryId : undefined) : undefined;
      if (!found) return false;
      return panels.show({ kind: 'system', system: found.flow.system }, undefined, found.start);
    }),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel, state: unknown) {
        await panels.restore(webviewPanel, state);
      },
    }),
    deps.onDidChangeKnowledge(() => panels.knowledgeChanged()),
    // for the workbench tests: the entries an open diagram draws and the revision it shows
    vscode.commands.registerCommand(Commands.diagramSnapshot, (view?: unknown) => panels.snapshot(view)),
    panels,
  ];
  for (const c of [Commands.showDiagram, Commands.showHyperVArchitecture, Commands.compareTypes, Commands.showFlow]) deps.commands.add(c);
  return disposables;
}

export { DIAGRAM_VIEW_TYPE, DiagramPanels };
