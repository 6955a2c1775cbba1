/**
 * One test per failure pattern of /work/shared/docs/how-cards-go-wrong.md, on the bundled
 * knowledge base, each file read with its document profile as the CLI and the editor read it.
 */
import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { detectProfile } from '../../src/core/profile';

const kb = bundledKnowledge();
/** `text → entry id` for every match in a file called `fileName`. */
function cards(fileName: string, text: string): [string, string][] {
  const p = detectProfile({ fileName, text });
  return kb.matcher.scan(text, { systems: p.systems, contexts: p.contexts, regions: p.regions }).map((m) => [text.slice(m.start, m.end), m.id]);
}
const cardOf = (fileName: string, text: string, term: string) => cards(fileName, text).find(([t]) => t === term)?.[1];
const hover = (fileName: string, text: string, term: string) => {
  const p = detectProfile({ fileName, text });
  return kb.matcher.matchAt(text, text.indexOf(term) + 1, { systems: p.systems, contexts: p.contexts, regions: p.regions })?.id;
};

describe('how cards go wrong: 1. one system\'s terms leak into another\'s files', () => {
  it('a NIC model several systems share votes no system in: firmware in KubeVirt is not the .vmx key', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  domain:\n    firmware:\n      bootloader:\n        efi: {}\n    devices:\n      interfaces:\n        - model: e1000\n';
    assert.equal(cardOf('vm.yaml', yaml, 'firmware'), undefined);
    // the NIC model gets the cross-cutting NIC card, never VMware's adapter
    assert.equal(cardOf('vm.yaml', yaml, 'e1000'), 'concept.nic-model');
  });
  it('a Hyper-V script\'s $vSwitch and VMVersion get no VMware card', () => {
    const ps = 'Import-Module Hyper-V\n$vSwitch = "Lab"\nNew-VMSwitch -Name $vSwitch -SwitchType Internal\n$VMVersion = (Get-VM lab).Version\n';
    assert.notEqual(cardOf('lab.ps1', ps, 'vSwitch'), 'esxi.vswitch');
    assert.notEqual(cardOf('lab.ps1', ps, 'VMVersion'), 'esxi.virtual-hardware-version');
    assert.equal(cardOf('esx.sh', 'esxcli network vswitch standard add -v vSwitch1; govc host.vswitch.info vSwitch', 'vSwitch'), 'esxi.vswitch');
  });
  it('the Packer Hyper-V builder\'s hyperv_switch_name is not KVM\'s enlightenments', () => {
    const hcl = 'source "hyperv-iso" "w" {\n  hyperv_switch_name = "Default Switch"\n  switch_name = "Default Switch"\n}\n';
    assert.equal(cards('w.pkr.hcl', hcl).some(([, id]) => id === 'kvm.hyperv-enlightenments'), false);
    assert.equal(cardOf('w.pkr.hcl', hcl, 'switch_name'), 'hyperv.switch-name');
  });
});

describe('how cards go wrong: 2. aliases match the front of longer names', () => {
  const cases: [string, string, string][] = [
    ['cluster.ps1', 'Import-Module FailoverClusters\nGet-ClusterNode -Cluster hv01', 'Get-Cluster'],
    ['net.ps1', 'Import-Module Hyper-V\nSet-VMNetworkConfiguration -Name web', 'Set-VM'],
    ['vars.pkr.hcl', 'source "vsphere-iso" "x" {\n  vm_network_card = "vmxnet3"\n}', 'vm_network'],
    ['web.vmx', 'sched.mem.minSize = "1024"\n', 'sched.mem.min'],
    ['vfio.sh', '#!/bin/sh\nmodprobe vfio_iommu_type1\nVBoxManage modifyvm x --nic-type1 virtio\n', 'type1'],
  ];
  for (const [file, text, front] of cases) {
    it(`${front} is not a card inside a longer identifier (${file})`, () => {
      assert.equal(cards(file, text).some(([t]) => t.toLowerCase().replace(/[-_. ]/g, '') === front.toLowerCase().replace(/[-_. ]/g, '')), false, JSON.stringify(cards(file, text)));
    });
  }
  it('pciBridge4.virtualDev is not the NIC model key; ethernet1.virtualDev is', () => {
    const vmx = 'pciBridge4.virtualDev = "pcieRootPort"\nethernet1.virtualDev = "vmxnet3"\n';
    assert.deepEqual(cards('x.vmx', vmx).filter(([, id]) => id === 'vmx.ethernet-virtualdev').map(([t]) => t), ['ethernet1.virtualDev']);
  });
  it('a whole cmdlet and a plural still match: Get-ClusterNode, VMs', () => {
    assert.equal(cardOf('c.ps1', 'Get-ClusterNode -Cluster hv', 'Get-ClusterNode'), 'hyperv.failover-clustering');
    assert.equal(cardOf('notes.md', 'Two VMs run on the Hyper-V host.', 'VMs'), 'concept.virtual-machine');
  });
});

