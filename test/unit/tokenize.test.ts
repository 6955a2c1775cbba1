import * as assert from 'node:assert/strict';
import { ALL_CAPS, MAX_INDENT, MAX_SEPARATOR, MAX_SPACES, PLURAL, separatorKey, tokenize } from '../../src/core/matching/tokenize';

const pieces = (s: string) => tokenize(s).map((t) => s.slice(t.start, t.end));

describe('tokenize', () => {
  it('splits CamelCase, acronyms and punctuation', () => {
    assert.deepEqual(pieces('NewVHDPath'), ['New', 'VHD', 'Path']);
    assert.deepEqual(pieces('MicrosoftUEFICertificateAuthority'), ['Microsoft', 'UEFI', 'Certificate', 'Authority']);
    assert.deepEqual(pieces('AutoAttachOnNonCSVVolumes'), ['Auto', 'Attach', 'On', 'Non', 'CSV', 'Volumes']);
    assert.deepEqual(pieces('hv_netvsc vmwp.exe -ExposeVirtualizationExtensions'), ['hv', 'netvsc', 'vmwp', 'exe', 'Expose', 'Virtualization', 'Extensions']);
  });

  it('keeps digits attached to the letters before them', () => {
    assert.deepEqual(pieces('kvm64 qcow2 vmkernel65Guest pc-q35-4.2'), ['kvm64', 'qcow2', 'vmkernel65', 'Guest', 'pc', 'q35', '4', '2']);
  });

  it('keeps brands whole: two capitals then lower case, or a single trailing lower-case letter', () => {
    assert.deepEqual(pieces('VMware VMwareTools PCIe ESXi VMBus IPAddress'), ['VMware', 'VMware', 'Tools', 'PCIe', 'ESXi', 'VM', 'Bus', 'IP', 'Address']);
  });

  it('keeps a plural acronym together and flags it', () => {
    const ts = tokenize('VSPs VMsOnHost VMMS');
    assert.deepEqual(ts.map((t) => 'VSPs VMsOnHost VMMS'.slice(t.start, t.end)), ['VSPs', 'VMs', 'On', 'Host', 'VMMS']);
    assert.ok(ts[0].flags & PLURAL && ts[0].flags & ALL_CAPS);
    assert.ok(!(ts[4].flags & PLURAL) && ts[4].flags & ALL_CAPS);
  });

  it('treats typographic punctuation and no-break spaces as separators', () => {
    assert.deepEqual(pieces('hypervisor’s “root\u00a0partition”—done'), ['hypervisor', 's', 'root', 'partition', 'done']);
  });

  it('classifies what joins two pieces', () => {
    const key = (s: string) => {
      const [a, b] = tokenize(s);
      return separatorKey(s, a.end, b.start);
    };
    assert.equal(key('root partition'), ' ');
    assert.equal(key('root\n   partition'), ' ');
    assert.equal(key('root\r\n# partition'), ' ');
    assert.equal(key('root\n  // partition'), ' ');
    assert.equal(key('root\n\npartition'), '');
    assert.equal(key('root_partition'), ' ');
    assert.equal(key('RootPartition'), ' ');
    assert.equal(key('host-passthrough'), '-');
    assert.equal(key('vmwp.exe'), '.');
    assert.equal(key('accel=kvm'), '=');
    assert.equal(key('a, b'), '');
  });

  it('joins over a bounded run of white space only', () => {
    const key = (s: string) => {
      const [a, b] = tokenize(s);
      return separatorKey(s, a.end, b.start);
    };
    assert.equal(key(`root${' '.repeat(MAX_SPACES)}partition`), ' ');
    assert.equal(key(`root${' '.repeat(MAX_SPACES + 1)}partition`), '');
    assert.equal(key(`root${'\t'.repeat(MAX_SPACES + 1)}partition`), '');
    assert.equal(key(`root${' '.repeat(MAX_SPACES)}\r\n${' '.repeat(MAX_INDENT - 3)}#  partition`), ' ');
    assert.equal(key(`root\n${' '.repeat(MAX_INDENT + 1)}partition`), '');
    assert.equal(key(`root\n#${' '.repeat(MAX_INDENT + 1)}partition`), '');
    assert.equal(key(`root${' '.repeat(1 << 20)}partition`), '');
    assert.equal(key('root\r\rpartition'), '');
    assert.equal(key('root\rpartition'), ' ');
    // the longest separator that joins is MAX_SEPARATOR characters
    const longest = `${' '.repeat(MAX_SPACES)}\r\n${' '.repeat(MAX_INDENT - 2)}//  `;
    assert.equal(longest.length, MAX_SEPARATOR);
    assert.equal(key(`root${longest}partition`), ' ');
  });
});
