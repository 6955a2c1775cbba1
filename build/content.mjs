// `node build/content.mjs --check`: checks the knowledge base and prints `file:line: message`s.
import { buildContent } from '../esbuild.mjs';
import { chdir } from 'node:process';
import { fileURLToPath } from 'node:url';

chdir(fileURLToPath(new URL('..', import.meta.url)));
const { kb, problems } = await buildContent({ write: !process.argv.includes('--check') });
for (const p of problems) console.error(p);
console.log(`${kb.entries.length} entries, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
