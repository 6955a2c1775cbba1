/**
 * Parts of a document with contexts of their own: a Packer template's builder blocks
 * (`source "hyperv-iso" "x" { ... }` in HCL, one object of the `"builders": [...]` array in
 * JSON). Keys several builders share (`guest_os_type`, `guest_additions_mode`) mean the
 * thing of the builder whose block they sit in. One linear pass over the text.
 */

/**
 * Contexts a Packer builder block adds, by builder family; `packer-source`: the `source` keyword
 * that opens an HCL one; `packer-passthrough`: the value of a key whose strings go to another tool
 * (`vboxmanage`, `qemuargs`, `vmx_data`), which also gets that tool's context.
 */
export const BUILDER_SCOPES = ['packer-hyperv', 'packer-qemu', 'packer-virtualbox', 'packer-vmware', 'packer-vsphere', 'packer-proxmox', 'packer-source', 'packer-passthrough'] as const;

/** Builder keys whose value is passed to another tool, and that tool's context. */
const PASSTHROUGH = /(?:^|[\s{,])"?(vboxmanage(?:_post)?|qemuargs|vmx_data(?:_post)?)"?[ \t]*[=:][ \t]*([[{])/gm;
const PASSTHROUGH_TOOL: Readonly<Record<string, string>> = { vboxmanage: 'vboxmanage', vboxmanage_post: 'vboxmanage', qemuargs: 'qemu-cli', vmx_data: 'vmx', vmx_data_post: 'vmx' };

/** The values of passthrough keys inside the builder block text[start, end). */
function passthroughRegions(text: string, start: number, end: number, hcl: boolean, out: ProfileRegion[]): void {
  PASSTHROUGH.lastIndex = start;
  for (let m = PASSTHROUGH.exec(text); m && m.index < end; m = PASSTHROUGH.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = Math.min(end, closingBracket(text, open, hcl));
    out.push({ start: open, end: close, contexts: ['packer-passthrough', PASSTHROUGH_TOOL[m[1]]] });
    PASSTHROUGH.lastIndex = close;
  }
}

/**
 * Hyper-V cmdlets whose parameters are ordinary words (`Set-VMProcessor -Count 4`): the scope
 * `cmdlet-<name>` covers one call of the cmdlet, up to the end of its statement.
 */
const CMDLET_SCOPES_LIST = ['cmdlet-set-vmprocessor', 'cmdlet-set-vmfirmware', 'cmdlet-set-vmmemory', 'cmdlet-new-vhd', 'cmdlet-set-vmhost'] as const;

/**
 * A libvirt domain's device and `<os>` elements whose words (`virtio`, `tablet`, `kernel`, `io`)
 * mean that element's thing, and a `<controller>`'s or `<input>`'s kind by its `type` or `bus`.
 */
export const LIBVIRT_ELEMENT_SCOPES = [
  'libvirt-os', 'libvirt-disk', 'libvirt-interface', 'libvirt-input', 'libvirt-input-usb', 'libvirt-sound', 'libvirt-audio', 'libvirt-video',
  'libvirt-rng', 'libvirt-console', 'libvirt-serial', 'libvirt-channel', 'libvirt-memballoon', 'libvirt-filesystem', 'libvirt-tpm', 'libvirt-controller',
  'libvirt-controller-usb', 'libvirt-controller-pci', 'libvirt-controller-ide', 'libvirt-controller-sata', 'libvirt-controller-scsi',
  'libvirt-controller-virtio-serial', 'libvirt-qemu-cpu-arg',
] as const;

/**
 * Contexts of parts of a document whose words mean something narrower there: near disk
 * partitioning (`Get-Partition`, `sgdisk`, an answer file's `<CreatePartition>`), a KubeVirt
 * spec's `memory:`, `cpu:`, `features:` and `networks:` blocks and its domain's `resources:`, a DSC configuration's `Vhd` and
 * `WindowsFeature` resources, a Packer template's `required_plugins` block, a Terraform
 * resource for a Proxmox LXC container, a Terraform resource of the Hyper-V provider (`hyperv_*`), a Vagrantfile's provider blocks, a libvirt domain's
 * `<features>` block, a vCPU topology (`<topology .../>`, the argument of `-smp`) and the argument
 * of a QEMU or virt-install option for a device other than a NIC (`-audio`, `--sound`, `--video`...),
 * one QEMU command line (`qemu-system-x86_64 ...` with its `\\` continuation lines, a libvirt
 * `<qemu:commandline>` block), the guest kernel's command line in it (`-append '...'`, `<cmdline>`)
 * the argument of QEMU's `-cpu` (where `host` is the host CPU model), and an xl.cfg `disk = [ ... ]`
 * list (`xl-disk`).
 */
export const SENSE_SCOPES = [
  'disk-partition', 'kubevirt-memory', 'kubevirt-cpu', 'kubevirt-features', 'kubevirt-networks', 'kubevirt-resources', 'kubevirt-datavolume', 'kubevirt-disks', 'kubevirt-matcher', 'dsc-vhd', 'dsc-windowsfeature', 'packer-plugins', 'proxmox-lxc', 'proxmox-vga',
  'terraform-hyperv', 'ansible-vmware', 'ansible-virt', 'ansible-virt-net', 'ansible-virt-pool', 'ansible-kubevirt', 'vagrant-libvirt', 'vagrant-virtualbox', 'vagrant-hyperv', 'vagrant-vmware', 'libvirt-features', 'cpu-topology', 'other-device-option',
  'qemu-command', 'guest-cmdline', 'qemu-cpu', 'xl-disk', 'xl-vif', 'xl-device-list',
  ...CMDLET_SCOPES_LIST,
  ...LIBVIRT_ELEMENT_SCOPES,
] as const;

export interface ProfileRegion {
  /** offsets into the document; `end` is exclusive */
  start: number;
  end: number;
  /** added to the document's contexts inside the region */
  contexts: string[];
  /**
   * A Vagrant provider block's variable and the name the content writes its options under
   * (`|v|` in a Hyper-V block: `v.maxmemory` reads as `hv.maxmemory`).
   */
  receiver?: readonly [string, string];
}

/** The builder family a Packer builder type belongs to (`hyperv-vmcx` → packer-hyperv), with its system. */
const FAMILIES: readonly [RegExp, string, string][] = [
  [/^hyperv-/, 'packer-hyperv', 'hyperv'],
  [/^qemu$/, 'packer-qemu', 'kvm'],
  [/^virtualbox-/, 'packer-virtualbox', 'virtualbox'],
  [/^vmware-/, 'packer-vmware', 'workstation'],
  [/^vsphere-/, 'packer-vsphere', 'esxi'],
  [/^proxmox(-|$)/, 'packer-proxmox', 'kvm'],
];

/** A builder block's contexts: its family and system, or none for a builder we know nothing of. */
function builderContexts(type: string): string[] {
  const t = type.toLowerCase();
  for (const [re, scope, system] of FAMILIES) if (re.test(t)) return [scope, system];
  return [];
}

/**
 * The offset just after the bracket that closes the one at `open` (`{` or `[`), skipping
 * strings and comments; the text's length when it never closes.
 */
export function closingBracket(text: string, open: number, hcl: boolean): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34 || (d === 10 && !hcl)) break;
      }
    } else if (hcl && (c === 35 /* # */ || (c === 47 && text.charCodeAt(i + 1) === 47))) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (hcl && c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return i + 1;
    }
  }
  return text.length;
}

