// The Hypervisor Atlas container as a person uses it: the activity bar item, the
// Architectures tree (expand, read, select → card), In This File (list, jump to an
// occurrence) and Reveal in Atlas from an editor. Also takes the two views' screenshots.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/workbench.mjs';
import { clickActivityBar, listSamples, noteRetry, openFile, openWorkbench, runCommand, screenshot, webviewFrame } from './helpers.mjs';

const TIMEOUT = 20_000;
const PS1 = 'hyperv/lab-setup.ps1';
const NOTES = 'hyperv/hyper-v-architecture.md';

/** The side bar pane of a view, by its title ("Architectures", "In This File"). */
function pane(page, title) {
  return page.locator('.part.sidebar .pane', { has: page.locator(`.pane-header[aria-label^="${title}"]`) });
}

/** A tree row of a pane whose accessible label starts with `label` (label, then ", description"). */
function row(page, title, label, { level } = {}) {
  const lvl = level ? `[aria-level="${level}"]` : '';
  return pane(page, title).locator(`.monaco-list-row${lvl}[aria-label^="${label.replace(/"/g, '\\"')}"]`).first();
}

/** Expands a collapsed row by its twistie (rows that open a card on click expand only there). */
async function expand(page, title, label, opts) {
  const r = row(page, title, label, opts);
  await r.waitFor({ state: 'visible', timeout: TIMEOUT });
  // the locator is read again each time: when a workspace glossary finishes loading the tree
  // refreshes, and a row rendered before that is replaced (a click on it may be lost)
  const end = Date.now() + TIMEOUT;
  while ((await r.getAttribute('aria-expanded')) !== 'true') {
    if (Date.now() > end) throw new Error(`expand: "${label}" did not expand`);
    await r.locator('.monaco-tl-twistie').click();
    const expanded = await r
      .and(page.locator('[aria-expanded="true"]'))
      .waitFor({ state: 'attached', timeout: 3000 })
      .then(() => true, () => false);
    if (!expanded) noteRetry(`expand: "${label}" was not expanded after a click; clicked again`);
  }
  return r;
}

/**
 * Clicks a row and returns the frame of the card it opens. As in `expand`, a click on a row that
 * the tree replaces (it refreshes when a workspace glossary finishes loading) may be lost: click
 * the row read again, within TIMEOUT, each retry reported.
 */
async function openCard(page, title, label, opts, cardId) {
  const end = Date.now() + TIMEOUT;
  for (;;) {
    await row(page, title, label, opts).click({ timeout: TIMEOUT });
    const frame = await webviewFrame(page, { hasSelector: `main.card[data-id="${cardId}"]`, timeout: 5000 }).catch(() => undefined);
    if (frame) return frame;
    if (Date.now() > end) throw new Error(`openCard: clicking "${label}" opened no card ${cardId}`);
    noteRetry(`openCard: no card after a click on "${label}"; clicked again`);
  }
}

/** Makes sure a pane is expanded (its header not collapsed). */
async function openPane(page, title, open = true) {
  const header = page.locator(`.part.sidebar .pane-header[aria-label^="${title}"]`);
  await header.waitFor({ state: 'visible', timeout: TIMEOUT });
  const expanded = (await header.getAttribute('aria-expanded')) === 'true';
  if (expanded !== open) await header.click();
}

