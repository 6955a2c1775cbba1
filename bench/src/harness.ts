/**
 * The in-process part of the benchmark: scan throughput of every engine on every input (engines
 * interleaved, median of several runs after a warm-up that also checks the engines agree), and
 * hover lookup latency. bench/run.mjs builds this file, runs it in a child process with the
 * settings as JSON in argv[2], and reads one JSON object from its stdout.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { markdownItTerms } from '../../src/core/render/markdown-terms';
import { looksLikeXlConfig } from '../../src/features/languages/xl-detect';
import { scanText } from '../../src/features/in-file/scan';
import { detectProfile } from '../../src/core/profile/index';
import { checkInSlices } from '../../src/core/checks/slices';
import { KnowledgeIndex } from '../../src/core/knowledge/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { LOOKUP_RADIUS, type TermMatch } from '../../src/core/matching/matcher';
import { alternationEngine, atlasEngine, classicAhoCorasickEngine, modernAhoCorasickEngine, naiveEngine, type Engine } from './engines';
import { Verifier } from './shared';

export interface HarnessSettings {
  inputs: { name: string; path: string }[];
  /** timed runs per engine and input, after one warm-up run */
  runs: number;
  /** naive runs on this many leading characters of each input */
  naiveChars: number;
  /** timed runs for naive (it is slow) */
  naiveRuns: number;
  /** engines are also compared with every generic word on this many leading characters */
  alwaysChars: number;
  /** hover lookups per run, and runs */
  hoverLookups: number;
  hoverRuns: number;
  /**
   * `only`: measure the extension-host slices and nothing else, in a process that holds what the
   * extension host holds (the knowledge base, its engine, the document), not the other engines and
   * the inputs the comparison keeps alive, whose garbage collections would land in the slices;
   * `skip`: everything but the slices (run.mjs runs them in a second process)
   */
  slices?: 'only' | 'skip';
}

export interface EngineResult {
  mbPerSec: number;
  /** median time of one scan */
  ms: number;
  /** bytes of the text scanned (naive: a leading slice) */
  bytes: number;
  matches: number;
  runs: number;
}

export interface HarnessResult {
  inputs: Record<string, { bytes: number; chars: number; engines: Record<string, EngineResult> }>;
  hover: Record<string, { p50us: number; p99us: number; maxus: number; lookups: number }>;
  agree: boolean;
  /** matches compared between engines */
  compared: number;
  disagreements: string[];
  engines: Record<string, { patterns: number; buildMs: number }>;
  entries: number;
  aliases: number;
  lookupRadius: number;
  slices: {
    inFile: Record<string, { chars: number; maxSliceMs: number; maxSliceCpuMs: number; slices: number; totalMs: number; matches: number }>;
    /** the code input read as the extension reads a .js file (its profile's contexts): the quietness figure */
    quiet?: { lines: number; matches: number };
    /** misconception checks as the editor runs them: building the engine, then each input in slices */
    checks?: Record<string, { chars: number; maxSliceMs: number; maxSliceCpuMs: number; slices: number; totalMs: number; matches: number }>;
    xl: Record<string, { ms: number }>;
    preview: { chars: number; withMs: number; withoutMs: number; addedMsPerMB: number };
  };
}

