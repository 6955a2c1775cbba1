/**
 * What a document is: its tools and formats as well as its systems, from the language id, the
 * file name and a bounded look at the start of the content. Pure and cheap (one pass of regular
 * expressions over at most PROFILE_CHARS characters); callers cache it per document version.
 */
import { BUILDER_SCOPES, SENSE_SCOPES, flattenRegions, packerRegions, senseRegions, type ProfileRegion } from './regions';

export { BUILDER_SCOPES, SENSE_SCOPES, type ProfileRegion } from './regions';

/** Tools and config dialects a document can be written for. */
export const TOOLS = [
  'packer', 'terraform', 'ansible', 'vagrant', 'kubevirt', 'kata', 'proxmox', 'qemu-cli', 'virsh', 'libvirt-xml',
  'hyperv-powershell', 'powercli', 'govc', 'vboxmanage', 'vmx', 'xl-cfg', 'xl-cpupool', 'cloud-init', 'kickstart', 'firecracker',
] as const;
/** Syntaxes a document can be written in; `prose` is Markdown and plain text. */
export const FORMATS = ['shell', 'powershell', 'hcl', 'json', 'yaml', 'xml', 'ruby', 'toml', 'ini', 'prose'] as const;
/** The systems a profile can name (ids of `kind: system` entries). */
export const PROFILE_SYSTEMS = ['hyperv', 'kvm', 'xen', 'esxi', 'workstation', 'virtualbox'] as const;

export type Tool = (typeof TOOLS)[number];
export type Format = (typeof FORMATS)[number];

/** Every name an entry or alias may be scoped to. */
export const SCOPE_NAMES: ReadonlySet<string> = new Set<string>([...TOOLS, ...FORMATS, ...PROFILE_SYSTEMS, ...BUILDER_SCOPES, ...SENSE_SCOPES]);

export interface DocumentProfile {
  tools: Tool[];
  formats: Format[];
  /** systems the document is about as a whole (its generic words count, ambiguous ones lean its way) */
  systems: string[];
  /** tools, formats and systems together: what scopes are checked against */
  contexts: string[];
  /** parts with contexts of their own (a Packer template's builder blocks, see also SENSE_SCOPES), in order, not overlapping */
  regions: ProfileRegion[];
}

/** How much of the content detection reads. */
export const PROFILE_CHARS = 16 * 1024;
/** How much of the content sense regions are looked for in (a few milliseconds at most). */
export const SENSE_CHARS = 1024 * 1024;

export interface ProfileInput {
  languageId?: string;
  /** a path or URI path; only its last segment and parent folders are looked at */
  fileName?: string;
  text?: string;
}

const LANGUAGE_FORMATS: Readonly<Record<string, Format>> = {
  shellscript: 'shell', bat: 'shell', powershell: 'powershell', terraform: 'hcl', hcl: 'hcl', json: 'json', jsonc: 'json',
  yaml: 'yaml', 'ansible': 'yaml', xml: 'xml', ruby: 'ruby', toml: 'toml', ini: 'ini', properties: 'ini',
  markdown: 'prose', plaintext: 'prose', restructuredtext: 'prose', asciidoc: 'prose',
};
const EXTENSION_FORMATS: readonly [RegExp, Format][] = [
  [/\.(sh|bash|zsh|ksh)$/, 'shell'], [/\.(ps1|psm1|psd1)$/, 'powershell'], [/\.(tf|hcl|tfvars)$/, 'hcl'],
  [/\.json$/, 'json'], [/\.ya?ml$/, 'yaml'], [/\.(xml|vbox|vbox-prev)(\.j2|\.jinja2?)?$/, 'xml'], [/(\.rb|^vagrantfile)$/, 'ruby'],
  [/\.toml$/, 'toml'], [/\.(ini|conf|cfg)$/, 'ini'], [/\.(md|markdown|txt|rst|adoc)$/, 'prose'],
];

interface Detector {
  tool: Tool;
  systems?: readonly string[];
  name?: RegExp;
  content?: RegExp;
  /** only in these formats (when the format is known) */
  formats?: readonly Format[];
}

