/**
 * libvirt domain XML words read by the element they sit in (profile regions libvirt-<element>,
 * src/core/profile/regions.ts): held-out batches F and G (create_vm.xml, win10.xml, the openEuler
 * XML examples). Each case has its trap: the same word in another element or another tool's file.
 */
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';

const XML = [
  "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>",
  '  <os>',
  "    <type arch='x86_64' machine='pc'>hvm</type>",
  '    <kernel>/srv/boot/bzImage</kernel>',
  '    <initrd>/srv/boot/initrd.img</initrd>',
  '    <cmdline>root=/dev/vda console=hvc0</cmdline>',
  '  </os>',
  '  <devices>',
  '    <emulator>/usr/bin/qemu-system-x86_64</emulator>',
  "    <disk type='file' device='disk'>",
  "      <driver name='qemu' type='qcow2' cache='writethrough' io='threads'/>",
  "      <target dev='vda' bus='virtio'/>",
  '    </disk>',
  "    <disk type='file' device='cdrom'>",
  "      <target dev='hdb' bus='ide'/>",
  '    </disk>',
  "    <controller type='usb' index='0' model='ehci'/>",
  "    <controller type='pci' index='0' model='pci-root'/>",
  "    <controller type='ide' index='0'/>",
  "    <controller type='sata' index='0'/>",
  "    <controller type='virtio-serial' index='0'/>",
  "    <filesystem type='mount' accessmode='mapped'>",
  "      <source dir='/srv/share'/>",
  "      <target dir='hostshare'/>",
  '    </filesystem>',
  "    <interface type='network'>",
  "      <model type='virtio'/>",
  '    </interface>',
  "    <console type='pty'>",
  "      <target type='virtio' port='0'/>",
  '    </console>',
  "    <input type='tablet' bus='usb'/>",
  "    <input type='mouse' bus='ps2'/>",
  "    <input type='keyboard' bus='virtio'/>",
  "    <input type='tablet' bus='virtio'/>",
  "    <sound model='ich6'/>",
  "    <audio id='1' type='pulseaudio'>",
  "      <input mixingEngine='yes'/>",
  '    </audio>',
  '    <video>',
  "      <model type='virtio' heads='1'/>",
  '    </video>',
  "    <memballoon model='virtio'/>",
  "    <rng model='virtio'>",
  "      <backend model='random'>/dev/urandom</backend>",
  '    </rng>',
  "    <tpm model='tpm-crb'>",
  "      <backend type='emulator' version='2.0'/>",
  '    </tpm>',
  '  </devices>',
  '  <qemu:commandline>',
  "    <qemu:arg value='input-linux,id=kbd1,evdev=/dev/input/by-id/kbd-event-kbd,grab_all=on,repeat=on'/>",
  '  </qemu:commandline>',
  '</domain>',
].join('\n');

