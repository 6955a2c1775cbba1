/**
 * Our hand-written layout against ELK's layered algorithm (elkjs), on every system diagram and
 * the Type 1 / Type 2 comparison, measured with the same quality.ts functions. Run by
 * bench/layout-vs-elk.mjs; prints one JSON line. argv[2]: JSON { runs, svgDir? }.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { comparePair, drawableSystems, layoutView, viewKey, type DiagramLayout } from '../../src/core/diagram/index';
import { buildModel } from '../../src/core/diagram/model';
import { measureLayout, storyView } from '../../src/core/diagram/quality';
import { renderSvg } from '../../src/core/diagram/svg';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { bends, diagonalSegments, edgeLength, ELK_OPTIONS, ELK_VARIANTS, fromElk, toElkGraph } from './elk';

const settings = JSON.parse(process.argv[2] ?? '{}') as { runs?: number; svgDir?: string };
const runs = Math.max(1, settings.runs ?? 3);

export interface Figures {
  edges: number;
  crossings: number;
  bends: number;
  sharedSegments: number;
  labelOverlaps: number;
  edgeLength: number;
  area: number;
  width: number;
  height: number;
  smallestLabelPx: number;
  diagonal: number;
  ms: number;
}

function figures(l: DiagramLayout, ms: number): Figures {
  const q = measureLayout(l);
  return { edges: l.edges.length, crossings: q.crossings, bends: bends(l), sharedSegments: q.sharedSegments, labelOverlaps: q.labelOverlaps, edgeLength: edgeLength(l), area: Math.round(l.width * l.height), width: Math.round(l.width), height: Math.round(l.height), smallestLabelPx: q.smallestLabelPx, diagonal: diagonalSegments(l), ms };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main() {
  const kb = bundledKnowledge();
  const elk = new ELK();
  const out: Record<string, Record<string, Figures>> = {};
  const svg = (name: string, l: DiagramLayout) => {
    if (!settings.svgDir) return;
    mkdirSync(settings.svgDir, { recursive: true });
    writeFileSync(join(settings.svgDir, `${name}.svg`), renderSvg(l));
  };
  for (const system of drawableSystems(kb)) {
    const view = { kind: 'system', system: system.id } as const;
    const oursMs: number[] = [];
    let ours!: DiagramLayout;
    for (let r = 0; r <= runs; r++) {
      const t0 = performance.now();
      ours = layoutView(kb, view);
      if (r > 0) oursMs.push(performance.now() - t0); // run 0 warms up
    }
    const model = buildModel(kb, system.id);
    const row: Record<string, Figures> = {};
    row['ours, story'] = figures(storyView(ours), median(oursMs));
    row['ours, all'] = figures(ours, median(oursMs));
    for (const variant of ELK_VARIANTS) {
      for (const which of ['story', 'all'] as const) {
        const ms: number[] = [];
        let laid!: ElkNode;
        for (let r = 0; r <= runs; r++) {
          const graph = toElkGraph(model, ours, which, variant);
          const t0 = performance.now();
          laid = await elk.layout(graph);
          if (r > 0) ms.push(performance.now() - t0);
        }
        const l = fromElk(laid, model, ours);
        row[`${variant.name}, ${which}`] = figures(l, median(ms));
        svg(`${system.id}-${variant.name.replace(/ /g, '-')}-${which}`, l);
      }
    }
    svg(`${system.id}-ours-story`, storyView(ours));
    svg(`${system.id}-ours-all`, ours);
    out[viewKey(view)] = row;
  }
  // The comparison: four stacks of boxes, no edges. ELK gets each stack as a compound node of
  // its rows (partitioned bottom up); only area and time can differ.
  const pair = comparePair(kb);
  if (pair) {
    const view = { kind: 'compare', ...pair } as const;
    const ms: number[] = [];
    let ours!: DiagramLayout;
    for (let r = 0; r <= runs; r++) {
      const t0 = performance.now();
      ours = layoutView(kb, view);
      if (r > 0) ms.push(performance.now() - t0);
    }
    const boxes = ours.nodes.filter((n) => n.kind === 'component' || n.kind === 'concept' || n.kind === 'link');
    const stacks = [...new Set(boxes.map((n) => n.layerKey!))];
    const graph: ElkNode = {
      id: 'root',
      layoutOptions: { ...ELK_OPTIONS, 'elk.partitioning.activate': 'false', 'elk.direction': 'RIGHT' },
      children: stacks.map((key) => {
        const mine = boxes.filter((n) => n.layerKey === key);
        const ys = [...new Set(mine.map((n) => n.y))].sort((a, b) => b - a);
        return {
          id: `S:${key}`,
          layoutOptions: { 'elk.direction': 'UP', 'elk.partitioning.activate': 'true', 'elk.padding': '[top=16,left=16,bottom=16,right=16]' },
          children: mine.map((n) => ({ id: n.id, width: n.w, height: n.h, layoutOptions: { 'elk.partitioning.partition': String(ys.indexOf(n.y)) } })),
        };
      }),
      edges: [],
    };
    const ems: number[] = [];
    let laid!: ElkNode;
    for (let r = 0; r <= runs; r++) {
      const t0 = performance.now();
      laid = await elk.layout(structuredClone(graph));
      if (r > 0) ems.push(performance.now() - t0);
    }
    const placed = new Map<string, ElkNode>();
    const visit = (n: ElkNode) => (placed.set(n.id, n), (n.children ?? []).forEach(visit));
    visit(laid);
    const elkLayout: DiagramLayout = {
      ...ours,
      width: laid.width!,
      height: laid.height!,
      frames: [],
      texts: [],
      nodes: boxes.map((n) => {
        const p = placed.get(n.id);
        if (!p) throw new Error(`ELK dropped box ${n.id}`);
        return { ...n, x: p.x!, y: p.y!, texts: n.texts.map((t) => ({ ...t, x: t.x + p.x! - n.x, y: t.y + p.y! - n.y })) };
      }),
    };
    out[viewKey(view)] = { 'ours, all': figures(ours, median(ms)), 'elk, all': figures(elkLayout, median(ems)) };
  }
  process.stdout.write(`${JSON.stringify({ elk: 'elkjs', options: ELK_OPTIONS, variants: ELK_VARIANTS, runs, views: out })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