/** The accessible labels of a pane's visible rows: "label, description". */
async function rowTexts(page, title) {
  return pane(page, title)
    .locator('.monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

/** Shows the Hypervisor Atlas container (clicking its activity bar item again would hide it). */
async function showContainer(page) {
  const visible = await page.locator('.part.sidebar .pane-header[aria-label^="Architectures"]').isVisible();
  if (!visible) await clickActivityBar(page, 'Hypervisor Atlas');
  await pane(page, 'Architectures').waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** The cursor position the status bar shows ("Ln 34, Col 1"). */
async function cursorPosition(page) {
  const item = page.locator('.part.statusbar [id="status.editor.selection"]');
  await item.waitFor({ state: 'visible', timeout: TIMEOUT });
  return (await item.innerText()).trim();
}

/** Drags the sash between the side bar and the editor so the side bar is `width` px wide. */
async function widenSideBar(page, width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const x = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + width, y, { steps: 8 });
  await page.mouse.up();
}

describe('Hypervisor Atlas container (tree views)', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench({ viewport: { width: 1400, height: 900 } });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      const file = await screenshot(wb.page, `failure-tree-${this.currentTest.title}`, { dir: 'test-results/failures' }).catch(() => undefined);
      if (file) this.currentTest.err.message += `\n(screenshot: ${file})`;
    }
  });
  after(async () => {
    await wb?.close();
  });

  it('opens from the activity bar with its two views', async () => {
    await clickActivityBar(wb.page, 'Hypervisor Atlas');
    await pane(wb.page, 'Architectures').waitFor({ state: 'visible', timeout: TIMEOUT });
    assert.equal(await wb.page.locator('.part.activitybar .action-item.checked a[aria-label^="Hypervisor Atlas"], .part.activitybar .action-item.checked[aria-label^="Hypervisor Atlas"]').count() > 0, true, 'the activity bar item is not active');
    await pane(wb.page, 'In This File').waitFor({ state: 'visible', timeout: TIMEOUT });
    await row(wb.page, 'Architectures', 'Type 1 (bare metal)').waitFor({ state: 'visible', timeout: TIMEOUT });
    const rows = await rowTexts(wb.page, 'Architectures');
    for (const group of ['Type 2 (hosted)', 'Hardware assistance', 'Concepts', 'Files and formats', 'Management tools', 'Settings and parameters']) {
      assert.ok(rows.some((r) => r.startsWith(`${group}, `)), `no "${group}" in ${JSON.stringify(rows)}`);
    }
  });

  it('expands Type 1 → Hyper-V → Root partition and shows VMMS, VMWP, VID and WinHv', async () => {
    const { page } = wb;
    await openPane(page, 'In This File', false);
    await expand(page, 'Architectures', 'Type 1 (bare metal)', { level: 1 });
    await expand(page, 'Architectures', 'Hyper-V', { level: 2 });
    // the classification note is an item of its own, visible without hovering
    await row(page, 'Architectures', 'Why Type 1 (bare metal)?', { level: 3 }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await row(page, 'Architectures', 'Hyper-V looks hosted', { level: 4 }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await expand(page, 'Architectures', 'Root partition', { level: 3 });
    // the extension host sends the children after the row says it is expanded
    await row(page, 'Architectures', 'Virtual Machine Management Service', { level: 4 }).waitFor({ state: 'visible', timeout: TIMEOUT });
    const rows = await rowTexts(page, 'Architectures');
    for (const want of ['Virtual Machine Management Service, VMMS · user mode', 'Virtual Machine Worker Process, VMWP · user mode', 'Virtualization Infrastructure Driver, Vid.sys · kernel mode', 'Windows Hypervisor Interface Library, winhv.sys · kernel mode']) {
      assert.ok(rows.includes(want), `no row "${want}" in ${JSON.stringify(rows)}`);
    }
    const layers = rows.filter((r) => /, (top|middle|bottom) layer( ·|$)/.test(r));
    assert.match(layers[0], /^Root partition, top layer/);
    assert.match(layers.at(-1), /^Hardware, bottom layer/);
  });

  it('selecting an item opens its card', async () => {
    const { page } = wb;
    const frame = await openCard(page, 'Architectures', 'Virtual Machine Worker Process', { level: 4 }, 'hyperv.vmwp');
    assert.match(await frame.locator('h1').innerText(), /Virtual Machine Worker Process/);
    assert.match(await row(page, 'Architectures', 'Virtual Machine Worker Process', { level: 4 }).getAttribute('aria-selected'), /true/);
  });

  it('In This File lists the terms of the PowerShell sample and jumps to an occurrence', async function () {
    if (!listSamples().includes(PS1)) this.skip();
    const { page } = wb;
    await openFile(page, PS1);
    await showContainer(page);
    // the list is virtualised: give In This File the whole side bar so its rows are rendered
    await openPane(page, 'Architectures', false);
    await openPane(page, 'In This File', true);
    const group = row(page, 'In This File', 'Set-VMProcessor', { level: 1 });
    await group.waitFor({ state: 'visible', timeout: TIMEOUT });
    // the cmdlet, and its -Count parameter inside the call (the cmdlet's card explains it)
    assert.match(await group.innerText(), /2 matches/);
    await expand(page, 'In This File', 'Set-VMProcessor', { level: 1 });
    const occurrence = pane(page, 'In This File').locator('.monaco-list-row[aria-level="2"][aria-label*="Set-VMProcessor"]').first();
    const label = await occurrence.getAttribute('aria-label');
    const line = Number(/^Line (\d+):/.exec(label)?.[1]);
    assert.ok(line > 1, `occurrence label "${label}"`);
    await occurrence.click();
    const end = Date.now() + TIMEOUT;
    let pos = '';
    while (Date.now() < end && !pos.startsWith(`Ln ${line},`)) {
      pos = await cursorPosition(page);
      await page.waitForTimeout(100);
    }
    // the occurrence is selected: "Ln 36, Col 16 (15 selected)"
    assert.match(pos, new RegExp(`^Ln ${line}, Col \\d+ \\(${'Set-VMProcessor'.length} selected\\)`), `the cursor is at "${pos}"`);
  });

  it('Reveal in Atlas on VMBus in an editor selects it in the tree', async function () {
    if (!listSamples().includes(NOTES)) this.skip();
    const { page } = wb;
    await openFile(page, NOTES);
    // both panes collapsed: Reveal in Atlas must still show the tree
    await openPane(page, 'In This File', false);
    await openPane(page, 'Architectures', false);
    // put the caret inside the first VMBus with Go to Line/Column (collapsing the panes moved
    // the focus to the side bar; the quick input works from anywhere)
    const lines = readFileSync(join(ROOT, 'samples', ...NOTES.split('/')), 'utf8').split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes('VMBus'));
    const column = lines[line].indexOf('VMBus') + 3;
    await runCommand(page, 'Go to Line/Column...');
    const input = page.locator('.quick-input-widget input');
    await input.fill(`:${line + 1}:${column}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    let pos = '';
    for (const end = Date.now() + 5000; Date.now() < end; await page.waitForTimeout(100)) {
      pos = await cursorPosition(page);
      if (pos.startsWith(`Ln ${line + 1}, Col ${column}`)) break;
    }
    assert.match(pos, new RegExp(`^Ln ${line + 1}, Col ${column}\\b`), `Go to Line did not put the caret in VMBus: ${pos}`);
    await runCommand(page, 'Hypervisor Atlas: Reveal in Atlas');
    const selected = pane(page, 'Architectures').locator('.monaco-list-row.selected');
    await selected.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    assert.match(await selected.first().getAttribute('aria-label'), /^VMBus, /);
  });
});

describe('screenshots of the Architectures and In This File views', function () {
  it('Architectures: Hyper-V expanded to its root partition, KVM with its debated class', async () => {
    const wb = await openWorkbench({ viewport: { width: 1280, height: 960 } });
    try {
      const { page } = wb;
      await runCommand(page, 'View: Close All Editors');
      if (listSamples().includes(NOTES)) await openFile(page, NOTES);
      await showContainer(page);
      await widenSideBar(page, 470);
      await openPane(page, 'In This File', false);
      await expand(page, 'Architectures', 'Hyper-V', { level: 2 });
      await expand(page, 'Architectures', 'Root partition', { level: 3 });
      await expand(page, 'Architectures', 'KVM', { level: 2 });
      await openCard(page, 'Architectures', 'Virtual Machine Worker Process', { level: 4 }, 'hyperv.vmwp');
      await page.mouse.move(24, 600);
      await page.waitForTimeout(500);
      const file = await screenshot(page, 'tree-architectures');
      assert.ok(file.endsWith('tree-architectures.png'));
    } finally {
      await wb.close();
    }
  });

  it('In This File: the terms of the Hyper-V lab script', async function () {
    if (!listSamples().includes(PS1)) this.skip();
    const wb = await openWorkbench({ viewport: { width: 1280, height: 960 } });
    try {
      const { page } = wb;
      await runCommand(page, 'View: Close All Editors');
      await openFile(page, PS1);
      await showContainer(page);
      await widenSideBar(page, 470);
      await openPane(page, 'Architectures', false);
      await openPane(page, 'In This File', true);
      await expand(page, 'In This File', 'New-VM (Hyper-V)', { level: 1 });
      const occurrence = pane(page, 'In This File').locator('.monaco-list-row[aria-level="2"]').nth(1);
      await occurrence.click();
      await page.mouse.move(24, 600);
      await page.waitForTimeout(500);
      const file = await screenshot(page, 'in-this-file');
      assert.ok(file.endsWith('in-this-file.png'));
    } finally {
      await wb.close();
    }
  });
});
