import * as assert from 'node:assert/strict';
import { comparePair, drawableSystems, layoutView, layoutViewSliced, viewKey, type DiagramView } from '../../src/core/diagram/index';
import { drain, inSlices, type Steps } from '../../src/core/diagram/steps';
import { KnowledgeIndex } from '../../src/core/knowledge/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { english } from '../../src/core/l10n';
import { diagramCards } from '../../src/features/diagram/data';
import { pageFlows } from '../../src/features/diagram/flows';
import { PreparedPages, preparePage, preparePageSteps } from '../../src/features/diagram/prepare';

const kb = bundledKnowledge();
const pair = comparePair(kb)!;
const VIEWS: DiagramView[] = [...drawableSystems(kb).map((s) => ({ kind: 'system' as const, system: s.id })), { kind: 'compare', ...pair }];
// the panel pauses with setTimeout(0); a microtask is enough to run the steps the same way
const tick = () => Promise.resolve();

/** A pause that counts how often it was awaited. */
function counting() {
  const c = { pauses: 0, pause: async () => (c.pauses++, await tick()) };
  return c;
}

describe('diagram layout in slices (issue 11)', () => {
  it('covers every system and the comparison', () => {
    assert.ok(VIEWS.length >= 7, VIEWS.map(viewKey).join(', '));
  });

  for (const view of VIEWS) {
    it(`${viewKey(view)}: the sliced layout is the synchronous one, byte for byte`, async () => {
      const c = counting();
      // 0 ms: a pause after every step, the most a layout can be cut up
      const sliced = await layoutViewSliced(kb, view, english, c.pause, 0);
      assert.equal(JSON.stringify(sliced), JSON.stringify(layoutView(kb, view)));
      // a system's layout is many steps; the comparison is drawn in one
      if (view.kind === 'system') assert.ok(c.pauses > 1, `${c.pauses} pauses`);
    });
  }

  it('the big diagrams (Hyper-V, KVM) are cut into hundreds of steps', async () => {
    // counted in steps, not milliseconds: with a 0 ms budget a slice is one step
    for (const system of ['hyperv', 'kvm']) {
      const steps = counting();
      await layoutViewSliced(kb, { kind: 'system', system }, english, steps.pause, 0);
      assert.ok(steps.pauses > 100, `${system}: ${steps.pauses} steps`);
    }
  });

  it('a page (layout, cards, flows, links) prepared in slices is the one prepared at once', async () => {
    for (const view of VIEWS) {
      const at = preparePage(kb, view, english);
      const sliced = (await inSlices(preparePageSteps(kb, view, english), tick, 0))!;
      assert.equal(JSON.stringify(sliced.layout), JSON.stringify(at.layout));
      assert.deepEqual(sliced.cards, diagramCards(kb, at.layout, english));
      assert.deepEqual(sliced.flows, pageFlows(kb, at.layout));
      assert.deepEqual([...sliced.urls].sort(), [...at.urls].sort());
      if (view.kind === 'system') assert.ok(sliced.flows.length > 0, `${viewKey(view)} has flows`);
    }
  });

  it('inSlices stops when the pause says so; drain runs the same steps at once', async () => {
    function* three(): Steps<number> {
      yield;
      yield;
      return 3;
    }
    assert.equal(drain(three()), 3);
    assert.equal(await inSlices(three(), async () => true, 0), 3);
    assert.equal(await inSlices(three(), async () => false, 0), undefined);
  });
});

describe('prepared diagram pages are kept', () => {
  const hyperv: DiagramView = { kind: 'system', system: 'hyperv' };

  it('a view is prepared once, for one knowledge base and one Translate', async () => {
    const c = counting();
    const pages = new PreparedPages(c.pause, 0);
    const first = await pages.get(kb, hyperv, english);
    const pauses = c.pauses;
    assert.ok(first && pauses > 1);
    assert.equal(await pages.get(kb, hyperv, english), first, 'the same page again');
    assert.equal(c.pauses, pauses, 'without laying it out again');
    // another knowledge base (a glossary was loaded): laid out again, the same drawing
    const other = new KnowledgeIndex({ version: 1, entries: [...kb.entries], flows: [...kb.flows], checks: [...kb.checks] });
    const again = await pages.get(other, hyperv, english);
    assert.notEqual(again, first);
    assert.equal(JSON.stringify(again!.layout), JSON.stringify(first.layout));
    // another language
    const upper = (m: string) => m.toUpperCase();
    const shouted = await pages.get(other, hyperv, upper);
    assert.notEqual(shouted, again);
    assert.notEqual(shouted!.layout.title, again!.layout.title);
  });

  it('clear forgets the pages; a page whose preparation was stopped is not kept', async () => {
    let go = true;
    const pages = new PreparedPages(async () => (await tick(), go), 0);
    const first = await pages.get(kb, hyperv, english);
    pages.clear();
    const second = await pages.get(kb, hyperv, english);
    assert.notEqual(second, first);
    pages.clear();
    go = false;
    assert.equal(await pages.get(kb, hyperv, english), undefined);
    go = true;
    const third = await pages.get(kb, hyperv, english);
    assert.ok(third);
    assert.equal(JSON.stringify(third.layout), JSON.stringify(first!.layout));
  });
});