describe('libvirt domain XML: words of an element mean that element\'s thing', () => {
  it('machine=\'pc\' is i440FX; <kernel>, <initrd> and <cmdline> in <os> are direct kernel boot', () => {
    assert.equal(cardOf('vm.xml', XML, "pc'"), 'kvm.i440fx');
    assert.equal(cardOf('vm.xml', XML, 'kernel>'), 'kvm.direct-kernel-boot');
    assert.equal(cardOf('vm.xml', XML, 'initrd>'), 'kvm.direct-kernel-boot');
    assert.equal(cardOf('vm.xml', XML, 'cmdline>'), 'kvm.direct-kernel-boot');
  });
  it('<emulator> has its own card; type=\'emulator\' of a TPM backend does not get it', () => {
    assert.equal(cardOf('vm.xml', XML, 'emulator>'), 'kvm.libvirt-emulator');
    assert.equal(cardOf('vm.xml', XML, "emulator'"), undefined);
  });
  it('cache= and io= on a disk <driver> are the disk cache and I/O modes; io=\'threads\' is not the vCPU topology', () => {
    assert.equal(cardOf('vm.xml', XML, 'cache='), 'kvm.drive');
    assert.equal(cardOf('vm.xml', XML, 'writethrough'), 'kvm.drive');
    assert.equal(cardOf('vm.xml', XML, 'io='), 'kvm.drive');
    assert.equal(cardOf('vm.xml', XML, "threads'"), undefined);
  });
  it('virtio is the virtio device of the element it sits in', () => {
    assert.equal(cardOf('vm.xml', XML, "virtio'/>\n    </disk>"), 'kvm.virtio-blk');
    assert.equal(cardOf('vm.xml', XML, "virtio'/>\n    </interface>"), 'kvm.virtio-net');
    assert.equal(cardOf('vm.xml', XML, "virtio' port"), 'kvm.virtio-serial');
    assert.equal(cardOf('vm.xml', XML, "virtio' heads"), 'kvm.virtio-gpu');
    assert.equal(cardOf('vm.xml', XML, "virtio'/>\n    <rng"), 'kvm.virtio-balloon');
    assert.equal(cardOf('vm.xml', XML, "virtio'>\n      <backend"), 'kvm.virtio-rng');
    // an input on the virtio bus is virtio-input: the generic virtio card
    assert.equal(cardOf('vm.xml', XML, "virtio'/>\n    <input type='tablet'"), 'kvm.virtio');
  });
  it('a <controller> gets the card of its type; a disk\'s bus= gets the disk bus card', () => {
    assert.equal(cardOf('vm.xml', XML, "controller type='usb'"), 'kvm.usb-controller');
    assert.equal(cardOf('vm.xml', XML, "usb' index"), 'kvm.usb-controller');
    assert.equal(cardOf('vm.xml', XML, 'ehci'), 'kvm.usb-controller');
    assert.equal(cardOf('vm.xml', XML, "controller type='pci'"), 'kvm.pci-controller');
    assert.equal(cardOf('vm.xml', XML, 'pci-root'), 'kvm.pci-controller');
    assert.equal(cardOf('vm.xml', XML, "controller type='ide'"), 'kvm.disk-bus');
    assert.equal(cardOf('vm.xml', XML, "sata'"), 'kvm.disk-bus');
    assert.equal(cardOf('vm.xml', XML, "controller type='virtio-serial'"), 'kvm.virtio-serial');
    assert.equal(cardOf('vm.xml', XML, "ide'/>"), 'kvm.disk-bus');
  });
  it('<filesystem> is the shared-directory card', () => {
    assert.equal(cardOf('vm.xml', XML, 'filesystem type'), 'kvm.libvirt-filesystem');
    assert.equal(cardOf('vm.xml', XML, 'accessmode'), 'kvm.libvirt-filesystem');
  });
  it('input types: a USB tablet is usb-tablet, a virtio tablet, mouse and keyboard the input card; an <audio> <input> is none', () => {
    assert.equal(cardOf('vm.xml', XML, "tablet' bus='usb'"), 'kvm.usb-tablet');
    assert.equal(cardOf('vm.xml', XML, "tablet' bus='virtio'"), 'kvm.input-devices');
    assert.equal(cardOf('vm.xml', XML, "mouse'"), 'kvm.input-devices');
    assert.equal(cardOf('vm.xml', XML, "keyboard'"), 'kvm.input-devices');
    assert.equal(cardOf('vm.xml', XML, 'input mixingEngine'), undefined);
    assert.equal(cardOf('vm.xml', XML, 'input-linux'), 'kvm.input-linux');
    assert.equal(cardOf('vm.xml', XML, 'grab_all'), 'kvm.input-linux');
  });
  it('<sound model=\'ich6\'> is the sound card', () => {
    assert.equal(cardOf('vm.xml', XML, 'sound model'), 'kvm.sound');
    assert.equal(cardOf('vm.xml', XML, 'ich6'), 'kvm.sound');
  });
});

describe('libvirt element words stay out of other files', () => {
  it('a QEMU command line keeps generic virtio and its own words', () => {
    const sh = 'qemu-system-x86_64 -machine pc -kernel bzImage -device virtio-net-pci,netdev=n0 -drive file=d.qcow2,if=virtio,cache=writeback\n# pick a mouse and keyboard\n';
    assert.equal(cardOf('run.sh', sh, 'pc '), undefined);
    assert.equal(cardOf('run.sh', sh, 'mouse'), undefined);
    assert.equal(cardOf('run.sh', sh, 'writeback'), 'kvm.drive');
  });
  it('xl.cfg kernel and cmdline stay Xen\'s; a KubeVirt input\'s tablet and usb are nothing', () => {
    const cfg = 'name = "pv1"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\ncmdline = "root=/dev/xvda1"\nusb = 1\n';
    assert.equal(cardOf('pv1.cfg', cfg, 'kernel'), 'xl.kernel');
    assert.equal(cardOf('pv1.cfg', cfg, 'cmdline'), 'xl.cmdline');
    const yaml = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  template:\n    spec:\n      domain:\n        devices:\n          inputs:\n            - type: tablet\n              bus: usb\n              name: tablet1\n';
    assert.equal(cardOf('vm.yaml', yaml, 'usb'), undefined);
    assert.equal(cardOf('vm.yaml', yaml, 'tablet'), undefined);
  });
  it('a libvirt word outside its element is not that element\'s: <kernel> out of <os>, ide in a comment, pc in a name', () => {
    const xml = "<domain type='kvm'>\n  <name>pc-lab-kernel</name>\n  <!-- move the ide disk later -->\n  <devices>\n    <disk type='file' device='disk'>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n  </devices>\n</domain>\n";
    assert.equal(cardOf('vm.xml', xml, 'pc-lab'), undefined);
    assert.equal(cardOf('vm.xml', xml, 'kernel'), undefined);
    assert.equal(cardOf('vm.xml', xml, 'ide'), undefined);
    assert.equal(cardOf('vm.xml', xml, "virtio'"), 'kvm.virtio-blk');
  });
  it('HTML <input type=...> is not a guest input device', () => {
    const html = '<html><body><form><input type="checkbox" name="mouse"> keyboard</form></body></html>\n';
    assert.equal(cardOf('page.html', html, 'mouse'), undefined);
    assert.equal(cardOf('page.html', html, 'keyboard'), undefined);
  });
});