describe('how cards go wrong: 3. text that is not a term', () => {
  it('no cards in URLs, anchors, XML namespaces or e-mail addresses; link text keeps its card', () => {
    const md = 'See [the Hyper-V page](https://learn.microsoft.com/virtualization/hyper-v-on-windows/#hyper-v-powershell-direct-service) or mail kvm-admins@example.com.\n';
    assert.deepEqual(cards('notes.md', md), [['Hyper-V', 'hyperv']]);
    const xml = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n";
    assert.deepEqual(cards('web.xml', xml).map(([t]) => t), ['domain type', 'kvm']);
    assert.deepEqual(cards('x.sh', 'git clone https://github.com/kata-containers/kata-containers\n'), []);
  });
  it('user names and passwords that happen to be a tool\'s name get no card', () => {
    const vf = 'Vagrant.configure("2") do |config|\n  config.ssh.username = "vagrant"\n  config.ssh.password = "vagrant"\nend\n';
    assert.deepEqual(cards('Vagrantfile', vf).map(([t]) => t), ['Vagrant.configure']);
    const hcl = 'source "hyperv-iso" "w" {\n  winrm_username = "vagrant"\n  ssh_password = "packer"\n}\n';
    assert.equal(cards('w.pkr.hcl', hcl).some(([t]) => t === 'vagrant' || t === 'packer'), false);
    // a home folder names a user, in scripts that set up Vagrant boxes
    const sh = '#!/bin/sh\nHOME_DIR="${HOME_DIR:-/home/vagrant}"\n[ -d /Users/vagrant ] && echo mac\nvagrant up\n';
    assert.deepEqual(cards('tools.sh', sh).map(([t]) => t), ['vagrant up']);
  });
});

