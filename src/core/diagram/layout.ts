/**
 * The layered layout, written by hand.
 *
 * Why not a layout library: the general engines (ELK's elkjs is ~1.5 MB minified, dagre with
 * graphlib and lodash ~0.3 MB) would take most of the 1 MB budget of the whole .vsix, and
 * none of them knows what this drawing needs: a system's `stack` rows from the hardware up,
 * layers side by side in a row, kernel and user mode bands at the same height across a row,
 * and full-width bars for the hardware and the hypervisor. With those fixed, what is left is
 * small: order the boxes inside each band so edges run short and straight (a few rounds of
 * the barycenter heuristic), place them on a grid, and route edges orthogonally between the
 * boxes (route.ts). Everything is on an 8 px lattice, so the router's lanes fall between
 * boxes and the frames are drawn half a step off the lattice, away from the lanes.
 */
import { english, fill, messages, type Translate } from '../l10n';
import { bandLabel, OUTSIDE_KEY } from './model';
import { Router, STEP, labelPoint, type Route } from './route';
import { measureCrossings } from './quality';
import { drain, type Steps } from './steps';
import { textWidth, wrap } from './text';
import type { Band, DiagramLayout, DiagramModel, LaidEdge, LaidFrame, LaidNode, ModelLayer, ModelNode, Rect, TextItem } from './types';

export const METRICS = {
  boxWidth: 176,
  padX: 8,
  padY: 8,
  primary: { size: 12, line: 16 },
  secondary: { size: 11, line: 14 },
  note: { size: 11, line: 14 },
  gapX: 32,
  gapY: 32,
  layerPadX: 24,
  layerHead: 40,
  layerTitle: 13,
  bandHead: 32,
  bandLabel: 11,
  bandPadBottom: 16,
  rowGap: 32,
  layerGap: 32,
  margin: 16,
  title: 16,
  subtitle: 12,
} as const;

const M = METRICS;
const snap = (v: number) => Math.ceil(v / STEP) * STEP;
const MAX_PRIMARY_LINES = 3;
const MAX_SECONDARY_LINES = 3;
/** extra room before a layer drawn apart from the others of its row */
const APART_GAP = 32;

interface Box {
  node: ModelNode;
  texts: { text: string; size: number; line: number; role: string; bold?: boolean; italic?: boolean }[];
  /** natural height; `h` is the height of its grid row */
  nh: number;
  h: number;
  x: number;
  y: number;
  w: number;
}

interface BandBox {
  band: Band;
  boxes: Box[];
  cols: number;
  /** grid cell of each box, in order */
  cells: { box: Box; r: number; c: number }[];
  top: number;
  bottom: number;
}