const HCL_SOURCE = /^([ \t]*)source[ \t]+"([A-Za-z0-9_-]+)"[ \t]+"[^"\n]*"[ \t]*\{/gm;
const JSON_BUILDERS = /"builders"\s*:\s*\[/g;
const JSON_TYPE = /"type"\s*:\s*"([A-Za-z0-9_-]+)"/y;

/** The builder blocks of a Packer template, in order. */
export function packerRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(HCL_SOURCE)) {
    const open = m.index + m[0].length - 1;
    const end = closingBracket(text, open, true);
    out.push({ start: m.index, end, contexts: builderContexts(m[2]) });
    passthroughRegions(text, open, end, true, out);
    // the keyword itself, for any builder type (`source "amazon-ebs" ...` is a source block too)
    const keyword = m.index + m[1].length;
    out.push({ start: keyword, end: keyword + 6, contexts: ['packer-source'] });
  }
  for (const m of text.matchAll(JSON_BUILDERS)) {
    const arrayEnd = closingBracket(text, m.index + m[0].length - 1, false);
    // each object of the array; its own "type" key (depth 1) names the builder
    for (let i = m.index + m[0].length; i < arrayEnd; i++) {
      if (text.charCodeAt(i) !== 123) continue;
      const end = closingBracket(text, i, false);
      out.push({ start: i, end, contexts: builderContexts(ownType(text, i, end)) });
      passthroughRegions(text, i, end, false, out);
      i = end - 1;
    }
  }
  return out.filter((r) => r.contexts.length).sort((a, b) => a.start - b.start);
}

