// The Hyper-V architecture diagram in the real workbench, used the way a person would: the
// command palette, the webview's SVG, mouse and keyboard, themes, a window reload. Saves
// media/screenshots/diagram-hyperv-{dark,light}.png under `run.mjs --screenshots`.
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/workbench.mjs';
import { DIAGRAM_READY, openFile, openWorkbench, pressKey, quickPickRows, runCommand, screenshot, waitForWorkbench, webviewFrame } from './helpers.mjs';

const VIEWPORT = { width: 1600, height: 1000 };
const DIAGRAM = 'svg.diagram .node-component';

/** Entries the knowledge base places in Hyper-V's layers: every one must be drawn. */
function hypervComponents() {
  const kb = JSON.parse(readFileSync(join(ROOT, 'dist', 'knowledge.json'), 'utf8'));
  const system = kb.entries.find((e) => e.id === 'hyperv');
  const layers = new Set(system.stack.flat());
  return kb.entries.filter((e) => e.kind === 'component' && e.layers.some((l) => layers.has(l))).map((e) => e.id);
}

/** Chooses a colour theme by its label in Preferences: Color Theme. */
async function setTheme(page, label) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible' });
  await pressKey(page, 'Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => {});
}

const boxStyle = (frame, entry = 'hyperv.vmms') =>
  frame.evaluate((id) => {
    const box = document.querySelector(`.node[data-entry="${id}"] .box`);
    const cs = getComputedStyle(box);
    const text = getComputedStyle(box.parentElement.querySelector('text'));
    return { stroke: cs.stroke, fill: cs.fill, text: text.fill, theme: document.body.dataset.theme, classes: document.body.className };
  }, entry);

const active = (frame) =>
  frame.evaluate(() => {
    const el = document.activeElement?.closest?.('.node');
    if (!el) return undefined;
    // in drawing coordinates: moving the focus may pan the view to keep the box in sight
    const r = el.querySelector('.box').getBBox();
    return { id: el.dataset.id, entry: el.dataset.entry, x: r.x + r.width / 2, y: r.y + r.height / 2, tabindex: el.getAttribute('tabindex') };
  });

const zoomText = (frame) => frame.locator('#zoom-level').innerText();

