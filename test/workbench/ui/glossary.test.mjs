// A team adds its own term, as a person would: New Glossary Entry… from the palette, the
// template filled in and saved, the term hovered in a note; then the file is broken, the
// Problems panel names the problem at its line, and undoing the edit clears it.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from '../../../scripts/workbench.mjs';
import { DEFAULT_TIMEOUT_MS, clickActivityBar, dismissHover, hoverText, openFile, openWorkbench, revealLine, runCommand, sideBarRows, step } from './helpers.mjs';

const TERM = 'Quokka lab switch';
const FILE = 'quokka-lab-switch.md';
const NOTE = 'notes/lab-glossary-demo.md';
const SUMMARY = 'The virtual switch every VM of the Quokka lab joins.';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const folder = () => process.env.ATLAS_WORKBENCH_FOLDER ?? SAMPLES_DIR;

describe('a team glossary entry written in the editor', function () {
  let wb;
  before(async () => {
    rmSync(join(folder(), '.atlas', FILE), { force: true });
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
    rmSync(join(folder(), '.atlas', FILE), { force: true });
  });

  /** The editor group whose tab is `name`, made active by clicking the tab. */
  async function activateTab(page, name) {
    step('activateTab', name);
    await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
  }

  /** Replaces line `line` of the active editor with `text` (Go to Line, select to the end, type). */
  async function replaceLine(page, line, text) {
    await revealLine(page, line);
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type(text);
  }

  async function save(page, name) {
    await page.keyboard.press(`${mod}+S`);
    // the tab drops its dirty mark once the file is written
    await page.locator('.tabs-container .tab.dirty', { hasText: name }).waitFor({ state: 'detached', timeout: DEFAULT_TIMEOUT_MS });
  }

  /** The rows of the Problems panel, opened with its keyboard shortcut. */
  async function problems(page) {
    step('problems');
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)').catch(() => runCommand(page, 'Problems: Focus on Problems View'));
    await panel.waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    return (await panel.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The hover card on `text` once it matches `re`, hovering again while the glossary reloads. */
  async function hoverUntil(page, text, re) {
    const end = Date.now() + DEFAULT_TIMEOUT_MS;
    let card = '';
    while (Date.now() < end) {
      card = await hoverText(page, text);
      if (re.test(card)) return card;
      await dismissHover(page);
      await page.waitForTimeout(500);
    }
    throw new Error(`the card on "${text}" never matched ${re}: ${card}`);
  }

  async function waitForRows(page, view, ok) {
    const end = Date.now() + DEFAULT_TIMEOUT_MS;
    let rows = [];
    while (Date.now() < end) {
      rows = await sideBarRows(page, { view, details: true }).catch(() => []);
      if (ok(rows)) return rows;
      await page.waitForTimeout(300);
    }
    throw new Error(`${view} shows: ${JSON.stringify(rows.slice(0, 12))}`);
  }

  async function waitForProblems(page, ok, message) {
    const end = Date.now() + DEFAULT_TIMEOUT_MS;
    let rows = [];
    while (Date.now() < end) {
      rows = await problems(page);
      if (ok(rows)) return rows;
      await page.waitForTimeout(300);
    }
    throw new Error(`${message}; the Problems panel shows: ${JSON.stringify(rows.slice(0, 8))}`);
  }

  it('New Glossary Entry… writes a template; the saved entry explains its term, and a broken file shows in Problems until it is fixed', async () => {
    const { page } = wb;
    await runCommand(page, 'Hypervisor Atlas: New Glossary Entry…');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    await input.fill(TERM);
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await editor.filter({ hasText: 'id: team.quokka-lab-switch' }).waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    await page.locator('.tabs-container .tab', { hasText: FILE }).first().waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });

    // fill in the summary and save, as the template asks
    await replaceLine(page, 5, `summary: ${SUMMARY}`);
    await save(page, FILE);

    // the term in a note of the workspace gets the team's card, which says where it comes from
    await openFile(page, NOTE);
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.type(`\nOur VMs join the ${TERM} at boot.\n`);
    // the save reaches the extension through the file watcher a moment later: hover again until the card has the new summary
    const card = await hoverUntil(page, TERM, /The virtual switch every VM of the Quokka lab joins\./);
    assert.match(card, new RegExp(TERM));
    assert.match(card, new RegExp(`workspace.*${FILE.replace('.', '\\.')}|${FILE.replace('.', '\\.')}.*workspace`, 'is'), `the card names the workspace file: ${card}`);
    await dismissHover(page);

    // In This File lists it among the note's terms, marked as a workspace entry
    await clickActivityBar(page, 'Hypervisor Atlas');
    const listed = await waitForRows(page, 'In This File', (r) => r.some((x) => x.label.startsWith(TERM)));
    const own = listed.find((x) => x.label.startsWith(TERM));
    assert.match(own.description, /workspace/, `In This File marks the entry as the workspace's: ${JSON.stringify(own)}`);

    // break the entry: without its summary it is left out, and the Problems panel says why at the
    // front matter's first line, where the build reports a missing field
    await activateTab(page, FILE);
    await revealLine(page, 5);
    await page.keyboard.press(`${mod}+Shift+K`);
    await save(page, FILE);
    const rows = await waitForProblems(page, (r) => r.some((t) => /missing required field `summary`/.test(t)), 'the missing summary is reported');
    const row = rows.find((t) => /missing required field `summary`/.test(t));
    assert.match(row, /Ln 2\b/, `the problem is at line 2: ${row}`);
    assert.ok(rows.some((t) => t.includes(FILE)), `the problem is listed under ${FILE}: ${JSON.stringify(rows)}`);

    // undo the deletion and save: the problem goes
    await activateTab(page, FILE);
    await page.keyboard.press(`${mod}+Z`);
    await editor.filter({ hasText: SUMMARY }).waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    await save(page, FILE);
    await waitForProblems(page, (r) => !r.some((t) => t.includes(FILE) || /missing required field `summary`/.test(t)), 'the fix clears the problem');

    // the note still explains the term with the fixed entry
    await activateTab(page, 'lab-glossary-demo.md');
    await hoverUntil(page, TERM, /The virtual switch every VM of the Quokka lab joins\./);
    await dismissHover(page);
    await runCommand(page, 'File: Revert File');
  });
});
