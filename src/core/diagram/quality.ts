/**
 * Layout quality, measured the same way on every diagram: edge crossings, segments two edges
 * share, edge labels that would cover a box, and the smallest label in the initial view. The
 * initial scale is the one the diagram page starts at (see `initialScale`).
 */
import { plateCrosses } from './route';
import { textWidth } from './text';
import type { DiagramLayout, Rect } from './types';

export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 4;
/** Labels of the initial view render at least this many CSS px; Fit to window may go smaller. */
export const READABLE_PX = 11;

/** The smallest font size in a layout, in drawing units. */
export function smallestFont(layout: DiagramLayout): number {
  return Math.min(...layout.nodes.flatMap((n) => n.texts.map((t) => t.size)), ...layout.texts.map((t) => t.size));
}

/**
 * The scale the page opens a drawing at in a `w` × `h` panel: fitted to the panel, but never so
 * small that the smallest label falls below READABLE_PX (then the drawing is panned instead).
 * `all` is Fit to Window, which ignores that floor.
 */
export function initialScale(layout: DiagramLayout, w: number, h: number, all = false): number {
  let k = Math.max(MIN_ZOOM, Math.min(1.25, (w - 16) / layout.width, (h - 16) / layout.height));
  const small = smallestFont(layout);
  if (!all && Number.isFinite(small) && k * small < READABLE_PX) k = Math.min(MAX_ZOOM, READABLE_PX / small);
  return k;
}

/** Where the page opens a drawing: scale, and the drawing's point at the panel's top-left corner. */
export interface InitialView {
  k: number;
  /** drawing coordinates shown at the panel's top-left (before the 8 px inset) */
  ox: number;
  oy: number;
}

/**
 * The initial view of a `w` × `h` panel. A drawing that fits at `initialScale` is centred (ox,
 * oy = 0). One that does not opens at its top-left corner, unless that corner shows no story edge
 * whole (in a short panel, a corner that shows a part of the story keeps the title and the top
 * layer in view): then on the window that holds the most story edges whole
 * (both boxes in view), then the most story boxes and their layers' titles, then the one nearest
 * the top-left. So KVM
 * opens on its QEMU process and kvm.ko, not on the management plane drawn first in its top row.
 */
export function initialView(layout: DiagramLayout, w: number, h: number, all = false): InitialView {
  const k = initialScale(layout, w, h, all);
  const vw = (w - 16) / k;
  const vh = (h - 16) / k;
  const story = layout.edges.filter((e) => e.story);
  if (all || story.length === 0 || (layout.width <= vw && layout.height <= vh)) return { k, ox: 0, oy: 0 };
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const boxes = [...new Set(story.flatMap((e) => [e.from, e.to]))].map((id) => byId.get(id)).filter((n): n is NonNullable<typeof n> => !!n);
  // the titles of their layers count too: a box is read with the layer it sits in
  const keys = new Set(boxes.map((n) => n.layerKey));
  const ends = [...boxes, ...layout.nodes.filter((n) => n.kind === 'layer' && keys.has(n.layerKey))];
  const M = 8;
  const clamp = (v: number, size: number, view: number) => Math.max(0, Math.min(Math.max(0, size - view), v));
  const xs = new Set([0, ...ends.flatMap((n) => [n.x - M, n.x + n.w + M - vw])].map((v) => clamp(v, layout.width, vw)));
  const ys = new Set([0, ...ends.flatMap((n) => [n.y - M, n.y + n.h + M - vh])].map((v) => clamp(v, layout.height, vh)));
  // a layer's title sits at its top left corner: a window that cuts it leaves its boxes unnamed
  const titles = layout.nodes.filter((n) => n.kind === 'layer' && keys.has(n.layerKey)).map((n) => ({ x: n.x, y: n.y, w: Math.min(n.w, 240), h: 30 }));
  const count = (ox: number, oy: number) => {
    const seen = (r: Rect) => r.x >= ox && r.y >= oy && r.x + r.w <= ox + vw && r.y + r.h <= oy + vh;
    return { boxes: ends.filter(seen).length, edges: story.filter((e) => seen(byId.get(e.from)!) && seen(byId.get(e.to)!)).length, titles: titles.filter(seen).length };
  };
  // a top-left corner that already shows a part of the story is kept: the title and the top layer in view
  if (count(0, 0).edges > 0) return { k, ox: 0, oy: 0 };
  let best: { ox: number; oy: number; edges: number; titles: number; boxes: number } | undefined;
  const better = (a: NonNullable<typeof best>, b: NonNullable<typeof best>) => a.edges - b.edges || a.titles - b.titles || a.boxes - b.boxes;
  for (const oy of [...ys].sort((a, b) => a - b)) {
    for (const ox of [...xs].sort((a, b) => a - b)) {
      const c = { ox, oy, ...count(ox, oy) };
      if (!best || better(c, best) > 0) best = c;
    }
  }
  return { k, ox: best!.ox, oy: best!.oy };
}