describe('held-out real-file shapes (docs/reviews/heldout.md)', () => {
  it('xl.cfg\'s generic keys are xl.cfg keys only in xl.cfg files and prose', () => {
    const tf = 'provider "proxmox" {}\nresource "proxmox_vm_qemu" "w" {\n  name   = "w"\n  pool   = "pool0"\n  memory = 2048\n  cpu {\n    type = "host"\n  }\n}\n';
    for (const t of ['name', 'pool0', 'type']) assert.equal(cardOf('main.tf', tf, t), undefined, t);
    // Proxmox's memory is the VM's memory option, not xl.cfg's key
    assert.equal(cardOf('main.tf', tf, 'memory'), 'platform.proxmox-memory');
    const sh = '#!/bin/sh\nqemu-system-x86_64 -device virtserialport,chardev=a0,name=org.qemu.guest_agent.0\n';
    assert.equal(cardOf('run.sh', sh, 'name'), undefined);
    assert.equal(cardOf('guest.cfg', 'name = "web"\ntype = "hvm"\nmemory = 1024\n', 'memory'), 'xl.memory');
  });
  it('Proxmox scsihw gets its own card, whatever controller it names', () => {
    assert.equal(cardOf('101.conf', 'ostype: l26\nscsihw: lsi\nscsi0: local-lvm:vm-101-disk-0\n', 'scsihw'), 'platform.proxmox-scsihw');
  });
  it('Proxmox keys count in Terraform files for Proxmox too: agent is the QEMU guest agent there only', () => {
    const tf = 'provider "proxmox" {}\nresource "proxmox_vm_qemu" "w" {\n  agent = 1\n}\n';
    assert.equal(cardOf('main.tf', tf, 'agent'), 'kvm.qemu-guest-agent');
    assert.equal(cardOf('main.tf', 'resource "libvirt_domain" "w" {\n  agent = 1\n}\n', 'agent'), undefined);
  });
  it('a tool\'s key names are that tool\'s only: vSphere variables in Packer, datastore_id and usbdevice in Proxmox, pcie-root-port in libvirt (its PCI controller, not VMware\'s bridge)', () => {
    const pkr = 'variable "vsphere_host" {}\nsource "vsphere-iso" "l" {\n  vcenter_server = var.vsphere_host\n}\n';
    assert.equal(cardOf('l.pkr.hcl', pkr, 'vsphere_host'), undefined);
    assert.equal(cardOf('main.tf', 'provider "vsphere" {\n  vsphere_server = var.vsphere_server\n}\n', 'vsphere_server'), 'esxi.terraform-vsphere');
    const tf = 'resource "proxmox_virtual_environment_vm" "a" {\n  disk {\n    datastore_id = "local-lvm"\n  }\n  usb {\n    mapping = "usbdevice1"\n  }\n}\n';
    assert.equal(cardOf('main.tf', tf, 'datastore_id'), 'platform.proxmox-storage');
    assert.equal(cardOf('main.tf', tf, 'usbdevice'), undefined);
    assert.equal(cardOf('main.tf', 'resource "vsphere_virtual_machine" "v" {\n  datastore_id = data.vsphere_datastore.d.id\n}\n', 'datastore_id'), 'esxi.datastore');
    assert.equal(cardOf('vm.xml', "<domain type='kvm'>\n  <controller type='pci' model='pcie-root-port'/>\n</domain>\n", 'pcie-root-port'), 'kvm.pci-controller');
    assert.equal(cardOf('vm.vmx', '.encoding = "UTF-8"\npciBridge4.virtualDev = "pcieRootPort"\n', 'pcieRootPort'), 'vmx.pcibridge');
    assert.equal(cardOf('w.pkr.hcl', 'packer {\n  required_plugins {\n    hyperv = { source = "github.com/hashicorp/hyperv" }\n  }\n}\n', 'hyperv'), 'hyperv');
  });
  it('third-batch shapes: KubeVirt rng, Hyper-V WMI class and method names; a Kata workload container is no containers-vs-VMs card', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nspec:\n  domain:\n    devices:\n      rng: {}\n';
    assert.equal(cardOf('vmi.yaml', yaml, 'rng'), 'kvm.virtio-rng');
    assert.equal(cardOf('x.yaml', 'rng: {}\n', 'rng'), undefined);
    const ps = '$c = [WMIClass]"root\\virtualization\\v2:Msvm_VirtualSystemSettingData"\n$r = $VMMS.DefineSystem($s)\n';
    assert.equal(cardOf('new.ps1', ps, 'Msvm_VirtualSystemSettingData'), 'hyperv.wmi-provider');
    assert.equal(cardOf('new.ps1', ps, 'DefineSystem'), 'hyperv.wmi-provider');
    const toml = '[hypervisor.qemu]\npath = "/usr/bin/qemu-system-x86_64"\n# stacks within the container. This will automatically\n';
    assert.equal(cardOf('configuration.toml', toml, 'container'), undefined);
  });
  it('a hyphenated package name is not an xl command: side-channel-list', () => {
    assert.deepEqual(cards('README.md', '# side-channel-list\n\nStore information about any JS value in a side channel.\n'), []);
    assert.equal(cardOf('ch.sh', '#!/bin/sh\nxl channel-list web01\n', 'xl channel-list'), 'xl.channel');
  });
  it('a Packer template\'s qemu builder is the Packer builder, and vagrant there is a user name', () => {
    const hcl = 'source "qemu" "d" {\n  boot_command = ["passwd/username=vagrant "]\n  shutdown_command = "echo \'vagrant\' | sudo -S shutdown -P now"\n}\n';
    assert.equal(cardOf('d.pkr.hcl', hcl, 'qemu'), 'tool.packer-qemu');
    assert.equal(cards('d.pkr.hcl', hcl).some(([t]) => t === 'vagrant'), false);
    assert.equal(cardOf('run.sh', '#!/bin/sh\nqemu-system-x86_64 -m 1G # plain qemu\n', 'qemu'), 'kvm.qemu');
  });
  it('KubeVirt: kind VirtualMachine is KubeVirt\'s object, memory.guest is the guest memory size', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  template:\n    spec:\n      domain:\n        memory:\n          guest: 1Gi\n';
    assert.equal(cardOf('vm.yaml', yaml, 'VirtualMachine'), 'kvm.kubevirt-vmi');
    assert.equal(cardOf('vm.yaml', yaml, 'guest'), 'kvm.guest-memory');
    // outside a memory: block a KubeVirt guest key is neither
    assert.equal(cardOf('vm.yaml', 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  guest: x\n', 'guest'), undefined);
  });
});

describe('how cards go wrong: 4. leftmost-longest is not always best', () => {
  it('"Hyper-V PowerShell Direct Service" is PowerShell Direct', () => {
    assert.equal(hover('notes.md', '## Hyper-V PowerShell Direct Service\n', 'PowerShell'), 'hyperv.powershell-direct');
  });
  it('in code a two-word alias does not join one line\'s last token to the next line\'s first', () => {
    const hcl = 'resource "libvirt_volume" "v" {\n  source = var.common_data_source\n  network = "default"\n}\n';
    assert.equal(cards('main.tf', hcl).some(([t]) => /source\s+network/.test(t)), false);
    // in prose and comments a term may wrap
    assert.equal(cards('notes.md', 'Both use live\nmigration.').some(([, id]) => id === 'concept.live-migration'), true);
    assert.equal(cards('x.sh', '#!/bin/sh\n# then live\n# migration moves it\n').some(([, id]) => id === 'concept.live-migration'), true);
  });
});