/** The value of the `"type"` key of the JSON object text[open, end), not of an object inside it. */
function ownType(text: string, open: number, end: number): string {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      if (depth === 1) {
        JSON_TYPE.lastIndex = i;
        const t = JSON_TYPE.exec(text);
        if (t) return t[1];
      }
      for (i++; i < end && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return '';
}

/** How far around a disk-partitioning word `partition` and `MSR` mean a disk's. */
const DISK_REACH = 300;
const DISK_WORDS = /\b(?:(?:Get|New|Remove|Resize|Set)-Partition(?:Supported?Size)?|Initialize-Disk|Get-Disk|DiskNumber|PartitionStyle|sgdisk|gdisk|fdisk|sfdisk|parted|mkpart|mklabel|diskpart|mbr2gpt|partition table|partition type|typecode|CreatePartitions?|ModifyPartitions?|EFI system partition|Microsoft Reserved)\b/gi;

/** Regions within DISK_REACH of a word that is only about disk partitioning. */
function diskRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(DISK_WORDS)) {
    const start = Math.max(0, m.index - DISK_REACH);
    const end = Math.min(text.length, m.index + m[0].length + DISK_REACH);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = end;
    else out.push({ start, end, contexts: ['disk-partition'] });
  }
  return out;
}

const YAML_BLOCK = /^([ \t]*)(-[ \t]+)?(memory|cpu|features|networks|resources|dataVolumeTemplates|disks|instancetype|preference|spec):[ \t]*(#.*)?$/gm;

/** The context of a KubeVirt YAML block key (`dataVolumeTemplates:` is DataVolume specs). */
const KUBEVIRT_BLOCK: Readonly<Record<string, string>> = {
  dataVolumeTemplates: 'kubevirt-datavolume', disks: 'kubevirt-disks', instancetype: 'kubevirt-matcher', preference: 'kubevirt-matcher', spec: 'kubevirt-datavolume',
};

/** The `kind:` of the YAML document (between `---` lines) that holds `at`, or ''. */
function yamlKind(text: string, at: number): string {
  const start = text.lastIndexOf('\n---', at);
  const next = text.indexOf('\n---', at);
  const doc = text.slice(start === -1 ? 0 : start, next === -1 ? text.length : next);
  return /^kind:[ \t]*["']?(\w+)/m.exec(doc)?.[1] ?? '';
}

/** The key of the nearest line above `at` indented less than `indent` (a YAML parent key), or ''. */
function parentKey(text: string, at: number, indent: number): string {
  let end = at;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(start, end).replace(/\r?\n$/, '');
    const lead = line.length - line.trimStart().length;
    if (line.trim() && !line.trimStart().startsWith('#') && lead < indent) return /^[ \t]*(?:-[ \t]+)?([\w.-]+):/.exec(line)?.[1] ?? '';
    if (start === 0) break;
    end = start;
  }
  return '';
}

/**
 * A KubeVirt spec's `memory:`, `cpu:`, `features:` and `networks:` blocks, a `resources:`
 * block directly under `domain:` (a container's `resources:` is not the VM's), `disks:` under
 * `devices:`, a VM's `instancetype:`/`preference:` matchers (under `spec:`), and DataVolume specs
 * (`dataVolumeTemplates:`, a `kind: DataVolume` document's `spec:`): the key line and the lines
 * indented under it.
 */
function kubevirtRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(YAML_BLOCK)) {
    const indent = m[1].length + (m[2]?.length ?? 0);
    if (m[3] === 'resources' && parentKey(text, m.index, indent) !== 'domain') continue;
    if (m[3] === 'disks' && parentKey(text, m.index, indent) !== 'devices') continue;
    if ((m[3] === 'instancetype' || m[3] === 'preference') && parentKey(text, m.index, indent) !== 'spec') continue;
    // a standalone DataVolume's top-level spec
    if (m[3] === 'spec' && (indent !== 0 || yamlKind(text, m.index) !== 'DataVolume')) continue;
    let end = m.index + m[0].length;
    let i = end;
    while (i < text.length) {
      const nl = text.indexOf('\n', i + 1);
      const lineEnd = nl === -1 ? text.length : nl;
      const line = text.slice(i + 1, lineEnd);
      const lead = line.length - line.trimStart().length;
      // a list may sit at its key's own indent (`disks:` then `- name: a`)
      if (line.trim() && (lead < indent || (lead === indent && !/^[ \t]*-[ \t]/.test(line)))) break;
      end = lineEnd;
      i = lineEnd;
      if (nl === -1) break;
    }
    out.push({ start: m.index, end, contexts: [KUBEVIRT_BLOCK[m[3]] ?? `kubevirt-${m[3]}`] });
  }
  return out;
}

