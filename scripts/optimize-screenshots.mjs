#!/usr/bin/env node
// Shrinks media/screenshots/*.png with pngquant (256-colour palettes, about a third of the size)
// so the README's images can ship in the .vsix. `npm run screenshots` runs it; without pngquant
// (apt-get install pngquant) it says so and leaves the files as they are. File names as
// arguments (`extension-page.png`) limit it to those.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './workbench.mjs';

const dir = join(ROOT, 'media', 'screenshots');
if (spawnSync('pngquant', ['--version']).error) {
  console.log('pngquant is not installed (apt-get install pngquant): screenshots left unoptimized');
  process.exit(0);
}
let before = 0;
let after = 0;
const only = process.argv.slice(2);
for (const name of readdirSync(dir).filter((n) => n.endsWith('.png') && (!only.length || only.includes(n)))) {
  const file = join(dir, name);
  before += statSync(file).size;
  // exit code 98/99: the result would be bigger or below the quality floor; the file is kept
  const r = spawnSync('pngquant', ['--quality=80-95', '--speed', '1', '--strip', '--skip-if-larger', '--force', '--ext', '.png', file]);
  if (r.status !== 0 && r.status !== 98 && r.status !== 99) console.error(`pngquant failed on ${name}: ${r.stderr}`);
  after += statSync(file).size;
}
console.log(`screenshots: ${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB`);
