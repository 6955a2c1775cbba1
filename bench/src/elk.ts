/**
 * Our diagram as an ELK graph, and ELK's result back as a DiagramLayout, so quality.ts measures
 * both drawings the same way (bench/layout-vs-elk.mjs; issue 12). Bench only: elkjs is a
 * devDependency and never reaches a bundle.
 *
 * The graph: one compound node per drawn layer, partitioned by its stack row (hardware first,
 * drawn at the bottom: direction UP); inside a layer with mode bands, one compound node per band,
 * partitioned kernel below user; the component boxes at the size our layout gives them (a bar
 * stretched across a row at the natural box width instead); every edge at the root with its
 * label's plate as an ELK label, so ELK reserves room for it.
 */
import type { ElkExtendedEdge, ElkLabel, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { METRICS } from '../../src/core/diagram/layout';
import { OUTSIDE_KEY } from '../../src/core/diagram/model';
import { textWidth } from '../../src/core/diagram/text';
import type { Band, DiagramLayout, DiagramModel, LaidEdge, LaidFrame, LaidNode } from '../../src/core/diagram/types';

/** The options, chosen to match our spacing (8 px lattice, 32 px between boxes and rows). */
export const ELK_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'UP',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.partitioning.activate': 'true',
  'elk.spacing.nodeNode': '32',
  'elk.layered.spacing.nodeNodeBetweenLayers': '32',
  'elk.spacing.edgeNode': '16',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
  'elk.spacing.componentComponent': '32',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

/** What we tried: the bands as nested compound nodes or not, and ELK's node placement. */
export interface ElkVariant {
  name: string;
  bands: boolean;
  options: LayoutOptions;
}
export const ELK_VARIANTS: readonly ElkVariant[] = [
  { name: 'elk', bands: true, options: {} },
  { name: 'elk flat', bands: false, options: {} },
  { name: 'elk flat simplex', bands: false, options: { 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX', 'elk.layered.thoroughness': '20' } },
];

/** Bands bottom to top (direction UP puts partition 0 lowest). */
const BAND_UP: readonly Band[] = ['firmware', 'kernel', 'none', 'user'];
const LABEL_H = 17;
export const labelWidth = (label: string) => textWidth(label, 11) + 8;

const layerId = (key: string) => `L:${key}`;
const bandId = (key: string, band: Band) => `B:${key}/${band}`;
const pad = (top: number, side: number, bottom: number) => `[top=${top},left=${side},bottom=${bottom},right=${side}]`;

/** The ELK graph of `model` with the box sizes of `ours`; `which` edges: the story ones or all. */
export function toElkGraph(model: DiagramModel, ours: DiagramLayout, which: 'story' | 'all', variant: ElkVariant = ELK_VARIANTS[0]!): ElkNode {
  const options = { ...ELK_OPTIONS, ...variant.options };
  const size = new Map(ours.nodes.map((n) => [n.id, n]));
  const rowOf = new Map<string, number>();
  model.rows.forEach((row, k) => row.forEach((key) => rowOf.set(key, k)));
  const leaf = (id: string): ElkNode => {
    const n = size.get(id)!;
    return { id, width: Math.min(n.w, METRICS.boxWidth), height: n.h };
  };
  const children: ElkNode[] = [];
  for (const layer of model.layers) {
    const nodes = model.nodes.filter((n) => n.layerKey === layer.key);
    if (nodes.length === 0) continue;
    const bands = BAND_UP.filter((b) => nodes.some((n) => n.band === b));
    const banded = variant.bands && !layer.outside && bands.some((b) => b !== 'none');
    const inner: ElkNode[] = banded
      ? bands.map((band, k) => ({
          id: bandId(layer.key, band),
          layoutOptions: { 'elk.partitioning.partition': String(k), 'elk.padding': pad(band === 'none' ? 16 : METRICS.bandHead, 16, METRICS.bandPadBottom) },
          children: nodes.filter((n) => n.band === band).map((n) => leaf(n.id)),
        }))
      : nodes.map((n) => leaf(n.id));
    children.push({
      id: layerId(layer.key),
      layoutOptions: { 'elk.partitioning.partition': String(rowOf.get(layer.key) ?? model.rows.length), 'elk.padding': pad(METRICS.layerHead, METRICS.layerPadX, 16), ...(banded ? { 'elk.partitioning.activate': 'true' } : { 'elk.partitioning.activate': 'false' }) },
      children: inner,
    });
  }
  const edges: ElkExtendedEdge[] = model.edges
    .filter((e) => which === 'all' || e.story)
    .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to], labels: [{ id: `${e.id}:label`, text: e.label, width: labelWidth(e.label), height: LABEL_H }] }));
  return { id: 'root', layoutOptions: { ...options, 'elk.padding': pad(METRICS.margin + 56, METRICS.margin, METRICS.margin) }, children, edges };
}

/**
 * ELK's result as our DiagramLayout: the same component boxes and title nodes (moved), the
 * layer and band frames from the compound nodes, each edge's route from its sections, its label
 * where ELK put it. Throws when ELK dropped a box or an edge.
 */
