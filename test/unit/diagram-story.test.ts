import * as assert from 'node:assert/strict';
import { compile, formatProblem, type SourceFile } from '../../build/content';
import { layoutView } from '../../src/core/diagram/index';
import { buildModel } from '../../src/core/diagram/model';
import { storyView } from '../../src/core/diagram/quality';
import { renderSvg } from '../../src/core/diagram/svg';
import { KnowledgeIndex } from '../../src/core/knowledge/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import type { KnowledgeBase } from '../../src/core/knowledge/types';
import { DEFAULT_PALETTE } from '../../src/core/diagram/svg';
import { parseDiagramMessage } from '../../src/features/diagram/messages';

const SRC = 'sources:\n  - { title: Hyper-V architecture, url: "https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/hyper-v-architecture" }';
const file = (path: string, fields: string): SourceFile => ({ path, text: `---\n${fields}\n---\nKey facts.\n` });
const system = file('content/s.md', `id: hyperv\ntitle: Hyper-V\nkind: system\nsummary: A hypervisor.\nclassification: type1\nstack: [[hyperv.root]]\naliases: [Hyper-V]\n${SRC}`);
const root = file('content/root.md', `id: hyperv.root\ntitle: Root\nkind: layer\nsystem: hyperv\nsummary: The root.\n${SRC}`);
const component = (id: string, connections: string) => file(`content/${id}.md`, `id: ${id}\ntitle: ${id}\nkind: component\nsummary: A part.\nsystems: [hyperv]\nlayers: [hyperv.root]\nconnections:\n${connections}\n${SRC}`);
const other = file('content/other.md', `id: other.thing\ntitle: Other\nkind: concept\nsummary: Not drawn anywhere.\n${SRC}`);

describe('story edges: content format and build checks', () => {
  it('carries `story: true` from a connection to the model edge and the laid edge', () => {
    const a = component('hyperv.a', '  - { to: hyperv.b, label: calls, story: true }\n  - { to: hyperv.c, label: signals }');
    const { kb, problems } = compile([system, root, a, component('hyperv.b', '  - { to: hyperv.c, label: uses }'), component('hyperv.c', '  []')]);
    assert.deepEqual(problems.map(formatProblem), []);
    assert.deepEqual(kb.entries.find((e) => e.id === 'hyperv.a')!.connections, [{ to: 'hyperv.b', label: 'calls', story: true }, { to: 'hyperv.c', label: 'signals' }]);
    const index = new KnowledgeIndex(kb);
    const model = buildModel(index, 'hyperv');
    assert.deepEqual(model.edges.map((e) => [e.fromEntry, e.toEntry, !!e.story]), [['hyperv.a', 'hyperv.b', true], ['hyperv.a', 'hyperv.c', false], ['hyperv.b', 'hyperv.c', false]]);
    const laid = layoutView(index, { kind: 'system', system: 'hyperv' });
    assert.deepEqual(laid.edges.filter((e) => e.story).map((e) => e.label), ['calls']);
    assert.deepEqual(storyView(laid).edges.map((e) => e.label), ['calls']);
  });

  it('rejects a `story` that is not true or false', () => {
    const a = component('hyperv.a', '  - { to: hyperv.b, label: calls, story: yes please }');
    const p = compile([system, root, a, component('hyperv.b', '  []')]).problems.map(formatProblem);
    assert.deepEqual(p, ['content/hyperv.a.md:9: connection `story` must be true or false']);
  });

  it('reports a story connection no diagram draws at its line, and an unknown id once', () => {
    const a = component('hyperv.a', '  - { to: other.thing, label: reads }');
    const b = file('content/hyperv.b.md', `id: hyperv.b\ntitle: B\nkind: concept\nsummary: Not drawn.\nconnections:\n  - { to: hyperv.a, label: talks, story: true }\n  - { to: no.such, label: lost, story: true }\n${SRC}`);
    const p = compile([system, root, a, b, other]).problems.map(formatProblem);
    assert.deepEqual(p, [
      'content/hyperv.b.md:6: `connections` refers to `no.such`, which no entry has',
      "content/hyperv.b.md:7: story connection to hyperv.a (talks) is not drawn in any system's diagram",
    ]);
  });
});

describe('story edges: the bundled diagrams', () => {
  const kb = bundledKnowledge();

  it('marks the Hyper-V path VMMS → VMWP → VID → WinHv → hypervisor and VSP → VSC as story edges', () => {
    const l = layoutView(kb, { kind: 'system', system: 'hyperv' });
    const story = new Set(l.edges.filter((e) => e.story).map((e) => `${e.fromEntry}>${e.toEntry}`));
    for (const k of ['hyperv.vmms>hyperv.vmwp', 'hyperv.vmwp>hyperv.vid', 'hyperv.vid>hyperv.winhv', 'hyperv.winhv>hyperv.windows-hypervisor', 'hyperv.vsp>hyperv.vsc']) assert.ok(story.has(k), k);
    assert.ok(l.edges.some((e) => !e.story && e.fromEntry === 'hyperv.wmi-provider'), 'the WMI provider edge is drawn but not a story edge');
  });

  it('the story flags change no route: the layout without them is the same drawing (only labels move off the story lines)', () => {
    const raw = JSON.parse(JSON.stringify(kb.entries)) as KnowledgeBase['entries'];
    for (const e of raw) for (const c of e.connections) delete c.story;
    const plain = new KnowledgeIndex({ version: 1, entries: raw });
    for (const system of ['hyperv', 'kvm', 'xen']) {
      const withStory = layoutView(kb, { kind: 'system', system });
      const without = layoutView(plain, { kind: 'system', system });
      // a label keeps clear of the story's lines first, so only labelAt may differ
      const strip = (x: typeof withStory) => JSON.stringify({ ...x, edges: x.edges.map(({ story: _s, labelAt: _l, ...rest }) => rest) });
      assert.equal(strip(withStory), strip(without), system);
    }
  });

  it('Export SVG draws the edges the page shows, and all of them without a list', () => {
    const l = layoutView(kb, { kind: 'system', system: 'xen' });
    const story = l.edges.filter((e) => e.story);
    const paths = (svg: string) => (svg.match(/<path d=/g) ?? []).length - 1; // minus the arrow marker
    assert.equal(paths(renderSvg(l, DEFAULT_PALETTE, new Set(story.map((e) => e.id)))), story.length);
    assert.equal(paths(renderSvg(l)), l.edges.length);
  });

  it('the export message carries edge ids, checked', () => {
    assert.deepEqual(parseDiagramMessage({ type: 'export', palette: DEFAULT_PALETTE, edges: ['e0', 'e12'] }), { type: 'export', palette: DEFAULT_PALETTE, edges: ['e0', 'e12'] });
    assert.equal(parseDiagramMessage({ type: 'export', palette: DEFAULT_PALETTE, edges: ['e0', '<svg/>'] }), undefined);
    assert.equal(parseDiagramMessage({ type: 'export', palette: DEFAULT_PALETTE, edges: 'e0' }), undefined);
  });
});
