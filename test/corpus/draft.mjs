// Prints the engine's matches on one corpus file in .expect format, as a draft to judge by hand:
//   node test/corpus/draft.mjs test/corpus/qemu/run-vm.sh
import { execFileSync } from 'node:child_process';
const path = process.argv[2];
const out = JSON.parse(execFileSync('node', ['dist/cli.js', 'scan', '--json', path], { encoding: 'utf8' }));
for (const f of out.files ?? out) for (const m of f.matches) console.log(`${m.line}:${m.column}\t${m.text.replace(/\s+/g, ' ')}\t${m.id}`);