const DSC_RESOURCE = /^[ \t]*(x?Vhd|x?WindowsFeature|WindowsOptionalFeature)[ \t]+[\w$'"-]+[ \t]*(?:\r?\n[ \t]*)?\{/gim;

/** A DSC configuration's `Vhd` and `WindowsFeature` resource blocks. */
function dscRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(DSC_RESOURCE)) {
    const open = m.index + m[0].length - 1;
    const kind = /vhd$/i.test(m[1]) ? 'dsc-vhd' : 'dsc-windowsfeature';
    out.push({ start: m.index, end: closingBracket(text, open, true), contexts: [kind] });
  }
  return out;
}

const REQUIRED_PLUGINS = /^[ \t]*required_plugins[ \t]*\{/gm;

function pluginRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(REQUIRED_PLUGINS)].map((m) => ({ start: m.index, end: closingBracket(text, m.index + m[0].length - 1, true), contexts: ['packer-plugins'] }));
}

const LXC_RESOURCE = /^[ \t]*resource[ \t]+"(?:proxmox_virtual_environment_container|proxmox_lxc)"[ \t]+"[^"\n]*"[ \t]*\{/gm;

function lxcRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(LXC_RESOURCE)].map((m) => ({ start: m.index, end: closingBracket(text, m.index + m[0].length - 1, true), contexts: ['proxmox-lxc'] }));
}

const HYPERV_RESOURCE = /^[ \t]*(?:resource|data)[ \t]+"hyperv_[a-z_]+"[ \t]+"[^"\n]*"[ \t]*\{/gm;

/** A Terraform block of the Hyper-V provider (`resource "hyperv_machine_instance" "x" { ... }`). */
function hypervResourceRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(HYPERV_RESOURCE)].map((m) => ({ start: m.index, end: closingBracket(text, m.index + m[0].length - 1, true), contexts: ['terraform-hyperv'] }));
}

/** Ansible VM modules whose options are ordinary words (`command`, `state`, `memory_mb`), by the scope of their task. */
const ANSIBLE_MODULES: Readonly<Record<string, string>> = {
  vmware_guest: 'ansible-vmware', vmware_guest_disk: 'ansible-vmware', vmware_guest_network: 'ansible-vmware',
  vmware_guest_powerstate: 'ansible-vmware', vmware_vm_info: 'ansible-vmware',
  virt: 'ansible-virt', virt_net: 'ansible-virt-net', virt_pool: 'ansible-virt-pool', kubevirt_vm: 'ansible-kubevirt',
};
const ANSIBLE_TASK = /^([ \t]*)(-[ \t]+)?(?:(?:community\.(?:vmware|libvirt)|kubevirt\.core)\.)?(vmware_guest(?:_disk|_network|_powerstate)?|vmware_vm_info|virt(?:_net|_pool)?|kubevirt_vm):(?=[ \t]|\r?$)/gm;

