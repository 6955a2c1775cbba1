// Draws the layout the extension computed as SVG. Every label from content goes in as a text
// node.
import { DIAGRAM_FONT } from '../../core/diagram/text';
import type { LaidNode, TextItem } from '../../core/diagram/types';
import { data, layout, nodesById, say, stage, strings } from './page';

const SVG = 'http://www.w3.org/2000/svg';

export const nodeEls = new Map<string, SVGGElement>();
export const edgeEls = new Map<string, SVGPathElement>();

export function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

function textEl(t: TextItem, parent: Element): SVGTextElement {
  const e = el('text', { x: t.x, y: t.y, 'font-size': t.size, class: `t-${t.role}` }, parent);
  if (t.bold) e.setAttribute('font-weight', '600');
  if (t.italic) e.setAttribute('font-style', 'italic');
  if (t.anchor === 'middle') e.setAttribute('text-anchor', 'middle');
  e.textContent = t.text;
  return e;
}

export const svg = el('svg', { class: 'diagram', role: 'group', 'aria-roledescription': strings.diagramRole, 'font-family': DIAGRAM_FONT, focusable: 'false' });
stage.appendChild(svg);
const defs = el('defs', {}, svg);
for (const [id, cls] of [
  ['arrow', 'arrow'],
  ['arrow-active', 'arrow active'],
]) {
  const m = el('marker', { id: id!, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  el('path', { d: 'M0,0 L10,5 L0,10 z', class: cls! }, m);
}
export const viewport = el('g', { class: 'viewport' }, svg);
const gFrames = el('g', { class: 'frames' }, viewport);
const gTexts = el('g', { class: 'labels' }, viewport);
export const gEdges = el('g', { class: 'edges' }, viewport);
export const gNodes = el('g', { class: 'nodes' }, viewport);
export const gEdgeLabels = el('g', { class: 'edge-labels' }, viewport);

function plainName(n: LaidNode | undefined): string {
  return n ? n.texts.map((t) => t.text).join(' ') : '';
}

/** The content marks the few edges that carry the story; the others show only on demand. */
export let hasStory = false;

/** Draws the layout; again after an update, in place of the previous drawing (the same svg and viewport). */
export function drawLayout(): void {
  for (const g of [gFrames, gTexts, gEdges, gNodes, gEdgeLabels]) g.replaceChildren();
  nodeEls.clear();
  edgeEls.clear();
  svg.setAttribute('aria-label', say(strings.diagramName, data.title, layout.nodes.length));
  for (const f of layout.frames) {
    if (f.kind === 'side') el('line', { x1: f.x, y1: f.y, x2: f.x, y2: f.y + f.h, class: 'divider' }, gFrames);
    else if (f.kind === 'band') {
      el('rect', { x: f.x, y: f.y, width: f.w, height: f.h, class: `band band-${f.band}` }, gFrames);
      el('line', { x1: f.x, y1: f.y, x2: f.x + f.w, y2: f.y, class: 'band-sep' }, gFrames);
    } else el('rect', { x: f.x, y: f.y, width: f.w, height: f.h, rx: 6, class: `frame frame-${f.kind}` }, gFrames);
  }
  for (const t of layout.texts) textEl(t, gTexts);

  hasStory = layout.edges.some((e) => e.story);

  for (const e of layout.edges) {
    const d = e.points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' ');
    const p = el('path', { d, class: hasStory && !e.story ? 'edge extra' : 'edge', 'data-id': e.id, 'data-from': e.from, 'data-to': e.to, 'marker-end': 'url(#arrow)' }, gEdges);
    el('title', {}, p).textContent = `${plainName(nodesById.get(e.from))} → ${plainName(nodesById.get(e.to))}: ${e.label}`;
    edgeEls.set(e.id, p);
  }

  for (const n of layout.nodes) {
    const role: Record<string, string> = n.kind === 'link' ? { role: 'link' } : { role: 'button', 'aria-pressed': 'false' };
    const g = el('g', { class: `node node-${n.kind}`, ...role, tabindex: -1, 'aria-label': n.description ? `${n.name}. ${n.description}` : n.name, 'data-id': n.id, 'data-entry': n.entryId }, gNodes);
    el('rect', { x: n.x, y: n.y, width: n.w, height: n.h, rx: n.kind === 'component' || n.kind === 'outside' ? 4 : 3, class: 'box' }, g);
    for (const t of n.texts) textEl(t, g);
    nodeEls.set(n.id, g);
  }
}
drawLayout();

/** Second line of defence for the fixed-width estimate: squeeze any label that still overflows. */
export function squeezeOverflowingLabels(): void {
  for (const n of layout.nodes) {
    const g = nodeEls.get(n.id)!;
    const room = n.w - (n.kind === 'component' || n.kind === 'outside' ? 12 : 6);
    for (const t of Array.from(g.querySelectorAll('text'))) {
      try {
        if (t.getComputedTextLength() > room) {
          t.setAttribute('textLength', String(room));
          t.setAttribute('lengthAdjust', 'spacingAndGlyphs');
        }
      } catch {
        /* not rendered yet */
      }
    }
  }
}
