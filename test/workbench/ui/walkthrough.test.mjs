// The Get Started walkthrough, walked as a new user would: every step shows its image, and
// its button does what the step says.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/workbench.mjs';
import { openWorkbench, quickPickRows, runCommand, screenshot, sideBarRows, webviewFrame, DEFAULT_TIMEOUT_MS } from './helpers.mjs';

const TITLE = 'Get Started with Hypervisor Atlas';
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
// the manifest's strings as VS Code shows them: %key% read from package.nls.json
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'), (_k, v) => (typeof v === 'string' && /^%[^%]+%$/.test(v) ? (nls[v.slice(1, -1)] ?? v) : v));
/** Each step's image description, by step title, from the manifest. */
const ALT = Object.fromEntries(manifest.contributes.walkthroughs[0].steps.map((s) => [s.title, s.media.altText]));

describe('the Get Started walkthrough', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  /** Opens the walkthrough's step `title` (expanded, its image loaded) and returns the step element. */
  async function openStep(page, title) {
    const alt = ALT[title];
    const step = page.locator('.getting-started-step', { has: page.locator('.step-title', { hasText: title }) }).first();
    await step.waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    if (!(await step.evaluate((el) => el.classList.contains('expanded')))) await step.locator('.step-title').click();
    await page.waitForFunction(
      ([t, a]) => {
        const img = document.querySelector('.gettingStartedSlideDetails .getting-started-media img');
        const expanded = [...document.querySelectorAll('.getting-started-step.expanded .step-title')].some((el) => el.textContent?.includes(t));
        return expanded && img && img.alt === a && img.complete && img.naturalWidth > 0;
      },
      [title, alt],
      { timeout: DEFAULT_TIMEOUT_MS },
    ).catch(async (e) => {
      const seen = await page.evaluate(() => [...document.querySelectorAll('.gettingStartedSlideDetails .getting-started-media img')].map((i) => ({ alt: i.alt, complete: i.complete, w: i.naturalWidth, src: i.src.slice(-60) })));
      throw new Error(`${e.message}; images: ${JSON.stringify(seen)}`);
    });
    return step;
  }

  async function openWalkthrough(page) {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget input').fill(TITLE);
    const rows = await quickPickRows(page);
    assert.ok(rows.some((r) => r.includes(TITLE)), `walkthroughs: ${JSON.stringify(rows)}`);
    await page.keyboard.press('Enter');
    // the walkthrough page may still show from the last step, so wait for the picker to go too
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: DEFAULT_TIMEOUT_MS });
    await page.locator('.gettingStartedSlideDetails h2.category-title', { hasText: TITLE }).waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
  }

  it('lists four steps, each with an image and a button that works', async () => {
    const { page } = wb;
    await openWalkthrough(page);
    const titles = await page.locator('.gettingStartedSlideDetails .getting-started-step .step-title').allTextContents();
    assert.deepEqual(titles.map((t) => t.trim()), ['Hover a term', 'Browse the architectures', 'See how Hyper-V is built', 'Explain any term']);

    let step = await openStep(page, 'Hover a term');
    await screenshot(page, 'walkthrough');
    await step.locator('a.monaco-button', { hasText: 'Open an Example' }).click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'New-VMSwitch' }).first().waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });

    await openWalkthrough(page);
    step = await openStep(page, 'Browse the architectures');
    await step.locator('a.monaco-button', { hasText: 'Open the Architectures View' }).click();
    const rows = await sideBarRows(page, { view: 'Architectures' });
    assert.ok(rows.some((r) => r.startsWith('Type 1')), `Architectures rows: ${JSON.stringify(rows)}`);

    await openWalkthrough(page);
    step = await openStep(page, 'See how Hyper-V is built');
    await step.locator('a.monaco-button', { hasText: 'Show Hyper-V Architecture' }).click();
    const frame = await webviewFrame(page, { hasSelector: 'svg' });
    assert.ok(await frame.locator('svg').first().isVisible(), 'the diagram is drawn');

    await openWalkthrough(page);
    step = await openStep(page, 'Explain any term');
    await step.locator('a.monaco-button', { hasText: 'Explain Term' }).click();
    await page.locator('.quick-input-widget input[placeholder^="Type a term"]').waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    const picks = await quickPickRows(page);
    assert.ok(picks.length > 5, `Explain Term lists entries: ${JSON.stringify(picks.slice(0, 5))}`);
    // the walkthrough takes the focus back as it marks the step done: the picker must stay
    await page.waitForTimeout(1500);
    assert.ok(await page.locator('.quick-input-widget').isVisible(), 'the Explain Term picker is still open');
    await page.keyboard.press('Escape');
  });
});