/** One Ansible task's module key (`community.libvirt.virt:`) and the lines indented under it: its arguments. */
function ansibleRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(ANSIBLE_TASK)) {
    const indent = m[1].length + (m[2]?.length ?? 0);
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    while (end < text.length) {
      const nl = text.indexOf('\n', end + 1);
      const lineEnd = nl === -1 ? text.length : nl;
      const line = text.slice(end + 1, lineEnd);
      const lead = line.length - line.trimStart().length;
      // a list may sit at its key's own indent (`disks:` then `- name: a`)
      if (line.trim() && (lead < indent || (lead === indent && !/^[ \t]*-[ \t]/.test(line)))) break;
      end = lineEnd;
    }
    out.push({ start: m.index, end, contexts: [ANSIBLE_MODULES[m[3]]] });
  }
  return out;
}

/** Vagrant providers, with the name the content writes each one's options under (`lv.memory`, `hv.cpus`, `v.vmx`). */
const VAGRANT_PROVIDERS: Readonly<Record<string, readonly [string, string]>> = {
  libvirt: ['vagrant-libvirt', 'lv'],
  virtualbox: ['vagrant-virtualbox', 'vb'],
  hyperv: ['vagrant-hyperv', 'hv'],
  vmware_desktop: ['vagrant-vmware', 'v'],
  vmware_workstation: ['vagrant-vmware', 'v'],
  vmware_fusion: ['vagrant-vmware', 'v'],
};
const VAGRANT_PROVIDER = /^([ \t]*)[A-Za-z_]\w*\.vm\.provider[ \t(]+(?:[:"'](\w+)["']?|([a-z_]\w*))[ \t)]*(?:,[^\n]*?)?[ \t]+do[ \t]*\|[ \t]*([A-Za-z_]\w*)[^|\n]*\|/gm;
/** `["vmware_fusion", "vmware_desktop"].each do |provider|`: the list a provider variable runs over */
const PROVIDER_LIST = /\[([^\]\n]*)\]\s*\.each\s+do\s*\|\s*([a-z_]\w*)\s*\|/g;

/** The provider a `config.vm.provider NAME` names: a symbol or string, or a variable that runs over a list of one kind. */
function vagrantProvider(text: string, at: number, literal: string | undefined, variable: string | undefined): readonly [string, string] | undefined {
  if (literal) return VAGRANT_PROVIDERS[literal.toLowerCase()];
  let found: readonly [string, string] | undefined;
  for (const m of text.slice(0, at).matchAll(PROVIDER_LIST)) {
    if (m[2] !== variable) continue;
    const kinds = [...m[1].matchAll(/[:"'](\w+)/g)].map((n) => VAGRANT_PROVIDERS[n[1].toLowerCase()]);
    found = kinds.length && kinds.every((k) => k && k[0] === kinds[0]![0]) ? kinds[0] : undefined;
  }
  return found;
}

/**
 * A Vagrantfile's `config.vm.provider :libvirt do |lv| ... end` blocks, whatever the block
 * variable is called: up to the first `end` indented no deeper than the provider line. The
 * block variable is the region's receiver.
 */
function vagrantRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(VAGRANT_PROVIDER)) {
    const provider = vagrantProvider(text, m.index, m[2], m[3]);
    if (!provider) continue;
    const indent = m[1].length;
    let end = text.length;
    let i = m.index + m[0].length;
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      const lineEnd = text.indexOf('\n', nl + 1);
      const line = text.slice(nl + 1, lineEnd === -1 ? text.length : lineEnd);
      const body = line.trimStart();
      if (/^end\b/.test(body) && line.length - body.length <= indent) {
        end = nl + 1 + (line.length - body.length) + 3;
        break;
      }
      i = nl + 1;
    }
    out.push({ start: m.index, end, contexts: [provider[0]], receiver: [m[4], provider[1]] });
  }
  return out;
}

const LIBVIRT_FEATURES = /<features\b[^>]*>/g;
const LIBVIRT_TOPOLOGY = /<topology\b[^>]*>/g;

/** A libvirt domain's `<features>` block and its `<topology>` elements. */
function libvirtRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(LIBVIRT_FEATURES)) {
    const close = text.indexOf('</features>', m.index);
    out.push({ start: m.index, end: close === -1 ? m.index + m[0].length : close + 11, contexts: ['libvirt-features'] });
  }
  for (const m of text.matchAll(LIBVIRT_TOPOLOGY)) out.push({ start: m.index, end: m.index + m[0].length, contexts: ['cpu-topology'] });
  return out;
}

