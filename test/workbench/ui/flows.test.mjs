// Guided flows in the real workbench: started from the command palette and played with the
// keyboard, and started from a hover card's "Show how it works".
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/workbench.mjs';
import { dismissHover, hoverText, openFile, openWorkbench, runCommand, webviewFrame } from './helpers.mjs';

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

describe('guided flows', function () {
  let wb;
  after(async () => {
    await wb?.close();
  });

  it('Show Flow… plays the Hyper-V synthetic I/O flow step by step with → and ←, highlighting each step\'s boxes and announcing it', async () => {
    const flow = kb().flows.find((f) => f.id === 'hyperv.synthetic-io');
    wb = await openWorkbench({ viewport: VIEWPORT });
    await runCommand(wb.page, 'Hypervisor Atlas: Show Flow…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.fill(flow.title);
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: flow.title }).first().waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    const frame = await webviewFrame(wb.page, { hasSelector: '#flow-player:not([hidden])' });
    await frame.locator('body[data-ready="true"]').waitFor();
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
      if (i < flow.steps.length - 1) await wb.page.keyboard.press('ArrowRight');
    }
    await wb.page.keyboard.press('ArrowLeft');
    assert.deepEqual((await shown(frame)).entries, flow.steps[flow.steps.length - 2].boxes, '← goes back one step');
    await wb.page.keyboard.press('Escape');
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
    await frame.locator('body[data-ready="true"]').waitFor();
    const s = await shown(frame);
    assert.ok(s.entries.includes('hyperv.vsp'), `highlighted: ${s.entries.join(', ')}`);
    const title = await frame.locator('#flow-title').innerText();
    const flow = kb().flows.find((f) => f.title === title);
    assert.ok(flow, `a flow titled "${title}"`);
    const first = flow.steps.findIndex((st) => st.boxes.includes('hyperv.vsp') || st.entry === 'hyperv.vsp');
    assert.equal(s.count, `Step ${first + 1} of ${flow.steps.length}`);
  });
});
