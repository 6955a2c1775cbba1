/**
 * Bad inputs, kept: every case asserts its outcome (no exception, the same matches as a
 * reference or as a whole-text scan, bounded work counted in engine steps, never wall time).
 * The bench (`npm run bench`) reports the times. Run by `npm test`.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { LOOKUP_RADIUS, TermMatcher, lookupWindow, type TermMatch } from '../../src/core/matching/matcher';
import { lineIndex } from '../../src/core/matching/positions';
import { cardHtml, cardMarkdown } from '../../src/core/render/card';
import { TERM_CLASS, markdownItTerms } from '../../src/core/render/markdown-terms';
import { parseDiagramMessage, parseDiagramState } from '../../src/features/diagram/messages';
import { parseEntryMessage } from '../../src/features/explain/messages';
import { DEFAULT_LIMITS, scanText } from '../../src/features/in-file/scan';
import { looksLikeXlConfig } from '../../src/features/languages/xl-detect';
import { FIXTURE } from '../unit/fixture';
import { referenceScan } from '../unit/reference';

const MB = 1024 * 1024;
const kb = bundledKnowledge();
const matcher = kb.matcher;
const fixture = new TermMatcher(FIXTURE);
const noPause = async () => {};

/** A seeded generator, so every input is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const key = (m: TermMatch) => `${m.start}-${m.end}:${m.id}`;

/** Engine steps spent by `f`. */
function steps(m: TermMatcher, f: () => void): number {
  const before = m.steps;
  f();
  return m.steps - before;
}

/** In This File over `text` gives what one scan of its scanned part gives, and so does the hover at sampled matches. */
async function agrees(text: string, chunkChars = DEFAULT_LIMITS.chunkChars): Promise<TermMatch[]> {
  const r = await scanText(matcher, text, { pause: noPause, limits: { chunkChars, maxMatches: Infinity } });
  const whole = matcher.scan(text, {}, 0, r!.scannedChars);
  const chunked = r!.groups.flatMap((g) => g.occurrences.map((o) => ({ start: o.start, end: o.end, id: g.id }))).sort((a, b) => a.start - b.start);
  assert.deepEqual(chunked.map(key), whole.map(key));
  const step = Math.max(1, Math.floor(whole.length / 50));
  for (let k = 0; k < whole.length; k += step) assert.equal(matcher.matchAt(text, (whole[k].start + whole[k].end) >> 1)?.id, whole[k].id);
  return whole;
}

describe('robustness: huge inputs', function () {
  this.timeout(120_000);

  it('100 MB: In This File reads its 4 MB and stops, a limited scan stops early, hovers read their window', async () => {
    const unit = 'Get-VM | Set-VMProcessor -ExposeVirtualizationExtensions $true # the root partition, VMBus and vmwp.exe\nconst x = f(y); // code\n';
    const text = unit.repeat(Math.ceil((100 * MB) / unit.length));
    const r = await scanText(matcher, text, { pause: noPause });
    assert.equal(r!.truncated, 'matches');
    assert.equal(r!.total, DEFAULT_LIMITS.maxMatches);
    const limited = steps(matcher, () => assert.equal(matcher.scan(text, { limit: 100 }).length, 100));
    assert.ok(limited < 64 * 1024, `a scan with limit 100 took ${limited} steps`);
    const next = random(1);
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(next() * text.length);
      const work = steps(matcher, () => matcher.matchAt(text, at));
      assert.ok(work <= 4 * LOOKUP_RADIUS, `hover at ${at}: ${work} steps`);
    }
  });

  it('10 MB on one line: the same matches in chunks, in one scan and in hovers; linear work', async () => {
    const next = random(2);
    const words = ['function', 'a', 'b', '=', 'host', 'kvm', 'qemu', 'return', 'vmx', 'x1', 'VMBus', 'if', '(', ')', '{', '}', ';', 'guest'];
    const parts: string[] = [];
    let n = 0;
    while (n < 10 * MB) {
      const w = words[Math.floor(next() * words.length)];
      parts.push(w);
      n += w.length + 1;
    }
    const text = parts.join(' ');
    let whole: TermMatch[] = [];
    const work = steps(matcher, () => (whole = matcher.scan(text)));
    assert.ok(work <= 2 * text.length, `${work} steps for ${text.length} characters`);
    assert.ok(whole.length > 1000);
    await agrees(text.slice(0, 4 * MB));
  });
});

