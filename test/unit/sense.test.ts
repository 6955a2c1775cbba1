/**
 * The third held-out batch's findings (docs/reviews/heldout.md, "Batch C"), one test each: words
 * whose meaning depends on their surroundings (profile regions), flags written as flags,
 * variables named after terms, firmware file names, and the entries real files needed.
 * Each case is read both as a scan (CLI, In This File) and as a hover (matchAt).
 */
import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { detectProfile } from '../../src/core/profile';
import { flattenRegions } from '../../src/core/profile/regions';

const kb = bundledKnowledge();
function cards(fileName: string, text: string): [number, string, string][] {
  const p = detectProfile({ fileName, text });
  return kb.matcher.scan(text, { systems: p.systems, contexts: p.contexts, regions: p.regions }).map((m) => [m.start, text.slice(m.start, m.end), m.id]);
}
/**
 * The card at the n-th occurrence (0-based) of `find`, plus `skip` characters, by scan and by
 * hover, which must agree.
 */
function cardOf(fileName: string, text: string, find: string, n = 0, skip = 0): string | undefined {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(find, at + 1);
  assert.ok(at >= 0, `${find} not in the text`);
  at += skip;
  const term = find;
  const scanned = cards(fileName, text).find(([s, t]) => s <= at && at < s + t.length);
  const p = detectProfile({ fileName, text });
  const hovered = kb.matcher.matchAt(text, at, { systems: p.systems, contexts: p.contexts, regions: p.regions });
  assert.equal(hovered?.id, scanned?.[2], `hover and scan disagree on ${term}`);
  return scanned?.[2];
}

