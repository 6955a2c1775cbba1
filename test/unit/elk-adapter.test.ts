import * as assert from 'node:assert/strict';
import ELK from 'elkjs/lib/elk.bundled.js';
import { bends, edgeLength, fromElk, toElkGraph } from '../../bench/src/elk';
import { layoutView } from '../../src/core/diagram/index';
import { buildModel } from '../../src/core/diagram/model';
import type { DiagramLayout, Rect } from '../../src/core/diagram/types';
import { bundledKnowledge } from '../../src/core/knowledge/load';

// bench/layout-vs-elk.mjs measures ELK's drawing with quality.ts: the conversion must keep every box and edge
const kb = bundledKnowledge();
const onBorder = ([x, y]: [number, number], r: Rect) => (x >= r.x - 1 && x <= r.x + r.w + 1 && (Math.abs(y - r.y) <= 1 || Math.abs(y - r.y - r.h) <= 1)) || (y >= r.y - 1 && y <= r.y + r.h + 1 && (Math.abs(x - r.x) <= 1 || Math.abs(x - r.x - r.w) <= 1));

describe('ELK adapter (bench only)', function () {
  this.timeout(20000);
  const ours = layoutView(kb, { kind: 'system', system: 'xen' });
  const model = buildModel(kb, 'xen');
  const boxes = (l: DiagramLayout) => l.nodes.filter((n) => n.kind === 'component' || n.kind === 'outside');

  for (const which of ['story', 'all'] as const) {
    it(`${which} edges: every box and edge survives, routes are orthogonal and end on their boxes`, async () => {
      const laid = fromElk(await new ELK().layout(toElkGraph(model, ours, which)), model, ours);
      assert.deepEqual(boxes(laid).map((n) => n.id).sort(), boxes(ours).map((n) => n.id).sort());
      const expected = ours.edges.filter((e) => which === 'all' || e.story);
      assert.deepEqual(laid.edges.map((e) => e.id).sort(), expected.map((e) => e.id).sort());
      const byId = new Map(laid.nodes.map((n) => [n.id, n]));
      for (const e of laid.edges) {
        for (let k = 1; k < e.points.length; k++) assert.ok(e.points[k]![0] === e.points[k - 1]![0] || e.points[k]![1] === e.points[k - 1]![1], `${e.id} orthogonal`);
        assert.ok(onBorder(e.points[0]!, byId.get(e.from)!), `${e.id} starts on ${e.from}`);
        assert.ok(onBorder(e.points[e.points.length - 1]!, byId.get(e.to)!), `${e.id} ends on ${e.to}`);
      }
      // boxes do not overlap, and each lies inside its layer's frame
      const bs = boxes(laid);
      for (let i = 0; i < bs.length; i++) for (let j = i + 1; j < bs.length; j++) {
        const [a, b] = [bs[i]!, bs[j]!];
        assert.ok(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), `${a.id} overlaps ${b.id}`);
      }
      for (const n of bs) {
        const f = laid.frames.find((x) => x.id === `frame@${n.layerKey}`)!;
        assert.ok(n.x >= f.x && n.y >= f.y && n.x + n.w <= f.x + f.w && n.y + n.h <= f.y + f.h, `${n.id} inside its layer`);
      }
    });
  }

  it('bends and edge length count what the routes draw', () => {
    const l = { ...ours, edges: [{ ...ours.edges[0]!, points: [[0, 0], [0, 10], [5, 10], [5, 10], [5, 20], [5, 30]] as [number, number][] }] };
    assert.equal(bends(l), 2);
    assert.equal(edgeLength(l), 35);
  });
});
