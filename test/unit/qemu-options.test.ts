/**
 * Held-out batches F and G (round 20): QEMU command-line options. Short options (`-s`, `-name`)
 * are QEMU's only inside one QEMU command (the `qemu-command` region), the guest kernel's
 * parameters after `-append` are not host settings (`guest-cmdline`), and the common options
 * get their own cards. Each case is read both as a scan and as a hover (cardOf).
 */
import * as assert from 'node:assert/strict';
import { detectProfile } from '../../src/core/profile';
import { cardOf } from './card-of';

const qemu = [
  '#!/bin/sh',
  'ln -s "$PWD/vmlinux" /tmp/vmlinux',
  'find . -name "*.ko"',
  'qemu-system-x86_64 -enable-kvm -m 2G -name kdev,debug-threads=on \\',
  '  -kernel bzImage -initrd initrd.img -dtb board.dtb \\',
  "  -append 'root=/dev/vda console=ttyS0 hugepages=1536' \\",
  '  -object memory-backend-file,id=m0,size=2G,mem-path=/dev/hugepages \\',
  '  -chardev socket,id=c0,path=/tmp/c0,server=on,wait=off -mon chardev=c0,mode=control \\',
  '  -serial mon:stdio -parallel none -show-cursor -no-reboot -no-shutdown -pidfile /tmp/k.pid -daemonize \\',
  '  -device virtio-net-pci,netdev=n0,mq=on,vectors=10 -netdev tap,id=n0,vhost=on,queues=4 \\',
  '  -overcommit mem-lock=on -snapshot -pflash flash0.img -gdb tcp::9000 -s -S \\',
  '  -hda disk.img -cdrom install.iso -audiodev pa,id=snd0 -device ich9-intel-hda -device hda-duplex,audiodev=snd0 \\',
  '  -rtc base=utc,clock=host -nodefaults -incoming defer -mem-prealloc -device i6300esb -watchdog-action pause \\',
  '  -cpu host,+vmx',
  'curl -s http://localhost/ready',
].join('\n');

