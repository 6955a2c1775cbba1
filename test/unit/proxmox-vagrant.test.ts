/**
 * The fourth held-out batch's Proxmox, Packer proxmox-iso, Terraform Proxmox and Vagrant
 * findings (/work/heldout/D, judged.md): provider blocks as profile regions, one-word keys only
 * as keys, flags that are not their bare word. Each case is read as a scan and as a hover.
 */
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';
import { detectProfile } from '../../src/core/profile';


describe('held-out batch D: Vagrant provider blocks, whatever the block variable is called', () => {
  const vf =
    'Vagrant.configure("2") do |config|\n  # nested guests want memory\n  config.vm.provider :libvirt do |lv2, override|\n    lv2.nested = true\n    lv2.disk_bus = "virtio"\n    lv2.nic_model_type = "e1000"\n  end\n' +
    '  config.vm.provider "virtualbox" do |box|\n    box.customize ["modifyvm", :id, "--nested-hw-virt", "on"]\n  end\n  config.vm.provision "shell", inline: "echo nested disk_bus"\nend\n';
  it('a libvirt provider block is a region of its own, up to its end', () => {
    const p = detectProfile({ fileName: 'Vagrantfile', text: vf });
    const lv = p.regions.find((r) => r.contexts.includes('vagrant-libvirt'));
    const vb = p.regions.find((r) => r.contexts.includes('vagrant-virtualbox'));
    assert.ok(lv && vb, JSON.stringify(p.regions));
    assert.equal(vf.slice(lv.end - 3, lv.end), 'end');
    assert.ok(vf.slice(lv.start, lv.end).includes('nic_model_type') && !vf.slice(lv.start, lv.end).includes('virtualbox'));
  });
  it('its options get the provider cards under any variable name', () => {
    assert.equal(cardOf('Vagrantfile', vf, 'nested = true'), 'concept.nested-virtualization');
    assert.equal(cardOf('Vagrantfile', vf, 'disk_bus'), 'tool.vagrant-libvirt');
    assert.equal(cardOf('Vagrantfile', vf, 'nic_model_type'), 'tool.vagrant-libvirt');
  });
  it('outside the block the same words get no provider card', () => {
    assert.equal(cardOf('Vagrantfile', vf, 'disk_bus', 1), undefined);
    assert.equal(cardOf('Vagrantfile', vf, 'nested disk_bus'), undefined);
  });
  it('dotted forms: libvirt.memory, domain.storage, virtualbox.cpus', () => {
    const t = 'Vagrant.configure("2") do |c|\n  c.vm.provider :libvirt do |domain|\n    domain.memory = 2048\n    domain.storage :file, size: "20G", cache: "writeback"\n  end\n  c.vm.provider :virtualbox do |virtualbox|\n    virtualbox.cpus = 2\n  end\nend\n';
    assert.equal(cardOf('Vagrantfile', t, 'domain.memory'), 'tool.vagrant-libvirt');
    assert.equal(cardOf('Vagrantfile', t, 'domain.storage'), 'tool.vagrant-libvirt');
    assert.equal(cardOf('Vagrantfile', t, 'writeback'), 'kvm.drive');
    assert.equal(cardOf('Vagrantfile', t, 'virtualbox.cpus'), 'tool.vagrant-virtualbox');
  });
});

