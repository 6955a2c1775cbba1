// Runs inside the diagram webview. Draws the layout the extension computed as SVG (every
// label from content goes in as a text node), and handles selection, keyboard navigation,
// zoom and pan. State (selection, zoom, pan) is kept with setState so it survives hiding the
// panel and reloading the window.
import { neighbour, readingOrder, type Direction } from '../core/diagram/navigate';
import { PALETTE_KEYS } from '../core/diagram/svg';
import { DIAGRAM_FONT } from '../core/diagram/text';
import type { LaidEdge, LaidNode, TextItem } from '../core/diagram/types';
import type { DiagramPageData } from '../features/diagram/data';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

type PageData = DiagramPageData;

interface Zoom {
  k: number;
  x: number;
  y: number;
}

interface SavedState {
  view: string;
  token: string;
  selected?: string;
  focused?: string;
  zoom?: Zoom;
  fitted: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';
const MIN_ZOOM = 0.15;
const MAX_ZOOM = 4;
const PAN_STEP = 80;

const vscode = acquireVsCodeApi();
const data = JSON.parse(document.getElementById('atlas-data')?.textContent ?? '{}') as PageData;
const layout = data.layout;
const nodesById = new Map(layout.nodes.map((n) => [n.id, n]));
const nodeEls = new Map<string, SVGGElement>();
const edgeEls = new Map<string, SVGPathElement>();

const stage = document.getElementById('stage')!;
const cardEl = document.getElementById('card')!;
const zoomLevel = document.getElementById('zoom-level');
document.getElementById('diagram-title')!.textContent = data.title;

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

function readSaved(): SavedState | undefined {
  const s = vscode.getState() as Partial<SavedState> | undefined;
  if (!s || typeof s !== 'object' || s.view !== data.view || s.token !== data.token) return undefined;
  const z = s.zoom;
  const zoom = z && [z.k, z.x, z.y].every((v) => typeof v === 'number' && Number.isFinite(v)) && z.k >= MIN_ZOOM && z.k <= MAX_ZOOM ? { k: z.k, x: z.x, y: z.y } : undefined;
  return {
    view: data.view,
    token: data.token,
    ...(typeof s.selected === 'string' && nodesById.has(s.selected) ? { selected: s.selected } : {}),
    ...(typeof s.focused === 'string' && nodesById.has(s.focused) ? { focused: s.focused } : {}),
    ...(zoom ? { zoom } : {}),
    fitted: s.fitted !== false || !zoom,
  };
}

const firstNodeOf = (entryId: string, near?: LaidNode) => {
  const all = layout.nodes.filter((n) => n.entryId === entryId);
  if (near?.layerKey) return all.find((n) => n.layerKey === near.layerKey) ?? all[0];
  return all.find((n) => n.kind === 'component') ?? all[0];
};

const state: SavedState = readSaved() ?? {
  view: data.view,
  token: data.token,
  fitted: true,
  ...(data.select && firstNodeOf(data.select) ? { selected: firstNodeOf(data.select)!.id } : {}),
};
let zoom: Zoom = state.zoom ?? { k: 1, x: 0, y: 0 };

function save(): void {
  vscode.setState({ ...state, zoom });
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
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

const svg = el('svg', { class: 'diagram', role: 'group', 'aria-roledescription': 'architecture diagram', 'aria-label': `${data.title}. ${layout.nodes.length} boxes.`, 'font-family': DIAGRAM_FONT, focusable: 'false' });
stage.appendChild(svg);
const defs = el('defs', {}, svg);
for (const [id, cls] of [
  ['arrow', 'arrow'],
  ['arrow-active', 'arrow active'],
]) {
  const m = el('marker', { id: id!, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  el('path', { d: 'M0,0 L10,5 L0,10 z', class: cls! }, m);
}
const viewport = el('g', { class: 'viewport' }, svg);
const gFrames = el('g', { class: 'frames' }, viewport);
const gTexts = el('g', { class: 'labels' }, viewport);
const gEdges = el('g', { class: 'edges' }, viewport);
const gNodes = el('g', { class: 'nodes' }, viewport);
const gEdgeLabels = el('g', { class: 'edge-labels' }, viewport);

for (const f of layout.frames) {
  if (f.kind === 'side') el('line', { x1: f.x, y1: f.y, x2: f.x, y2: f.y + f.h, class: 'divider' }, gFrames);
  else if (f.kind === 'band') {
    el('rect', { x: f.x, y: f.y, width: f.w, height: f.h, class: `band band-${f.band}` }, gFrames);
    el('line', { x1: f.x, y1: f.y, x2: f.x + f.w, y2: f.y, class: 'band-sep' }, gFrames);
  } else el('rect', { x: f.x, y: f.y, width: f.w, height: f.h, rx: 6, class: `frame frame-${f.kind}` }, gFrames);
}
for (const t of layout.texts) textEl(t, gTexts);

function plainName(n: LaidNode | undefined): string {
  return n ? n.texts.map((t) => t.text).join(' ') : '';
}

for (const e of layout.edges) {
  const d = e.points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' ');
  const p = el('path', { d, class: 'edge', 'data-id': e.id, 'data-from': e.from, 'data-to': e.to, 'marker-end': 'url(#arrow)' }, gEdges);
  el('title', {}, p).textContent = `${plainName(nodesById.get(e.from))} → ${plainName(nodesById.get(e.to))}: ${e.label}`;
  edgeEls.set(e.id, p);
}

for (const n of layout.nodes) {
  const g = el('g', { class: `node node-${n.kind}`, role: 'button', tabindex: -1, 'aria-label': n.name, 'aria-pressed': 'false', 'data-id': n.id, 'data-entry': n.entryId }, gNodes);
  el('rect', { x: n.x, y: n.y, width: n.w, height: n.h, rx: n.kind === 'component' || n.kind === 'outside' ? 4 : 3, class: 'box' }, g);
  for (const t of n.texts) textEl(t, g);
  nodeEls.set(n.id, g);
}

/** Second line of defence for the fixed-width estimate: squeeze any label that still overflows. */
function squeezeOverflowingLabels(): void {
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

// ---------------------------------------------------------------------------------------------
// Zoom and pan
// ---------------------------------------------------------------------------------------------

function applyZoom(): void {
  viewport.setAttribute('transform', `translate(${zoom.x} ${zoom.y}) scale(${zoom.k})`);
  if (zoomLevel) zoomLevel.textContent = `${Math.round(zoom.k * 100)}%`;
}

function fit(): void {
  const w = stage.clientWidth;
  const h = stage.clientHeight;
  if (w < 10 || h < 10) return;
  const k = Math.max(MIN_ZOOM, Math.min(1.25, (w - 16) / layout.width, (h - 16) / layout.height));
  zoom = { k, x: (w - layout.width * k) / 2, y: Math.max(8, (h - layout.height * k) / 2) };
  state.fitted = true;
  applyZoom();
  save();
}

function zoomBy(factor: number, cx = stage.clientWidth / 2, cy = stage.clientHeight / 2): void {
  const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.k * factor));
  const f = k / zoom.k;
  zoom = { k, x: cx - (cx - zoom.x) * f, y: cy - (cy - zoom.y) * f };
  state.fitted = false;
  applyZoom();
  save();
}

function panBy(dx: number, dy: number): void {
  zoom = { ...zoom, x: zoom.x + dx, y: zoom.y + dy };
  state.fitted = false;
  applyZoom();
  save();
}

/** Pans just enough to bring a box into view. */
function reveal(n: LaidNode): void {
  const w = stage.clientWidth;
  const h = stage.clientHeight;
  const x0 = n.x * zoom.k + zoom.x;
  const y0 = n.y * zoom.k + zoom.y;
  const x1 = (n.x + n.w) * zoom.k + zoom.x;
  const y1 = (n.y + n.h) * zoom.k + zoom.y;
  let dx = 0;
  let dy = 0;
  if (x1 > w - 16) dx = w - 16 - x1;
  if (x0 + dx < 16) dx = 16 - x0;
  if (y1 > h - 16) dy = h - 16 - y1;
  if (y0 + dy < 16) dy = 16 - y0;
  if (dx || dy) {
    zoom = { ...zoom, x: zoom.x + dx, y: zoom.y + dy };
    applyZoom();
    save();
  }
}

stage.addEventListener(
  'wheel',
  (ev) => {
    ev.preventDefault();
    const r = stage.getBoundingClientRect();
    zoomBy(Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)), ev.clientX - r.left, ev.clientY - r.top);
  },
  { passive: false },
);

