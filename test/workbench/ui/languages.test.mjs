// VMware VMX and Xen xl.cfg in the real workbench, as a person meets them: open a sample,
// read the language mode in the status bar, hover a key and read its card. The .vmx hover is
// saved as media/screenshots/vmx-hover.png under `run.mjs --screenshots` (`npm run screenshots`).
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { dismissHover, hoverText, lineOf, openFile, openWorkbench, revealLine, screenshot } from './helpers.mjs';

const VMX = 'vmware/ubuntu-server.vmx';

/** The language mode shown in the status bar for the active editor. */
async function languageMode(page, expected, timeout = 15_000) {
  const item = page.locator('#status\\.editor\\.mode');
  const end = Date.now() + timeout;
  let text = '';
  while (Date.now() < end) {
    text = ((await item.innerText().catch(() => '')) || '').trim();
    if (text === expected) return text;
    await page.waitForTimeout(200);
  }
  return text;
}

describe('languages: VMware VMX and Xen xl.cfg', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('a .vmx sample opens as VMware VMX, with highlighted keys and values', async () => {
    await openFile(wb.page, VMX);
    await revealLine(wb.page, lineOf(VMX, 'ethernet0.virtualDev'));
    assert.equal(await languageMode(wb.page, 'VMware VMX'), 'VMware VMX');
    // the grammar is applied: keys and strings carry different token colours
    const colours = await wb.page.evaluate(() => {
      const line = [...document.querySelectorAll('.editor-instance .view-line')].find((l) => l.textContent.includes('ethernet0.virtualDev'));
      return line ? [...line.querySelectorAll('span > span')].map((s) => [s.textContent, getComputedStyle(s).color]) : [];
    });
    const key = colours.find(([t]) => t.includes('virtualDev'));
    const value = colours.find(([t]) => t.includes('vmxnet3'));
    assert.ok(key && value && key[1] !== value[1], `tokens of the ethernet0.virtualDev line: ${JSON.stringify(colours)}`);
  });

  it('hovering a .vmx key shows its card (screenshots: vmx-hover)', async () => {
    await openFile(wb.page, VMX);
    await revealLine(wb.page, lineOf(VMX, 'ethernet0.virtualDev'));
    const text = await hoverText(wb.page, 'ethernet0.virtualDev', { charOffset: 'ethernet0.'.length + 3 });
    assert.match(text, /ethernetN\.virtualDev/, `hover: ${text.slice(0, 300)}`);
    assert.match(text, /vmxnet3/, 'the card lists the values');
    const file = await screenshot(wb.page, 'vmx-hover');
    assert.ok(statSync(file).size > 10_000, `${file} looks empty`);
    await dismissHover(wb.page);
  });

  it('hovering a .vmx value that is a term shows that term', async () => {
    await revealLine(wb.page, lineOf(VMX, 'scsi0.virtualDev'));
    const text = await hoverText(wb.page, '"pvscsi"', { charOffset: 3 });
    assert.match(text, /Paravirtual SCSI/, `hover: ${text.slice(0, 300)}`);
    await dismissHover(wb.page);
  });

  it('an xl sample opens as Xen domain config, and hovering its keys explains them', async () => {
    await openFile(wb.page, 'xen/web01.cfg');
    assert.equal(await languageMode(wb.page, 'Xen domain config (xl.cfg)'), 'Xen domain config (xl.cfg)');
    const memory = await hoverText(wb.page, 'maxmem = 4096', { charOffset: 2 });
    assert.match(memory, /maxmem/, `hover: ${memory.slice(0, 300)}`);
    await dismissHover(wb.page);
    const type = await hoverText(wb.page, 'type = "pvh"', { charOffset: 'type = "'.length + 1 });
    assert.match(type, /PVH guest/, `hover: ${type.slice(0, 300)}`);
    await dismissHover(wb.page);
  });
});
