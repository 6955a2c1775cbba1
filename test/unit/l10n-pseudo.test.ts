import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { findingMessage } from '../../src/core/checks/message';
import { layoutView } from '../../src/core/diagram/index';
import { outlineOf, outlineWords } from '../../src/core/diagram/outline';
import { KnowledgeIndex } from '../../src/core/knowledge/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import type { Entry, KnowledgeBase } from '../../src/core/knowledge/types';
import { decodeEntryFile } from '../../src/core/glossary/decode';
import { fieldHelp } from '../../src/core/glossary/fields';
import { checkGlossaryFiles } from '../../src/core/glossary/workspace';
import { english, fromBundle, type Translate } from '../../src/core/l10n';
import { cardHtml, cardMarkdown, placement } from '../../src/core/render/card';
import { buildAtlasTree, GROUP } from '../../src/core/tree/model';
import { connectionsHtml } from '../../src/features/diagram/data';
import { arrange } from '../../src/features/in-file/arrange';
import { partialMessage } from '../../src/features/in-file/scan';
import { testEntry } from './entry';

/**
 * A pseudo-translation: every piece of a message's own text in ⟦…⟧, placeholders left outside,
 * so what is filled in stays visible to the check below.
 */
const pseudo: Translate = (message, ...args) =>
  english(
    message
      .split(/(\{\d+\})/)
      .map((p) => (p === '' || /^\{\d+\}$/.test(p) ? p : `⟦${p}⟧`))
      .join(''),
    ...args,
  );

/** Content as full-width letters (`Ｈｙｐｅｒ-Ｖ`): whatever ASCII word is left came from the code. */
const wide = (s: string) => s.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function hidden(e: Entry): Entry {
  return {
    ...e,
    title: wide(e.title),
    ...(e.short !== undefined ? { short: wide(e.short) } : {}),
    summary: wide(e.summary),
    body: wide(e.body),
    aliases: e.aliases.map(wide),
    ...(e.vendor !== undefined ? { vendor: wide(e.vendor) } : {}),
    ...(e.classificationNote !== undefined ? { classificationNote: wide(e.classificationNote) } : {}),
    ...(e.values ? { values: e.values.map((v) => ({ value: wide(v.value), meaning: wide(v.meaning) })) } : {}),
    sources: e.sources.map((s) => ({ ...s, title: wide(s.title) })),
    connections: e.connections.map((c) => ({ ...c, label: wide(c.label) })),
    file: wide(e.file),
  };
}

const real = bundledKnowledge();
const extra = (over: Partial<Entry> & Pick<Entry, 'id' | 'kind'>): Entry => testEntry({ title: wide(over.id), summary: wide('summary'), body: wide('body'), file: wide('x.md'), ...over });
const base = real.entries.map(hidden);
// branches the bundled content does not reach: a workspace entry and a note, an unclassified
// system without layers, a component in no layer, a setting with no appliesTo
base[base.findIndex((e) => e.kind === 'concept')] = { ...base.find((e) => e.kind === 'concept')!, workspace: true };
const noted = base.findIndex((e) => e.kind === 'component' && e.mode);
base[noted] = { ...base[noted]!, notes: [{ text: wide('a team note'), file: wide('team.md'), aliases: [wide('alias')] }] };
const kb = new KnowledgeIndex({
  version: 1,
  entries: [
    ...base,
    extra({ id: 'lab', kind: 'system', classificationNote: wide('no class') }),
    extra({ id: 'lab.stray', kind: 'component', layers: ['lab.nowhere'] }),
    extra({ id: 'lab.key', kind: 'setting', values: [{ value: wide('on'), meaning: wide('yes') }] }),
  ],
  flows: real.flows,
} as KnowledgeBase);

const TECHNICAL = new Set(real.entries.flatMap((e) => e.appliesTo ?? []));

