import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { layoutView } from '../../src/core/diagram/index';
import { outlineOf, type OutlineItem } from '../../src/core/diagram/outline';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { pageFlows } from '../../src/features/diagram/flows';
import { expandableRows, MAX_EXPANDED, readSavedState, type PageFacts } from '../../src/webview/diagram/saved-state';

const kb = bundledKnowledge();
const layout = layoutView(kb, { kind: 'system', system: 'hyperv' });
const tree = outlineOf(layout);
const flows = pageFlows(kb, layout);
const page: PageFacts = { view: 'system:hyperv', token: 'a1b2c3d4e5f6', nodes: new Set(layout.nodes.map((n) => n.id)), expandable: expandableRows(tree), flows };

const all = (items: readonly OutlineItem[]): OutlineItem[] => items.flatMap((i) => [i, ...all(i.children)]);
const group = tree.find((g) => g.children.some((c) => c.children.length))!;
const box = group.children.find((c) => c.children.length)!;
const leaf = all(tree).find((i) => !i.children.length)!;
const flow = flows[0]!;
const node = layout.nodes[0]!.id;
const base = { view: page.view, token: page.token, fitted: true };

describe('diagram page: the state it saves and reads back', () => {
  it('reads back what the page wrote: selection, focus, zoom, expanded rows and the flow at its step', () => {
    const saved = { ...base, selected: node, focused: node, zoom: { k: 1.5, x: -20, y: 8 }, fitted: false, expanded: [group.id, box.id], flow: { id: flow.id, step: 1 }, allEdges: true };
    assert.deepEqual(readSavedState(JSON.parse(JSON.stringify(saved)), page), saved);
  });

  it('starts clean for another panel (another token) or another view', () => {
    const saved = { ...base, expanded: [group.id], flow: { id: flow.id, step: 1 } };
    assert.equal(readSavedState({ ...saved, token: 'ffffffffffff' }, page), undefined);
    assert.equal(readSavedState({ ...saved, view: 'system:kvm' }, page), undefined);
    for (const raw of [undefined, null, 'x', 42, [], [saved]]) assert.equal(readSavedState(raw, page), undefined);
  });

  it('keeps only outline rows this page can expand, once each', () => {
    const s = readSavedState({ ...base, expanded: [box.id, 'g:nope', leaf.id, box.id, 7, null, group.id, 'x'.repeat(1 << 20)] }, page);
    assert.deepEqual(s?.expanded, [box.id, group.id]);
    assert.equal(readSavedState({ ...base, expanded: group.id }, page)?.expanded, undefined, 'not an array');
    assert.equal(readSavedState({ ...base, expanded: [] }, page)?.expanded, undefined);
  });

  it('drops an expanded list longer than the page could have written', () => {
    const many = Array.from({ length: MAX_EXPANDED + 1 }, () => group.id);
    assert.equal(readSavedState({ ...base, expanded: many }, page)?.expanded, undefined);
    assert.ok(page.expandable.size < MAX_EXPANDED, `${page.expandable.size} expandable rows fit the bound`);
  });

  it('keeps a flow only if the page has it and the step is in range', () => {
    const last = flow.steps.length - 1;
    assert.deepEqual(readSavedState({ ...base, flow: { id: flow.id, step: last } }, page)?.flow, { id: flow.id, step: last });
    assert.deepEqual(readSavedState({ ...base, flow: { id: flow.id, step: 0 } }, page)?.flow, { id: flow.id, step: 0 });
    for (const bad of [
      { id: flow.id, step: last + 1 },
      { id: flow.id, step: -1 },
      { id: flow.id, step: 1.5 },
      { id: flow.id, step: '1' },
      { id: flow.id, step: Number.NaN },
      { id: flow.id },
      { id: 'kvm.run-loop', step: 0 },
      { id: 'no.such-flow', step: 0 },
      flow.id,
      null,
    ]) {
      const s = readSavedState({ ...base, selected: node, flow: bad }, page);
      assert.equal(s?.flow, undefined, JSON.stringify(bad));
      assert.equal(s?.selected, node, 'the rest of the state stays');
    }
  });

  it('drops boxes the page no longer draws and zooms out of range', () => {
    const s = readSavedState({ ...base, selected: 'hyperv.gone@hyperv.root', focused: 42, zoom: { k: 99, x: 0, y: 0 }, fitted: false }, page);
    assert.deepEqual(s, { ...base, fitted: true });
  });

  it('never throws and never returns an id the page does not have, whatever it is given', () => {
    const hostile = Object.defineProperty({ ...base }, 'flow', { enumerable: true, get: () => { throw new Error('getter'); } });
    assert.equal(readSavedState(hostile, page), undefined);
    const ids = fc.constantFrom(group.id, box.id, leaf.id, node, flow.id, 'g:nope', '');
    const state = fc.record(
      {
        view: fc.oneof(fc.constant(page.view), fc.string()),
        token: fc.oneof(fc.constant(page.token), fc.string()),
        selected: fc.oneof(ids, fc.anything()),
        focused: fc.oneof(ids, fc.anything()),
        zoom: fc.oneof(fc.record({ k: fc.double(), x: fc.double(), y: fc.double() }), fc.anything()),
        fitted: fc.anything(),
        expanded: fc.oneof(fc.array(fc.oneof(ids, fc.anything())), fc.anything()),
        flow: fc.oneof(fc.record({ id: fc.oneof(ids, fc.anything()), step: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.anything()) }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(state, fc.anything()), (raw) => {
        const s = readSavedState(raw, page);
        if (!s) return;
        assert.equal(s.view, page.view);
        assert.equal(s.token, page.token);
        if (s.selected !== undefined) assert.ok(page.nodes.has(s.selected));
        if (s.focused !== undefined) assert.ok(page.nodes.has(s.focused));
        for (const id of s.expanded ?? []) assert.ok(page.expandable.has(id));
        if (s.flow) {
          const f = flows.find((x) => x.id === s.flow!.id);
          assert.ok(f && Number.isInteger(s.flow.step) && s.flow.step >= 0 && s.flow.step < f.steps.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lists as expandable every row with children and no other', () => {
    const rows = all(tree);
    assert.deepEqual([...page.expandable].sort(), rows.filter((i) => i.children.length).map((i) => i.id).sort());
    assert.ok(page.expandable.has(group.id) && page.expandable.has(box.id) && !page.expandable.has(leaf.id));
  });
});