describe('held-out batch C: a word means what its surroundings say', () => {
  it('partition near disk partitioning is a disk partition, elsewhere a Hyper-V partition', () => {
    const ps = 'Import-Module Hyper-V\n$disk = Mount-VHD -Path $p -Passthru | Get-Disk\n# the partition with Windows on it\nGet-Partition -DiskNumber $disk.Number\n';
    assert.equal(cardOf('u.ps1', ps, 'partition'), 'hw.disk-partition');
    assert.equal(cardOf('u.ps1', ps, 'Get-Partition'), 'hw.disk-partition');
    const hv = 'Import-Module Hyper-V\n# each VM runs in a child partition; the root partition runs VMMS\nGet-VM | Select-Object Name\n';
    assert.notEqual(cardOf('h.ps1', hv, 'partition'), 'hw.disk-partition');
  });
  it('MSR in a partition layout is the Microsoft Reserved partition, elsewhere a model-specific register', () => {
    const xml = '<CreatePartition wcm:action="add">\n  <Order>2</Order>\n  <Type>MSR</Type>\n  <Size>16</Size>\n</CreatePartition>\n';
    assert.equal(cardOf('autounattend.xml', xml, 'MSR'), 'hw.disk-partition');
    assert.equal(cardOf('notes.md', 'KVM traps a guest RDMSR of an MSR the bitmap does not pass through.\n', 'MSR'), 'hw.msr');
  });
  it('Generation of a DSC Vhd resource is no VM generation; of VMHyperV it is', () => {
    const dsc = "Configuration C {\n  Import-DscResource -ModuleName HyperVDsc\n  Node localhost {\n    Vhd D {\n      Name = 'd'\n      Generation = 'vhdx'\n    }\n    VMHyperV V {\n      Name = 'v'\n      Generation = 2\n    }\n  }\n}\n";
    assert.equal(cardOf('c.ps1', dsc, 'Generation', 0), undefined);
    assert.equal(cardOf('c.ps1', dsc, 'Generation', 1), 'hyperv.generation');
  });
  it('Hyper-V as the Name of a DSC WindowsFeature is the Windows feature', () => {
    const dsc = "Configuration C {\n  Node localhost {\n    WindowsFeature HyperV {\n      Ensure = 'Present'\n      Name = 'Hyper-V'\n    }\n  }\n}\n# Hyper-V runs below Windows\n";
    assert.equal(cardOf('c.ps1', dsc, "'Hyper-V'".slice(1, -1), 0), 'hyperv.optional-feature');
    assert.equal(cardOf('c.ps1', dsc, 'Hyper-V', 1), 'hyperv');
  });
  it('KubeVirt memory.guest, cpu cores and hostDevices get the guest-memory, topology and passthrough cards', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nspec:\n  domain:\n    cpu:\n      cores: 2\n      sockets: 1\n    devices:\n      hostDevices:\n      - deviceName: example.com/gpu\n        name: gpu1\n    memory:\n      guest: 2Gi\n';
    assert.equal(cardOf('vmi.yaml', yaml, 'guest'), 'kvm.guest-memory');
    assert.equal(cardOf('vmi.yaml', yaml, 'cores'), 'kvm.smp');
    assert.equal(cardOf('vmi.yaml', yaml, 'hostDevices'), 'concept.device-passthrough');
    // outside KubeVirt, host devices are the physical devices
    assert.equal(cardOf('notes.md', 'IOMMU groups decide which host devices can be passed through to a KVM guest.\n', 'host devices'), 'hw.devices');
  });
  it('proxmox in a Packer required_plugins block is the Packer plugin; Proxmox elsewhere is Proxmox VE', () => {
    const hcl = 'packer {\n  required_plugins {\n    proxmox = {\n      source = "github.com/hashicorp/proxmox"\n    }\n  }\n}\nsource "proxmox-iso" "w" {\n  node = "pve1"\n}\n# built on Proxmox\n';
    assert.equal(cardOf('w.pkr.hcl', hcl, 'proxmox'), 'tool.packer-proxmox');
    assert.equal(cardOf('w.pkr.hcl', hcl, 'proxmox-iso'), 'tool.packer-proxmox');
    assert.equal(cardOf('w.pkr.hcl', hcl, 'Proxmox'), 'kvm.proxmox');
  });
  it('a Proxmox LXC container and its datastore_id in the bpg Terraform provider; its cores are no VM topology', () => {
    const tf = 'resource "proxmox_virtual_environment_container" "c" {\n  node_name = "n1"\n  disk {\n    datastore_id = "local-lvm"\n  }\n  cpu {\n    cores = 2\n  }\n}\nresource "proxmox_virtual_environment_vm" "v" {\n  node_name = "n1"\n  cpu {\n    cores = 2\n  }\n}\n';
    assert.equal(cardOf('main.tf', tf, 'proxmox_virtual_environment_container'), 'platform.lxc');
    assert.equal(cardOf('main.tf', tf, 'datastore_id'), 'platform.proxmox-storage');
    assert.equal(cardOf('main.tf', tf, 'cores', 0), undefined);
    assert.equal(cardOf('main.tf', tf, 'cores', 1), 'platform.proxmox-cpu');
  });
  it('an xlcpupool.cfg file: sched and cpus are the pool\'s, not a domain\'s cpus', () => {
    const pool = '# the scheduler of the pool\nname = "rt"\nsched = "credit2"\ncpus = ["2", "3"]\n';
    assert.deepEqual(detectProfile({ fileName: 'tools/examples/cpupool', text: pool }).tools, ['xl-cpupool']);
    assert.equal(cardOf('tools/examples/cpupool', pool, 'sched ='), 'xen.cpupool');
    assert.equal(cardOf('tools/examples/cpupool', pool, 'cpus'), 'xen.cpupool');
    assert.equal(cardOf('tools/examples/cpupool', pool, 'credit2'), 'xen.credit2');
    assert.equal(cardOf('web.cfg', 'type = "hvm"\ncpus = "2-3"\n', 'cpus'), 'xl.cpus');
  });
});

