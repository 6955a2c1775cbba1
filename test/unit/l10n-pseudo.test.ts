import * as assert from 'node:assert/strict';
import { findingMessage } from '../../src/core/checks/message';
import { layoutView } from '../../src/core/diagram/index';
import { outlineOf, outlineWords } from '../../src/core/diagram/outline';
import { KnowledgeIndex } from '../../src/core/knowledge/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import type { Entry, KnowledgeBase } from '../../src/core/knowledge/types';
import { english, type Translate } from '../../src/core/l10n';
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
