import * as assert from 'node:assert/strict';
import { compile, formatProblem, type SourceFile } from '../../build/content';
import { TermMatcher } from '../../src/core/matching/matcher';
import { detectProfile } from '../../src/core/profile';

const SRC = 'sources:\n  - { title: Terraform vSphere provider, url: "https://registry.terraform.io/providers/hashicorp/vsphere/latest/docs" }';
const entry = (path: string, fields: string): SourceFile => ({ path, text: `---\n${fields}\n${SRC}\n---\nKey facts.\n` });

describe('scopes in the content format', () => {
  it('carries entry and alias scopes into the knowledge base', () => {
    const f = entry('content/tools/tf-vm.md', 'id: tf.vm\ntitle: VM resource\nkind: setting\nsummary: A VM.\naliases: [vsphere_virtual_machine, vm_network]\nscopes: [terraform, packer]\naliasScopes:\n  vm_network: [terraform]');
    const { kb, problems } = compile([f]);
    assert.deepEqual(problems, []);
    assert.deepEqual(kb.entries[0].scopes, ['terraform', 'packer']);
    assert.deepEqual(kb.entries[0].aliasScopes, { vm_network: ['terraform'] });
  });

  it('rejects unknown scope names and aliases that are not the entry\'s, with file:line', () => {
    const f = entry('content/tools/x.md', 'id: x.y\ntitle: X\nkind: concept\nsummary: X.\naliases: [foo]\nscopes: [terraform, teraform]\naliasScopes:\n  foo: [\'!qemu-cli\']\n  bar: [prose]');
    const p = compile([f]).problems.map(formatProblem);
    assert.equal(p.length, 2, p.join('\n'));
    assert.match(p[0], /^content\/tools\/x\.md:7: unknown scope `teraform` in `scopes`/);
    assert.equal(p[1], 'content/tools/x.md:10: aliasScopes names `bar`, which is not one of the aliases');
  });

  it('rejects a scope list that is not a list of names', () => {
    const f = entry('content/tools/x.md', 'id: x.y\ntitle: X\nkind: concept\nsummary: X.\naliases: [foo]\nscopes: terraform');
    assert.deepEqual(compile([f]).problems.map(formatProblem), ['content/tools/x.md:7: `scopes` must be a non-empty list of scope names']);
  });
});

describe('scopes in the term engine', () => {
  const m = new TermMatcher([
    { id: 'tf.network', aliases: ['vm_network'], scopes: ['terraform'] },
    { id: 'packer.network', aliases: ['vm_network'], scopes: ['packer'] },
    { id: 'qemu.snapshot', aliases: ['snapshot'], aliasScopes: { snapshot: ['qemu-cli'] } },
    { id: 'concept.snapshot', aliases: ['snapshot', 'checkpoint'], aliasScopes: { snapshot: ['!qemu-cli'] } },
  ]);
  const ids = (text: string, contexts?: string[]) => m.scan(text, { contexts }).map((x) => x.id);

  it('a scoped entry matches only in its scope; the in-scope candidate wins', () => {
    assert.deepEqual(ids('vm_network = "x"', ['terraform', 'hcl']), ['tf.network']);
    assert.deepEqual(ids('vm_network = "x"', ['packer', 'hcl']), ['packer.network']);
    assert.deepEqual(ids('vm_network = "x"', ['ansible', 'yaml']), []);
  });

  it('two aliases of one entry that read alike keep each their own scope (boot_order in Proxmox, bootOrder in KubeVirt)', () => {
    const b = new TermMatcher([{ id: 'kvm.boot-order', aliases: ['boot_order', 'bootOrder', 'bootindex'], aliasScopes: { boot_order: ['proxmox'], bootOrder: ['kubevirt'] } }]);
    const at = (text: string, contexts: string[]) => b.scan(text, { contexts }).map((x) => x.id);
    assert.deepEqual(at('bootOrder: 1', ['kubevirt', 'yaml']), ['kvm.boot-order']);
    assert.deepEqual(at('boot_order = "scsi0"', ['proxmox', 'hcl']), ['kvm.boot-order']);
    assert.deepEqual(at('bootOrder: 1', ['ansible', 'yaml']), []);
    assert.deepEqual(at('-device virtio-blk,bootindex=1 # bootOrder', ['qemu-cli', 'shell']), ['kvm.boot-order']);
  });

  it('an excluded context hands the alias to the other entry; other aliases are untouched', () => {
    assert.deepEqual(ids('-drive file=a,snapshot=on', ['qemu-cli', 'shell']), ['qemu.snapshot']);
    assert.deepEqual(ids('take a snapshot', ['prose']), ['concept.snapshot']);
    assert.deepEqual(ids('checkpoint', ['qemu-cli']), ['concept.snapshot']);
  });

  it('a region adds its contexts inside it only: scans and hovers agree', () => {
    const r = new TermMatcher([
      { id: 'vbox.additions', aliases: ['guest_additions_mode'], aliasScopes: { guest_additions_mode: ['packer-virtualbox'] } },
      { id: 'vbox.os', aliases: ['guest_os_type'], aliasScopes: { guest_os_type: ['packer-virtualbox'] } },
      { id: 'vmx.os', aliases: ['guest_os_type'], aliasScopes: { guest_os_type: ['packer-vmware'] } },
    ]);
    const text = '{ "guest_additions_mode": 1, "guest_os_type": "a" }\n{ "guest_additions_mode": 2, "guest_os_type": "b" }\n"guest_os_type"';
    const second = text.indexOf('\n') + 1;
    const regions = [
      { start: 0, end: second - 1, contexts: ['packer-hyperv'] },
      { start: second, end: text.lastIndexOf('\n'), contexts: ['packer-virtualbox'] },
    ];
    const contexts = ['packer', 'json'];
    const found = r.scan(text, { contexts, regions }).map((x) => [x.start >= second, x.id]);
    assert.deepEqual(found, [[true, 'vbox.additions'], [true, 'vbox.os']]);
    assert.equal(r.matchAt(text, text.indexOf('guest_os_type', second) + 2, { contexts, regions })?.id, 'vbox.os');
    assert.equal(r.matchAt(text, text.indexOf('guest_os_type') + 2, { contexts, regions }), undefined);
    assert.equal(r.matchAt(text, text.lastIndexOf('guest_os_type') + 2, { contexts, regions }), undefined);
    const vmware = [{ start: 0, end: text.length, contexts: ['packer-vmware'] }];
    assert.deepEqual(r.scan(text, { contexts, regions: vmware }).map((x) => x.id), ['vmx.os', 'vmx.os', 'vmx.os']);
  });

  it('without contexts (an exact look-up) scopes are not checked', () => {
    assert.equal(m.scan('vm_network').length, 1);
    assert.equal(m.lookupTerm('vm_network')?.candidates?.length, 2);
  });

  it('hover sees the same scopes as a scan', () => {
    const contexts = detectProfile({ fileName: 'main.tf', text: 'resource "vsphere_virtual_machine" "v" {\n  vm_network = 1\n}' }).contexts;
    assert.equal(m.matchAt('  vm_network = 1', 4, { contexts })?.id, 'tf.network');
    assert.equal(m.matchAt('  vm_network = 1', 4, { contexts: ['ansible'] }), undefined);
  });
});
