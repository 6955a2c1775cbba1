import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { TermMatcher, type MatchableEntry } from '../../src/core/matching/matcher';
import { TERM_CLASS, markRenderedCode, markdownItTerms, tooltipOf, type TermMarkerOptions, type TermSource } from '../../src/core/render/markdown-terms';

interface FixtureEntry extends MatchableEntry {
  title: string;
  short?: string;
  summary: string;
}

const ENTRIES: FixtureEntry[] = [
  { id: 'hyperv.vmbus', title: 'VMBus', summary: 'The channel between partitions.', aliases: ['VMBus'], systems: ['hyperv'] },
  { id: 'hyperv.child-partition', title: 'Child partition', summary: 'A partition that runs a guest.', aliases: ['child partition'], systems: ['hyperv'] },
  { id: 'esxi.vmxnet3', title: 'VMXNET3 paravirtual network adapter', short: 'vmxnet3', summary: "VMware's paravirtualized NIC.", aliases: ['vmxnet3'], systems: ['esxi'] },
  { id: 'xen.dom0', title: 'Domain 0', short: 'dom0', summary: 'The privileged Xen domain.', aliases: ['dom0', 'Domain-0'], systems: ['xen'] },
  { id: 'xen.domu', title: 'DomU', summary: 'An unprivileged Xen domain.', aliases: ['domU'], systems: ['xen'] },
  { id: 'kvm', title: 'KVM', summary: 'The Linux kernel hypervisor.', aliases: ['KVM', 'kvm'], systems: ['kvm'] },
  { id: 'kvm.qemu', title: 'QEMU', summary: 'The emulator KVM pairs with.', aliases: ['QEMU', 'qemu'], systems: ['kvm'] },
  { id: 'concept.host', title: 'Host', summary: 'The machine a hypervisor runs on.', aliases: ['host'], generic: ['host'] },
  {
    id: 'evil"><img src=x onerror=alert(1)>',
    title: 'Evil <b>title</b> & "quotes"',
    short: "'short'",
    summary: 'Summary with "quotes", <script>alert(1)</script> & an ampersand.',
    aliases: ['evilterm'],
  },
];

function fixtureSource(): TermSource {
  const matcher = new TermMatcher(ENTRIES);
  const byId = new Map(ENTRIES.map((e) => [e.id, e]));
  return { matcher, get: (id) => byId.get(id) };
}

function renderer(options: Partial<TermMarkerOptions> = {}, mdOptions: ConstructorParameters<typeof MarkdownIt>[0] = {}) {
  const state: TermMarkerOptions = { enabled: true, markCode: false, ...options };
  const md = new MarkdownIt(mdOptions ?? {});
  const source = fixtureSource();
  markdownItTerms(md, { knowledge: () => source, options: () => state });
  return { md, state, render: (text: string) => md.render(text) };
}

const plain = (text: string, mdOptions: ConstructorParameters<typeof MarkdownIt>[0] = {}) => new MarkdownIt(mdOptions ?? {}).render(text);
// a marker never holds other tags, so this removes exactly the markers and nothing else
const MARKER = new RegExp(`<span class="${TERM_CLASS}" data-atlas-entry="[^"]*" title="[^"]*">([^<]*)</span>`, 'g');
const unmark = (html: string) => html.replace(MARKER, '$1');
const marked = (html: string) => [...html.matchAll(new RegExp(`<span class="${TERM_CLASS}" data-atlas-entry="([^"]*)" title="([^"]*)">([\\s\\S]*?)</span>`, 'g'))].map((m) => ({ id: m[1], title: m[2], text: m[3] }));

