import * as assert from 'node:assert/strict';
import { KnowledgeIndex } from '../../src/core/knowledge/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import type { Entry, KnowledgeBase } from '../../src/core/knowledge/types';
import { testEntry } from './entry';
import { AtlasTree, GROUP, NOTE_LINE_CHARS, buildAtlasTree, classificationDebated, layerLabel, layerPosition, wrapText, type AtlasNode } from '../../src/core/tree/model';

const kb = bundledKnowledge();
const tree = buildAtlasTree(kb);
const nodes = [...tree.all()];

const root = (key: string) => tree.roots.find((r) => r.id === key);
const childByEntry = (n: AtlasNode | undefined, entryId: string) => n?.children.find((c) => c.kind === 'entry' && c.entryId === entryId);
const layerNodes = (system: AtlasNode, index: KnowledgeIndex = kb) => system.children.filter((c) => c.entryId && index.get(c.entryId)?.kind === 'layer');
const systemNodes = () => nodes.filter((n) => n.kind === 'entry' && kb.get(n.entryId!)?.kind === 'system');

const entry = (e: Partial<Entry> & Pick<Entry, 'id' | 'kind'>): Entry => testEntry({ sources: [{ title: 'Source', url: 'https://example.org/' }], ...e });

/** A small knowledge base with a system the real content does not have. */
function fixture(extra: Entry[] = []): KnowledgeIndex {
  const entries: Entry[] = [
    entry({ id: 'bhyve', kind: 'system', title: 'bhyve', classification: 'type2', classificationNote: 'It runs in FreeBSD, so most call it Type 2 (hosted); some call it Type 1, as it is part of the kernel.', stack: [['bhyve.hw'], ['bhyve.host'], ['bhyve.vm', 'bhyve.vm2']] }),
    entry({ id: 'bhyve.hw', kind: 'layer', title: 'Hardware (bhyve host)', system: 'bhyve' }),
    entry({ id: 'bhyve.host', kind: 'layer', title: 'FreeBSD host (layer)', system: 'bhyve', modes: ['kernel', 'user'] }),
    entry({ id: 'bhyve.vm', kind: 'layer', title: 'Guests', system: 'bhyve' }),
    entry({ id: 'bhyve.vm2', kind: 'layer', title: 'More guests', system: 'bhyve' }),
    entry({ id: 'bhyve.vmm-ko', kind: 'component', title: 'vmm.ko', short: 'vmm.ko', systems: ['bhyve'], layers: ['bhyve.host'], mode: 'kernel' }),
    entry({ id: 'bhyve.bhyvectl', kind: 'component', title: 'bhyvectl', systems: ['bhyve'], layers: ['bhyve.host'], mode: 'user', formerIds: ['bhyve.ctl'] }),
    entry({ id: 'bhyve.orphan', kind: 'component', title: 'Orphan', systems: ['bhyve'], layers: ['nowhere.layer'] }),
    entry({ id: 'hw.vt-x', kind: 'component', title: 'Intel VT-x', short: 'VMX', systems: ['bhyve'], layers: ['bhyve.hw'] }),
    entry({ id: 'concept.guest', kind: 'concept', title: 'Guest' }),
    entry({ id: 'bhyve.memsize', kind: 'setting', title: 'memsize', appliesTo: ['bhyve-cli', 'libvirt'], systems: ['bhyve'] }),
    entry({ id: 'format.img', kind: 'format', title: 'Raw image `*.img`', short: '.img' }),
    entry({ id: 'bhyve.vm-bhyve', kind: 'tool', title: 'vm-bhyve', systems: ['bhyve'] }),
    ...extra,
  ];
  return new KnowledgeIndex({ version: 1, entries } as KnowledgeBase);
}

