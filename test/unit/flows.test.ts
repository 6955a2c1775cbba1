import * as assert from 'node:assert/strict';
import { compile, formatProblem, type SourceFile } from '../../build/content';
import { firstStepWith, flowsOf, flowsWithEntry, resolveFlow, stepAnnouncement, type Flow, type FlowGraph } from '../../src/core/diagram/flows';
import { buildModel } from '../../src/core/diagram/model';
import { layoutView } from '../../src/core/diagram/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { cardMarkdown } from '../../src/core/render/card';
import { parseEntryMessage } from '../../src/features/explain/messages';
import { flowStart, pageFlows } from '../../src/features/diagram/flows';

const kb = bundledKnowledge();
const SYSTEMS = ['hyperv', 'kvm', 'xen', 'esxi', 'virtualbox', 'workstation'];

describe('flow content', () => {
  it('every system has at least three flows', () => {
    for (const s of SYSTEMS) assert.ok(flowsOf(kb.flows, s).length >= 3, `${s} has ${flowsOf(kb.flows, s).length} flows`);
  });

  it("every step's boxes are drawn in its system's diagram and consecutive boxes share an edge", () => {
    for (const flow of kb.flows) {
      const model = buildModel(kb, flow.system);
      const drawn = new Set(model.nodes.map((n) => n.entryId));
      flow.steps.forEach((step, i) => {
        for (const b of step.boxes) assert.ok(drawn.has(b), `${flow.id} step ${i + 1}: ${b} is not drawn`);
        for (let k = 1; k < step.boxes.length; k++) {
          const [a, b] = [step.boxes[k - 1], step.boxes[k]];
          const joined = model.edges.some((e) => (e.fromEntry === a && e.toEntry === b) || (e.fromEntry === b && e.toEntry === a));
          assert.ok(joined, `${flow.id} step ${i + 1}: no edge joins ${a} and ${b}`);
        }
      });
      assert.deepEqual(resolveFlow(flow, model).problems, [], flow.id);
    }
  });

  it('every step has one or two sentences, an existing entry and a source of its flow', () => {
    for (const flow of kb.flows) {
      for (const step of flow.steps) {
        assert.ok(kb.get(step.entry), `${flow.id}: ${step.entry}`);
        assert.ok(flow.sources.some((s) => s.url === step.source.url), `${flow.id}: ${step.source.url}`);
        assert.match(step.source.url, /^https:\/\//);
        assert.ok(step.text.length > 20 && step.text.length < 400, `${flow.id}: ${step.text}`);
      }
    }
  });

  it('includes the flows the issue names', () => {
    const ids = new Set(kb.flows.map((f) => f.id));
    for (const id of ['hyperv.synthetic-io', 'hyperv.emulated-device-access', 'hyperv.start-vm', 'kvm.kvm-run-loop', 'kvm.virtio-net-qemu', 'kvm.virtio-net-vhost', 'xen.blk-split-driver', 'esxi.power-on', 'virtualbox.world-switch', 'workstation.world-switch']) {
      assert.ok(ids.has(id), id);
    }
    const synthetic = kb.flows.find((f) => f.id === 'hyperv.synthetic-io')!;
    const path = synthetic.steps.flatMap((s) => s.boxes);
    const order = ['hyperv.vsc', 'hyperv.vmbus', 'hyperv.vsp', 'hyperv.physical-drivers', 'hw.devices'].map((id) => path.indexOf(id));
    assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)), `VSC → VMBus → VSP → drivers → device, got ${path.join(' ')}`);
  });

  it('the Hyper-V synthetic I/O stays in one child and resolves onto drawn boxes and edges of the layout', () => {
    const flow = kb.flows.find((f) => f.id === 'hyperv.synthetic-io')!;
    const layout = layoutView(kb, { kind: 'system', system: 'hyperv' });
    const r = resolveFlow(flow, layout);
    assert.deepEqual(r.problems, []);
    const ids = new Set(layout.nodes.map((n) => n.id));
    const edgeIds = new Set(layout.edges.map((e) => e.id));
    for (const s of r.steps) {
      for (const n of s.nodes) assert.ok(ids.has(n), n);
      for (const e of s.edges) assert.ok(edgeIds.has(e), e);
    }
    const vscs = new Set(r.steps.flatMap((s) => s.nodes).filter((n) => n.startsWith('hyperv.vsc@')));
    assert.equal(vscs.size, 1, `one VSC copy, got ${[...vscs].join(', ')}`);
  });
});