describe('preview plugin: marking terms', () => {
  it('wraps a term in a marker with the entry id and an escaped summary tooltip', () => {
    const html = renderer().render('The VMBus connects partitions.');
    assert.equal(html, `<p>The <span class="${TERM_CLASS}" data-atlas-entry="hyperv.vmbus" title="VMBus — The channel between partitions.">VMBus</span> connects partitions.</p>\n`);
    assert.equal(tooltipOf(ENTRIES[2]), "VMXNET3 paravirtual network adapter — VMware's paravirtualized NIC.");
    assert.equal(tooltipOf({ title: 'Virtual hardware version', short: 'vmx-NN', summary: 'S.' }), 'Virtual hardware version (vmx-NN) — S.');
  });

  it('marks only the first occurrence of each term per section, and starts over at every heading', () => {
    const html = renderer().render(['dom0 and domU. Again dom0, Domain-0 and domU.', '', '- dom0 in a list', '', '## Next', '', 'dom0 here.', '', 'dom0 again.'].join('\n'));
    assert.deepEqual(
      marked(html).map((m) => m.text),
      ['dom0', 'domU', 'dom0'],
    );
    const [, , third] = marked(html);
    assert.ok(html.indexOf(`>${third.text}</span> here.`) > html.indexOf('<h2>'));
  });

  it('never marks inside headings, so their text and anchors stay as they are', () => {
    const text = '# VMBus and dom0\n\nSetext VMBus\n------------\n\nVMBus in prose.';
    const html = renderer().render(text);
    assert.match(html, /<h1>VMBus and dom0<\/h1>/);
    assert.match(html, /<h2>Setext VMBus<\/h2>/);
    assert.deepEqual(marked(html).map((m) => m.text), ['VMBus']);
    assert.equal(unmark(html), plain(text));
  });

  it('leaves link text and images alone and keeps links intact; the next plain occurrence is marked', () => {
    const text = 'See [the VMBus docs](https://example.com/vmbus "VMBus title") and ![VMBus](x.png). Then VMBus.';
    const html = renderer().render(text);
    assert.match(html, /<a href="https:\/\/example\.com\/vmbus" title="VMBus title">the VMBus docs<\/a>/);
    assert.match(html, /<img src="x.png" alt="VMBus">/);
    assert.deepEqual(marked(html).map((m) => m.text), ['VMBus']);
    assert.match(html, /Then <span[^>]*>VMBus<\/span>\./);
    assert.equal(unmark(html), plain(text));
  });

  it('does not mark auto-linked URLs (linkify)', () => {
    const text = 'https://kvm.example.org/qemu and kvm.';
    const html = renderer({}, { linkify: true }).render(text);
    assert.match(html, /<a href="https:\/\/kvm\.example\.org\/qemu">https:\/\/kvm\.example\.org\/qemu<\/a>/);
    assert.deepEqual(marked(html).map((m) => m.text), ['kvm']);
  });

  it('marks a term broken across a line, and inside emphasis, but not one split by markup', () => {
    const html = renderer().render('A child\npartition runs **vmxnet3**, not VM*Bus*.');
    assert.deepEqual(marked(html).map((m) => m.text), ['child\npartition', 'vmxnet3']);
    assert.match(html, /<strong><span[^>]*>vmxnet3<\/span><\/strong>/);
  });

  it('marks terms side by side', () => {
    const html = renderer().render('KVM/QEMU');
    assert.deepEqual(marked(html).map((m) => m.text), ['KVM', 'QEMU']);
    assert.match(html, /<\/span>\/<span/);
  });

  it('marks generic words only near a specific term, as in the editor', () => {
    assert.deepEqual(marked(renderer().render('The host is busy.')), []);
    assert.deepEqual(marked(renderer().render('The host runs KVM.')).map((m) => m.text), ['host', 'KVM']);
    assert.deepEqual(marked(renderer({ generic: 'never' }).render('The host runs KVM.')).map((m) => m.text), ['KVM']);
  });

  it('marks terms in table cells and block quotes', () => {
    const html = renderer().render('| type | domain |\n| --- | --- |\n| PV | dom0 |\n\n> domU too');
    assert.deepEqual(marked(html).map((m) => m.text), ['dom0', 'domU']);
  });
});