describe('architecture tree: built from the bundled knowledge base', () => {
  it('has the two types first, then the cross-cutting groups', () => {
    const keys = tree.roots.map((r) => r.id);
    assert.deepEqual(keys.slice(0, 2), [GROUP.type1, GROUP.type2]);
    for (const k of [GROUP.hardware, GROUP.concepts, GROUP.formats, GROUP.tools, GROUP.settings]) assert.ok(keys.includes(k), `missing group ${k}`);
    assert.equal(root(GROUP.type1)!.label, 'Type 1 (bare metal)');
    assert.equal(root(GROUP.type2)!.label, 'Type 2 (hosted)');
  });

  it('puts every system under exactly one type, the one its classification names', () => {
    for (const system of kb.systems()) {
      const places = tree.placesOf(system.id);
      assert.equal(places.length, 1, `${system.id} appears ${places.length} times`);
      const expected = system.classification === 'type1' ? GROUP.type1 : system.classification === 'type2' ? GROUP.type2 : GROUP.otherSystems;
      assert.equal(places[0].parent?.id, expected, `${system.id} is under ${places[0].parent?.id}`);
    }
    const under = (g: string) => root(g)!.children.map((c) => c.entryId);
    for (const id of ['hyperv', 'esxi', 'xen', 'kvm']) assert.ok(under(GROUP.type1).includes(id), `${id} not under Type 1`);
    for (const id of ['virtualbox', 'workstation']) assert.ok(under(GROUP.type2).includes(id), `${id} not under Type 2`);
  });

  it('shows each classification note in the tree itself: a heading, then the note in short lines', () => {
    for (const system of kb.systems().filter((s) => s.classificationNote)) {
      const node = tree.primary(system.id)!;
      const heading = node.children[0];
      assert.equal(heading.kind, 'note', `${system.id}: first child is not the note`);
      assert.equal(heading.expanded, true);
      assert.equal(heading.entryId, system.id);
      assert.equal(heading.children.map((l) => l.label).join(' '), system.classificationNote!.trim().replace(/\s+/g, ' '));
      for (const line of heading.children) assert.ok(line.label.length <= NOTE_LINE_CHARS || !line.label.includes(' '), `${system.id}: line too long: ${line.label}`);
    }
    const hyperv = tree.primary('hyperv')!.children[0];
    assert.equal(hyperv.label, 'Why Type 1 (bare metal)?');
    assert.match(hyperv.children.map((l) => l.label).join(' '), /looks hosted.*Type 1.*root partition/);
    const kvm = tree.primary('kvm')!.children[0];
    assert.equal(kvm.label, 'Type 1 or Type 2? Debated');
    assert.equal(kvm.description, 'listed under Type 1 (bare metal)');
    assert.equal(kvm.icon, 'question');
    assert.match(kvm.children.map((l) => l.label).join(' '), /Type 1.*Type 2/);
    assert.equal(tree.primary('virtualbox')!.children[0].label, 'Why Type 2 (hosted)?');
  });

  it('wraps text at spaces', () => {
    assert.deepEqual(wrapText('aa bb cc dd', 5), ['aa bb', 'cc dd']);
    assert.deepEqual(wrapText('  a  verylongword b ', 4), ['a', 'verylongword', 'b']);
    assert.equal(classificationDebated('many count it as Type 1; others call it hosted (Type 2)'), true);
    assert.equal(classificationDebated('it looks hosted, but it is Type 1'), false);
  });

  it('lists layers top-down, hardware last, and says so in each description', () => {
    for (const s of systemNodes()) {
      const system = kb.get(s.entryId!)!;
      const rows = system.stack ?? [];
      const expected = [...rows].reverse().flat().filter((id) => kb.get(id)?.kind === 'layer');
      assert.deepEqual(layerNodes(s).map((l) => l.entryId), expected, `${system.id}: layers out of order`);
      if (rows.length > 1) {
        const layers = layerNodes(s);
        assert.match(layers[0].description, /^top layer/, `${system.id}: first layer is not marked top`);
        assert.match(layers[layers.length - 1].description, /^bottom layer/, `${system.id}: last layer is not marked bottom`);
        assert.ok(/hardware/i.test(layers[layers.length - 1].label) || /hardware/i.test(kb.get(layers[layers.length - 1].entryId!)!.title), `${system.id}: the last layer is not the hardware`);
      }
    }
  });

  it('puts every component of a system under one of that system’s layers, with its mode in the description', () => {
    for (const c of kb.ofKind('component')) {
      for (const layer of kb.getAll(c.layers)) {
        if (!layer.system) continue;
        const systemNode = tree.placesOf(layer.system)[0];
        if (!systemNode || !(kb.get(layer.system)?.stack ?? []).flat().includes(layer.id)) continue;
        const layerNode = childByEntry(systemNode, layer.id);
        const node = childByEntry(layerNode, c.id);
        assert.ok(node, `${c.id} is not under ${layer.system} › ${layer.id}`);
        if (c.mode) assert.match(node.description, new RegExp(`${c.mode} mode`), `${c.id}: mode missing from "${node.description}"`);
      }
    }
  });

  it('shows VMMS, VMWP, VID and WinHv under Hyper-V › Root partition', () => {
    const root = childByEntry(tree.primary('hyperv'), 'hyperv.root')!;
    assert.equal(root.label, 'Root partition');
    const shorts = root.children.map((c) => c.description);
    for (const want of [/^VMMS · user mode$/, /^VMWP · user mode$/, /^Vid\.sys · kernel mode$/, /^winhv\.sys · kernel mode$/]) {
      assert.ok(shorts.some((d) => want.test(d)), `no child described ${want}: ${JSON.stringify(shorts)}`);
    }
    // user mode above kernel mode, as the diagram draws a partition
    const modes = root.children.map((c) => kb.get(c.entryId!)!.mode).filter(Boolean);
    assert.deepEqual(modes, [...modes].sort((a, b) => ['user', 'kernel', 'firmware'].indexOf(a!) - ['user', 'kernel', 'firmware'].indexOf(b!)));
  });

  it('gives every node a unique id that a rebuild reproduces', () => {
    const ids = nodes.map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    const again = [...buildAtlasTree(bundledKnowledge()).all()].map((n) => n.id);
    assert.deepEqual(again, ids);
    // ids are paths of stable keys: a node's id starts with its parent's
    for (const n of nodes) if (n.parent) assert.ok(n.id.startsWith(`${n.parent.id}/`), n.id);
  });

  it('gives every node a label, a description, a tooltip and an icon', () => {
    for (const n of nodes) {
      assert.ok(n.label.trim(), `${n.id}: no label`);
      if (n.kind !== 'note') assert.ok(n.description.trim(), `${n.id}: no description`);
      assert.ok(n.tooltip.trim(), `${n.id}: no tooltip`);
      if (n.kind === 'note' && n.parent?.kind === 'note') assert.equal(n.icon, '', `${n.id}: a note line has no icon`);
      else assert.match(n.icon, /^[a-z0-9-]+$/, `${n.id}: icon ${n.icon}`);
    }
  });

  it('reaches every entry, and has a primary place for each whose path leads to it', () => {
    for (const e of kb.entries) {
      const p = tree.primary(e.id);
      assert.ok(p, `${e.id} is not in the tree`);
      assert.equal(p.entryId, e.id);
      const path = tree.path(p);
      assert.ok(tree.roots.includes(path[0]), `${e.id}: path does not start at a root`);
      for (let i = 1; i < path.length; i++) assert.ok(path[i - 1].children.includes(path[i]), `${e.id}: broken parent link at ${path[i].id}`);
    }
  });

  it('picks the primary place an engineer expects', () => {
    const parentEntry = (id: string) => tree.primary(id)?.parent?.entryId ?? tree.primary(id)?.parent?.id;
    assert.equal(tree.primary('hyperv')?.parent?.id, GROUP.type1);
    assert.equal(parentEntry('hyperv.root'), 'hyperv');
    assert.equal(parentEntry('hyperv.vmbus'), 'hyperv.root');
    assert.equal(parentEntry('hyperv.vmwp'), 'hyperv.root');
    assert.equal(tree.primary('hw.vt-x')?.parent?.id, GROUP.hardware);
    if (kb.get('xen.dom0')?.layers.includes('xen.dom0-layer')) assert.equal(parentEntry('xen.dom0'), 'xen.dom0-layer');
    const setting = kb.ofKind('setting').find((s) => (s.appliesTo?.length ?? 0) > 1);
    if (setting) assert.equal(tree.primary(setting.id)?.parent?.id, `${GROUP.settings}/applies-to:${setting.appliesTo![0]}`);
  });

  it('offers Show in Diagram on systems, layers and components, and Open Source where there is a source', () => {
    for (const n of nodes.filter((x) => x.kind === 'entry')) {
      const e = kb.get(n.entryId!)!;
      const flags = n.contextValue.split(' ');
      assert.ok(flags.includes('entry'));
      assert.equal(flags.includes('diagram'), ['system', 'layer', 'component'].includes(e.kind), `${n.id}: ${n.contextValue}`);
      assert.equal(flags.includes('source'), e.sources.length > 0);
    }
    assert.equal(tree.primary('hyperv.vmwp')!.systemId, 'hyperv');
  });
});

