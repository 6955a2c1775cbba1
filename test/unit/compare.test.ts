import * as assert from 'node:assert/strict';
import { COMPARE_FONT, COMPARISON_ENTRY, HOST_DRIVERS, HOST_PROCESSES, STACKS, comparisonSections, compareView } from '../../src/core/diagram/compare';
import { layoutView } from '../../src/core/diagram/index';
import { initialScale, READABLE_PX } from '../../src/core/diagram/quality';
import { textWidth } from '../../src/core/diagram/text';
import type { LaidNode, Rect } from '../../src/core/diagram/types';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const kb = bundledKnowledge();
const layout = layoutView(kb, { kind: 'compare', left: 'hyperv', right: 'virtualbox' });
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const of = (key: string) => layout.nodes.filter((n) => n.layerKey === key);
const primary = (n: LaidNode) => n.texts.filter((t) => t.role === 'primary').map((t) => t.text).join(' ');
const box = (key: string, label: string) => of(key).find((n) => n.kind === 'component' && primary(n) === label);

describe('diagram: Compare Type 1 and Type 2', () => {
  it('has no content problems: every section, entry and linked system exists', () => {
    assert.deepEqual(layout.problems, []);
    assert.equal(compareView(kb, layout.key).key, layout.key);
    const sections = comparisonSections(kb.get(COMPARISON_ENTRY)!.body);
    for (const s of STACKS) assert.ok(sections.get(s.section), `section "${s.section}"`);
  });

  it('each caption is one or two sentences, taken from the comparison entry', () => {
    const sections = comparisonSections(kb.get(COMPARISON_ENTRY)!.body);
    for (const s of STACKS) {
      const text = sections.get(s.section)!;
      // "kvm.ko" and "/dev/kvm" hold dots that end no sentence
      const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      assert.ok(sentences >= 1 && sentences <= 3, `${s.section}: ${sentences} sentences`);
    }
    const hyperv = of('hyperv').find((n) => n.kind === 'concept')!;
    assert.equal(hyperv.name, 'Where Hyper-V really sits');
    assert.match(hyperv.description!, /root partition, beside the child partitions/);
  });

  it('draws four stacks, the smallest label 14 px, every text inside its box, no boxes overlapping', () => {
    assert.equal(new Set(layout.nodes.map((n) => n.layerKey)).size, 4);
    const sizes = [...layout.nodes.flatMap((n) => n.texts), ...layout.texts].map((t) => t.size);
    assert.equal(Math.min(...sizes), 14);
    assert.equal(Math.min(...sizes), Math.min(...Object.values(COMPARE_FONT)));
    for (const n of layout.nodes) {
      for (const t of n.texts) {
        const w = textWidth(t.text, t.size);
        const left = t.anchor === 'middle' ? t.x - w / 2 : t.x;
        assert.ok(left >= n.x - 0.5 && left + w <= n.x + n.w + 0.5, `"${t.text}" fits ${n.id}`);
      }
    }
    const boxes = layout.nodes.filter((n) => n.kind === 'component');
    for (const a of boxes) for (const b of boxes) if (a !== b && overlaps(a, b)) assert.ok(inside(a, b) || inside(b, a), `${a.id} and ${b.id} overlap`);
    // the whole view fits 80 % of a 1400×900 workbench's diagram stage (about 700×750 px) at 11 px labels
    assert.ok(layout.width * (11 / 14) <= 683 - 16, `width ${layout.width}`);
  });

  it('Type 1: the hypervisor on the hardware, the VMs on the hypervisor', () => {
    const hw = box('type1', 'Hardware')!;
    const hv = box('type1', 'Hypervisor')!;
    const vms = of('type1').filter((n) => primary(n) === 'VM');
    assert.equal(vms.length, 3);
    assert.ok(hv.y + hv.h <= hw.y);
    for (const vm of vms) assert.ok(vm.y + vm.h <= hv.y);
  });

  it('Type 2: the hypervisor driver inside the host kernel, the guest inside a VM process in user space', () => {
    const kernel = of('type2').find((n) => n.kind === 'layer' && /kernel/.test(n.texts[0]!.text))!;
    const user = of('type2').find((n) => n.kind === 'layer' && /user space/.test(n.texts[0]!.text))!;
    const frameOf = (title: LaidNode) => layout.frames.find((f) => f.kind === 'layer' && inside(title, f))!;
    assert.ok(inside(box('type2', 'Hypervisor driver')!, frameOf(kernel)));
    const proc = box('type2', 'VM process')!;
    assert.ok(inside(proc, frameOf(user)));
    assert.ok(inside(box('type2', 'Guest OS')!, proc));
    assert.ok(frameOf(user).y + frameOf(user).h <= frameOf(kernel).y, 'user space above the kernel');
    assert.ok(frameOf(kernel).y + frameOf(kernel).h <= box('type2', 'Hardware')!.y, 'the kernel on the hardware');
  });

  it('Hyper-V: the root partition beside the children, all above the hypervisor', () => {
    const root = box('hyperv', 'Root partition')!;
    const children = of('hyperv').filter((n) => primary(n) === 'Child partition');
    const hv = box('hyperv', 'Windows hypervisor')!;
    assert.equal(root.entryId, 'hyperv.root-partition');
    assert.equal(children.length, 2);
    for (const c of children) {
      assert.equal(c.y, root.y, 'same row');
      assert.equal(c.entryId, 'hyperv.child-partition');
    }
    assert.ok(root.y + root.h <= hv.y);
  });

  it('KVM: kvm.ko inside the Linux kernel, QEMU and its guest in user space', () => {
    assert.equal(box('kvm', 'KVM module')!.entryId, 'kvm.module');
    assert.match(box('kvm', 'KVM module')!.texts.map((t) => t.text).join(' '), /kvm\.ko/);
    assert.ok(inside(box('kvm', 'Guest OS')!, box('kvm', 'QEMU process')!));
    assert.match(of('kvm').find((n) => n.kind === 'concept')!.description!, /Type 1 reading: .+ Type 2 reading: /);
  });

  it('hardware rows of the stacks side by side end on one line', () => {
    for (const [a, b] of [['type1', 'type2'], ['hyperv', 'kvm']]) {
      const ha = box(a!, 'Hardware')!;
      const hb = box(b!, 'Hardware')!;
      assert.equal(ha.y + ha.h, hb.y + hb.h, `${a} / ${b}`);
    }
  });

  it('the same part reads the same in every stack, in words a learner knows', () => {
    const words = (key: string) => of(key).filter((n) => n.kind === 'component').map((n) => n.texts.map((t) => t.text).join(' '));
    const sub = (key: string, label: string) => box(key, label)!.texts.filter((t) => t.role === 'secondary').map((t) => t.text).join(' ');
    for (const key of ['type1', 'type2', 'hyperv', 'kvm']) assert.equal(sub(key, 'Hardware'), 'CPU, memory, devices', key);
    // the hosted stacks: a VM process with its guest, the host's other processes, the hypervisor's kernel part, the host's drivers
    for (const key of ['type2', 'kvm']) {
      const all = words(key);
      assert.ok(all.every((w) => !/^Other\b|^Apps\b/.test(w)), `${key}: ${all.join(' / ')}`);
      const procs = box(key, HOST_PROCESSES);
      assert.ok(procs, `${key} has "${HOST_PROCESSES}"`);
      assert.ok(box(key, HOST_DRIVERS), `${key} has "${HOST_DRIVERS}"`);
      assert.equal(sub(key, HOST_DRIVERS), 'own the devices');
      const proc = of(key).find((n) => /process$/.test(primary(n)) && n !== procs)!;
      assert.equal(sub(key, primary(proc)), 'one per VM');
      assert.ok(inside(box(key, 'Guest OS')!, proc), `${key}: the guest inside its VM process`);
      assert.ok(proc.x < procs.x, `${key}: the VM process first, the host's other processes beside it`);
    }
    const frames = (key: string) => of(key).filter((n) => n.kind === 'layer').map((n) => n.texts[0]!.text);
    assert.deepEqual(frames('type2'), ['Host OS: user space', 'Host OS: kernel']);
    assert.ok(frames('kvm').every((f) => f.startsWith('Host OS (Linux): ')), frames('kvm').join(', '));
  });

  it('opens whole in a 1400×900 workbench with the side bar: no label under 11 px, none cut by the stage edge', () => {
    const [w, h] = [683, 772];
    const k = initialScale(layout, w, h);
    assert.ok(k * Math.min(...Object.values(COMPARE_FONT)) >= READABLE_PX - 0.01, `scale ${k}`);
    assert.ok(layout.width * k <= w - 16 && layout.height * k <= h - 16, `${layout.width}×${layout.height} at ${k.toFixed(3)} in ${w}×${h}`);
  });

  it('every stack links to the full diagram of a real system', () => {
    const links = layout.nodes.filter((n) => n.kind === 'link');
    assert.deepEqual(links.map((l) => l.opens), ['esxi', 'virtualbox', 'hyperv', 'kvm']);
    for (const l of links) assert.ok((kb.get(l.opens!)?.stack?.length ?? 0) > 0, `${l.opens} is drawn`);
  });
});
