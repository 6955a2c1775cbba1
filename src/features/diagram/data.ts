/**
 * What the diagram page receives: the layout and, for every entry it can show, the card as
 * HTML. Pure (no `vscode` import). Cards are rendered here, in the extension, by the house
 * card renderer: entry fields escaped, bodies through markdown-it with HTML disabled. The
 * webview inserts only these fragments; every label from content goes into the SVG as text.
 */
import { drain, type Steps } from '../../core/diagram/steps';
import type { DiagramLayout } from '../../core/diagram/types';
import type { KnowledgeIndex } from '../../core/knowledge/index';
import type { Entry } from '../../core/knowledge/types';
import { english, fill, messages, type Translate } from '../../core/l10n';
import { cardHtml } from '../../core/render/card';
import { escapeHtml, markdown } from '../../core/render/markdown';
import type { FlowStart, PageFlow } from './flows';
import type { DiagramStrings } from './strings';

export interface DiagramPageData {
  /** view key, `system:hyperv` or `compare:hyperv:virtualbox` */
  view: string;
  /** changes on every explicit open; the page restores its saved state only for the same token */
  token: string;
  title: string;
  layout: DiagramLayout;
  /** entry id → card HTML */
  cards: Record<string, string>;
  /** entry to select when the page opens with a new token */
  select?: string;
  /** whether "Reveal in Atlas" is available (the tree's command is registered) */
  canReveal: boolean;
  /** the guided flows of this view, resolved onto its boxes and edges */
  flows: PageFlow[];
  /** a flow to start when the page opens with a new token */
  play?: FlowStart;
  /** the words the page script writes, translated */
  strings: DiagramStrings;
  /** 0 for the first page of a panel, then one more for every redraw the extension sends (`update`) */
  revision: number;
  /** the page shows the knowledge base as it is once the workspace glossaries' first load is over */
  settled: boolean;
}

function link(kb: KnowledgeIndex, id: string): string {
  const e = kb.get(id);
  if (!e) return `<code>${escapeHtml(id)}</code>`;
  const name = e.short && e.short !== e.title && e.short.length <= 16 ? `${e.title} (${e.short})` : e.title;
  return `<a href="#" data-entry="${escapeHtml(e.id)}">${escapeHtml(name)}</a>`;
}

const connectionWords = messages({
  connections: 'Connections',
  talksTo: 'Talks to',
  calledBy: 'Called by',
  to: 'to',
  from: 'from',
  /** {0}: the mechanism a connection goes through */
  via: '(via {0})',
});

/** "Talks to" and "Called by" for an entry, from its connections and the drawing's edges. */
export function connectionsHtml(kb: KnowledgeIndex, entry: Entry, layout: DiagramLayout, t: Translate = english): string {
  const w = connectionWords(t);
  const via = (id: string) => ` <span class="via">${fill(escapeHtml(w.via), link(kb, id))}</span>`;
  const out: string[] = [];
  const seenOut = new Set<string>();
  for (const c of entry.connections) {
    const key = `${c.to}|${c.label}`;
    if (seenOut.has(key)) continue;
    seenOut.add(key);
    out.push(`<li><span class="dir" aria-label="${escapeHtml(w.to)}">→</span> ${link(kb, c.to)}: ${escapeHtml(c.label)}${c.via ? via(c.via) : ''}</li>`);
  }
  const inc: string[] = [];
  const seenIn = new Set<string>();
  for (const e of layout.edges) {
    if (e.toEntry !== entry.id) continue;
    const key = `${e.fromEntry}|${e.label}`;
    if (seenIn.has(key)) continue;
    seenIn.add(key);
    inc.push(`<li><span class="dir" aria-label="${escapeHtml(w.from)}">←</span> ${link(kb, e.fromEntry)}: ${escapeHtml(e.label)}${e.via ? via(e.via) : ''}</li>`);
  }
  if (!out.length && !inc.length) return '';
  return [
    '<section class="connections">',
    `<h2>${escapeHtml(w.connections)}</h2>`,
    out.length ? `<h3>${escapeHtml(w.talksTo)}</h3><ul>${out.join('')}</ul>` : '',
    inc.length ? `<h3>${escapeHtml(w.calledBy)}</h3><ul>${inc.join('')}</ul>` : '',
    '</section>',
  ].join('');
}

/** The cards of every entry the page can show: the boxes, the layers, the system, the mechanisms. */
export function diagramCards(kb: KnowledgeIndex, layout: DiagramLayout, t: Translate = english): Record<string, string> {
  return drain(diagramCardsSteps(kb, layout, t));
}

/** `diagramCards` as steps, one card each (see core/diagram/steps.ts). */
export function* diagramCardsSteps(kb: KnowledgeIndex, layout: DiagramLayout, t: Translate = english): Steps<Record<string, string>> {
  const ids = new Set<string>();
  for (const n of layout.nodes) ids.add(n.entryId);
  for (const e of layout.edges) if (e.via) ids.add(e.via);
  const cards: Record<string, string> = {};
  markdown(); // loaded on first use: a step of its own
  yield;
  for (const id of ids) {
    const entry = kb.get(id);
    if (!entry) continue;
    cards[id] = cardHtml(kb, entry, t) + connectionsHtml(kb, entry, layout, t);
    yield;
  }
  return cards;
}

/** Every source URL of the cards on a page: the only external links the page may open. */
export function sourceUrls(kb: KnowledgeIndex, cards: Record<string, string>): Set<string> {
  const urls = new Set<string>();
  for (const id of Object.keys(cards)) for (const s of kb.get(id)?.sources ?? []) urls.add(s.url);
  return urls;
}

/** A file name for Export SVG: "hyperv-architecture.svg", "type-1-vs-type-2-hyperv-virtualbox.svg". */
export function exportFileName(view: string): string {
  const parts = view.split(':');
  const name = parts[0] === 'compare' ? `type-1-vs-type-2-${parts[1]}-${parts[2]}` : `${parts[1]}-architecture`;
  return `${name.replace(/[^a-z0-9.-]+/g, '-')}.svg`;
}