describe('architecture tree: generated, with no code per system', () => {
  const small = fixture();
  const t = buildAtlasTree(small);

  it('adds a system the code has never heard of, under its type, with its layers top-down', () => {
    const bhyve = t.primary('bhyve')!;
    assert.equal(bhyve.parent?.id, GROUP.type2);
    assert.equal(bhyve.id, 'type2/bhyve');
    assert.deepEqual(
      layerNodes(bhyve, small).map((l) => [l.label, l.description]),
      [
        ['Guests', 'top layer'],
        ['More guests', 'top layer'],
        ['FreeBSD host', 'middle layer · kernel + user mode'],
        ['Hardware', 'bottom layer'],
      ],
    );
    assert.equal(bhyve.children[0].kind, 'note');
    assert.equal(bhyve.children[0].icon, 'question');
    const host = childByEntry(bhyve, 'bhyve.host')!;
    assert.deepEqual(host.children.map((c) => [c.label, c.description]), [
      ['bhyvectl', 'user mode'],
      ['vmm.ko', 'kernel mode'],
    ]);
  });

  it('keeps entries that fit nowhere reachable under "Other entries"', () => {
    const other = t.roots.find((r) => r.id === GROUP.other)!;
    assert.deepEqual(other.children.map((c) => c.entryId), ['bhyve.orphan']);
    for (const e of small.entries) assert.ok(t.primary(e.id), `${e.id} unreachable`);
  });

  it('omits empty optional groups', () => {
    assert.equal(t.roots.find((r) => r.id === GROUP.otherSystems), undefined);
  });

  it('lists a setting under every appliesTo, primary under the first', () => {
    const places = t.placesOf('bhyve.memsize').map((n) => n.parent!.label);
    assert.deepEqual(places.sort(), ['bhyve-cli', 'libvirt domain XML']);
    assert.equal(t.primary('bhyve.memsize')!.parent!.label, 'bhyve-cli');
  });

  it('groups concepts and tools: general ones first, then by system', () => {
    const concepts = t.roots.find((r) => r.id === GROUP.concepts)!;
    assert.deepEqual(concepts.children.map((c) => c.label), ['General']);
    const tools = t.roots.find((r) => r.id === GROUP.tools)!;
    assert.deepEqual(tools.children.map((c) => [c.label, c.description]), [['bhyve', '1 tool']]);
  });

  it('keeps every node id when the content grows', () => {
    const before = [...t.all()].map((n) => n.id);
    const grown = buildAtlasTree(
      fixture([
        entry({ id: 'bhyve.nmdm', kind: 'component', title: 'nmdm', systems: ['bhyve'], layers: ['bhyve.host'], mode: 'kernel' }),
        entry({ id: 'xhyve', kind: 'system', title: 'xhyve', classification: 'type2', stack: [['bhyve.hw']] }),
        entry({ id: 'concept.vm', kind: 'concept', title: 'Virtual machine' }),
      ]),
    );
    const after = new Set([...grown.all()].map((n) => n.id));
    for (const id of before) assert.ok(after.has(id), `${id} disappeared`);
    assert.ok(after.has('type2/bhyve/bhyve.host/bhyve.nmdm'));
    assert.ok(after.has('type2/xhyve'));
  });

  it('resolves former ids to the entry’s place', () => {
    assert.equal(t.primary('bhyve.ctl', small)?.entryId, 'bhyve.bhyvectl');
  });

  it('escapes content in tooltips', () => {
    const img = t.primary('format.img')!;
    assert.ok(img.tooltip.includes('Raw image \\`\\*\\.img\\`'), img.tooltip);
    assert.equal(img.label, 'Raw image `*.img`');
  });

  it('rejects duplicate node ids', () => {
    const a = { id: 'x', children: [] } as unknown as AtlasNode;
    assert.throws(() => new AtlasTree([a, a], new Map()), /duplicate node id x/);
  });
});

