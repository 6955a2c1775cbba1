import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { KnowledgeIndex, type KnowledgeBase } from '../../src/core/knowledge/index';
import { bundledKnowledge, knowledgeReady, parseInSlices, warmUpKnowledge } from '../../src/core/knowledge/load';
import { CONTEXT_RADIUS, LOOKUP_RADIUS } from '../../src/core/matching/matcher';

const kb = bundledKnowledge();

/** Ids that other features (tree, diagram, hover links) and the coverage list rely on. */
const REQUIRED = [
  'hyperv', 'kvm', 'xen', 'esxi', 'virtualbox', 'workstation',
  'hyperv.hardware', 'hyperv.hypervisor', 'hyperv.root', 'hyperv.child',
  'hyperv.vmms', 'hyperv.vmwp', 'hyperv.vid', 'hyperv.winhv', 'hyperv.winhvr', 'hyperv.vmbus', 'hyperv.vsp', 'hyperv.vsc',
  'hyperv.integration-services', 'hyperv.enlightenment', 'hyperv.hypercall', 'hyperv.synthetic-device', 'hyperv.emulated-device',
  'hyperv.wmi-provider', 'hyperv.powershell-module', 'hyperv.manager', 'hyperv.generation', 'hyperv.checkpoint',
  'hyperv.virtual-switch', 'hyperv.dda', 'hyperv.vbs', 'hyperv.vtl', 'hyperv.root-partition', 'hyperv.child-partition',
  'hyperv.windows-hypervisor', 'hyperv.physical-drivers', 'hyperv.guest-kernel', 'hyperv.expose-virtualization-extensions',
  'format.vhd', 'format.vhdx', 'format.avhdx', 'format.qcow2', 'format.vmdk', 'format.vdi',
  'kvm.module', 'kvm.qemu', 'kvm.libvirt', 'kvm.virsh', 'kvm.virtio', 'kvm.vhost-net', 'kvm.vfio', 'kvm.ovmf', 'kvm.host-passthrough',
  'xen.hypervisor', 'xen.dom0', 'xen.domu', 'xen.pv', 'xen.pvh', 'xen.hvm', 'xen.xenstore', 'xen.xl',
  'esxi.vmkernel', 'esxi.vmm', 'esxi.vmx-process', 'esxi.hostd', 'esxi.vcenter', 'esxi.vmfs', 'workstation.vmmon',
  'virtualbox.vboxdrv', 'virtualbox.vboxsvc', 'virtualbox.vboxmanage', 'virtualbox.guest-additions',
  'hw.vt-x', 'hw.amd-v', 'hw.slat', 'hw.ept', 'hw.npt', 'hw.iommu', 'hw.vt-d', 'hw.sr-iov',
  'concept.type-1', 'concept.type-2', 'concept.paravirtualization', 'concept.full-virtualization', 'concept.binary-translation',
  'concept.trap-and-emulate', 'concept.nested-virtualization', 'concept.live-migration', 'concept.ballooning', 'concept.memory-overcommit',
  'tool.vagrant', 'tool.packer',
];

