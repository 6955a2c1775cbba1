#!/usr/bin/env node
// Adds the strings of src/**'s `messages({ … })` catalogs (pure modules, which vscode-l10n-dev
// cannot see) to l10n/bundle.l10n.json. Run after `vscode-l10n-dev export` (npm run l10n).
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

await esbuild.build({ entryPoints: ['build/l10n.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: 'out/build/l10n.cjs', external: ['typescript'], logLevel: 'warning' });
const { scanMessages } = createRequire(import.meta.url)('../out/build/l10n.cjs');

const walk = (dir) => readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const bundleFile = join('l10n', 'bundle.l10n.json');
const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
let added = 0;
let failed = false;
for (const file of walk('src').filter((f) => f.endsWith('.ts'))) {
  const { catalog, computed } = scanMessages(file, readFileSync(file, 'utf8'));
  for (const c of computed) {
    console.error(`${file}:${c.line}: messages() takes an object of string literals: ${c.text}`);
    failed = true;
  }
  for (const s of catalog) {
    if (!(s in bundle)) added++;
    bundle[s] = s;
  }
}
if (failed) process.exit(1);
writeFileSync(bundleFile, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`${bundleFile}: ${Object.keys(bundle).length} strings (${added} from messages() catalogs)`);