let drag: { x: number; y: number; zx: number; zy: number; moved: boolean; id: number } | undefined;
stage.addEventListener('pointerdown', (ev) => {
  if (ev.button !== 0) return;
  drag = { x: ev.clientX, y: ev.clientY, zx: zoom.x, zy: zoom.y, moved: false, id: ev.pointerId };
});
stage.addEventListener('pointermove', (ev) => {
  if (!drag || drag.id !== ev.pointerId) return;
  const dx = ev.clientX - drag.x;
  const dy = ev.clientY - drag.y;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  if (!drag.moved) {
    drag.moved = true;
    stage.setPointerCapture(ev.pointerId);
    stage.classList.add('panning');
  }
  zoom = { ...zoom, x: drag.zx + dx, y: drag.zy + dy };
  applyZoom();
});
const endDrag = (ev: PointerEvent) => {
  if (!drag || drag.id !== ev.pointerId) return;
  if (drag.moved) {
    state.fitted = false;
    save();
    // the click that follows a drag must not select
    const swallow = (c: Event) => {
      c.stopPropagation();
      c.preventDefault();
    };
    stage.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => stage.removeEventListener('click', swallow, { capture: true }), 0);
  }
  stage.classList.remove('panning');
  drag = undefined;
};
stage.addEventListener('pointerup', endDrag);
stage.addEventListener('pointercancel', endDrag);

