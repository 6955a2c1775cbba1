import { drain, type Steps } from './steps';
import type { Rect } from './types';

/**
 * Orthogonal edge routing on a lattice.
 *
 * The layout puts every box on multiples of `STEP` (8 px). Lattice points inside a box or on
 * its border (boxes grown by half a step) are blocked, so a route keeps at least one step
 * away from any box it does not start or end at. Each edge is an A* search over (point,
 * direction) with a cost for length, for each bend, and for running along or crossing a route
 * already laid, which spreads parallel edges into separate lanes. A route leaves its source
 * from a point one step outside one of its sides (preferring the middle of the side) and ends
 * one step outside a side of the target, and is then joined to the two borders.
 */
export const STEP = 8;

const BEND = 6;
const ALONG_USED = 8;
const CROSS_USED = 1;
const OFF_CENTRE = 0.15;
/** a port another route already uses: the two would share the stub from the border */
const PORT_USED = 40;

type Dir = 0 | 1 | 2 | 3; // right, down, left, up
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

export interface RouteRequest {
  id: string;
  from: Rect;
  to: Rect;
}

export interface Route {
  id: string;
  points: [number, number][];
  routed: boolean;
}

/** A binary min-heap of (key, state) in typed arrays, reused by every route of a Router. */
class MinHeap {
  private keys = new Float64Array(1024);
  private vals = new Int32Array(1024);
  size = 0;
  /** the key of the value `pop` returned last */
  poppedKey = 0;
  clear(): void {
    this.size = 0;
  }
  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const vals = new Int32Array(this.size * 2);
      keys.set(this.keys);
      vals.set(this.vals);
      this.keys = keys;
      this.vals = vals;
    }
    const k = this.keys;
    const v = this.vals;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p]! <= key) break;
      k[i] = k[p]!;
      v[i] = v[p]!;
      i = p;
    }
    k[i] = key;
    v[i] = val;
  }
  pop(): number {
    const k = this.keys;
    const v = this.vals;
    const top = v[0]!;
    this.poppedKey = k[0]!;
    const n = --this.size;
    const lastK = k[n]!;
    const lastV = v[n]!;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && k[r]! < k[l]! ? r : l;
        if (k[c]! >= lastK) break;
        k[i] = k[c]!;
        v[i] = v[c]!;
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}

export class Router {
  private readonly cols: number;
  private readonly rows: number;
  private readonly blocked: Uint8Array;
  /** how many routes run through a point horizontally / vertically */
  private readonly usedH: Uint16Array;
  private readonly usedV: Uint16Array;
  // search state, allocated once and reset lazily: an entry counts only when its stamp is this route's
  private readonly cost: Float64Array;
  private readonly prev: Int32Array;
  private readonly stamp: Uint32Array;
  private generation = 0;
  /** the points a route may end at: those whose stamp is this route's */
  private readonly endStamp: Uint32Array;
  private readonly heap = new MinHeap();

  constructor(width: number, height: number, obstacles: Rect[]) {
    this.cols = Math.ceil(width / STEP) + 1;
    this.rows = Math.ceil(height / STEP) + 1;
    const n = this.cols * this.rows;
    this.blocked = new Uint8Array(n);
    this.usedH = new Uint16Array(n);
    this.usedV = new Uint16Array(n);
    this.cost = new Float64Array(n * 4);
    this.prev = new Int32Array(n * 4);
    this.stamp = new Uint32Array(n * 4);
    this.endStamp = new Uint32Array(n);
    for (const r of obstacles) this.block(r);
    // keep routes off the drawing's outer edge
    for (let i = 0; i < this.cols; i++) this.blocked[i] = this.blocked[(this.rows - 1) * this.cols + i] = 1;
    for (let j = 0; j < this.rows; j++) this.blocked[j * this.cols] = this.blocked[j * this.cols + this.cols - 1] = 1;
  }

