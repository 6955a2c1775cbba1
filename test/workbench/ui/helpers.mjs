// Helpers for UI tests (test/workbench/ui/*.test.mjs): they drive the real VS Code for the Web
// workbench in Chromium with Playwright, the way a person would. test/workbench/run.mjs serves
// the workbench (samples/ mounted as the workspace) and sets ATLAS_WORKBENCH_URL; run alone,
// the first withWorkbench() starts a server itself.
//
// Every wait here is bounded (DEFAULT_TIMEOUT_MS unless told), so a broken feature fails a
// test with a message instead of hanging it.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLES_DIR, launchChromium, serveWorkbench } from '../../../scripts/workbench.mjs';

export const DEFAULT_TIMEOUT_MS = 15_000;
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

/** Open workbenches (closed by closeAllWorkbenches) and a lazily started server. */
const open = new Set();
let ownServer;

async function workbenchUrl() {
  if (process.env.ATLAS_WORKBENCH_URL) return process.env.ATLAS_WORKBENCH_URL;
  ownServer ??= serveWorkbench();
  return (await ownServer).url;
}

/**
 * Opens a fresh workbench (new browser profile, so no state leaks between workbenches) and
 * waits until it is ready: the explorer shows the samples folder and the extension host runs.
 * Returns { page, context, url, close() }. Prefer withWorkbench(); use this in before/after
 * hooks to share one workbench across the tests of a describe().
 */
export async function openWorkbench({ viewport } = {}) {
  const url = await workbenchUrl();
  const browser = await launchChromium(viewport ? { viewport } : {});
  const wb = {
    page: browser.page,
    context: browser.context,
    url,
    pageErrors: [],
    async close() {
      open.delete(wb);
      await browser.close();
    },
  };
  open.add(wb);
  const { page } = wb;
  page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  page.on('pageerror', (e) => wb.pageErrors.push(String(e)));
  try {
    await page.goto(url, { timeout: 30_000 });
    await waitForWorkbench(page);
  } catch (e) {
    await wb.close();
    throw e;
  }
  return wb;
}

/**
 * Runs `fn({ page, context, url })` against a fresh workbench and always closes it. On failure
 * it saves a screenshot as test-results/failures/<name>.png first.
 */
export async function withWorkbench(fn, { name, viewport } = {}) {
  const wb = await openWorkbench({ viewport });
  try {
    return await fn(wb);
  } catch (e) {
    const file = await screenshot(wb.page, `failure-${slug(name ?? e?.message ?? 'test')}`, { dir: join(ROOT, 'test-results', 'failures') }).catch(() => undefined);
    if (file && e && typeof e === 'object') e.message += `\n(screenshot: ${file})`;
    throw e;
  } finally {
    await wb.close();
  }
}

/**
 * For a test that timed out: which pages and webview frames still answer a script within 2 s, and
 * where the focus is. A renderer that does not answer is busy or stuck; input sent to it waits.
 */
export async function probeWorkbenches() {
  const lines = [];
  for (const wb of open) {
    for (const frame of wb.page.frames()) {
      const url = frame.url();
      if (frame !== wb.page.mainFrame() && !/fake\.html|active-frame|\.localhost[:/]/.test(url)) continue;
      const t0 = Date.now();
      const r = await answerWithin(
        frame.evaluate(() => `${document.hasFocus() ? 'has focus' : 'no focus'}, active ${document.activeElement?.tagName ?? '-'}${document.activeElement?.id ? '#' + document.activeElement.id : ''}`).catch((e) => `error: ${String(e.message ?? e).split('\n')[0]}`),
        2_000,
      );
      lines.push(`${frame === wb.page.mainFrame() ? 'workbench' : `webview ${url.replace(/^.*\/\/([^/]{0,12})[^/]*/, '$1…').slice(0, 60)}`}: ${r === TIMED_OUT ? 'NO ANSWER in 2 s' : `${r} (${Date.now() - t0} ms)`}${frame.isDetached() ? ', detached' : ''}`);
    }
  }
  return lines;
}

/**
 * Hides the secondary side bar and the bottom panel if they show, so a view is measured in the
 * layout the tests name: 1400×900 with the side bar, nothing else beside or below the editor.
 */
