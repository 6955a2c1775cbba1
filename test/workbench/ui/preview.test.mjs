// The built-in Markdown preview with our markdown-it plugin, in the real workbench: open a
// sample note, open its preview, find the preview's frame and check the terms carry markers and
// tooltips. Saved as media/screenshots/markdown-preview.png under `run.mjs --screenshots`.
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { noteRetry, openFile, openWorkbench, runCommand, screenshot, webviewFrame } from './helpers.mjs';

const NOTE = 'xen/xen-notes.md';

describe('Markdown preview: terms', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('marks terms in the preview with tooltips, not in headings or code (screenshots: markdown-preview)', async () => {
    await openFile(wb.page, NOTE);
    await runCommand(wb.page, 'Markdown: Open Preview to the Side');
    const frame = await webviewFrame(wb.page, { hasSelector: '.hypervisor-atlas-term', timeout: 30_000 });
    const found = await frame.evaluate(() => {
      const terms = [...document.querySelectorAll('.hypervisor-atlas-term')].map((e) => {
        const style = getComputedStyle(e);
        return {
          text: e.textContent,
          id: e.getAttribute('data-atlas-entry'),
          title: e.getAttribute('title'),
          decoration: style.textDecorationLine,
          inHeading: !!e.closest('h1,h2,h3,h4,h5,h6'),
          inCode: !!e.closest('code,pre'),
          inLink: !!e.closest('a'),
        };
      });
      return { terms, h1: document.querySelector('h1')?.textContent ?? '' };
    });
    const ids = found.terms.map((t) => t.id);
    for (const id of ['xen.dom0', 'xen.domu', 'xen.xenstore']) assert.ok(ids.includes(id), `${id} not marked; marked: ${ids.join(', ')}`);
    assert.equal(new Set(ids).size, ids.length, 'each term is marked once in this one-section note');
    for (const t of found.terms) {
      assert.ok(t.title && t.title.includes(' — '), `no summary tooltip on ${t.text}`);
      assert.equal(t.decoration, 'underline', `${t.text} has no underline (is media/preview.css loaded?)`);
      assert.ok(!t.inHeading && !t.inCode && !t.inLink, `${t.text} is marked inside a heading, code or link`);
    }
    assert.match(found.h1, /^Xen in one page/);
    // Give the editor and its preview the whole width, and hover one term so the screenshot
    // shows the hover highlight next to the quieter markers.
    await runCommand(wb.page, 'View: Toggle Primary Side Bar Visibility');
    await wb.page.mouse.move(1000, 860);
    await wb.page.waitForTimeout(1000);
    // the preview renders again (a new frame) when the workspace glossary finishes loading, which
    // can fall in the middle of this test: take the frame again and retry when it was replaced
    let hovered;
    for (let attempt = 0; ; attempt++) {
      try {
        const current = await webviewFrame(wb.page, { hasSelector: '.hypervisor-atlas-term', timeout: 30_000 });
        const term = current.locator('.hypervisor-atlas-term', { hasText: 'dom0' }).first();
        await term.hover();
        await wb.page.waitForTimeout(300);
        hovered = await term.evaluate((e) => getComputedStyle(e).textDecorationStyle);
        break;
      } catch (e) {
        if (attempt >= 2 || !/detached|Target closed|Execution context was destroyed/.test(String(e))) throw e;
        noteRetry('preview: the preview frame was replaced while hovering (the glossary loaded); took it again');
      }
    }
    assert.equal(hovered, 'solid', 'the hovered marker turns solid');
    const file = await screenshot(wb.page, 'markdown-preview');
    assert.ok(statSync(file).size > 10_000, `${file} looks empty`);
  });
});
