import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { detectProfile } from '../../src/core/profile';
import { cardOf } from './card-of';

const kb = bundledKnowledge();

/** Ids of every card in the file. */
function allCards(fileName: string, text: string): string[] {
  const p = detectProfile({ fileName, text });
  return kb.matcher.scan(text, { systems: p.systems, contexts: p.contexts, regions: p.regions }).map((m) => m.id);
}

describe('held-out H: KubeVirt instance types, disks and DataVolume templates', () => {
  const vm = [
    'apiVersion: kubevirt.io/v1',
    'kind: VirtualMachine',
    'spec:',
    '  dataVolumeTemplates:',
    '  - spec:',
    '      sourceRef:',
    '        kind: DataSource',
    '        name: fedora',
    '      storage:',
    '        resources:',
    '          requests:',
    '            storage: 30Gi',
    '  instancetype:',
    '    kind: VirtualMachineClusterInstancetype',
    '    name: u1.small',
    '  preference:',
    '    name: fedora',
    '  template:',
    '    spec:',
    '      subdomain: lab',
    '      affinity:',
    '        nodeAffinity:',
    '          preferredDuringSchedulingIgnoredDuringExecution:',
    '          - weight: 1',
    '            preference:',
    '              matchExpressions: []',
    '      domain:',
    '        devices:',
    '          autoattachPodInterface: false',
    '          disks:',
    '          - name: cdrom',
    '            cdrom:',
    '              bus: sata',
    '          - name: data',
    '            lun: {}',
    '        machine:',
    '          type: pc-q35-rhel9.4.0',
    '---',
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'spec:',
    '  resources:',
    '    requests:',
    '      storage: 1Gi',
  ].join('\n');

  it('gives the matcher keys, the instance type names and the kinds the instance-type card', () => {
    assert.equal(cardOf('vm.yaml', vm, 'instancetype'), 'kvm.kubevirt-instancetype');
    assert.equal(cardOf('vm.yaml', vm, 'VirtualMachineClusterInstancetype'), 'kvm.kubevirt-instancetype');
    assert.equal(cardOf('vm.yaml', vm, 'u1.small'), 'kvm.kubevirt-instancetype');
    assert.equal(cardOf('vm.yaml', vm, 'preference', 0), 'kvm.kubevirt-instancetype');
  });

  it('leaves a node affinity preference alone', () => {
    // occurrence 0 is the VM's preference:, 1 the affinity term's
    assert.equal(cardOf('vm.yaml', vm, 'preference', 1), undefined);
  });

  it('explains DataVolume template keys, but not a plain PVC', () => {
    assert.equal(cardOf('vm.yaml', vm, 'sourceRef'), 'platform.kubevirt-datavolume');
    assert.equal(cardOf('vm.yaml', vm, 'DataSource'), 'platform.kubevirt-datavolume');
    assert.equal(cardOf('vm.yaml', vm, 'storage', 0), 'platform.kubevirt-datavolume');
    assert.equal(cardOf('vm.yaml', vm, 'storage', 2), undefined);
  });

  it('explains disk device types and buses in a disks list at its key\'s indent, not a disk named cdrom', () => {
    assert.equal(cardOf('vm.yaml', vm, 'cdrom', 1), 'kvm.kubevirt-disk');
    assert.equal(cardOf('vm.yaml', vm, 'sata'), 'kvm.kubevirt-disk');
    assert.equal(cardOf('vm.yaml', vm, 'lun'), 'kvm.kubevirt-disk');
    assert.equal(cardOf('vm.yaml', vm, 'cdrom', 0), undefined);
  });

  it('explains autoattachPodInterface, subdomain and RHEL q35 machine types', () => {
    assert.equal(cardOf('vm.yaml', vm, 'autoattachPodInterface'), 'kvm.kubevirt-network');
    assert.equal(cardOf('vm.yaml', vm, 'subdomain'), 'kvm.kubevirt-dns');
    assert.equal(cardOf('vm.yaml', vm, 'pc-q35-rhel9.4.0'), 'kvm.q35');
  });

  it('reads a standalone DataVolume\'s spec as a DataVolume', () => {
    const dv = 'apiVersion: cdi.kubevirt.io/v1beta1\nkind: DataVolume\nmetadata:\n  name: x\nspec:\n  source:\n    blank: {}\n  storage:\n    resources: {}\n';
    assert.equal(cardOf('dv.yaml', dv, 'blank'), 'platform.kubevirt-datavolume');
    assert.equal(cardOf('dv.yaml', dv, 'storage'), 'platform.kubevirt-datavolume');
  });

  it('does not give disk or DataVolume cards outside KubeVirt', () => {
    const compose = 'services:\n  db:\n    volumes:\n      - storage:/data\n    devices:\n      - /dev/sr0:/dev/cdrom\n';
    assert.equal(allCards('docker-compose.yml', compose).filter((id) => id.startsWith('kvm.kubevirt') || id === 'platform.kubevirt-datavolume').length, 0);
  });
});

