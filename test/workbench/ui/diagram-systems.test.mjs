// The KVM, VirtualBox and Workstation diagrams in the real workbench at 1400×900 with the side
// bar open: readable at their first zoom, drawn as issue 12 asks (libvirt above one QEMU
// process per VM, the alternatives to QEMU apart, no box twice; a Type 2 host OS with its
// kernel and user space). Screenshots for review go to test-results/screenshots/ (these are
// not README images, so `npm run screenshots` leaves them out).
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { DIAGRAM_READY, clickActivityBar, hidePanel, openWorkbench, pressKey, runCommand, screenshot, webviewFrame } from './helpers.mjs';

const VIEWPORT = { width: 1400, height: 900 };

/** Opens a system's diagram from Show Architecture Diagram…, by the title the quick pick shows. */
async function openDiagram(page, title) {
  await runCommand(page, 'Hypervisor Atlas: Show Architecture Diagram…');
  await page.locator('.quick-input-widget input').fill(title);
  // every system is listed before the filter applies: Enter must wait until the row it takes is this one
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  // an Enter the browser never acknowledged hung this test once: then click the row instead
  if (!(await pressKey(page, 'Enter', { retry: false })) && (await row.isVisible().catch(() => false))) await row.click({ timeout: 5000 });
  const frame = await webviewFrame(page, { hasSelector: `svg[aria-label^="${title} architecture"] .node-component` });
  await frame.locator(DIAGRAM_READY).waitFor();
  return frame;
}

/** The smallest rendered size, in CSS px, of the SVG texts at least partly inside the stage. */
const smallestVisible = (frame) =>
  frame.evaluate(() => {
    const stage = document.getElementById('stage').getBoundingClientRect();
    let min = Infinity;
    let count = 0;
    for (const t of document.querySelectorAll('svg.diagram text')) {
      const r = t.getBoundingClientRect();
      if (!t.textContent || r.width === 0 || r.right < stage.left || r.left > stage.right || r.bottom < stage.top || r.top > stage.bottom) continue;
      count++;
      min = Math.min(min, parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a);
    }
    return { min: Math.round(min * 100) / 100, count };
  });

/** Screen rectangles of the boxes of an entry, or of a layer's title (`layer@<key>`). */
const rects = (frame, selector) => frame.evaluate((sel) => [...document.querySelectorAll(sel)].map((n) => n.querySelector('.box').getBoundingClientRect().toJSON()), selector);

