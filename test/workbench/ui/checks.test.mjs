// Misconception checks as a person meets them: type a wrong sentence into a Markdown editor,
// see the error squiggle, and fix it with Quick Fix (Ctrl+.).
import * as assert from 'node:assert/strict';
import { noteRetry, openWorkbench, runCommand } from './helpers.mjs';

/** The text of the active editor's visible lines. */
async function editorText(page) {
  return page.evaluate(() => [...document.querySelectorAll('.editor-instance .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n'));
}

describe('misconception checks in the editor', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('a Markdown note saying "VMware VirtualBox" gets an error squiggle, and Quick Fix makes it "Oracle VirtualBox"', async () => {
    const { page } = wb;
    await runCommand(page, 'File: New Untitled Text File');
    // a workbench that has just started may list the languages late: ask again when Markdown is missing
    for (let attempt = 0; ; attempt++) {
      await runCommand(page, 'Change Language Mode');
      await page.locator('.quick-input-widget input').fill('Markdown');
      const markdown = page.locator('.quick-input-list .monaco-list-row', { hasText: /^Markdown/ }).first();
      if (await markdown.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) {
        await markdown.click();
        break;
      }
      if (attempt >= 2) throw new Error('Change Language Mode never listed Markdown');
      noteRetry('Change Language Mode did not list Markdown yet; asked again');
      await page.keyboard.press('Escape');
    }
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.type('We run the lab in VMware VirtualBox on a laptop.');
    const squiggle = page.locator('.editor-instance .squiggly-error');
    await squiggle.first().waitFor({ state: 'attached', timeout: 20_000 }).catch(async (e) => {
      await page.screenshot({ path: '/tmp/h14a-ui-fail.png' });
      throw e;
    });
    // put the cursor in the flagged words and ask for the quick fix
    await page.keyboard.press('Home');
    for (let i = 0; i < 'We run the lab in VM'.length; i++) await page.keyboard.press('ArrowRight');
    // the first Quick Fix request can come back empty: the workbench cancels a code-action request
    // when the set of providers changes under it, and Markdown Language Features registers its
    // providers as the first Markdown document opens (the API suite logs showed it). Ask again
    const fix = page.locator('.action-widget .monaco-list-row, .context-view .action-item', { hasText: 'Replace with "Oracle VirtualBox"' }).first();
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+.');
      if (await fix.waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false)) break;
      const rows = await page.locator('.action-widget .monaco-list-row, .context-view .action-item').allInnerTexts();
      if (attempt >= 2) {
        await page.screenshot({ path: 'test-results/checks-quick-fix-fail.png' });
        throw new Error(`Quick Fix never offered the replacement; the menu held: ${JSON.stringify(rows)}`);
      }
      noteRetry(`Quick Fix did not offer the replacement yet (menu: ${JSON.stringify(rows)}); asked again`);
      await page.keyboard.press('Escape');
    }
    // the only fix is focused in the menu; Enter applies it, as its title says
    await page.keyboard.press('Enter');
    const end = Date.now() + 10_000;
    let text = '';
    while (Date.now() < end) {
      text = await editorText(page);
      if (text.includes('Oracle VirtualBox')) break;
      await page.waitForTimeout(200);
    }
    assert.match(text, /We run the lab in Oracle VirtualBox on a laptop\./);
    await squiggle.first().waitFor({ state: 'detached', timeout: 10_000 });
    // leave no unsaved file behind: the workbench would restore it in the next tests' sessions
    await runCommand(page, 'File: Revert File');
    await runCommand(page, 'View: Close Editor');
  });
});
