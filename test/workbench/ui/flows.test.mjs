// Guided flows in the real workbench: started from the command palette and played with the
// keyboard, started from a hover card's "Show how it works", and kept (with the outline's
// expanded rows) when the panel is hidden and shown and when the window reloads.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/workbench.mjs';
import { DIAGRAM_READY, dismissHover, hoverText, openFile, openWorkbench, pressKey, runCommand, screenshot, waitForWorkbench, webviewFrame } from './helpers.mjs';

const VIEWPORT = { width: 1400, height: 900 };
const kb = () => JSON.parse(readFileSync(join(ROOT, 'dist', 'knowledge.json'), 'utf8'));

/** What the page highlights now: the entries of the outlined boxes in badge order, the count line, the announcement. */
const shown = (frame) =>
  frame.evaluate(() => ({
    entries: [...document.querySelectorAll('.node.flow-on')].sort((a, b) => Number(a.dataset.flowOrder) - Number(b.dataset.flowOrder)).map((n) => n.dataset.entry),
    current: [...document.querySelectorAll('.node[aria-current="step"]')].length,
    badges: [...document.querySelectorAll('.flow-badge text')].map((t) => t.textContent),
    edges: document.querySelectorAll('path.edge.flow-on').length,
    count: document.getElementById('flow-count').textContent,
    live: document.getElementById('flow-live').textContent,
    playerFocused: document.activeElement?.id === 'flow-player' || !!document.activeElement?.closest?.('#flow-player'),
  }));

/** Show Flow… with a flow's title typed, as a person picks it; returns the diagram's frame. */
async function showFlow(page, flow) {
  await runCommand(page, 'Hypervisor Atlas: Show Flow…');
  await page.locator('.quick-input-widget input').fill(flow.title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: flow.title }).first().waitFor({ state: 'visible' });
  await pressKey(page, 'Enter');
  const frame = await webviewFrame(page, { hasSelector: '#flow-player:not([hidden])' });
  await frame.locator(DIAGRAM_READY).waitFor();
  return frame;
}

/** The expanded rows of the outline, in order. */
const expandedRows = (frame) => frame.locator('[role="treeitem"][aria-expanded="true"]').evaluateAll((els) => els.map((e) => e.dataset.item));