const LIBVIRT_ELEMENT = /<(os|disk|interface|input|sound|audio|video|rng|console|serial|channel|memballoon|filesystem|tpm|controller)\b([^<>]*?)(\/?)>/g;
const LIBVIRT_KIND = /\b(type|bus)\s*=\s*["']([\w-]+)["']/g;
const QEMU_CPU_ARG = /<qemu:arg\s+value\s*=\s*(["'])-cpu\1\s*\/>\s*<qemu:arg\s+value\s*=\s*(["'])([^"'<>]*)\2/g;
/** How far past its opening tag an element's close tag is looked for (a device element is a few lines). */
const ELEMENT_REACH = 16_384;
const CONTROLLER_KINDS = new Set(['usb', 'pci', 'ide', 'sata', 'scsi', 'virtio-serial']);

/**
 * A libvirt domain's device elements and its `<os>` block, from the opening tag to the closing
 * one (or the end of a self-closing tag): `libvirt-<element>`, and for a controller the kind its
 * `type` names, for an input on `bus='usb'` `libvirt-input-usb`. An `<input>` without a `type`
 * (an `<audio>` backend's) is not an input device.
 */
function libvirtElementRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(LIBVIRT_ELEMENT)) {
    const name = m[1];
    const kinds = new Map([...m[2].matchAll(LIBVIRT_KIND)].map((k) => [k[1], k[2]] as const));
    if (name === 'input' && !kinds.has('type')) continue;
    const contexts = [`libvirt-${name}`];
    const type = kinds.get('type');
    if (name === 'controller' && type && CONTROLLER_KINDS.has(type)) contexts.push(`libvirt-controller-${type}`);
    if (name === 'input' && kinds.get('bus') === 'usb') contexts.push('libvirt-input-usb');
    let end = m.index + m[0].length;
    if (!m[3]) {
      // the close tag within reach; a missing one, or one past the next element of the same name, ends the region at its tag
      const body = text.slice(end, end + ELEMENT_REACH);
      const close = body.indexOf(`</${name}>`);
      const next = body.indexOf(`<${name}`);
      if (close !== -1 && (next === -1 || close < next)) end += close + name.length + 3;
    }
    out.push({ start: m.index, end, contexts });
  }
  // the value of the <qemu:arg> that follows a '-cpu' one: `host,kvm=off` is QEMU's -cpu argument
  for (const m of text.matchAll(QEMU_CPU_ARG)) {
    const start = m.index + m[0].length - m[3].length - 1;
    out.push({ start, end: start + m[3].length, contexts: ['libvirt-qemu-cpu-arg'] });
  }
  return out;
}

/** The argument of `-smp`, and of QEMU and virt-install options for devices other than NICs, where `model=` is that device's. */
const OPTION_ARGUMENT = /(?:^|[\s"'(])(-smp|-audio|-audiodev|--sound|--video|--controller|--tpm|--watchdog|--memballoon|--rng|--input)(?:[ \t]+|=|["'],?[ \t]*["'])([^\s"']+)/gm;

function optionRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(OPTION_ARGUMENT)) {
    const start = m.index + m[0].length - m[2].length;
    out.push({ start, end: start + m[2].length, contexts: [m[1] === '-smp' ? 'cpu-topology' : 'other-device-option'] });
  }
  return out;
}

