import * as assert from 'node:assert/strict';
import { LOOKUP_RADIUS, TermMatcher, lookupWindow, type ScanOptions } from '../../src/core/matching/matcher';
import { FIXTURE } from './fixture';

const matcher = new TermMatcher(FIXTURE);
const found = (text: string, options?: ScanOptions) => matcher.scan(text, options).map((m) => [text.slice(m.start, m.end), m.id]);
const ids = (text: string, options?: ScanOptions) => matcher.scan(text, options).map((m) => m.id);

describe('term engine', () => {
  it('matches multi-word terms across spaces and a line break, in any case', () => {
    assert.deepEqual(found('The Root\n   Partition owns devices; child  partitions do not.'), [
      ['Root\n   Partition', 'hyperv.root-partition'],
      ['child  partitions', 'hyperv.child-partition'],
    ]);
    assert.deepEqual(found('# the parent\n# partition keeps the drivers'), [['parent\n# partition', 'hyperv.root-partition']]);
  });

  it('does not match across a paragraph break', () => {
    assert.deepEqual(found('the root\n\npartition'), []);
  });

  it('keeps acronyms case-sensitive: VID is not vid or video', () => {
    assert.deepEqual(found('VID talks to WinHv. The vid, Vid and video files.'), [
      ['VID', 'hyperv.vid'],
      ['WinHv', 'hyperv.winhv'],
    ]);
  });

  it('tells the plural VMMs from VMMS', () => {
    assert.deepEqual(found('Two VMMs, one VMMS, and vmms.exe.'), [
      ['VMMs', 'concept.vmm'],
      ['VMMS', 'hyperv.vmms'],
      ['vmms.exe', 'hyperv.vmms'],
    ]);
  });

  it('matches plurals and possessives', () => {
    assert.deepEqual(ids('VSPs issue hypercalls; the hypervisor’s and hypervisor\'s view'), [
      'hyperv.vsp',
      'hyperv.hypercall',
      'concept.hypervisor',
      'concept.hypervisor',
    ]);
  });

  it('matches hyphen, underscore, space, CamelCase and run-together variants', () => {
    const text = "mode='host-passthrough' host_passthrough HostPassthrough hostpassthrough host passthrough";
    assert.deepEqual(ids(text), Array(5).fill('kvm.host-passthrough'));
    assert.deepEqual(ids('Hyper-V hyperv HyperV HYPERV hyper-v Hyper V'), Array(6).fill('hyperv'));
    assert.deepEqual(ids('vhost-net vhost_net virtio-fs virtiofs huge pages hugepages huge_pages'), [
      'kvm.vhost-net',
      'kvm.vhost-net',
      'kvm.virtio-fs',
      'kvm.virtio-fs',
      'kvm.hugepages',
      'kvm.hugepages',
      'kvm.hugepages',
    ]);
  });

  it('keeps ALL-CAPS acronym aliases strict: SR-IOV matches SRIOV but needs its own lower-case alias', () => {
    assert.deepEqual(ids('SR-IOV SRIOV sriov'), ['hw.sr-iov', 'hw.sr-iov', 'hw.sr-iov']);
    const strictOnly = new TermMatcher([{ id: 'x', aliases: ['SR-IOV'] }]);
    assert.equal(strictOnly.scan('sr-iov sriov').length, 0);
  });

  it('finds whole identifiers and file names, never the front or tail of a longer one', () => {
    assert.deepEqual(found('NewVHDPath -ExposeVirtualizationExtensions $true; vmwp.exe winhv.sys hv_vmbus'), [
      ['ExposeVirtualizationExtensions', 'hyperv.expose-virtualization-extensions'],
      ['vmwp.exe', 'hyperv.vmwp'],
      ['winhv.sys', 'hyperv.winhv'],
      ['hv_vmbus', 'hyperv.vmbus'],
    ]);
    assert.deepEqual(found("OVMF_CODE.fd vm-100-disk-1.qcow2 machine='pc-q35-4.2' accel=kvm"), [
      ['OVMF_CODE.fd', 'kvm.ovmf'],
      ['qcow2', 'format.qcow2'],
      ['q35', 'kvm.q35'],
      ['kvm', 'kvm'],
    ]);
  });

  it('falls back from a digit suffix to the term: kvm64 → kvm', () => {
    assert.deepEqual(found('-cpu kvm64'), [['kvm', 'kvm']]);
  });

  it('matches PowerShell cmdlets in any case but only with their hyphen', () => {
    assert.deepEqual(ids('Set-VMProcessor set-vmprocessor SET-VMPROCESSOR'), Array(3).fill('hyperv.set-vmprocessor'));
    assert.deepEqual(ids('we set VM processor counts'), []);
  });

  it('prefers the longest match and never overlaps', () => {
    const m = matcher.scan('Microsoft Hyper-V root partition');
    assert.deepEqual(m.map((x) => x.id), ['hyperv', 'hyperv.root-partition']);
    for (let i = 1; i < m.length; i++) assert.ok(m[i - 1].end <= m[i].start);
  });

  it('matches generic words only near a specific term, of the same system where the entry has one', () => {
    assert.deepEqual(ids('function host(guest) { return partition; }'), []);
    assert.deepEqual(ids('The host runs KVM and each guest gets a partition.'), ['concept.host', 'kvm', 'concept.guest']);
    assert.deepEqual(ids('Hyper-V gives each guest a partition.'), ['hyperv', 'concept.guest', 'hyperv.partition']);
    assert.deepEqual(ids('function host(guest) {}', { generic: 'always' }), ['concept.host', 'concept.guest']);
    assert.deepEqual(ids('The host runs KVM.', { generic: 'never' }), ['kvm']);
    const far = `host ${'x '.repeat(400)} KVM`;
    assert.deepEqual(ids(far), ['kvm']);
  });

  it('takes the systems a document is about as context', () => {
    assert.deepEqual(ids('a partition'), []);
    assert.deepEqual(ids('a partition', { systems: ['hyperv'] }), ['hyperv.partition']);
    assert.deepEqual(ids('a partition', { systems: ['kvm'] }), []);
    const m = matcher.scan('vmx', { systems: ['esxi'] });
    assert.equal(m[0].id, 'format.vmx');
    assert.equal(matcher.scan('vmx', { systems: ['kvm'] })[0].id, 'hw.vt-x');
  });

  it('reads an index in a key as any number', () => {
    assert.deepEqual(ids('ethernet0.present ethernet12.present scsi0:0.fileName scsi1:4.fileName'), [
      'vmx.ethernet-present',
      'vmx.ethernet-present',
      'vmx.scsi-filename',
      'vmx.scsi-filename',
    ]);
  });

  it('explains a config key that is an ordinary word where it is used as a key, or in its own config files', () => {
    assert.deepEqual(ids('dom0 memory = 512'), ['xen.dom0', 'xl.memory']);
    assert.deepEqual(ids('memory: 512 in dom0'), ['xl.memory', 'xen.dom0']);
    assert.deepEqual(ids('dom0 needs more memory than that'), ['xen.dom0']);
    assert.deepEqual(ids('memory = 512', { systems: ['xen'] }), ['xl.memory']);
  });

  it('reads a short lower-case alias only in lower case or capitals, not in mixed-case identifiers', () => {
    assert.deepEqual(found('vhd VHD Vhd xVhdY'), [
      ['vhd', 'format.vhd'],
      ['VHD', 'format.vhd'],
    ]);
  });

  it('does not read a name ending in a number as any number: dom0 is not dom1', () => {
    assert.deepEqual(ids('dom0 dom1 Domain-0'), ['xen.dom0', 'xen.dom0']);
  });

  it('treats flags, XML elements and aligned keys as key positions', () => {
    assert.deepEqual(ids('dom0: -memory 512'), ['xen.dom0', 'xl.memory']);
    assert.deepEqual(ids('dom0 <memory unit="MiB">'), ['xen.dom0', 'xl.memory']);
    assert.deepEqual(ids('dom0\nmemory      = 512'), ['xen.dom0', 'xl.memory']);
    assert.deepEqual(ids('dom0 pre-memory check'), ['xen.dom0']);
  });

  it('lets only unambiguous neighbours vouch for generic words and vote among meanings', () => {
    // `vmx` could be Xen-unrelated VMware or Intel: it must not make xl.cfg's `memory = ` a Xen key
    assert.deepEqual(ids('vmx\nmemory = 512'), ['hw.vt-x']);
    const m = new TermMatcher([
      { id: 'concept.guest-os', aliases: ['guestOS'] },
      { id: 'vmx.guestos', aliases: ['guestOS'], systems: ['esxi'] },
      { id: 'esxi', aliases: ['ESXi'], systems: ['esxi'] },
    ]);
    assert.equal(m.scan('the guestOS field')[0].id, 'concept.guest-os');
    assert.equal(m.scan('ESXi reads guestOS')[1].id, 'vmx.guestos');
  });

  it('prefers an exact spelling to a plural: vcpus is its own key, vCPUs the plural of vCPU', () => {
    assert.deepEqual(ids('vcpus = 2 and four vCPUs'), ['xl.vcpus', 'concept.vcpu']);
  });

  it('flags generic matches', () => {
    const m = matcher.scan('The host runs KVM.');
    assert.equal(m[0].generic, true);
    assert.equal(m[1].generic, undefined);
  });

  it('picks among ambiguous aliases by the terms around them', () => {
    const vagrant = 'config.vm.provider "vmware_desktop" do |v|\n  v.vmx["vhv.enable"] = "TRUE"\nend';
    const qemu = 'qemu-system-x86_64 -accel kvm -cpu host,+vmx -machine q35';
    const inVagrant = matcher.scan(vagrant).find((m) => vagrant.slice(m.start, m.end) === 'vmx');
    const inQemu = matcher.scan(qemu).find((m) => qemu.slice(m.start, m.end) === 'vmx');
    assert.equal(inVagrant?.id, 'format.vmx');
    assert.deepEqual(inVagrant?.candidates, ['format.vmx', 'hw.vt-x']);
    assert.equal(inQemu?.id, 'hw.vt-x');
    const ps = 'Connect-VIServer vcenter01; PowerCLI: New-VM -Name web01';
    assert.equal(matcher.scan(ps).find((m) => ps.slice(m.start, m.end) === 'New-VM')?.id, 'tool.powercli');
  });

  it('matches the lower-case forms content lists, such as type = "pvh"', () => {
    assert.deepEqual(found('type = "pvh"\nname = "dom0"'), [
      ['pvh', 'xen.pvh'],
      ['dom0', 'xen.dom0'],
    ]);
  });

  it('finds the term under a position and nothing between terms', () => {
    const text = 'The VMWP process talks to the VID driver.';
    assert.equal(matcher.matchAt(text, text.indexOf('VMWP') + 2)?.id, 'hyperv.vmwp');
    assert.equal(matcher.matchAt(text, text.indexOf('VID'))?.id, 'hyperv.vid');
    assert.equal(matcher.matchAt(text, text.indexOf('VID') + 3), undefined);
    assert.equal(matcher.matchAt(text, text.indexOf('process')), undefined);
  });

  it('reads a bounded window around a position, even in a 10 MB single line', () => {
    const line = 'x=1;'.repeat(2_500_000) + ' the root partition ' + 'y=2;'.repeat(10);
    const at = line.indexOf('partition');
    const [from, to] = lookupWindow(line, at);
    assert.ok(to - from <= 2 * LOOKUP_RADIUS);
    assert.equal(matcher.matchAt(line, at)?.id, 'hyperv.root-partition');
    const huge = 'a'.repeat(5_000_000);
    assert.equal(matcher.matchAt(huge, 2_500_000), undefined);
  });

  it('agrees between a lookup at every position and a full scan', () => {
    const text = 'Hyper-V runs VMWP (vmwp.exe) per VM in the root partition; VSPs serve the child\n partition over VMBus. The host uses KVM.';
    const all = matcher.scan(text);
    for (let i = 0; i < text.length; i++) {
      const expected = all.find((m) => m.start <= i && i < m.end);
      assert.equal(matcher.matchAt(text, i)?.id, expected?.id, `at ${i}`);
    }
  });

  it('stops at a limit', () => {
    assert.equal(matcher.scan('KVM '.repeat(100), { limit: 10 }).length, 10);
  });

  it('resolves an exact term', () => {
    assert.equal(matcher.lookupTerm('vmwp.exe')?.id, 'hyperv.vmwp');
    assert.equal(matcher.lookupTerm('-ExposeVirtualizationExtensions')?.id, 'hyperv.expose-virtualization-extensions');
    assert.equal(matcher.lookupTerm('VMWP and VID'), undefined);
  });

  it('joins alias pieces over a bounded run of spaces, and a match spans at most maxAliasChars', () => {
    assert.deepEqual(found(`root${' '.repeat(1 << 20)}partition`), []);
    assert.deepEqual(found(`root${' '.repeat(9)}partition`), []);
    assert.deepEqual(found(`root${'\t'.repeat(8)}partition`).map(([, id]) => id), ['hyperv.root-partition']);
    const text = `root${' '.repeat(8)}\n${' '.repeat(38)}# partition`;
    const [m] = matcher.scan(text);
    assert.equal(m.id, 'hyperv.root-partition');
    assert.ok(m.end - m.start <= matcher.maxAliasChars);
  });

  it('reads a number of at most six digits as an index: ethernet123456 is, ethernet1234567 is not', () => {
    assert.deepEqual(ids('ethernet123456.present'), ['vmx.ethernet-present']);
    assert.deepEqual(ids('ethernet1234567.present'), []);
  });

  it('takes any offset: NaN, negative, fractional or past the end', () => {
    const text = 'the root partition and VMBus';
    const all = matcher.scan(text);
    assert.equal(matcher.matchAt(text, NaN), undefined);
    assert.equal(matcher.matchAt(text, Infinity), undefined);
    assert.equal(matcher.matchAt(text, -1), undefined);
    assert.equal(matcher.matchAt(text, text.length + 5), undefined);
    assert.equal(matcher.matchAt(text, 5.7)?.id, matcher.matchAt(text, 5)?.id);
    assert.deepEqual(matcher.scan(text, {}, NaN), []);
    assert.deepEqual(matcher.scan(text, {}, 0, NaN), []);
    assert.deepEqual(matcher.scan(text, {}, -100, 1e9), all);
    assert.deepEqual(matcher.scan(text, {}, 0.5, text.length - 0.5), matcher.scan(text, {}, 0, text.length - 1));
    assert.deepEqual(matcher.scan(text, {}, 10, 5), []);
    assert.deepEqual(matcher.scan(text, { limit: NaN }), all);
    assert.deepEqual(matcher.scan(text, { limit: 0 }), []);
    assert.deepEqual(matcher.scan(text, { limit: -1 }), []);
    assert.deepEqual(lookupWindow(text, NaN), lookupWindow(text, 0));
  });

  it('stays in its window over a long run of separators', () => {
    const text = `VMBus${' '.repeat(4 << 20)}root partition`;
    const offset = 2 << 20;
    const [from, to] = lookupWindow(text, offset);
    assert.ok(to - from <= 2 * LOOKUP_RADIUS);
    assert.equal(matcher.matchAt(text, offset), undefined);
    assert.equal(matcher.matchAt(text, text.length - 3)?.id, 'hyperv.root-partition');
  });

  it('keeps the limit in matches that count, not raw ones: generic words it drops do not use it up', () => {
    const text = `${'host guest '.repeat(50)}VMBus root partition`;
    const all = matcher.scan(text);
    assert.ok(all.length >= 2);
    assert.deepEqual(matcher.scan(text, { limit: 2 }), all.slice(0, 2));
  });

  it('settles only the kept range of a window, as a filtered scan of the window would', () => {
    const text = 'host VMBus '.repeat(30) + 'the root partition '.repeat(30) + 'vmx vhv.enable guest '.repeat(30);
    const whole = matcher.scan(text, {}, 100, text.length - 50);
    for (const [a, b] of [[100, 300], [250, 251], [400, text.length], [0, 10]]) {
      assert.deepEqual(matcher.scanRange(text, {}, 100, text.length - 50, a, b), whole.filter((m) => m.start >= a && m.start < b));
    }
  });
});

