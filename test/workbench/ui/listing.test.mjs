// The extension's page in the Extensions view, as a user who installed the packed .vsix sees
// it: the icon, and a first screen that reads well without images (code-server only, where the
// .vsix is installed).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickActivityBar, onCodeServer, openWorkbench, runCommand, screenshot, webviewFrame } from './helpers.mjs';
import { ROOT } from '../../../scripts/workbench.mjs';

const README_IMAGES = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe('the listing: the extension page of the installed .vsix', function () {
  let wb;
  before(async function () {
    if (!onCodeServer()) this.skip(); // test-web loads the extension from source, not a .vsix
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the icon, says what it does and how to install it first', async () => {
    const { page } = wb;
    await clickActivityBar(page, 'Extensions');
    await page.locator('.part.sidebar .extensions-search-container .monaco-editor').first().click();
    await page.keyboard.type('@installed Hypervisor Atlas');
    const row = page.locator('.part.sidebar .extension-list-item', { hasText: 'Hypervisor Atlas' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    // the row can show before its icon has loaded: wait for the image, then check its size
    const icon = row.locator('img.icon');
    const loaded = await icon
      .evaluate((img) => (img.complete && img.naturalWidth > 0) || new Promise((resolve) => { img.addEventListener('load', () => resolve(true), { once: true }); setTimeout(() => resolve(false), 15_000); }))
      .catch(() => false);
    assert.ok(loaded, 'the list row loads its icon');
    assert.equal(await icon.evaluate((img) => img.naturalWidth), 128, 'the list row shows the 128 px icon');
    await row.click();

    const header = page.locator('.extension-editor .header .name', { hasText: 'Hypervisor Atlas' });
    await header.waitFor({ state: 'visible', timeout: 30_000 });
    // the empty secondary side bar (VS Code 1.139 opens it) would take a third of the page and of its screenshot
    const aux = page.locator('.part.auxiliarybar');
    if (await aux.isVisible()) {
      await runCommand(page, 'View: Hide Secondary Side Bar');
      await aux.waitFor({ state: 'hidden' });
    }
    const frame = await webviewFrame(page, { hasSelector: 'h1', timeout: 30_000 });
    // VS Code's extension page drops README image sources that are not https (relative and
    // data: ones too), and this package has no repository to point them at: the first screen
    // must read well without them
    const page1 = await frame.evaluate(() => ({
      heading: document.querySelector('h1')?.textContent ?? '',
      firstParagraph: document.querySelector('h1 ~ p')?.textContent ?? '',
      images: [...document.images].map((img) => ({ alt: img.alt, src: img.getAttribute('src') ?? '', top: img.getBoundingClientRect().top })),
      screen: window.innerHeight,
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent ?? ''),
    }));
    assert.equal(page1.heading, 'Hypervisor Atlas');
    assert.match(page1.firstParagraph, /virtualization/i, 'the first paragraph says what it does');
    assert.ok(page1.headings.slice(0, 3).some((h) => /install/i.test(h)), `installing comes first; headings: ${JSON.stringify(page1.headings)}`);
    for (const img of page1.images) {
      assert.ok(img.alt.length > 10, `every image has a description to stand in for it: ${JSON.stringify(img)}`);
      assert.ok(img.top >= page1.screen, `no image on the first screen, where it would show as its description: ${JSON.stringify(img)}`);
    }
    assert.equal(page1.images.length, README_IMAGES.length);
    await screenshot(page, 'extension-page');
  });
});
