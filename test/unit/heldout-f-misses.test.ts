/**
 * Held-out batch F misses left after the first fixes (docs/reviews/heldout-f.md): KubeVirt's
 * domain resources, networks and emptyDisk, Vagrant options, libvirt per-device boot order and
 * raw driver type, QEMU's if=ide and the virtio-win ISO.
 */
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';


const VM = [
  'apiVersion: kubevirt.io/v1',
  'kind: VirtualMachine',
  'spec:',
  '  template:',
  '    spec:',
  '      domain:',
  '        resources:',
  '          requests:',
  '            memory: 4Gi',
  '      # the pod network comes first',
  '      networks:',
  '        - name: default',
  '          pod: {}',
  '        - name: lab',
  '          multus:',
  '            networkName: lab-bridge',
  '      volumes:',
  '        - name: scratch',
  '          emptyDisk:',
  '            capacity: 2Gi',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          resources:',
  '            requests:',
  '              memory: 64Mi',
  '',
].join('\n');

describe('held-out batch F misses: KubeVirt', () => {
  it('memory under the domain\'s resources.requests is the guest memory, a container\'s is not', () => {
    assert.equal(cardOf('vm.yaml', VM, 'memory: 4Gi'), 'kvm.guest-memory');
    assert.equal(cardOf('vm.yaml', VM, 'memory: 64Mi'), undefined);
  });
  it('pod and multus under networks: are network sources; pod in a comment is not', () => {
    assert.equal(cardOf('vm.yaml', VM, 'pod: {}'), 'kvm.kubevirt-network');
    assert.equal(cardOf('vm.yaml', VM, 'multus:'), 'kvm.kubevirt-network');
    assert.equal(cardOf('vm.yaml', VM, 'networkName'), 'kvm.kubevirt-network');
    assert.equal(cardOf('vm.yaml', VM, 'pod network'), undefined);
  });
  it('emptyDisk is the KubeVirt emptyDisk volume', () => {
    assert.equal(cardOf('vm.yaml', VM, 'emptyDisk'), 'kvm.kubevirt-empty-disk');
  });
});

describe('held-out batch F misses: Vagrant', () => {
  const rb = [
    'Vagrant.configure("2") do |config|',
    '  config.vm.network :private_network, :auto_config => false',
    '  config.vm.provider :libvirt do |v|',
    '    v.video_vram = 256',
    '    v.management_network_keep = true',
    '  end',
    '  config.vm.provider :virtualbox do |v|',
    '    # more memory',
    '    v.customize ["modifyvm", :id, "--memory", 2048]',
    '  end',
    '  config.vm.provision "shell", inline: "free -m"',
    'end',
  ].join('\n');
  it('network, provision and private_network are the Vagrantfile\'s', () => {
    assert.equal(cardOf('Vagrantfile', rb, 'config.vm.network'), 'tool.vagrantfile');
    assert.equal(cardOf('Vagrantfile', rb, 'private_network'), 'tool.vagrantfile');
    assert.equal(cardOf('Vagrantfile', rb, 'config.vm.provision'), 'tool.vagrantfile');
  });
  it('libvirt block options are vagrant-libvirt\'s; --memory of modifyvm is modifyvm\'s, a comment is not', () => {
    assert.equal(cardOf('Vagrantfile', rb, 'v.video_vram'), 'tool.vagrant-libvirt');
    assert.equal(cardOf('Vagrantfile', rb, 'v.management_network_keep'), 'tool.vagrant-libvirt');
    assert.equal(cardOf('Vagrantfile', rb, 'memory'), undefined); // the comment's
    assert.equal(cardOf('Vagrantfile', rb, 'memory"'), 'virtualbox.modifyvm');
  });
});

describe('held-out batch F misses: libvirt and QEMU', () => {
  const xml = [
    "<domain type='kvm'>",
    '  <devices>',
    "    <disk type='file' device='cdrom'>",
    "      <driver name='qemu' type='raw'/>",
    "      <source file='/srv/raw-install.iso'/>",
    "      <boot order='2'/>",
    '    </disk>',
    '  </devices>',
    '</domain>',
  ].join('\n');
  it('<boot order> inside a device is the boot order; type=\'raw\' is the raw format, not inside a file name', () => {
    assert.equal(cardOf('vm.xml', xml, 'boot order'), 'kvm.boot-order');
    assert.equal(cardOf('vm.xml', xml, "raw'"), 'format.raw');
    assert.equal(cardOf('vm.xml', xml, 'raw-install'), undefined);
  });
  it('if=ide is the -drive interface, virtio.iso the virtio-win ISO', () => {
    const sh = 'qemu-system-x86_64 -enable-kvm -drive file=virtio.iso,if=ide,media=cdrom\n';
    assert.equal(cardOf('run.sh', sh, 'if=ide'), 'kvm.drive');
    assert.equal(cardOf('run.sh', sh, 'virtio.iso'), 'kvm.virtio-win');
  });
});