// Content patterns look for what only that tool writes; most are anchored at a line start.
const DETECTORS: readonly Detector[] = [
  { tool: 'packer', name: /\.pkr\.(hcl|json)$/, content: /^\s*source\s+"(hyperv|vsphere|qemu|virtualbox|vmware|proxmox)-(iso|vmcx|clone|ovf|vm|vmx)"|"builders"\s*:\s*\[|^\s*packer\s*\{|^\s*build\s*\{\s*$/m },
  { tool: 'terraform', name: /\.tf(vars)?$/, content: /^\s*(resource|data)\s+"(vsphere|libvirt|hyperv|proxmox|azurerm|vcd)_[a-z_]+"|^\s*provider\s+"(vsphere|libvirt|hyperv|proxmox)"|^\s*terraform\s*\{/m, formats: ['hcl'] },
  { tool: 'ansible', name: /(^|\/)(playbooks?|roles|tasks|handlers|host_vars|group_vars)\/|(^|\/)(site|playbook)\.ya?ml$/, content: /^\s*-?\s*(hosts|tasks|become|gather_facts):\s|^\s*-?\s*(community\.(vmware|libvirt|general)|ansible\.(builtin|windows)|kubevirt\.core)\.[a-z_]+:|^\s*-?\s*(vmware_guest|virt|virt_net|virt_pool|win_feature):/m, formats: ['yaml'] },
  { tool: 'vagrant', name: /(^|\/)vagrantfile$/, content: /Vagrant\.configure\s*\(/ },
  { tool: 'kubevirt', systems: ['kvm'], content: /^\s*(?:-\s+)?apiVersion:\s*(kubevirt|cdi\.kubevirt|instancetype\.kubevirt|snapshot\.kubevirt|pool\.kubevirt)\.io\//m },
  { tool: 'kata', systems: ['kvm'], name: /(^|\/)configuration(-[a-z-]+)?\.toml$/, content: /^\s*\[hypervisor\.(qemu|clh|firecracker|dragonball|stratovirt)\]/m },
  { tool: 'proxmox', systems: ['kvm'], name: /(^|\/)pve\/(nodes\/[^/]+\/)?qemu-server\/\d+\.conf$|(^|\/)qemu-server\/\d+\.conf$/, content: /^(scsihw|bootdisk|ostype):[ \t]+\S+|^(scsi|virtio|sata|ide|net|hostpci)\d+:[ \t]+\S+|^\s*(resource|data)\s+"proxmox_(vm_qemu|lxc|virtual_environment_vm|virtual_environment_container)"|^\s*provider\s+"proxmox"|(^|[\s"'`;|&(])qm\s+(create|set|importdisk|template|clone|disk\s+import)\s+\S+|^\s*-?\s*(community\.general\.)?proxmox_kvm:/m },
  { tool: 'qemu-cli', systems: ['kvm'], content: /(^|[\s"'/`(])qemu-(system-[a-z0-9_]+|kvm)(\s|\\|$|"|')/m },
  { tool: 'virsh', systems: ['kvm'], content: /(^|[\s;|&`(])virsh\s+(-c\s+\S+\s+)?[a-z-]+|(^|\s)virt-install\s/m },
  { tool: 'libvirt-xml', systems: ['kvm'], content: /<domain\s(?:[^>]{0,300}?\s)?type=['"](kvm|qemu|xen|hvf|lxc|\{\{[^'"\n]{1,80}\}\})['"]|<(network|pool|domainsnapshot)>\s*$/m },
  { tool: 'hyperv-powershell', systems: ['hyperv'], content: /Import-Module\s+Hyper-V\b|\b(New|Get|Set|Start|Stop|Remove)-VM(Switch|HardDiskDrive|NetworkAdapter|Processor|Memory|Firmware|Host)?\b|\bNew-VHD\b|\bEnable-WindowsOptionalFeature\b[^\n]*Hyper-V|\bInstall-WindowsFeature\b[^\n]*Hyper-V/ },
  { tool: 'powercli', systems: ['esxi'], content: /Import-Module\s+VMware\.(PowerCLI|VimAutomation)|\bConnect-VIServer\b|\bGet-(VMHost|Datastore|VirtualPortGroup|VirtualSwitch)\b/ },
  { tool: 'govc', systems: ['esxi'], content: /(^|[\s;|&`(])govc\s+[a-z]+(\.[a-z.]+)?\b|\bGOVC_(URL|USERNAME|DATACENTER)\b/m },
  { tool: 'vboxmanage', systems: ['virtualbox'], content: /\bVBoxManage(\.exe)?\s+[a-z]+|\bvboxmanage\s+(createvm|modifyvm|startvm|storageattach)\b/i },
  { tool: 'vmx', systems: ['esxi', 'workstation'], name: /\.(vmx|vmtx|vmxf|vmsd)$/, content: /^\s*\.encoding\s*=\s*"|^\s*virtualHW\.version\s*=\s*"/m },
  { tool: 'xl-cfg', systems: ['xen'], name: /(^|\/)(xl|xen)[^/]*\.cfg$|\/etc\/xen\/[^/]+$/, content: /^\s*(builder|type)\s*=\s*["'](hvm|pv|pvh)["']|^\s*vif\s*=\s*\[\s*['"]/m, formats: ['ini'] },
  { tool: 'xl-cpupool', systems: ['xen'], name: /(^|\/)[^/]*cpupool[^/]*$/, content: /^\s*sched\s*=\s*["'](credit2?|rtds|arinc653|null|sedf)["']/m, formats: ['ini'] },
  { tool: 'cloud-init', content: /^#cloud-config\b/m },
  // a Firecracker config file or API call: its resource and field names, or the binary with its socket or file
  { tool: 'firecracker', systems: ['kvm'], content: /"(?:boot-source|machine-config|drive_id|path_on_host|is_root_device|vcpu_count|mem_size_mib)"\s*:|(?:^|[\s/])firecracker\s+--(?:api-sock|config-file)\b/m },
  { tool: 'kickstart', name: /\.ks$|(^|\/)(anaconda-ks|ks)\.cfg$/, content: /^(%packages|%post|autopart|bootloader\s+--|clearpart\s+--)/m },
];

/** What only Hyper-V's module writes: the cmdlet names PowerCLI shares (Get-VM, New-VM, Get-VMHost) left out. */
const HYPERV_ONLY = /Import-Module\s+Hyper-V\b|\b(New|Get|Set|Remove|Add|Connect)-VM(Switch|HardDiskDrive|NetworkAdapter|Processor|Memory|Firmware|DvdDrive|IntegrationService|Checkpoint|Snapshot)\b|\b(New|Mount|Resize|Convert)-VHD\b|\bEnable-WindowsOptionalFeature\b[^\n]*Hyper-V|\bInstall-WindowsFeature\b[^\n]*Hyper-V/;

/** Packer builders (`source "hyperv-iso"`, `"type": "qemu"`) and Terraform resources name the system they target. */
const BUILDER_TYPES = /^\s*(?:source|resource|data|provider)\s+"(hyperv|vsphere|qemu|libvirt|virtualbox|vmware|xenserver|proxmox)[-_"]|"type"\s*:\s*"(hyperv|vsphere|qemu|virtualbox|vmware|proxmox)[-"]/gm;
const BUILDER_SYSTEMS: Readonly<Record<string, string>> = {
  hyperv: 'hyperv', vsphere: 'esxi', qemu: 'kvm', libvirt: 'kvm', virtualbox: 'virtualbox', vmware: 'workstation', xenserver: 'xen', proxmox: 'kvm',
};

const LANGUAGE_TOOLS: Readonly<Record<string, Tool>> = { 'vmware-vmx': 'vmx', 'xen-xl': 'xl-cfg', terraform: 'terraform', ansible: 'ansible' };

function baseName(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The profile of one document. */
export function detectProfile(input: ProfileInput): DocumentProfile {
  const path = (input.fileName ?? '').replace(/\\/g, '/').toLowerCase();
  const name = baseName(path);
  const language = input.languageId ?? '';
  const text = (input.text ?? '').slice(0, PROFILE_CHARS);
  const formats = new Set<Format>();
  const byLanguage = LANGUAGE_FORMATS[language];
  if (byLanguage) formats.add(byLanguage);
  else for (const [re, f] of EXTENSION_FORMATS) if (re.test(name)) formats.add(f);
  if (!formats.size) {
    if (/^#!.*\b(ba|z|k|da)?sh\b/.test(text)) formats.add('shell');
    else if (/^#!.*\bpwsh\b/.test(text)) formats.add('powershell');
    else if (/^\s*<\?xml|^\s*<domain\b/.test(text)) formats.add('xml');
  }
  const tools = new Set<Tool>();
  const systems = new Set<string>();
  const languageTool = LANGUAGE_TOOLS[language];
  const add = (d: Detector) => {
    tools.add(d.tool);
    for (const s of d.systems ?? []) systems.add(s);
  };
  for (const d of DETECTORS) {
    if (d.tool === languageTool || (d.name && d.name.test(path))) {
      add(d);
      continue;
    }
    if (d.formats && formats.size && !d.formats.some((f) => formats.has(f))) continue;
    if (d.content && text && d.content.test(text)) add(d);
  }
  // a Markdown note that shows commands in code blocks is still prose first: its tools count,
  // but its systems come from its words, not from one example
  if (formats.has('prose')) systems.clear();
  // PowerCLI has its own Get-VM, New-VM, Move-VM...: in its scripts only Hyper-V's own cmdlets say Hyper-V
  if (tools.has('powercli') && tools.has('hyperv-powershell') && languageTool !== 'hyperv-powershell' && !HYPERV_ONLY.test(text)) {
    tools.delete('hyperv-powershell');
    systems.delete('hyperv');
  }
  // a Packer template's VBoxManage commands are the values of its vboxmanage keys, which get that context as regions
  if (tools.has('packer') && languageTool !== 'vboxmanage') tools.delete('vboxmanage');
  if (tools.has('packer') || tools.has('terraform')) {
    for (const m of text.matchAll(BUILDER_TYPES)) {
      const system = BUILDER_SYSTEMS[(m[1] ?? m[2]).toLowerCase()];
      if (system) systems.add(system);
    }
  }
  if (path.endsWith('.vbox') || path.endsWith('.vbox-prev')) systems.add('virtualbox');
  const t = TOOLS.filter((x) => tools.has(x));
  const f = FORMATS.filter((x) => formats.has(x));
  const s = PROFILE_SYSTEMS.filter((x) => systems.has(x));
  // regions are read in the whole text: a key's block can start after the first 16K
  const whole = input.text ?? '';
  const regions = whole ? flattenRegions([...(tools.has('packer') ? packerRegions(whole) : []), ...senseRegions(whole.slice(0, SENSE_CHARS), tools, formats)]) : [];
  return { tools: t, formats: f, systems: s, contexts: [...t, ...f, ...s], regions };
}