export async function hidePanel(page) {
  step('hidePanel');
  // newer VS Code builds open the secondary side bar (chat) at start: it narrows the editor
  const aux = page.locator('.part.auxiliarybar');
  if (await aux.isVisible().catch(() => false)) {
    await runCommand(page, 'View: Toggle Secondary Side Bar');
    await aux.waitFor({ state: 'hidden', timeout: DEFAULT_TIMEOUT_MS });
  }
  const panel = page.locator('.part.panel');
  if (!(await panel.isVisible().catch(() => false))) return;
  const button = page.locator('.part.panel a[aria-label^="Hide Panel"], .part.panel a[aria-label^="Close Panel"], .part.panel a[aria-label^="Maximize"] ~ a[aria-label^="Hide"]').first();
  if (await button.count()) await button.click();
  else await runCommand(page, 'View: Hide Panel');
  await panel.waitFor({ state: 'hidden', timeout: DEFAULT_TIMEOUT_MS });
}

/** Closes every workbench still open and the server this module started, if any. */
export async function closeAllWorkbenches() {
  await Promise.all([...open].map((wb) => wb.close()));
  if (ownServer) {
    const s = ownServer;
    ownServer = undefined;
    await (await s).dispose();
  }
}

/** Waits for the workbench chrome, the explorer's folder and the extension host. */
export async function waitForWorkbench(page, timeout = 30_000) {
  step('waitForWorkbench', timeout);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await page.locator('.part.activitybar, .part.statusbar').first().waitFor({ state: 'visible', timeout });
  // The explorer lists the mounted folder once the file system provider answers.
  // (An empty samples/ has no rows: do not wait long for them.)
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: Math.min(timeout, 10_000) }).catch(() => {});
}

/**
 * Opens samples/<relPath> (e.g. `kvm/guest.xml`) with Quick Open (Ctrl+P), as a person would,
 * and waits for its editor. Re-types the query while the workspace's file search warms up.
 */
/** Opens a file of the workspace with Quick Open; `textEditor: false` for files VS Code shows another way (images). */
export async function openFile(page, relPath, timeout = DEFAULT_TIMEOUT_MS, { textEditor = true } = {}) {
  step('openFile', relPath);
  const base = relPath.split('/').pop();
  const end = Date.now() + timeout;
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
  let opened = false;
  while (!opened && Date.now() < end) {
    await focusWorkbench(page);
    await page.keyboard.press(`${mod}+P`);
    try {
      await input.waitFor({ state: 'visible', timeout: Math.min(3000, Math.max(1000, end - Date.now())) });
      // Fuzzy file search does not work with test-web's file system here; a path from the
      // workspace root ("/kvm/guest.xml") resolves directly there, and code-server, whose
      // workspace is a real folder, resolves its absolute path. Quick Open can close again at
      // once (another quick input still closing): then the loop opens it again.
      await input.fill(quickOpenPath(relPath), { timeout: 2000 });
      await row.waitFor({ state: 'visible', timeout: Math.min(2000, Math.max(500, end - Date.now())) });
      await page.keyboard.press('Enter');
      opened = true;
    } catch {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  }
  if (!opened) throw new Error(`openFile: Quick Open found no "${relPath}" within ${timeout} ms`);
  await page.locator(`.tabs-container .tab[aria-label^="${cssString(base)}"]`).first().waitFor({ state: 'visible', timeout: Math.max(1000, end - Date.now()) });
  if (textEditor) await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: Math.max(1000, end - Date.now()) });
}

/** What to type in Quick Open for a file of the workspace (samples/). */
function quickOpenPath(relPath) {
  const rel = relPath.replace(/^\/+/, '');
  return onCodeServer() ? join(process.env.ATLAS_WORKBENCH_FOLDER ?? SAMPLES_DIR, rel) : `/${rel}`;
}

/** Whether the workbench is code-server's (test/workbench/run.mjs --host code-server-*). */
export function onCodeServer() {
  return (process.env.ATLAS_WORKBENCH_HOST ?? '').startsWith('code-server');
}

