import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { inPathOrFileName } from '../../src/core/matching/paths';
import { detectProfile } from '../../src/core/profile';

const kb = bundledKnowledge();
/** The cards a file of that name gets: [text, id]. */
const cards = (fileName: string, text: string) => {
  const p = detectProfile({ fileName, text });
  return kb.matcher.scan(text, { systems: p.systems, contexts: p.contexts, regions: p.regions }).map((m) => [text.slice(m.start, m.end), m.id]);
};
const at = (text: string, term: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(term, i + 1);
  return inPathOrFileName(text, i, i + term.length);
};

describe('terms inside paths and file names', () => {
  it('reads a Windows folder as a folder: after \\, or a first folder before \\ and a name', () => {
    const t = '$vhdpath = "C:\\ClusterStorage\\Volume1\\VMs\\$name\\Virtual Hard Disks\\$name.vhdx"';
    assert.equal(at(t, 'VMs'), true);
    assert.equal(at(t, 'Virtual Hard Disks'), true);
    assert.equal(at(t, 'vhdx'), false, 'the extension names the format');
    assert.equal(at(t, 'ClusterStorage'), false, 'a CamelCase folder an entry lists');
    assert.equal(at('Join-Path $root "VMs\\$name"', 'VMs'), true);
    assert.equal(at('Write-Host "guest\\n"', 'guest'), false, 'an escape is no folder');
    assert.equal(at('Hyper-V\\Get-VM -Name web', 'Hyper-V'), false, 'a module-qualified cmdlet');
    assert.equal(at('Hyper-V\\Get-VM -Name web', 'Get-VM'), false);
    assert.equal(at('"$env:ProgramData\\Microsoft\\Windows\\Hyper-V"', 'Hyper-V'), true, 'Hyper-V is no cmdlet');
    assert.equal(at('Start-Process "$env:windir\\system32\\MBR2GPT.EXE" -Wait', 'MBR2GPT.EXE'), false, 'a program file the path ends in');
    assert.equal(at('"C:\\Tools\\mbr2gpt.exe\\logs"', 'mbr2gpt.exe'), true, 'a folder, though named like a program');
  });

  it('reads POSIX folders and parts of a last segment, but keeps extensions, device nodes and programs', () => {
    assert.equal(at('-chroot /var/run/xen/qemu-root-<domid>', 'xen'), true);
    assert.equal(at('-chroot /var/run/xen/qemu-root-<domid>', 'qemu'), true);
    assert.equal(at('config.vm.synced_folder ".", "/vagrant"', 'vagrant'), true);
    assert.equal(at('file=/var/lib/vm/web01.qcow2', 'qcow2'), false);
    assert.equal(at('extra = "root=/dev/xvda1"', 'xvda'), false);
    assert.equal(at('opens /dev/xen/gntdev', 'gntdev'), false, 'kernel file systems name kernel objects');
    assert.ok(cards('n.md', 'A virtio-blk disk shows up in Linux guests as /dev/vda.\n').some(([t]) => t === 'vda'));
    assert.equal(at('check /sys/kernel/iommu_groups/ first', 'iommu_groups'), false);
    assert.equal(at('--firmware ./hypervisor-fw', 'hypervisor-fw'), false, 'a whole named file');
    assert.equal(at('ls /var/run/xen', 'xen'), true, 'a folder as the last segment');
    assert.equal(at('the [shim](../src/cmd/containerd-shim-kata-v2) binary', 'containerd-shim-kata-v2'), true, 'a relative link target');
    assert.equal(at('<emulator>/usr/bin/qemu-system-x86_64</emulator>', 'qemu-system-x86_64'), false);
    assert.equal(at('<vcpu>2</vcpu>', 'vcpu', 1), false, 'a closing tag is no path');
    assert.equal(at('KVM/QEMU and Xen', 'QEMU'), false, 'alternatives in prose are no path');
    assert.equal(at('$($c.MemoryMinimumBytes/1MB)', 'MemoryMinimumBytes'), false, 'a division is no path');
    assert.equal(at('govc events "vm/$name"', 'vm'), true, 'a relative first folder before a variable');
  });

  it('reads the base of a file name and a lower-case bracketed label, not a whole one', () => {
    assert.equal(at('xen-mapcache.c already maps', 'xen'), true);
    assert.equal(at('--disk=/tmp/guest50.img,size=10', 'guest'), true);
    assert.equal(at('(see [qemu-namespaces]).', 'qemu'), true);
    assert.equal(at('[hypervisor.qemu]', 'qemu'), false, 'a TOML table');
    assert.equal(at('see [Hyper-V]', 'Hyper-V'), false, 'the whole label is the term');
  });

  it('keeps an entry whose alias is a path: /dev/kvm, root\\virtualization\\v2', () => {
    assert.deepEqual(cards('run.sh', '#!/bin/sh\nls -l /dev/kvm\n'), [['dev/kvm', 'kvm.dev-kvm']]);
    assert.ok(cards('wmi.ps1', 'Get-CimInstance -Namespace root\\virtualization\\v2 -ClassName Msvm_ComputerSystem\n').some(([, id]) => id === 'hyperv.wmi-provider'));
  });

  it('gives no card on those in real files, and keeps the cards around them', () => {
    const ps = 'New-VM -Name $name -Path "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\VMs" -VHDPath "D:\\VMs\\$name\\Virtual Hard Disks\\$name.vhdx"\n';
    assert.deepEqual(cards('lab.ps1', ps).map(([t]) => t), ['New-VM', 'VHDPath', 'vhdx']);
    const md = 'QEMU runs chrooted in `/var/run/xen/qemu-root-<domid>`; see [qemu-namespaces] and xen-mapcache.c.\n\n[qemu-namespaces]: https://example.org/x\n';
    assert.deepEqual(cards('notes.md', md), [['QEMU', 'kvm.qemu']]);
  });
});

