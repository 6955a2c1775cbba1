import * as assert from 'node:assert/strict';
import { PROFILE_CHARS, detectProfile, type ProfileInput } from '../../src/core/profile';

const tools = (input: ProfileInput) => detectProfile(input).tools;
const has = (input: ProfileInput, tool: string) => tools(input).includes(tool as never);

describe('document profile: one detector at a time', () => {
  const cases: [string, ProfileInput, ProfileInput][] = [
    ['packer', { fileName: 'win.pkr.hcl', text: 'source "hyperv-iso" "win" {\n  iso_url = "x"\n}' }, { fileName: 'main.hcl', text: 'source = "hyperv-iso"\n' }],
    ['packer', { fileName: 'template.json', languageId: 'json', text: '{\n  "builders": [ { "type": "qemu" } ]\n}' }, { fileName: 'package.json', languageId: 'json', text: '{ "name": "x", "builders": "none" }' }],
    ['terraform', { fileName: 'main.tf', text: 'resource "vsphere_virtual_machine" "vm" {\n}' }, { fileName: 'notes.md', text: 'Write resource "vsphere_virtual_machine" blocks.' }],
    ['terraform', { languageId: 'terraform', text: '' }, { languageId: 'hcl', text: 'variable "x" {}' }],
    ['ansible', { fileName: 'site.yml', text: '- hosts: hypervisors\n  tasks:\n    - community.libvirt.virt:\n' }, { fileName: 'compose.yml', text: 'services:\n  web:\n    image: nginx\n' }],
    ['ansible', { fileName: 'vm.yaml', text: '- name: make vm\n  community.vmware.vmware_guest:\n    name: x\n' }, { fileName: 'values.yaml', text: 'vmware:\n  guest: x\n' }],
    ['vagrant', { fileName: 'Vagrantfile', text: '' }, { fileName: 'vagrant.md', text: 'Vagrant is a tool.' }],
    ['vagrant', { fileName: 'setup.rb', text: 'Vagrant.configure("2") do |config|\nend' }, { fileName: 'setup.rb', text: 'class Vagrant; end' }],
    ['kubevirt', { fileName: 'vm.yaml', text: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\n' }, { fileName: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\n# see kubevirt.io/docs\n' }],
    ['kata', { fileName: 'configuration-qemu.toml', text: '' }, { fileName: 'Cargo.toml', text: '[package]\nname = "x"\n' }],
    ['kata', { fileName: 'kata.toml', text: '[hypervisor.qemu]\npath = "/usr/bin/qemu-system-x86_64"\n' }, { fileName: 'x.toml', text: '[hypervisor]\n' }],
    ['proxmox', { fileName: '/etc/pve/qemu-server/100.conf', text: '' }, { fileName: '/etc/nginx/nginx.conf', text: 'server {}' }],
    ['proxmox', { fileName: 'main.tf', text: 'provider "proxmox" {}\nresource "proxmox_vm_qemu" "w" {\n  agent = 1\n}\n' }, { fileName: 'main.tf', text: 'resource "libvirt_domain" "w" {\n  name = "proxmox"\n}\n' }],
    ['proxmox', { fileName: 'vm.conf', text: 'bootdisk: scsi0\nscsihw: virtio-scsi-pci\nnet0: virtio=AA:BB,bridge=vmbr0\n' }, { fileName: 'vm.conf', text: 'name = "x"\nmemory = 512\n' }],
    ['qemu-cli', { fileName: 'run.sh', text: '#!/bin/sh\nqemu-system-x86_64 -enable-kvm -m 2G \\\n  -drive file=a.qcow2' }, { fileName: 'run.sh', text: '#!/bin/sh\necho see the qemu-system docs page' }],
    ['virsh', { fileName: 'snap.sh', text: 'virsh snapshot-create-as web snap1\n' }, { fileName: 'x.sh', text: 'echo virshell\n' }],
    ['libvirt-xml', { fileName: 'web.xml', text: "<domain type='kvm'>\n  <name>web</name>\n</domain>" }, { fileName: 'pom.xml', text: '<project><domain>example.com</domain></project>' }],
    // the QEMU namespace declared before the type (virt-manager and hand-written domains)
    ['libvirt-xml', { fileName: 'win11.xml', text: '<domain xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0" type="kvm">\n  <name>w</name>\n</domain>' }, { fileName: 'site.xml', text: '<domain xmlns="urn:x" kind="kvm">\n</domain>' }],
    // an Ansible role's Jinja template of a domain: the engine comes from a variable
    ['libvirt-xml', { fileName: 'templates/vm.xml.j2', text: "<domain type='{{ libvirt_vm_engine }}'>\n  <name>{{ vm.name }}</name>\n</domain>" }, { fileName: 'site.xml.j2', text: "<site domain='{{ fqdn }}'/>" }],
    ['hyperv-powershell', { fileName: 'lab.ps1', text: 'Import-Module Hyper-V\n' }, { fileName: 'lab.ps1', text: 'Get-Process | Stop-Process\n' }],
    ['hyperv-powershell', { fileName: 'lab.ps1', text: 'New-VM -Name lab -Generation 2\n' }, { fileName: 'lab.ps1', text: 'New-VMwareThing\n' }],
    ['powercli', { fileName: 'vc.ps1', text: 'Import-Module VMware.PowerCLI\nConnect-VIServer vc01' }, { fileName: 'vc.ps1', text: 'Connect-AzAccount\n' }],
    ['govc', { fileName: 'deploy.sh', text: 'export GOVC_URL=https://vc/sdk\ngovc vm.power -on web' }, { fileName: 'deploy.sh', text: 'go vet ./...\n' }],
    ['vboxmanage', { fileName: 'vb.sh', text: 'VBoxManage modifyvm web --memory 2048' }, { fileName: 'vb.sh', text: 'echo vbox\n' }],
    ['vmx', { languageId: 'vmware-vmx', text: '' }, { fileName: 'vmx.txt', text: 'the vmx flag' }],
    ['xl-cfg', { languageId: 'xen-xl', text: '' }, { fileName: 'app.cfg', text: '[section]\nkey=value\n' }],
    ['xl-cfg', { fileName: 'guest.cfg', text: 'name = "g"\ntype = "pvh"\nvif = [ "bridge=xenbr0" ]\n' }, { fileName: 'guest.cfg', text: 'type = "web"\n' }],
    // libvirt's Terraform provider writes the same `type = "hvm"` inside `os { }`
    ['xl-cfg', { fileName: 'win10.hvm', text: 'builder = "hvm"\nmemory = 4096\n' }, { fileName: 'main.tf', text: 'resource "libvirt_domain" "vm" {\n  os {\n    type = "hvm"\n  }\n}\n' }],
    ['cloud-init', { fileName: 'user-data', text: '#cloud-config\nusers: []\n' }, { fileName: 'user-data', text: '# config\n' }],
    ['kickstart', { fileName: 'anaconda-ks.cfg', text: '' }, { fileName: 'x.cfg', text: 'partition = 1\n' }],
  ];
  for (const [tool, yes, no] of cases) {
    it(`${tool}: ${yes.fileName ?? yes.languageId} yes, ${no.fileName ?? no.languageId} no`, () => {
      assert.ok(has(yes, tool), `expected ${tool} in ${JSON.stringify(tools(yes))}`);
      assert.ok(!has(no, tool), `did not expect ${tool} in ${JSON.stringify(tools(no))}`);
    });
  }
});