/** A QEMU system emulator named as a command (not `qemu-system-x86` in a package list: the word must be followed by a space, `\\`, a quote or the line end). */
const QEMU_BINARY = /(?:^|[\s"'/`(=])(?:qemu-system-[a-z0-9_]+|qemu-kvm)(?:\.exe)?(?=[ \t]|\\|"|'|,|$)/gm;
/** How far one QEMU command may reach: a generous command line, not the rest of a long file. */
const QEMU_COMMAND_MAX = 16 * 1024;
const QEMU_XML = /<qemu:commandline>/g;

/**
 * One QEMU command: from the binary's name to the end of the first line that does not end
 * in a continuation (`\\` in a shell, a backtick in PowerShell, `^` in cmd); a libvirt
 * `<qemu:commandline>` block. Short one-letter options (`-s`, `-S`) mean QEMU's only there.
 */
function qemuCommandRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(QEMU_BINARY)) {
    const start = m.index + m[0].length - m[0].trimStart().length;
    if (out.length && start < out[out.length - 1].end) continue;
    const limit = Math.min(text.length, start + QEMU_COMMAND_MAX);
    let end = start;
    for (;;) {
      const nl = text.indexOf('\n', end);
      const lineEnd = nl === -1 || nl > limit ? limit : nl;
      const line = text.slice(end, lineEnd).replace(/\r$/, '').trimEnd();
      end = lineEnd;
      if (lineEnd >= limit || !/[\\`^]$/.test(line)) break;
      end = lineEnd + 1;
    }
    out.push({ start, end, contexts: ['qemu-command'] });
  }
  for (const m of text.matchAll(QEMU_XML)) {
    const close = text.indexOf('</qemu:commandline>', m.index);
    out.push({ start: m.index, end: close === -1 ? m.index + m[0].length : close + 19, contexts: ['qemu-command'] });
  }
  return out;
}

/** The argument of `-append` (quoted or one word, also as a Packer `qemuargs` item) and a libvirt `<cmdline>`: the guest kernel's parameters. */
const GUEST_CMDLINE = /(?:^|[\s"'([])-append(?:[ \t]+|=|["'],?[ \t]*)(?:'([^'\n]*)'|"([^"\n]*)"|([^\s"']+))|<cmdline>([^<]*)<\/cmdline>/gm;

/** The argument of `-cpu` written after it, as the next `qemuargs` item or the next libvirt `<qemu:arg value=...>`. */
const CPU_ARGUMENT = /(?:^|[\s"'(])-cpu(?:[ \t]+|=|["'],?[ \t]*["']|["']\s*\/>\s*<qemu:arg\s+value=["'])([^\s"'\\]+)/gm;

function cpuArgumentRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(CPU_ARGUMENT)].map((m) => {
    const start = m.index + m[0].length - m[1].length;
    return { start, end: start + m[1].length, contexts: ['qemu-cpu'] };
  });
}

function guestCmdlineRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(GUEST_CMDLINE)) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const start = m.index + m[0].lastIndexOf(value);
    if (value) out.push({ start, end: start + value.length, contexts: ['guest-cmdline'] });
  }
  return out;
}

const CMDLET_CALL = /(?<![\w-])(Set-VMProcessor|Set-VMFirmware|Set-VMMemory|New-VHD|Set-VMHost)(?![\w-])/gi;

/**
 * Where the statement that starts at `from` ends: a line break (unless a backtick continues the
 * line), `|`, `;` or a `}` that closes no brace of the statement.
 */
function statementEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      let j = i - 1;
      if (j >= from && text.charCodeAt(j) === 13) j--;
      if (j >= from && text.charCodeAt(j) === 96 /* ` */) continue;
      return i;
    }
    if (c === 124 /* | */ || c === 59 /* ; */) return i;
    if (c === 123 || c === 40) depth++;
    else if (c === 125 || c === 41) {
      if (--depth < 0) return i;
    }
  }
  return text.length;
}

/** Each call of a cmdlet in CMDLET_SCOPES_LIST, with its arguments. */
function cmdletRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(CMDLET_CALL)].map((m) => ({ start: m.index, end: statementEnd(text, m.index), contexts: [`cmdlet-${m[1].toLowerCase()}`] }));
}

/** The sense regions of a document with these tools and formats (see SENSE_SCOPES). */
const XL_DISK = /^[ \t]*disk[ \t]*=[ \t]*\[/gm;

/** An xl.cfg file's `disk = [ ... ]` list, where `phy:` and `file:` are target prefixes. */
function xlDiskRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(XL_DISK)].map((m) => ({ start: m.index, end: closingBracket(text, m.index + m[0].length - 1, false), contexts: ['xl-disk'] }));
}