describe('flow model', () => {
  const graph: FlowGraph = {
    nodes: [
      { id: 'a@l', entryId: 'a', layerKey: 'l' },
      { id: 'b@c#1', entryId: 'b', layerKey: 'c#1' },
      { id: 'b@c#2', entryId: 'b', layerKey: 'c#2' },
      { id: 'c@l~1', entryId: 'c', layerKey: 'l' },
      { id: 'c@l~2', entryId: 'c', layerKey: 'l' },
      { id: 'd@l', entryId: 'd', layerKey: 'l' },
    ],
    edges: [
      { id: 'e1', from: 'a@l', to: 'b@c#1', label: 'x' },
      { id: 'e2', from: 'a@l', to: 'b@c#2', label: 'x' },
      { id: 'e3', from: 'c@l~2', to: 'b@c#2', label: 'y' },
      { id: 'e4', from: 'd@l', to: 'a@l', label: 'z' },
    ],
  };
  const src = { title: 'S', url: 'https://example.org/s' };
  const flow = (steps: string[][]): Pick<Flow, 'id' | 'steps'> => ({ id: 'f', steps: steps.map((boxes) => ({ boxes, text: 'Step.', entry: boxes[0]!, source: src })) });

  it('maps entry ids onto boxes and the edges between them, in either direction', () => {
    const r = resolveFlow(flow([['a', 'd']]), graph);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.steps, [{ nodes: ['a@l', 'd@l'], edges: ['e4'] }]);
  });

  it('prefers VM 1, but takes the copy that reaches the next box', () => {
    assert.deepEqual(resolveFlow(flow([['a', 'b']]), graph).steps[0], { nodes: ['a@l', 'b@c#1'], edges: ['e1'] });
    assert.deepEqual(resolveFlow(flow([['a', 'b', 'c']]), graph).steps[0], { nodes: ['a@l', 'b@c#2', 'c@l~2'], edges: ['e2', 'e3'] });
  });

  it('keeps to the copies earlier steps used', () => {
    const r = resolveFlow(flow([['b', 'c'], ['b']]), graph);
    assert.deepEqual(r.steps.map((s) => s.nodes), [['b@c#2', 'c@l~2'], ['b@c#2']]);
  });

  it('names a box the diagram lacks and two boxes no edge joins', () => {
    assert.deepEqual(resolveFlow(flow([['a', 'zz']]), graph).problems, ['f step 1: zz is not drawn in the diagram']);
    assert.deepEqual(resolveFlow(flow([['d', 'c']]), graph).problems, ['f step 1: no edge joins d and c; add the connection to the entry, with a source']);
    assert.deepEqual(resolveFlow({ id: 'f', steps: [{ boxes: ['a', 'd'], edge: 'nope', text: 'S.', entry: 'a', source: src }] }, graph).problems, [
      'f step 1: no edge labelled "nope" joins a and d; add the connection to the entry, with a source',
    ]);
  });

  it('finds the flows of an entry and the step where it first appears, and announces a step', () => {
    const f = kb.flows.find((x) => x.id === 'hyperv.synthetic-io')!;
    assert.ok(flowsWithEntry(kb.flows, 'hyperv.vsp').some((x) => x.id === f.id));
    assert.equal(flowsWithEntry(kb.flows, 'no.such').length, 0);
    assert.equal(f.steps[firstStepWith(f, 'hyperv.vsp')]!.boxes.includes('hyperv.vsp'), true);
    assert.match(stepAnnouncement(f, 0), new RegExp(`^${f.title}, step 1 of ${f.steps.length}: `));
  });
});

