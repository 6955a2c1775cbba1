import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const kb = bundledKnowledge();

/** The entry each listed term gets in `text` (first occurrence of each term). */
function cardsFor(text: string, terms: string[]): Record<string, string | undefined> {
  const matches = kb.matcher.scan(text);
  const out: Record<string, string | undefined> = {};
  for (const term of terms) {
    const at = text.indexOf(term);
    out[term] = matches.find((m) => m.start === at && m.end === at + term.length)?.id;
  }
  return out;
}

/** Ids from content/tools and content/platforms that match anywhere in `text`. */
function toolCards(text: string): string[] {
  return kb.matcher.scan(text).map((m) => m.id).filter((id) => id.startsWith('platform.') || id.startsWith('tool.'));
}

describe('platform and tool cards in real file shapes', () => {
  it('explains the sections of a Kata configuration.toml', () => {
    const toml = '[hypervisor.qemu]\npath = "/opt/kata/bin/qemu-system-x86_64"\n\n[hypervisor.dragonball]\ndefault_vcpus = 1\n\n[hypervisor.clh]\n';
    assert.deepEqual(cardsFor(toml, ['hypervisor.qemu', 'hypervisor.dragonball', 'hypervisor.clh']), {
      'hypervisor.qemu': 'platform.kata-configuration',
      'hypervisor.dragonball': 'platform.kata-configuration',
      'hypervisor.clh': 'platform.kata-configuration',
    });
  });

  it('explains KubeVirt volume types, and leaves Kubernetes metadata alone', () => {
    const yaml = [
      'apiVersion: kubevirt.io/v1',
      'kind: VirtualMachine',
      'metadata:',
      '  name: fedora',
      'spec:',
      '  dataVolumeTemplates:',
      '  - metadata:',
      '      name: fedora-dv',
      '  template:',
      '    spec:',
      '      volumes:',
      '      - name: root',
      '        containerDisk:',
      '          image: quay.io/example/fedora:40',
      '      - name: seed',
      '        cloudInitNoCloud:',
      '          userDataBase64: I2Nsb3VkLWNvbmZpZwo=',
    ].join('\n');
    assert.deepEqual(cardsFor(yaml, ['dataVolumeTemplates', 'containerDisk', 'cloudInitNoCloud', 'userDataBase64']), {
      dataVolumeTemplates: 'platform.kubevirt-datavolume',
      containerDisk: 'platform.kubevirt-containerdisk',
      cloudInitNoCloud: 'platform.kubevirt-cloudinit',
      userDataBase64: 'platform.kubevirt-cloudinit',
    });
    const metadata = kb.matcher.scan(yaml).filter((m) => yaml.slice(m.start, m.end).toLowerCase() === 'metadata');
    assert.deepEqual(metadata, []);
  });

  it('explains Proxmox VM config keys and volume IDs', () => {
    const conf = 'cicustom: user=local:snippets/user.yaml\nhostpci4: 0000:02:00,pcie=1,x-vga=1\nipconfig0: ip=dhcp\nostype: l26\nscsi0: local-lvm:vm-100-disk-0,iothread=1\n';
    assert.deepEqual(cardsFor(conf, ['cicustom', 'hostpci4', 'ipconfig0', 'l26', 'local-lvm']), {
      cicustom: 'platform.proxmox-cloud-init',
      hostpci4: 'platform.proxmox-hostpci',
      ipconfig0: 'platform.proxmox-cloud-init',
      l26: 'platform.proxmox-ostype',
      'local-lvm': 'platform.proxmox-storage',
    });
  });

  it('explains a Firecracker --config-file and an LXC config', () => {
    const json = '{ "boot-source": { "kernel_image_path": "vmlinux.bin" },\n  "machine-config": { "vcpu_count": 2, "mem_size_mib": 1024 } }';
    assert.deepEqual(cardsFor(json, ['boot-source', 'machine-config', 'vcpu_count', 'mem_size_mib']), {
      'boot-source': 'platform.firecracker-config',
      'machine-config': 'platform.firecracker-config',
      vcpu_count: 'platform.firecracker-config',
      mem_size_mib: 'platform.firecracker-config',
    });
    const lxc = 'lxc.uts.name = web\nlxc.net.1.type = veth\nlxc.idmap = u 0 100000 65536\n';
    assert.deepEqual(cardsFor(lxc, ['lxc.uts.name', 'lxc.net.1.type', 'lxc.idmap']), {
      'lxc.uts.name': 'platform.lxc-config',
      'lxc.net.1.type': 'platform.lxc-config',
      'lxc.idmap': 'platform.lxc-config',
    });
  });

  it('explains gVisor runtimes and cloud-init seeds', () => {
    const daemon = '{ "runtimes": { "runsc": { "runtimeArgs": ["--platform=systrap"] } } }';
    assert.deepEqual(cardsFor(daemon, ['runsc', 'platform=systrap']), { runsc: 'platform.gvisor', 'platform=systrap': 'platform.gvisor' });
    const sh = 'cloud-localds seed.img user-data meta-data   # a CIDATA volume for the NoCloud data source\n';
    assert.deepEqual(cardsFor(sh, ['cloud-localds', 'CIDATA', 'NoCloud']), {
      'cloud-localds': 'platform.cloud-init-nocloud',
      CIDATA: 'platform.cloud-init-nocloud',
      NoCloud: 'platform.cloud-init-nocloud',
    });
  });

  it('keeps ordinary code that shares their words quiet', () => {
    const code = [
      'const cloudConfig = loadCloudConfig(userData, metadata);',
      'var Packer = module.exports = function(options) { this.bitPacker = new BitPacker(); };',
      'const interfaces = os.networkInterfaces();',
      'const bootArgs = parseArgs(process.argv);',
    ].join('\n');
    assert.deepEqual(toolCards(code), []);
  });

  it('no longer claims a --nestedhwvirt spelling or a VirtualBox 7.0 rename', () => {
    const body = kb.get('tool.vagrant-customize')!.body;
    assert.doesNotMatch(body, /--nestedhwvirt/);
    assert.match(body, /--x86-nested-hw-virt/);
  });
});
