import * as vscode from 'vscode';
import { parseViewKey, viewExists, viewKey, type DiagramView } from '../../core/diagram/index';
import { renderSvg } from '../../core/diagram/svg';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { diagramBody, diagramStrings } from './strings';
import { makeNonce, page, webviewOptions } from '../webview-html';
import { exportFileName, type DiagramPageData } from './data';
import type { FlowStart } from './flows';
import { parseDiagramMessage, parseDiagramState } from './messages';
import { PreparedPages, type PreparedPage } from './prepare';

export const DIAGRAM_VIEW_TYPE = 'hypervisorAtlas.diagram';

interface Open {
  panel: vscode.WebviewPanel;
  view: DiagramView;
  /** undefined while the page is being prepared */
  page?: PreparedPage & { drawn: Set<string> };
  /** what to select or play once the page is ready (asked for while it was being prepared) */
  select?: string;
  play?: FlowStart;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The diagram panels: one per view (a system, or the Type 1 / Type 2 comparison). */
export class DiagramPanels {
  private readonly open = new Map<string, Open>();
  /** layouts, cards and flows, prepared in slices and kept until the knowledge base changes */
  private readonly pages = new PreparedPages(pause);

  constructor(private readonly deps: FeatureDeps) {}

  /** Forgets the prepared pages: the knowledge base changed. Open panels keep theirs. */
  knowledgeChanged(): void {
    this.pages.clear();
  }

  /** Opens (or reveals) a view; `select` is an entry id to select in it, `play` a flow to start. */
  show(view: DiagramView, select?: string, play?: FlowStart): boolean {
    const kb = this.deps.knowledge();
    if (!viewExists(kb, view)) return false;
    const key = viewKey(view);
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal(undefined, false);
      const ready = existing.page;
      if (!ready) {
        if (play) existing.play = play;
        else if (select) existing.select = select;
      } else if (play && ready.flows.some((f) => f.id === play.id)) void existing.panel.webview.postMessage({ type: 'play', id: play.id, step: play.step });
      else if (select && ready.drawn.has(select)) void existing.panel.webview.postMessage({ type: 'select', id: select });
      return true;
    }
    const title = view.kind === 'system' ? `${kb.get(view.system)!.title} architecture` : 'Type 1 and Type 2';
    const panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, title, vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    void this.attach(panel, view, makeNonce(), select, play);
    return true;
  }

  /** Takes over a panel VS Code restored after a reload (see the serializer in index.ts). */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const kb = this.deps.knowledge();
    const saved = parseDiagramState(state);
    const view = saved ? parseViewKey(saved.view) : undefined;
    if (view && viewExists(kb, view) && !this.open.has(viewKey(view))) await this.attach(panel, view, saved!.token);
    else if (!this.open.has('system:hyperv')) await this.attach(panel, { kind: 'system', system: 'hyperv' }, makeNonce());
    else panel.dispose();
  }

  /** Open views, for tests and the tree. */
  get views(): string[] {
    return [...this.open.keys()];
  }

  /** Shows the view in `panel`: the page's HTML is set once its layout, cards and flows are ready. */
  private async attach(panel: vscode.WebviewPanel, view: DiagramView, token: string, select?: string, play?: FlowStart): Promise<void> {
    const kb = this.deps.knowledge();
    const key = viewKey(view);
    const entry: Open = { panel, view, ...(select ? { select } : {}), ...(play ? { play } : {}) };
    this.open.set(key, entry);
    let disposed = false;
    panel.webview.options = webviewOptions(this.deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'atlas.svg');
    panel.onDidDispose(() => {
      disposed = true;
      if (this.open.get(key)?.panel === panel) this.open.delete(key);
    });
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(entry, raw));
    let prepared: PreparedPage | undefined;
    try {
      prepared = await this.pages.get(kb, view, vscode.l10n.t);
    } catch (e) {
      this.deps.log.error(`diagram ${key}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    if (disposed || !prepared) return;
    const { layout, cards, flows } = prepared;
    for (const p of layout.problems) this.deps.log.debug(`diagram ${key}: ${p}`);
    entry.page = { ...prepared, drawn: new Set(layout.nodes.map((n) => n.entryId)) };
    ({ select, play } = entry);
    panel.title = view.kind === 'system' ? layout.title : vscode.l10n.t('Type 1 and Type 2');
    const data: DiagramPageData = {
      view: key,
      token,
      title: layout.title,
      layout,
      cards,
      ...(select && entry.page.drawn.has(select) ? { select } : {}),
      flows,
      ...(play && flows.some((f) => f.id === play.id) ? { play } : {}),
      canReveal: this.deps.commands.has(Commands.revealInAtlas),
      strings: diagramStrings(),
    };
    panel.webview.html = page({
      webview: panel.webview,
      extensionUri: this.deps.extensionUri,
      title: layout.title,
      styles: ['media/diagram.css'],
      scripts: ['dist/webview/diagram.js'],
      body: diagramBody(),
      data,
    });
  }

  private onMessage(open: Open, raw: unknown): void {
    const msg = parseDiagramMessage(raw);
    if (!msg) {
      this.deps.log.warn('diagram view: ignored an unexpected message');
      return;
    }
    const kb = this.deps.knowledge();
    switch (msg.type) {
      case 'open':
        if (kb.get(msg.id) && this.deps.commands.has(Commands.openEntry)) void vscode.commands.executeCommand(Commands.openEntry, msg.id);
        break;
      case 'reveal':
        if (kb.get(msg.id) && this.deps.commands.has(Commands.revealInAtlas)) void vscode.commands.executeCommand(Commands.revealInAtlas, msg.id);
        break;
      case 'external':
        if (open.page?.urls.has(msg.url)) void vscode.env.openExternal(vscode.Uri.parse(msg.url, true));
        break;
      case 'export':
        void this.export(open, msg.palette, msg.edges);
        break;
      case 'diagram':
        if (!this.show({ kind: 'system', system: msg.system })) this.deps.log.warn(`diagram view: no diagram for ${msg.system}`);
        break;
    }
  }

  /** Export SVG: a save dialog, then the standalone drawing in the theme's colours (works on the web). */
  private async export(open: Open, palette: Parameters<typeof renderSvg>[1], edges?: string[]): Promise<void> {
    const layout = open.page?.layout;
    if (!layout) return;
    const name = exportFileName(viewKey(open.view));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export diagram as SVG'),
      saveLabel: 'Export',
      filters: { 'SVG image': ['svg'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderSvg(layout, palette, edges && new Set(edges))));
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', target.path.split('/').pop() ?? name));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the SVG: {0}', e instanceof Error ? e.message : String(e)));
    }
  }
}
