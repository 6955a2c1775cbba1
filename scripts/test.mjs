#!/usr/bin/env node
// `npm test`: typecheck, lint, build (strict), unit tests, the robustness suite (test/robustness), then the workbench tests (API tests
// inside a real VS Code for the Web, and UI tests driving it with Playwright), then the packed
// .vsix in code-server's Node extension host: the API suite in every pinned code-server (newest
// and the one matching engines.vscode) and the UI tests in the newest. Each step's output is
// streamed. Ends with one line summing every suite:
//   N passed, N failed[, N skipped]
// A step that fails or crashes counts as one failure (typecheck, lint, build) or, for a test
// step that cannot report, as one failure on top of what it reported; the line still prints.
// Exits non-zero if anything failed.
//
// Usage: node scripts/test.mjs [--unit] [--no-workbench] [mocha options for the unit tests]
//   --unit          build and run the unit tests only (what `npm run test:unit` does)
//   --no-workbench  skip the workbench tests (they are counted as not run, not as passed); the
//                   robustness suite still runs (--unit skips it)
// code-server runs where `node scripts/code-server.mjs install` has installed it; elsewhere its
// suites count as skipped, and with ATLAS_REQUIRE_CODE_SERVER=1 (as CI sets) as failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './workbench.mjs';
import { CODE_SERVERS, codeServerPath } from './code-server.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const argv = process.argv.slice(2);
const unitOnly = argv.includes('--unit');
const noWorkbench = argv.includes('--no-workbench') || unitOnly;
// Anything else goes to mocha for the unit tests, e.g. `npm run test:unit -- --grep tokenizer`.
const mochaArgs = argv.filter((a) => a !== '--unit' && a !== '--no-workbench');

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s) => paint(1, s);
const red = (s) => paint(31, s);
const green = (s) => paint(32, s);
const dim = (s) => paint(2, s);

const RESULTS = join(ROOT, 'test-results');
const UNIT_RESULTS = join(RESULTS, 'unit.json');
const WORKBENCH_RESULTS = join(RESULTS, 'workbench.json');
const VSIX = join(RESULTS, 'hypervisor-atlas.vsix');
const ROBUSTNESS_RESULTS = join(RESULTS, 'robustness.json');

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

/** Runs `node <script> ...args`, streaming its output; resolves { code, signal, ms }. */
function runNode(script, args, { timeoutMs, env } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    let child;
    try {
      child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    } catch (e) {
      resolve({ code: null, error: e, ms: 0 });
      return;
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, error, ms: Date.now() - started });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: Date.now() - started });
    });
  });
}