describe('KubeVirt domain keys (held-out F windows-vm.yaml)', () => {
  const vm = [
    'apiVersion: kubevirt.io/v1',
    'kind: VirtualMachine',
    'spec:',
    '  runStrategy: Always',
    '  template:',
    '    spec:',
    '      domain:',
    '        cpu:',
    '          cores: 2',
    '          model: cortex-a57',
    '        devices:',
    '          interfaces:',
    '            - name: default',
    '              model: e1000',
    '              masquerade: {}',
    '      networks:',
    '        - name: default',
    '          pod: {}',
    '',
  ].join('\n');
  it('cpu.model and an Arm core name are the CPU model; an interface\'s model is not', () => {
    assert.equal(cardOf('vm.yaml', vm, 'model: cortex'), 'kvm.cpu-model');
    assert.equal(cardOf('vm.yaml', vm, 'cortex-a57'), 'kvm.cpu-model');
    assert.equal(cardOf('vm.yaml', vm, 'model: e1000'), undefined);
  });
  it('runStrategy is the run strategy, pod: {} the pod network (a network source, not an interface binding)', () => {
    assert.equal(cardOf('vm.yaml', vm, 'runStrategy'), 'kvm.kubevirt-run-strategy');
    assert.equal(cardOf('vm.yaml', vm, 'pod: {}'), 'kvm.kubevirt-network');
    assert.equal(cardOf('vm.yaml', vm, 'masquerade'), 'kvm.kubevirt-interface-binding');
  });
});

describe('QEMU arguments passed through libvirt', () => {
  it('host after a -cpu <qemu:arg> is host-passthrough; host in another argument is not', () => {
    const xml = [
      "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>",
      '  <qemu:commandline>',
      "    <qemu:arg value='-cpu'/>",
      "    <qemu:arg value='host,kvm=off'/>",
      "    <qemu:arg value='-set'/>",
      "    <qemu:arg value='device.hostdev0.host=01:00.0'/>",
      '  </qemu:commandline>',
      '</domain>',
    ].join('\n');
    assert.equal(cardOf('vm.xml', xml, "host,"), 'kvm.host-passthrough');
    assert.equal(cardOf('vm.xml', xml, 'kvm=off'), 'kvm.kvm-hidden');
    assert.notEqual(cardOf('vm.xml', xml, 'host=01'), 'kvm.host-passthrough');
  });
});

describe('libvirt serial ports, consoles and the watchdog', () => {
  const xml = [
    "<domain type='kvm'>",
    '  <devices>',
    "    <serial type='pty'>",
    "      <target type='isa-serial' port='0'/>",
    '    </serial>',
    "    <console type='pty'>",
    "      <target type='serial' port='0'/>",
    '    </console>',
    "    <channel type='pty'>",
    "      <target type='virtio' name='org.qemu.guest_agent.0'/>",
    '    </channel>',
    "    <watchdog model='i6300esb' action='reset'/>",
    '  </devices>',
    '</domain>',
  ].join('\n');
  it('serial and console types and targets get the serial-console card; a virtio channel is virtio-serial', () => {
    assert.equal(cardOf('vm.xml', xml, 'serial type'), 'kvm.libvirt-serial-console');
    assert.equal(cardOf('vm.xml', xml, 'isa-serial'), 'kvm.libvirt-serial-console');
    assert.equal(cardOf('vm.xml', xml, 'console type'), 'kvm.libvirt-serial-console');
    assert.equal(cardOf('vm.xml', xml, "serial' port"), 'kvm.libvirt-serial-console');
    assert.equal(cardOf('vm.xml', xml, "pty'>\n      <target type='virtio'"), undefined);
    assert.equal(cardOf('vm.xml', xml, "virtio' name"), 'kvm.virtio-serial');
  });
  it('<watchdog model> is the watchdog; serial in xl.cfg stays Xen\'s', () => {
    assert.equal(cardOf('vm.xml', xml, 'watchdog model'), 'kvm.watchdog');
    assert.equal(cardOf('vm.xml', xml, 'i6300esb'), 'kvm.watchdog');
    assert.equal(cardOf('hvm.cfg', 'name = "hvm1"\ntype = "hvm"\nserial = "pty"\n', 'serial'), 'xl.serial');
  });
});