  private block(r: Rect): void {
    const i0 = Math.max(0, Math.ceil((r.x - STEP / 2) / STEP));
    const i1 = Math.min(this.cols - 1, Math.floor((r.x + r.w + STEP / 2) / STEP));
    const j0 = Math.max(0, Math.ceil((r.y - STEP / 2) / STEP));
    const j1 = Math.min(this.rows - 1, Math.floor((r.y + r.h + STEP / 2) / STEP));
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) this.blocked[j * this.cols + i] = 1;
  }

  /** Points one step outside each side of `r`, with the direction pointing away from it. */
  private ports(r: Rect): { i: number; j: number; d: Dir; off: number }[] {
    const out: { i: number; j: number; d: Dir; off: number }[] = [];
    const i0 = Math.ceil(r.x / STEP) + 1;
    const i1 = Math.floor((r.x + r.w) / STEP) - 1;
    const j0 = Math.ceil(r.y / STEP) + 1;
    const j1 = Math.floor((r.y + r.h) / STEP) - 1;
    const ci = (r.x + r.w / 2) / STEP;
    const cj = (r.y + r.h / 2) / STEP;
    const top = Math.floor(r.y / STEP) - 1;
    const bottom = Math.ceil((r.y + r.h) / STEP) + 1;
    const left = Math.floor(r.x / STEP) - 1;
    const right = Math.ceil((r.x + r.w) / STEP) + 1;
    for (let i = i0; i <= i1; i++) {
      out.push({ i, j: top, d: 3, off: Math.abs(i - ci) });
      out.push({ i, j: bottom, d: 1, off: Math.abs(i - ci) });
    }
    for (let j = j0; j <= j1; j++) {
      out.push({ i: left, j, d: 2, off: Math.abs(j - cj) });
      out.push({ i: right, j, d: 0, off: Math.abs(j - cj) });
    }
    return out.filter((p) => p.i >= 0 && p.j >= 0 && p.i < this.cols && p.j < this.rows && !this.blocked[p.j * this.cols + p.i]);
  }

  route(req: RouteRequest): Route {
    return drain(this.routeSteps(req));
  }

  /** `route`, yielding every few hundred search steps so a caller can pause. */
  *routeSteps(req: RouteRequest): Steps<Route> {
    const { cols } = this;
    const starts = this.ports(req.from);
    const ends = this.ports(req.to);
    if (starts.length === 0 || ends.length === 0) return straight(req);
    const portUsed = (i: number, j: number) => (this.usedH[j * cols + i]! + this.usedV[j * cols + i]! > 0 ? PORT_USED : 0);
    const gen = ++this.generation;
    const { stamp, cost: costs, prev: prevs, endStamp, blocked, usedH, usedV, rows } = this;
    const endAt = new Map<number, { d: Dir; off: number }[]>();
    for (const e of ends) {
      const k = e.j * cols + e.i;
      endAt.set(k, [...(endAt.get(k) ?? []), { d: e.d, off: e.off * OFF_CENTRE + portUsed(e.i, e.j) }]);
      endStamp[k] = gen;
    }
    const t = req.to;
    const ti0 = t.x / STEP - 1;
    const ti1 = (t.x + t.w) / STEP + 1;
    const tj0 = t.y / STEP - 1;
    const tj1 = (t.y + t.h) / STEP + 1;
    const h = (i: number, j: number) => Math.max(0, ti0 - i, i - ti1) + Math.max(0, tj0 - j, j - tj1);

    const costOf = (st: number) => (stamp[st] === gen ? costs[st]! : Infinity);
    const setCost = (st: number, c: number, from: number) => {
      stamp[st] = gen;
      costs[st] = c;
      prevs[st] = from;
    };
    const heap = this.heap;
    heap.clear();
    for (const s of starts) {
      const state = (s.j * cols + s.i) * 4 + s.d;
      const c = s.off * OFF_CENTRE + portUsed(s.i, s.j);
      if (c < costOf(state)) {
        setCost(state, c, -1);
        heap.push(c + h(s.i, s.j), state);
      }
    }
    let best = -1;
    let bestCost = Infinity;
    let popped = 0;
    while (heap.size) {
      if ((++popped & 127) === 0) yield;
      const state = heap.pop();
      const c = costOf(state);
      const p = state >> 2;
      const i = p % cols;
      const j = (p - i) / cols;
      const f = c + h(i, j);
      if (f >= bestCost) break;
      // a stale entry: the state was pushed again cheaper and that entry, popped first (the
      // heuristic is consistent), did all this one would
      if (heap.poppedKey > f) continue;
      const d = (state & 3) as Dir;
      const fin = endStamp[p] === gen ? endAt.get(p) : undefined;
      if (fin) {
        for (const e of fin) {
          // arriving must point into the target: opposite of the port's outward direction
          const inward = ((e.d + 2) % 4) as Dir;
          const total = c + e.off + (d === inward ? 0 : d === e.d ? 2 * BEND : BEND);
          if (total < bestCost) {
            bestCost = total;
            best = state;
          }
        }
      }
      for (let nd = 0 as Dir; nd < 4; nd = (nd + 1) as Dir) {
        if (nd === ((d + 2) % 4)) continue;
        const ni = i + DX[nd]!;
        const nj = j + DY[nd]!;
        if (ni < 0 || nj < 0 || ni >= cols || nj >= rows) continue;
        const q = nj * cols + ni;
        if (blocked[q]) continue;
        const horizontal = nd === 0 || nd === 2;
        const along = horizontal ? usedH[q]! : usedV[q]!;
        const across = horizontal ? usedV[q]! : usedH[q]!;
        const nc = c + 1 + (nd === d ? 0 : BEND) + along * ALONG_USED + across * CROSS_USED;
        const ns = q * 4 + nd;
        if (nc < costOf(ns)) {
          setCost(ns, nc, state);
          heap.push(nc + h(ni, nj), ns);
        }
      }
    }
    if (best < 0) return straight(req);
    const lattice: [number, number][] = [];
    for (let s = best; s >= 0; s = prevs[s]!) {
      const p = s >> 2;
      lattice.push([p % cols, Math.floor(p / cols)]);
    }
    lattice.reverse();
    this.mark(lattice);
    const pts = lattice.map(([i, j]) => [i * STEP, j * STEP] as [number, number]);
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    pts.unshift(toBorder(first, req.from));
    pts.push(toBorder(last, req.to));
    return { id: req.id, points: simplify(pts), routed: true };
  }

  private mark(path: [number, number][]): void {
    for (let k = 0; k < path.length; k++) {
      const [i, j] = path[k]!;
      const q = j * this.cols + i;
      const a = path[k - 1];
      const b = path[k + 1];
      const h = (a && a[1] === j) || (b && b[1] === j);
      const v = (a && a[0] === i) || (b && b[0] === i);
      if (h) this.usedH[q]!++;
      if (v) this.usedV[q]!++;
    }
  }
}