describe('flow files in the content build', () => {
  const SRC = 'sources:\n  - { title: Hyper-V architecture, url: "https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/hyper-v-architecture" }';
  const e = (path: string, fields: string): SourceFile => ({ path, text: `---\n${fields}\n${SRC}\n---\nFacts.\n` });
  const base = [
    e('content/hyper-v/hyperv.md', 'id: hyperv\ntitle: Hyper-V\nkind: system\nsummary: S.\nclassification: type1\nstack: [[hyperv.hardware]]'),
    e('content/hyper-v/hardware.md', 'id: hyperv.hardware\ntitle: Hardware\nkind: layer\nsystem: hyperv\nsummary: S.'),
    e('content/hyper-v/a.md', 'id: hyperv.a\ntitle: A\nkind: component\nsummary: S.\nsystems: [hyperv]\nlayers: [hyperv.hardware]\nconnections:\n  - { to: hyperv.b, label: calls }'),
    e('content/hyper-v/b.md', 'id: hyperv.b\ntitle: B\nkind: component\nsummary: S.\nsystems: [hyperv]\nlayers: [hyperv.hardware]'),
    e('content/hyper-v/c.md', 'id: hyperv.c\ntitle: C\nkind: component\nsummary: S.\nsystems: [hyperv]\nlayers: [hyperv.hardware]'),
  ];
  const flowFile = (steps: string, path = 'content/flows/hyperv/f.md'): SourceFile => ({
    path,
    text: `---\nid: hyperv.f\ntitle: F\nsummary: S.\nsystem: hyperv\nsources:\n  - { title: T, url: "https://example.org/t" }\nsteps:\n${steps}\n---\n`,
  });
  const step = (boxes: string, extra = '') => `  - boxes: [${boxes}]\n    text: "It happens."\n    source: https://example.org/t${extra}`;

  it('compiles a valid flow into the knowledge base', () => {
    const { kb: out, problems } = compile([...base, flowFile(`${step('hyperv.a, hyperv.b')}\n${step('hyperv.b')}`)]);
    assert.deepEqual(problems, []);
    assert.equal(out.flows?.length, 1);
    assert.deepEqual(out.flows![0]!.steps[0]!.boxes, ['hyperv.a', 'hyperv.b']);
    assert.equal(out.flows![0]!.steps[0]!.entry, 'hyperv.b');
  });

  it('reports boxes no edge joins, unknown boxes, foreign sources and misplaced files, with lines', () => {
    const p = (steps: string, path?: string) => compile([...base, flowFile(steps, path)]).problems.map(formatProblem);
    assert.deepEqual(p(`${step('hyperv.a, hyperv.c')}\n${step('hyperv.b')}`), [
      'content/flows/hyperv/f.md:9: f step 1: no edge joins hyperv.a and hyperv.c; add the connection to the entry, with a source'.replace('f step', 'hyperv.f step'),
    ]);
    assert.deepEqual(p(`${step('hyperv.a, no.such')}\n${step('hyperv.b')}`), ['content/flows/hyperv/f.md:9: step refers to `no.such`, which no entry has']);
    assert.match(p(`  - boxes: [hyperv.a]\n    text: "T."\n    source: https://other.org/x\n${step('hyperv.b')}`)[0]!, /:9: a step needs `source`: the url of one of the flow's `sources` \(`https:\/\/other.org\/x` is not one\)/);
    assert.match(p(`${step('hyperv.a')}\n${step('hyperv.b')}`, 'content/flows/kvm/f.md')[0]!, /a flow of `hyperv` belongs in content\/flows\/hyperv\//);
    assert.match(p(step('hyperv.a'))[0]!, /at least two/);
  });
});

describe('flow controls: cards, messages and the page data', () => {
  it('the hover card links "Show how it works" to the first flow of the entry, and only when the command is there', () => {
    const vsp = kb.get('hyperv.vsp')!;
    const md = cardMarkdown(kb, vsp, 'VSP', { showFlow: 'hypervisorAtlas.showFlow' });
    const uri = `command:hypervisorAtlas.showFlow?${encodeURIComponent(JSON.stringify(['hyperv.synthetic-io', 'hyperv.vsp']))}`;
    assert.ok(md.includes(`[$(play) Show how it works](${uri})`), md);
    assert.ok(!cardMarkdown(kb, vsp, 'VSP', {}).includes('Show how it works'));
    assert.ok(!cardMarkdown(kb, kb.get('format.qcow2')!, 'qcow2', { showFlow: 'hypervisorAtlas.showFlow' }).includes('Show how it works'));
  });

  it('the entry card accepts a flow command only with two valid ids and nothing else', () => {
    assert.deepEqual(parseEntryMessage({ type: 'command', command: 'flow', id: 'hyperv.vsp', flow: 'hyperv.synthetic-io' }), {
      type: 'command',
      command: 'flow',
      id: 'hyperv.vsp',
      flow: 'hyperv.synthetic-io',
    });
    assert.equal(parseEntryMessage({ type: 'command', command: 'flow', id: 'hyperv.vsp' }), undefined);
    assert.equal(parseEntryMessage({ type: 'command', command: 'flow', id: 'hyperv.vsp', flow: 'x'.repeat(200) }), undefined);
    assert.equal(parseEntryMessage({ type: 'command', command: 'flow', id: 'hyperv.vsp', flow: 'Bad Id' }), undefined);
    assert.equal(parseEntryMessage({ type: 'command', command: 'flow', id: 'hyperv.vsp', flow: 'hyperv.synthetic-io', system: 'hyperv' }), undefined);
  });

  it('a system page carries its flows resolved onto its own boxes; the comparison carries none', () => {
    const layout = layoutView(kb, { kind: 'system', system: 'kvm' });
    const flows = pageFlows(kb, layout);
    assert.deepEqual(flows.map((f) => f.id).sort(), flowsOf(kb.flows, 'kvm').map((f) => f.id).sort());
    const ids = new Set(layout.nodes.map((n) => n.id));
    for (const f of flows) for (const s of f.steps) for (const n of s.nodes) assert.ok(ids.has(n), `${f.id}: ${n}`);
    assert.equal(pageFlows(kb, layoutView(kb, { kind: 'compare', left: 'hyperv', right: 'virtualbox' })).length, 0);
    assert.deepEqual(flowStart(kb, 'hyperv.synthetic-io', 'hyperv.vsp')?.start, { id: 'hyperv.synthetic-io', step: 3 });
    assert.equal(flowStart(kb, 'no.such'), undefined);
  });
});