describe('identifiers that only start with a term', () => {
  it('reads a number that goes on as a name as part of that name', () => {
    const tf = 'resource "libvirt_domain" "vm1" {\n  vcpu = 2\n  disk { volume_id = libvirt_volume.vm1_disk.id }\n}\noutput "vm1_id" {}\n# VM1 runs on KVM\n';
    const vms = cards('main.tf', tf).filter(([, id]) => id === 'concept.virtual-machine').map(([t]) => t);
    assert.deepEqual(vms, ['vm', 'VM'], 'the VM named vm1 and VM1, not vm1_disk or vm1_id');
    assert.ok(!cards('esxi.sh', '#!/bin/sh\nguest=${GUEST:-"vmkernel65Guest"}\ngovc vm.create -g "$guest" esx1\n').some(([, id]) => id === 'esxi.vmkernel'));
  });

  it('reads a lower-case name of three or more hyphenated parts in prose as one name', () => {
    assert.deepEqual(cards('notes.md', 'QEMU is started with\n\n    -xen-domid-restrict\n\nand xen-save-devices-state runs on Xen.\n'), [
      ['QEMU', 'kvm.qemu'],
      ['Xen', 'xen'],
    ]);
    assert.deepEqual(cards('notes.md', 'Two xen-based setups.\n'), [['xen', 'xen']], 'one hyphenated word is still prose');
  });
});

describe('ordinary words in their own files', () => {
  it('reads an xl.cfg key in a comment only as the heading of that key, quoted, or in key position', () => {
    const cfg = 'name = "pegas"\n# Kernel image to boot\n#kernel = "/boot/vmlinuz"\n\n# Initial memory allocation (MB)\nmemory = 2048\n\n# Maximum memory (MB)\n# If this is greater than `memory\' then the slack will start ballooned\n# (this assumes guest kernel support for ballooning)\n#maxmem = 512\nvif = [ \'bridge=xenbr0\' ]\n';
    const got = cards('pegas.cfg', cfg).map(([t, id]) => `${t} ${id}`);
    assert.ok(got.includes('Kernel xl.kernel'), got.join('\n'));
    assert.ok(!got.includes('boot xl.boot'), 'the verb boot');
    assert.ok(got.includes('memory xl.memory'));
    assert.equal(got.filter((g) => g === 'kernel xl.kernel').length, 1, 'the commented-out key, not "guest kernel support"');
    assert.equal(got.filter((g) => g === 'memory xl.memory').length, 3, 'the heading, the key and the quoted `memory\'; not "Maximum memory"');
  });

  it('does not read host as the host machine where it is a verb', () => {
    const md = 'Kata creates a VM to host the containers; the VM runs on the host and QEMU emulates devices.\n';
    assert.deepEqual(cards('arch.md', md).filter(([t]) => t === 'host').length, 1);
  });

  it('lets a term two systems share vouch for a cross-cutting word, though it votes for neither', () => {
    // Get-VM is Hyper-V's and PowerCLI's: it says nothing about the system, but the vm beside it is a VM
    const ps = '# Wait for vm to shut down\n$vm = $VMTemp | Get-VM\n';
    assert.deepEqual(cards('wait.ps1', ps).filter(([t]) => t.toLowerCase() === 'vm').map(([, id]) => id), ['concept.virtual-machine', 'concept.virtual-machine']);
    // with no specific term near, the word stays plain
    assert.deepEqual(cards('wait.ps1', '# Wait for vm to shut down\n$count = 0\n'), []);
  });

  it('reads guest physical memory as guest-physical addresses, the longer reading', () => {
    const md = 'The hypervisor keeps a data structure in guest physical memory, translated by EPT.\n';
    assert.ok(cards('n.md', md).some(([t, id]) => t === 'guest physical memory' && id === 'concept.guest-physical-address'));
  });
});
