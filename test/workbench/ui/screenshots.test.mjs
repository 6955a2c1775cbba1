// Screenshots of the real workbench, each checked for what it should show. They go to
// test-results/screenshots/ on every run, and to media/screenshots/ with `npm run screenshots`.
// Look at them after changing what they show.
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { clickActivityBar, dismissHover, hoverText, openFile, openWorkbench, screenshot, sideBarRows } from './helpers.mjs';

const SAMPLE = 'hyperv/lab-setup.ps1';
const TERM = 'ExposeVirtualizationExtensions';

function assertPng(file) {
  assert.ok(statSync(file).size > 10_000, `${file} looks empty`);
}

describe('screenshots', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
    await openFile(wb.page, SAMPLE);
  });
  after(async () => {
    await wb?.close();
  });

  it('a hover card over a term in a sample', async () => {
    const text = await hoverText(wb.page, TERM);
    assert.match(text, new RegExp(TERM), `the hover over ${TERM} shows: ${text.slice(0, 200)}`);
    assertPng(await screenshot(wb.page, 'hover-card'));
    await dismissHover(wb.page);
  });

  it('the Hypervisor Atlas side bar', async () => {
    await clickActivityBar(wb.page, 'Hypervisor Atlas');
    const rows = await sideBarRows(wb.page);
    assert.ok(rows.includes('Hyper-V'), `side bar rows: ${JSON.stringify(rows)}`);
    assertPng(await screenshot(wb.page, 'architecture-tree'));
  });
});
