// The Hyper-V diagram's default view in the real workbench: only the story edges are drawn; a
// selected box shows all of its own; "Show all connections" shows every edge.
import * as assert from 'node:assert/strict';
import { DIAGRAM_READY, openWorkbench, runCommand, webviewFrame } from './helpers.mjs';

const VIEWPORT = { width: 1600, height: 1000 };

/** The page's own edges (its embedded layout) and the ids of those the page draws now. */
const edges = (frame) =>
  frame.evaluate(() => {
    const layout = JSON.parse(document.getElementById('atlas-data').textContent).layout;
    const shown = [...document.querySelectorAll('path.edge')].filter((p) => p.checkVisibility()).map((p) => p.dataset.id);
    return { all: layout.edges, shown: shown.sort() };
  });
const sorted = (ids) => [...ids].sort();

describe('architecture diagram: story edges by default, a box\'s own on selection, all on demand', function () {
  let wb;
  let frame;

  before(async () => {
    wb = await openWorkbench({ viewport: VIEWPORT });
    await runCommand(wb.page, 'Hypervisor Atlas: Show Hyper-V Architecture');
    frame = await webviewFrame(wb.page, { hasSelector: 'svg.diagram .node-component' });
    await frame.locator(DIAGRAM_READY).waitFor();
  });
  after(async () => {
    await wb?.close();
  });

  it('opens with only the story edges drawn', async () => {
    const { all, shown } = await edges(frame);
    const story = all.filter((e) => e.story).map((e) => e.id);
    assert.ok(story.length >= 5 && story.length < all.length, `${story.length} story edges of ${all.length}`);
    assert.deepEqual(shown, sorted(story));
    assert.ok(all.some((e) => e.story && e.fromEntry === 'hyperv.vmwp' && e.toEntry === 'hyperv.vid'), 'VMWP → VID carries the story');
    assert.equal(await frame.locator('#show-all').getAttribute('aria-pressed'), 'false');
  });

  it('selecting VMWP adds its other edges, with their labels', async () => {
    await frame.locator('.node[data-entry="hyperv.vmwp"]').first().click();
    const id = await frame.locator('.node.selected').getAttribute('data-id');
    const { all, shown } = await edges(frame);
    const own = all.filter((e) => e.from === id || e.to === id);
    const extra = own.filter((e) => !e.story);
    assert.ok(extra.length >= 1, `VMWP has edges beyond the story: ${own.map((e) => e.label)}`);
    assert.deepEqual(shown, sorted(new Set([...all.filter((e) => e.story).map((e) => e.id), ...own.map((e) => e.id)])));
    const labels = await frame.locator('.edge-label text').allTextContents();
    for (const e of own) assert.ok(labels.includes(e.label), `label "${e.label}" shown: ${labels}`);
    await frame.locator('.node.selected').press('Escape');
    assert.deepEqual((await edges(frame)).shown, sorted(all.filter((e) => e.story).map((e) => e.id)), 'back to the story edges');
  });

  it('"Show all connections" is reached with Tab, pressed with Space, and shows every edge', async () => {
    await frame.locator('#fit').focus();
    await frame.locator('#fit').press('Tab');
    assert.equal(await frame.evaluate(() => document.activeElement?.id), 'show-all');
    await frame.locator('#show-all').press('Space');
    assert.equal(await frame.locator('#show-all').getAttribute('aria-pressed'), 'true');
    const { all, shown } = await edges(frame);
    assert.deepEqual(shown, sorted(all.map((e) => e.id)));
    await frame.locator('#show-all').click();
    assert.equal(await frame.locator('#show-all').getAttribute('aria-pressed'), 'false');
    assert.deepEqual((await edges(frame)).shown, sorted(all.filter((e) => e.story).map((e) => e.id)));
  });

  it('a flow step draws the edges it walks, story or not', async () => {
    const { flow, step } = await frame.evaluate(() => {
      const data = JSON.parse(document.getElementById('atlas-data').textContent);
      const story = new Set(data.layout.edges.filter((e) => e.story).map((e) => e.id));
      for (const f of data.flows) {
        const i = f.steps.findIndex((st) => st.edges.some((id) => !story.has(id)));
        if (i >= 0) return { flow: { title: f.title }, step: { index: i, edges: f.steps[i].edges } };
      }
      return {};
    });
    assert.ok(flow, 'a Hyper-V flow walks an edge that is not a story edge');
    await frame.locator('#flow-list button', { hasText: flow.title }).first().click();
    for (let i = 0; i < step.index; i++) await frame.locator('#flow-next').click();
    const { shown } = await edges(frame);
    for (const id of step.edges) assert.ok(shown.includes(id), `edge ${id} of step ${step.index + 1} is drawn`);
    await frame.locator('#flow-stop').click();
  });
});
