import * as vscode from 'vscode';
import { parseViewKey, viewExists, viewKey, type DiagramView } from '../../core/diagram/index';
import { renderSvg } from '../../core/diagram/svg';
import { Commands } from '../commands';
import type { KnowledgeIndex } from '../../core/knowledge/index';
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
  token: string;
  /** undefined while the page is being prepared */
  page?: PreparedPage & { drawn: Set<string> };
  /** what to select or play once the page is ready (asked for while it was being prepared) */
  select?: string;
  play?: FlowStart;
  /** the page data last sent (in the HTML or in an `update`), and what it was made from */
  data?: DiagramPageData;
  kb?: KnowledgeIndex;
  /** the revision of the data in the panel's HTML: older than `data`'s after an update */
  htmlRevision: number;
  /** the revision the page says it has drawn */
  drawnRevision: number;
}

/** What the internal snapshot command answers for an open diagram (workbench tests). */
export interface DiagramSnapshot {
  view: string;
  /** the revision of the data last sent, and the one the page has drawn */
  revision: number;
  drawnRevision: number;
  settled: boolean;
  /** the entry ids of the boxes of that data, sorted */
  entries: string[];
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Changes that come closer together than this are redrawn once. */
const REFRESH_DELAY_MS = 50;

/** The diagram panels: one per view (a system, or the Type 1 / Type 2 comparison). */
export class DiagramPanels {
  private readonly open = new Map<string, Open>();
  /** layouts, cards and flows, prepared in slices and kept until the knowledge base changes */
  private readonly pages = new PreparedPages(pause);

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private disposed = false;

  constructor(private readonly deps: FeatureDeps) {
    // a page drawn before the workspace glossaries' first load is marked unsettled; redraw it once that is over
    void deps.whenSettled()?.then(() => this.scheduleRefresh());
  }

  /**
   * The knowledge base changed: forgets the prepared pages and, once a burst of changes is
   * over, prepares every open page again (in slices) and redraws it in place.
   */
  knowledgeChanged(): void {
    this.pages.clear();
    this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    if (this.disposed) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    this.disposed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  /** Redraws every open page that shows an older knowledge base; one more round for changes that come meanwhile. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        for (const open of [...this.open.values()]) {
          if (this.disposed) return;
          await this.refreshOne(open);
        }
      } while (this.refreshAgain);
    })()
      .catch((e: unknown) => this.deps.log.error(`diagram refresh: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshOne(open: Open): Promise<void> {
    // a page still being prepared checks for itself once it is ready (attach)
    if (!open.page || !open.data) return;
    const kb = this.deps.knowledge();
    const settled = this.deps.whenSettled() === undefined;
    if (open.kb === kb && open.data.settled === settled) return;
    const prepared = await this.pages.get(kb, open.view, vscode.l10n.t);
    if (!prepared || this.open.get(viewKey(open.view)) !== open) return;
    if (kb !== this.deps.knowledge()) {
      this.refreshAgain = true; // changed again while this was prepared
      return;
    }
    const data = this.pageData(open, prepared, kb, open.data.revision + 1);
    let delivered = false;
    if (open.panel.visible) {
      try {
        delivered = await open.panel.webview.postMessage({ type: 'update', data });
      } catch {
        delivered = false; // disposed meanwhile
      }
    }
    // hidden (its page is not running) or not delivered: the HTML carries the new data
    if (!delivered && this.open.get(viewKey(open.view)) === open) this.setHtml(open);
  }

  /** The data of an open page, made from `prepared`; remembered as the page's latest. */
  private pageData(open: Open, prepared: PreparedPage, kb: KnowledgeIndex, revision: number, extra: Partial<DiagramPageData> = {}): DiagramPageData {
    const { layout, cards, flows } = prepared;
    open.page = { ...prepared, drawn: new Set(layout.nodes.map((n) => n.entryId)) };
    open.kb = kb;
    open.data = {
      view: viewKey(open.view),
      token: open.token,
      title: layout.title,
      layout,
      cards,
      flows,
      canReveal: this.deps.commands.has(Commands.revealInAtlas),
      strings: diagramStrings(),
      revision,
      settled: this.deps.whenSettled() === undefined,
      ...extra,
    };
    return open.data;
  }

  /** Sets the panel's HTML to the latest data (a new page in the frame: only for a new page or a hidden panel). */
  private setHtml(open: Open): void {
    const data = open.data!;
    open.htmlRevision = data.revision;
    open.panel.webview.html = page({
      webview: open.panel.webview,
      extensionUri: this.deps.extensionUri,
      title: data.title,
      styles: ['media/diagram.css'],
      scripts: ['dist/webview/diagram.js'],
      body: diagramBody(),
      data,
    });
  }

  /** For the workbench tests: what an open diagram shows (undefined for a view not open or not ready). */
  snapshot(view: unknown): DiagramSnapshot | undefined {
    if (typeof view !== 'string' || view.length > 200) return undefined;
    const open = this.open.get(view);
    if (!open?.data) return undefined;
    const entries = [...new Set(open.data.layout.nodes.map((n) => n.entryId))].sort();
    return { view, revision: open.data.revision, drawnRevision: open.drawnRevision, settled: open.data.settled, entries };
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
    const entry: Open = { panel, view, token, htmlRevision: -1, drawnRevision: -1, ...(select ? { select } : {}), ...(play ? { play } : {}) };
    this.open.set(key, entry);
    let disposed = false;
    panel.webview.options = webviewOptions(this.deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'atlas.svg');
    panel.onDidDispose(() => {
      disposed = true;
      if (this.open.get(key)?.panel === panel) this.open.delete(key);
    });
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(entry, raw));
    // a page redrawn by an update while showing: when hidden, its HTML takes the latest data, so
    // showing it again (the page loads anew) draws that; no frame is swapped while it shows
    panel.onDidChangeViewState(() => {
      if (!panel.visible && entry.data && entry.htmlRevision !== entry.data.revision && this.open.get(key) === entry) this.setHtml(entry);
    });
    let prepared: PreparedPage | undefined;
    try {
      prepared = await this.pages.get(kb, view, vscode.l10n.t);
    } catch (e) {
      this.deps.log.error(`diagram ${key}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    if (disposed || !prepared) return;
    for (const p of prepared.layout.problems) this.deps.log.debug(`diagram ${key}: ${p}`);
    ({ select, play } = entry);
    const drawn = new Set(prepared.layout.nodes.map((n) => n.entryId));
    panel.title = view.kind === 'system' ? prepared.layout.title : vscode.l10n.t('Type 1 and Type 2');
    this.pageData(entry, prepared, kb, 0, {
      ...(select && drawn.has(select) ? { select } : {}),
      ...(play && prepared.flows.some((f) => f.id === play.id) ? { play } : {}),
    });
    this.setHtml(entry);
    // the knowledge base changed, or settled, while this page was prepared
    if (kb !== this.deps.knowledge() || (!entry.data!.settled && this.deps.whenSettled() === undefined)) this.scheduleRefresh();
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
      case 'drawn':
        open.drawnRevision = msg.revision;
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
