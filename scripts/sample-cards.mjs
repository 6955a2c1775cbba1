#!/usr/bin/env node
// Prints every card the built CLI gives on a held-out sample, with its line, so a judgement is
// repeatable: node scripts/sample-cards.mjs MANIFEST.tsv [--misses]
// MANIFEST.tsv: repo<TAB>commit<TAB>path<TAB>local file, one file a line (the files stay outside the repo).
// Output: one card a line, `repo<TAB>path<TAB>line:col<TAB>term<TAB>entry id<TAB>line text`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [manifest] = process.argv.slice(2);
if (!manifest) {
  console.error('usage: node scripts/sample-cards.mjs MANIFEST.tsv');
  process.exit(2);
}
const rows = readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
let cards = 0;
let lines = 0;
for (const [repo, , path, local] of rows) {
  const out = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'scan', '--json', local], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const text = readFileSync(local, 'utf8').split('\n');
  lines += text.length;
  const [file] = JSON.parse(out).files;
  for (const m of file?.matches ?? []) {
    cards++;
    const ctx = text[m.line - 1].trim().replace(/\t/g, ' ').slice(0, 160);
    console.log([repo, path, `${m.line}:${m.column}`, m.text.replace(/\s+/g, ' '), m.id, ctx].join('\t'));
  }
}
console.error(`${cards} cards on ${rows.length} files, ${lines} lines`);