describe('held-out batch C: flags, variables and file names', () => {
  const qemu = '#!/bin/sh\nqemu-system-x86_64 -enable-kvm -m "$RAM" -cpu Penryn,kvm=on,vendor=GenuineIntel,+invtsc,vmware-cpuid-freq=on \\\n  -smp 4,cores=2,sockets=1 -device qemu-xhci,id=xhci -device isa-applesmc,osk="x" \\\n  -drive if=pflash,format=raw,file=OVMF_VARS-1920x1080.fd -device ich9-ahci,id=sata \\\n  -monitor stdio -device vmware-svga -vga std\n';
  // [text to find, characters to skip to the term, entry]
  const cases: [string, number, string][] = [
    ['-m "', 1, 'kvm.guest-memory'], ['-cpu', 1, 'kvm.cpu-model'], ['Penryn', 0, 'kvm.cpu-model'], ['kvm=on', 0, 'kvm.kvm-hidden'],
    ['vmware-cpuid-freq', 0, 'kvm.invtsc'], ['cores', 0, 'kvm.smp'], ['sockets', 0, 'kvm.smp'], ['qemu-xhci', 0, 'kvm.usb-controller'],
    ['isa-applesmc', 0, 'kvm.applesmc'], ['OVMF_VARS', 0, 'kvm.ovmf'], ['ich9-ahci', 0, 'kvm.ich9-ahci'], ['-monitor', 1, 'kvm.hmp'],
    ['vmware-svga', 0, 'kvm.video'], ['-vga', 1, 'kvm.video'],
  ];
  for (const [find, skip, id] of cases) {
    it(`QEMU ${find} gets ${id}`, () => assert.equal(cardOf('boot.sh', qemu, find, 0, skip), id));
  }
  it('in code a one-word config key is that key only where it is used as one', () => {
    const sh = '#!/bin/sh\n# the host has 8 cores and 2 sockets\nqemu-system-x86_64 -enable-kvm -smp 4,cores=2,sockets=1\n';
    assert.equal(cardOf('c.sh', sh, 'cores', 0), undefined);
    assert.equal(cardOf('c.sh', sh, 'sockets', 0), undefined);
    assert.equal(cardOf('c.sh', sh, 'cores', 1), 'kvm.smp');
    const xml = "<domain type='kvm'>\n  <devices>\n    <graphics type='vnc' port='-1'/>\n    <video><model type='qxl'/></video>\n  </devices>\n</domain>\n";
    assert.equal(cardOf('d.xml', xml, 'vnc'), 'kvm.graphics');
    assert.equal(cardOf('d.xml', xml, 'video'), 'kvm.video');
  });
  it('a flag alias matches only written as that flag', () => {
    const sh = '#!/bin/sh\nqemu-system-x86_64 -M q35 -mem-path /dev/hugepages -m1\n# the monitor shows the state; m is a letter\nmonitor="yes" cpu=2\n';
    for (const t of ['M q35', 'mem-path', 'm1', 'monitor shows', 'm is', 'monitor=', 'cpu=']) {
      const at = sh.indexOf(t);
      const found = cards('boot.sh', sh).find(([s, x]) => s <= at && at < s + x.length);
      assert.ok(!found || !['kvm.guest-memory', 'kvm.hmp', 'kvm.cpu-model'].includes(found[2]), `${t} got ${found?.[2]}`);
    }
  });
  it('a term as a whole variable name gets no concept or parameter card; a short $vm keeps its card', () => {
    const sh = '#!/usr/bin/env bash\n# guess the host and guest\nHOST_OS=$(uname -s)\nGUEST="windows"\necho "${HOST_OS} ${GUEST}"\nqemu-system-x86_64 -name "$GUEST"\n';
    for (const [t, n] of [['HOST_OS', 0], ['HOST_OS', 1], ['GUEST', 0], ['GUEST', 1], ['GUEST', 2]] as const) assert.equal(cardOf('q.sh', sh, t, n), undefined, `${t} #${n}`);
    const ps = 'Import-Module Hyper-V\nparam([string]$vhdPath)\nMount-VHD -Path $vhdPath\nNew-VM -Name a -VHDPath $vhdPath\n$vm = Get-VM a\n';
    assert.equal(cardOf('u.ps1', ps, 'vhdPath', 0), undefined);
    assert.equal(cardOf('u.ps1', ps, 'VHDPath', 0), 'hyperv.new-vhd-path');
    assert.equal(cardOf('u.ps1', ps, 'vm =', 0), 'concept.virtual-machine');
  });
  it('a firmware file name that starts with a term keeps its card, a longer identifier does not', () => {
    assert.equal(cardOf('b.sh', 'qemu-system-x86_64 -drive if=pflash,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd\n', 'OVMF_CODE'), 'kvm.ovmf');
    assert.equal(cardOf('b.sh', 'qemu-system-x86_64 -cdrom virtio-win-0.1.240.iso\n', 'virtio-win'), 'kvm.virtio-win');
    assert.equal(cardOf('b.sh', 'qemu-system-x86_64 -drive file=OVMF_VARS_backup_Old.txt\n', 'OVMF_VARS'), undefined);
  });
});