const PROXMOX_VGA = /^[ \t]*vga[ \t]*\{|(?:^[ \t]*vga:|[ \t]--vga)[ \t]+/gm;

/**
 * A Proxmox VM's display settings: a bpg/Telmate/Packer `vga { ... }` block, a `vga:` line of a
 * qm.conf or a `--vga` argument, where `memory` is the video memory, not the VM's.
 */
function proxmoxVgaRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(PROXMOX_VGA)].map((m) => {
    const block = m[0].endsWith('{');
    let end = block ? closingBracket(text, m.index + m[0].length - 1, true) : text.indexOf('\n', m.index + m[0].length);
    if (!block) {
      // the `--vga` value ends at the next space
      const sp = text.slice(m.index + m[0].length).search(/[\s]/);
      if (sp >= 0) end = m.index + m[0].length + sp;
    }
    return { start: m.index, end: end < 0 ? text.length : end, contexts: ['proxmox-vga'] };
  });
}

const XL_DEVICE_LIST = /^[ \t]*(vif|vfb|vtpm|pci|usbctrl|usbdev|channel|p9|pvcalls|vkb|vdispl|vsnd|virtio|dtdev|rdm|iomem|ioports|irqs)[ \t]*=[ \t]*\[/gm;

/**
 * An xl.cfg device list (`vif = [ 'type=ioemu,bridge=xenbr0' ]`, `usbctrl = [ 'type=qusb' ]`): its
 * specs' keys belong to the device (`xl-device-list`; a vif list is also `xl-vif`), not to the
 * guest keys of the same name.
 */
function xlDeviceListRegions(text: string): ProfileRegion[] {
  return [...text.matchAll(XL_DEVICE_LIST)].map((m) => ({ start: m.index, end: closingBracket(text, m.index + m[0].length - 1, false), contexts: m[1] === 'vif' ? ['xl-device-list', 'xl-vif'] : ['xl-device-list'] }));
}

export function senseRegions(text: string, tools: ReadonlySet<string>, formats: ReadonlySet<string>): ProfileRegion[] {
  const out = diskRegions(text);
  if (tools.has('kubevirt')) out.push(...kubevirtRegions(text));
  if (formats.has('powershell') && /\bConfiguration\s+\w+|\bImport-DscResource\b/i.test(text)) out.push(...dscRegions(text));
  if (tools.has('packer')) out.push(...pluginRegions(text));
  if (tools.has('terraform')) out.push(...lxcRegions(text), ...hypervResourceRegions(text));
  if (tools.has('vagrant')) out.push(...vagrantRegions(text));
  if (tools.has('ansible')) out.push(...ansibleRegions(text));
  if (tools.has('hyperv-powershell')) out.push(...cmdletRegions(text));
  if (tools.has('libvirt-xml') || formats.has('xml')) out.push(...libvirtRegions(text));
  if (tools.has('libvirt-xml')) out.push(...libvirtElementRegions(text));
  if (tools.has('qemu-cli') || tools.has('virsh') || formats.has('shell')) out.push(...optionRegions(text));
  if (tools.has('qemu-cli') || tools.has('packer') || tools.has('libvirt-xml') || formats.has('xml')) out.push(...qemuCommandRegions(text), ...guestCmdlineRegions(text), ...cpuArgumentRegions(text));
  if (tools.has('xl-cfg')) out.push(...xlDiskRegions(text), ...xlDeviceListRegions(text));
  if (tools.has('proxmox') || tools.has('packer')) out.push(...proxmoxVgaRegions(text));
  return out;
}

/**
 * Regions that may overlap, as ordered regions that do not: where several cover a stretch, it
 * gets all their contexts.
 */
export function flattenRegions(regions: readonly ProfileRegion[]): ProfileRegion[] {
  if (regions.length < 2) return [...regions];
  const points = [...new Set(regions.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  const sorted = [...regions].sort((a, b) => a.start - b.start);
  const out: ProfileRegion[] = [];
  let open: ProfileRegion[] = [];
  let next = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p];
    const b = points[p + 1];
    open = open.filter((r) => r.end > a);
    while (next < sorted.length && sorted[next].start <= a) {
      if (sorted[next].end > a) open.push(sorted[next]);
      next++;
    }
    if (!open.length) continue;
    const contexts = [...new Set(open.flatMap((r) => r.contexts))];
    const receiver = open.find((r) => r.receiver)?.receiver;
    const last = out[out.length - 1];
    if (last && last.end === a && last.contexts.join(' ') === contexts.join(' ') && last.receiver === receiver) last.end = b;
    else out.push(receiver ? { start: a, end: b, contexts, receiver } : { start: a, end: b, contexts });
  }
  return out;
}
