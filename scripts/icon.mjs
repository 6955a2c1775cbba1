#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128x128, the Marketplace icon) in the local
// Chromium. Run it after editing the SVG: `node scripts/icon.mjs`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchChromium } from './workbench.mjs';

const svg = readFileSync(join(ROOT, 'media', 'icon.svg'), 'utf8');
const browser = await launchChromium({ viewport: { width: 128, height: 128 } });
try {
  await browser.page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}</style>${svg}`);
  await browser.page.locator('svg').screenshot({ path: join(ROOT, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('wrote media/icon.png');
