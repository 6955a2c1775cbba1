#!/usr/bin/env node
// Runs the workbench API suite (out/test/workbench/suite.js, built by `node esbuild.mjs`) in
// desktop VS Code with @vscode/test-electron, where desktop VS Code can be downloaded (or is
// already cached in .vscode-test/). Where it cannot (no network to update.code.visualstudio.com,
// or no display on Linux), it says why and exits 0: skipped, not passed.
//
// Usage: node test/electron/run.mjs [--version <x.y.z|stable|insiders>]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLES_DIR } from '../../scripts/workbench.mjs';

const CHECK_TIMEOUT_MS = Number(process.env.ATLAS_ELECTRON_CHECK_TIMEOUT_MS ?? 5000);
const RELEASES_API = 'https://update.code.visualstudio.com/api/releases/stable';
const CACHE = join(ROOT, '.vscode-test');
const SUITE_BUNDLE = join(ROOT, 'out', 'test', 'workbench', 'suite.js');
const i = process.argv.indexOf('--version');
const version = i >= 0 ? process.argv[i + 1] : process.env.ATLAS_VSCODE_VERSION;

function skip(reason) {
  console.log(`desktop VS Code tests (@vscode/test-electron): skipped: ${reason}`);
  process.exit(0);
}

if (!existsSync(SUITE_BUNDLE)) {
  console.error(`missing ${SUITE_BUNDLE}: run \`node esbuild.mjs\` first`);
  process.exit(1);
}

// 1. A VS Code build: a cached one, or the network to download one. Checked with a short
//    timeout so an offline machine does not wait on test-electron's own retries.
const cached = existsSync(CACHE) && readdirSync(CACHE).some((n) => n.startsWith('vscode-'));
if (!cached) {
  try {
    const res = await fetch(RELEASES_API, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    if (!res.ok) skip(`${RELEASES_API} answered HTTP ${res.status}, so desktop VS Code cannot be downloaded`);
  } catch (e) {
    const why = e?.name === 'TimeoutError' ? `no answer within ${CHECK_TIMEOUT_MS / 1000} s` : (e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(e));
    skip(`cannot reach ${new URL(RELEASES_API).host} (${why}), so desktop VS Code cannot be downloaded; nothing is cached in .vscode-test/`);
  }
}

// 2. A display: Electron needs one on Linux. Re-run under xvfb-run when it is installed.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (!process.env.ATLAS_UNDER_XVFB && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0) {
    const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, ATLAS_UNDER_XVFB: '1' } });
    process.exit(r.status ?? 1);
  }
  skip('no display (DISPLAY is unset and xvfb-run is not installed: `apt-get install -y xvfb`)');
}

const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
try {
  const vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: CACHE, timeout: 60_000 });
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_BUNDLE,
    launchArgs: [SAMPLES_DIR, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('desktop VS Code tests: passed');
} catch (e) {
  console.error(`desktop VS Code tests: failed: ${e?.message ?? e}`);
  process.exit(1);
}