describe('QEMU command-line options (held-out F and G)', () => {
  const cases: [string, string, number, number][] = [
    ['-kernel', 'kvm.direct-kernel-boot', 0, 1],
    ['-initrd', 'kvm.direct-kernel-boot', 0, 1],
    ['-append', 'kvm.direct-kernel-boot', 0, 1],
    ['-dtb', 'kvm.direct-kernel-boot', 0, 1],
    ['-gdb', 'kvm.gdbstub', 0, 1],
    ['-s -S', 'kvm.gdbstub', 0, 1],
    ['-chardev', 'kvm.chardev', 0, 1],
    ['-mon', 'kvm.chardev', 0, 1],
    ['-serial', 'kvm.chardev', 0, 1],
    ['-parallel', 'kvm.chardev', 0, 1],
    ['mon:stdio', 'kvm.hmp', 0, 0],
    ['mq=on', 'kvm.virtio-net', 0, 0],
    ['vhost=on', 'kvm.vhost-net', 0, 0],
    ['-show-cursor', 'kvm.graphics', 0, 1],
    ['-no-reboot', 'kvm.lifecycle-actions', 0, 1],
    ['-no-shutdown', 'kvm.lifecycle-actions', 0, 1],
    ['-name kdev', 'kvm.process-options', 0, 1],
    ['debug-threads', 'kvm.process-options', 0, 0],
    ['-pidfile', 'kvm.process-options', 0, 1],
    ['-daemonize', 'kvm.process-options', 0, 1],
    ['-overcommit', 'kvm.overcommit-hints', 0, 1],
    ['mem-lock', 'kvm.overcommit-hints', 0, 0],
    ['-snapshot', 'kvm.drive-snapshot', 0, 1],
    ['-pflash', 'kvm.pflash', 0, 1],
    ['/dev/hugepages', 'kvm.hugepages', 0, 5],
    ['-hda', 'kvm.drive', 0, 1],
    ['-cdrom', 'kvm.drive', 0, 1],
    ['ich9-intel-hda', 'kvm.sound', 0, 0],
    ['hda-duplex', 'kvm.sound', 0, 0],
    ['-nodefaults', 'kvm.machine', 0, 1],
    ['-incoming', 'concept.live-migration', 0, 1],
    ['-mem-prealloc', 'kvm.memory-backend', 0, 1],
    ['i6300esb', 'kvm.watchdog', 0, 0],
    ['-watchdog-action', 'kvm.watchdog', 0, 1],
    ['-cpu host', 'kvm.cpu-model', 0, 1],
    ['host,+vmx', 'kvm.host-passthrough', 0, 0],
  ];
  for (const [find, id, n, skip] of cases) it(`${find} in a QEMU command gets ${id}`, () => assert.equal(cardOf('run.sh', qemu, find, n, skip), id));

  it('host is the host CPU model only as the argument of -cpu', () => {
    assert.notEqual(cardOf('run.sh', qemu, 'clock=host', 0, 6), 'kvm.host-passthrough');
    const packer = '{"builders": [{"type": "qemu", "qemuargs": [["-cpu", "host"]]}]}';
    assert.equal(cardOf('t.json', packer, '"host"', 0, 1), 'kvm.host-passthrough');
    const xml = "<domain type='kvm'>\n  <qemu:commandline>\n    <qemu:arg value='-cpu'/>\n    <qemu:arg value='host,kvm=off'/>\n  </qemu:commandline>\n</domain>\n";
    assert.equal(cardOf('vm.xml', xml, 'host,'), 'kvm.host-passthrough');
  });

  it('outside the QEMU command -s and -name are other tools\' options', () => {
    assert.equal(cardOf('run.sh', qemu, 'ln -s', 0, 4), undefined);
    assert.equal(cardOf('run.sh', qemu, '-name "', 0, 1), undefined);
    assert.equal(cardOf('run.sh', qemu, 'curl -s', 0, 6), undefined);
  });

  it('hugepages= after -append is the guest kernel\'s parameter, not host huge pages for guest memory', () => {
    assert.equal(cardOf('run.sh', qemu, 'hugepages=1536'), undefined);
    const host = 'GRUB_CMDLINE_LINUX="default_hugepagesz=1G hugepagesz=1G hugepages=16"\nqemu-system-x86_64 -mem-path /dev/hugepages\n';
    assert.equal(cardOf('grub.sh', host, 'hugepages=16'), 'kvm.hugepages');
  });

  it('-kernel, -append and -s in a script that starts no QEMU get no card', () => {
    const build = '#!/bin/bash\nmksquashfs rootfs/ rootfs.sqfs -append -comp xz\n./run-tests.sh -kernel Image -append quiet -s\ngcc -mcpu=cortex-a57 -o probe probe.c\n';
    assert.equal(cardOf('build.sh', build, '-append', 0, 1), undefined);
    assert.equal(cardOf('build.sh', build, '-kernel', 0, 1), undefined);
    assert.equal(cardOf('build.sh', build, ' -s', 0, 2), undefined);
    assert.equal(cardOf('build.sh', build, 'cortex-a57'), undefined);
  });

  it('the QEMU command region follows continuation lines and ends with the command', () => {
    const p = detectProfile({ fileName: 'run.sh', text: qemu });
    const command = p.regions.filter((r) => r.contexts.includes('qemu-command'));
    assert.equal(qemu.slice(command[0].start, command[0].start + 18), 'qemu-system-x86_64');
    assert.ok(qemu.slice(command[command.length - 1].end).startsWith('\ncurl'), 'the region stops before the next command');
    const cmdline = p.regions.filter((r) => r.contexts.includes('guest-cmdline'));
    assert.deepEqual(cmdline.map((r) => qemu.slice(r.start, r.end)), ['root=/dev/vda console=ttyS0 hugepages=1536']);
  });

  it('a libvirt <qemu:commandline> block is a QEMU command, and <cmdline> the guest kernel\'s', () => {
    const xml = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n  <os><cmdline>console=ttyS0 hugepages=64</cmdline></os>\n  <qemu:commandline>\n    <qemu:arg value='-s'/>\n  </qemu:commandline>\n</domain>\n";
    assert.equal(cardOf('vm.xml', xml, 'hugepages=64'), undefined);
    assert.equal(cardOf('vm.xml', xml, "'-s'", 0, 2), 'kvm.gdbstub');
    const evdev = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n  <qemu:commandline>\n    <qemu:arg value='-object'/>\n    <qemu:arg value='input-linux,id=kbd1,evdev=/dev/input/by-id/kbd-event-kbd,grab_all=on,repeat=on'/>\n  </qemu:commandline>\n</domain>\n";
    assert.equal(cardOf('vm.xml', evdev, 'input-linux'), 'kvm.input-linux');
    assert.equal(cardOf('vm.xml', evdev, 'grab_all'), 'kvm.input-linux');
    assert.equal(cardOf('notes.md', 'The input-linux layer and grab_all flag of my game engine.\n', 'input-linux'), undefined);
  });

  it('a libvirt <sound model> and its ich6 model are the sound card', () => {
    const xml = "<domain type='kvm'>\n  <devices>\n    <sound model='ich6'>\n      <codec type='micro'/>\n    </sound>\n  </devices>\n</domain>\n";
    assert.equal(cardOf('vm.xml', xml, 'ich6'), 'kvm.sound');
    assert.equal(cardOf('notes.txt', 'The ICH6 southbridge and the ich6 datasheet.\n', 'ich6'), undefined);
  });

  it('Arm CPU models in KubeVirt and QEMU, the CPU count of VBoxManage modifyvm in a Vagrant VirtualBox block', () => {
    const kv = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  template:\n    spec:\n      domain:\n        cpu:\n          model: cortex-a57\n';
    assert.equal(cardOf('vm.yaml', kv, 'cortex-a57'), 'kvm.cpu-model');
    assert.equal(cardOf('arm.sh', 'qemu-system-aarch64 -M virt -cpu neoverse-n1 -m 2G\n', 'neoverse-n1'), 'kvm.cpu-model');
    const readme = 'Boot it:\n\n```sh\nqemu-system-aarch64 -M virt -cpu cortex-a72 -m 2G\n```\n\nThe Raspberry Pi 4 has four Cortex-A72 cores.\n';
    assert.equal(cardOf('README.md', readme, 'cortex-a72'), 'kvm.cpu-model');
    assert.equal(cardOf('README.md', readme, 'Cortex-A72'), undefined);
    const vagrant = 'Vagrant.configure("2") do |config|\n  config.vm.provider :virtualbox do |v|\n    # more memory and cpus\n    v.customize ["modifyvm", :id, "--cpus", 2]\n  end\nend\n';
    assert.equal(cardOf('Vagrantfile', vagrant, '--cpus', 0, 2), 'virtualbox.modifyvm');
    assert.equal(cardOf('Vagrantfile', vagrant, 'cpus'), undefined);
  });
});