interface LayerBox {
  layer: ModelLayer;
  bands: BandBox[];
  cols: number;
  minWidth: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The lines of a component box, wrapped to the box width. */
function boxTexts(n: ModelNode): Box['texts'] {
  const inner = M.boxWidth - 2 * M.padX;
  const out: Box['texts'] = [];
  for (const t of wrap(n.primary, M.primary.size, inner, n.secondary ? 2 : MAX_PRIMARY_LINES)) out.push({ text: t, size: M.primary.size, line: M.primary.line, role: 'primary', bold: true });
  if (n.secondary) for (const t of wrap(n.secondary, M.secondary.size, inner, MAX_SECONDARY_LINES)) out.push({ text: t, size: M.secondary.size, line: M.secondary.line, role: 'secondary' });
  if (n.note) for (const t of wrap(n.note, M.note.size, inner, 1)) out.push({ text: t, size: M.note.size, line: M.note.line, role: 'note', italic: true });
  return out;
}

function makeBox(n: ModelNode): Box {
  const texts = boxTexts(n);
  const h = Math.max(40, snap(2 * M.padY + texts.reduce((s, t) => s + t.line, 0)));
  return { node: n, texts, nh: h, h, x: 0, y: 0, w: M.boxWidth };
}

const gridWidth = (cols: number) => cols * M.boxWidth + (cols - 1) * M.gapX;

const layoutWords = messages({
  /** {0}: a system */
  title: '{0} architecture',
  /** {0}: a system, {1}: its classification and vendor; names for screen readers from here on */
  system: '{0}, system',
  systemWith: '{0}, system, {1}',
  /** {0}: the column's title */
  outsideName: "{0}: entries this system's components talk to that are not in its stack",
  /** {0}: a layer, {1}: its system */
  layerOf: '{0}, layer of {1}',
  outside: 'outside this stack',
});

/**
 * Lays a diagram model out; pure and deterministic. Two orderings are drawn, the barycenter
 * one and that one untangled by swaps, and the one whose routed edges cross less is kept.
 */
export function layoutModel(model: DiagramModel, key = `system:${model.systemId}`, t: Translate = english): DiagramLayout {
  return drain(layoutSteps(model, key, t));
}

/** `layoutModel` as steps, yielding between units of work (a swap tried, a stretch of routing). */
export function* layoutSteps(model: DiagramModel, key = `system:${model.systemId}`, t: Translate = english): Steps<DiagramLayout> {
  const plain = yield* layoutWith(model, key, false, t);
  yield;
  const untangled = yield* layoutWith(model, key, true, t);
  yield;
  return untangled && routedCrossings(untangled) < routedCrossings(plain!) ? untangled : plain!;
}

function routedCrossings(layout: DiagramLayout): number {
  return measureCrossings(layout.edges.map((e) => e.points));
}

/** The layout, or (untangled) undefined when no swap lowered the crossings: the same drawing. */
function* layoutWith(model: DiagramModel, key: string, untangled: boolean, t: Translate): Steps<DiagramLayout | undefined> {
  const w = layoutWords(t);
  const boxes = new Map<string, Box>(model.nodes.map((n) => [n.id, makeBox(n)]));
  const layerBoxes = new Map<string, LayerBox>();
  for (const layer of model.layers) {
    const bands: BandBox[] = layer.bands.map((band) => ({
      band,
      boxes: model.nodes.filter((n) => n.layerKey === layer.key && n.band === band).map((n) => boxes.get(n.id)!),
      cols: 1,
      cells: [],
      top: 0,
      bottom: 0,
    }));
    const titleW = textWidth(layer.title, M.layerTitle) + 2 * 16;
    const labelW = Math.max(0, ...bands.map((b) => (labeled(layer, b.band) ? textWidth(bandText(layer, b.band, t), M.bandLabel) + 32 : 0)));
    layerBoxes.set(layer.key, { layer, bands, cols: 1, minWidth: snap(Math.max(titleW, labelW)), x: 0, y: 0, w: 0, h: 0 });
  }

  const stackRows = model.rows.filter((r) => !(r.length === 1 && r[0] === OUTSIDE_KEY)).map((r) => r.map((k) => layerBoxes.get(k)!).filter(Boolean));
  const outside = layerBoxes.get(OUTSIDE_KEY);
  const maxBand = (l: LayerBox) => Math.max(1, ...l.bands.map((b) => b.boxes.length));
  const count = (l: LayerBox) => l.bands.reduce((s, b) => s + b.boxes.length, 0);

  // Columns: a row of several layers shares a budget of about sqrt(1.6 × boxes) columns in
  // proportion to each layer's boxes; a lone layer takes at least three.
  for (const row of stackRows) {
    const total = row.reduce((s, l) => s + count(l), 0);
    if (row.length > 1) {
      const budget = Math.max(row.length, Math.round(Math.sqrt(total * 1.6)));
      for (const l of row) l.cols = Math.min(maxBand(l), Math.max(1, Math.round((budget * count(l)) / Math.max(1, total))));
    } else if (row[0]) {
      row[0].cols = Math.min(maxBand(row[0]), Math.max(3, Math.ceil(Math.sqrt(total * 1.6))));
    }
  }
  const naturalWidth = (l: LayerBox) => Math.max(l.minWidth, gridWidth(l.cols) + 2 * M.layerPadX);
  const rowWidth = (row: LayerBox[]) => row.reduce((s, l, k) => s + naturalWidth(l) + (k > 0 && l.layer.apart ? APART_GAP : 0), 0) + (row.length - 1) * M.layerGap;
  const innerWidth = snap(Math.max(gridWidth(3) + 2 * M.layerPadX, ...stackRows.map(rowWidth), textWidth(model.title, M.title) + 16, textWidth(model.subtitle, M.subtitle) + 16));

  // Widths: lone layers span the whole width (and may take more columns); side-by-side
  // layers share out what the widest row leaves over.
  for (const row of stackRows) {
    if (row.length === 1) {
      const l = row[0]!;
      l.w = innerWidth;
      const fit = Math.floor((innerWidth - 2 * M.layerPadX + M.gapX) / (M.boxWidth + M.gapX));
      l.cols = Math.max(l.cols, Math.min(maxBand(l), fit));
    } else {
      const extra = innerWidth - rowWidth(row);
      const each = Math.floor(extra / row.length / STEP) * STEP;
      row.forEach((l, k) => (l.w = naturalWidth(l) + each + (k === row.length - 1 ? extra - each * row.length : 0)));
    }
  }
  for (const l of layerBoxes.values()) for (const b of l.bands) b.cols = Math.max(1, Math.min(l.cols, b.boxes.length));
  if (outside) {
    outside.cols = 1;
    outside.w = Math.max(outside.minWidth, gridWidth(1) + 2 * M.layerPadX);
    for (const b of outside.bands) b.cols = 1;
  }

  // Initial cells in content order, then a few rounds of ordering by neighbours' positions.
  for (const l of layerBoxes.values()) for (const b of l.bands) b.cells = b.boxes.map((box, k) => ({ box, r: Math.floor(k / b.cols), c: k % b.cols }));
  const neighbours = new Map<string, string[]>();
  for (const e of model.edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const titleH = 56;
  const place = () => placeAll(stackRows, outside, innerWidth, titleH, boxes, neighbours);
  for (let round = 0; round < 4; round++) {
    place();
    for (const l of layerBoxes.values()) if (l !== outside) for (const b of l.bands) reorder(b, l, boxes, neighbours);
    yield;
  }
  if (untangled) {
    place();
    if (!(yield* untangle(model, layerBoxes, outside, boxes, place))) return undefined;
  }
  const size = place();

  // Drawables
  const frames: LaidFrame[] = [];
  const texts: TextItem[] = [];
  const nodes: LaidNode[] = [];
  const obstacles: Rect[] = [];
  const half = STEP / 2;

  const sys: LaidNode = {
    id: `system@${model.systemId}`,
    entryId: model.systemId,
    kind: 'system',
    x: M.margin,
    y: M.margin,
    w: snap(Math.max(textWidth(model.title, M.title), textWidth(model.subtitle, M.subtitle)) + 16),
    h: 40,
    texts: [
      { text: model.title, x: M.margin + 8, y: M.margin + 17, size: M.title, bold: true, role: 'title' },
      ...(model.subtitle ? [{ text: model.subtitle, x: M.margin + 8, y: M.margin + 34, size: M.subtitle, role: 'subtitle' }] : []),
    ],
    name: model.subtitle ? fill(w.systemWith, model.title, model.subtitle) : fill(w.system, model.title),
  };
  nodes.push(sys);
  obstacles.push(sys);

  for (const l of layerBoxes.values()) {
    const isOutside = l === outside;
    frames.push({ id: `frame@${l.layer.key}`, kind: isOutside || l.layer.apart ? 'outside' : 'layer', layerKey: l.layer.key, title: l.layer.title, x: l.x + half, y: l.y + half, w: l.w - STEP, h: l.h - STEP });
    const tw = snap(textWidth(l.layer.title, M.layerTitle) + 16);
    const title: LaidNode = {
      id: `layer@${l.layer.key}`,
      entryId: l.layer.entryId,
      kind: isOutside ? 'outside' : 'layer',
      layerKey: l.layer.key,
      x: l.x + STEP,
      y: l.y + STEP,
      w: Math.min(tw, l.w - 2 * STEP),
      h: 24,
      texts: [{ text: l.layer.title, x: l.x + STEP + 8, y: l.y + STEP + 17, size: M.layerTitle, bold: true, role: 'layer' }],
      name: isOutside ? fill(w.outsideName, l.layer.title) : fill(w.layerOf, l.layer.title, model.title),
    };
    if (isOutside) {
      // not an entry of its own: decoration, not a selectable node
      texts.push(...title.texts);
      obstacles.push(title);
    } else {
      nodes.push(title);
      obstacles.push(title);
    }
    l.bands.forEach((b, k) => {
      if (!labeled(l.layer, b.band)) return;
      const last = k === l.bands.length - 1;
      const bottom = last ? l.y + l.h - half : b.bottom + half;
      frames.push({ id: `band@${l.layer.key}/${b.band}`, kind: 'band', band: b.band, layerKey: l.layer.key, x: l.x + half, y: b.top + half, w: l.w - STEP, h: bottom - (b.top + half) });
      const label = bandText(l.layer, b.band, t);
      texts.push({ text: label, x: l.x + 16, y: b.top + 20, size: M.bandLabel, italic: true, role: 'band' });
      obstacles.push({ x: l.x + STEP, y: b.top + STEP, w: snap(textWidth(label, M.bandLabel) + 16), h: 16 });
    });
    for (const b of l.bands) {
      for (const { box } of b.cells) {
        const n = box.node;
        const lines: TextItem[] = [];
        const block = box.texts.reduce((s, t) => s + t.line, 0);
        let y = box.y + (box.h - block) / 2;
        for (const t of box.texts) {
          lines.push({ text: t.text, x: box.x + box.w / 2, y: Math.round((y + t.line * 0.5 + t.size * 0.36) * 10) / 10, size: t.size, role: t.role, anchor: 'middle', ...(t.bold ? { bold: true } : {}), ...(t.italic ? { italic: true } : {}) });
          y += t.line;
        }
        const where = isOutside ? (n.note ?? w.outside) : `${l.layer.title}${labeled(l.layer, b.band) ? `, ${bandText(l.layer, b.band, t)}` : ''}`;
        const names = [n.primary, n.secondary, !isOutside ? n.note : undefined].filter(Boolean).join(', ');
        nodes.push({
          id: n.id,
          entryId: n.entryId,
          kind: isOutside ? 'outside' : 'component',
          layerKey: l.layer.key,
          band: b.band,
          x: box.x,
          y: box.y,
          w: box.w,
          h: box.h,
          texts: lines,
          name: `${names}; ${where}`,
        });
        obstacles.push(box);
      }
    }
  }

  // Edges: shortest first, so the simple ones take the direct lanes.
  const router = new Router(size.width, size.height, obstacles);
  const rect = (id: string) => boxes.get(id)!;
  const order = [...model.edges].sort((a, b) => manhattan(rect(a.from), rect(a.to)) - manhattan(rect(b.from), rect(b.to)) || a.id.localeCompare(b.id));
  const routes = new Map<string, Route>();
  for (const e of order) {
    routes.set(e.id, yield* router.routeSteps({ id: e.id, from: rect(e.from), to: rect(e.to) }));
    yield;
  }
  const labelBoxes = nodes.filter((n) => n.kind !== 'system');
  const others = (id: string) => model.edges.filter((o) => o.id !== id);
  const edges: LaidEdge[] = [];
  for (const e of model.edges) {
    const r = routes.get(e.id)!;
    edges.push({
      id: e.id,
      from: e.from,
      to: e.to,
      fromEntry: e.fromEntry,
      toEntry: e.toEntry,
      label: e.label,
      ...(e.via ? { via: e.via } : {}),
      ...(e.story ? { story: true } : {}),
      points: r.points,
      labelAt: labelPoint(
        r.points,
        textWidth(e.label, 11) + 8,
        labelBoxes,
        others(e.id).map((o) => routes.get(o.id)!.points),
        others(e.id)
          .filter((o) => o.story)
          .map((o) => routes.get(o.id)!.points),
      ),
      routed: r.routed,
    });
    yield;
  }

  return { key, title: fill(w.title, model.title), width: size.width, height: size.height, frames, texts, nodes, edges, problems: model.problems };
}

/** The label of a band: the layer's own title for the mode (`host OS kernel`), or the mode's. */
function bandText(layer: ModelLayer, band: Band, t: Translate): string {
  return layer.bandTitles?.[band] ?? bandLabel(band, t);
}

/** Whether a band gets a frame and a label: a band without a mode has neither. */
function labeled(layer: ModelLayer, band: Band): boolean {
  return !layer.outside && band !== 'none';
}

function manhattan(a: Rect, b: Rect): number {
  return Math.abs(a.x + a.w / 2 - (b.x + b.w / 2)) + Math.abs(a.y + a.h / 2 - (b.y + b.h / 2));
}

const centreX = (b: Box) => b.x + b.w / 2;
const centreY = (b: Box) => b.y + b.h / 2;

/**
 * Orders a band's boxes: those with more links upwards into the top grid rows, those linked
 * downwards into the bottom ones; inside a grid row by the mean x of their neighbours
 * (barycenter). A short last row takes the columns nearest its boxes' barycenters.
 */
function reorder(b: BandBox, l: LayerBox, boxes: Map<string, Box>, neighbours: Map<string, string[]>): void {
  if (b.boxes.length < 2) return;
  const info = b.cells.map(({ box }, k) => {
    const ns = (neighbours.get(box.node.id) ?? []).map((id) => boxes.get(id)!).filter(Boolean);
    let up = 0;
    let down = 0;
    for (const n of ns) {
      const cy = centreY(n);
      if (cy < b.top) up++;
      else if (cy > b.bottom) down++;
    }
    const bary = ns.length ? ns.reduce((s, n) => s + centreX(n), 0) / ns.length : centreX(box);
    return { box, k, vert: down - up, bary };
  });
  const base = (it: { box: Box }) => (it.box.node.base ? 1 : 0);
  info.sort((a, c) => base(a) - base(c) || a.vert - c.vert || a.k - c.k);
  const cols = b.cols;
  const rows = Math.ceil(info.length / cols);
  const cells: BandBox['cells'] = [];
  const x0 = gridLeft(l, cols);
  const pitch = M.boxWidth + M.gapX;
  for (let r = 0; r < rows; r++) {
    const slice = info.slice(r * cols, (r + 1) * cols).sort((a, c) => a.bary - c.bary || a.k - c.k);
    if (slice.length === cols) slice.forEach((it, c) => cells.push({ box: it.box, r, c }));
    else {
      let prev = -1;
      slice.forEach((it, k) => {
        const ideal = Math.round((it.bary - x0 - M.boxWidth / 2) / pitch);
        const c = Math.max(prev + 1, Math.min(cols - (slice.length - k), ideal));
        cells.push({ box: it.box, r, c });
        prev = c;
      });
    }
  }
  b.cells = cells;
}

function gridLeft(l: LayerBox, cols: number): number {
  return l.x + Math.floor((l.w - gridWidth(cols)) / 2 / STEP) * STEP;
}

/** Crossings of the straight lines between linked boxes' centres: a cheap stand-in for the routes'. */
function straightCrossings(model: DiagramModel, boxes: Map<string, Box>): number {
  const segs = model.edges.map((e) => {
    const a = boxes.get(e.from)!;
    const b = boxes.get(e.to)!;
    return [centreX(a), centreY(a), centreX(b), centreY(b), e.from, e.to] as const;
  });
  const side = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    const [ax, ay, bx, by, af, at] = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const [cx, cy, dx, dy, cf, ct] = segs[j]!;
      if (af === cf || af === ct || at === cf || at === ct) continue;
      if (side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0 && side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0) n++;
    }
  }
  return n;
}