describe('architecture diagram webview', function () {
  let wb;
  let frame;

  before(async () => {
    wb = await openWorkbench({ viewport: VIEWPORT });
    await runCommand(wb.page, 'Hypervisor Atlas: Show Hyper-V Architecture');
    frame = await webviewFrame(wb.page, { hasSelector: DIAGRAM });
    await frame.locator(DIAGRAM_READY).waitFor();
  });
  after(async () => {
    await wb?.close();
  });

  it('Show Hyper-V Architecture draws every Hyper-V component from the knowledge base', async () => {
    const drawn = await frame.locator('.node-component').evaluateAll((els) => els.map((e) => e.dataset.entry));
    const expected = hypervComponents();
    assert.ok(drawn.length >= expected.length && drawn.length >= 25, `${drawn.length} boxes for ${expected.length} components`);
    for (const id of expected) assert.ok(drawn.includes(id), `${id} is not drawn`);
    assert.equal(drawn.filter((id) => id === 'hyperv.vmwp').length, 2, 'one VMWP per child partition');
    assert.equal(drawn.filter((id) => id === 'hyperv.vsc').length, 1, 'a VSC in the enlightened child partition');
    assert.equal(drawn.filter((id) => id === 'hyperv.unenlightened-kernel').length, 1, 'an unenlightened child partition');
    assert.equal(await frame.locator('.node-layer').count(), 5, 'hardware, hypervisor, root, an enlightened and an unenlightened child partition');
    const emulated = await frame.locator('path.edge[data-from="hyperv.unenlightened-kernel@hyperv.child-unenlightened"]').evaluateAll((ps) => ps.map((p) => p.dataset.to));
    assert.ok(emulated.includes('hyperv.vmwp@hyperv.root~2'), `the unenlightened child's emulated devices reach its VMWP: ${emulated}`);
    assert.ok((await frame.locator('path.edge').count()) >= 20, 'connections are drawn');
  });

  it('labels VMMS, VMWP, VID, WinHv, VSP, VSC and VMBus, and names them for screen readers', async () => {
    const expected = {
      'hyperv.vmms': /VMMS/,
      'hyperv.vmwp': /VMWP/,
      'hyperv.vid': /vid/i,
      'hyperv.winhv': /winhv/i,
      'hyperv.vsp': /VSP/,
      'hyperv.vsc': /VSC/,
      'hyperv.vmbus': /vmbus/i,
    };
    for (const [id, re] of Object.entries(expected)) {
      const node = frame.locator(`.node[data-entry="${id}"]`).first();
      const label = (await node.locator('text').allTextContents()).join(' ');
      assert.match(label, re, `${id} reads "${label}"`);
      assert.equal(await node.getAttribute('role'), 'button');
      const name = await node.getAttribute('aria-label');
      assert.match(name, re);
      assert.match(name, /(Root partition|child partition · VM \d), (kernel|user) mode$/, `${id}: accessible name "${name}" gives layer and mode`);
    }
  });

  it('clicking VMWP selects it: its entry in the side panel, its connections highlighted', async () => {
    await frame.locator('.node[data-entry="hyperv.vmwp"]').first().click();
    const card = frame.locator('#card');
    await card.locator('h1').waitFor();
    assert.match(await card.locator('h1').innerText(), /Virtual Machine Worker Process/);
    const text = await card.innerText();
    assert.match(text, /Root partition/);
    assert.match(text, /Talks to/);
    assert.equal(await frame.locator('.node.selected').getAttribute('data-entry'), 'hyperv.vmwp');
    assert.equal(await frame.locator('.node.selected').getAttribute('aria-pressed'), 'true');
    assert.ok((await frame.locator('path.edge.active').count()) >= 2, 'VMMS → VMWP and VMWP → VID are highlighted');
    assert.ok((await frame.locator('.edge-label text').count()) >= 2, 'the mechanisms are labelled');
    assert.equal(await card.locator('script, iframe, [onclick]').count(), 0, 'the card holds no script');
  });

  it('a related entry in the side panel selects that box', async () => {
    await frame.locator('#card .connections a[data-entry="hyperv.vid"]').first().click();
    assert.equal(await frame.locator('.node.selected').getAttribute('data-entry'), 'hyperv.vid');
    assert.match(await frame.locator('#card h1').innerText(), /Virtualization Infrastructure Driver/);
  });

  it('arrow keys move between neighbouring boxes (roving tabindex); Enter selects', async () => {
    await frame.locator('.node[data-entry="hyperv.vmwp"]').first().click();
    const start = await active(frame);
    assert.equal(start?.entry, 'hyperv.vmwp', 'focus follows the click');
    assert.equal(start.tabindex, '0');
    assert.equal(await frame.locator('.node[tabindex="0"]').count(), 1, 'exactly one box is in the tab order');
    await pressKey(wb.page, 'ArrowRight');
    const right = await active(frame);
    assert.ok(right && right.id !== start.id && right.x > start.x, `ArrowRight moved right: ${JSON.stringify({ start, right })}`);
    await pressKey(wb.page, 'ArrowDown');
    const down = await active(frame);
    assert.ok(down && down.y > right.y, `ArrowDown moved down: ${JSON.stringify({ right, down })}`);
    await pressKey(wb.page, 'ArrowUp');
    await pressKey(wb.page, 'ArrowLeft');
    const back = await active(frame);
    assert.ok(back && back.x < down.x, 'ArrowLeft moved left');
    assert.equal(await frame.locator('.node[tabindex="0"]').count(), 1);
    const focusRing = await frame.evaluate(() => getComputedStyle(document.activeElement.querySelector('.box')).strokeWidth);
    assert.ok(parseFloat(focusRing) >= 2, `focus is visible (stroke ${focusRing})`);
    await pressKey(wb.page, 'Enter');
    assert.equal(await frame.locator('.node.selected').getAttribute('data-id'), back.id);
  });

  it('zooms with + and - and the buttons, fits with 0, pans with Shift+arrows and by dragging', async () => {
    await frame.locator('#fit').click();
    const fitted = await zoomText(frame);
    await frame.locator('.node[data-entry="hyperv.vmms"]').first().focus();
    await pressKey(wb.page, '+');
    const bigger = await zoomText(frame);
    assert.ok(parseInt(bigger) > parseInt(fitted), `${fitted} → ${bigger}`);
    await pressKey(wb.page, '-');
    await pressKey(wb.page, '-');
    assert.ok(parseInt(await zoomText(frame)) < parseInt(bigger));
    await frame.locator('#zoom-in').click();
    const transform = () => frame.locator('g.viewport').getAttribute('transform');
    const before = await transform();
    await frame.locator('.node[data-entry="hyperv.vmms"]').first().focus();
    await pressKey(wb.page, 'Shift+ArrowLeft');
    assert.notEqual(await transform(), before, 'Shift+Arrow pans');
    const stage = await frame.locator('#stage').boundingBox();
    const afterKeys = await transform();
    // drag near the stage's bottom-left corner (boundingBox is in page coordinates)
    await wb.page.mouse.move(stage.x + 6, stage.y + stage.height - 6);
    await wb.page.mouse.down();
    await wb.page.mouse.move(stage.x + 60, stage.y + stage.height - 40, { steps: 5 });
    await wb.page.mouse.up();
    assert.notEqual(await transform(), afterKeys, 'dragging pans');
    await pressKey(wb.page, '0');
    await frame.locator('#fit').click();
    assert.equal(await zoomText(frame), fitted, 'Fit to window comes back to the same zoom');
  });

  it('screenshots of the Hyper-V diagram, dark and light', async () => {
    await frame.locator('#fit').click();
    // VSP selected: its VMBus channel to the enlightened child's VSC is highlighted.
    // (Selected after each theme change: the command palette's Escape clears a selection.)
    const selectVsp = async () => {
      await frame.locator('.node[data-entry="hyperv.vsp"]').first().click();
      const targets = await frame.locator('path.edge.active').evaluateAll((ps) => ps.map((p) => p.dataset.to));
      assert.ok(targets.includes('hyperv.vsc@hyperv.child'), `VMBus channel to the VSC: ${targets}`);
      await wb.page.mouse.move(2, 2);
    };
    await setTheme(wb.page, 'Dark Modern');
    await frame.waitForFunction(() => document.body.dataset.theme === 'dark');
    await selectVsp();
    const dark = await screenshot(wb.page, 'diagram-hyperv-dark');
    await setTheme(wb.page, 'Light Modern');
    await frame.waitForFunction(() => document.body.dataset.theme === 'light');
    await selectVsp();
    const light = await screenshot(wb.page, 'diagram-hyperv-light');
    for (const f of [dark, light]) assert.ok(statSync(f).size > 30_000, `${f} looks empty`);
  });

  it('follows the theme, including both high-contrast themes', async () => {
    await setTheme(wb.page, 'Light Modern');
    await frame.waitForFunction(() => document.body.dataset.theme === 'light');
    const light = await boxStyle(frame);
    await setTheme(wb.page, 'Dark High Contrast');
    await frame.waitForFunction(() => document.body.dataset.theme === 'hc-dark');
    const hcDark = await boxStyle(frame);
    await setTheme(wb.page, 'Light High Contrast');
    await frame.waitForFunction(() => document.body.dataset.theme === 'hc-light');
    const hcLight = await boxStyle(frame);
    assert.notEqual(hcDark.stroke, light.stroke, 'box borders change in high contrast');
    assert.notEqual(hcDark.text, light.text, 'text colour changes');
    assert.notEqual(hcLight.stroke, hcDark.stroke, 'light high contrast is not drawn as dark');
    assert.notEqual(hcLight.text, hcDark.text);
    assert.match(hcLight.classes, /vscode-high-contrast-light/);
    await setTheme(wb.page, 'Dark Modern');
  });

  it('keeps the selection and the zoom across a window reload', async () => {
    await frame.locator('.node[data-entry="hyperv.vsp"]').first().click();
    await frame.locator('#zoom-in').click();
    const zoom = await zoomText(frame);
    // Developer: Reload Window goes through VS Code's shutdown, which saves the webview state
    // (a bare page.reload() may not wait for storage to flush)
    const oldFrame = frame;
    await runCommand(wb.page, 'Developer: Reload Window');
    await wb.page.waitForFunction(() => true, undefined, { timeout: 1000 }).catch(() => {});
    for (let i = 0; i < 100 && !oldFrame.isDetached(); i++) await new Promise((r) => setTimeout(r, 100));
    await waitForWorkbench(wb.page);
    frame = await webviewFrame(wb.page, { hasSelector: DIAGRAM, timeout: 30_000 });
    await frame.locator(DIAGRAM_READY).waitFor();
    const restored = await frame.evaluate(() => ({ selected: document.querySelector('.node.selected')?.getAttribute('data-entry') ?? null, zoom: document.getElementById('zoom-level')?.textContent }));
    assert.deepEqual(restored, { selected: 'hyperv.vsp', zoom }, 'the restored panel shows what was selected, at the same zoom');
    assert.equal(await frame.locator('.node.selected').getAttribute('data-entry'), 'hyperv.vsp');
    assert.match(await frame.locator('#card h1').innerText(), /Virtualization Service Provider/);
    assert.equal(await zoomText(frame), zoom);
  });

  it('Show Architecture Diagram… offers every system', async () => {
    await runCommand(wb.page, 'Hypervisor Atlas: Show Architecture Diagram…');
    const rows = await quickPickRows(wb.page);
    for (const s of ['Hyper-V', 'KVM', 'Xen', 'VMware ESXi', 'Oracle VirtualBox', 'VMware Workstation']) assert.ok(rows.some((r) => r.startsWith(s)), `${s} in ${JSON.stringify(rows)}`);
    await pressKey(wb.page, 'Escape');
  });

  it('Export SVG saves a standalone drawing where the save dialog says', async () => {
    await runCommand(wb.page, 'Hypervisor Atlas: Show Hyper-V Architecture');
    frame = await webviewFrame(wb.page, { hasSelector: 'svg[aria-label^="Hyper-V architecture"] .node-component' });
    await frame.locator('#export').click();
    // the web workbench's save dialog is a quick input holding the proposed path
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // the dialog fills in the proposed path just after it opens
    await wb.page
      .waitForFunction(() => /hyperv-architecture\.svg$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), undefined, { timeout: 5000 })
      .catch(() => {});
    assert.match(await input.inputValue(), /hyperv-architecture\.svg$/);
    await pressKey(wb.page, 'Enter');
    await wb.page.locator('.notifications-toasts', { hasText: 'Saved hyperv-architecture.svg' }).waitFor({ state: 'visible' });
    // test-web keeps writes to the mounted folder inside the workbench: open the file there.
    // VS Code shows an .svg in its image preview, which must render it as a standalone image.
    // Quick Open from the workbench (focus may still be inside the diagram's webview)
    await openFile(wb.page, 'hyperv-architecture.svg', 20_000, { textEditor: false });
    const preview = await webviewFrame(wb.page, { hasSelector: 'img' });
    const img = await preview
      .waitForFunction(() => {
        const i = document.querySelector('img');
        return i && i.complete && i.naturalWidth > 0 ? { w: i.naturalWidth, h: i.naturalHeight } : false;
      })
      .then((h) => h.jsonValue());
    assert.ok(img.w > 800 && img.h > 800, `the exported SVG renders as an image: ${JSON.stringify(img)}`);
  });
});
