/**
 * Held-out batches F and G, Hyper-V and name values: a generic word inside a name or id value is
 * no term, a KubeVirt disk's `name:` is a label; Hyper-V's Msvm_ WMI class family, cmdlet
 * parameters that are ordinary words only after their cmdlet, the Terraform provider's
 * references and keys.
 */
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';
import { labelValue } from '../../src/core/matching/boundaries';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { detectProfile } from '../../src/core/profile';

const DOMAIN = [
  '<domain type="kvm">',
  '  <name>vm1</name>',
  '  <uuid>vm0a1b2c3</uuid>',
  '  <memory unit="KiB">1048576</memory>',
  '  <os><type arch="x86_64" machine="pc">hvm</type></os>',
  '  <clock offset="localtime">',
  "    <timer name='rtc' tickpolicy='catchup'/>",
  '  </clock>',
  '  <description>The VM for lab 2</description>',
  '</domain>',
  '',
].join('\n');

const KUBEVIRT = [
  'apiVersion: kubevirt.io/v1',
  'kind: VirtualMachine',
  'spec:',
  '  template:',
  '    spec:',
  '      domain:',
  '        devices:',
  '          disks:',
  '            - name: containerdisk',
  '              disk:',
  '                bus: virtio',
  '      volumes:',
  '        - name: containerdisk',
  '          containerDisk:',
  '            image: quay.io/containerdisks/fedora:latest',
  '',
].join('\n');

const PS = [
  '$vmmsSettings = Get-WmiObject -namespace root\\virtualization\\v2 Msvm_VirtualSystemManagementServiceSettingData',
  '$vhdxPath = Join-Path $vmmsSettings.DefaultVirtualHardDiskPath "$VMName.vhdx"',
  '$kvp = Get-CimInstance -Namespace root\\virtualization\\v2 -ClassName Msvm_KvpExchangeComponent',
  'New-VM -Name vm1 -Generation 2 -SwitchName $VMSwitchName',
  'Set-VMProcessor $VMName -Count $VMProcessorCount',
  '$disks = (Get-VMHardDiskDrive -VMName $VMName).Count',
  'Set-VMFirmware $VMName -BootOrder $VMDvdDrive, $vmHardDiskDrive',
  '$NewVMName = "$($OriginalVM.Name) Gen2"',
  '',
].join('\n');

describe('held-out: a name value is a label, not a term', () => {
  it('a generic word run into digits in <name> or <uuid> gets no card; the elements keep theirs', () => {
    assert.equal(cardOf('vm1.xml', DOMAIN, 'vm1'), undefined);
    assert.equal(cardOf('vm1.xml', DOMAIN, 'vm0'), undefined);
    assert.equal(cardOf('vm1.xml', DOMAIN, 'uuid'), 'kvm.domain-uuid');
    // in prose text the same word is still a VM
    assert.equal(cardOf('vm1.xml', DOMAIN, 'VM for'), 'concept.virtual-machine');
  });
  it('an XML attribute name= is no label: <timer name="rtc"> keeps its card', () => {
    assert.equal(cardOf('vm1.xml', DOMAIN, 'rtc'), 'kvm.clock');
  });
  it('a KubeVirt disk or volume called containerdisk is a name; the containerDisk: key under it is the term', () => {
    assert.equal(cardOf('vm.yaml', KUBEVIRT, 'containerdisk'), undefined);
    assert.equal(cardOf('vm.yaml', KUBEVIRT, 'containerdisk', 1), undefined);
    assert.equal(cardOf('vm.yaml', KUBEVIRT, 'containerDisk:'), 'platform.kubevirt-containerdisk');
  });
  it('-Name vm1 in PowerShell is a name', () => {
    assert.equal(cardOf('new.ps1', PS, 'vm1'), undefined);
  });
  it('labelValue finds the one-word value of name keys, options and elements, and nothing else', () => {
    const at = (text: string, word: string) => labelValue(text, text.lastIndexOf(word), text.lastIndexOf(word) + word.length);
    assert.deepEqual(at('  - name: containerdisk\n', 'containerdisk'), [10, 23]);
    assert.ok(at('vm_name = "web-vm2"', 'vm'));
    assert.ok(at('virt-install --name vm1 --ram 1024', 'vm'));
    assert.equal(at('"host_dev_name": "tap0"', "tap"), undefined);
    assert.ok(at('"hostname": "vm3",', 'vm'));
    assert.equal(at('switch_name = "Default Switch"', 'Default Switch'), undefined);
    assert.equal(at('memory: vm1', 'vm'), undefined);
    assert.equal(at('- name: Create the vm', 'vm'), undefined);
    assert.equal(at("<timer name='rtc'/>", 'rtc'), undefined);
  });
});

