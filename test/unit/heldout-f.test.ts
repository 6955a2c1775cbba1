/**
 * The sixth held-out batch's wrong and imprecise cards (docs/reviews/heldout-f.md): emulated PCI
 * devices, `io='threads'`, Firecracker's `drive_id`, `-audio model=`, Vagrant provider blocks
 * under any variable, libvirt's QEMU pass-through and `<kvm>` feature, Packer local references.
 * Each case is read as a scan and as a hover.
 */
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { detectProfile } from '../../src/core/profile';

const kb = bundledKnowledge();
const termOf = (fileName: string, text: string, find: string, n = 0): string | undefined => {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(find, at + 1);
  const p = detectProfile({ fileName, text });
  const m = kb.matcher.scan(text, { systems: p.systems, contexts: p.contexts, regions: p.regions }).find((x) => x.start <= at && at < x.end);
  return m && text.slice(m.start, m.end);
};

describe('held-out batch F: a word in another sense', () => {
  it('"PCI device" is no physical host device: crosvm emulates them', () => {
    const md = 'The VMM emulates each PCI device in user space; every one implements the `PciDevice` trait, and the PCI devices sit on a virtual bus.\n';
    assert.equal(cardOf('ARCHITECTURE.md', md, 'PCI device'), undefined);
    assert.equal(cardOf('ARCHITECTURE.md', md, 'PciDevice'), undefined);
    assert.equal(cardOf('ARCHITECTURE.md', md, 'PCI devices'), undefined);
    assert.equal(cardOf('notes.md', 'IOMMU groups decide which host devices can be passed through to a KVM guest.\n', 'host devices'), 'hw.devices');
  });
  it('"a virtual machine instance" in prose is a VM; VirtualMachineInstance in KubeVirt is the VMI', () => {
    const md = 'Each process runs a virtual machine instance with its own vCPU threads.\n';
    assert.equal(cardOf('ARCHITECTURE.md', md, 'virtual machine instance'), 'concept.virtual-machine');
    assert.equal(termOf('ARCHITECTURE.md', md, 'virtual machine instance'), 'virtual machine');
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata:\n  name: testvmi\n';
    assert.equal(cardOf('vmi.yaml', yaml, 'VirtualMachineInstance'), 'kvm.kubevirt-vmi');
  });
  it('threads is the vCPU topology only in <topology> and -smp, never io=\'threads\' or aio=threads', () => {
    const xml = "<domain type='kvm'>\n  <cpu mode='host-passthrough'>\n    <topology sockets='1' cores='4' threads='2'/>\n  </cpu>\n  <devices>\n    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw' io='threads'/>\n    </disk>\n  </devices>\n</domain>\n";
    assert.equal(cardOf('vm.xml', xml, 'threads'), 'kvm.smp');
    assert.equal(cardOf('vm.xml', xml, 'threads', 1), undefined);
    const sh = 'qemu-system-x86_64 -enable-kvm -smp 4,sockets=1,cores=2,threads=2 -drive file=a.qcow2,if=virtio,aio=threads\n';
    assert.equal(cardOf('run.sh', sh, 'threads'), 'kvm.smp');
    assert.notEqual(cardOf('run.sh', sh, 'threads', 1), 'kvm.smp', 'aio=threads is the drive\'s AIO mode');
  });
  it('model=virtio of -audio is the sound device, of -nic the NIC model', () => {
    const sh = 'qemu-system-x86_64 -enable-kvm \\\n  -audiodev pa,id=snd0 \\\n  -audio driver=pa,model=virtio \\\n  -nic user,model=virtio\n';
    assert.notEqual(cardOf('run.sh', sh, 'model=virtio'), 'kvm.nic-model');
    assert.equal(cardOf('run.sh', sh, 'model=virtio', 1), 'kvm.nic-model');
    assert.equal(cardOf('create.sh', 'virt-install --name a --network network=default,model=virtio --sound model=ich9\n', 'model=virtio'), 'kvm.nic-model');
  });
});

