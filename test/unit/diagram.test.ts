import * as assert from 'node:assert/strict';
import { drawableSystems, layoutView, parseViewKey, viewKey, type DiagramLayout, type DiagramView } from '../../src/core/diagram/index';
import { buildModel } from '../../src/core/diagram/model';
import { METRICS, layoutModel } from '../../src/core/diagram/layout';
import { neighbour, type Direction } from '../../src/core/diagram/navigate';
import { Router } from '../../src/core/diagram/route';
import { DEFAULT_PALETTE, renderSvg } from '../../src/core/diagram/svg';
import { CHAR_EM, textWidth, wrap } from '../../src/core/diagram/text';
import type { Rect } from '../../src/core/diagram/types';
import { KnowledgeIndex } from '../../src/core/knowledge/index';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { testEntry } from './entry';

const kb = bundledKnowledge();

// ---------------------------------------------------------------------------------------------
// Invariants every drawing must keep
// ---------------------------------------------------------------------------------------------

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** a segment's interior crosses the open interior of `r` */
function segmentHits(a: [number, number], b: [number, number], r: Rect): boolean {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  return x0 < r.x + r.w && x1 > r.x && y0 < r.y + r.h && y1 > r.y;
}
const onBorder = ([x, y]: [number, number], r: Rect) =>
  ((x === r.x || x === r.x + r.w) && y >= r.y && y <= r.y + r.h) || ((y === r.y || y === r.y + r.h) && x >= r.x && x <= r.x + r.w);