describe('robustness: encodings and odd characters', function () {
  this.timeout(60_000);

  it('binary data read as text (Latin-1 and UTF-8 with replacement characters)', async () => {
    const next = random(3);
    const bytes = Buffer.alloc(2 * MB);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
    // plant terms among the noise
    for (let i = 0; i < bytes.length - 64; i += 4096) bytes.write(' VMBus root partition vmx ', i, 'latin1');
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) {
      const found = await agrees(text);
      assert.ok(found.some((m) => m.id === 'hyperv.vmbus'));
      assert.ok(steps(matcher, () => matcher.scan(text)) <= 2 * text.length);
    }
  });

  it('UTF-16 read as UTF-8 finds nothing spurious; UTF-16 decoded and BOMs find the terms', async () => {
    const source = 'The root partition talks to VMBus.\r\nvmwp.exe runs per VM.\n';
    const le = Buffer.from(source, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const raw of [le, be]) {
      const asUtf8 = raw.toString('utf8');
      assert.deepEqual(matcher.scan(asUtf8), []);
      await agrees(asUtf8);
    }
    const expected = matcher.scan(source).map((m) => m.id);
    assert.ok(expected.includes('hyperv.vmbus'));
    for (const bom of ['\ufeff', '\ufffe', '\u00ef\u00bb\u00bf']) {
      const text = bom + source;
      assert.deepEqual(matcher.scan(text).map((m) => m.id), expected);
      assert.deepEqual(matcher.scan(text).map((m) => m.start - bom.length), matcher.scan(source).map((m) => m.start));
    }
    assert.deepEqual(matcher.scan(Buffer.from('\ufeff' + source, 'utf16le').toString('utf16le')).map((m) => m.id), expected);
  });

  it('lone surrogates, NULs and control characters', async () => {
    const next = random(4);
    const odd = ['\ud800', '\udfff', '\ud83d\ude00', '\u0000', '\u0007', '\u200b', '\u2028', '\u00a0', '\ufffd', 'VMBus', ' root partition ', 'vmx', '\u0301'];
    let text = '';
    while (text.length < 200_000) text += odd[Math.floor(next() * odd.length)];
    await agrees(text, 3000);
    for (let i = 0; i < text.length; i += 997) assert.doesNotThrow(() => matcher.matchAt(text, i));
  });

  it('CR-only, LF, CRLF and mixed line endings: the same lines as VS Code counts them', async () => {
    for (const eol of ['\r', '\n', '\r\n', '\n\r']) {
      const text = ['VMBus', 'the root', 'partition', '', 'vmx'].join(eol);
      const r = await scanText(matcher, text, { pause: noPause });
      const lines = lineIndex(text);
      for (const g of r!.groups) for (const o of g.occurrences) assert.deepEqual({ line: o.line, character: o.character }, lines.position(o.start), `${JSON.stringify(eol)} ${g.id}`);
    }
  });

  it('long runs of separators: no match spans them, hovers stay in their window, work is linear', async () => {
    for (const run of [' '.repeat(MB), '\t'.repeat(MB), '\n'.repeat(MB), '\r'.repeat(MB), ' \n'.repeat(MB / 2), '.'.repeat(MB), '\u00a0'.repeat(MB), '#\n'.repeat(MB / 2)]) {
      const text = `root${run}partition VMBus${run}vmx`;
      const found = matcher.scan(text);
      for (const m of found) assert.ok(m.end - m.start <= matcher.maxAliasChars, `${m.id} spans ${m.end - m.start}`);
      assert.ok(steps(matcher, () => matcher.scan(text)) <= 16);
      const work = steps(matcher, () => assert.equal(matcher.matchAt(text, text.length >> 2), undefined));
      assert.ok(work <= 16, `${work} steps`);
      const [from, to] = lookupWindow(text, text.length >> 1);
      assert.ok(to - from <= 2 * LOOKUP_RADIUS);
      await agrees(text);
    }
  });
});

