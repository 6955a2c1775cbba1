// Hover cards and Explain Term as a person meets them: the mouse over a term in an open editor
// shows the card in VS Code's hover widget; the command palette runs Explain Term.
import * as assert from 'node:assert/strict';
import { dismissHover, hoverText, lineOf, modifierClick, noteRetry, revealLine, openFile, openWorkbench, quickPickRows, runCommand, webviewFrame } from './helpers.mjs';

const NOTES = 'hyperv/hyper-v-architecture.md';

describe('hover cards in the editor', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
    await openFile(wb.page, NOTES);
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the root partition card when the mouse rests on "root partition"', async () => {
    const text = await hoverText(wb.page, 'root partition');
    assert.match(text, /Root partition/);
    assert.match(text, /component|concept|layer/);
    assert.match(text, /More…/);
    assert.match(text, /Source/);
    await dismissHover(wb.page);
  });

  it('shows WinHv with its place in the architecture on "winhv.sys"', async () => {
    const text = await hoverText(wb.page, 'winhv.sys');
    assert.match(text, /Windows Hypervisor Interface Library \(winhv\.sys\)/);
    assert.match(text, /Hyper-V › Root partition/);
    assert.match(text, /kernel mode/);
    assert.match(text, /Show in Hyper-V diagram/);
    assert.match(text, /Reveal in Atlas/);
    await dismissHover(wb.page);
  });

  it('gives no card for ordinary words', async () => {
    await assert.rejects(hoverText(wb.page, 'privileged', { timeout: 4000 }), /no hover appeared/);
  });

  it('runs Explain Term from the command palette and opens the chosen card beside the editor', async () => {
    await runCommand(wb.page, 'Hypervisor Atlas: Explain Term…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.fill('vmwp');
    // searchable by alias: "vmwp" is not in the title, only in the aliases
    const rows = await quickPickRows(wb.page);
    assert.ok(rows.some((r) => r.startsWith('Virtual Machine Worker Process')), `rows: ${JSON.stringify(rows.slice(0, 5))}`);
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Virtual Machine Worker Process' }).first().click();
    const frame = await webviewFrame(wb.page, { hasSelector: 'main.card[data-id="hyperv.vmwp"]' });
    assert.match(await frame.locator('h1').innerText(), /Virtual Machine Worker Process/);
    assert.match(await frame.locator('.sources').innerText(), /Microsoft Learn/);
  });

  it('Ctrl+click on a term opens its card beside the editor', async () => {
    // the card of the last test is in the second group: open the note in the first
    await runCommand(wb.page, 'View: Focus First Editor Group');
    await openFile(wb.page, NOTES);
    await revealLine(wb.page, lineOf(NOTES, 'winhv.sys'));
    // the editor asks for the document's links a moment after it opens: click again until it has them
    let frame;
    for (let attempt = 0; !frame; attempt++) {
      await modifierClick(wb.page, 'winhv.sys').catch(async (e) => {
        await wb.page.screenshot({ path: 'test-results/ctrl-click-fail.png' });
        throw e;
      });
      frame = await webviewFrame(wb.page, { hasSelector: 'main.card[data-id="hyperv.winhv"]', timeout: 4000 }).catch((e) => {
        if (attempt >= 3) throw e;
        noteRetry('Ctrl+click: no card yet; clicked again');
        return undefined;
      });
    }
    assert.match(await frame.locator('h1').innerText(), /winhv\.sys/);
  });
});
