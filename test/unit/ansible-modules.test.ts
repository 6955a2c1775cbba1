// Ansible VM modules: a task's module key and the lines under it are a region (ansible-vmware,
// ansible-virt, ...), where option words such as command, memory_mb and thin get their cards;
// the same words elsewhere get none.
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';
import { detectProfile } from '../../src/core/profile';

const vmware = `- hosts: localhost
  tasks:
    - community.vmware.vmware_guest:
        name: web
        state: poweredon
        hardware:
          num_cpus: 4
          num_cpu_cores_per_socket: 2
          memory_mb: 8192
          nested_virt: true
          scsi: paravirtual
        disk:
          - size_gb: 40
            type: thin
    - community.vmware.vmware_guest_disk:
        name: web
        disk:
          - size_gb: 10
            type: eagerzeroedthick
    - community.vmware.vmware_guest_powerstate:
        name: web
        state: powered-off
      delegate_to: localhost
    - community.vmware.vmware_guest_network:
        name: web
    - community.vmware.vmware_vm_info:
      register: vms
    - ansible.builtin.debug:
        msg: "state: poweredon, type: thin"
`;
const libvirt = `- hosts: kvm
  tasks:
    - community.libvirt.virt:
        command: define
        xml: "{{ lookup('template', 'vm.xml.j2') }}"
        autostart: true
    - community.libvirt.virt_net:
        command: create
        name: default
    - community.libvirt.virt_pool:
        command: build
        name: images
    - ansible.builtin.command:
        cmd: /bin/true
    - kubevirt.core.kubevirt_vm:
        name: vm1
        namespace: default
`;

describe('Ansible VM module tasks', () => {
  it('the module task is a region with its collection\'s scope', () => {
    const p = detectProfile({ fileName: 'site.yml', text: libvirt });
    const contexts = p.regions.flatMap((r) => r.contexts);
    assert.deepEqual([...new Set(contexts)], ['ansible-virt', 'ansible-virt-net', 'ansible-virt-pool', 'ansible-kubevirt']);
  });
  it('community.vmware modules and the option words of their tasks', () => {
    for (const [find, id, n] of [
      ['vmware_guest_disk', 'esxi.ansible-vmware-guest-disk', 0], ['vmware_guest_powerstate', 'esxi.ansible-vmware-guest-powerstate', 0],
      ['vmware_guest_network', 'esxi.ansible-vmware-guest-network', 0], ['vmware_vm_info', 'esxi.ansible-vmware-vm-info', 0],
      ['poweredon', 'esxi.ansible-vmware-guest-powerstate', 0], ['powered-off', 'esxi.ansible-vmware-guest-powerstate', 0],
      ['num_cpus', 'vmx.numvcpus', 0], ['num_cpu_cores_per_socket', 'vmx.cpuid-corespersocket', 0], ['memory_mb', 'vmx.memsize', 0],
      ['nested_virt', 'vmx.vhv-enable', 0], ['paravirtual', 'esxi.pvscsi', 0], ['thin', 'esxi.disk-provisioning', 0],
    ] as const) assert.equal(cardOf('site.yml', vmware, find, n), id, find);
  });
  it('the same words outside a VMware task get no card', () => {
    assert.equal(cardOf('site.yml', vmware, 'poweredon', 1), undefined);
    assert.equal(cardOf('site.yml', vmware, 'thin', 1), undefined);
    assert.equal(cardOf('site.yml', vmware, 'delegate_to'), undefined);
  });
  it('community.libvirt modules: command, xml and autostart are the module\'s own', () => {
    assert.equal(cardOf('site.yml', libvirt, 'community.libvirt.virt'), 'kvm.ansible-libvirt-virt');
    assert.equal(cardOf('site.yml', libvirt, 'command'), 'kvm.ansible-libvirt-virt');
    assert.equal(cardOf('site.yml', libvirt, 'xml:'), 'kvm.ansible-libvirt-virt');
    assert.equal(cardOf('site.yml', libvirt, 'autostart'), 'kvm.ansible-libvirt-virt');
    assert.equal(cardOf('site.yml', libvirt, 'community.libvirt.virt_net'), 'kvm.ansible-libvirt-virt-net');
    assert.equal(cardOf('site.yml', libvirt, 'command', 1), 'kvm.ansible-libvirt-virt-net');
    assert.equal(cardOf('site.yml', libvirt, 'command', 2), 'kvm.ansible-libvirt-virt-pool');
    assert.equal(cardOf('site.yml', libvirt, 'kubevirt.core.kubevirt_vm'), 'kvm.ansible-kubevirt-core');
  });
  it('ansible.builtin.command is no virt command', () => {
    assert.equal(cardOf('site.yml', libvirt, 'command', 3, 'ansible.builtin.'.length), undefined);
  });
  it('in a YAML file of another tool the option words get no card', () => {
    const other = 'services:\n  app:\n    command: define\n    autostart: true\n    state: poweredon\n    memory_mb: 512\n    type: thin\n    nested_virt: true\n';
    for (const find of ['command', 'autostart', 'poweredon', 'memory_mb', 'thin']) assert.equal(cardOf('compose.yml', other, find), undefined, find);
    assert.equal(cardOf('compose.yml', other, 'nested_virt'), 'concept.nested-virtualization');
  });
});

describe('Vagrantfile synced folders, networks and the libvirt management network', () => {
  const vagrantfile = `Vagrant.configure("2") do |config|
  config.vm.network "forwarded_port", guest: 80, host: 8080
  config.vm.network :public_network, bridge: "eth0"
  config.vm.synced_folder ".", "/src", type: "rsync", rsync__args: ["-a"]
  config.vm.provider :libvirt do |lv|
    lv.management_network_address = "10.10.0.0/24"
    lv.management_network_mode = "route"
  end
end
`;
  it('gets the synced-folder, Vagrantfile and vagrant-libvirt cards', () => {
    assert.equal(cardOf('Vagrantfile', vagrantfile, 'config.vm.synced_folder'), 'tool.vagrant-synced-folder');
    assert.equal(cardOf('Vagrantfile', vagrantfile, 'rsync__args'), 'tool.vagrant-synced-folder');
    assert.equal(cardOf('Vagrantfile', vagrantfile, 'forwarded_port'), 'tool.vagrantfile');
    assert.equal(cardOf('Vagrantfile', vagrantfile, 'public_network'), 'tool.vagrantfile');
    assert.equal(cardOf('Vagrantfile', vagrantfile, 'lv.management_network_address'), 'tool.vagrant-libvirt');
    assert.equal(cardOf('Vagrantfile', vagrantfile, 'lv.management_network_mode'), 'tool.vagrant-libvirt');
  });
  it('the same keys in another tool\'s YAML get no card', () => {
    const other = 'synced_folder: x\npublic_network: y\nforwarded_port: 1\nmanagement_network_mode: nat\n';
    for (const find of ['synced_folder', 'public_network', 'forwarded_port', 'management_network_mode']) assert.equal(cardOf('app.yml', other, find), undefined, find);
  });
});