describe('held-out: Hyper-V WMI classes, cmdlet parameters, Gen2', () => {
  it('any Msvm_ class is the WMI provider; a class with its own entry keeps it', () => {
    assert.equal(cardOf('new.ps1', PS, 'Msvm_VirtualSystemManagementServiceSettingData'), 'hyperv.wmi-provider');
    assert.equal(cardOf('new.ps1', PS, 'Msvm_KvpExchangeComponent'), 'hyperv.kvp');
  });
  it('the whole class name is the match', () => {
    const kb = bundledKnowledge();
    const p = detectProfile({ fileName: 'new.ps1', text: PS });
    const m = kb.matcher.scan(PS, { systems: p.systems, contexts: p.contexts, regions: p.regions }).find((x) => PS.slice(x.start, x.end).startsWith('Msvm_Virtual'));
    assert.equal(m && PS.slice(m.start, m.end), 'Msvm_VirtualSystemManagementServiceSettingData');
  });
  it('DefaultVirtualHardDiskPath is the host default Set-VMHost sets', () => {
    assert.equal(cardOf('new.ps1', PS, 'DefaultVirtualHardDiskPath'), 'hyperv.set-vmhost');
  });
  it('-Count after Set-VMProcessor is its parameter; .Count elsewhere and a variable are not', () => {
    assert.equal(cardOf('new.ps1', PS, 'Count $VMProcessorCount'), 'hyperv.set-vmprocessor');
    assert.equal(cardOf('new.ps1', PS, 'Count', 2), undefined);
    assert.equal(cardOf('new.ps1', PS, 'Count', 1), undefined);
  });
  it('New-VHD and Set-VMMemory parameters that are ordinary words count only in their call, backtick continuations included', () => {
    const ps = [
      "New-VHD -Path 'D:\\VMs\\web02.vhdx' -ParentPath 'D:\\base.vhdx' `",
      '        -Differencing',
      'Set-VMMemory -VMName web -Buffer 20 -Priority 80',
      '$disk = Get-VHD -Path $p; if ($disk.Dynamic) { Write-Host "Differencing disk, priority high, buffer 20" }',
      '',
    ].join('\n');
    assert.equal(cardOf('vhd.ps1', ps, 'ParentPath'), 'hyperv.new-vhd');
    assert.equal(cardOf('vhd.ps1', ps, 'Differencing'), 'hyperv.new-vhd');
    assert.equal(cardOf('vhd.ps1', ps, 'Buffer'), 'hyperv.set-vmmemory');
    assert.equal(cardOf('vhd.ps1', ps, 'Priority'), 'hyperv.set-vmmemory');
    assert.equal(cardOf('vhd.ps1', ps, 'Dynamic'), undefined);
    assert.equal(cardOf('vhd.ps1', ps, 'priority'), undefined);
    assert.equal(cardOf('vhd.ps1', ps, 'buffer'), undefined);
  });
  it('-BootOrder after Set-VMFirmware is its parameter', () => {
    assert.equal(cardOf('new.ps1', PS, 'BootOrder'), 'hyperv.set-vmfirmware');
  });
  it('Gen2 in a Hyper-V script is the VM generation, not in a file of another tool', () => {
    assert.equal(cardOf('new.ps1', PS, 'Gen2'), 'hyperv.generation');
    const other = 'lspci -vv | grep "LnkSta: Speed 5GT/s"  # PCIe Gen2 link\nqemu-system-x86_64 -m 2G\n';
    assert.equal(cardOf('pcie.sh', other, 'Gen2'), undefined);
  });
  it('Count in a file of another tool is no card', () => {
    const ts = 'const count = items.length;\nexport function total(list: number[]) { return list.Count; }\n';
    assert.equal(cardOf('a.ts', ts, 'Count'), undefined);
  });
});

const TF = [
  'resource "hyperv_machine_instance" "web" {',
  '  name            = "web"',
  '  checkpoint_type = "Production"',
  '  network_adaptors {',
  '    name          = "wan"',
  '    switch_name   = hyperv_network_switch.lan.name',
  '    management_os = false',
  '  }',
  '  hard_disk_drives {',
  '    path = hyperv_vhd.web.path',
  '  }',
  '}',
  'resource "azurerm_linux_virtual_machine" "app" {',
  '  tags = { env = "Production" }',
  '}',
  '',
].join('\n');

describe('held-out: the Terraform Hyper-V provider', () => {
  it('a resource reference TYPE.NAME.attribute names the resource type', () => {
    assert.equal(cardOf('hosts.tf', TF, 'hyperv_vhd.web'), 'tool.terraform-hyperv');
    assert.equal(cardOf('hosts.tf', TF, 'hyperv_network_switch.lan'), 'tool.terraform-hyperv');
  });
  it('checkpoint_type = "Production" is a checkpoint type; Production elsewhere is not', () => {
    assert.equal(cardOf('hosts.tf', TF, 'Production'), 'hyperv.checkpoint-type');
    assert.equal(cardOf('hosts.tf', TF, 'Production', 1), undefined);
  });
  it('management_os of a network adapter is the host adapter (-ManagementOS)', () => {
    assert.equal(cardOf('hosts.tf', TF, 'management_os'), 'hyperv.add-vmnetworkadapter');
  });
});
