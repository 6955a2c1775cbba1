// Focus (roving tabindex over the boxes) and selection: highlighting a box, its edges and the
// boxes they link, with the edges' labels.
import { readingOrder } from '../../core/diagram/navigate';
import type { LaidEdge } from '../../core/diagram/types';
import { showCard } from './card';
import { layout, nodesById, save, state, vscode } from './page';
import { edgeEls, el, gEdgeLabels, gEdges, gNodes, nodeEls, svg } from './render';
import { reveal } from './zoom';

/** The box that gets the roving tabindex when the state names none: the first component in reading order. */
export function firstFocus(): string {
  return state.focused ?? state.selected ?? readingOrder(layout.nodes.filter((n) => n.kind === 'component'))[0]?.id ?? layout.nodes[0]?.id ?? '';
}

let focused: string = firstFocus();

/** The box that holds the roving tabindex. */
export function focusedId(): string {
  return focused;
}

export function setRoving(id: string): void {
  for (const [nid, g] of nodeEls) g.setAttribute('tabindex', nid === id ? '0' : '-1');
  focused = id;
  state.focused = id;
}

export function focusNode(id: string): void {
  const g = nodeEls.get(id);
  const n = nodesById.get(id);
  if (!g || !n) return;
  setRoving(id);
  g.focus({ preventScroll: true });
  reveal(n);
  save();
}

export function highlight(id: string | undefined): void {
  svg.classList.toggle('has-selection', !!id);
  for (const g of nodeEls.values()) {
    g.classList.remove('selected', 'linked', 'same-entry');
    if (g.hasAttribute('aria-pressed')) g.setAttribute('aria-pressed', 'false');
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

const listeners: ((id: string | undefined) => void)[] = [];

/** Calls `f` after every selection change, with the selected box (undefined: none). */
export function onSelect(f: (id: string | undefined) => void): void {
  listeners.push(f);
}

/** Selects a box (undefined clears); a link box instead opens the diagram it names. */
export function select(id: string | undefined, focus = true): void {
  const n = id ? nodesById.get(id) : undefined;
  if (n?.kind === 'link') {
    if (n.opens) vscode.postMessage({ type: 'diagram', system: n.opens });
    return;
  }
  if (n) state.selected = n.id;
  else delete state.selected;
  highlight(n?.id);
  showCard(n);
  if (n && focus) focusNode(n.id);
  save();
  for (const f of listeners) f(n?.id);
}

export function installSelection(): void {
  gNodes.addEventListener('click', (ev) => {
    const g = (ev.target as Element).closest('.node') as SVGGElement | null;
    if (!g?.dataset.id) return;
    select(g.dataset.id);
  });
}
