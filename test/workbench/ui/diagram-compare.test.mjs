// Compare Type 1 and Type 2, and the outline beside every diagram, in the real workbench at
// the size the issue names (1400×900, side bar open): readable labels, where Hyper-V sits,
// the links into real systems' diagrams, the ARIA tree by keyboard, both high-contrast themes.
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { clickActivityBar, DIAGRAM_READY, hidePanel, openWorkbench, pressKey, runCommand, screenshot, webviewFrame } from './helpers.mjs';

const VIEWPORT = { width: 1400, height: 900 };
const COMPARE = '.node[data-id="hyperv|heading"]';

async function setTheme(page, label) {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible' });
  await pressKey(page, 'Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => {});
}

/** Every SVG text that is at least partly inside the stage, with its rendered size in CSS px. */
const visibleLabels = (frame) =>
  frame.evaluate(() => {
    const stage = document.getElementById('stage').getBoundingClientRect();
    const out = [];
    for (const t of document.querySelectorAll('svg.diagram text')) {
      const r = t.getBoundingClientRect();
      if (!t.textContent || r.width === 0 || r.right < stage.left || r.left > stage.right || r.bottom < stage.top || r.top > stage.bottom) continue;
      const px = parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a;
      const whole = r.left >= stage.left - 1 && r.right <= stage.right + 1 && r.top >= stage.top - 1 && r.bottom <= stage.bottom + 1;
      out.push({ text: t.textContent, px: Math.round(px * 100) / 100, whole });
    }
    return { stage: { w: Math.round(stage.width), h: Math.round(stage.height) }, zoom: document.getElementById('zoom-level').textContent, labels: out };
  });

const focused = (frame) =>
  frame.evaluate(() => {
    const el = document.activeElement;
    if (!el || el.getAttribute('role') !== 'treeitem') return undefined;
    return { item: el.dataset.item, level: el.getAttribute('aria-level'), expanded: el.getAttribute('aria-expanded'), posinset: el.getAttribute('aria-posinset'), setsize: el.getAttribute('aria-setsize'), label: el.textContent };
  });

/**
 * Clicks a box as a user would: if the initial view (kept readable, so it may not show the whole
 * drawing) leaves the box outside the panel, first drags the drawing until the box is in view.
 */
async function clickInDrawing(page, frame, locator) {
  const stage = await frame.locator('#stage').boundingBox({ timeout: 10_000 });
  const box = await locator.boundingBox({ timeout: 10_000 });
  const inside = box.x >= stage.x && box.y >= stage.y && box.x + box.width <= stage.x + stage.width && box.y + box.height <= stage.y + stage.height;
  if (!inside) {
    const from = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
    const dx = from.x - (box.x + box.width / 2);
    const dy = from.y - (box.y + box.height / 2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
    await page.mouse.up();
  }
  await locator.click({ timeout: 10_000 });
}

describe('Type 1 / Type 2 comparison and the diagram outline', function () {
  let wb;
  let frame;

  before(async () => {
    wb = await openWorkbench({ viewport: VIEWPORT });
    await clickActivityBar(wb.page, 'Explorer');
    await hidePanel(wb.page);
    await runCommand(wb.page, 'Hypervisor Atlas: Compare Type 1 and Type 2');
    frame = await webviewFrame(wb.page, { hasSelector: COMPARE });
    await frame.locator(DIAGRAM_READY).waitFor();
  });
  after(async () => {
    await wb?.close();
  });

  it('opens readable at 1400×900 with the side bar: every visible label at least 11 px, all four stacks in view', async () => {
    assert.ok(await wb.page.locator('.part.sidebar').isVisible(), 'the side bar is open');
    const seen = await visibleLabels(frame);
    const smallest = Math.min(...seen.labels.map((l) => l.px));
    console.log(`      stage ${seen.stage.w}×${seen.stage.h}, zoom ${seen.zoom}, ${seen.labels.length} labels visible, smallest ${smallest} px, ${seen.labels.filter((l) => !l.whole).length} cut by the edge`);
    assert.ok(smallest >= 11, `smallest visible label ${smallest} px: ${JSON.stringify(seen.labels.filter((l) => l.px < 11).slice(0, 5))}`);
    assert.deepEqual(seen.labels.filter((l) => !l.whole).map((l) => l.text), [], 'no label cut by the edge of the stage');
    for (const l of ['Host processes', '(non-VM)', 'Host drivers', 'KVM module']) assert.ok(seen.labels.some((x) => x.text === l && x.whole), `"${l}" is in view`);
    for (const h of ['Type 1: bare metal', 'Type 2: hosted', 'Where Hyper-V really sits', 'KVM: Type 1 or Type 2?']) {
      assert.ok(seen.labels.some((l) => l.text === h && l.whole), `heading "${h}" is in view`);
    }
  });

  it('draws the root partition beside the child partitions, above the hypervisor', async () => {
    const pos = await frame.evaluate(() => {
      const rect = (entry) => [...document.querySelectorAll(`.node[data-id^="hyperv|"][data-entry="${entry}"] .box`)].map((b) => b.getBoundingClientRect());
      return { root: rect('hyperv.root-partition'), children: rect('hyperv.child-partition'), hv: rect('hyperv.windows-hypervisor') };
    });
    assert.equal(pos.root.length, 1);
    assert.equal(pos.children.length, 2);
    for (const c of pos.children) {
      assert.ok(Math.abs(c.top - pos.root[0].top) < 1, 'children on the root partition row');
      assert.ok(c.left > pos.root[0].right, 'beside it, to the right');
    }
    assert.ok(pos.root[0].bottom <= pos.hv[0].top, 'above the hypervisor');
    assert.match(await frame.locator('.node[data-id="hyperv|heading"]').getAttribute('aria-label'), /root partition, beside the child partitions/);
  });

  it('the outline is an ARIA tree with a roving tabindex, browsed with the arrow keys', async () => {
    const tree = frame.locator('[role="tree"]');
    assert.match(await tree.getAttribute('aria-label'), /Outline of Type 1 and Type 2 compared/);
    assert.equal(await tree.locator('[role="treeitem"][tabindex="0"]').count(), 1, 'one item in the tab order');
    await tree.locator('[role="treeitem"][tabindex="0"]').focus({ timeout: 10_000 });
    let f = await focused(frame);
    assert.deepEqual([f.item, f.level, f.expanded, f.posinset, f.setsize], ['g:type1', '1', 'false', '1', '4']);
    await pressKey(wb.page, 'ArrowDown');
    await pressKey(wb.page, 'ArrowDown');
    f = await focused(frame);
    assert.equal(f.item, 'g:hyperv');
    await pressKey(wb.page, 'ArrowRight');
    assert.equal((await focused(frame)).expanded, 'true', 'ArrowRight opens the stack');
    await pressKey(wb.page, 'ArrowRight');
    f = await focused(frame);
    assert.equal(f.level, '2', 'the second ArrowRight moves to its first box');
    assert.match(f.label, /Root partition/);
    assert.equal(await tree.locator('[role="treeitem"][tabindex="0"]').count(), 1);
    await pressKey(wb.page, 'Enter');
    const selected = await frame.locator('.node.selected').first();
    assert.equal(await selected.getAttribute('data-entry'), 'hyperv.root-partition', 'Enter selects the box in the drawing');
    assert.match(await frame.locator('#card h1').innerText(), /Root partition/);
    assert.equal(await tree.locator('[aria-selected="true"]').count(), 1);
    assert.equal((await focused(frame)).item, f.item, 'focus stays in the outline');
    await pressKey(wb.page, 'ArrowLeft');
    assert.equal((await focused(frame)).item, 'g:hyperv', 'ArrowLeft goes back to the stack');
    await pressKey(wb.page, 'ArrowLeft');
    assert.equal((await focused(frame)).expanded, 'false', 'and closes it');
    await pressKey(wb.page, 'End');
    assert.equal((await focused(frame)).item, 'g:kvm');
    await pressKey(wb.page, 'Home');
    assert.equal((await focused(frame)).item, 'g:type1');
  });

  it('a box selected in the drawing is marked in the outline; selection is not shown by colour alone', async () => {
    await clickInDrawing(wb.page, frame, frame.locator('.node[data-id^="kvm|"][data-entry="kvm.module"]'));
    const item = frame.locator('[role="treeitem"][aria-selected="true"]');
    assert.match(await item.innerText(), /kvm\.ko/);
    assert.equal(await item.getAttribute('aria-level'), '2');
    const style = await frame.evaluate(() => {
      const box = getComputedStyle(document.querySelector('.node.selected .box'));
      const li = getComputedStyle(document.querySelector('[role="treeitem"][aria-selected="true"]'));
      return { stroke: parseFloat(box.strokeWidth), weight: li.fontWeight, bar: parseFloat(li.borderLeftWidth) };
    });
    assert.ok(style.stroke >= 3, `selected box border ${style.stroke}px`);
    assert.ok(Number(style.weight) >= 600 && style.bar >= 3, JSON.stringify(style));
  });

  it('stays legible in both high-contrast themes', async () => {
    const look = () =>
      frame.evaluate(() => {
        const box = getComputedStyle(document.querySelector('.node.selected .box'));
        const plainBox = getComputedStyle(document.querySelector('.node-component:not(.selected):not(.linked):not(.same-entry) .box'));
        const caption = getComputedStyle(document.querySelector('text.t-caption'));
        const bg = getComputedStyle(document.body).backgroundColor;
        return { theme: document.body.dataset.theme, selected: box.stroke, selectedWidth: parseFloat(box.strokeWidth), border: plainBox.stroke, caption: caption.fill, bg };
      });
    const results = {};
    for (const [label, kind] of [
      ['Dark High Contrast', 'hc-dark'],
      ['Light High Contrast', 'hc-light'],
    ]) {
      await setTheme(wb.page, label);
      await frame.waitForFunction((k) => document.body.dataset.theme === k, kind);
      // the command palette's Escape may have cleared the selection: select again
      await clickInDrawing(wb.page, frame, frame.locator('.node[data-id^="kvm|"][data-entry="kvm.module"]'));
      results[kind] = await look();
      await screenshot(wb.page, `diagram-compare-types-${kind}`);
      const r = results[kind];
      assert.ok(r.selectedWidth >= 4, `${kind}: selected border ${r.selectedWidth}px`);
      assert.notEqual(r.border, r.bg, `${kind}: box borders show against the background`);
      assert.notEqual(r.caption, r.bg, `${kind}: captions show`);
    }
    assert.notEqual(results['hc-dark'].caption, results['hc-light'].caption, 'light high contrast is not drawn as dark');
    await setTheme(wb.page, 'Dark Modern');
  });

  it('screenshot of the comparison', async () => {
    await frame.locator('#fit').focus();
    await pressKey(wb.page, 'Escape');
    const file = await screenshot(wb.page, 'diagram-compare-types');
    assert.ok(statSync(file).size > 30_000, `${file} looks empty`);
  });

  it('each stack links to the full diagram of a real system, by mouse and from the outline', async () => {
    // every wait is bounded, so a step that does not happen says which one it was; the theme
    // tests before this one may have drawn the page again: take its frame afresh
    frame = await webviewFrame(wb.page, { hasSelector: COMPARE });
    await frame.locator(DIAGRAM_READY).waitFor({ timeout: 15_000 });
    await clickInDrawing(wb.page, frame, frame.locator('.node[data-id="hyperv|link"]'));
    const hyperv = await webviewFrame(wb.page, { hasSelector: '.node[data-id="system@hyperv"]' });
    await hyperv.locator(DIAGRAM_READY).waitFor({ timeout: 15_000 });
    assert.ok(await hyperv.locator('[role="tree"] [role="treeitem"]').count() > 3, 'the Hyper-V diagram has its outline too');
    // layers → components → connections: open a layer, then a component, then take a connection
    await hyperv.locator('[role="tree"] [role="treeitem"][tabindex="0"]').focus({ timeout: 10_000 });
    await pressKey(wb.page, 'ArrowRight');
    await pressKey(wb.page, 'ArrowRight');
    for (let i = 0; i < 20 && (await focused(hyperv))?.expanded !== 'false'; i++) await pressKey(wb.page, 'ArrowDown');
    const component = await focused(hyperv);
    assert.equal(component.level, '2', JSON.stringify(component));
    await pressKey(wb.page, 'ArrowRight');
    await pressKey(wb.page, 'ArrowRight');
    const connection = await focused(hyperv);
    assert.equal(connection.level, '3', 'a connection, one level below its component');
    assert.match(connection.label, /^(to|from) .+: /);
    await pressKey(wb.page, 'Enter');
    assert.equal(await hyperv.locator('.node.selected').count(), 1, 'Enter on a connection selects the box at its other end');
    await runCommand(wb.page, 'Hypervisor Atlas: Compare Type 1 and Type 2');
    frame = await webviewFrame(wb.page, { hasSelector: COMPARE });
    // the comparison's page is drawn again when its tab comes back: wait until it is ready
    await frame.locator(DIAGRAM_READY).waitFor({ timeout: 15_000 });
    const tree = frame.locator('[role="tree"]');
    await tree.locator('[role="treeitem"][tabindex="0"]').focus({ timeout: 10_000 });
    await pressKey(wb.page, 'End');
    await pressKey(wb.page, 'ArrowRight');
    for (let i = 0; i < 12; i++) {
      const f = await focused(frame);
      if (/Open the full KVM diagram/.test(f.label)) break;
      await pressKey(wb.page, 'ArrowDown');
    }
    assert.match((await focused(frame)).label, /Open the full KVM diagram/);
    await pressKey(wb.page, 'Enter');
    const kvm = await webviewFrame(wb.page, { hasSelector: '.node[data-id="system@kvm"]' });
    await kvm.locator(DIAGRAM_READY).waitFor({ timeout: 15_000 });
  });
});