function bin(pkg, relPath) {
  return join(require.resolve(`${pkg}/package.json`).replace(/package\.json$/, ''), relPath);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function header(title) {
  console.log(`\n${bold(`▶ ${title}`)}`);
}

function outcome(r) {
  if (r.error) return `could not start: ${r.error.message}`;
  if (r.timedOut) return `timed out after ${(r.ms / 1000).toFixed(0)} s`;
  if (r.signal) return `killed by ${r.signal}`;
  return `exit code ${r.code}`;
}

/** A step that is not a test suite: one failure if it does not exit 0. */
async function checkStep(title, script, args, timeoutMs) {
  header(title);
  let r;
  try {
    r = await runNode(script, args, { timeoutMs });
  } catch (e) {
    r = { code: null, error: e, ms: 0 };
  }
  const ok = r.code === 0;
  if (!ok) totals.failed++;
  summary.push(`${ok ? green('✓') : red('✗')} ${title} ${dim(`(${(r.ms / 1000).toFixed(1)} s${ok ? '' : `, ${outcome(r)}`})`)}`);
  return ok;
}

/** A test step: adds the counts from its results file; a crash or a missing file is a failure. */
async function testStep(title, script, args, resultsFile, timeoutMs, readCounts) {
  header(title);
  rmSync(resultsFile, { force: true });
  let r;
  try {
    r = await runNode(script, args, { timeoutMs, env: { ATLAS_MOCHA_RESULTS: resultsFile } });
  } catch (e) {
    r = { code: null, error: e, ms: 0 };
  }
  const json = readJson(resultsFile);
  const counts = readCounts(json);
  let crashed = false;
  if (!counts) {
    crashed = true;
    totals.failed++;
  } else {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    // Exited non-zero with no failing test: something outside the tests broke.
    if (r.code !== 0 && counts.failed === 0) {
      crashed = true;
      totals.failed++;
    }
  }
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  const ok = !crashed && c.failed === 0;
  const detail = `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}; ${(r.ms / 1000).toFixed(1)} s${crashed ? `; ${outcome(r)}, did not report all results` : ''}`;
  summary.push(`${ok ? green('✓') : red('✗')} ${title} ${dim(`(${detail})`)}`);
  // name what failed right under its step: CI shows only the end of the output
  const failures = Array.isArray(json?.failed) ? json.failed : Array.isArray(json?.failures) ? json.failures : [];
  for (const f of failures.slice(0, 10)) {
    summary.push(red(`    ✗ ${f.phase}: ${f.title}`) + dim(` — ${String(f.error).slice(0, 300)}`));
  }
}

/** The packed .vsix in code-server's Node extension host: API suite per version, UI tests in the newest. */
async function codeServerSteps() {
  const versions = Object.keys(CODE_SERVERS);
  const installed = versions.filter((v) => codeServerPath(v));
  const missing = versions.filter((v) => !codeServerPath(v));
  if (missing.length) {
    const why = `code-server ${missing.join(', ')} not installed (node scripts/code-server.mjs install)`;
    if (process.env.ATLAS_REQUIRE_CODE_SERVER === '1') {
      totals.failed += missing.length;
      summary.push(`${red('✗')} Node extension host: ${why}`);
    } else {
      totals.skipped += missing.length;
      summary.push(`${dim('-')} Node extension host: ${why}; not run`);
    }
  }
  if (!installed.length) return;
  const packed =
    (await checkStep('production build (node esbuild.mjs --production)', join(ROOT, 'esbuild.mjs'), ['--production'], 300_000)) &&
    (await checkStep('package the .vsix (vsce package)', bin('@vscode/vsce', 'vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', VSIX], 300_000));
  if (!packed) return;
  const runner = join(ROOT, 'test', 'workbench', 'run.mjs');
  const countsOf = (j) => (j && j.api && j.ui ? sum(j.api, j.ui) : undefined);
  for (const v of installed) {
    const file = join(RESULTS, `code-server-${v}-api.json`);
    await testStep(`API suite in code-server ${v} (VS Code ${CODE_SERVERS[v].vscode}, Node extension host, packed .vsix)`, runner, ['--api-only', '--host', `code-server-${v}`, '--vsix', VSIX, '--results', file], file, 400_000, countsOf);
  }
  const newest = installed[0];
  const file = join(RESULTS, `code-server-${newest}-ui.json`);
  await testStep(`UI tests in code-server ${newest} (Node extension host, packed .vsix)`, runner, ['--ui-only', '--host', `code-server-${newest}`, '--vsix', VSIX, '--results', file], file, 570_000, countsOf);
}

const sum = (a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped });

async function main() {
  const started = Date.now();
  if (!unitOnly) {
    await checkStep('typecheck (tsc -p . --noEmit)', bin('typescript', 'bin/tsc'), ['-p', '.', '--noEmit'], 300_000);
    await checkStep('lint (eslint .)', bin('eslint', 'bin/eslint.js'), ['.'], 300_000);
  }
  const built = await checkStep('build (node esbuild.mjs)', join(ROOT, 'esbuild.mjs'), [], 300_000);
  if (!built) {
    summary.push(red('  tests not run: the build failed') + dim(' (if only content/ is in progress: `node esbuild.mjs --lenient && npx mocha && node test/workbench/run.mjs`)'));
  } else {
    await testStep(
      'unit tests (mocha)',
      bin('mocha', 'bin/mocha.js'),
      ['--reporter', join(ROOT, 'scripts', 'mocha-counting-reporter.cjs'), ...mochaArgs],
      UNIT_RESULTS,
      300_000,
      (j) => (j && typeof j.passed === 'number' ? j : undefined),
    );
    if (!unitOnly) {
      await testStep(
        'robustness tests (mocha, test/robustness)',
        bin('mocha', 'bin/mocha.js'),
        ['--no-config', '--timeout', '120000', '--reporter', join(ROOT, 'scripts', 'mocha-counting-reporter.cjs'), 'out/test/robustness/**/*.test.cjs'],
        ROBUSTNESS_RESULTS,
        300_000,
        (j) => (j && typeof j.passed === 'number' ? j : undefined),
      );
    }
    if (!noWorkbench) {
      await testStep(
        'workbench tests (VS Code for the Web + Chromium)',
        join(ROOT, 'test', 'workbench', 'run.mjs'),
        ['--results', WORKBENCH_RESULTS],
        WORKBENCH_RESULTS,
        570_000,
        (j) => (j && j.api && j.ui ? sum(j.api, j.ui) : undefined),
      );
      await codeServerSteps();
    }
  }
  console.log(`\n${bold('Summary')} ${dim(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)}`);
  for (const line of summary) console.log(`  ${line}`);
  if (!existsSync(join(ROOT, 'samples'))) console.log(dim('  note: samples/ is missing'));
}

try {
  await main();
} catch (e) {
  console.error(red(`scripts/test.mjs crashed: ${e?.stack ?? e}`));
  totals.failed++;
}
// The one line CI reads: alone, last.
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