describe('held-out H: QEMU, swtpm, Proxmox and xl.cfg values', () => {
  const sh = [
    '#!/bin/sh',
    'swtpm socket --tpmstate dir=/tmp/tpm --ctrl type=unixio,path=/tmp/tpm/sock --tpm2 &',
    'qemu-system-x86_64 \\',
    ' -machine q35 -m 4G \\',
    ' -chardev socket,id=chrtpm,path=/tmp/tpm/sock \\',
    ' -tpmdev emulator,id=tpm0,chardev=chrtpm -device tpm-tis,tpmdev=tpm0 \\',
    ' -fw_cfg name=opt/com.example/x,string=1 \\',
    ' -blockdev node-name=d0,driver=raw,file.driver=host_device,file.filename=/dev/loop0 \\',
    ' -audio driver=sdl,model=hda',
  ].join('\n');

  it('explains the TPM back end, fw_cfg, -machine, raw and host_device', () => {
    assert.equal(cardOf('run.sh', sh, 'tpmdev emulator'), 'hw.tpm');
    assert.equal(cardOf('run.sh', sh, 'tpmstate'), 'hw.tpm');
    assert.equal(cardOf('run.sh', sh, 'fw_cfg'), 'kvm.fw-cfg');
    assert.equal(cardOf('run.sh', sh, 'machine'), 'kvm.machine');
    assert.equal(cardOf('run.sh', sh, 'driver=raw'), 'format.raw');
    assert.equal(cardOf('run.sh', sh, 'host_device'), 'kvm.drive');
    assert.equal(cardOf('run.sh', sh, 'hda'), 'kvm.sound');
  });

  it('reads qm options written with two dashes as the flags', () => {
    const qm = 'vmid=$(pvesh get /cluster/nextid)\nqm create $vmid --machine q35 --ostype win11 --tpmstate0 local:1,version=v2.0\nqm set $vmid --sata0 local:iso/x.iso,media=cdrom\n';
    assert.equal(cardOf('create.sh', qm, 'pvesh'), 'kvm.pvesh');
    assert.equal(cardOf('create.sh', qm, 'machine'), 'kvm.machine');
    assert.equal(cardOf('create.sh', qm, 'win11'), 'platform.proxmox-ostype');
    assert.equal(cardOf('create.sh', qm, 'version=v2.0'), 'hw.tpm');
    assert.equal(cardOf('create.sh', qm, 'media=cdrom'), 'platform.proxmox-disk');
  });

  it('keeps GNU long options of other tools quiet', () => {
    const other = '#!/bin/sh\nuname --machine\ngit log --ctrl\nrsync --tpmstate x\n';
    assert.deepEqual(allCards('tools.sh', other), []);
  });

  it('explains xl.cfg values: a tablet, the hda card and the htt flag, but not an hda disk target', () => {
    const cfg = 'type = "hvm"\nusbdevice = "tablet"\nsoundhw = \'hda\'\ncpuid = "host,htt=0"\ndisk = [ "phy:/dev/vg0/d,hda,w" ]\n';
    assert.equal(cardOf('guest.cfg', cfg, 'tablet'), 'xl.usbdevice');
    assert.equal(cardOf('guest.cfg', cfg, 'hda', 0), 'xl.soundhw');
    assert.equal(cardOf('guest.cfg', cfg, 'htt'), 'xl.cpuid');
    assert.equal(cardOf('guest.cfg', cfg, 'hda', 1), undefined);
  });
});

describe('held-out H: Packer VMware VNC options', () => {
  const hcl = 'source "qemu" "x" {\n  vnc_disable_password = true\n}\nsource "vmware-iso" "y" {\n  vnc_disable_password = true\n  vnc_port_min = 5900\n}\n';

  it('explains VNC options in a vmware-iso block, not in another builder\'s', () => {
    assert.equal(cardOf('vmware.pkr.hcl', hcl, 'vnc_disable_password', 1), 'tool.packer-vmware-iso');
    assert.equal(cardOf('vmware.pkr.hcl', hcl, 'vnc_port_min'), 'tool.packer-vmware-iso');
    assert.equal(cardOf('vmware.pkr.hcl', hcl, 'vnc_disable_password', 0), undefined);
  });
});