new ResizeObserver(() => {
  if (state.fitted) fit();
}).observe(stage);

document.getElementById('zoom-in')!.addEventListener('click', () => zoomBy(1.25));
document.getElementById('zoom-out')!.addEventListener('click', () => zoomBy(0.8));
document.getElementById('fit')!.addEventListener('click', () => fit());

// ---------------------------------------------------------------------------------------------
// Focus (roving tabindex) and selection
// ---------------------------------------------------------------------------------------------

let focused: string = state.focused ?? state.selected ?? readingOrder(layout.nodes.filter((n) => n.kind === 'component'))[0]?.id ?? layout.nodes[0]?.id ?? '';

function setRoving(id: string): void {
  for (const [nid, g] of nodeEls) g.setAttribute('tabindex', nid === id ? '0' : '-1');
  focused = id;
  state.focused = id;
}

function focusNode(id: string): void {
  const g = nodeEls.get(id);
  const n = nodesById.get(id);
  if (!g || !n) return;
  setRoving(id);
  g.focus({ preventScroll: true });
  reveal(n);
  save();
}

function highlight(id: string | undefined): void {
  svg.classList.toggle('has-selection', !!id);
  for (const g of nodeEls.values()) {
    g.classList.remove('selected', 'linked', 'same-entry');
    g.setAttribute('aria-pressed', 'false');
  }
  for (const p of edgeEls.values()) {
    p.classList.remove('active');
    p.setAttribute('marker-end', 'url(#arrow)');
  }
  gEdgeLabels.replaceChildren();
  if (!id) return;
  const n = nodesById.get(id)!;
  const g = nodeEls.get(id)!;
  g.classList.add('selected');
  g.setAttribute('aria-pressed', 'true');
  for (const other of layout.nodes) if (other.entryId === n.entryId && other.id !== id) nodeEls.get(other.id)!.classList.add('same-entry');
  const active: LaidEdge[] = layout.edges.filter((e) => e.from === id || e.to === id);
  for (const e of active) {
    const p = edgeEls.get(e.id)!;
    p.classList.add('active');
    p.setAttribute('marker-end', 'url(#arrow-active)');
    gEdges.appendChild(p); // on top of the others
    nodeEls.get(e.from === id ? e.to : e.from)?.classList.add('linked');
  }
  // labels of the highlighted edges, each on a plate so it reads over lines
  const placed: DOMRect[] = [];
  for (const e of active) {
    const lg = el('g', { class: 'edge-label' }, gEdgeLabels);
    const plate = el('rect', { rx: 3 }, lg);
    const t = el('text', { x: e.labelAt[0], y: e.labelAt[1] + 4, 'text-anchor': 'middle', 'font-size': 11 }, lg);
    t.textContent = e.label;
    try {
      let b = t.getBBox();
      // nudge down while it sits on another label
      for (let tries = 0; tries < 6 && placed.some((p) => p.x < b.x + b.width && b.x < p.x + p.width && p.y < b.y + b.height && b.y < p.y + p.height); tries++) {
        t.setAttribute('y', String(Number(t.getAttribute('y')) + 16));
        b = t.getBBox();
      }
      placed.push(b);
      plate.setAttribute('x', String(b.x - 4));
      plate.setAttribute('y', String(b.y - 2));
      plate.setAttribute('width', String(b.width + 8));
      plate.setAttribute('height', String(b.height + 4));
    } catch {
      /* hidden: no boxes to measure */
    }
  }
}

function showCard(n: LaidNode | undefined): void {
  cardEl.replaceChildren();
  if (!n) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = 'Select a box to read its entry: click it, or move with the arrow keys and press Enter.';
    cardEl.appendChild(p);
    return;
  }
  const where = document.createElement('p');
  where.className = 'where';
  where.textContent = n.name;
  const html = data.cards[n.entryId];
  const body = document.createElement('div');
  body.className = 'entry';
  // a fragment rendered in the extension by the card renderer: fields escaped, markdown-it
  // with HTML disabled; never text straight from the page
  if (html) body.innerHTML = html;
  else body.textContent = n.name;
  cardEl.append(where, body);
  if (data.canReveal) {
    const nav = document.createElement('nav');
    nav.className = 'actions';
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.reveal = n.entryId;
    b.textContent = 'Reveal in Atlas';
    nav.appendChild(b);
    cardEl.appendChild(nav);
  }
  cardEl.scrollTop = 0;
}