describe('held-out batch A: the misses', () => {
  it('vmware-iso disk_type_id and version, QEMU cache=writeback, Proxmox memory and agent', () => {
    const json = '{\n  "builders": [\n    {\n      "type": "vmware-iso",\n      "disk_type_id": "1",\n      "version": "21"\n    },\n    {\n      "type": "qemu",\n      "qemuargs": [["-drive", "file=d.qcow2,if=virtio,cache=writeback"]]\n    }\n  ]\n}\n';
    assert.equal(cardOf('w.json', json, 'disk_type_id'), 'tool.packer-vmware-iso');
    assert.equal(cardOf('w.json', json, '"version"', 0, 1), 'esxi.virtual-hardware-version');
    assert.equal(cardOf('w.json', json, 'cache=writeback'), 'kvm.drive');
    const tf = 'resource "proxmox_vm_qemu" "v" {\n  target_node = "proxmox1-xx"\n  agent = 1\n  memory = 2048\n  cpu = "kvm64"\n}\n';
    assert.equal(cardOf('main.tf', tf, 'agent'), 'kvm.qemu-guest-agent');
    assert.equal(cardOf('main.tf', tf, 'memory'), 'platform.proxmox-memory');
    // a numbered host name is no Proxmox card; a CPU model with digits still is
    assert.equal(cardOf('main.tf', tf, 'proxmox1'), undefined);
    assert.equal(cardOf('main.tf', tf, 'kvm64'), 'kvm.kvm64');
  });
  it('KubeVirt features.smm and QEMU e1000-82545em', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nspec:\n  domain:\n    features:\n      smm:\n        enabled: true\n';
    assert.equal(cardOf('vmi.yaml', yaml, 'smm'), 'kvm.smm');
    assert.equal(cardOf('b.sh', 'qemu-system-x86_64 -device e1000-82545em,netdev=n0\n', 'e1000-82545em'), 'concept.nic-model');
  });
  it('KubeVirt masquerade is the interface binding, only in KubeVirt files; QEMU -qmp is QMP', () => {
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nspec:\n  domain:\n    devices:\n      interfaces:\n      - name: default\n        masquerade: {}\n';
    assert.equal(cardOf('vmi.yaml', yaml, 'masquerade'), 'kvm.kubevirt-interface-binding');
    assert.equal(cardOf('fw.sh', '#!/bin/sh\niptables -t nat -A POSTROUTING -j MASQUERADE  # masquerade\nqemu-system-x86_64 -enable-kvm\n', 'masquerade'), undefined);
    assert.equal(cardOf('b.sh', 'qemu-system-x86_64 -qmp unix:/run/q.sock,server=on,wait=off\n', 'qmp', 0, 0), 'kvm.qmp');
  });
});

