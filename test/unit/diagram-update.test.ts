import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { comparePair, drawableSystems, viewKey, type DiagramView } from '../../src/core/diagram/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { english } from '../../src/core/l10n';
import type { DiagramPageData } from '../../src/features/diagram/data';
import { parseDiagramMessage } from '../../src/features/diagram/messages';
import { preparePage } from '../../src/features/diagram/prepare';
import { LIMITS, parseIncoming, type PageNow } from '../../src/webview/diagram/incoming';
import { carryOver, expandableRows, type PageFacts } from '../../src/webview/diagram/saved-state';
import { outlineOf, outlineWords } from '../../src/core/diagram/outline';

const kb = bundledKnowledge();
const prepared = preparePage(kb, { kind: 'system', system: 'hyperv' }, english);
// the shape diagramStrings() sends: flat strings, and the outline's words as one nested group
const strings = { selectHint: 'Select a box', stepOf: 'Step {0} of {1}', flowStopped: 'Flow stopped.', outlineOf: 'Outline of {0}', outline: outlineWords() };
const page: PageNow = { view: 'system:hyperv', token: 'a1b2c3d4e5f6', revision: 0 };
const data = (over: Partial<DiagramPageData> = {}): DiagramPageData =>
  JSON.parse(
    JSON.stringify({
      view: page.view,
      token: page.token,
      title: prepared.layout.title,
      layout: prepared.layout,
      cards: prepared.cards,
      flows: prepared.flows,
      canReveal: true,
      strings,
      revision: 1,
      settled: true,
      ...over,
    }),
  ) as DiagramPageData;
const withLayout = (f: (l: DiagramPageData['layout']) => void) => {
  const d = data();
  f(d.layout);
  return { type: 'update', data: d };
};

describe('diagram page: messages from the extension', () => {
  it('accepts select, play and an update of this page with a newer revision', () => {
    assert.deepEqual(parseIncoming({ type: 'select', id: 'hyperv.vmwp' }, page), { type: 'select', id: 'hyperv.vmwp' });
    assert.deepEqual(parseIncoming({ type: 'play', id: 'hyperv.synthetic-io', step: 2 }, page), { type: 'play', id: 'hyperv.synthetic-io', step: 2 });
    assert.deepEqual(parseIncoming({ type: 'play', id: 'hyperv.synthetic-io', step: 1.5 }, page), { type: 'play', id: 'hyperv.synthetic-io', step: 0 });
    const m = parseIncoming({ type: 'update', data: data() }, page);
    assert.equal(m?.type, 'update');
    assert.equal(m.type === 'update' && m.data.layout.nodes.length, prepared.layout.nodes.length);
    assert.ok(prepared.flows.length >= 3, 'the Hyper-V page has flows, so they are checked too');
  });

  it('accepts the page of every diagram and of the comparison', () => {
    const pair = comparePair(kb)!;
    const views: DiagramView[] = [...drawableSystems(kb).map((s) => ({ kind: 'system' as const, system: s.id })), { kind: 'compare', left: pair.left, right: pair.right }];
    for (const view of views) {
      const p = preparePage(kb, view, english);
      const key = viewKey(view);
      const d = JSON.parse(JSON.stringify({ view: key, token: page.token, title: p.layout.title, layout: p.layout, cards: p.cards, flows: p.flows, canReveal: false, strings, revision: 7, settled: false }));
      assert.equal(parseIncoming({ type: 'update', data: d }, { ...page, view: key })?.type, 'update', key);
    }
  });

  it("refuses an update for another page, an old revision, or a layout it could not draw", () => {
    const bad: unknown[] = [
      { type: 'update' },
      { type: 'update', data: null },
      { type: 'update', data: [] },
      { type: 'update', data: data(), extra: 1 },
      { type: 'update', data: data({ view: 'system:kvm' }) },
      { type: 'update', data: data({ token: 'ffffffffffff' }) },
      { type: 'update', data: data({ revision: 0 }) },
      { type: 'update', data: data({ revision: -3 }) },
      { type: 'update', data: data({ revision: 1.5 }) },
      { type: 'update', data: data({ revision: Number.MAX_SAFE_INTEGER + 2 }) },
      { type: 'update', data: data({ settled: 'yes' as unknown as boolean }) },
      { type: 'update', data: data({ title: 'x'.repeat(10 * 1024 * 1024) }) },
      { type: 'update', data: data({ cards: { 'hyperv.vmwp': 7 } as unknown as Record<string, string> }) },
      { type: 'update', data: data({ cards: { 'Not An Id': '<p>x</p>' } }) },
      { type: 'update', data: data({ flows: {} as unknown as [] }) },
      withLayout((l) => (l.nodes = Array.from({ length: LIMITS.nodes + 1 }, () => l.nodes[0]!))),
      withLayout((l) => l.nodes.push({ ...l.nodes[0]! })), // a duplicate id
      withLayout((l) => (l.nodes[0]!.x = Number.NaN)),
      withLayout((l) => (l.nodes[0]!.kind = 'script' as 'component')),
      withLayout((l) => (l.nodes[0]!.entryId = '../x')),
      withLayout((l) => (l.nodes[0]!.texts = [{ text: 7 } as unknown as (typeof l.nodes)[0]['texts'][0]])),
      withLayout((l) => (l.edges[0]!.to = 'nowhere@x')), // an edge to no box
      withLayout((l) => (l.edges[0]!.points = [[0, 0, 0] as unknown as [number, number]])),
      withLayout((l) => (l.frames = 'x' as unknown as [])),
    ];
    for (const [i, m] of bad.entries()) assert.equal(parseIncoming(m, page), undefined, `case ${i}`);
    assert.equal(parseIncoming({ type: 'update', data: data({ revision: 4 }) }, { ...page, revision: 4 }), undefined, 'the same revision again');
    // a flow step on a box the layout does not have, or with a source that is not https
    const d = data();
    d.flows[0]!.steps[0]!.nodes = ['nowhere@x'];
    assert.equal(parseIncoming({ type: 'update', data: d }, page), undefined);
    const e = data();
    e.flows[0]!.steps[0]!.source.url = 'javascript:alert(1)';
    assert.equal(parseIncoming({ type: 'update', data: e }, page), undefined);
  });

  it('checks lengths before patterns, and never throws', () => {
    const huge = 'a'.repeat(10 * 1024 * 1024);
    assert.equal(parseIncoming({ type: 'select', id: huge }, page), undefined);
    assert.equal(parseIncoming({ type: 'play', id: `${'a.'.repeat(1 << 20)}a` }, page), undefined);
    const getter = Object.defineProperty({ type: 'update' }, 'data', { enumerable: true, get: () => { throw new Error('getter'); } });
    assert.equal(parseIncoming(getter, page), undefined);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom('update', 'select', 'play'), data: fc.anything(), id: fc.anything(), step: fc.anything() }, { requiredKeys: ['type'] })), (raw) => {
        assert.doesNotThrow(() => parseIncoming(raw, page));
      }),
      { numRuns: 1000 },
    );
  });

  it('the page acknowledges the revision it drew; the extension checks that message too', () => {
    assert.deepEqual(parseDiagramMessage({ type: 'drawn', revision: 3 }), { type: 'drawn', revision: 3 });
    for (const m of [{ type: 'drawn' }, { type: 'drawn', revision: -1 }, { type: 'drawn', revision: 1.5 }, { type: 'drawn', revision: '3' }, { type: 'drawn', revision: 3, x: 1 }]) {
      assert.equal(parseDiagramMessage(m), undefined, JSON.stringify(m));
    }
  });
});

