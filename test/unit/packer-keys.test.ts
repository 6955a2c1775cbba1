/**
 * Packer builder keys (held-out batch G's hyperv-source.pkr.hcl): the common keys get their own
 * setting cards in HCL and JSON templates, builder-specific keys only in their builder's block,
 * and the same words elsewhere (comments, other tools' files, VBoxManage or QEMU arguments) none.
 */
import * as assert from 'node:assert/strict';
import { cardOf } from './card-of';
import { detectProfile } from '../../src/core/profile';

const hcl =
  '# memory and cpus below are sized for the installer\n' +
  'source "hyperv-iso" "w2k22" {\n  headless    = false\n  skip_export = false\n  #output_directory = "out"\n' +
  '  iso_url      = var.iso_url\n  iso_checksum = "sha256:00"\n  #iso_target_path = "cache/"\n  vm_name = "w"\n  cpus = 2\n  memory = 4096\n' +
  '  disk_size = 40 * 1000\n  disk_block_size = 8\n  guest_additions_mode = "disable"\n  cd_content = { "Autounattend.xml" = "x" }\n  cd_files = ["a.ps1"]\n' +
  '  first_boot_device = "DVD"\n  communicator = "ssh"\n  ssh_timeout = "4h"\n  shutdown_command = "shutdown /s"\n}\n' +
  'source "virtualbox-iso" "v" {\n  guest_additions_mode = "upload"\n  vboxmanage = [["modifyvm", "{{.Name}}", "--cpus", "2", "--memory", "2048"]]\n  format = "ova"\n}\n' +
  'build {\n  sources = ["source.hyperv-iso.w2k22"]\n  post-processor "compress" {\n    format = ".tar.gz"\n  }\n}\n';