describe('how cards go wrong: 5. generic words with the wrong sense', () => {
  it('host: not known_hosts, host_vars, a URL host, vsphere.host or Ansible\'s hosts key', () => {
    const yml = '- hosts: hypervisors\n  vars_files: [host_vars/kvm01.yml]\n  tasks:\n    - community.libvirt.virt: { name: web, state: running }\n    - ansible.builtin.known_hosts: { name: kvm01 }\n';
    assert.equal(cards('site.yml', yml).some(([, id]) => id === 'concept.host'), false, JSON.stringify(cards('site.yml', yml)));
    const tf = 'provider "vsphere" {\n  vsphere_server = "vc01"\n}\nlocals { endpoint = var.vsphere.host }\n';
    assert.equal(cards('main.tf', tf).some(([, id]) => id === 'concept.host'), false);
  });
  it('"running on bare metal" is not the Type 1 card; QEMU\'s snapshot=on is not a saved snapshot', () => {
    assert.equal(cards('notes.md', 'Some services run on bare metal, next to the KVM hosts.').some(([, id]) => id === 'concept.type-1'), false);
    const sh = '#!/bin/sh\nqemu-system-x86_64 -enable-kvm -drive file=a.qcow2,snapshot=on\n';
    assert.equal(cards('run.sh', sh).some(([, id]) => id === 'concept.snapshot'), false);
    assert.equal(cardOf('snap.sh', 'virsh snapshot-list web  # a snapshot of the VM', 'snapshot'), 'concept.snapshot');
  });
  it('containerDisk is not the containers card, and a directory in a path is not the term', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nvolumes:\n  - containerDisk:\n      image: quay.io/kubevirt/demo\n';
    assert.equal(cards('vm.yaml', yaml).some(([, id]) => id === 'concept.containers-vs-vms'), false);
    assert.equal(cardOf('x.sh', '#!/bin/sh\nesxcli storage vmfs extent list\n', 'vmfs'), 'esxi.vmfs');
    assert.equal(cards('x.sh', '#!/bin/sh\ncat /boot/grub/grub.cfg /vmfs/volumes/ds1/x.vmx\n').some(([t]) => t === 'boot' || t === 'vmfs'), false);
  });
});

describe('how cards go wrong: 6. a near card instead of the right one', () => {
  it('Vagrant provider names get the provider card', () => {
    const vf = 'Vagrant.configure("2") do |config|\n  config.vm.provider "hyperv" do |h| end\n  config.vm.provider "virtualbox" do |v| end\n  config.vm.provider :libvirt do |l| end\nend\n';
    assert.equal(cardOf('Vagrantfile', vf, 'hyperv'), 'tool.vagrant-hyperv');
    assert.equal(cardOf('Vagrantfile', vf, 'virtualbox'), 'tool.vagrant-virtualbox');
    assert.equal(cardOf('Vagrantfile', vf, 'libvirt'), 'tool.vagrant-libvirt');
  });
  it('KubeVirt features.hyperv gets the enlightenments card; -FeatureName Microsoft-Hyper-V the optional feature', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  domain:\n    features:\n      hyperv:\n        relaxed: {}\n';
    assert.equal(cardOf('vm.yaml', yaml, 'hyperv'), 'kvm.hyperv-enlightenments');
    assert.equal(cardOf('f.ps1', 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All', 'Microsoft-Hyper-V'), 'hyperv.optional-feature');
  });
  it('getter cmdlets get a card that names them; createhd is not storagectl\'s', () => {
    for (const getter of ['Get-VMMemory', 'Get-VMProcessor']) {
      const id = cardOf('x.ps1', `Import-Module Hyper-V\n${getter} -VMName web`, getter);
      assert.ok(id && kb.get(id)!.aliases.includes(getter) && kb.get(id)!.body.includes(getter.slice(4)), `${getter} → ${id}`);
    }
    assert.notEqual(cardOf('vb.sh', 'VBoxManage createhd --filename a.vdi --size 100', 'createhd'), 'virtualbox.storagectl');
  });
});

describe('how cards go wrong: 7. terms real files need (spot checks that stay)', () => {
  it('CPU pinning, OVMF firmware files and Proxmox hostpci get cards', () => {
    assert.equal(cardOf('web.xml', "<domain type='kvm'>\n<cputune><vcpupin vcpu='0' cpuset='2'/></cputune>\n", 'vcpupin'), 'kvm.cputune');
    assert.equal(cardOf('run.sh', '#!/bin/sh\nqemu-system-x86_64 -drive if=pflash,file=OVMF_CODE.fd\n', 'OVMF_CODE.fd'), 'kvm.ovmf');
    assert.equal(cardOf('/etc/pve/qemu-server/101.conf', 'hostpci0: 0000:01:00,pcie=1\n', 'hostpci0'), 'platform.proxmox-hostpci');
  });
});