describe('system diagrams: KVM and the Type 2 systems', function () {
  let wb;

  before(async () => {
    wb = await openWorkbench({ viewport: VIEWPORT });
    await clickActivityBar(wb.page, 'Explorer');
    await hidePanel(wb.page);
  });
  after(async () => {
    await wb?.close();
  });

  it('KVM: readable at first sight, libvirt above one QEMU process, the alternatives apart, no box twice (a screenshot for review)', async () => {
    const frame = await openDiagram(wb.page, 'KVM');
    const seen = await smallestVisible(frame);
    assert.ok(seen.count > 10 && seen.min >= 11, `smallest visible label ${seen.min} px of ${seen.count}`);
    // the first view is the VM path (quality.ts initialView), not the management plane
    const inView = await frame.evaluate(() => {
      const stage = document.getElementById('stage').getBoundingClientRect();
      return [...document.querySelectorAll('.node-component')]
        .filter((n) => {
          const r = n.querySelector('.box').getBoundingClientRect();
          return r.left >= stage.left && r.right <= stage.right && r.top >= stage.top && r.bottom <= stage.bottom;
        })
        .map((n) => n.dataset.entry);
    });
    console.log(`      KVM first view: ${inView.join(', ')}`);
    // VT-x sits at the bottom edge of the 683×772 window the unit test checks (diagram-drawings); a
    // stage a few pixels shorter (code-server's) cuts it, so here only the VM path above it is required
    for (const id of ['kvm.qemu', 'kvm.vcpu-thread', 'kvm.module']) assert.ok(inView.includes(id), `${id} in the first view`);
    for (const id of ['kvm.libvirt', 'kvm.virsh']) assert.ok(!inView.includes(id), `${id} not in the first view`);
    // the view starts past the layers' left edges: their titles are pinned to the view's edge, readable
    const pins = await frame.evaluate(() => {
      const stage = document.getElementById('stage').getBoundingClientRect();
      return [...document.querySelectorAll('.pins .pin')].map((p) => {
        const r = p.getBoundingClientRect();
        return { text: p.textContent, px: parseFloat(getComputedStyle(p).fontSize), inside: r.left >= stage.left && r.top >= stage.top && r.right <= stage.right + 1 };
      });
    });
    const kernelPin = pins.find((p) => p.text === 'Host Linux kernel (with KVM)');
    assert.ok(kernelPin && kernelPin.inside && kernelPin.px >= 11, `the host kernel's title is pinned in view: ${JSON.stringify(pins)}`);
    const entries = await frame.locator('.node-component').evaluateAll((els) => els.map((e) => e.dataset.entry));
    assert.deepEqual(entries.filter((id, k) => entries.indexOf(id) !== k), [], 'no entry drawn twice');
    const [mgmt] = await rects(frame, '.node[data-id="layer@kvm.management"]');
    const [proc] = await rects(frame, '.node[data-id="layer@kvm.qemu-process"]');
    assert.ok(mgmt.bottom <= proc.top, 'the management plane above the QEMU process');
    assert.match(await frame.locator('.node[data-id="layer@kvm.qemu-process"]').getAttribute('aria-label'), /QEMU process, one per VM/);
    const [qemu] = await rects(frame, '.node[data-entry="kvm.qemu"]');
    for (const id of ['kvm.firecracker', 'kvm.cloud-hypervisor']) {
      const [alt] = await rects(frame, `.node[data-entry="${id}"]`);
      assert.ok(alt.left > qemu.right && Math.abs(alt.top - proc.top) < 200, `${id} beside QEMU, apart`);
    }
    assert.ok((await frame.locator('rect.frame-outside').count()) >= 1, 'the alternatives sit in a dashed frame');
    const f = await screenshot(wb.page, 'diagram-kvm');
    assert.ok(statSync(f).size > 30_000, `${f} looks empty`);
    // the whole drawing in view: every title is its own, nothing pinned
    await frame.locator('#fit').click();
    await frame.locator('.pins .pin').first().waitFor({ state: 'detached', timeout: 5000 });
  });

  for (const c of [
    { title: 'Oracle VirtualBox', shot: 'diagram-virtualbox', driver: 'virtualbox.vboxdrv', process: 'virtualbox.vm-process' },
    { title: 'VMware Workstation', shot: 'diagram-workstation', driver: 'workstation.vmmon', process: 'workstation.vmware-vmx' },
  ]) {
    it(`${c.title}: the host OS's kernel holds the driver, its user space the VM process (a screenshot for review)`, async () => {
      const frame = await openDiagram(wb.page, c.title);
      const seen = await smallestVisible(frame);
      assert.ok(seen.count > 10 && seen.min >= 11, `smallest visible label ${seen.min} px of ${seen.count}`);
      const bands = await frame.locator('text.t-band').allTextContents();
      assert.ok(bands.includes('host OS kernel') && bands.includes('host user space'), bands.join(', '));
      assert.ok(!bands.some((b) => /not stated/.test(b)));
      assert.match(await frame.locator(`.node[data-entry="${c.driver}"]`).getAttribute('aria-label'), /, host OS kernel$/);
      assert.match(await frame.locator(`.node[data-entry="${c.process}"]`).getAttribute('aria-label'), /, host user space$/);
      const f = await screenshot(wb.page, c.shot);
      assert.ok(statSync(f).size > 20_000, `${f} looks empty`);
    });
  }
});