describe('held-out batch F: another system\'s option', () => {
  it('a Firecracker drive_id is Firecracker\'s drive, QEMU\'s -drive id stays QEMU\'s', () => {
    const json = '{\n  "boot-source": { "kernel_image_path": "vmlinux" },\n  "drives": [ { "drive_id": "rootfs", "path_on_host": "rootfs.ext4", "is_root_device": true } ]\n}\n';
    assert.ok(detectProfile({ fileName: 'vmconfig.json', text: json }).tools.includes('firecracker'));
    assert.equal(cardOf('vmconfig.json', json, 'drive_id'), 'platform.firecracker-config');
    const sh = 'qemu-system-x86_64 -enable-kvm -drive id=disk0,file=a.qcow2,if=none -device virtio-blk-pci,drive=disk0\n';
    assert.equal(cardOf('run.sh', sh, 'drive id'), 'kvm.drive');
  });
});

describe('held-out batch F: Vagrant provider blocks, every provider, any block variable', () => {
  const vf =
    'Vagrant.configure(2) do |config|\n  config.vm.network :private_network, :libvirt__network_name => "vagrant-libvirt", :libvirt__always_destroy => false\n' +
    '  config.vm.provider :libvirt do |v, override|\n    v.memory = 2048\n    v.management_network_name = "vagrant-libvirt"\n  end\n' +
    '  config.vm.provider :hyperv do |v, override|\n    v.maxmemory = 2048\n    v.cpus = 2\n  end\n' +
    '  config.vm.provider :virtualbox do |v, override|\n    v.gui = false\n  end\n' +
    '  ["vmware_fusion", "vmware_workstation", "vmware_desktop"].each do |provider|\n    config.vm.provider provider do |vm_cfg|\n      vm_cfg.gui = false\n      vm_cfg.vmx["memsize"] = "2048"\n    end\n  end\nend\n';
  it('each provider block is a region whose block variable reads as the aliases\' name', () => {
    const p = detectProfile({ fileName: 'Vagrantfile', text: vf });
    const receivers = p.regions.filter((r) => r.receiver).map((r) => `${r.contexts.join(',')}:${r.receiver!.join('>')}`);
    assert.deepEqual(receivers, ['vagrant-libvirt:v>lv', 'vagrant-hyperv:v>hv', 'vagrant-virtualbox:v>vb', 'vagrant-vmware:vm_cfg>v']);
  });
  it('v.maxmemory in a Hyper-V block is the Hyper-V provider\'s, not KVM guest memory', () => {
    assert.equal(cardOf('Vagrantfile', vf, 'v.maxmemory'), 'tool.vagrant-hyperv');
    assert.equal(termOf('Vagrantfile', vf, 'v.maxmemory'), 'v.maxmemory');
    assert.equal(cardOf('Vagrantfile', vf, 'v.cpus'), 'tool.vagrant-hyperv');
  });
  it('v.gui in a VirtualBox block is VirtualBox\'s; in a VMware block (vm_cfg.gui) VMware\'s', () => {
    assert.equal(cardOf('Vagrantfile', vf, 'v.gui'), 'tool.vagrant-virtualbox');
    assert.equal(cardOf('Vagrantfile', vf, 'vm_cfg.gui'), 'tool.vagrant-vmware-desktop');
    assert.equal(cardOf('Vagrantfile', vf, 'vm_cfg.vmx'), 'tool.vagrant-vmx');
  });
  it('libvirt options under v: v.memory, v.management_network_name', () => {
    assert.equal(cardOf('Vagrantfile', vf, 'v.memory'), 'tool.vagrant-libvirt');
    assert.equal(termOf('Vagrantfile', vf, 'v.management_network_name'), 'v.management_network_name');
  });
  it('libvirt__ network options are whole terms; a network named vagrant-libvirt is a name', () => {
    assert.equal(termOf('Vagrantfile', vf, 'libvirt__network_name'), 'libvirt__network_name');
    assert.equal(cardOf('Vagrantfile', vf, 'libvirt__always_destroy'), 'tool.vagrant-libvirt');
    assert.equal(cardOf('Vagrantfile', vf, '"vagrant-libvirt"', 0, 1), undefined);
    assert.equal(cardOf('Vagrantfile', vf, '"vagrant-libvirt"', 1, 1), undefined);
  });
  it('a variable that only ends like the block variable is not it', () => {
    const t = 'Vagrant.configure("2") do |config|\n  config.vm.provider :hyperv do |h|\n    my_h.maxmemory = 1\n  end\nend\n';
    assert.notEqual(termOf('Vagrantfile', t, 'my_h.maxmemory'), 'h.maxmemory');
  });
});