/**
 * Moves the mouse over the first visible occurrence of `text` in the active editor (offset
 * `charOffset` characters into it, default the middle) and returns the hover widget's text.
 * Retries until the hover shows something other than "Loading..." or `timeout` passes.
 */
const LINK_ONLY = /^(Loading\.\.\.\s*)?[^\n]*\((ctrl|cmd|⌘) ?\+ ?click\)$/i;

export async function hoverText(page, text, { timeout = DEFAULT_TIMEOUT_MS, charOffset, nth = 0 } = {}) {
  step('hoverText', text);
  const end = Date.now() + timeout;
  let lastError = 'no hover appeared';
  while (Date.now() < end) {
    const box = await textBox(page, text, { charOffset, nth });
    if (!box) {
      lastError = `"${text}" is not visible in the active editor`;
      await page.waitForTimeout(200);
      continue;
    }
    // Leave, then enter: a hover only (re)opens on movement onto the word.
    await page.mouse.move(box.x, Math.max(0, box.y - 200));
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.min(3000, Math.max(500, end - Date.now())) });
      const deadline = Math.min(end, Date.now() + 3000);
      while (Date.now() < deadline) {
        const t = (await hover.innerText()).trim();
        // the document link's own line ("Open the card of … (ctrl + click)") can show before the
        // card, whose provider answers a moment later (after the first warm-up): wait for the card
        if (t && !/^Loading\.\.\.$/.test(t) && !LINK_ONLY.test(t)) return t;
        await page.waitForTimeout(100);
      }
      lastError = 'the hover stayed empty or "Loading..."';
    } catch {
      lastError = `no hover appeared over "${text}"`;
    }
  }
  throw new Error(`hoverText: ${lastError} (waited ${timeout} ms)`);
}

/**
 * Ctrl+click (Cmd+click on macOS) on `text` in the active editor, as a person follows a link:
 * the modifier is held while the mouse moves onto the word (VS Code shows a link under it
 * then), and the word is clicked. Returns whether the word was shown as a link.
 */
export async function modifierClick(page, text, { timeout = DEFAULT_TIMEOUT_MS, charOffset, nth = 0 } = {}) {
  step('modifierClick', text);
  const modifier = process.platform === 'darwin' ? 'Meta' : 'Control';
  const end = Date.now() + timeout;
  let box;
  while (!box && Date.now() < end) {
    box = await textBox(page, text, { charOffset, nth });
    if (!box) await page.waitForTimeout(200);
  }
  if (!box) throw new Error(`modifierClick: "${text}" is not visible in the active editor`);
  await page.mouse.move(box.x, Math.max(0, box.y - 200));
  await page.keyboard.down(modifier);
  try {
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const underlined = await page
      .locator('.monaco-editor .detected-link-active')
      .first()
      .waitFor({ state: 'visible', timeout: 1500 })
      .then(() => true, () => false);
    await page.mouse.click(box.x, box.y);
    return underlined;
  } finally {
    await page.keyboard.up(modifier);
  }
}

/** The screen position of `text` in the active editor's visible lines, or undefined. */
async function textBox(page, text, { charOffset, nth = 0 } = {}) {
  return page.evaluate(
    ({ text, charOffset, nth }) => {
      const editors = [...document.querySelectorAll('.editor-instance .monaco-editor')].filter((e) => e.offsetParent !== null);
      const editor = editors.find((e) => e.classList.contains('focused')) ?? editors[0];
      if (!editor) return undefined;
      let seen = 0;
      for (const line of editor.querySelectorAll('.view-lines .view-line')) {
        const full = line.textContent.replace(/\u00a0/g, ' ');
        let at = full.indexOf(text);
        while (at >= 0) {
          if (seen++ === nth) {
            // Find the text node and offset of the target character.
            const target = at + (charOffset ?? Math.floor(text.length / 2));
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            let pos = 0;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const len = n.textContent.length;
              if (target < pos + len) {
                const range = document.createRange();
                range.setStart(n, target - pos);
                range.setEnd(n, target - pos + 1);
                const r = range.getBoundingClientRect();
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              }
              pos += len;
            }
            return undefined;
          }
          at = full.indexOf(text, at + 1);
        }
      }
      return undefined;
    },
    { text, charOffset, nth },
  );
}