/** The ASCII words left once translated text, markup, links, codicons and technical tokens are taken out. */
function english_(text: string): string[] {
  const rest = text
    .replace(/⟦[^⟧]*⟧/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, ' ')
    .replace(/\]\((?:command:|https?:)[^)\s]*(?: "[^"]*")?\)/g, '] ')
    .replace(/\$\([a-z-]+\)/g, ' ')
    .replace(/\\(.)/g, '$1');
  return (rest.match(/[A-Za-z][A-Za-z.-]*[A-Za-z]/g) ?? []).filter((w) => !TECHNICAL.has(w));
}

const links = { openEntry: 'hypervisorAtlas.openEntry', showDiagram: 'hypervisorAtlas.showDiagram', revealInAtlas: 'hypervisorAtlas.revealInAtlas', showFlow: 'hypervisorAtlas.showFlow' };

describe('a pseudo-translation reaches every word the code adds (src/core through Translate)', () => {
  it('hover cards, full and compact, and the entry card: every heading translated, no English left', () => {
    const left = new Set<string>();
    let workspace = 0;
    let notes = 0;
    for (const e of kb.entries) {
      const others = kb.entries.filter((o) => o.kind === e.kind && o !== e).slice(0, 2);
      for (const detail of ['full', 'compact'] as const) {
        const md = cardMarkdown(kb, e, e.aliases[0], links, others, detail, pseudo);
        for (const w of english_(md)) left.add(`${e.id} ${detail}: ${w}`);
      }
      for (const w of english_(cardHtml(kb, e, pseudo))) left.add(`${e.id} html: ${w}`);
      if (e.workspace) workspace++;
      if (e.notes?.length) notes++;
    }
    assert.deepEqual([...left].slice(0, 20), []);
    assert.ok(workspace && notes, 'a workspace entry and a note were rendered');

    const vmwp = kb.get('hyperv.vmwp')!;
    const full = cardMarkdown(kb, vmwp, 'vmwp', links, [kb.get('hyperv.vmms')!], 'full', pseudo);
    for (const heading of ['**⟦Related:⟧**', '**⟦Sources:⟧**', '⟦This word can also mean: ⟧', '$(book) ⟦Open card⟧', '$(type-hierarchy) ⟦Show in ⟧', '$(list-tree) ⟦Reveal in Atlas⟧', '*⟦component⟧*']) {
      assert.ok(full.includes(heading), `${heading} in\n${full}`);
    }
    assert.match(cardMarkdown(kb, vmwp, 'vmwp', links, [], 'compact', pseudo), /\$\(book\) ⟦More…⟧.*\$\(link-external\) ⟦Source⟧/);
    const key = kb.entries.find((e) => cardMarkdown(kb, e, undefined, links, [], 'compact', pseudo).includes('more in the full card'))!;
    assert.ok(cardMarkdown(kb, key, undefined, links, [], 'full', pseudo).includes('| ⟦value⟧ | ⟦meaning⟧ |'));
    assert.match(cardMarkdown(kb, key, undefined, links, [], 'compact', pseudo), /\| … \| \d+⟦ more in the full card⟧ \|/);
    const html = cardHtml(kb, vmwp, pseudo);
    for (const heading of ['<strong>⟦Related:⟧</strong>', '<strong>⟦Sources:⟧</strong>', '<strong>⟦Also written:⟧</strong>', '<span class="kind">⟦component⟧</span>']) assert.ok(html.includes(heading), heading);
    const flowed = kb.entries.find((e) => kb.flows.some((f) => f.steps.some((s) => s.boxes.includes(e.id))))!;
    assert.ok(cardMarkdown(kb, flowed, undefined, links, [], 'full', pseudo).includes('$(play) ⟦Show how it works⟧'));
    assert.deepEqual(placement(kb, kb.get('hyperv')!, pseudo)[0]!.split(' · ')[0], '⟦Type 1 (bare metal)⟧');
  });

  it('the Architectures tree: group labels, counts, notes, layer positions and tooltips', () => {
    const tree = buildAtlasTree(kb, pseudo);
    const left: string[] = [];
    for (const n of tree.all()) for (const field of ['label', 'description', 'tooltip'] as const) for (const w of english_(n[field])) left.push(`${n.id} ${field}: ${w}`);
    assert.deepEqual(left.slice(0, 20), []);
    const label = (id: string) => tree.get(id)?.label;
    assert.equal(label(GROUP.hardware), '⟦Hardware assistance⟧');
    assert.equal(label(GROUP.type1), '⟦Type 1 (bare metal)⟧');
    assert.equal(label(GROUP.settings), '⟦Settings and parameters⟧');
    assert.equal(label(GROUP.other), '⟦Other entries⟧');
    assert.equal(label(GROUP.otherSystems), '⟦Other systems⟧');
    assert.match(tree.get(GROUP.hardware)!.description, /^\d+⟦ entries⟧$/);
    assert.equal(label(`${GROUP.concepts}/general`), '⟦General⟧');
    // the debated note, from the real content (its text has to name both types)
    const kvm = buildAtlasTree(real, pseudo).primary('kvm')!;
    const note = kvm.children.find((c) => c.kind === 'note')!;
    assert.equal(note.label, '⟦Type 1 or Type 2? Debated⟧');
    assert.equal(note.description, '⟦listed under ⟧⟦Type 1 (bare metal)⟧');
  });

  it('In This File: the sections by system and by kind', () => {
    const ids = ['hyperv.vmwp', 'kvm.qemu', 'concept.hypervisor', 'format.qcow2', 'hyperv', 'hw.vt-x'].filter((id) => kb.get(id));
    const groups = ids.map((id, i) => ({ id, occurrences: [{ start: i, end: i + 1, line: 0, character: i, endLine: 0, endCharacter: i + 1, preview: '', highlight: [0, 1] as [number, number], text: '' }] }));
    const labels = (['system', 'kind'] as const).flatMap((groupBy) => arrange(groups, (id) => kb.get(id), { groupBy, sortBy: 'position' }, pseudo).map((s) => s.label));
    assert.deepEqual(labels.flatMap(english_), []);
    assert.ok(labels.includes('⟦Across systems⟧') && labels.includes('⟦Components⟧') && labels.includes('⟦Concepts⟧'), labels.join(' | '));
    assert.equal(partialMessage({ truncated: 'matches', total: 5000, scannedChars: 0, textLength: 0 }, pseudo), '⟦Showing the first ⟧5,000⟦ matches (file too large).⟧');
  });

  it('diagrams (the words core adds), their cards and connections, and a check’s message', () => {
    const compare = layoutView(kb, { kind: 'compare', left: 'hyperv', right: 'virtualbox' }, pseudo);
    const system = layoutView(kb, { kind: 'system', system: 'hyperv' }, pseudo);
    assert.equal(compare.title, '⟦Type 1 and Type 2 compared⟧');
    assert.ok(compare.nodes.some((n) => n.kind === 'link' && n.texts[0]!.text.startsWith('⟦Open the full ⟧')));
    // the stacks' boxes, notes and frames: every word the code draws or names is translated
    // (the headings and captions are the comparison entry's, content)
    const drawn = compare.nodes.filter((n) => n.kind === 'component' || n.kind === 'layer');
    assert.ok(drawn.length >= 20);
    // (a label wrapped onto two lines is read as one)
    const lines = (n: (typeof drawn)[number], role?: string) => n.texts.filter((x) => !role || x.role === role).map((x) => x.text).join(' ');
    assert.deepEqual(drawn.flatMap((n) => [lines(n), n.name]).flatMap(english_), []);
    const primary = drawn.map((n) => lines(n, 'primary'));
    for (const label of ['⟦VM⟧', '⟦Hypervisor⟧', '⟦Hardware⟧', '⟦Hypervisor driver⟧', '⟦Root partition⟧', '⟦QEMU process⟧', '⟦Guest OS⟧']) assert.ok(primary.includes(label), label);
    assert.ok(drawn.some((n) => n.texts.some((x) => x.role === 'layer' && x.text === '⟦Host OS: kernel⟧')));
    assert.ok(drawn.some((n) => lines(n, 'secondary') === '⟦guest OS⟧'));
    assert.ok(drawn.some((n) => n.name === '⟦Guest OS⟧; ⟦inside ⟧⟦VM process⟧'), 'an inner box names its holder');
    assert.ok(drawn.some((n) => n.name.endsWith('; ⟦at the bottom⟧')));
    // the outline beside it: the webview gets these words from the extension
    const outline = outlineOf(system, outlineWords(pseudo));
    // a group without a title of its own (none in the bundled drawings)
    const headless = outlineOf({ ...system, nodes: system.nodes.filter((n) => n.kind !== 'layer') }, outlineWords(pseudo));
    assert.ok(headless.length > 0 && headless.every((g) => g.label === '⟦Outside this stack⟧'));
    const edges = outline.flatMap((g) => g.children.flatMap((c) => c.children));
    assert.ok(edges.length > 10 && edges.every((e) => /^⟦(to|from) ⟧.+⟦: ⟧/.test(e.label)), edges[0]?.label);
    assert.ok(JSON.stringify(system).includes('⟦Type 1 (bare metal)⟧'));
    const vmwp = kb.get('hyperv.vmwp')!;
    const connections = connectionsHtml(kb, vmwp, system, pseudo);
    assert.ok(connections.includes('<h2>⟦Connections⟧</h2>') && connections.includes('<h3>⟦Talks to⟧</h3>'), connections);
    assert.deepEqual(english_(connections), []);
    assert.equal(findingMessage({ message: 'a', correct: 'b' }, pseudo), 'a⟦ ⟧b');
    assert.equal(findingMessage({ message: 'It is wrong.', correct: 'It is right.' }), 'It is wrong. It is right.');
  });
});