describe('bundled knowledge base', () => {
  it('has well over 250 entries, each citing an https source', () => {
    assert.ok(kb.entries.length >= 250, `${kb.entries.length} entries`);
    for (const e of kb.entries) {
      assert.ok(e.sources.length > 0, e.id);
      for (const s of e.sources) assert.match(s.url, /^https:\/\//, e.id);
      assert.match(e.summary, /[.!?]$/, `${e.id}: summary should be one sentence ending with a full stop`);
      assert.ok(e.body.length > 40, `${e.id}: body too short`);
    }
  });

  it('has the entries the views and the coverage list rely on', () => {
    const missing = REQUIRED.filter((id) => !kb.get(id));
    assert.deepEqual(missing, []);
  });

  it('explains every term of the seed texts', () => {
    const terms = ['root partition', 'parent partition', 'child partition', 'child partitions', 'VID', 'VMWP', 'VMMS', 'WinHv',
      'Hyper-V', 'KVM', 'Xen', 'ESXi', 'VirtualBox', 'VMware Workstation', 'hypervisor', 'Virtualization Infrastructure Driver',
      'Virtual Machine Worker Process', 'Windows Hypervisor Interface Library', 'Virtual Machine Management Service', 'bare-metal hypervisor'];
    const unresolved = terms.filter((t) => !kb.matcher.lookupTerm(t));
    assert.deepEqual(unresolved, []);
  });

  it('states what the seed got wrong correctly', () => {
    assert.match(kb.get('virtualbox')!.vendor ?? '', /Oracle/);
    assert.equal(kb.get('virtualbox')!.classification, 'type2');
    assert.equal(kb.get('workstation')!.classification, 'type2');
    assert.match(kb.get('workstation')!.vendor ?? '', /VMware/);
    assert.equal(kb.get('esxi')!.classification, 'type1');
    assert.equal(kb.get('hyperv')!.classification, 'type1');
    assert.match(kb.get('hyperv')!.classificationNote ?? '', /root partition/i);
    assert.match(kb.get('kvm')!.classificationNote ?? '', /debat|argu|disput|others/i);
  });

  it('places every system in a stack whose layers exist, hardware first', () => {
    for (const s of kb.systems()) {
      const layers = kb.layersOf(s.id);
      assert.ok(layers.length >= 3, s.id);
      assert.match(layers[0].id, /hardware/, `${s.id}: the first row should be the hardware`);
      for (const l of layers) assert.equal(l.system, s.id);
    }
  });

  it('keeps ordinary code quiet: fewer than 1 match per 1,000 lines of the TypeScript compiler', () => {
    const require = createRequire(__filename);
    const text = readFileSync(require.resolve('typescript/lib/typescript.js'), 'utf8');
    const lines = text.split('\n').length;
    const matches = kb.matcher.scan(text);
    const perThousand = (matches.length / lines) * 1000;
    assert.ok(perThousand < 1, `${matches.length} matches in ${lines} lines: ${matches.slice(0, 20).map((m) => text.slice(m.start, m.end)).join(', ')}`);
  });
});

describe('knowledge base: prepared in idle time', () => {
  const text = readFileSync(join(process.cwd(), 'dist', 'knowledge.json'), 'utf8');

  it('parses entry by entry, in slices, to what JSON.parse gives; other shapes at once', async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    assert.ok(text.startsWith('{"version":1,"entries":[\n{'), 'the build writes one entry a line');
    assert.deepEqual(await parseInSlices(text, pause, 0), JSON.parse(text));
    assert.ok(pauses > 100, `${pauses} pauses`);
    assert.deepEqual(await parseInSlices(JSON.stringify(JSON.parse(text)), pause, 0), JSON.parse(text), 'the compact form too');
    for (const odd of ['{"entries":[],"version":1}', '{"version":1,"entries":[]}', '{"version":1,"entries":[{"id":"a\\"}{","x":[{}]}]}', '{"version":1,"entries":[{"id":"a"}],"more":1}', '{"version":1,"entries":[\n{"id":"a"},\n{"id":"b\\n"}\n],"flows":[]}', '{"version":1,"entries":[\n{"id":"a"},{"id":"b"}\n]}', '{"version":1,"entries":[\n\n]}']) {
      assert.deepEqual(await parseInSlices(odd, pause, 0), JSON.parse(odd), odd);
    }
  });

  it('warms up once for every caller, and says when it is done', async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    const a = warmUpKnowledge(pause);
    const b = warmUpKnowledge(pause);
    assert.equal(a, b, 'a second call shares the first one');
    await Promise.all([a, b]);
    assert.ok(knowledgeReady());
    assert.equal(bundledKnowledge().matcherReady, true);
  });

  it('builds the term engine in steps to the same engine, and a lookup during the build finishes it', async () => {
    const kb = JSON.parse(text) as KnowledgeBase;
    const sample = 'the host runs KVM with host-passthrough; vmx vhv.enable = "TRUE"; Get-VM | Set-VMProcessor';
    const whole = new KnowledgeIndex(kb).matcher.scan(sample);
    const warmed = new KnowledgeIndex(kb);
    let steps = 0;
    await warmed.warmUp(async () => void steps++, 0);
    assert.ok(steps > 20, `${steps} steps`);
    assert.deepEqual(warmed.matcher.scan(sample), whole);
    const interrupted = new KnowledgeIndex(kb);
    let asked = false;
    await interrupted.warmUp(async () => {
      if (!asked) {
        asked = true;
        assert.deepEqual(interrupted.matcher.scan(sample), whole);
      }
    }, 0);
    assert.deepEqual(interrupted.matcher.scan(sample), whole);
  });
});

describe('knowledge base: fits the engine windows', () => {
  it('the longest match, twice, plus the context radius fits a hover window', () => {
    assert.ok(CONTEXT_RADIUS + 2 * kb.matcher.maxAliasChars <= LOOKUP_RADIUS, `maxAliasChars ${kb.matcher.maxAliasChars}`);
  });
});