describe('profile regions', () => {
  it('overlapping regions flatten into ordered ones with the contexts of all that cover them', () => {
    const out = flattenRegions([
      { start: 0, end: 10, contexts: ['a'] },
      { start: 5, end: 20, contexts: ['b'] },
      { start: 30, end: 40, contexts: ['a'] },
    ]);
    assert.deepEqual(out, [
      { start: 0, end: 5, contexts: ['a'] },
      { start: 5, end: 10, contexts: ['a', 'b'] },
      { start: 10, end: 20, contexts: ['b'] },
      { start: 30, end: 40, contexts: ['a'] },
    ]);
  });
  it('a Packer builder block and a disk-partitioning word inside it give both contexts', () => {
    const hcl = 'source "hyperv-iso" "w" {\n  # the EFI system partition comes first\n  boot_command = ["a"]\n}\n';
    const p = detectProfile({ fileName: 'w.pkr.hcl', text: hcl });
    const at = hcl.indexOf('boot_command');
    const r = p.regions.find((x) => x.start <= at && at < x.end);
    assert.ok(r && r.contexts.includes('packer-hyperv') && r.contexts.includes('disk-partition'), JSON.stringify(p.regions));
  });
});

describe('Proxmox VE VM options and xl.cfg disk prefixes', () => {
  it('qm commands in a shell script make it a Proxmox file: memory, cores, net0, scsi0 and efidisk0 get the Proxmox cards', () => {
    const sh = '#!/bin/sh\nqm create 9000 --memory 2048 --cores 2 --sockets 1 --net0 virtio,bridge=vmbr0\nqm set 9000 --scsi0 local-lvm:32 --ide2 local-lvm:cloudinit --efidisk0 local-lvm:1,efitype=4m --tpmstate0 local-lvm:1,version=v2.0\nqm template 9000\n';
    assert.ok(detectProfile({ fileName: 'mk.sh', text: sh }).tools.includes('proxmox'));
    assert.equal(cardOf('mk.sh', sh, 'memory'), 'platform.proxmox-memory');
    assert.equal(cardOf('mk.sh', sh, 'cores'), 'platform.proxmox-cpu');
    assert.equal(cardOf('mk.sh', sh, 'sockets'), 'platform.proxmox-cpu');
    assert.equal(cardOf('mk.sh', sh, 'net0'), 'platform.proxmox-net');
    assert.equal(cardOf('mk.sh', sh, 'scsi0'), 'platform.proxmox-disk');
    assert.equal(cardOf('mk.sh', sh, 'ide2'), 'platform.proxmox-disk');
    assert.equal(cardOf('mk.sh', sh, 'efidisk0'), 'platform.proxmox-disk');
    assert.equal(cardOf('mk.sh', sh, 'tpmstate0'), 'platform.proxmox-disk');
    assert.equal(cardOf('mk.sh', sh, 'qm template'), 'kvm.qm');
  });
  it('bpg and Telmate Terraform blocks: dedicated/floating memory, network_device, efi_disk, qemu_os', () => {
    const bpg = 'resource "proxmox_virtual_environment_vm" "v" {\n  memory {\n    dedicated = 2048\n    floating  = 1024\n  }\n  network_device {\n    bridge = "vmbr0"\n  }\n  efi_disk {\n    type = "4m"\n  }\n  disk {\n    interface = "scsi0"\n  }\n}\n';
    assert.equal(cardOf('main.tf', bpg, 'dedicated'), 'platform.proxmox-memory');
    assert.equal(cardOf('main.tf', bpg, 'floating'), 'platform.proxmox-memory');
    assert.equal(cardOf('main.tf', bpg, 'network_device'), 'platform.proxmox-net');
    assert.equal(cardOf('main.tf', bpg, 'efi_disk'), 'platform.proxmox-disk');
    assert.equal(cardOf('main.tf', bpg, 'scsi0'), 'platform.proxmox-disk');
    const tel = 'resource "proxmox_vm_qemu" "w" {\n  cores   = 2\n  qemu_os = "l26"\n}\n';
    assert.equal(cardOf('main.tf', tel, 'cores'), 'platform.proxmox-cpu');
    assert.equal(cardOf('main.tf', tel, 'qemu_os'), 'platform.proxmox-ostype');
  });
  it('the same words in other tools keep their own cards or none', () => {
    // QEMU's -smp cores and -m memory are QEMU's, its net0 and scsi0 ids are names
    const qemu = 'qemu-system-x86_64 -smp 4,cores=2,sockets=2 -netdev user,id=net0 -device scsi-hd,drive=scsi0\n';
    assert.equal(cardOf('run.sh', qemu, 'cores'), 'kvm.smp');
    assert.equal(cardOf('run.sh', qemu, 'net0'), undefined);
    assert.equal(cardOf('run.sh', qemu, 'scsi0'), undefined);
    // a Kubernetes or docker-compose file's memory and cores are not Proxmox's
    const k8s = 'resources:\n  limits:\n    memory: 512Mi\n    cpu: 2\ncores: 4\n';
    assert.equal(cardOf('deploy.yaml', k8s, 'memory'), undefined);
    assert.equal(cardOf('deploy.yaml', k8s, 'cores'), undefined);
    const lxc = 'resource "proxmox_lxc" "c" {\n  memory = 512\n  cores  = 1\n}\n';
    assert.equal(cardOf('main.tf', lxc, 'memory'), undefined);
    assert.equal(cardOf('main.tf', lxc, 'cores'), undefined);
    // xl.cfg's memory and type stay xl.cfg's; type = "hvm" outside xl.cfg is no xl.cfg card
    assert.equal(cardOf('web.cfg', 'name = "web"\ntype = "hvm"\nmemory = 1024\n', 'memory'), 'xl.memory');
    assert.equal(cardOf('main.tf', 'resource "aws_instance" "a" {\n  type = "hvm"\n}\n', 'type'), undefined);
    assert.equal(cardOf('vars.yml', 'virtualization_type: hvm\ntype: "hvm"\n', 'type'), undefined);
  });
  it('phy: and file: are disk target prefixes inside an xl.cfg disk list only', () => {
    const cfg = 'name = "web"\ntype = "pv"\n# see the config file\ndisk = [ \'phy:/dev/vg0/web,xvda,w\', \'file:/srv/d.img,xvdb,w\', \'tap:aio:/srv/e.img,xvdc,w\' ]\nvmtrace_buf_kb = 8192\n';
    assert.equal(cardOf('web.cfg', cfg, 'phy'), 'xl.disk-prefix');
    assert.equal(cardOf('web.cfg', cfg, 'file', 1), 'xl.disk-prefix');
    assert.equal(cardOf('web.cfg', cfg, 'tap:aio'), 'xl.disk-prefix');
    assert.equal(cardOf('web.cfg', cfg, 'file', 0), undefined, 'the comment\'s "file"');
    assert.equal(cardOf('web.cfg', cfg, 'vmtrace_buf_kb'), 'xl.vmtrace-buf-kb');
    const ev = 'name = "w"\ntype = "hvm"\non_watchdog = "restart"\non_soft_reset = "soft-reset"\ndevice_model_args_hvm = [ "-d", "guest_errors" ]\n';
    assert.equal(cardOf('w.cfg', ev, 'on_watchdog'), 'xl.on-watchdog');
    assert.equal(cardOf('w.cfg', ev, 'on_soft_reset'), 'xl.on-watchdog');
    assert.equal(cardOf('w.cfg', ev, 'device_model_args_hvm'), 'xen.device-model');
    assert.equal(cardOf('main.tf', 'resource "x" "y" {\n  on_watchdog = true\n}\n', 'on_watchdog'), undefined);
    assert.equal(cardOf('app.yml', 'disk:\n  file: /srv/d.img\n  phy: 1\n', 'file'), undefined);
  });
});