describe('document profile: formats and systems', () => {
  it('takes the format from the language id, the extension or a shebang', () => {
    assert.deepEqual(detectProfile({ languageId: 'powershell' }).formats, ['powershell']);
    assert.deepEqual(detectProfile({ fileName: 'a/b/main.tf' }).formats, ['hcl']);
    assert.deepEqual(detectProfile({ fileName: 'Vagrantfile' }).formats, ['ruby']);
    assert.deepEqual(detectProfile({ fileName: 'README.md' }).formats, ['prose']);
    assert.deepEqual(detectProfile({ fileName: 'run', text: '#!/usr/bin/env bash\necho' }).formats, ['shell']);
    assert.deepEqual(detectProfile({ fileName: 'x' }).formats, []);
  });

  it('gives the systems a tool implies, and a builder or resource type names', () => {
    assert.deepEqual(detectProfile({ fileName: 'web.vmx', text: '' }).systems, ['esxi', 'workstation']);
    assert.deepEqual(detectProfile({ fileName: 'a.pkr.hcl', text: 'source "hyperv-iso" "w" {}\n' }).systems, ['hyperv']);
    assert.deepEqual(detectProfile({ fileName: 'main.tf', text: 'resource "libvirt_domain" "d" {}\n' }).systems, ['kvm']);
    assert.deepEqual(detectProfile({ fileName: 'main.tf', text: 'provider "vsphere" {}\n' }).systems, ['esxi']);
    assert.deepEqual(detectProfile({ fileName: 'vm.yaml', text: 'apiVersion: kubevirt.io/v1\n' }).systems, ['kvm']);
    assert.deepEqual(detectProfile({ fileName: 'x.vbox', text: '<VirtualBox/>' }).systems, ['virtualbox']);
  });

  it('a PowerCLI script is a Hyper-V script too only when it uses Hyper-V\'s own cmdlets', () => {
    const vc = 'Import-Module VMware.PowerCLI\nConnect-VIServer vc01\nGet-VM -Name web | Move-VM -Destination $folder\n';
    assert.deepEqual(detectProfile({ fileName: 'vc.ps1', text: vc }).tools, ['powercli']);
    assert.deepEqual(detectProfile({ fileName: 'vc.ps1', text: vc }).systems, ['esxi']);
    const both = `${vc}Get-VMSwitch -Name External\n`;
    assert.deepEqual(detectProfile({ fileName: 'both.ps1', text: both }).tools, ['hyperv-powershell', 'powercli']);
    assert.deepEqual(detectProfile({ fileName: 'both.ps1', text: both }).systems, ['hyperv', 'esxi']);
    assert.deepEqual(detectProfile({ fileName: 'hv.ps1', text: 'Get-VM -Name web | Stop-VM\n' }).systems, ['hyperv']);
  });

  it('finds KubeVirt objects listed in an OpenShift Template', () => {
    const tpl = 'apiVersion: template.openshift.io/v1\nkind: Template\nobjects:\n- apiVersion: kubevirt.io/v1\n  kind: VirtualMachine\n';
    assert.deepEqual(detectProfile({ fileName: 'win.tpl.yaml', text: tpl }).tools, ['kubevirt']);
    assert.deepEqual(detectProfile({ fileName: 'win.tpl.yaml', text: tpl }).systems, ['kvm']);
    assert.deepEqual(detectProfile({ fileName: 'x.yaml', text: 'items:\n- name: kubevirt.io/v1\n' }).tools, []);
  });

  it('a Markdown note keeps the tools it shows, not their systems', () => {
    const p = detectProfile({ fileName: 'notes.md', text: '```sh\nqemu-system-x86_64 -m 1G\n```\n' });
    assert.deepEqual(p.tools, ['qemu-cli']);
    assert.deepEqual(p.systems, []);
    assert.deepEqual(p.contexts, ['qemu-cli', 'prose']);
  });

  it('reads only the first PROFILE_CHARS characters', () => {
    const late = `${'x'.repeat(PROFILE_CHARS)}\nVagrant.configure("2") do |c| end`;
    assert.ok(!has({ fileName: 'x.rb', text: late }, 'vagrant'));
    assert.ok(has({ fileName: 'x.rb', text: late.slice(PROFILE_CHARS - 10) }, 'vagrant'));
  });

  it('stays fast on a long line with no line break (best of 5, after a warm-up that compiles the patterns)', () => {
    const text = 'a'.repeat(5_000_000);
    detectProfile({ fileName: 'x.sh', text });
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      detectProfile({ fileName: 'x.sh', text });
      best = Math.min(best, performance.now() - t0);
    }
    assert.ok(best < 10, `profile took ${best.toFixed(1)} ms`);
  });
});