/**
 * After the barycenter rounds: swaps two boxes of a band while that lowers the crossings of
 * the straight lines between linked boxes. Returns whether any swap was kept.
 */
function* untangle(model: DiagramModel, layerBoxes: Map<string, LayerBox>, outside: LayerBox | undefined, boxes: Map<string, Box>, place: () => unknown): Steps<boolean> {
  let best = straightCrossings(model, boxes);
  let changed = false;
  for (let pass = 0; pass < 3 && best > 0; pass++) {
    let improved = false;
    for (const l of layerBoxes.values()) {
      if (l === outside) continue;
      for (const b of l.bands) {
        for (let i = 0; i < b.cells.length; i++) {
          for (let j = i + 1; j < b.cells.length; j++) {
            const ci = b.cells[i]!;
            const cj = b.cells[j]!;
            if (!!ci.box.node.base !== !!cj.box.node.base) continue;
            const swap = () => {
              const t = ci.box;
              ci.box = cj.box;
              cj.box = t;
            };
            swap();
            place();
            const n = straightCrossings(model, boxes);
            if (n < best) {
              best = n;
              improved = changed = true;
            } else {
              swap();
              place();
            }
            yield;
          }
        }
      }
    }
    if (!improved) break;
  }
  return changed;
}

/** Computes every coordinate from the current cells; returns the drawing's size. */
function placeAll(stackRows: LayerBox[][], outside: LayerBox | undefined, innerWidth: number, titleH: number, boxes: Map<string, Box>, neighbours: Map<string, string[]>): { width: number; height: number } {
  let y = M.margin + titleH;
  // top of the drawing is the last stack row (the guests), the bottom is the hardware
  for (const row of [...stackRows].reverse()) {
    const bandsInRow = new Map<Band, number>();
    for (const l of row) {
      for (const b of l.bands) {
        const gridRows = Math.max(1, ...b.cells.map((c) => c.r + 1));
        let gh = 0;
        for (let r = 0; r < gridRows; r++) gh += Math.max(40, ...b.cells.filter((c) => c.r === r).map((c) => c.box.nh));
        gh += (gridRows - 1) * M.gapY;
        if (b.cells.length === 0) gh = 16;
        const head = labeled(l.layer, b.band) ? M.bandHead : 16;
        bandsInRow.set(b.band, Math.max(bandsInRow.get(b.band) ?? 0, head + gh + M.bandPadBottom));
      }
    }
    const order = (['user', 'none', 'kernel', 'firmware'] as Band[]).filter((b) => bandsInRow.has(b));
    let x = M.margin;
    let rowH = 0;
    for (const l of row) {
      if (l.layer.apart && x > M.margin) x += APART_GAP;
      l.x = x;
      l.y = y;
      let by = y + M.layerHead;
      for (const band of order) {
        const bb = l.bands.find((b) => b.band === band);
        const h = bandsInRow.get(band)!;
        if (bb) {
          bb.top = by;
          bb.bottom = by + h;
          placeBand(bb, l, row.length === 1 && l.layer.bands.length === 1 && l.layer.bands[0] === 'none');
        }
        by += h;
      }
      l.h = by - y;
      rowH = Math.max(rowH, l.h);
      x += l.w + M.layerGap;
    }
    for (const l of row) {
      l.h = rowH;
      const last = l.bands[l.bands.length - 1];
      if (last) last.bottom = l.y + rowH;
    }
    y += rowH + M.rowGap;
  }
  let height = y - M.rowGap + M.margin;
  let width = M.margin + innerWidth + M.margin;
  if (outside) {
    outside.x = M.margin + innerWidth + M.layerGap;
    outside.y = M.margin + titleH;
    const band = outside.bands[0]!;
    band.top = outside.y + M.layerHead;
    // each outside box as close as it can get to the mean height of what links to it
    const want = band.cells.map(({ box }) => {
      const ns = (neighbours.get(box.node.id) ?? []).map((id) => boxes.get(id)!).filter((b) => b && b.node.layerKey !== OUTSIDE_KEY);
      return { box, y: ns.length ? ns.reduce((s, n) => s + centreY(n), 0) / ns.length - box.h / 2 : 0 };
    });
    want.sort((a, b) => a.y - b.y);
    let cy = band.top;
    const left = outside.x + M.layerPadX;
    for (const w of want) {
      w.box.x = left;
      w.box.y = Math.max(cy, snap(w.y));
      w.box.w = M.boxWidth;
      cy = w.box.y + w.box.h + M.gapY;
    }
    band.cells = want.map((w, r) => ({ box: w.box, r, c: 0 }));
    band.bottom = Math.max(cy - M.gapY + M.bandPadBottom, band.top + 16);
    outside.h = Math.max(band.bottom - outside.y, height - M.margin - outside.y);
    band.bottom = outside.y + outside.h;
    width = outside.x + outside.w + M.margin;
    height = Math.max(height, outside.y + outside.h + M.margin);
  }
  return { width, height };
}

