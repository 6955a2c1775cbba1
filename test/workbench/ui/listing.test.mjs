// The extension's page in the Extensions view, as a user who installed the packed .vsix sees
// it: the icon and every README image load (code-server only, where the .vsix is installed).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickActivityBar, onCodeServer, openWorkbench, screenshot, webviewFrame } from './helpers.mjs';
import { ROOT } from '../../../scripts/workbench.mjs';

const README_IMAGES = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe('the extension page of the installed .vsix', function () {
  let wb;
  before(async function () {
    if (!onCodeServer()) this.skip(); // test-web loads the extension from source, not a .vsix
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the icon and every image of the README', async () => {
    const { page } = wb;
    await clickActivityBar(page, 'Extensions');
    const search = page.locator('.part.sidebar .extensions-search-container .inputarea, .part.sidebar .suggest-input-container textarea, .part.sidebar .monaco-editor textarea').first();
    await search.click();
    await page.keyboard.type('@installed Hypervisor Atlas');
    const row = page.locator('.part.sidebar .extension-list-item', { hasText: 'Hypervisor Atlas' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    const iconOk = await row.locator('img.icon').evaluate((img) => img.complete && img.naturalWidth === 128);
    assert.ok(iconOk, 'the list row shows the 128 px icon');
    await row.click();

    const header = page.locator('.extension-editor .header .name', { hasText: 'Hypervisor Atlas' });
    await header.waitFor({ state: 'visible', timeout: 30_000 });
    const frame = await webviewFrame(page, { hasSelector: 'img[src*="screenshots"]', timeout: 30_000 });
    // every image element has finished loading (or failed) before it is judged
    await frame.waitForFunction(() => [...document.images].every((img) => img.complete), null, { timeout: 30_000 });
    const images = await frame.evaluate(() => [...document.images].map((img) => ({ src: img.getAttribute('src') ?? '', width: img.naturalWidth })));
    for (const wanted of README_IMAGES) {
      const shown = images.find((img) => img.src.endsWith(wanted.replace(/^\.\//, '')));
      assert.ok(shown, `the page shows ${wanted}; images: ${JSON.stringify(images)}`);
      assert.ok(shown.width > 0, `${wanted} loaded (naturalWidth ${shown.width})`);
    }
    await screenshot(page, 'extension-page');
  });
});