/** The ids of the boxes wholly inside the initial view of a `w` × `h` panel. */
export function inInitialView(layout: DiagramLayout, w = 683, h = 772): Set<string> {
  const { k, ox, oy } = initialView(layout, w, h);
  const vw = (w - 16) / k;
  const vh = (h - 16) / k;
  const fitsX = layout.width <= vw;
  const fitsY = layout.height <= vh;
  // a drawing that fits is centred: everything is in view along that axis
  const seen = (r: Rect) => (fitsX || (r.x >= ox && r.x + r.w <= ox + vw)) && (fitsY || (r.y >= oy && r.y + r.h <= oy + vh));
  return new Set(layout.nodes.filter(seen).map((n) => n.id));
}

export interface LayoutQuality {
  /** pairs of edges whose segments cross at a point inside both */
  crossings: number;
  /** pairs of edges that run along the same stretch of line */
  sharedSegments: number;
  /** edge labels (drawn on a plate at `labelAt` when the edge is highlighted) that cover a box or a title */
  labelOverlaps: number;
  /** edge labels whose plate lies over another edge's line */
  labelsOverLines: number;
  /** the smallest label, in CSS px, at the initial scale of a `w` × `h` panel */
  smallestLabelPx: number;
}

type Seg = { x0: number; y0: number; x1: number; y1: number; h: boolean };

function segments(points: [number, number][]): Seg[] {
  const out: Seg[] = [];
  for (let k = 1; k < points.length; k++) {
    const [ax, ay] = points[k - 1]!;
    const [bx, by] = points[k]!;
    if (ax === bx && ay === by) continue;
    out.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by), h: ay === by });
  }
  return out;
}

const crosses = (a: Seg, b: Seg) => {
  if (a.h === b.h) return false;
  const [hz, vt] = a.h ? [a, b] : [b, a];
  return vt.x0 > hz.x0 && vt.x0 < hz.x1 && hz.y0 > vt.y0 && hz.y0 < vt.y1;
};
const shares = (a: Seg, b: Seg) =>
  a.h === b.h && (a.h ? a.y0 === b.y0 && Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0 : a.x0 === b.x0 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0);
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Pairs of routes (orthogonal polylines) that cross at a point inside both. */
export function measureCrossings(routes: readonly [number, number][][]): number {
  const segs = routes.map(segments);
  let n = 0;
  for (let i = 0; i < segs.length; i++) for (let j = i + 1; j < segs.length; j++) if (segs[i]!.some((a) => segs[j]!.some((b) => crosses(a, b)))) n++;
  return n;
}

/**
 * The drawing as the page opens it: only the story edges when the diagram has any (content
 * marks them `story`), else every edge (a comparison, a system with none marked).
 */
export function storyView(layout: DiagramLayout): DiagramLayout {
  return layout.edges.some((e) => e.story) ? { ...layout, edges: layout.edges.filter((e) => e.story) } : layout;
}

/** The figures for one drawing, in a `w` × `h` panel (default: the drawing's stage in a 1400×900 window with the side bar and the outline open). */
export function measureLayout(layout: DiagramLayout, w = 683, h = 772): LayoutQuality {
  const segs = layout.edges.map((e) => segments(e.points));
  const crossings = measureCrossings(layout.edges.map((e) => e.points));
  let sharedSegments = 0;
  for (let i = 0; i < segs.length; i++) for (let j = i + 1; j < segs.length; j++) if (segs[i]!.some((a) => segs[j]!.some((b) => shares(a, b)))) sharedSegments++;
  const boxes = layout.nodes;
  let labelOverlaps = 0;
  let labelsOverLines = 0;
  for (const e of layout.edges) {
    const lw = textWidth(e.label, 11) + 8;
    const plate: Rect = { x: e.labelAt[0] - lw / 2, y: e.labelAt[1] - 9, w: lw, h: 17 };
    if (boxes.some((b) => overlaps(plate, b))) labelOverlaps++;
    if (layout.edges.some((o) => o !== e && plateCrosses(o.points, plate))) labelsOverLines++;
  }
  return { crossings, sharedSegments, labelOverlaps, labelsOverLines, smallestLabelPx: Math.round(initialScale(layout, w, h) * smallestFont(layout) * 100) / 100 };
}