describe('robustness: dense generic and ambiguous text', function () {
  this.timeout(60_000);

  for (const shape of ['vmx ', 'PV ', 'host guest vmx hyperv driver kvm ', 'New-VM Get-VM ', 'host vmx esxi PV xen hvm dom0 guest driver Get-VM kvm qemu ', 'memory = 512\nvcpus = 2\n']) {
    it(`${JSON.stringify(shape)} × 1 MB: linear work, and chunks, scan and hovers agree`, async () => {
      const text = shape.repeat(Math.ceil(MB / shape.length));
      let found: TermMatch[] = [];
      const work = steps(matcher, () => (found = matcher.scan(text)));
      // every token read once, and a bounded number of votes per ambiguous match
      assert.ok(work <= text.length + 64 * found.length, `${work} steps, ${found.length} matches`);
      await agrees(text.slice(0, 256 * 1024), 5000);
    });
  }
});

describe('robustness: hostile Markdown and HTML', function () {
  this.timeout(60_000);
  const hostile = [
    '<script>alert("VMBus")</script> VMBus',
    '<img src=x onerror="alert(\'dom0\')"> dom0',
    '[VMBus](javascript:alert(1)) <a href="javascript:x">root partition</a>',
    '<style>*{}</style><textarea>VMBus</textarea><title>vmx</title><iframe srcdoc="<script>x</script>">KVM</iframe>',
    '```\n</code><script>x</script>VMBus\n```',
    '`<b>VMBus</b>`',
    '<!-- VMBus --> <![CDATA[ VMBus ]]> <?php VMBus ?>',
    '"><svg onload=alert(1)> root partition',
    '*'.repeat(10_000) + ' VMBus',
    '['.repeat(10_000) + 'VMBus' + ']'.repeat(10_000),
    '> '.repeat(2000) + 'VMBus',
    '<' + 'a '.repeat(10_000) + '>VMBus',
  ];
  const MARK = new RegExp(`<span class="${TERM_CLASS}" data-atlas-entry="[^"]*" title="[^"]*">([^<]*)</span>`, 'g');

  it('the preview renderer only adds escaped marks, never inside raw HTML', () => {
    for (const options of [{}, { html: true, linkify: true }]) {
      const plain = new MarkdownIt(options);
      const marked = new MarkdownIt(options);
      markdownItTerms(marked as never, { knowledge: () => kb, options: () => ({ enabled: true, markCode: true }) });
      for (const text of hostile) {
        const out = marked.render(text);
        assert.equal(out.replace(MARK, '$1'), plain.render(text), text.slice(0, 60));
      }
      if (options.html) {
        const raw = marked.render('<a href="x">VMBus</a> <script>VMBus</script> <textarea>VMBus</textarea>');
        assert.doesNotMatch(raw, new RegExp(TERM_CLASS));
      }
    }
  });

  it('the card renderer escapes hostile hovered text', () => {
    const entry = kb.get('hyperv.vmbus')!;
    // hovers render the card with supportHtml off, as markdown-it does with html off
    const md = new MarkdownIt({ html: false });
    for (const text of hostile) {
      const html = md.render(cardMarkdown(kb, entry, text, {}));
      assert.doesNotMatch(html, /<script|<img|<svg|<iframe|<textarea|<style|href="javascript:/i, text.slice(0, 60));
    }
    assert.doesNotMatch(cardHtml(kb, entry), /<script/i);
  });
});

describe('robustness: forged webview messages', function () {
  this.timeout(60_000);

  it('10⁴ forged messages per validator: none throws, none lets a malformed field through', () => {
    const forged = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('open', 'reveal', 'external', 'export', 'command'), id: fc.oneof(fc.string(), fc.anything()), url: fc.oneof(fc.webUrl(), fc.string()), command: fc.string(), system: fc.string() }, { requiredKeys: ['type'] }),
    );
    for (const parse of [parseEntryMessage, parseDiagramMessage, parseDiagramState] as ((raw: unknown) => unknown)[]) {
      fc.assert(
        fc.property(forged, (raw) => {
          const out = parse(raw) as Record<string, unknown> | undefined;
          if (out && typeof out.id === 'string') assert.match(out.id, /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
          if (out && typeof out.url === 'string') assert.match(out.url, /^https:\/\/[^\s"'<>`\\]+$/);
        }),
        { numRuns: 10_000 },
      );
    }
    const big = 'a'.repeat(10 * MB);
    assert.equal(parseEntryMessage({ type: 'open', id: big }), undefined);
    assert.equal(parseDiagramMessage({ type: 'external', url: `https://${big}` }), undefined);
  });

  it('xl.cfg detection on hostile .cfg files', () => {
    for (const text of ['x'.repeat(8 * MB), '\n'.repeat(8 * MB), `name = "${'"'.repeat(MB)}`, `disk = [${'['.repeat(MB)}`, '#'.repeat(MB)]) assert.equal(looksLikeXlConfig(text), false);
  });
});

describe('robustness: seeded fuzz against the reference matcher', function () {
  this.timeout(120_000);
  const aliases = FIXTURE.flatMap((e) => e.aliases);
  const noise = ['the', 'on', 'x', 'config', 'Data', 'ID', 'host', 'hosts', 'New', 'disk1', 'ethernet3.present', '= 512', ': 1', '\ud800', '\u00a0', 'é', '-', '--'];
  const seps = [' ', '  ', '\n', '\r', '\r\n', '\n  # ', '\n\n', '-', '_', '.', '', '=', ', ', '\t\t', ' '.repeat(9), '\n' + ' '.repeat(41)];
  const piece = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...aliases).chain((a) => fc.constantFrom(a, a.toLowerCase(), a.toUpperCase(), a.replace(/ /g, '_'), a + 's')) }, { weight: 3, arbitrary: fc.constantFrom(...noise) });
  const text = fc.array(fc.tuple(piece, fc.constantFrom(...seps)), { maxLength: 40 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
  const seed = Number(process.env.ATLAS_FUZZ_SEED ?? Date.now() % 2 ** 31);

  it('a flag alias after a no-break space is the word, not the flag, in both (seed 1008853118 found it)', () => {
    for (const t of ['\u00a0-monitor ', ' -monitor\u00a0', '\u00a0-m 2G']) {
      const got = fixture.scan(t).map((m) => ({ start: m.start, end: m.end, ids: (m.candidates ?? [m.id]).slice().sort() }));
      assert.deepEqual(got, referenceScan(FIXTURE, t), JSON.stringify(t));
    }
  });

  it(`10⁴ random texts: the engine finds what the reference finds (seed ${seed}; rerun with ATLAS_FUZZ_SEED=${seed})`, () => {
    try {
      fc.assert(
        fc.property(text, (t) => {
          const got = fixture.scan(t).map((m) => ({ start: m.start, end: m.end, ids: (m.candidates ?? [m.id]).slice().sort() }));
          assert.deepEqual(got, referenceScan(FIXTURE, t));
        }),
        { numRuns: 10_000, seed },
      );
    } catch (e) {
      throw new Error(`fuzz failed with seed ${seed} (ATLAS_FUZZ_SEED=${seed}): ${e instanceof Error ? e.message : String(e)}`);
    }
  });
});
