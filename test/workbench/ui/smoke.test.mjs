// UI smoke test: the real workbench loads with samples/ mounted and the extension running.
import * as assert from 'node:assert/strict';
import { clickActivityBar, listSamples, noteRetry, openFile, openWorkbench, quickPickRows, runCommand, screenshot, sideBarRows } from './helpers.mjs';

describe('workbench UI smoke', function () {
  /** One workbench shared by the tests below (opening one takes a few seconds). */
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the samples folder in the explorer', async () => {
    await clickActivityBar(wb.page, 'Explorer');
    const rows = await sideBarRows(wb.page).catch(() => []);
    const top = [...new Set(listSamples().map((p) => p.split('/')[0]))];
    for (const name of top) assert.ok(rows.includes(name), `explorer rows ${JSON.stringify(rows)} lack "${name}"`);
  });

  it('the extension is running: its output channel is listed', async () => {
    // the picker lists the channels that exist when it opens: reopen it until the one that
    // activation creates is there (filtered, so list virtualisation cannot hide it)
    // activation waits for startup to finish, which a busy machine can take a while to reach
    const end = Date.now() + 60_000;
    let rows = [];
    while (!rows.includes('Hypervisor Atlas')) {
      await runCommand(wb.page, 'Output: Show Output Channels...');
      await wb.page.locator('.quick-input-widget input').fill('Hypervisor Atlas');
      rows = await quickPickRows(wb.page, 2000).catch(() => []);
      await wb.page.keyboard.press('Escape');
      if (rows.includes('Hypervisor Atlas') || Date.now() > end) break;
      noteRetry('the output channel picker did not list Hypervisor Atlas yet; reopened it');
      await wb.page.waitForTimeout(500);
    }
    assert.ok(rows.includes('Hypervisor Atlas'), `output channels: ${JSON.stringify(rows)}`);
  });

  it('opens a sample file with Quick Open', async function () {
    const [first] = listSamples();
    if (!first) this.skip(); // samples/ has no files yet
    try {
      await openFile(wb.page, first);
    } catch (e) {
      e.message += `\n(screenshot: ${await screenshot(wb.page, 'failure-smoke-open-file', { dir: 'test-results/failures' }).catch(() => '')})`;
      throw e;
    }
  });
});
