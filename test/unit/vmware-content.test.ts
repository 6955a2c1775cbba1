import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const kb = bundledKnowledge();

/** The entry id the bundled knowledge base gives `term` at its first occurrence in `text` (after `after`), or undefined. */
function cardAt(text: string, term: string, options: { systems?: string[]; after?: string } = {}): string | undefined {
  const from = options.after ? text.indexOf(options.after) + options.after.length : 0;
  const at = text.indexOf(term, from);
  assert.ok(at >= 0, `${term} is in the text`);
  const m = kb.matcher.scan(text, { systems: options.systems }).find((x) => x.start <= at && x.end > at);
  return m?.id;
}

describe('VMware cards on real-file shapes (issue 10)', () => {
  it('gives a Hyper-V script no ESXi vSwitch or VMware hardware-version card', () => {
    const ps = 'Import-Module Hyper-V\n$vSwitch = "External"\n$VMVersion = "9.0"\nNew-VMSwitch -Name $vSwitch -NetAdapterName "Ethernet"\nNew-VM -Name web01 -SwitchName $vSwitch -Version $VMVersion\n';
    assert.notEqual(cardAt(ps, 'vSwitch'), 'esxi.vswitch');
    assert.notEqual(cardAt(ps, 'vSwitch', { after: '-Name ' }), 'esxi.vswitch');
    assert.notEqual(cardAt(ps, 'VMVersion'), 'esxi.virtual-hardware-version');
  });

  it('still explains vSwitch and vmnic in an ESXi script, each with its own card', () => {
    const sh = 'esxcli network vswitch standard uplink add -u vmnic0 -v vSwitch0\n# the vSwitch needs a second uplink\n';
    assert.equal(cardAt(sh, 'vmnic0'), 'esxi.vmnic');
    assert.equal(cardAt(sh, 'vSwitch0'), 'esxi.vswitch');
    assert.equal(cardAt(sh, 'vSwitch', { after: 'the ' }), 'esxi.vswitch');
  });

  it('gives sibling .vmx keys and values their own cards', () => {
    const vmx = [
      'virtualHW.version = "19"',
      'virtualHW.productCompatibility = "hosted"',
      'pciBridge4.virtualDev = "pcieRootPort"',
      'scsi0.virtualDev = "buslogic"',
      'pciPassthru0.id = "00000:065:00.0"',
      'ethernet0.virtualDev = "e1000"',
    ].join('\n');
    const systems = ['esxi', 'workstation'];
    assert.equal(cardAt(vmx, 'virtualHW.productCompatibility', { systems }), 'vmx.virtualhw-productcompatibility');
    assert.equal(cardAt(vmx, 'pciBridge4', { systems }), 'vmx.pcibridge');
    assert.equal(cardAt(vmx, 'buslogic', { systems }), 'esxi.buslogic');
    assert.equal(cardAt(vmx, 'pciPassthru0.id', { systems }), 'vmx.pcipassthru');
    assert.equal(cardAt(vmx, 'e1000', { systems }), 'esxi.e1000');
  });

  it('tells the device nodes from VMFS and explains provisioning and page sharing terms', () => {
    const sh = 'ls /vmfs/devices/disks/\nvmkfstools -c 10G -d eagerzeroedthick /vmfs/volumes/datastore1/vm/disk.vmdk\nesxcli system settings advanced set -o /Mem/ShareForceSalting -i 0\n';
    assert.equal(cardAt(sh, 'devices'), 'esxi.vmfs-devices');
    assert.equal(cardAt(sh, 'eagerzeroedthick'), 'esxi.disk-provisioning');
    assert.equal(cardAt(sh, 'ShareForceSalting'), 'esxi.tps');
  });

  it('does not give VMware cards to shared device names in QEMU and libvirt files', () => {
    const qemu = 'qemu-system-x86_64 -enable-kvm -netdev user,id=n0 -device e1000,netdev=n0\n';
    assert.notEqual(cardAt(qemu, 'e1000'), 'esxi.e1000');
    const xml = "<domain type='kvm'><devices><controller type='scsi' model='buslogic'/><controller type='scsi' model='lsilogic'/></devices></domain>";
    assert.notEqual(cardAt(xml, 'buslogic'), 'esxi.buslogic');
    assert.notEqual(cardAt(xml, 'lsilogic'), 'esxi.lsilogic');
  });
});
