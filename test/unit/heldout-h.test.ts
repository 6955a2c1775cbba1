/**
 * The eighth held-out batch's wrong and imprecise cards (docs/reviews/heldout-h.md): Proxmox `vga`
 * memory, xl.cfg device-spec keys, prose "guest OS", script variables and names a file gives
 * (`$vmid`, `id=tpm0`, a Vagrant machine, a script's own function parameters), libvirt's
 * `<qemu:override>` and `-BootDevice VHD`. Each case is read as a scan and as a hover.
 */
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';

describe('held-out batch H: the wrong and imprecise cards', () => {
  it('memory in a Proxmox vga block, vga: line or --vga value is the video memory', () => {
    const tf = 'resource "proxmox_virtual_environment_vm" "vm" {\n  node_name = "pve"\n  memory {\n    dedicated = 4096\n  }\n  vga {\n    type   = "qxl"\n    memory = 16\n  }\n}\n';
    assert.equal(cardOf('main.tf', tf, 'memory =', 0), 'kvm.video');
    assert.equal(cardOf('main.tf', tf, 'memory {', 0), 'platform.proxmox-memory');
    assert.equal(cardOf('main.tf', tf, 'dedicated'), 'platform.proxmox-memory');
    const pkr = 'source "proxmox-iso" "w" {\n  node = "pve"\n  memory = 4096\n  vga {\n    type   = "virtio"\n    memory = 32\n  }\n}\n';
    assert.equal(cardOf('w.pkr.hcl', pkr, 'memory', 0), 'kvm.guest-memory');
    assert.equal(cardOf('w.pkr.hcl', pkr, 'memory', 1), 'kvm.video');
    const sh = '#!/bin/bash\nqm create 100 --memory 4096 --vga qxl,memory=64 --cores 2\n';
    assert.equal(cardOf('make.sh', sh, 'memory 4096'), 'platform.proxmox-memory');
    assert.equal(cardOf('make.sh', sh, 'memory=64'), 'kvm.video');
  });
  it('type= inside an xl.cfg vif spec is the vif type; the top-level type key is the guest type', () => {
    const cfg = 'name = "g"\ntype = "hvm"\nmemory = 2048\nvif = [ "type=ioemu,model=e1000,bridge=xenbr0" ]\nusbctrl = [ "type=qusb,version=2" ]\n';
    assert.equal(cardOf('g.cfg', cfg, 'type', 0), 'xl.type');
    assert.equal(cardOf('g.cfg', cfg, 'type=ioemu'), 'xl.vif');
    assert.notEqual(cardOf('g.cfg', cfg, 'type=qusb'), 'xl.type');
  });
  it('prose "guest OS" is the guest; guestOS is the .vmx key only in a .vmx or Packer VMware file', () => {
    const md = 'Shadow page tables are costly, and sometimes it is desirable for the guest OS to see real resources, as in Xen.\n';
    assert.equal(cardOf('xen.md', md, 'guest OS'), 'concept.guest');
    const vmx = '.encoding = "UTF-8"\nconfig.version = "8"\nvirtualHW.version = "19"\nguestOS = "ubuntu-64"\n';
    assert.equal(cardOf('u.vmx', vmx, 'guestOS'), 'vmx.guestos');
    const hcl = 'source "vmware-iso" "w" {\n  guest_os_type = "windows2019srv-64"\n  vmx_data = {\n    "guestOS" = "windows2019srv-64"\n  }\n}\n';
    assert.equal(cardOf('w.pkr.hcl', hcl, 'guestOS'), 'vmx.guestos');
  });
  it('a lower-case product name as a whole script variable gets no card; the command it feeds keeps its', () => {
    const sh = '#!/bin/bash\nvmid=`pvesh get /cluster/nextid`\nqm create $vmid --memory 4096\nqm set $vmid --cores 2\n';
    assert.equal(cardOf('make.sh', sh, 'vmid', 0), undefined);
    assert.equal(cardOf('make.sh', sh, 'vmid', 1), undefined);
    assert.equal(cardOf('make.sh', sh, 'vmid', 2), undefined);
    assert.equal(cardOf('make.sh', sh, 'qm create'), 'kvm.qm');
    const ps = '$hyperv = Get-WindowsOptionalFeature -FeatureName Microsoft-Hyper-V-All -Online\nif ($hyperv.State -eq "Enabled") { Write-Host "Hyper-V is on" }\n';
    assert.equal(cardOf('e.ps1', ps, 'hyperv', 0), undefined);
    assert.equal(cardOf('e.ps1', ps, 'hyperv', 1), undefined);
    assert.equal(cardOf('e.ps1', ps, 'Hyper-V is'), 'hyperv');
    // a Proxmox Terraform key of that name is still the VMID
    assert.equal(cardOf('main.tf', 'resource "proxmox_virtual_environment_vm" "vm" {\n  node_name = "pve"\n  vm_id = 100\n}\n', 'vm_id'), 'kvm.proxmox');
  });
  it('a term inside a QEMU id= value or an id reference is a name', () => {
    const sh = '#!/bin/sh\nqemu-system-x86_64 -enable-kvm \\\n  -chardev socket,id=chrtpm,path=/tmp/swtpm-sock \\\n  -tpmdev emulator,id=tpm0,chardev=chrtpm -device tpm-tis,tpmdev=tpm0 \\\n  -object iothread,id=iothread0\n';
    assert.equal(cardOf('q.sh', sh, 'tpm0', 0), undefined);
    assert.equal(cardOf('q.sh', sh, 'tpm0', 1), undefined);
    assert.equal(cardOf('q.sh', sh, 'iothread0'), undefined);
    assert.equal(cardOf('q.sh', sh, 'tpm-tis'), 'hw.tpm');
    assert.equal(cardOf('q.sh', sh, 'iothread,'), 'kvm.iothread');
    assert.equal(cardOf('q.sh', sh, 'chardev socket'), 'kvm.chardev');
  });
  it("libvirt's qemu:override elements get the libvirt pass-through card, open and closed", () => {
    const xml = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n  <name>w</name>\n  <qemu:override>\n    <qemu:device alias='ua-disk'>\n      <qemu:frontend>\n        <qemu:property name='discard_granularity' type='unsigned' value='33554432'/>\n      </qemu:frontend>\n    </qemu:device>\n  </qemu:override>\n</domain>\n";
    for (const t of ['qemu:override', 'qemu:device', 'qemu:frontend', 'qemu:property', '/qemu:frontend', '/qemu:device', '/qemu:override']) {
      assert.equal(cardOf('w.xml', xml, t, 0, t.startsWith('/') ? 1 : 0), 'kvm.qemu-commandline', t);
    }
  });
  it("a -Parameter of the script's own function is not the cmdlet's; -BootDevice VHD is New-VM's boot device", () => {
    const ps = [
      'function Dismount-CustomVM {',
      '  param([bool]$Exists, [string]$VHDPath, [string]$VMName)',
      '  Dismount-VHD -Path $VHDPath',
      '}',
      'New-VM -Name w -MemoryStartupBytes 8GB -BootDevice VHD -NewVHDPath $p -NewVHDSizeBytes 60GB -Generation 2',
      'New-VM -Name x -VHDPath $p',
      'Dismount-CustomVM -Exists $true -VHDPath $p -VMName w',
      '',
    ].join('\n');
    assert.equal(cardOf('w.ps1', ps, '-VHDPath $p -VMName', 0, 1), undefined);
    assert.equal(cardOf('w.ps1', ps, '-VHDPath $p\n', 0, 1), 'hyperv.new-vhd-path');
    assert.equal(cardOf('w.ps1', ps, 'VHD -New'), 'hyperv.new-vm');
    assert.equal(cardOf('w.ps1', ps, 'NewVHDPath'), 'hyperv.new-vhd-path');
  });
  it("a Vagrant machine's name and a block parameter are names; a provider's name is the provider", () => {
    const rb = 'Vagrant.configure("2") do |config|\n  config.vm.define "kvm" do |kvm|\n    kvm.vm.box = "generic/ubuntu2204"\n    kvm.vm.provider "hyperv" do |hyperv|\n      hyperv.memory = 2048\n    end\n  end\nend\n';
    assert.equal(cardOf('Vagrantfile', rb, 'kvm', 0), undefined);
    assert.equal(cardOf('Vagrantfile', rb, 'kvm', 1), undefined);
    assert.equal(cardOf('Vagrantfile', rb, '"hyperv"', 0, 1), 'tool.vagrant-hyperv');
    assert.equal(cardOf('Vagrantfile', rb, '|hyperv|', 0, 1), undefined);
  });
});
