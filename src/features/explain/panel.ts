import * as vscode from 'vscode';
import type { KnowledgeIndex } from '../../core/knowledge/index';
import type { Entry } from '../../core/knowledge/types';
import { cardHtml, diagramSystems } from '../../core/render/card';
import { escapeHtml } from '../../core/render/markdown';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';
import { page, webviewOptions } from '../webview-html';
import { parseEntryMessage } from './messages';
import { flowsWithEntry } from '../../core/diagram/flows';

export { parseEntryMessage, type EntryMessage } from './messages';

export const ENTRY_VIEW_TYPE = 'hypervisorAtlas.entry';
/** The read-only card view beside the editor: one panel, reused for every entry. */
export class EntryPanel {
  private panel: vscode.WebviewPanel | undefined;
  private current: Entry | undefined;

  constructor(private readonly deps: FeatureDeps) {}

  show(id: string, preserveFocus = false): boolean {
    const entry = this.deps.knowledge().get(id);
    if (!entry) return false;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(ENTRY_VIEW_TYPE, entry.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, webviewOptions(this.deps.extensionUri));
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, preserveFocus);
    }
    this.render(entry);
    return true;
  }

  /** Takes over a panel restored after a reload. */
  attach(panel: vscode.WebviewPanel, id?: string): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.webview.options = webviewOptions(this.deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'atlas.svg');
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw));
    const entry = id ? this.deps.knowledge().get(id) : undefined;
    if (entry) this.render(entry);
  }

  private render(entry: Entry): void {
    const panel = this.panel!;
    this.current = entry;
    panel.title = entry.title;
    const kb = this.deps.knowledge();
    panel.webview.html = page({
      webview: panel.webview,
      extensionUri: this.deps.extensionUri,
      title: entry.title,
      styles: ['media/entry.css'],
      scripts: ['dist/webview/entry.js'],
      body: `<main class="card" data-id="${escapeHtml(entry.id)}">${cardHtml(kb, entry, vscode.l10n.t)}${this.actions(kb, entry)}</main>`,
      data: { id: entry.id },
    });
  }

  private actions(kb: KnowledgeIndex, entry: Entry): string {
    const buttons: string[] = [];
    if (this.deps.commands.has(Commands.showDiagram)) {
      for (const s of diagramSystems(kb, entry)) {
        buttons.push(`<button data-command="diagram" data-system="${escapeHtml(s.id)}" data-id="${escapeHtml(entry.id)}">${escapeHtml(vscode.l10n.t('Show in {0} diagram', s.title))}</button>`);
      }
    }
    const flow = this.deps.commands.has(Commands.showFlow) ? flowsWithEntry(kb.flows, entry.id)[0] : undefined;
    if (flow) buttons.push(`<button data-command="flow" data-flow="${escapeHtml(flow.id)}" data-id="${escapeHtml(entry.id)}" title="${escapeHtml(flow.title)}">${escapeHtml(vscode.l10n.t('Show how it works'))}</button>`);
    if (this.deps.commands.has(Commands.revealInAtlas)) buttons.push(`<button data-command="reveal" data-id="${escapeHtml(entry.id)}">${escapeHtml(vscode.l10n.t('Reveal in Atlas'))}</button>`);
    return buttons.length ? `<nav class="actions">${buttons.join('')}</nav>` : '';
  }

  private onMessage(raw: unknown): void {
    const msg = parseEntryMessage(raw);
    if (!msg) {
      this.deps.log.warn('entry view: ignored an unexpected message');
      return;
    }
    const kb = this.deps.knowledge();
    switch (msg.type) {
      case 'open':
        if (kb.get(msg.id)) this.show(msg.id);
        break;
      case 'external':
        // only the sources of the entry on show
        if (this.current?.sources.some((s) => s.url === msg.url)) void vscode.env.openExternal(vscode.Uri.parse(msg.url, true));
        break;
      case 'command':
        if (!kb.get(msg.id)) return;
        if (msg.command === 'diagram' && this.deps.commands.has(Commands.showDiagram) && msg.system && kb.get(msg.system)?.kind === 'system') {
          void vscode.commands.executeCommand(Commands.showDiagram, msg.system, msg.id);
        } else if (msg.command === 'flow' && this.deps.commands.has(Commands.showFlow)) {
          void vscode.commands.executeCommand(Commands.showFlow, msg.flow, msg.id);
        } else if (msg.command === 'reveal' && this.deps.commands.has(Commands.revealInAtlas)) {
          void vscode.commands.executeCommand(Commands.revealInAtlas, msg.id);
        }
        break;
    }
  }
}