/** The point on `r`'s border straight across from a port `p` one step outside it. */
function toBorder(p: [number, number], r: Rect): [number, number] {
  const [x, y] = p;
  if (y < r.y) return [x, r.y];
  if (y > r.y + r.h) return [x, r.y + r.h];
  if (x < r.x) return [r.x, y];
  return [r.x + r.w, y];
}

function simplify(pts: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of pts) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (b && b[0] === p[0] && b[1] === p[1]) continue;
    if (a && b && ((a[0] === b[0] && b[0] === p[0]) || (a[1] === b[1] && b[1] === p[1]))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

function straight(req: RouteRequest): Route {
  const c = (r: Rect): [number, number] => [r.x + r.w / 2, r.y + r.h / 2];
  return { id: req.id, points: [c(req.from), c(req.to)], routed: false };
}

/**
 * Where a highlighted edge shows its label (centred on a plate `labelW` wide, 17 px high): on
 * the edge, at the point nearest the middle of its longest segment whose plate covers no box;
 * the middle of the longest segment when every point does.
 */
export function labelPoint(points: [number, number][], labelW = 0, boxes: readonly Rect[] = [], lines: readonly (readonly [number, number][])[] = [], storyLines: readonly (readonly [number, number][])[] = []): [number, number] {
  const segs: { a: [number, number]; b: [number, number]; len: number }[] = [];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    segs.push({ a, b, len: Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) });
  }
  if (segs.length === 0) return points[0] ?? [0, 0];
  segs.sort((x, y) => y.len - x.len);
  const mid = (s: (typeof segs)[number]): [number, number] => [(s.a[0] + s.b[0]) / 2, (s.a[1] + s.b[1]) / 2];
  const clearOfBoxes = ([x, y]: [number, number]) => boxes.every((r) => !(x - labelW / 2 < r.x + r.w && r.x < x + labelW / 2 && y - 9 < r.y + r.h && r.y < y + 8));
  const clearOf = (ls: typeof lines) => ([x, y]: [number, number]) => !ls.some((l) => plateCrosses(l, { x: x - labelW / 2, y: y - 9, w: labelW, h: 17 }));
  // clear of the boxes and of every other edge's line if a spot allows it; else of the story's
  // lines (drawn all the time); else of the boxes only
  const tiers = [clearOf(lines), clearOf(storyLines), () => true].map((clear) => (p: [number, number]) => clearOfBoxes(p) && clear(p));
  let free = tiers[0]!;
  // on the line first; then beside it (a plate's height above or below a horizontal stretch,
  // its half width beside a vertical one), so a short edge between two boxes still gets a spot
  const offsets = (s: (typeof segs)[number]): [number, number][] => {
    const horizontal = s.a[1] === s.b[1];
    if (!horizontal) return [[labelW / 2 + 4, 0], [-(labelW / 2 + 4), 0]];
    const out: [number, number][] = [];
    for (let d = 16; d <= 48; d += STEP) out.push([0, -d], [0, d]);
    return out;
  };
  for (const [tier, shift] of [0, 1, 2].flatMap((t) => [[t, [[0, 0]]], [t, null]] as [number, [number, number][] | null][])) {
    free = tiers[tier]!;
    for (const s of segs) {
      const m = mid(s);
      const dx = Math.sign(s.b[0] - s.a[0]);
      const dy = Math.sign(s.b[1] - s.a[1]);
      // from the middle outwards, both ways, a lattice step at a time
      for (let t = 0; t <= s.len / 2; t += STEP) {
        for (const sign of t === 0 ? [1] : [1, -1]) {
          for (const [ox, oy] of shift ?? offsets(s)) {
            const p: [number, number] = [m[0] + sign * dx * t + ox, m[1] + sign * dy * t + oy];
            if (free(p)) return p;
          }
        }
      }
    }
  }
  return mid(segs[0]!);
}

/** Whether a polyline runs through a label's plate (touching its edge does not count). */
export function plateCrosses(line: readonly [number, number][], p: Rect): boolean {
  for (let k = 1; k < line.length; k++) {
    const [ax, ay] = line[k - 1]!;
    const [bx, by] = line[k]!;
    const x0 = Math.min(ax, bx);
    const x1 = Math.max(ax, bx);
    const y0 = Math.min(ay, by);
    const y1 = Math.max(ay, by);
    if (x1 >= p.x && x0 <= p.x + p.w && y1 >= p.y && y0 <= p.y + p.h && (x0 === x1 ? x0 > p.x && x0 < p.x + p.w : true) && (y0 === y1 ? y0 > p.y && y0 < p.y + p.h : true)) return true;
  }
  return false;
}