function placeBand(b: BandBox, l: LayerBox, fullWidth: boolean): void {
  const head = labeled(l.layer, b.band) ? M.bandHead : 16;
  const top = b.top + head;
  const rows = Math.max(1, ...b.cells.map((c) => c.r + 1));
  const heights: number[] = [];
  for (let r = 0; r < rows; r++) heights.push(Math.max(40, ...b.cells.filter((c) => c.r === r).map((c) => c.box.nh)));
  const x0 = gridLeft(l, b.cols);
  const pitch = M.boxWidth + M.gapX;
  // A full-width layer without mode bands and with a single box (the hypervisor) draws it as a
  // bar across the row; with a single row of boxes it spreads them evenly.
  const single = fullWidth && rows === 1;
  const inner = l.w - 2 * M.layerPadX;
  const n = b.cells.length;
  const spread = single && n > 1 ? Math.floor((inner - n * M.boxWidth) / (n - 1) / STEP) * STEP : 0;
  let y = top;
  for (let r = 0; r < rows; r++) {
    for (const cell of b.cells.filter((c) => c.r === r)) {
      const box = cell.box;
      box.y = y;
      box.h = heights[r]!;
      if (single && n === 1) {
        box.x = l.x + M.layerPadX;
        box.w = inner;
      } else if (single) {
        box.x = l.x + M.layerPadX + cell.c * (M.boxWidth + spread);
        box.w = M.boxWidth;
      } else {
        box.x = x0 + cell.c * pitch;
        box.w = M.boxWidth;
      }
    }
    y += heights[r]! + M.gapY;
  }
}