describe('held-out batch F: libvirt XML', () => {
  const xml =
    "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n  <features>\n    <kvm>\n      <hidden state='on'/>\n    </kvm>\n  </features>\n" +
    "  <qemu:commandline>\n    <qemu:arg value='-cpu'/>\n    <qemu:env name='QEMU_AUDIO_DRV' value='pa'/>\n  </qemu:commandline>\n</domain>\n";
  it('qemu:commandline, qemu:arg and qemu:env get the pass-through card, not QEMU', () => {
    assert.equal(cardOf('vm.xml', xml, 'qemu:commandline'), 'kvm.qemu-commandline');
    assert.equal(cardOf('vm.xml', xml, 'qemu:arg'), 'kvm.qemu-commandline');
    assert.equal(cardOf('vm.xml', xml, 'qemu:env'), 'kvm.qemu-commandline');
    assert.equal(cardOf('vm.xml', xml, 'qemu:commandline', 1), 'kvm.qemu-commandline');
  });
  it('<kvm> inside <features> is the KVM feature element; domain type=\'kvm\' is KVM', () => {
    assert.equal(cardOf('vm.xml', xml, '<kvm>', 0, 1), 'kvm.kvm-hidden');
    assert.equal(cardOf('vm.xml', xml, '</kvm>', 0, 2), 'kvm.kvm-hidden');
    assert.equal(cardOf('vm.xml', xml, "'kvm'", 0, 1), 'kvm');
  });
});

describe('held-out batch F: Packer locals', () => {
  const hcl =
    'locals {\n  opts = merge(local.base, lookup(local.image_options, "qemu", {}))\n}\n' +
    'source "qemu" "iso" {\n  machine_type = local.qemu_iso_source_options.machine_type\n  accelerator  = local.qemu_iso_source_options.accelerator\n  boot_wait    = var.images["win"].boot_wait\n}\n';
  it('the trailing names of a local. or var. reference get no card; the keys do', () => {
    assert.equal(cardOf('s.pkr.hcl', hcl, 'machine_type'), 'kvm.machine');
    assert.equal(cardOf('s.pkr.hcl', hcl, 'machine_type', 1), undefined);
    assert.equal(cardOf('s.pkr.hcl', hcl, 'accelerator', 1), undefined);
    assert.equal(cardOf('s.pkr.hcl', hcl, 'boot_wait', 1), undefined);
  });
  it('a lookup() key is a map key, the source label is the builder', () => {
    assert.equal(cardOf('s.pkr.hcl', hcl, '"qemu"', 0, 1), undefined);
    assert.equal(cardOf('s.pkr.hcl', hcl, '"qemu"', 1, 1), 'tool.packer-qemu');
  });
});

describe('held-out batch F: Markdown link definitions', () => {
  it('the label of a link definition gets no card; the link text does', () => {
    const md = 'Images may be raw or [qcow].\n\n[qcow]: https://en.wikipedia.org/wiki/Qcow\n';
    assert.equal(cardOf('README.md', md, 'qcow'), 'format.qcow2');
    assert.equal(cardOf('README.md', md, 'qcow', 1), undefined);
  });
});