describe('diagram page: what an update keeps', () => {
  const facts = (nodes: string[], flows: PageFacts['flows'] = prepared.flows): PageFacts => ({
    view: page.view,
    token: page.token,
    nodes: new Set(nodes),
    expandable: expandableRows(outlineOf(prepared.layout)),
    flows,
  });
  const ids = prepared.layout.nodes.map((n) => n.id);
  const [a, b] = [ids[0]!, ids[1]!];
  const group = [...expandableRows(outlineOf(prepared.layout))][0]!;
  const flow = prepared.flows[0]!;
  const before = { view: page.view, token: page.token, selected: a, focused: b, zoom: { k: 1.25, x: -40, y: 12 }, fitted: false, expanded: [group], flow: { id: flow.id, step: 1 }, allEdges: true as const };

  it('keeps the selection, focus, zoom, pan, expanded rows and the flow when the boxes are still there', () => {
    assert.deepEqual(carryOver(before, facts(ids)), before);
  });

  it('drops the selection and the focus of a box that is gone, and a flow that is gone, and keeps the rest', () => {
    const after = carryOver(before, facts(ids.filter((id) => id !== a && id !== b), prepared.flows.slice(1)));
    assert.equal(after.selected, undefined);
    assert.equal(after.focused, undefined);
    assert.equal(after.flow, undefined);
    assert.deepEqual(after.zoom, before.zoom);
    assert.equal(after.fitted, false);
    assert.equal(after.allEdges, true);
    assert.deepEqual(after.expanded, [group]);
  });

  it('keeps a flow at its step only while the flow has that step', () => {
    const short = [{ id: flow.id, steps: [flow.steps[0]] }];
    assert.equal(carryOver(before, facts(ids, short)).flow, undefined);
    assert.deepEqual(carryOver({ ...before, flow: { id: flow.id, step: 0 } }, facts(ids, short)).flow, { id: flow.id, step: 0 });
  });
});
