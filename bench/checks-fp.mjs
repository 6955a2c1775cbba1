// False positives of the misconception checks on real documentation: every README/*.md under
// node_modules, plus this repository's docs, content and samples. Prints lines scanned and
// every finding, to be judged one by one.   node bench/checks-fp.mjs [--json] [--code] [DIR...]
// --code also reads the comments of code files (.js .ts .py .sh .go .c .h .yaml ...).
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, lstatSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(join(root, 'out'), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'src/core/checks/index.ts')],
  bundle: true, platform: 'node', format: 'cjs', outfile: join(root, 'out/bench/checks.cjs'), logLevel: 'error',
  plugins: [{ name: 'kb', setup(b) {
    b.onResolve({ filter: /^atlas-knowledge$/ }, () => ({ path: 'k', namespace: 'kb' }));
    b.onLoad({ filter: /.*/, namespace: 'kb' }, () => ({ contents: readFileSync(join(root, 'dist/knowledge.json'), 'utf8'), loader: 'text' }));
  } }],
});
const { runChecks } = createRequire(import.meta.url)(join(root, 'out/bench/checks.cjs'));

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dirs = args.length ? args : ['node_modules', 'docs', 'content', 'samples', '/work/shared/docs'];
const withCode = process.argv.includes('--code');
const seen = new Set();
let files = 0, lines = 0, bytes = 0;
const findings = [];
function walk(dir) {
  let names;
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try { st = lstatSync(p); } catch { continue; }
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) { if (name !== '.git' && !p.endsWith('content/checks')) walk(p); continue; }
    const docs = /\.(md|markdown|rst|adoc|txt)$/i.test(name);
    const code = withCode && /\.(js|mjs|cjs|ts|py|sh|go|c|h|cc|cpp|rs|java|rb|ya?ml|ps1|tf)$/i.test(name) && !/\.min\.js$/.test(name);
    if ((!docs && !code) || st.size > 4 * 1024 * 1024) continue;
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = readFileSync(p, 'utf8');
    files++;
    bytes += text.length;
    lines += text.split('\n').length;
    for (const f of runChecks(text, { fileName: name })) {
      const a = text.lastIndexOf('\n', f.start) + 1;
      let b = text.indexOf('\n', f.end);
      if (b < 0) b = text.length;
      findings.push({ file: relative(root, p), line: f.line + 1, check: f.checkId, text: text.slice(f.start, f.end), context: text.slice(a, b).trim().slice(0, 240) });
    }
  }
}
const t0 = performance.now();
for (const d of dirs) walk(d.startsWith('/') ? d : join(root, d));
const ms = performance.now() - t0;
if (process.argv.includes('--json')) console.log(JSON.stringify({ files, lines, bytes, ms, findings }, null, 1));
else {
  for (const f of findings) console.log(`${f.file}:${f.line}: ${f.check}: «${f.text}»\n    ${f.context}`);
  console.log(`${files} files, ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB scanned in ${(ms / 1000).toFixed(1)} s: ${findings.length} finding(s)`);
}
