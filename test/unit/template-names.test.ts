/**
 * Names a file gives in templates and HCL are not the things they are named after (held-out
 * batch E): variable references, Jinja expressions, block labels and unquoted credentials.
 */
import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { detectProfile } from '../../src/core/profile';

const kb = bundledKnowledge();
const cards = (fileName: string, text: string) => {
  const p = detectProfile({ fileName, text });
  return kb.matcher.scan(text, { systems: p.systems, contexts: p.contexts, regions: p.regions }).map((m) => `${text.slice(m.start, m.end)} ${m.id}`);
};

describe('names in templates and HCL', () => {
  it('gives no card to an HCL reference, but still to the key it is assigned to', () => {
    const tf = [
      'resource "proxmox_virtual_environment_vm" "win" {',
      '  node_name = var.node_name',
      '  disk {',
      '    iothread     = disk.value.iothread',
      '    datastore_id = local.datastore_id',
      '  }',
      '}',
      '',
    ].join('\n');
    const got = cards('main.tf', tf);
    assert.equal(got.filter((g) => g.startsWith('node_name ')).length, 1, got.join('\n'));
    assert.equal(got.filter((g) => g.startsWith('iothread ')).length, 1, got.join('\n'));
    assert.equal(got.filter((g) => g.startsWith('datastore_id ')).length, 1, got.join('\n'));
  });

  it('gives no card to a name inside a Jinja expression', () => {
    const xml = "<domain type='kvm'>\n  {% if boot_firmware == 'efi' %}\n  <os firmware='{{ boot_firmware }}'>\n  {% endif %}\n  <cpu mode='{{ cpu_mode }}'/>\n  <memory unit='MiB'>{{ item.memsize | int }}</memory>\n</domain>\n";
    const got = cards('vm.xml.j2', xml);
    assert.ok(!got.some((g) => /^(boot_firmware|firmware|cpu_mode|memsize) /.test(g)), got.join('\n'));
    assert.ok(got.some((g) => g === 'efi hw.uefi'), `the literal "efi" compared with is a value: ${got.join('\n')}`);
  });

  it('gives element cards in a Jinja-templated libvirt domain whose values are all expressions', () => {
    const xml = [
      "<domain type='{{ engine }}'>",
      '  {% if vm.uuid is defined %}',
      '  <uuid>{{ vm.uuid }}</uuid>',
      '  {% endif %}',
      '  <memory>{{ vm.memory_mb | int * 1024 }}</memory>',
      '  <numatune><memory mode="strict" nodeset="0"/></numatune>',
      "  <os><type arch='x86_64'{% if machine %} machine='{{ machine }}'{% endif %}>hvm</type><bootmenu enable='no'/><bios useserial='yes'/></os>",
      '  <features><acpi/><apic/><pae/></features>',
      "  <disk type='volume'><driver name='qemu'{% if d.discard %} discard='{{ d.discard }}'{% endif %}/><source pool='{{ d.pool }}' volume='x'/></disk>",
      '</domain>',
      '',
    ].join('\n');
    const got = cards('vm.xml.j2', xml);
    for (const want of ['domain type kvm.domain-xml', 'uuid kvm.domain-uuid', 'memory kvm.guest-memory', 'memory mode kvm.numatune', 'machine kvm.machine', 'bootmenu kvm.boot-order', 'bios useserial kvm.bios-element', 'acpi kvm.acpi', 'apic kvm.apic', 'pae kvm.pae', 'discard kvm.discard', 'source pool kvm.storage-pool']) {
      assert.ok(got.includes(want), `${want}: ${got.join('\n')}`);
    }
    // the names inside {% %} and {{ }} are not terms: one uuid card for <uuid>, one for </uuid>
    assert.equal(got.filter((g) => g.startsWith('uuid ')).length, 2, got.join('\n'));
    assert.equal(got.filter((g) => g.startsWith('machine ')).length, 1, got.join('\n'));
    assert.equal(got.filter((g) => g.startsWith('discard ')).length, 1, got.join('\n'));
  });

  it('keeps those words out of libvirt scope elsewhere: memory, machine, pae and uuid in a shell script get no libvirt card', () => {
    const sh = '#!/bin/sh\n# memory and machine settings\npae=1\nuuid=$(uuidgen)\n';
    const got = cards('x.sh', sh);
    assert.ok(!got.some((g) => /kvm\.(guest-memory|machine|pae|domain-uuid)$/.test(g)), got.join('\n'));
  });

  it('gives no card to the name label of an HCL block, only to its type', () => {
    const tf = 'resource "vsphere_virtual_machine" "vm" {\n  name = "web"\n}\nsource "virtualbox-iso" "vm" {\n}\n';
    const got = cards('vm.tf', tf);
    assert.ok(!got.some((g) => g.startsWith('vm ')), got.join('\n'));
    assert.ok(got.some((g) => g.startsWith('vsphere_virtual_machine ')), got.join('\n'));
  });

  it('gives no card to an unquoted credential value', () => {
    const rb = 'Vagrant.configure("2") do |config|\n  config.vm.provision "ansible" do |ansible|\n    ansible.raw_arguments = ["-e ansible_become_pass=vagrant"]\n  end\nend\n';
    const got = cards('Vagrantfile', rb);
    assert.ok(!got.some((g) => g.startsWith('vagrant ')), got.join('\n'));
  });
});