function select(id: string | undefined, focus = true): void {
  const n = id ? nodesById.get(id) : undefined;
  if (n) state.selected = n.id;
  else delete state.selected;
  highlight(n?.id);
  showCard(n);
  if (n && focus) focusNode(n.id);
  save();
}

gNodes.addEventListener('click', (ev) => {
  const g = (ev.target as Element).closest('.node') as SVGGElement | null;
  if (!g?.dataset.id) return;
  select(g.dataset.id);
});

// Clicks in the card: entries drawn here get selected, others open in the card view.
cardEl.addEventListener('click', (ev) => {
  const a = (ev.target as Element).closest('[data-entry],[data-external],[data-reveal]') as HTMLElement | null;
  if (!a) return;
  ev.preventDefault();
  if (a.dataset.entry) {
    const current = state.selected ? nodesById.get(state.selected) : undefined;
    const target = firstNodeOf(a.dataset.entry, current);
    if (target) select(target.id, false);
    else vscode.postMessage({ type: 'open', id: a.dataset.entry });
  } else if (a.dataset.external) vscode.postMessage({ type: 'external', url: a.dataset.external });
  else if (a.dataset.reveal) vscode.postMessage({ type: 'reveal', id: a.dataset.reveal });
});

// ---------------------------------------------------------------------------------------------
// Keyboard: only keys the diagram needs, never with Ctrl, Alt or Cmd (those stay VS Code's)
// ---------------------------------------------------------------------------------------------

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

stage.addEventListener('keydown', (ev) => {
  if (ev.ctrlKey || ev.altKey || ev.metaKey) return;
  const dir = ARROWS[ev.key];
  let handled = true;
  if (dir && ev.shiftKey) {
    const d = { up: [0, PAN_STEP], down: [0, -PAN_STEP], left: [PAN_STEP, 0], right: [-PAN_STEP, 0] }[dir];
    panBy(d[0]!, d[1]!);
  } else if (dir) {
    const next = neighbour(layout.nodes, focused, dir);
    if (next) focusNode(next);
  } else if (ev.shiftKey && ev.key !== '+') {
    handled = false;
  } else if (ev.key === 'Enter' || ev.key === ' ') {
    if (focused) select(focused);
  } else if (ev.key === '+' || ev.key === '=') zoomBy(1.25);
  else if (ev.key === '-') zoomBy(0.8);
  else if (ev.key === '0') fit();
  else if (ev.key === 'Escape' && state.selected) select(undefined, false);
  else if (ev.key === 'Home' || ev.key === 'End') {
    const order = readingOrder(layout.nodes);
    const target = ev.key === 'Home' ? order[0] : order[order.length - 1];
    if (target) focusNode(target.id);
  } else handled = false;
  if (handled) {
    ev.preventDefault();
    ev.stopPropagation();
  }
});

// ---------------------------------------------------------------------------------------------
// Messages from the extension, checked like ours are on the other side
// ---------------------------------------------------------------------------------------------

window.addEventListener('message', (ev: MessageEvent) => {
  const m = ev.data as { type?: unknown; id?: unknown } | null;
  if (!m || typeof m !== 'object' || m.type !== 'select' || typeof m.id !== 'string') return;
  const n = firstNodeOf(m.id);
  if (n) select(n.id);
});

// ---------------------------------------------------------------------------------------------
// Export SVG: resolve the theme's colours to concrete values for a standalone file
// ---------------------------------------------------------------------------------------------

function resolvedPalette(): Record<string, string> {
  const probe = document.createElement('span');
  probe.className = 'palette-probe';
  document.body.appendChild(probe);
  const out: Record<string, string> = {};
  for (const k of PALETTE_KEYS) {
    probe.className = `palette-probe probe-${k}`;
    out[k] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

document.getElementById('export')!.addEventListener('click', () => {
  vscode.postMessage({ type: 'export', palette: resolvedPalette() });
});

/** `hc-light`, `hc-dark`, `light` or `dark`: checks high-contrast light before treating high contrast as dark. */
function themeKind(): string {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'hc-light';
  if (c.contains('vscode-high-contrast')) return 'hc-dark';
  return c.contains('vscode-light') ? 'light' : 'dark';
}
const markTheme = () => {
  document.body.dataset.theme = themeKind();
};
markTheme();
new MutationObserver(markTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// ---------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------

setRoving(focused);
if (state.zoom && !state.fitted) applyZoom();
else requestAnimationFrame(() => fit());
if (state.selected) select(state.selected, false);
requestAnimationFrame(() => {
  squeezeOverflowingLabels();
  if (state.selected) highlight(state.selected);
});
save();
document.body.dataset.ready = 'true';