/** Waits for the old webview frame to go and the diagram's new one to be ready. */
async function nextFrame(page, old, hasSelector) {
  for (let i = 0; i < 100 && !old.isDetached(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(old.isDetached(), 'the webview was destroyed (its context is not retained), so what follows is restored from its saved state');
  const frame = await webviewFrame(page, { hasSelector, timeout: 30_000 });
  await frame.locator(DIAGRAM_READY).waitFor();
  return frame;
}

describe('guided flows', function () {
  let wb;
  after(async () => {
    await wb?.close();
  });

  it('Show Flow… plays the Hyper-V synthetic I/O flow step by step with → and ←, highlighting each step\'s boxes and announcing it', async () => {
    const flow = kb().flows.find((f) => f.id === 'hyperv.synthetic-io');
    wb = await openWorkbench({ viewport: VIEWPORT });
    const frame = await showFlow(wb.page, flow);
    assert.match(await frame.locator('#diagram-title').innerText(), /^Hyper-V/);

    for (let i = 0; i < flow.steps.length; i++) {
      const s = await shown(frame);
      const step = flow.steps[i];
      assert.deepEqual(s.entries, step.boxes, `step ${i + 1}`);
      assert.equal(s.current, step.boxes.length, `step ${i + 1}: aria-current on every box`);
      assert.deepEqual(s.badges, step.boxes.map((_, k) => String(k + 1)), `step ${i + 1}: numbered badges`);
      assert.equal(s.edges, step.boxes.length - 1, `step ${i + 1}: the edges between the boxes`);
      assert.equal(s.count, `Step ${i + 1} of ${flow.steps.length}`);
      assert.equal(s.live, `${flow.title}, step ${i + 1} of ${flow.steps.length}: ${step.text}`);
      assert.ok(s.playerFocused, `step ${i + 1}: the keyboard stays in the player`);
      // the README's picture of a flow playing: the VMBus step, at the page's readable zoom
      if (i === 2) await screenshot(wb.page, 'diagram-hyperv-flow');
      if (i < flow.steps.length - 1) await pressKey(wb.page, 'ArrowRight');
    }
    await pressKey(wb.page, 'ArrowLeft');
    assert.deepEqual((await shown(frame)).entries, flow.steps[flow.steps.length - 2].boxes, '← goes back one step');
    await pressKey(wb.page, 'Escape');
    const stopped = await shown(frame);
    assert.deepEqual(stopped.entries, []);
    assert.equal(stopped.live, 'Flow stopped.');
    assert.ok(await frame.locator('#flow-list button', { hasText: flow.title }).isVisible(), 'the flow list is back');
  });

  it('"Show how it works" in the VSP hover card opens the Hyper-V diagram playing a flow at a step that shows the VSP', async () => {
    await wb?.close();
    wb = await openWorkbench({ viewport: VIEWPORT });
    await openFile(wb.page, 'hyperv/hyper-v-architecture.md');
    const text = await hoverText(wb.page, 'VSP');
    assert.match(text, /Show how it works/);
    await wb.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Show how it works' }).first().click();
    await dismissHover(wb.page);
    const frame = await webviewFrame(wb.page, { hasSelector: '#flow-player:not([hidden])' });
    await frame.locator(DIAGRAM_READY).waitFor();
    const s = await shown(frame);
    assert.ok(s.entries.includes('hyperv.vsp'), `highlighted: ${s.entries.join(', ')}`);
    const title = await frame.locator('#flow-title').innerText();
    const flow = kb().flows.find((f) => f.title === title);
    assert.ok(flow, `a flow titled "${title}"`);
    const first = flow.steps.findIndex((st) => st.boxes.includes('hyperv.vsp') || st.entry === 'hyperv.vsp');
    assert.equal(s.count, `Step ${first + 1} of ${flow.steps.length}`);
  });

  it('the step playing and the expanded outline rows come back after the panel is hidden and shown, and after a window reload', async () => {
    await wb?.close();
    const flow = kb().flows.find((f) => f.id === 'hyperv.synthetic-io');
    wb = await openWorkbench({ viewport: VIEWPORT });
    const { page } = wb;
    let frame = await showFlow(page, flow);
    await pressKey(page, 'ArrowRight');
    const step2 = {
      entries: flow.steps[1].boxes,
      count: `Step 2 of ${flow.steps.length}`,
      live: `${flow.title}, step 2 of ${flow.steps.length}: ${flow.steps[1].text}`,
    };
    const atStep2 = (s) => ({ entries: s.entries, count: s.count, live: s.live, current: s.current, badges: s.badges.length });
    const expected = { ...step2, current: step2.entries.length, badges: step2.entries.length };
    assert.deepEqual(atStep2(await shown(frame)), expected, 'step 2 plays');

    // expand a layer with the keyboard, then a box inside it with its twisty
    const tree = frame.locator('[role="tree"]');
    await tree.locator('[role="treeitem"][tabindex="0"]').focus();
    await pressKey(page, 'ArrowRight');
    const group = await tree.locator('[role="treeitem"][tabindex="0"]').getAttribute('data-item');
    // a bundled entry's box: the workspace's glossary may load after a reload has drawn the page
    const bundled = new Set(kb().entries.map((e) => e.id));
    const rows = await tree.locator('[role="treeitem"][aria-level="2"][aria-expanded="false"]').evaluateAll((els) => els.map((e) => e.dataset.item));
    const boxId = rows.find((id) => bundled.has(id.replace(/^n:/, '').split('@')[0]));
    const box = tree.locator(`[role="treeitem"][data-item="${boxId}"]`);
    await box.locator('.twisty').click();
    assert.deepEqual(await expandedRows(frame), [group, boxId], 'a layer and a box in it are expanded');
    assert.deepEqual(atStep2(await shown(frame)), expected, 'expanding rows leaves the flow alone');

    // hidden: another editor in the panel's group; shown again: its tab
    const tab = page.locator('.tabs-container .tab', { hasText: 'architecture' }).first();
    const title = (await tab.innerText()).trim();
    await openFile(page, 'hyperv/lab-setup.ps1');
    let old = frame;
    await page.locator('.tabs-container .tab', { hasText: title }).first().click();
    frame = await nextFrame(page, old, '#flow-player:not([hidden])');
    assert.deepEqual(atStep2(await shown(frame)), expected, 'hidden and shown: the same step, highlighted and announced');
    assert.deepEqual(await expandedRows(frame), [group, boxId], 'hidden and shown: the same rows expanded');

    // Developer: Reload Window saves the webview state on the way down (see diagram.test.mjs)
    old = frame;
    await runCommand(page, 'Developer: Reload Window');
    await waitForWorkbench(page);
    frame = await nextFrame(page, old, '#flow-player:not([hidden])');
    assert.deepEqual(atStep2(await shown(frame)), expected, 'reloaded: the same step, highlighted and announced');
    assert.deepEqual(await expandedRows(frame), [group, boxId], 'reloaded: the same rows expanded');
    assert.equal(await frame.locator('#flow-title').innerText(), flow.title);
    // and it plays on from there
    await frame.locator('#flow-next').click();
    assert.equal((await shown(frame)).count, `Step 3 of ${flow.steps.length}`);
  });
});