describe('held-out batch D: Proxmox keys in Packer and Terraform', () => {
  const pkr = 'source "proxmox-iso" "x" {\n  node = "pve"\n  vm_id = 9000\n  memory = 2048\n  boot = "order=scsi0;ide2"\n  vga {\n    type = "std"\n  }\n}\nbuild {\n  # every node boots with memory to spare\n  sources = ["source.proxmox-iso.x"]\n}\n';
  it('inside the proxmox-iso block they are the VM\'s settings', () => {
    assert.equal(cardOf('b.pkr.hcl', pkr, 'node'), 'kvm.proxmox');
    assert.equal(cardOf('b.pkr.hcl', pkr, 'vm_id'), 'kvm.proxmox');
    assert.equal(cardOf('b.pkr.hcl', pkr, 'memory'), 'kvm.guest-memory');
    assert.equal(cardOf('b.pkr.hcl', pkr, 'boot'), 'kvm.boot-order');
    assert.equal(cardOf('b.pkr.hcl', pkr, 'vga'), 'kvm.video');
  });
  it('a build block\'s source reference names the builder', () => {
    assert.equal(cardOf('b.pkr.hcl', pkr, 'proxmox-iso', 1), 'tool.packer-proxmox');
    assert.equal(cardOf('b.pkr.hcl', 'build {\n  sources = ["qemu.u"]\n}\n', 'qemu'), 'tool.packer-qemu');
    assert.equal(cardOf('notes.sh', '#!/bin/sh\necho "proxmox-iso.log"\n', 'proxmox-iso'), undefined);
  });
  it('in the build block\'s comment they are words', () => {
    assert.equal(cardOf('b.pkr.hcl', pkr, 'node', 1), undefined);
    assert.equal(cardOf('b.pkr.hcl', pkr, 'memory', 1), undefined);
  });
  const tf = 'resource "proxmox_vm_qemu" "w" {\n  target_node = "pve"\n  boot = "order=scsi0;net0"\n  tablet = true\n  full_clone = false\n  memory = var.memory\n  description = "resize before the first boot"\n}\nvariable "memory" {\n  default = 2048\n}\n';
  it('Telmate keys get their cards; a sentence in a string and a variable\'s label do not', () => {
    assert.equal(cardOf('m.tf', tf, 'proxmox_vm_qemu'), 'tool.terraform-proxmox');
    assert.equal(cardOf('m.tf', tf, 'target_node'), 'kvm.proxmox');
    assert.equal(cardOf('m.tf', tf, 'boot'), 'kvm.boot-order');
    assert.equal(cardOf('m.tf', tf, 'tablet'), 'kvm.usb-tablet');
    assert.equal(cardOf('m.tf', tf, 'full_clone'), 'concept.linked-clone');
    assert.equal(cardOf('m.tf', tf, 'boot', 1), undefined);
    assert.equal(cardOf('m.tf', tf, 'memory', 2), undefined);
  });
  it('a VMX heredoc\'s scsi0:0.present does not make a shell script a Proxmox file', () => {
    const sh = '#!/bin/sh\ncat > x.vmx <<EOF\nscsi0:0.present = "TRUE"\nEOF\ngovc host.storage.mark -ssd "$d"\n';
    assert.ok(!detectProfile({ fileName: 'make.sh', text: sh }).tools.includes('proxmox'));
    assert.ok(detectProfile({ fileName: '100.conf', text: 'scsi0: local-lvm:vm-100-disk-0,ssd=1\n' }).tools.includes('proxmox'));
  });
});

describe('held-out batch D: a flag is not its bare word', () => {
  it('-vga and -cpu keep their cards where vga and cpu are scoped to Proxmox', () => {
    const pkr = 'source "qemu" "x" {\n  qemuargs = [\n    ["-vga", "qxl"],\n    ["-cpu", "host"],\n  ]\n}\n';
    assert.equal(cardOf('q.pkr.hcl', pkr, 'vga'), 'kvm.video');
    assert.equal(cardOf('q.pkr.hcl', pkr, 'cpu'), 'kvm.cpu-model');
    assert.equal(cardOf('101.conf', 'ostype: l26\ncpu: host\nvga: qxl\n', 'cpu'), 'kvm.cpu-model');
  });
});

describe('held-out batch D: an alias out of scope leaves room for a shorter one', () => {
  it('"the VM ID" in a Hyper-V script is a VM, while vm_id is Proxmox\'s key in Packer', () => {
    const ps = 'Import-Module Hyper-V\n# If the VM ID is already used, copy the VM\nNew-VM -Name dc\n';
    assert.equal(cardOf('deploy.ps1', ps, 'VM ID'), 'concept.virtual-machine');
    assert.equal(cardOf('b.pkr.hcl', 'source "proxmox-iso" "x" {\n  vm_id = 9000\n}\n', 'vm_id'), 'kvm.proxmox');
  });
});