describe('a pseudo-translated l10n/bundle.l10n.json through fromBundle: the comparison, glossary problems, the CLI', () => {
  const root = join(__dirname, '..', '..', '..');
  const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  // every translation in ⟦…⟧, as a translator's file would hold it (placeholders kept)
  const translated = Object.fromEntries(Object.entries(bundle).map(([k, v]) => [k, pseudo(v)]));
  const t = fromBundle(translated);

  it('fromBundle: a translated message with its placeholders filled; a message the bundle lacks stays English', () => {
    assert.equal(t('Open the full {0} diagram ›', 'KVM'), '⟦Open the full ⟧KVM⟦ diagram ›⟧');
    assert.equal(t('Not in any bundle {0}', 1), 'Not in any bundle 1');
    assert.equal(fromBundle({ 'a {0}': { message: 'b {0}', comment: ['x'] } })('a {0}', 2), 'b 2');
    assert.equal(fromBundle({})('constructor'), 'constructor');
  });

  it('the comparison: stack labels, notes and frame titles come out translated', () => {
    const view = layoutView(real, { kind: 'compare', left: 'hyperv', right: 'virtualbox' }, t);
    const texts = view.nodes.filter((n) => n.kind === 'component' || n.kind === 'layer').map((n) => n.texts.map((x) => x.text).join(' '));
    for (const label of ['⟦VM⟧ ⟦guest OS⟧', '⟦Hypervisor driver⟧ ⟦a kernel module⟧', '⟦Host OS: kernel⟧', '⟦Host OS (Linux): user space⟧', '⟦Guest OS⟧']) assert.ok(texts.includes(label), `${label} in ${texts.join(' | ')}`);
    assert.deepEqual(texts.flatMap(english_).filter((w) => !/^(kvm\.ko|hvix64|hvax64)$/.test(w)), []);
    assert.equal(view.title, '⟦Type 1 and Type 2 compared⟧');
  });

  it('workspace glossary problems: every one translated, "did you mean" too, the quick fix independent of the words', () => {
    const SRC = 'sources:\n  - { title: Team wiki, url: "https://wiki.example.com/lab" }';
    const entry = (path: string, fields: string, body = 'Key facts.') => ({ path, text: `---\n${fields}\n---\n${body}\n` });
    const files = [
      entry('.atlas/a.md', `id: lab.a\ntitle: A\nkind: concept\nsummary: A.\nrelated: [hyperv.vmmz]\n${SRC}`),
      entry('.atlas/b.md', 'id: lab.b\ntitle: B\nkind: concept\nsummary: B.'),
      entry('.atlas/c.md', `id: lab.c\ntitle: C\nkind: concept\nsummary: C.\ncolour: red\naliases: [memory]\n${SRC}`),
      entry('.atlas/d.md', 'extends: hyperv.vmmz\naliases: [lab-vmms]'),
      entry('.atlas/e.md', `id: hyperv.vmms\ntitle: E\nkind: tool\nsummary: E.\n${SRC}`),
      entry('.atlas/f.md', `id: lab.f\ntitle: F\nkind: widget\nsummary: F.\naliases: [vmwp]\n${SRC}`, 'See [x](file:///etc/passwd).'),
      { path: '.atlas/g.md', text: '---\nid: [\n---\n' },
    ];
    const problems = checkGlossaryFiles(real, files, t);
    assert.ok(problems.length >= 9, problems.map((p) => p.message).join('\n'));
    const ids = new Set(real.entries.map((e) => e.id));
    for (const p of problems) {
      assert.ok(p.message.startsWith('⟦') || p.message.startsWith('`'), p.message);
      // outside ⟦…⟧ only what the file or the knowledge base says: fields, ids, aliases, paths (YAML errors too: their codes map to our words)
      const source = files.find((f) => f.path === p.file)!.text;
      const left = english_(p.message.replace(/[\w./-]+\.md\b/g, ' ')).filter((w) => !source.includes(w) && !ids.has(w) && !/^(system|layer|component|concept|format|tool|setting)$/.test(w));
      assert.deepEqual(left, [], p.message);
    }
    const typo = problems.find((p) => p.file === '.atlas/a.md')!;
    assert.equal(typo.message, '⟦`⟧related⟦` refers to `⟧hyperv.vmmz⟦`, which no entry has⟧⟦; did you mean `⟧hyperv.vmms⟦`?⟧');
    assert.deepEqual(typo.fix, { kind: 'replace', id: 'hyperv.vmmz', with: 'hyperv.vmms' });
    const ext = problems.find((p) => p.file === '.atlas/d.md')!;
    assert.match(ext.message, /^⟦`extends` refers to `⟧hyperv\.vmmz⟦`, which no bundled entry has⟧⟦; did you mean `⟧hyperv\.vmms⟦`\?⟧$/);
    assert.deepEqual(ext.fix, { kind: 'replace', id: 'hyperv.vmmz', with: 'hyperv.vmms' });
    const noSource = problems.find((p) => p.file === '.atlas/b.md')!;
    assert.equal(noSource.message, '⟦entry has no source: cite at least one public primary source `{ title, url }`⟧');
    assert.deepEqual(noSource.fix, { kind: 'add-sources' });
    assert.ok(problems.some((p) => p.message === '⟦alias `⟧memory⟦` is a common English word: list it under `generic` too, so it only matches near a specific term⟧'));
    assert.ok(problems.some((p) => p.message.startsWith('⟦id `⟧hyperv.vmms⟦` is already used by the bundled entry ⟧hyperv.vmms⟦ (⟧')));
    // English stays as it was
    assert.equal(checkGlossaryFiles(real, [files[0]!])[0]!.message, '`related` refers to `hyperv.vmmz`, which no entry has; did you mean `hyperv.vmms`?');
    const bad = decodeEntryFile('.atlas/x.md', new Uint8Array([0x2d, 0xff]), t);
    assert.ok('problem' in bad && bad.problem.message === '⟦the file is not valid UTF-8 (byte ⟧1⟦): save it as UTF-8⟧');
    assert.equal(fieldHelp(t).id, pseudo(fieldHelp().id!));
  });

  describe('the CLI: --locale and HYPERVISOR_ATLAS_LOCALE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-l10n-'));
    writeFileSync(join(dir, 'bundle.l10n.qps-ploc.json'), JSON.stringify(translated));
    const run = async (args: string[], env: Record<string, string> = {}) => {
      let out = '';
      let err = '';
      const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) }, { l10nDir: dir, env });
      return { code, out, err };
    };

    it('usage errors, help, explain, the scan summary and glossary problems come out translated', async () => {
      const usage = await run(['scan', '--locale', 'qps-ploc']);
      assert.equal(usage.code, 2);
      assert.ok(usage.err.startsWith('⟦hypervisor-atlas: ⟧⟦scan needs at least one PATH⟧⟦\n\n⟧⟦Usage:'), usage.err.slice(0, 200));
      assert.ok((await run(['--help'], { HYPERVISOR_ATLAS_LOCALE: 'qps-ploc' })).out.startsWith('⟦Usage:\n'));
      const explain = await run(['explain', 'vmwpxq'], { HYPERVISOR_ATLAS_LOCALE: 'qps-ploc' });
      assert.match(explain.err, /^⟦hypervisor-atlas: no entry for "⟧vmwpxq⟦"\.⟧/);
      const card = await run(['--locale=qps-ploc', 'explain', 'vmwp.exe']);
      assert.match(card.out, /\n⟦Also written: ⟧.+\n/);
      assert.match(card.out, /\n⟦Sources:⟧\n/);
      const folder = mkdtempSync(join(tmpdir(), 'atlas-l10n-g-'));
      writeFileSync(join(folder, 'a.md'), '---\nid: lab.a\ntitle: A\nkind: concept\nsummary: A.\n---\nKey facts.\n');
      writeFileSync(join(folder, 'notes.txt'), 'The VMWP process runs per VM.\n');
      const scan = await run(['scan', '--locale', 'qps-ploc', '--glossary', folder, join(folder, 'notes.txt')]);
      assert.match(scan.err, /a\.md:\d+: ⟦entry has no source: /);
      assert.match(scan.err, /\n\d+⟦ match\(es\) in ⟧1⟦ file\(s\)⟧\n$/);
    });

    it('English by default and for en-*; a locale without a bundle says so once and stays English', async () => {
      assert.match((await run(['explain', 'vmwpxq'])).err, /^hypervisor-atlas: no entry for "vmwpxq"\./);
      assert.match((await run(['explain', 'vmwpxq', '--locale', 'en-GB'])).err, /^hypervisor-atlas: no entry for "vmwpxq"\./);
      const missing = await run(['explain', 'vmwpxq'], { HYPERVISOR_ATLAS_LOCALE: 'de_DE' });
      assert.match(missing.err, /^hypervisor-atlas: no translation for de-de \(.*bundle\.l10n\.de\.json not found\): messages are in English\nhypervisor-atlas: no entry for "vmwpxq"\./);
      // --locale wins over the variable; a region falls back to its language's bundle
      writeFileSync(join(dir, 'bundle.l10n.qps.json'), JSON.stringify(translated));
      assert.match((await run(['explain', 'vmwpxq', '--locale', 'qps-XX'], { HYPERVISOR_ATLAS_LOCALE: 'de' })).err, /^⟦hypervisor-atlas: no entry for "⟧/);
      const noValue = await run(['list', '--locale']);
      assert.equal(noValue.code, 2);
      assert.match(noValue.err, /^hypervisor-atlas: --locale takes a value/);
    });
  });
});