describe('document profile: Packer builder blocks', () => {
  const regionOf = (text: string, fileName: string, needle: string) => {
    const at = text.indexOf(needle);
    return detectProfile({ fileName, text }).regions.find((r) => r.start <= at && at < r.end)?.contexts;
  };

  it('an HCL source block is its builder\'s region, up to its closing brace, past braces in strings and comments', () => {
    const hcl = 'variable "guest_os_type" {}\nsource "hyperv-iso" "w" {\n  boot_command = ["{ not a block"] # }\n  guest_additions_mode = "disable"\n}\nsource "virtualbox-iso" "v" {\n  guest_additions_mode = "upload"\n}\n';
    assert.deepEqual(regionOf(hcl, 'w.pkr.hcl', 'guest_additions_mode = "disable"'), ['packer-hyperv', 'hyperv']);
    assert.deepEqual(regionOf(hcl, 'w.pkr.hcl', 'guest_additions_mode = "upload"'), ['packer-virtualbox', 'virtualbox']);
    assert.equal(regionOf(hcl, 'w.pkr.hcl', 'variable'), undefined);
  });

  it('a JSON builder object is its "type"\'s region wherever the key sits in it, not a nested object\'s type', () => {
    const json = '{\n  "builders": [\n    { "guest_os_type": "windows9-64", "vmx_data": { "type": "x" }, "type": "vmware-iso" },\n    { "type": "virtualbox-iso", "guest_os_type": "Windows10_64" },\n    { "type": "parallels-iso", "guest_os_type": "win-10" }\n  ],\n  "post-processors": [ { "type": "vagrant" } ]\n}\n';
    assert.deepEqual(regionOf(json, 'w.json', '"windows9-64"'), ['packer-vmware', 'workstation']);
    assert.deepEqual(regionOf(json, 'w.json', '"Windows10_64"'), ['packer-virtualbox', 'virtualbox']);
    assert.equal(regionOf(json, 'w.json', '"win-10"'), undefined);
    assert.equal(regionOf(json, 'w.json', '"vagrant"'), undefined);
  });

  it('a Terraform block of the Hyper-V provider is a terraform-hyperv region; other providers\' blocks are not', () => {
    const tf = 'resource "hyperv_machine_instance" "w" {\n  vm_processor {\n    maximum = 100\n  }\n}\nresource "libvirt_domain" "k" {\n  vcpu = 2\n}\n';
    assert.deepEqual(regionOf(tf, 'main.tf', 'maximum'), ['terraform-hyperv']);
    assert.equal(regionOf(tf, 'main.tf', 'vcpu'), undefined);
  });

  it('other documents have no regions', () => {
    assert.deepEqual(detectProfile({ fileName: 'main.tf', text: 'resource "libvirt_domain" "w" {\n  type = "kvm"\n}\n' }).regions, []);
  });
});