describe('architecture tree: labels', () => {
  it('drops a parenthesis that only repeats "layer" or the system name', () => {
    const hyperv = { id: 'hyperv', title: 'Hyper-V' } as Entry;
    const kvm = { id: 'kvm', title: 'KVM', short: 'KVM' } as Entry;
    assert.equal(layerLabel({ title: 'Root partition (layer)' } as Entry, hyperv), 'Root partition');
    assert.equal(layerLabel({ title: 'Hardware (Hyper-V host)' } as Entry, hyperv), 'Hardware');
    assert.equal(layerLabel({ title: 'Hypervisor layer (Hyper-V)' } as Entry, hyperv), 'Hypervisor layer');
    assert.equal(layerLabel({ title: 'Host Linux kernel (with KVM)' } as Entry, kvm), 'Host Linux kernel (with KVM)');
    assert.equal(layerLabel({ title: 'Host user space (QEMU, libvirt)' } as Entry, kvm), 'Host user space (QEMU, libvirt)');
  });

  it('names layer positions from the hardware up', () => {
    assert.equal(layerPosition(0, 3), 'bottom layer');
    assert.equal(layerPosition(1, 3), 'middle layer');
    assert.equal(layerPosition(2, 3), 'top layer');
    assert.equal(layerPosition(1, 4), 'layer 2 of 4 from the bottom');
    assert.equal(layerPosition(0, 1), 'only layer');
  });
});