/** Hides any hover, so the next hoverText() starts clean. */
export async function dismissHover(page) {
  step('dismissHover');
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
}

/**
 * Runs a command by its title from the command palette (F1), like a person would. `title` is
 * what the palette shows, e.g. "Hypervisor Atlas: Show Diagram". Throws listing the palette's
 * rows if no row has exactly that label.
 */
/** Retries the helpers made since the last `takeRetries()`: the runner reports them per test. */
const retries = [];
export function noteRetry(what) {
  retries.push(what);
}
export function takeRetries() {
  return retries.splice(0);
}

/** The helper calls of the running test, so a test that times out says where it was. */
const steps = [];
let stepsSince = Date.now();
export function step(name, arg) {
  const what = typeof arg === 'string' ? `${name} "${arg.slice(0, 60)}"` : arg && typeof arg === 'object' && typeof arg.hasSelector === 'string' ? `${name} "${arg.hasSelector.slice(0, 60)}"` : name;
  steps.push(`${((Date.now() - stepsSince) / 1000).toFixed(1)} s ${what}`);
  if (steps.length > 40) steps.shift();
}
export function takeSteps() {
  stepsSince = Date.now();
  return steps.splice(0);
}

export async function runCommand(page, title, timeout = DEFAULT_TIMEOUT_MS) {
  step('runCommand', title);
  const input = page.locator('.quick-input-widget input');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const end = Date.now() + timeout;
  let labels = [];
  // The palette lists the commands registered when it opens. Some workbench contributions
  // register theirs late (the Output view's "Show Output Channels..."), so a palette opened
  // too early never shows them: reopen it until the command is there.
  for (;;) {
    await openPalette(page, input, end);
    try {
      await input.fill(`>${title}`, { timeout: 2000 });
    } catch (e) {
      // the palette closed again before it took the text (a busy workbench): open it again
      if (Date.now() >= end) throw e;
      noteRetry(`runCommand: the palette closed before "${title}" could be typed; opened it again`);
      continue;
    }
    const reopenAt = Math.min(end, Date.now() + 2500);
    while (Date.now() < reopenAt) {
      labels = (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
      const i = labels.findIndex((l) => l === title || l.startsWith(`${title} `) || l.replace(/\s+/g, ' ') === title);
      if (i >= 0) {
        await rows.nth(i).click();
        // The palette closes, or turns into the command's own quick pick (new text in the box).
        await page
          .waitForFunction(
            (typed) => {
              const el = document.querySelector('.quick-input-widget input');
              return !el || el.offsetParent === null || el.value !== typed;
            },
            `>${title}`,
            { timeout: 5000 },
          )
          .catch(() => {});
        return;
      }
      await page.waitForTimeout(150);
    }
    await page.keyboard.press('Escape');
    if (Date.now() >= end) break;
    noteRetry(`runCommand: "${title}" not in the palette yet; reopened it`);
  }
  throw new Error(`runCommand: no command titled "${title}" in the palette; it showed: ${JSON.stringify(labels.slice(0, 10))}`);
}

/**
 * page.keyboard.press with a time limit. A key the browser never acknowledges (seen under load
 * while the focus moved between the workbench and a webview's frame: Chromium waits for an ack
 * from a frame that no longer has the focus) would otherwise hang the test with no trace. The
 * key is pressed once more, reported as a retry; a second silence fails the test with the key's
 * name. `retry: false` returns false instead of pressing again.
 */
export async function pressKey(page, key, { ms = 5_000, retry = true } = {}) {
  step('pressKey', key);
  for (let attempt = 0; attempt < 2; attempt++) {
    const done = await answerWithin(page.keyboard.press(key).then(() => true), ms);
    if (done !== TIMED_OUT) return true;
    noteRetry(`pressKey: "${key}" was not acknowledged within ${ms} ms${retry && attempt === 0 ? '; pressed it again' : ''}`);
    if (!retry) return false;
  }
  throw new Error(`pressKey: "${key}" was not acknowledged twice within ${ms} ms`);
}

/** Opens the command palette; F1 can be lost while a webview's iframe holds the focus, so it takes the focus back and tries again. */
async function openPalette(page, input, end) {
  for (;;) {
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    try {
      // the palette can also close again at once (a quick pick that was still closing): retry
      await input.waitFor({ state: 'visible', timeout: Math.min(3000, Math.max(500, end - Date.now())) });
      return;
    } catch (e) {
      if (Date.now() >= end) throw e;
      noteRetry('runCommand: the palette did not open; pressed F1 again');
    }
  }
}

/**
 * Shows the view container whose activity bar item's label starts with `label` (e.g.
 * "Explorer", "Hypervisor Atlas") by clicking it, unless it is already showing (a second
 * click would hide the side bar).
 */
export async function clickActivityBar(page, label, timeout = DEFAULT_TIMEOUT_MS) {
  step('clickActivityBar', label);
  const item = page.locator('.part.activitybar .action-item', { has: page.locator(`a[aria-label^="${cssString(label)}"]`) }).first();
  await item.waitFor({ state: 'visible', timeout });
  const active = await item.evaluate((el) => el.classList.contains('checked'));
  const sideBarVisible = await page.locator('.part.sidebar').isVisible();
  if (!active || !sideBarVisible) await item.locator('a').first().click();
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout });
}