describe('Packer builder keys', () => {
  it('the common builder keys get their setting cards, commented out too', () => {
    const want: [string, string][] = [
      ['headless', 'tool.packer-headless'],
      ['skip_export', 'tool.packer-output-directory'],
      ['output_directory', 'tool.packer-output-directory'],
      ['iso_url', 'tool.packer-iso-url'],
      ['iso_checksum', 'tool.packer-iso-url'],
      ['iso_target_path', 'tool.packer-iso-url'],
      ['vm_name', 'tool.packer-vm-name'],
      ['cpus = 2', 'tool.packer-cpus'],
      ['memory = 4096', 'tool.packer-memory'],
      ['disk_size', 'tool.packer-disk-size'],
      ['disk_block_size', 'tool.packer-disk-size'],
      ['cd_content', 'tool.packer-cd-files'],
      ['cd_files', 'tool.packer-cd-files'],
      ['communicator', 'tool.packer-communicator'],
      ['ssh_timeout', 'tool.packer-ssh'],
      ['shutdown_command', 'tool.packer-shutdown-command'],
    ];
    for (const [find, id] of want) assert.equal(cardOf('hyperv-source.pkr.hcl', hcl, find), id, find);
  });

  it('builder-specific keys get their card in their builder\'s block', () => {
    assert.equal(cardOf('t.pkr.hcl', hcl, 'source "hyperv'), 'tool.packer-source-block');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'first_boot_device'), 'tool.packer-hyperv-boot-device');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'guest_additions_mode = "disable"'), 'tool.packer-guest-additions-mode');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'guest_additions_mode = "upload"'), 'tool.packer-guest-additions-mode');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'vboxmanage'), 'tool.packer-vboxmanage');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'format = "ova"'), 'tool.packer-output-directory');
  });

  it('the same words get no Packer card in a comment, in VBoxManage arguments, in a post-processor or in the build block', () => {
    assert.equal(cardOf('t.pkr.hcl', hcl, 'memory and'), undefined);
    assert.equal(cardOf('t.pkr.hcl', hcl, 'cpus below'), undefined);
    assert.equal(cardOf('t.pkr.hcl', hcl, 'format = ".tar.gz"'), undefined);
    assert.equal(cardOf('t.pkr.hcl', hcl, 'sources'), undefined);
  });

  it('VBoxManage commands in a vboxmanage list keep their VBoxManage cards and do not make the whole template a VBoxManage script', () => {
    assert.equal(cardOf('t.pkr.hcl', hcl, 'memory = 4096'), 'tool.packer-memory');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'modifyvm'), 'virtualbox.modifyvm');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'memory", "2048"'), 'virtualbox.modifyvm');
    assert.equal(cardOf('t.pkr.hcl', hcl, 'cpus", "2"', 0, 0), 'virtualbox.modifyvm');
  });

  it('a legacy JSON template gives the same cards in each builder object', () => {
    const json =
      '{\n  "builders": [\n    {\n      "type": "hyperv-iso",\n      "cpus": 2,\n      "memory": 4096,\n      "headless": true,\n      "first_boot_device": "DVD",\n      "winrm_timeout": "2h"\n    },\n' +
      '    {\n      "type": "qemu",\n      "accelerator": "kvm",\n      "qemuargs": [["-smp", "cpus=4"]],\n      "format": "qcow2"\n    }\n  ]\n}\n';
    assert.equal(cardOf('t.json', json, 'cpus'), 'tool.packer-cpus');
    assert.equal(cardOf('t.json', json, 'memory'), 'tool.packer-memory');
    assert.equal(cardOf('t.json', json, 'headless'), 'tool.packer-headless');
    assert.equal(cardOf('t.json', json, 'first_boot_device'), 'tool.packer-hyperv-boot-device');
    assert.equal(cardOf('t.json', json, 'winrm_timeout'), 'tool.packer-winrm');
    assert.equal(cardOf('t.json', json, 'accelerator'), 'tool.packer-qemu-accelerator');
    assert.equal(cardOf('t.json', json, 'qemuargs'), 'tool.packer-qemuargs');
    assert.equal(cardOf('t.json', json, 'format'), 'tool.packer-output-directory');
    assert.notEqual(cardOf('t.json', json, 'cpus=4'), 'tool.packer-cpus');
    // a key after a comma on one line is still a key, not a list item
    const oneLine = '{ "builders": [ { "type": "hyperv-iso", "cpus": 2, "memory": 4096 } ] }';
    assert.equal(cardOf('t.json', oneLine, 'cpus'), 'tool.packer-cpus');
    assert.equal(cardOf('t.json', oneLine, 'memory'), 'tool.packer-memory');
  });

  it('keys of one builder get no card in another builder\'s block', () => {
    const t = 'source "qemu" "q" {\n  first_boot_device = "DVD"\n  vboxmanage = []\n}\nsource "hyperv-iso" "h" {\n  accelerator = "kvm"\n  qemuargs = []\n}\n';
    assert.equal(cardOf('t.pkr.hcl', t, 'first_boot_device'), undefined);
    assert.notEqual(cardOf('t.pkr.hcl', t, 'vboxmanage'), 'tool.packer-vboxmanage');
    assert.equal(cardOf('t.pkr.hcl', t, 'accelerator'), undefined);
    assert.equal(cardOf('t.pkr.hcl', t, 'qemuargs'), undefined);
  });

  it('other tools\' files with the same key names get no Packer card', () => {
    const compose = 'services:\n  e2e:\n    environment:\n      headless: "true"\n    deploy:\n      resources:\n        limits:\n          cpus: "2.0"\n          memory: 4G\n';
    for (const w of ['headless', 'cpus', 'memory']) assert.equal(cardOf('docker-compose.yml', compose, w), undefined, w);
    const tf = 'module "agent" {\n  source   = "./modules/agent"\n  cpus     = 4\n  memory   = 8192\n  headless = true\n  vm_name  = "a"\n}\n';
    for (const w of ['source', 'cpus', 'memory', 'headless', 'vm_name']) assert.equal(cardOf('main.tf', tf, w), undefined, w);
    const nomad = 'job "e2e" {\n  group "g" {\n    task "t" {\n      artifact {\n        source = "https://example.com/a.tgz"\n      }\n      resources {\n        memory = 2048\n      }\n    }\n  }\n}\n';
    for (const w of ['source', 'memory']) assert.equal(cardOf('e2e.nomad.hcl', nomad, w), undefined, w);
  });
});

describe('document profile: Packer keyword and passthrough regions', () => {
  const contextsAt = (text: string, fileName: string, needle: string) => {
    const at = text.indexOf(needle);
    return detectProfile({ fileName, text }).regions.find((r) => r.start <= at && at < r.end)?.contexts ?? [];
  };

  it('the source keyword that opens an HCL builder block is a packer-source region, for any builder type', () => {
    const t = '  source "amazon-ebs" "a" {\n  source_ami = "x"\n}\n';
    assert.deepEqual(contextsAt(t, 't.pkr.hcl', 'source "amazon'), ['packer-source']);
    assert.deepEqual(contextsAt(t, 't.pkr.hcl', 'source_ami'), []);
  });

  it('the value of vboxmanage, qemuargs or vmx_data is a packer-passthrough region with that tool\'s context', () => {
    const t = 'source "qemu" "q" {\n  qemuargs = [["-m", "2G"]]\n  memory = 1\n}\n';
    assert.deepEqual(contextsAt(t, 't.pkr.hcl', '"-m"'), ['packer-qemu', 'kvm', 'packer-passthrough', 'qemu-cli']);
    assert.deepEqual(contextsAt(t, 't.pkr.hcl', 'memory'), ['packer-qemu', 'kvm']);
    const j = '{ "builders": [ { "type": "vmware-iso", "vmx_data": { "memsize": "4096" }, "cpus": 2 } ] }';
    assert.deepEqual(contextsAt(j, 't.json', 'memsize'), ['packer-vmware', 'workstation', 'packer-passthrough', 'vmx']);
    assert.deepEqual(contextsAt(j, 't.json', 'cpus'), ['packer-vmware', 'workstation']);
  });
});
