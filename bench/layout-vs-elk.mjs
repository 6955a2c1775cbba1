// node bench/layout-vs-elk.mjs [--json] [--runs N] [--svg DIR]   (also: npm run bench -- --only layout)
//
// Our hand-written diagram layout against ELK's layered algorithm (elkjs, a devDependency: never
// in the .vsix or a bundle), on every system diagram and the Type 1 / Type 2 comparison. Both
// drawings are measured with src/core/diagram/quality.ts. The ELK options and the graph we feed
// it are in bench/src/elk.ts; docs/reviews/layout-vs-elk.md discusses the figures.
//
//   --json     print the JSON result instead of the table
//   --runs N   timed layouts per diagram and engine, after one warm-up (default 3); the median is shown
//   --svg DIR  also write each drawing as an SVG (ours and ELK's, story and all edges)
import { bundleForBench } from './bundle.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out', 'bench');

/** Runs the comparison; resolves its JSON result. */
export async function layoutVsElk({ runs = 3, svgDir } = {}) {
  if (!existsSync(join(root, 'dist/knowledge.json'))) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (b.status !== 0) throw new Error('the build failed');
  }
  mkdirSync(out, { recursive: true });
  await bundleForBench({ 'layout-vs-elk': 'bench/src/layout-vs-elk.ts' }, { external: ['elkjs'] });
  const r = spawnSync(process.execPath, [join(out, 'layout-vs-elk.cjs'), JSON.stringify({ runs, ...(svgDir ? { svgDir: resolve(svgDir) } : {}) })], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 2], maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`layout-vs-elk failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const COLUMNS = [
  ['edges', 'edges'],
  ['crossings', 'cross'],
  ['bends', 'bends'],
  ['sharedSegments', 'shared'],
  ['labelOverlaps', 'lbl/box'],
  ['edgeLength', 'length'],
  ['size', 'w×h'],
  ['area', 'area kpx²'],
  ['smallestLabelPx', 'min px'],
  ['ms', 'ms'],
];

/** The result as a plain-text table, one line per diagram and engine. */
export function layoutTable(result) {
  const rows = [['diagram', 'layout', ...COLUMNS.map(([, h]) => h)]];
  for (const [view, engines] of Object.entries(result.views)) {
    for (const [engine, f] of Object.entries(engines)) {
      const cell = (k) => (k === 'size' ? `${f.width}×${f.height}` : k === 'area' ? String(Math.round(f.area / 1000)) : k === 'ms' ? f.ms.toFixed(1) : String(f[k]));
      rows.push([view, engine, ...COLUMNS.map(([k]) => cell(k))]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c < 2 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ')).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const result = await layoutVsElk({ runs: Number(at('--runs') ?? 3), svgDir: at('--svg') });
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${layoutTable(result)}\n`);
  const bad = Object.entries(result.views).flatMap(([v, e]) => Object.entries(e).filter(([, f]) => f.diagonal > 0).map(([k]) => `${v} ${k}`));
  if (bad.length) process.stderr.write(`not orthogonal: ${bad.join(', ')}\n`);
}