export function fromElk(laid: ElkNode, model: DiagramModel, ours: DiagramLayout): DiagramLayout {
  const placed = new Map<string, ElkNode>();
  const visit = (n: ElkNode) => {
    placed.set(n.id, { ...n, x: round(n.x ?? 0), y: round(n.y ?? 0), width: round(n.width ?? 0), height: round(n.height ?? 0) });
    for (const c of n.children ?? []) visit(c);
  };
  visit(laid);
  const nodes: LaidNode[] = [];
  const frames: LaidFrame[] = [];
  const move = (n: LaidNode, x: number, y: number, w = n.w, h = n.h): LaidNode => ({ ...n, x, y, w, h, texts: n.texts.map((t) => ({ ...t, x: t.x + (t.anchor === 'middle' ? x + w / 2 - (n.x + n.w / 2) : x - n.x), y: t.y + y - n.y })) });
  for (const n of ours.nodes) {
    if (n.kind === 'system') {
      nodes.push(n);
      continue;
    }
    if (n.kind === 'layer') {
      const f = placed.get(layerId(n.layerKey!));
      if (f) nodes.push(move(n, f.x! + 8, f.y! + 8, Math.min(n.w, f.width! - 16)));
      continue;
    }
    const p = placed.get(n.id);
    if (!p) throw new Error(`ELK dropped box ${n.id}`);
    nodes.push(move(n, p.x!, p.y!, p.width!, p.height!));
  }
  const texts = [...ours.texts.filter((t) => t.role !== 'band')];
  for (const layer of model.layers) {
    const f = placed.get(layerId(layer.key));
    if (!f) continue;
    frames.push({ id: `frame@${layer.key}`, kind: layer.outside || layer.apart || layer.key === OUTSIDE_KEY ? 'outside' : 'layer', layerKey: layer.key, x: f.x!, y: f.y!, w: f.width!, h: f.height! });
    for (const band of BAND_UP) {
      const b = placed.get(bandId(layer.key, band));
      if (!b || band === 'none') continue;
      frames.push({ id: `band@${layer.key}/${band}`, kind: 'band', band, layerKey: layer.key, x: b.x!, y: b.y!, w: b.width!, h: b.height! });
      const label = ours.texts.find((t) => t.role === 'band' && ours.frames.some((of) => of.id === `band@${layer.key}/${band}` && t.y > of.y && t.y < of.y + 32));
      if (label) texts.push({ ...label, x: b.x! + 8, y: b.y! + 20 });
    }
  }
  const byId = new Map(model.edges.map((e) => [e.id, e]));
  const edges: LaidEdge[] = (laid.edges ?? []).map((le) => {
    const e = byId.get(le.id)!;
    const points: [number, number][] = [];
    for (const s of le.sections ?? []) {
      for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
        const last = points[points.length - 1];
        const [x, y] = [round(p.x), round(p.y)];
        if (!last || last[0] !== x || last[1] !== y) points.push([x, y]);
      }
    }
    if (points.length < 2) throw new Error(`ELK gave edge ${le.id} no route`);
    const l: ElkLabel | undefined = le.labels?.[0];
    const labelAt: [number, number] = l && l.x !== undefined ? [l.x + l.width! / 2, l.y! + l.height! / 2] : midpoint(points);
    return { ...e, points, labelAt, routed: true };
  });
  return { key: ours.key, title: ours.title, width: laid.width!, height: laid.height!, frames, texts, nodes, edges, problems: [] };
}

/** To whole px: ELK's coordinates carry float noise (862 vs 861.9999999999999, 909.67 vs 910 on one vertical line). */
const round = (v: number) => Math.round(v);

function midpoint(points: [number, number][]): [number, number] {
  const k = Math.floor((points.length - 1) / 2);
  const [a, b] = [points[k]!, points[k + 1]!];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

/** Bends: interior points of each route where the direction changes (repeated points ignored). */
export function bends(layout: DiagramLayout): number {
  let n = 0;
  for (const e of layout.edges) {
    const p = e.points.filter((q, k) => k === 0 || q[0] !== e.points[k - 1]![0] || q[1] !== e.points[k - 1]![1]);
    for (let k = 1; k + 1 < p.length; k++) {
      const [a, b, c] = [p[k - 1]!, p[k]!, p[k + 1]!];
      if (!((a[0] === b[0] && b[0] === c[0]) || (a[1] === b[1] && b[1] === c[1]))) n++;
    }
  }
  return n;
}

/** The total length of every route. */
export function edgeLength(layout: DiagramLayout): number {
  let s = 0;
  for (const e of layout.edges) for (let k = 1; k < e.points.length; k++) s += Math.abs(e.points[k]![0] - e.points[k - 1]![0]) + Math.abs(e.points[k]![1] - e.points[k - 1]![1]);
  return Math.round(s);
}

/** Routes that are not orthogonal (a diagonal segment): ELK's orthogonal router should give none. */
export function diagonalSegments(layout: DiagramLayout): number {
  let n = 0;
  for (const e of layout.edges) for (let k = 1; k < e.points.length; k++) if (e.points[k]![0] !== e.points[k - 1]![0] && e.points[k]![1] !== e.points[k - 1]![1]) n++;
  return n;
}