function checkInvariants(layout: DiagramLayout): void {
  const nodes = layout.nodes;
  const ids = new Set(nodes.map((n) => n.id));
  assert.equal(ids.size, nodes.length, 'node ids are unique');
  // no two boxes overlap (components, layer titles, the system title, outside boxes)
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) assert.ok(!overlaps(nodes[i]!, nodes[j]!), `${layout.key}: ${nodes[i]!.id} overlaps ${nodes[j]!.id}`);
  }
  // everything inside the drawing
  for (const n of nodes) assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.w <= layout.width && n.y + n.h <= layout.height, `${n.id} outside the drawing`);
  // labels fit their boxes at the default size (fixed-width estimate, see text.ts)
  for (const n of nodes) {
    const pad = n.kind === 'component' || n.kind === 'outside' ? METRICS.padX : 4;
    for (const t of n.texts) {
      assert.ok(textWidth(t.text, t.size) <= n.w - 2 * pad, `${layout.key}: "${t.text}" (${textWidth(t.text, t.size).toFixed(1)} px) does not fit ${n.id} (${n.w} px)`);
      assert.ok(t.y - t.size * 0.8 >= n.y && t.y + t.size * 0.25 <= n.y + n.h, `${layout.key}: "${t.text}" is not inside ${n.id} vertically`);
      if (t.anchor === 'middle') assert.ok(Math.abs(t.x - (n.x + n.w / 2)) < 1, `"${t.text}" is centred in ${n.id}`);
      else assert.ok(t.x >= n.x && t.x + textWidth(t.text, t.size) <= n.x + n.w, `"${t.text}" inside ${n.id}`);
    }
    assert.ok(n.name.length > 0, `${n.id} has an accessible name`);
  }
  // every edge connects existing components, border to border, in orthogonal segments that
  // pass through no other box
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of layout.edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    assert.ok(from && to, `${layout.key}: edge ${e.id} ${e.from} → ${e.to} connects boxes that are drawn`);
    assert.ok(kb.get(e.fromEntry) && kb.get(e.toEntry), `edge ${e.id} connects entries that exist`);
    assert.equal(from.entryId, e.fromEntry);
    assert.equal(to.entryId, e.toEntry);
    assert.ok(e.routed, `${layout.key}: edge ${e.id} ${e.from} → ${e.to} found a route`);
    assert.ok(e.points.length >= 2);
    assert.ok(onBorder(e.points[0]!, from), `${e.id} starts on the border of ${from.id}`);
    assert.ok(onBorder(e.points[e.points.length - 1]!, to), `${e.id} ends on the border of ${to.id}`);
    for (let k = 1; k < e.points.length; k++) {
      const a = e.points[k - 1]!;
      const b = e.points[k]!;
      assert.ok(a[0] === b[0] || a[1] === b[1], `${e.id} segment ${k} is horizontal or vertical`);
      for (const n of nodes) assert.ok(!segmentHits(a, b, n), `${layout.key}: edge ${e.id} (${e.from} → ${e.to}) crosses ${n.id}`);
    }
  }
  // boxes of a layer sit inside that layer's frame; frames of one row do not overlap
  const frames = layout.frames.filter((f) => f.kind === 'layer' || f.kind === 'outside');
  for (const n of nodes.filter((x) => x.layerKey)) {
    const f = frames.find((x) => x.layerKey === n.layerKey && x.id.startsWith(n.id.startsWith('R|') ? 'R|' : n.id.startsWith('L|') ? 'L|' : ''));
    assert.ok(f, `${n.id} has a frame`);
    assert.ok(n.x >= f.x && n.y >= f.y && n.x + n.w <= f.x + f.w && n.y + n.h <= f.y + f.h, `${n.id} inside its layer frame`);
  }
  for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) assert.ok(!overlaps(frames[i]!, frames[j]!), `${frames[i]!.id} overlaps ${frames[j]!.id}`);
  // keyboard: from the first node, the arrow keys reach every node
  const seen = new Set([nodes[0]!.id]);
  const queue = [nodes[0]!.id];
  while (queue.length) {
    const id = queue.shift()!;
    for (const d of ['up', 'down', 'left', 'right'] as Direction[]) {
      const next = neighbour(nodes, id, d);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  assert.deepEqual(nodes.filter((n) => !seen.has(n.id)).map((n) => n.id), [], `${layout.key}: unreachable with arrow keys`);
}

describe('diagram: every system in the knowledge base', () => {
  const systems = drawableSystems(kb);

  it('has the six systems, Hyper-V first', () => {
    assert.equal(systems[0]?.id, 'hyperv');
    for (const id of ['hyperv', 'kvm', 'xen', 'esxi', 'virtualbox', 'workstation']) assert.ok(systems.some((s) => s.id === id), id);
  });

  for (const id of ['hyperv', 'kvm', 'xen', 'esxi', 'virtualbox', 'workstation']) {
    it(`${id}: boxes do not overlap, edges connect drawn boxes, labels fit, arrows reach all`, function () {
      if (!kb.get(id)) this.skip();
      checkInvariants(layoutView(kb, { kind: 'system', system: id }));
    });

    it(`${id}: only bands with a mode are labelled (no "mode not stated")`, function () {
      const system = kb.get(id);
      if (!system) this.skip();
      const layout = layoutView(kb, { kind: 'system', system: id });
      const bands = layout.texts.filter((t) => t.role === 'band').map((t) => t.text);
      const titles = new Set(system!.stack!.flat().flatMap((l) => Object.values(kb.get(l)?.modeTitles ?? {})));
      for (const text of bands) assert.ok(/^(user mode|kernel mode|firmware)$/.test(text) || titles.has(text), `band label "${text}"`);
      // every labelled band has a frame of a real mode, and the number of labels is the number of moded bands
      assert.equal(bands.length, layout.frames.filter((f) => f.kind === 'band').length);
      assert.ok(layout.frames.every((f) => f.kind !== 'band' || f.band !== 'none'), 'no frame for a band without a mode');
      assert.ok(!renderSvg(layout, DEFAULT_PALETTE).includes('not stated'));
    });

    it(`${id}: every component of the system is drawn, in its layer and mode`, function () {
      const system = kb.get(id);
      if (!system) this.skip();
      const layout = layoutView(kb, { kind: 'system', system: id });
      for (const layerId of system.stack!.flat()) {
        const layer = kb.get(layerId);
        if (!layer) continue;
        for (const c of kb.componentsOf(layerId).filter((e) => e.kind === 'component')) {
          const drawn = layout.nodes.filter((n) => n.entryId === c.id && n.layerKey?.split('#')[0] === layerId);
          assert.ok(drawn.length >= 1, `${c.id} is drawn in ${layerId}`);
          for (const n of drawn) assert.equal(n.band, layer.modes?.length ? (c.mode ?? 'none') : 'none', `${n.id} band`);
        }
      }
      for (const c of kb.unlayeredOf(id).filter((e) => e.kind === 'component')) assert.ok(layout.nodes.some((n) => n.entryId === c.id), `${c.id} (no layer) is drawn`);
      // and every connection between drawn components is an edge
      for (const n of layout.nodes.filter((x) => x.kind === 'component')) {
        for (const conn of kb.get(n.entryId)!.connections) {
          if (!layout.nodes.some((t) => t.entryId === conn.to && t.kind === 'component')) continue;
          assert.ok(layout.edges.some((e) => e.fromEntry === n.entryId && e.toEntry === conn.to && e.label === conn.label), `${n.entryId} → ${conn.to} (${conn.label}) is drawn`);
        }
      }
    });
  }

  it('the layout is deterministic and fast enough to run on every open', () => {
    const t = Date.now();
    const a = JSON.stringify(layoutView(kb, { kind: 'system', system: 'hyperv' }));
    const b = JSON.stringify(layoutView(kb, { kind: 'system', system: 'hyperv' }));
    assert.equal(a, b);
    assert.ok(Date.now() - t < 4000, `${Date.now() - t} ms`);
  });
});

// ---------------------------------------------------------------------------------------------
// Hyper-V, as the issue describes it
// ---------------------------------------------------------------------------------------------

describe('diagram: Hyper-V architecture', () => {
  const layout = layoutView(kb, { kind: 'system', system: 'hyperv' });
  const nodesOf = (entryId: string) => layout.nodes.filter((n) => n.entryId === entryId && n.kind === 'component');
  const one = (entryId: string) => {
    const ns = nodesOf(entryId);
    assert.equal(ns.length, 1, `${entryId} drawn once`);
    return ns[0]!;
  };
  const frame = (key: string) => layout.frames.find((f) => f.kind === 'layer' && f.layerKey === key)!;
  const inside = (r: Rect, f: Rect) => r.x >= f.x && r.y >= f.y && r.x + r.w <= f.x + f.w && r.y + r.h <= f.y + f.h;
  const band = (key: string, b: string) => layout.frames.find((f) => f.kind === 'band' && f.layerKey === key && f.band === b)!;

  it('draws the hypervisor directly on the hardware, beneath the root and the child partitions', () => {
    const hw = frame('hyperv.hardware');
    const hv = frame('hyperv.hypervisor');
    const root = frame('hyperv.root');
    assert.ok(hw && hv && root);
    assert.ok(inside(one('hyperv.windows-hypervisor'), hv));
    assert.ok(hv.y + hv.h <= hw.y && hw.y - (hv.y + hv.h) <= 48, 'hypervisor row right above the hardware row');
    for (const key of ['hyperv.root', 'hyperv.child', 'hyperv.child-unenlightened']) assert.ok(frame(key).y + frame(key).h <= hv.y, `${key} above the hypervisor`);
    // the bar spans all partitions
    const bar = one('hyperv.windows-hypervisor');
    const last = frame('hyperv.child-unenlightened');
    assert.ok(bar.x <= frame('hyperv.root').x + 24 && bar.x + bar.w >= last.x + last.w - 24);
  });

  it('puts the root partition, an enlightened and an unenlightened child partition side by side', () => {
    const root = frame('hyperv.root');
    const c1 = frame('hyperv.child');
    const c2 = frame('hyperv.child-unenlightened');
    assert.match(layout.nodes.find((n) => n.id === 'layer@hyperv.child')!.texts[0]!.text, /^Enlightened child partition · VM 1$/);
    assert.match(layout.nodes.find((n) => n.id === 'layer@hyperv.child-unenlightened')!.texts[0]!.text, /^Unenlightened child partition · VM 2$/);
    assert.equal(root.y, c1.y);
    assert.equal(c1.y, c2.y);
    assert.ok(root.x + root.w <= c1.x && c1.x + c1.w <= c2.x);
  });

  it("root partition: VSP, VID, WinHv, VMBus and physical drivers in kernel mode; VMMS, WMI provider and one VMWP per child in user mode", () => {
    const kernel = band('hyperv.root', 'kernel');
    const user = band('hyperv.root', 'user');
    for (const id of ['hyperv.vsp', 'hyperv.vid', 'hyperv.winhv', 'hyperv.vmbus', 'hyperv.physical-drivers']) {
      const n = nodesOf(id).find((x) => x.layerKey === 'hyperv.root');
      assert.ok(n, `${id} in the root partition`);
      assert.ok(inside(n, kernel), `${id} in kernel mode`);
      assert.match(n.name, /Root partition, kernel mode/);
    }
    for (const id of ['hyperv.vmms', 'hyperv.wmi-provider']) assert.ok(inside(one(id), user), `${id} in user mode`);
    const vmwp = nodesOf('hyperv.vmwp');
    assert.equal(vmwp.length, 2, 'one VMWP per child partition');
    for (const n of vmwp) assert.equal(n.texts[1]?.text, 'vmwp.exe', 'the binary on the second line');
    for (const n of vmwp) assert.ok(inside(n, user));
    assert.deepEqual(vmwp.map((n) => n.texts.map((t) => t.text).join(' ').match(/for VM \d/)?.[0]).sort(), ['for VM 1', 'for VM 2']);
    assert.ok(layout.edges.some((e) => e.fromEntry === 'hyperv.wmi-provider' && e.toEntry === 'hyperv.vmms'), 'WMI provider served by VMMS');
    assert.equal(layout.edges.filter((e) => e.fromEntry === 'hyperv.vmms' && e.toEntry === 'hyperv.vmwp').length, 2, 'VMMS starts each VMWP');
  });

  it('labels boxes with the names people read, the binary on the second line', () => {
    const lines = (id: string) => nodesOf(id).find((n) => n.layerKey === 'hyperv.root' || nodesOf(id).length === 1)!.texts.map((t) => t.text);
    const expect: Record<string, [string, RegExp]> = {
      'hyperv.vid': ['VID', /^Vid\.sys$/],
      'hyperv.winhv': ['WinHv', /^winhv\.sys$/],
      'hyperv.winhvr': ['WinHvr', /^winhvr\.sys$/],
      'hyperv.vmwp': ['VMWP', /^vmwp\.exe$/],
      'hyperv.vmms': ['VMMS', /^vmms\.exe$/],
      'hyperv.vsp': ['VSP', /storvsp\.sys/],
      'hyperv.vsc': ['VSC', /storvsc\.sys/],
      'hyperv.vmbus': ['VMBus', /^vmbus\.sys$/],
    };
    for (const [id, [name, binary]] of Object.entries(expect)) {
      const [first, second] = lines(id);
      assert.equal(first, name, `${id} reads ${name}`);
      assert.match(second ?? '', binary, `${id}'s second line is its binary`);
    }
  });

  it('has an unenlightened child with an emulated-device edge to its own VMWP, and a trap to the hypervisor', () => {
    const kernel = band('hyperv.child-unenlightened', 'kernel');
    const guest = one('hyperv.unenlightened-kernel');
    assert.ok(inside(guest, kernel), 'the unenlightened guest kernel in kernel mode');
    assert.ok(!layout.nodes.some((n) => n.layerKey === 'hyperv.child-unenlightened' && ['hyperv.vsc', 'hyperv.vmbus', 'hyperv.integration-services'].includes(n.entryId)), 'no VSC, VMBus or ICs in it');
    const emulated = layout.edges.filter((e) => e.fromEntry === 'hyperv.unenlightened-kernel' && e.toEntry === 'hyperv.vmwp');
    assert.equal(emulated.length, 1, 'one emulated-device edge');
    assert.equal(emulated[0]!.via, 'hyperv.emulated-device');
    const vmwp = layout.nodes.find((n) => n.id === emulated[0]!.to)!;
    assert.equal(vmwp.layerKey, 'hyperv.root');
    assert.match(vmwp.texts.map((t) => t.text).join(' '), /for VM 2/, 'the VMWP of the unenlightened child');
    assert.ok(layout.edges.some((e) => e.fromEntry === 'hyperv.unenlightened-kernel' && e.toEntry === 'hyperv.windows-hypervisor' && /trap/.test(e.label)), 'its accesses trap to the hypervisor');
    // and the VMWP of the enlightened child serves no emulated device
    assert.ok(!layout.edges.some((e) => e.to === vmwp.id.replace(/~2$/, '~1') && e.fromEntry === 'hyperv.unenlightened-kernel'));
  });

  it('enlightened child partition: VSC and VMBus in kernel mode, over the enlightened guest kernel', () => {
    for (const key of ['hyperv.child']) {
      const kernel = band(key, 'kernel');
      const at = (id: string) => layout.nodes.find((n) => n.entryId === id && n.layerKey === key)!;
      for (const id of ['hyperv.vsc', 'hyperv.vmbus', 'hyperv.guest-kernel']) {
        assert.ok(at(id), `${id} in ${key}`);
        assert.ok(inside(at(id), kernel), `${id} in ${key} kernel mode`);
      }
      const gk = at('hyperv.guest-kernel');
      assert.ok(at('hyperv.vsc').y + at('hyperv.vsc').h <= gk.y, 'VSC above the guest kernel');
      assert.ok(at('hyperv.vmbus').y + at('hyperv.vmbus').h <= gk.y, 'VMBus above the guest kernel');
    }
  });

  it('connects the VSP to the enlightened child\'s VSC by a VMBus channel', () => {
    const channels = layout.edges.filter((e) => e.fromEntry === 'hyperv.vsp' && e.toEntry === 'hyperv.vsc');
    assert.equal(channels.length, 1);
    assert.deepEqual(channels.map((e) => layout.nodes.find((n) => n.id === e.to)!.layerKey), ['hyperv.child']);
    for (const e of channels) {
      assert.match(e.label, /VMBus/i);
      assert.equal(e.via, 'hyperv.vmbus');
    }
  });

  it('draws hypercalls from both kinds of partition down to the hypervisor', () => {
    const hypercalls = layout.edges.filter((e) => e.toEntry === 'hyperv.windows-hypervisor' && (e.via === 'hyperv.hypercall' || /hypercall/i.test(e.label)));
    const from = new Set(hypercalls.map((e) => layout.nodes.find((n) => n.id === e.from)!.layerKey!.split('#')[0]));
    assert.ok(from.has('hyperv.root'), 'from the root partition');
    assert.ok(from.has('hyperv.child'), 'from the child partitions');
    assert.ok(hypercalls.some((e) => e.fromEntry === 'hyperv.winhv'), 'WinHv makes hypercalls');
    for (const e of hypercalls) {
      const src = layout.nodes.find((n) => n.id === e.from)!;
      const dst = layout.nodes.find((n) => n.id === e.to)!;
      assert.ok(src.y + src.h <= dst.y, `${e.from} calls down`);
    }
  });

  it("draws the root partition's direct access to the hardware's devices", () => {
    const e = layout.edges.find((x) => x.fromEntry === 'hyperv.physical-drivers' && x.toEntry === 'hw.devices');
    assert.ok(e, 'physical drivers → hw.devices');
    assert.ok(inside(layout.nodes.find((n) => n.id === e.to)!, frame('hyperv.hardware')), 'the devices are in the hardware row');
    assert.ok(!layout.edges.some((x) => x.toEntry === 'hw.devices' && layout.nodes.find((n) => n.id === x.from)!.layerKey?.startsWith('hyperv.child')), 'no child partition reaches the devices');
  });

  it('names each box for screen readers: name, layer, mode', () => {
    const vmwp = nodesOf('hyperv.vmwp')[0]!;
    assert.match(vmwp.name, /^VMWP, vmwp\.exe, for VM 1; Root partition, user mode$/);
    const vsc = layout.nodes.find((n) => n.entryId === 'hyperv.vsc' && n.layerKey === 'hyperv.child')!;
    assert.match(vsc.name, /VSC.*Enlightened child partition · VM 1, kernel mode/);
  });
});

// ---------------------------------------------------------------------------------------------
// The model on a small fixed knowledge base
// ---------------------------------------------------------------------------------------------

const entry = testEntry;

const fixture = new KnowledgeIndex({
  version: 1,
  entries: [
    entry({ id: 'sys', kind: 'system', title: 'Sys', classification: 'type1', vendor: 'V', stack: [['sys.hw'], ['sys.hv'], ['sys.host', 'sys.guest']] }),
    entry({ id: 'other', kind: 'system', title: 'Other', stack: [['other.l']] }),
    entry({ id: 'other.l', kind: 'layer', system: 'other' }),
    entry({ id: 'other.c', kind: 'component', systems: ['other'], layers: ['other.l'] }),
    entry({ id: 'sys.hw', kind: 'layer', system: 'sys', title: 'Hardware (layer)' }),
    entry({ id: 'sys.hv', kind: 'layer', system: 'sys' }),
    entry({ id: 'sys.host', kind: 'layer', system: 'sys', modes: ['kernel', 'user'], title: 'Host' }),
    entry({ id: 'sys.guest', kind: 'layer', system: 'sys', modes: ['kernel', 'user'], title: 'Guest' }),
    entry({ id: 'sys.monitor', kind: 'component', systems: ['sys'], layers: ['sys.hv'], connections: [{ to: 'hw.cpu', label: 'runs on' }] }),
    entry({ id: 'sys.svc', kind: 'component', systems: ['sys'], layers: ['sys.host'], mode: 'user', short: 'SVC', title: '<b>Service</b> & co', connections: [{ to: 'sys.worker', label: 'starts' }, { to: 'other.c', label: 'asks' }, { to: 'no.such', label: 'dangles' }] }),
    entry({ id: 'sys.worker', kind: 'component', systems: ['sys'], layers: ['sys.host'], mode: 'user', connections: [{ to: 'sys.drv', label: 'ioctl' }] }),
    entry({ id: 'sys.drv', kind: 'component', systems: ['sys'], layers: ['sys.host'], mode: 'kernel', connections: [{ to: 'sys.client', label: 'channel', via: 'sys.bus' }, { to: 'sys.bus', label: 'uses' }] }),
    entry({ id: 'sys.bus', kind: 'component', systems: ['sys'], layers: ['sys.host', 'sys.guest'], mode: 'kernel', connections: [{ to: 'sys.monitor', label: 'signals' }] }),
    entry({ id: 'sys.client', kind: 'component', systems: ['sys'], layers: ['sys.guest'], mode: 'kernel', connections: [{ to: 'sys.bus', label: 'uses' }] }),
    entry({ id: 'sys.nomode', kind: 'component', systems: ['sys'], layers: ['sys.guest'] }),
    entry({ id: 'sys.loose', kind: 'component', systems: ['sys'] }),
    entry({ id: 'sys.idea', kind: 'concept', systems: ['sys'], layers: ['sys.guest'] }),
    entry({ id: 'hw.cpu', kind: 'component', title: 'CPU' }),
  ],
});

describe('diagram model (fixture)', () => {
  it('builds rows from the stack, hardware first, and bands from the layer modes', () => {
    const m = buildModel(fixture, 'sys', {});
    assert.deepEqual(m.rows.slice(0, 3), [['sys.hw'], ['sys.hv'], ['sys.host', 'sys.guest']]);
    assert.equal(m.subtitle, 'Type 1 (bare metal) · V');
    assert.equal(m.layers.find((l) => l.key === 'sys.hw')!.title, 'Hardware');
    assert.deepEqual(m.layers.find((l) => l.key === 'sys.host')!.bands, ['user', 'kernel']);
    assert.deepEqual(m.layers.find((l) => l.key === 'sys.guest')!.bands, ['user', 'none', 'kernel']);
    assert.equal(m.nodes.find((n) => n.entryId === 'sys.nomode')!.band, 'none');
  });

  it('adds hardware targets to the bottom row and other systems\' entries to the outside column', () => {
    const m = buildModel(fixture, 'sys', {});
    assert.equal(m.nodes.find((n) => n.entryId === 'hw.cpu')!.layerKey, 'sys.hw');
    const out = m.nodes.find((n) => n.entryId === 'other.c')!;
    assert.equal(out.layerKey, 'outside');
    assert.equal(out.note, 'in Other');
    assert.equal(m.nodes.find((n) => n.entryId === 'sys.loose')!.layerKey, 'outside', 'a component without a layer is still drawn');
    assert.ok(!m.nodes.some((n) => n.entryId === 'sys.idea'), 'concepts are not boxes');
  });

  it('lists content gaps instead of inventing content', () => {
    const m = buildModel(fixture, 'sys', {});
    assert.ok(m.problems.some((p) => p.includes('no.such')), m.problems.join('\n'));
    assert.ok(m.problems.some((p) => p.startsWith('sys.nomode: no `mode`')));
    assert.ok(m.problems.some((p) => p.startsWith('sys.idea: a concept')));
    assert.ok(!m.edges.some((e) => e.toEntry === 'no.such'));
  });

  it('repeats a layer, with one per-instance copy each, and wires the copies to their own instance', () => {
    const m = buildModel(fixture, 'sys', { repeat: { 'sys.guest': 2 }, perInstance: { 'sys.worker': 'sys.guest' } });
    assert.deepEqual(m.rows[2], ['sys.host', 'sys.guest#1', 'sys.guest#2']);
    assert.deepEqual(m.nodes.filter((n) => n.entryId === 'sys.worker').map((n) => n.note), ['for VM 1', 'for VM 2']);
    const drvToClient = m.edges.filter((e) => e.fromEntry === 'sys.drv' && e.toEntry === 'sys.client').map((e) => e.to);
    assert.deepEqual(drvToClient.sort(), ['sys.client@sys.guest#1', 'sys.client@sys.guest#2'], 'the host driver reaches each guest');
    const clientToBus = m.edges.filter((e) => e.fromEntry === 'sys.client').map((e) => `${e.from} ${e.to}`);
    assert.deepEqual(clientToBus.sort(), ['sys.client@sys.guest#1 sys.bus@sys.guest#1', 'sys.client@sys.guest#2 sys.bus@sys.guest#2'], 'a guest uses its own bus');
    const drvToBus = m.edges.filter((e) => e.fromEntry === 'sys.drv' && e.toEntry === 'sys.bus').map((e) => e.to);
    assert.deepEqual(drvToBus, ['sys.bus@sys.host'], 'the host driver uses the host side of the bus');
    assert.equal(m.edges.filter((e) => e.fromEntry === 'sys.svc' && e.toEntry === 'sys.worker').length, 2);
    assert.equal(m.edges.find((e) => e.fromEntry === 'sys.drv' && e.toEntry === 'sys.client')!.via, 'sys.bus');
  });

  it('lays the fixture out within the invariants', () => {
    const layout = layoutModel(buildModel(fixture, 'sys', { repeat: { 'sys.guest': 2 }, perInstance: { 'sys.worker': 'sys.guest' } }));
    const cpu = layout.nodes.find((n) => n.entryId === 'hw.cpu')!;
    const mon = layout.nodes.find((n) => n.entryId === 'sys.monitor')!;
    const host = layout.frames.find((f) => f.layerKey === 'sys.host' && f.kind === 'layer')!;
    assert.ok(cpu.y > mon.y + mon.h && mon.y > host.y + host.h, 'hardware at the bottom, then the hypervisor, then what runs on it');
    assert.ok(mon.w > METRICS.boxWidth, 'a lone hypervisor component is drawn as a bar');
  });

  it('rejects a system id that is not a system', () => {
    assert.throws(() => buildModel(fixture, 'sys.hw'));
    assert.throws(() => buildModel(fixture, 'nope'));
  });
});

// ---------------------------------------------------------------------------------------------
// Pieces
// ---------------------------------------------------------------------------------------------

describe('diagram text measure', () => {
  it('estimates a fixed width per character and wraps to it', () => {
    assert.equal(textWidth('VMWP', 10), 4 * 10 * CHAR_EM);
    assert.equal(textWidth('界', 10), 2 * 10 * CHAR_EM, 'wide characters count double');
    assert.deepEqual(wrap('Virtual Machine Worker Process', 12, 160), ['Virtual Machine', 'Worker Process'], '21 characters fit 160 px at 12 px');
    assert.deepEqual(wrap('Virtual Machine Worker Process', 12, 22 * 12 * CHAR_EM), ['Virtual Machine Worker', 'Process']);
    for (const l of wrap('a-very-long-binary-name-without-spaces.exe and more', 12, 100)) assert.ok(textWidth(l, 12) <= 100, l);
    const cut = wrap('one two three four five six seven eight nine ten', 12, 60, 2);
    assert.equal(cut.length, 2);
    assert.ok(cut[1]!.endsWith('…'));
  });
});

describe('diagram router', () => {
  it('goes around a box in the way, orthogonally', () => {
    const a = { x: 16, y: 16, w: 64, h: 32 };
    const b = { x: 16, y: 176, w: 64, h: 32 };
    const wall = { x: 0 + 8, y: 96, w: 160, h: 32 };
    const r = new Router(320, 240, [a, b, wall]).route({ id: 'x', from: a, to: b });
    assert.ok(r.routed);
    for (let k = 1; k < r.points.length; k++) {
      const p = r.points[k - 1]!;
      const q = r.points[k]!;
      assert.ok(p[0] === q[0] || p[1] === q[1]);
      assert.ok(!segmentHits(p, q, wall), 'does not cross the wall');
    }
  });
});

describe('diagram keyboard navigation', () => {
  const items = [
    { id: 'a', x: 0, y: 0, w: 10, h: 10 },
    { id: 'b', x: 20, y: 0, w: 10, h: 10 },
    { id: 'c', x: 0, y: 20, w: 10, h: 10 },
    { id: 'd', x: 100, y: 40, w: 10, h: 10 },
  ];
  it('moves to the nearest box in the direction of the arrow', () => {
    assert.equal(neighbour(items, 'a', 'right'), 'b');
    assert.equal(neighbour(items, 'a', 'down'), 'c');
    assert.equal(neighbour(items, 'b', 'left'), 'a');
    assert.equal(neighbour(items, 'c', 'up'), 'a');
    assert.equal(neighbour(items, 'a', 'up'), undefined);
    assert.equal(neighbour(items, 'c', 'right'), 'b');
    assert.equal(neighbour(items, 'b', 'right'), 'd');
    assert.equal(neighbour(items, 'd', 'left'), 'c', 'c is nearer across');
  });
});

describe('diagram views and export', () => {
  it('round-trips view keys and rejects others', () => {
    const views: DiagramView[] = [{ kind: 'system', system: 'hyperv' }, { kind: 'compare', left: 'esxi', right: 'virtualbox' }];
    for (const v of views) assert.deepEqual(parseViewKey(viewKey(v)), v);
    for (const bad of ['', 'system:', 'system:Hyper V', 'compare:a', 'x:y', 'system:a:b', 42, null]) assert.equal(parseViewKey(bad), undefined, String(bad));
  });

  it('exports a standalone SVG: concrete colours, no CSS variables, escaped text', () => {
    const layout = layoutModel(buildModel(fixture, 'sys', {}));
    const svg = renderSvg(layout, { ...DEFAULT_PALETTE, background: 'rgb(30, 30, 30)', foreground: 'var(--vscode-foreground)', accent: 'red;}</style><script>' } as never);
    assert.ok(svg.startsWith('<?xml'));
    assert.match(svg, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(!svg.includes('var('), 'no CSS variables');
    assert.ok(!svg.includes('<style') && !svg.includes('<script') && !svg.includes('class='), 'no stylesheet, no script');
    assert.ok(svg.includes('fill="rgb(30, 30, 30)"'), 'the theme colour');
    assert.ok(svg.includes(`fill="${DEFAULT_PALETTE.foreground}"`), 'an invalid colour falls back');
    assert.ok(svg.includes('&lt;b&gt;Service&lt;/b&gt; &amp; co'), 'labels are escaped');
    assert.ok(!svg.includes('<b>'));
    for (const n of layout.nodes) for (const t of n.texts) assert.ok(svg.includes(t.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')), t.text);
  });

  it('exports the real Hyper-V drawing', () => {
    const svg = renderSvg(layoutView(kb, { kind: 'system', system: 'hyperv' }));
    // the names the docs use, with the file on the line below
    for (const label of ['VMMS', 'VMWP', 'VID', 'Vid.sys', 'WinHv', 'winhv.sys', 'WinHvr', 'winhvr.sys', 'VSP', 'VSC', 'VMBus', 'vmbus.sys']) assert.ok(svg.includes(`>${label}</text>`), label);
    assert.ok(!svg.includes('var('));
  });
});