describe('preview plugin: code', () => {
  const text = ['Inline `dom0` and `vmxnet3 here`.', '', '```sh', 'xl list # shows dom0', '```', '', '    indented dom0 block', '', '```mermaid', 'graph TD; dom0-->domU', '```'].join('\n');

  it('leaves inline code, fences and indented code alone by default', () => {
    const html = renderer().render(text);
    assert.deepEqual(marked(html), []);
    assert.equal(html, plain(text));
  });

  it('marks inside code with markCode, keeps the code escaped, and never touches diagram fences', () => {
    const html = renderer({ markCode: true }).render(text);
    assert.match(html, /<code><span[^>]*data-atlas-entry="xen\.dom0"[^>]*>dom0<\/span><\/code>/);
    assert.match(html, /<code><span[^>]*>vmxnet3<\/span> here<\/code>/);
    assert.match(html, /graph TD; dom0--&gt;domU/);
    // dom0 is marked once (in the first section): the fence and the indented block stay plain
    assert.deepEqual(marked(html).map((m) => m.text), ['dom0', 'vmxnet3']);
    assert.equal(unmark(html), plain(text));
  });

  it('marks inside a highlighted fence without cutting the highlighter’s markup', () => {
    const highlight = (code: string) =>
      code
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/(#.*)/g, '<span class="hljs-comment">$1</span>')
        .replace(/^(xl)/gm, '<span class="hljs-built_in">$1</span>');
    const md = { highlight };
    const src = '```sh\nxl create web01.cfg # domU on dom0 & more\n```';
    const html = renderer({ markCode: true }, md).render(src);
    assert.match(html, /<span class="hljs-comment"># <span[^>]*>domU<\/span> on <span[^>]*>dom0<\/span> &amp; more<\/span>/);
    assert.equal(unmark(html), plain(src, md));
  });

  it('markRenderedCode drops a mark that would cross a tag, and leaves output it cannot read alone', () => {
    const mark = { id: 'kvm.qemu', tooltip: 'QEMU', start: 0, end: 4 };
    assert.equal(markRenderedCode('<pre><code>qe<b>mu</b></code></pre>', 'qemu', [mark]), '<pre><code>qe<b>mu</b></code></pre>');
    assert.equal(markRenderedCode('<pre class="mermaid">qemu</pre>', 'qemu', [mark]), '<pre class="mermaid">qemu</pre>');
    assert.equal(markRenderedCode('<code>other</code>', 'qemu', [mark]), '<code>other</code>');
    assert.equal(markRenderedCode('<code>&#99999999;qemu</code>', '&#99999999;qemu', [{ ...mark, start: 11, end: 15 }]).includes('data-atlas-entry="kvm.qemu"'), true);
  });
});

describe('preview plugin: settings', () => {
  it('adds nothing when disabled', () => {
    const text = '# KVM\n\nKVM and QEMU, `dom0`.';
    assert.equal(renderer({ enabled: false, markCode: true }).render(text), plain(text));
  });

  it('adds nothing when disabled after parsing (VS Code may render cached tokens)', () => {
    const r = renderer({ markCode: true });
    const tokens = r.md.parse('KVM and `dom0`.', {});
    r.state.enabled = false;
    assert.equal(r.md.renderer.render(tokens, r.md.options, {}), plain('KVM and `dom0`.'));
  });

  it('reads the options on every render', () => {
    const r = renderer();
    assert.equal(marked(r.render('KVM')).length, 1);
    r.state.enabled = false;
    assert.equal(marked(r.render('KVM')).length, 0);
    r.state.enabled = true;
    r.state.markCode = true;
    assert.equal(marked(r.render('`KVM`')).length, 1);
  });
});

describe('preview plugin: hostile input stays inert', () => {
  it('escapes the id, title and summary it puts in attributes', () => {
    const html = renderer().render('An evilterm here.');
    const [m] = marked(html);
    assert.ok(m, html);
    assert.equal(m.id, 'evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(m.title, 'Evil &lt;b&gt;title&lt;/b&gt; &amp; &quot;quotes&quot; (&#39;short&#39;) — Summary with &quot;quotes&quot;, &lt;script&gt;alert(1)&lt;/script&gt; &amp; an ampersand.');
    assert.doesNotMatch(html, /<img|<script|<b>/);
  });

  it('keeps <script> in the source escaped with html off, and raw HTML untouched with html on', () => {
    const text = '<script>alert("vmxnet3")</script>\n\nvmxnet3 <b onclick="dom0()">dom0</b> <img src=x onerror="alert(\'KVM\')">';
    const off = renderer().render(text);
    assert.doesNotMatch(off, /<script|<b |<img/);
    assert.equal(unmark(off), plain(text));
    const on = renderer({}, { html: true }).render(text);
    assert.ok(on.startsWith('<script>alert("vmxnet3")</script>\n'), on);
    assert.match(on, /<b onclick="dom0\(\)">dom0<\/b> <img src=x onerror="alert\('KVM'\)">/);
    assert.equal(unmark(on), plain(text, { html: true }));
  });

  it('marks nothing inside raw HTML elements or raw <a> link text, inline or opened by an HTML block', () => {
    const html = { html: true };
    const inline = [
      'x <script>dom0</script> y',
      'x <style>dom0 { }</style> y',
      'x <textarea>dom0</textarea> y',
      'x <title>dom0</title> y',
      'x <iframe>dom0</iframe> y',
      'x <a href="https://example.com">the dom0 link</a> y',
      'x <A HREF="https://example.com"><em>dom0</em></A> y',
      'x <span title="a">`dom0`</span> y',
      'x <b>dom0\nKVM</b> y',
    ];
    for (const markCode of [false, true]) {
      for (const text of inline) {
        const out = renderer({ markCode }, html).render(text);
        assert.deepEqual(marked(out), [], `${text}: ${out}`);
        assert.equal(unmark(out), plain(text, html));
      }
    }
    // after the element closes, the next occurrence is marked; a void or self-closed tag opens nothing
    assert.deepEqual(marked(renderer({}, html).render('<a href="x">dom0</a> then dom0')).map((m) => m.text), ['dom0']);
    assert.deepEqual(marked(renderer({}, html).render('a<br>dom0 <img src=x/> KVM <span/> domU')).map((m) => m.text), ['dom0', 'KVM', 'domU']);
    // blocks inside an element an HTML block opened: raw text and links; a <div> wrapper is Markdown's
    for (const tag of ['textarea', 'title', 'iframe', 'a href="x"', 'noscript']) {
      const name = tag.split(' ')[0];
      const text = `<${tag}>\n\ndom0 and KVM\n\n</${name}>\n\nthen domU`;
      assert.deepEqual(marked(renderer({ markCode: true }, html).render(text)).map((m) => m.text), ['domU'], text);
    }
    assert.deepEqual(marked(renderer({}, html).render('<div align="center">\n\ndom0 and KVM\n\n</div>')).map((m) => m.text), ['dom0', 'KVM']);
    // with html off, tags are text: terms in them are marked as text, escaped
    assert.deepEqual(marked(renderer().render('x <a href="y">dom0</a>')).map((m) => m.text), ['dom0']);
  });

  it('keeps alias-like text with quotes and brackets as text', () => {
    const text = 'ethernet0.virtualDev = "vmxnet3" onmouseover="alert(1)" [KVM](javascript:alert(1)) <KVM>';
    const html = renderer().render(text);
    assert.match(html, /= &quot;<span[^>]*>vmxnet3<\/span>&quot; onmouseover=&quot;alert\(1\)&quot;/);
    assert.doesNotMatch(html, /href="javascript/);
    assert.equal(unmark(html), plain(text));
  });

  it('only ever adds its own markers: removing them gives markdown-it’s output, on every sample note and odd input', () => {
    const inputs = [
      ...walk(join(process.cwd(), 'samples')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(f, 'utf8')),
      '*dom0*_domU_ `x` [dom0]: https://example.com\n\n[dom0]',
      'Hyper-V\u00a0child\u2028partition &amp; dom0 &lt;dom0&gt; \\*KVM\\*',
      '<!-- dom0 --> <details><summary>dom0</summary>\n\nKVM\n\n</details>',
      '1. dom0\n   ```\n   dom0\n   ```\n2. domU',
    ];
    for (const mdOptions of [{}, { html: true, linkify: true, typographer: true }]) {
      for (const markCode of [false, true]) {
        for (const text of inputs) assert.equal(unmark(renderer({ markCode }, mdOptions).render(text)), plain(text, mdOptions));
      }
    }
  });
});

describe('preview plugin: with the bundled knowledge base', () => {
  it('marks the Xen sample note with the entries a reader needs', () => {
    const kb = bundledKnowledge();
    const md = new MarkdownIt();
    markdownItTerms(md, { knowledge: () => kb, options: () => ({ enabled: true, markCode: false }) });
    const note = readFileSync(join(process.cwd(), 'samples', 'xen', 'xen-notes.md'), 'utf8');
    const html = md.render(note);
    const ids = new Set(marked(html).map((m) => m.id));
    for (const id of ['xen.dom0', 'xen.domu', 'xen.xenstore']) assert.ok(ids.has(id), `${id} not marked; marked: ${[...ids].join(', ')}`);
    for (const m of marked(html)) assert.ok(m.title.includes(' — '), m.title);
    // headings stay plain
    assert.match(html, /<h1>Xen in one page: dom0, domU and the three guest types<\/h1>/);
  });
});

function walk(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  } catch {
    return [];
  }
}