/**
 * The visible rows of the side bar's trees and lists (e.g. after clickActivityBar): their
 * labels, or with `details: true` objects { label, description, level, expanded }. `view`
 * limits it to the view whose header starts with that title (e.g. "Architectures").
 */
export async function sideBarRows(page, { view, details = false, timeout = DEFAULT_TIMEOUT_MS } = {}) {
  step('sideBarRows');
  const scope = view
    ? page.locator('.part.sidebar .pane', { has: page.locator(`.pane-header[aria-label^="${cssString(view)}"], .pane-header :text-is("${cssString(view)}")`) })
    : page.locator('.part.sidebar');
  const rows = scope.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout });
  const all = await rows.evaluateAll((els) =>
    els.map((el) => {
      const name = el.querySelector('.label-name');
      const desc = el.querySelector('.label-description');
      return {
        label: (name ? name.textContent : el.innerText.split('\n')[0]).trim(),
        description: desc ? desc.textContent.trim() : '',
        level: Number(el.getAttribute('aria-level') ?? 0),
        expanded: el.getAttribute('aria-expanded') === null ? undefined : el.getAttribute('aria-expanded') === 'true',
      };
    }),
  );
  return details ? all : all.map((r) => r.label);
}

const FRAME_ANSWER_MS = 5_000;
const TIMED_OUT = Symbol('timed out');
function answerWithin(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((r) => (timer = setTimeout(() => r(TIMED_OUT), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Playwright's frame.evaluate has no timeout, and in a webview frame that VS Code is replacing it
 * can wait forever: bound it, and ask the webview's current frame again once, reported as a retry.
 */
function boundEvaluate(page, frame, hasSelector) {
  if (frame.__atlasBounded) return frame;
  const evaluate = frame.evaluate.bind(frame);
  frame.__atlasEvaluate = evaluate;
  frame.evaluate = async (fn, arg) => {
    const first = await answerWithin(evaluate(fn, arg), FRAME_ANSWER_MS);
    if (first !== TIMED_OUT) return first;
    noteRetry(`evaluate: the webview frame (${frame.isDetached() ? 'detached' : 'attached'}) did not answer within ${FRAME_ANSWER_MS} ms; asked its current frame`);
    const fresh = await webviewFrame(page, { hasSelector });
    const again = await answerWithin(fresh.__atlasEvaluate(fn, arg), FRAME_ANSWER_MS);
    if (again === TIMED_OUT) throw new Error(`evaluate: the webview with "${hasSelector}" did not answer within ${FRAME_ANSWER_MS} ms twice`);
    return again;
  };
  frame.__atlasBounded = true;
  return frame;
}

/**
 * The frame holding a webview's own content (its HTML, not VS Code's wrapper), polling
 * page.frames(). With `hasSelector`, waits for a webview whose DOM matches it.
 */
export async function webviewFrame(page, { hasSelector = 'body *', timeout = DEFAULT_TIMEOUT_MS } = {}) {
  step('webviewFrame', hasSelector);
  const end = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      // Webview content loads as the inner frame (…/pre/fake.html or the active-frame), on a
      // <uuid>.localhost origin in test-web and on the workbench's own origin in code-server;
      // the outer index.html frame is VS Code's host.
      const url = frame.url();
      if (!(/\.localhost[:/]/.test(url) || /\/webview\/browser\/pre\//.test(url)) || /\/pre\/index\.html/.test(url)) continue;
      try {
        // a query in a frame being torn down can stay unanswered for good: bound it
        const hit = await answerWithin(frame.$(hasSelector), FRAME_ANSWER_MS);
        if (hit === TIMED_OUT) noteRetry(`webviewFrame: a frame (${frame.isDetached() ? 'detached' : 'attached'}) did not answer within ${FRAME_ANSWER_MS} ms; polled the others`);
        else if (hit) return boundEvaluate(page, frame, hasSelector);
      } catch {
        /* frame navigated or detached; keep polling */
      }
    }
    if (Date.now() > end) {
      throw new Error(`webviewFrame: no webview frame with "${hasSelector}" after ${timeout} ms; frames: ${JSON.stringify(page.frames().map((f) => f.url()))}`);
    }
    await page.waitForTimeout(150);
  }
}

/**
 * A diagram page is drawn and shows the knowledge base as it is once the workspace glossary's
 * first load is over: a page opened before that is redrawn in place (an update, the same frame)
 * and marked settled then. Wait for this before reading boxes, so the redraw cannot race a test.
 */
export const DIAGRAM_READY = 'body[data-ready="true"][data-settled="true"]';

/** Where screenshots go: media/screenshots/ under `run.mjs --screenshots`, else test-results/screenshots/. */
export function screenshotDir() {
  return process.env.ATLAS_SCREENSHOT_DIR ?? join(ROOT, 'test-results', 'screenshots');
}

/** Saves a PNG of the page (or of `locator`) as <dir>/<name>.png and returns its path. */
export async function screenshot(page, name, { dir = screenshotDir(), locator, fullPage = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${slug(name)}.png`);
  await (locator ?? page).screenshot({ path, ...(locator ? {} : { fullPage }), timeout: DEFAULT_TIMEOUT_MS, animations: 'disabled' });
  return path;
}

/** Gives keyboard focus to the workbench (the active editor if any) before shortcuts. */
async function focusWorkbench(page) {
  await page.bringToFront();
  // a webview's iframe keeps keyboard focus after a click inside it: shortcuts typed there may
  // not reach the workbench, and a key sent while the focus leaves the frame can stay
  // unacknowledged for good (it hung tests for 90 s). Give the focus back to the main document
  // before any key.
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active && active.tagName === 'IFRAME') active.blur();
  });
  await page.keyboard.press('Escape').catch(() => {});
}

function cssString(s) {
  return s.replace(/["\\]/g, '\\$&');
}

function slug(s) {
  return String(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Every file under samples/ (the mounted workspace), as `kvm/guest.xml`-style paths, sorted. */
export function listSamples(dir = SAMPLES_DIR, prefix = '') {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? listSamples(join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : []))
    .sort();
}

/** The rows a quick pick currently shows (first line of each), e.g. after runCommand(). */
export async function quickPickRows(page, timeout = DEFAULT_TIMEOUT_MS) {
  step('quickPickRows', timeout);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout });
  return (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
}

/** The 1-based line of samples/<rel> that contains `text`. */
export function lineOf(rel, text) {
  const i = readFileSync(join(ROOT, 'samples', ...rel.split('/')), 'utf8').split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `${text} is not in samples/${rel}`);
  return i + 1;
}

/** Scrolls the active editor to `line` with Go to Line, as a person would. */
export async function revealLine(page, line) {
  step('revealLine', line);
  await runCommand(page, 'Go to Line/Column...');
  const input = page.locator('.quick-input-widget input');
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(300);
}