const MB = 1024 * 1024;
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The first `n` characters of text, cut after a line break or space so no word is split. */
function leading(text: string, n: number): string {
  if (text.length <= n) return text;
  let end = n;
  while (end > n / 2 && !/\s/.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The first difference between two match lists, or undefined when they are identical. */
function difference(text: string, want: TermMatch[], got: TermMatch[]): string | undefined {
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    const a = want[i];
    const b = got[i];
    if (a && b && a.start === b.start && a.end === b.end && a.id === b.id) continue;
    const show = (m: TermMatch | undefined) => (m ? `${JSON.stringify(text.slice(m.start, m.end))} [${m.start}, ${m.end}) ${m.id}` : 'nothing');
    return `match ${i} of ${want.length}: atlas ${show(a)}, got ${show(b)} (of ${got.length})`;
  }
  return undefined;
}

/** A small deterministic random generator, so every run looks up the same positions. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(settings: HarnessSettings): HarnessResult {
  const kb = bundledKnowledge();
  const built: Record<string, { patterns: number; buildMs: number }> = {};
  const make = (f: () => Engine): Engine => {
    const t = performance.now();
    const e = f();
    built[e.name] = { patterns: e.patterns, buildMs: performance.now() - t };
    return e;
  };
  const atlas = make(() => atlasEngine(kb));
  const verifier = new Verifier(kb.matcher, kb.entries);
  const engines = [
    atlas,
    make(() => naiveEngine(verifier)),
    make(() => alternationEngine(verifier)),
    make(() => modernAhoCorasickEngine(verifier)),
    make(() => classicAhoCorasickEngine(verifier)),
  ];
  log(`engines built: ${Object.entries(built).map(([n, b]) => `${n} ${b.buildMs.toFixed(0)} ms`).join(', ')}`);

  const inputs = settings.inputs.map(({ name, path }) => {
    const text = readFileSync(path, 'utf8');
    const naiveText = leading(text, settings.naiveChars);
    return { name, text, naiveText, bytes: Buffer.byteLength(text), naiveBytes: Buffer.byteLength(naiveText) };
  });
  const textFor = (input: (typeof inputs)[number], e: Engine) => (e.name === 'naive' ? input.naiveText : input.text);

  // warm-up run: also checks that every engine reports atlas's matches, as the extension scans
  // (generic words near specific terms) on the whole input, and with every generic word on a
  // leading slice (so ordinary code, where the extension finds little, is compared too)
  const disagreements: string[] = [];
  const matches = new Map<string, number>();
  let compared = 0;
  for (const input of inputs) {
    const reference = atlas.scan(input.text);
    const naiveReference = input.naiveText === input.text ? reference : atlas.scan(input.naiveText);
    const allText = leading(input.text, settings.alwaysChars);
    const allReference = atlas.scan(allText, 'always');
    matches.set(`${input.name}/atlas`, reference.length);
    compared += reference.length + allReference.length * (engines.length - 1);
    for (const e of engines) {
      if (e === atlas) continue;
      const t = performance.now();
      const got = e.scan(textFor(input, e));
      const want = e.name === 'naive' ? naiveReference : reference;
      compared += want.length;
      matches.set(`${input.name}/${e.name}`, got.length);
      let diff = difference(textFor(input, e), want, got);
      const always = e.name === 'naive' ? [allReference, atlas.scan(input.naiveText, 'always'), e.scan(input.naiveText, 'always')] : [allReference, allReference, e.scan(allText, 'always')];
      const alwaysDiff = difference(e.name === 'naive' ? input.naiveText : allText, always[1], always[2]);
      if (alwaysDiff) diff = `${diff ? `${diff}; ` : ''}generic 'always': ${alwaysDiff}`;
      if (diff) disagreements.push(`${input.name}, ${e.name}: ${diff}`);
      log(`warm-up ${input.name} ${e.name}: ${got.length} matches (${always[2].length} with every generic word), ${(performance.now() - t).toFixed(0)} ms${diff ? ' DISAGREES' : ''}`);
    }
    gc();
  }
  const agree = disagreements.length === 0;
  const result: HarnessResult = {
    inputs: {},
    hover: {},
    agree,
    compared,
    disagreements,
    engines: built,
    entries: kb.entries.length,
    aliases: kb.entries.reduce((n, e) => n + e.aliases.length, 0),
    lookupRadius: LOOKUP_RADIUS,
    slices: { inFile: {}, xl: {}, preview: { chars: 0, withMs: 0, withoutMs: 0, addedMsPerMB: 0 } },
  };
  if (!agree) return result;

  // timed runs: every run visits every input and every engine, in a rotating order
  const times = new Map<string, number[]>();
  const maxRuns = Math.max(settings.runs, settings.naiveRuns);
  for (let run = 0; run < maxRuns; run++) {
    for (const input of inputs) {
      for (let k = 0; k < engines.length; k++) {
        const e = engines[(k + run) % engines.length];
        if (run >= (e.name === 'naive' ? settings.naiveRuns : settings.runs)) continue;
        const text = textFor(input, e);
        gc();
        const t = performance.now();
        const found = e.scan(text);
        const ms = performance.now() - t;
        if (found.length !== matches.get(`${input.name}/${e.name}`)) throw new Error(`${e.name} found ${found.length} matches in ${input.name} on run ${run}`);
        const key = `${input.name}/${e.name}`;
        times.set(key, [...(times.get(key) ?? []), ms]);
      }
    }
    log(`run ${run + 1}/${maxRuns} done`);
  }
  for (const input of inputs) {
    const engineResults: Record<string, EngineResult> = {};
    for (const e of engines) {
      const ts = times.get(`${input.name}/${e.name}`)!;
      const ms = median(ts);
      const bytes = e.name === 'naive' ? input.naiveBytes : input.bytes;
      engineResults[e.name] = { mbPerSec: bytes / MB / (ms / 1000), ms, bytes, matches: matches.get(`${input.name}/${e.name}`)!, runs: ts.length };
    }
    result.inputs[input.name] = { bytes: input.bytes, chars: input.text.length, engines: engineResults };
  }

  // hover: matchAt on the window the extension reads around a random position
  const matcher = kb.matcher;
  for (const input of inputs) {
    const { text } = input;
    const next = random(0x5eed);
    const lookup = (offset: number) => {
      const from = Math.max(0, offset - LOOKUP_RADIUS);
      const window = text.slice(from, Math.min(text.length, offset + LOOKUP_RADIUS));
      return matcher.matchAt(window, offset - from);
    };
    for (let i = 0; i < Math.min(2000, settings.hoverLookups); i++) lookup(Math.floor(next() * text.length));
    const p50: number[] = [];
    const p99: number[] = [];
    let max = 0;
    for (let run = 0; run < settings.hoverRuns; run++) {
      const us = new Float64Array(settings.hoverLookups);
      gc();
      for (let i = 0; i < us.length; i++) {
        const offset = Math.floor(next() * text.length);
        const t = performance.now();
        lookup(offset);
        us[i] = (performance.now() - t) * 1000;
      }
      us.sort();
      p50.push(quantile(us, 0.5));
      p99.push(quantile(us, 0.99));
      max = Math.max(max, us[us.length - 1]);
    }
    result.hover[input.name] = { p50us: median(p50), p99us: median(p99), maxus: max, lookups: settings.hoverLookups * settings.hoverRuns };
  }
  return result;
}

/** Runs `work`, which yields through `pause`; the longest stretch between pauses, wall and CPU. */
async function measureSlices<T>(work: (pause: () => Promise<void>) => Promise<T>) {
  let maxSliceMs = 0;
  let maxSliceCpuMs = 0;
  let count = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const started = performance.now();
  const close = () => {
    const cpu = process.cpuUsage(lastCpu);
    maxSliceMs = Math.max(maxSliceMs, performance.now() - last);
    maxSliceCpuMs = Math.max(maxSliceCpuMs, (cpu.user + cpu.system) / 1000);
  };
  const value = await work(async () => {
    close();
    count++;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
    lastCpu = process.cpuUsage();
  });
  close();
  return { value, maxSliceMs, maxSliceCpuMs, slices: count + 1, totalMs: performance.now() - started };
}

/** The longest synchronous stretches of the extension-host work, run as the extension runs it. */
async function slices(result: HarnessResult, inputs: { name: string; text: string }[]): Promise<void> {
  const kb = bundledKnowledge();
  // built beforehand, as the extension's idle-time warm-up builds it (measured on its own)
  await kb.warmUp(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (const input of inputs) {
    const m = await measureSlices((pause) => scanText(kb.matcher, input.text, { pause }));
    const r = m.value!;
    result.slices.inFile[input.name] = { chars: r.scannedChars, maxSliceMs: m.maxSliceMs, maxSliceCpuMs: m.maxSliceCpuMs, slices: m.slices, totalMs: m.totalMs, matches: r.total };
  }
  // the scans above pass no document contexts (so every engine can be compared); the extension
  // always passes the file's profile, which is what the quietness target is about
  const code = inputs.find((i) => i.name === 'code');
  if (code) {
    const profile = detectProfile({ fileName: 'bench-code.js', languageId: 'javascript', text: code.text });
    const r = await scanText(kb.matcher, code.text, { contexts: profile.contexts, pause: () => Promise.resolve() });
    const scanned = code.text.slice(0, r?.scannedChars ?? 0);
    result.slices.quiet = { lines: scanned.split('\n').length, matches: r?.total ?? 0 };
  }
  // misconception checks: the engine built in idle slices (a fresh index), then every input and
  // the sample notes (1 MB of prose), in the editor's slices
  result.slices.checks = {};
  const timed = async (name: string, chars: number, work: (pause: () => Promise<void>) => Promise<number>) => {
    const m = await measureSlices(work);
    result.slices.checks![name] = { chars, maxSliceMs: m.maxSliceMs, maxSliceCpuMs: m.maxSliceCpuMs, slices: m.slices, totalMs: m.totalMs, matches: m.value };
  };
  const fresh = new KnowledgeIndex({ version: 1, entries: [], checks: [...kb.checks] });
  await timed('engine build', 0, async (pause) => (await fresh.checkEngineReady(pause)).checks.length);
  const proseNotes = (() => {
    const walkMd = (d: string): string[] => readdirSync(d).sort().flatMap((n) => (statSync(join(d, n)).isDirectory() ? walkMd(join(d, n)) : [join(d, n)]));
    let t = walkMd('samples').filter((f) => f.endsWith('.md')).map((f) => readFileSync(f, 'utf8')).join('\n\n');
    while (t.length < MB) t += `\n\n${t}`;
    return t;
  })();
  for (const input of [...inputs.map((i) => ({ ...i, languageId: undefined as string | undefined })), { name: 'notes.md', text: proseNotes, languageId: 'markdown' }]) {
    await timed(input.name, input.text.length, async (pause) => (await checkInSlices(input.text, { languageId: input.languageId, fileName: input.name }, fresh.checkEngine, async () => (await pause(), true)))!.length);
  }
  const xl: [string, string][] = [
    ['7.6 MB one-line .cfg', `memory = "${'x'.repeat(7.6 * MB)}"\n`],
    ['400 lines of 20K', `${'name = "a"; '.repeat(1700)}\n`.repeat(400)],
  ];
  for (const [name, text] of xl) {
    const t = performance.now();
    looksLikeXlConfig(text);
    result.slices.xl[name] = { ms: performance.now() - t };
  }
  // preview: the sample notes, repeated to 1 MB, rendered with and without the plugin
  const walk = (d: string): string[] => readdirSync(d).sort().flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const notes = walk('samples').filter((f) => f.endsWith('.md')).map((f) => readFileSync(f, 'utf8')).join('\n\n');
  let md = notes;
  while (md.length < MB) md += `\n\n${notes}`;
  const plain = new MarkdownIt({ html: true, linkify: true });
  const marked = new MarkdownIt({ html: true, linkify: true });
  markdownItTerms(marked as never, { knowledge: () => kb, options: () => ({ enabled: true, markCode: false }) });
  const time = (r: { render(src: string): string }) => {
    r.render(md);
    const ts: number[] = [];
    for (let i = 0; i < 3; i++) {
      gc();
      const t = performance.now();
      r.render(md);
      ts.push(performance.now() - t);
    }
    return median(ts);
  };
  const withoutMs = time(plain);
  const withMs = time(marked);
  result.slices.preview = { chars: md.length, withMs, withoutMs, addedMsPerMB: (withMs - withoutMs) / (md.length / MB) };
}

const settings = JSON.parse(process.argv[2] ?? '{}') as HarnessSettings;
const result: HarnessResult =
  settings.slices === 'only'
    ? ({ inputs: {}, hover: {}, agree: true, compared: 0, disagreements: [], engines: {}, entries: 0, aliases: 0, lookupRadius: LOOKUP_RADIUS, slices: { inFile: {}, xl: {}, preview: { chars: 0, withMs: 0, withoutMs: 0, addedMsPerMB: 0 } } } as unknown as HarnessResult)
    : main(settings);
const texts = settings.slices === 'skip' ? [] : settings.inputs.map((i) => ({ name: i.name, text: readFileSync(i.path, 'utf8').slice(0, 4 * MB) }));
(settings.slices === 'skip' ? Promise.resolve() : slices(result, texts)).then(
  () => process.stdout.write(`${JSON.stringify(result)}\n`),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
