import { charClass } from './tokenize';

/**
 * Whether a word is used as a key or an option rather than in prose: followed by `=` or `:`
 * (`memory = 512`, `vcpus    = 2`, `["memsize"] = "2048"`, `memory: 512`), written as a flag
 * (`-smp 4`, `--memory`, `-SwitchType`) or as an XML element (`<on_poweroff>`).
 */
export function isKeyPosition(text: string, start: number, end: number): boolean {
  for (let i = end; i < end + 40 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */ || c === 58 /* : */) return true;
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39 && c !== 93) break;
  }
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (before === 60 /* < */ || (before === 47 /* / */ && start > 1 && text.charCodeAt(start - 2) === 60)) return true;
  if (before === 45 /* - */) {
    const b2 = start > 1 ? text.charCodeAt(start - 2) : 32;
    return b2 === 45 || b2 === 32 || b2 === 9 || b2 === 10 || b2 === 13 || b2 === 40 /* ( */;
  }
  return false;
}

/**
 * Whether text[start, end) is the builder type of a Packer source reference in a build block's
 * `sources` list: `"proxmox-iso.name"` or `"source.proxmox-iso.name"`, a quoted string that
 * ends after the name.
 */
export function isSourceReference(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (before !== 34 && !(before === 46 && text.slice(Math.max(0, start - 8), start) === '"source.')) return false;
  if (text.charCodeAt(end) !== 46) return false;
  let i = end + 1;
  while (i < text.length && i < end + 120 && /[A-Za-z0-9_-]/.test(text[i])) i++;
  return i > end + 1 && text.charCodeAt(i) === 34;
}

/** Whether a word opens an HCL block: `vga {`, `smbios {` (white space, then `{`). */
export function opensBlock(text: string, end: number): boolean {
  for (let i = end; i < end + 40 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return false;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && charClass(c) !== 0);
}

/**
 * Whether text[start, end) is only part of a longer identifier: CamelCase or `_` run on
 * either side (`Get-Cluster` in `Get-ClusterNode`, `vm_network` in `vm_network_card`,
 * `type1` in `vfio_iommu_type1`), a `.` key part after it (`sched.mem.min.x`), in code or for
 * a generic word a `-` run on (`--nic-type1`), and for a generic word a key part before it
 * (`vsphere.host`).
 */
export function continuesIdentifier(text: string, start: number, end: number, from: number, to: number, code: boolean, generic: boolean): boolean {
  if (end < to) {
    const c = text.charCodeAt(end);
    const cls = charClass(c);
    // a letter right after the match: CamelCase goes on (a digit is an index: `kvm64`)
    if (cls === 1 || cls === 2) return true;
    // a sentence's full stop is followed by a space, a key part by a letter
    if ((c === 95 /* _ */ || c === 46 /* . */ || ((code || generic) && c === 45)) && end + 1 < to && isAlnum(text.charCodeAt(end + 1))) return true;
    // a number that goes on as a name: `vm1_disk`, `guest50.img`, `vmkernel65Guest`
    if (c >= 48 && c <= 57) {
      let j = end + 1;
      while (j < to && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = j < to ? text.charCodeAt(j) : 0;
      if (charClass(d) === 1 || charClass(d) === 2) return true;
      if ((d === 95 || d === 46 || ((code || generic) && d === 45)) && j + 1 < to && isAlnum(text.charCodeAt(j + 1))) return true;
    }
    // in prose, a lower-case name of three or more hyphenated parts: `xen-save-devices-state`
    if (c === 45 && !code && !generic && hyphenName(text, start, end, to)) return true;
  }
  if (start > from) {
    const b = text.charCodeAt(start - 1);
    if (isAlnum(b)) return true;
    if ((b === 95 || ((code || generic) && b === 45) || (generic && b === 46)) && start - 1 > from && isAlnum(text.charCodeAt(start - 2))) return true;
  }
  return false;
}

const LINK_WORDS = new Set(['to', 'and', 'or', 'in', 'on', 'of', 'by', 'for', 'the', 'a', 'an', 'per', 'vs', 'with']);

/** text[start, end) is lower case and starts a name of at least three `-`-joined lower-case parts, no joining word among them. */
function hyphenName(text: string, start: number, end: number, to: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return false;
  }
  let parts = 0;
  let i = end;
  while (i < to && text.charCodeAt(i) === 45 && parts < 8) {
    let j = i + 1;
    // a placeholder is a part too: `qemu-root-<domid>`
    if (text.charCodeAt(j) === 60) {
      const close = text.indexOf('>', j);
      if (close < 0 || close - j > 32 || !/^<[a-z_]+$/.test(text.slice(j, close))) return false;
      j = close + 1;
    } else while (j < to && ((text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) || (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57))) j++;
    if (j === i + 1 || LINK_WORDS.has(text.slice(i + 1, j))) return false;
    const n = j < to ? text.charCodeAt(j) : 0;
    if (n >= 65 && n <= 90) return false;
    parts++;
    i = j;
  }
  return parts >= 2;
}

/** Whether a generic word is a verb here: `to host the workload` (after `to`, before a determiner). */
export function isVerbUse(text: string, start: number, end: number): boolean {
  // ` to ` before it (`to` at the start or after a non-letter), read without a slice: most words are after a space
  if (start < 3 || text.charCodeAt(start - 1) !== 32 || (text.charCodeAt(start - 3) | 32) !== 116 /* t */ || (text.charCodeAt(start - 2) | 32) !== 111 /* o */) return false;
  if (start > 3 && isAsciiLetter(text.charCodeAt(start - 4))) return false;
  return /^\s+(?:the|a|an|its|their|your|our|this|these|those|each|every|multiple|many|several|all|one|two)\b/i.test(text.slice(end, end + 16));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether text[start, end) is in a comment line's prose: the line starts with `#`, `;` or `//`. */
export function inCommentLine(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && start - i < 1024) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i--;
  }
  let j = i + 1;
  while (j < start && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  const c = text.charCodeAt(j);
  return j < start && (c === 35 || c === 59 || (c === 47 && text.charCodeAt(j + 1) === 47));
}

/** Whether text[start, end) is quoted as a name: `` `memory' ``, `"memory"`. */
export function quotedName(text: string, start: number, end: number): boolean {
  const b = start > 0 ? text.charCodeAt(start - 1) : 0;
  const a = text.charCodeAt(end);
  return (b === 96 || b === 39 || b === 34) && (a === 39 || a === 96 || a === 34);
}

/** Whether one of the next lines (up to 4, within 512 characters) sets the key text[start, end), maybe commented out: `# Initial memory` over `memory = 2048`. */
export function keyFollows(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end).toLowerCase();
  let i = text.indexOf('\n', end);
  for (let line = 0; line < 4 && i >= 0 && i - end < 512; line++) {
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 35)) j++;
    if (text.slice(j, j + word.length).toLowerCase() === word && isKeyPosition(text, j, j + word.length)) return true;
    i = text.indexOf('\n', j);
  }
  return false;
}

/** Whether text[start, end) is a directory in a path (`/vmfs/devices`, `/boot/vmlinuz`): between two `/`. */
export function isDirectory(text: string, start: number, end: number, from: number, to: number): boolean {
  if (!(start > from && end < to && text.charCodeAt(start - 1) === 47 && text.charCodeAt(end) === 47)) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 47) return false;
  return true;
}

/** Whether a word names a user's home folder (`/home/vagrant`, `/Users/vagrant`, `C:\Users\vagrant`): a user name. */
export function isHomeFolder(text: string, start: number): boolean {
  return HOME_PREFIX.test(text.slice(Math.max(0, start - 7), start));
}
const HOME_PREFIX = /(?:\/home|\/Users|\\Users)[/\\]$/;

/**
 * Whether text[start, end) is a value, not a key (for cross-cutting generic words, which a
 * value never means: `cpu: host` is a CPU model): right after `=` or `:` and a space, or a
 * quoted item after `[`, `,`, `=` or `:` (`cpu: host`, `["-cpu", "host"]`).
 */
export function isValue(text: string, start: number, from: number): boolean {
  let i = start - 1;
  const quoted = i >= from && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39);
  if (quoted) i--;
  while (i >= from && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < from) return false;
  const c = text.charCodeAt(i);
  return (c === 61 && i < start - 1) || c === 58 || (quoted && (c === 44 || c === 91 || c === 61));
}

/** Whether the gap text[from, to) holds a line break not followed by a comment leader. */
export function codeLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      let j = i + 1;
      while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 10)) j++;
      const lead = text.charCodeAt(j);
      return !(lead === 35 || lead === 42 || lead === 59 || ((lead === 47 || lead === 45) && text.charCodeAt(j + 1) === lead) || j === to);
    }
  }
  return false;
}

export const CREDENTIAL_KEY = /(?:user(?:_?name)?|login|pass(?:word|wd)?|secret|token|communicator|ssh_user(?:name)?|ssh_password|winrm_user(?:name)?|winrm_password|admin_password|ansible_user|ansible_password)["']?\s*[:=]?\s*["']?$/i;

/**
 * Where a run of text that holds no terms ends, when a token starts one: a URL
 * (`https://…`, `xmlns:qemu="http://…"`), an e-mail address, a Markdown link target
 * `](…)` or anchor `#a-b-c`. Returns `start` when it starts none. (A credential value is a
 * single match, checked in `settle`.) The scan calls it only for a token that meets one of the
 * characters tested here (TermMatcher.rawScan lists them): keep the two in step.
 */
export function notTermEnd(text: string, start: number, end: number, from: number, to: number): number {
  const after = end < to ? text.charCodeAt(end) : 0;
  // scheme://
  if (after === 58 /* : */ && text.charCodeAt(end + 1) === 47 && text.charCodeAt(end + 2) === 47) return urlEnd(text, end, to);
  const before = start > from ? text.charCodeAt(start - 1) : 0;
  // www.example.com
  if (end - start === 3 && after === 46 && /^www$/i.test(text.slice(start, end))) return urlEnd(text, end, to);
  // a Markdown link target or an in-page anchor: ](target) and (#anchor)
  if (before === 40 /* ( */ && start > from + 1 && text.charCodeAt(start - 2) === 93 /* ] */) return urlEnd(text, start, to);
  if (before === 35 /* # */ && start > from + 1 && (text.charCodeAt(start - 2) === 40 || text.charCodeAt(start - 2) === 34 || text.charCodeAt(start - 2) === 39) && after === 45) return urlEnd(text, start, to);
  // a registry or repository path with a domain: github.com/…, quay.io/…
  if (after === 46 && (before === 0 || before === 32 || before === 34 || before === 39 || before === 61 || before === 9) && slashNear(text, end) && /^\.[a-z]{2,6}\/[^/\s"']+\//.test(text.slice(end, end + 80))) return urlEnd(text, end, to);
  // an XML namespace prefix: xmlns:qemu
  if (before === 58 && start >= from + 6 && text.slice(start - 6, start - 1) === 'xmlns') return end;
  // an e-mail address: name@host, first.last-name@host
  if (after === 64 /* @ */ || after === 46 || after === 45 || after === 95 || after === 43) {
    // an address needs an @ within 64 characters: most dotted names have none near
    const at = nextAt(text, end);
    if (at < 0 || at - end > 64 || at >= to) return start;
    const run = localPartEnd(text, end, to);
    const i = Math.min(run, end + 64);
    if (i === run && text.charCodeAt(i) === 64 && i + 1 < to && isAlnum(text.charCodeAt(i + 1)) && before !== 64) return urlEnd(text, i, to);
  }
  return start;
}

/** The end of a URL-like run: up to whitespace, a quote, `)` , `>` or `]`. */
function urlEnd(text: string, at: number, to: number): number {
  let i = at;
  const limit = Math.min(to, at + 2048);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 34 || c === 39 || c === 41 || c === 62 || c === 93 || c === 60 || c === 96) break;
    i++;
  }
  return i;
}

const EMAIL_LOCAL = new Set([46, 45, 95, 43]);

/** `.com/` and the like: a `/` 3 to 7 characters after `end` (the dot). */
function slashNear(text: string, end: number): boolean {
  for (let k = 3; k <= 7; k++) if (text.charCodeAt(end + k) === 47) return true;
  return false;
}

// the first @ at or after a point of the last text searched (-1: none)
let atText = '';
let atFrom = -1;
let atPos = -1;

function nextAt(text: string, from: number): number {
  if (from >= atFrom && (atPos < 0 || from <= atPos) && text === atText) return atPos;
  atText = text;
  atFrom = from;
  atPos = text.indexOf('@', from);
  return atPos;
}

// the last run of e-mail local-part characters measured: the tokens of `a.b.c.d` share one
let runText = '';
let runFrom = -1;
let runEnd = -1;
let runTo = -1;

/** Where the run of letters, digits and `.-_+` that starts at `from` ends (before `to`). */
function localPartEnd(text: string, from: number, to: number): number {
  if (from >= runFrom && from <= runEnd && (runEnd < runTo ? runEnd <= to : to === runTo) && text === runText) return runEnd;
  let i = from;
  while (i < to && (isAlnum(text.charCodeAt(i)) || EMAIL_LOCAL.has(text.charCodeAt(i)))) i++;
  runText = text;
  runFrom = from;
  runEnd = i;
  runTo = to;
  return i;
}

/**
 * Whether text[start, end) is a whole variable name in code: after `$`, `${`, `@` (a splat) or a
 * scope prefix (`$script:`, `$env:`), or, in a shell script, assigned at the start of a command
 * (`HOST_OS=...`, `export GUEST=...`, `local vm=...`).
 */
export function isVariableName(text: string, start: number, end: number, shell: boolean): boolean {
  const b = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (b === 36 /* $ */ || b === 64 /* @ */) return true;
  if (b === 123 /* { */ && start > 1 && text.charCodeAt(start - 2) === 36) return true;
  if (b === 58 /* : */ && VARIABLE_SCOPE.test(text.slice(Math.max(0, start - 12), start))) return true;
  if (!shell || text.charCodeAt(end) !== 61 /* = */ || text.charCodeAt(end + 1) === 61) return false;
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13 || c === 59 /* ; */ || c === 38 /* & */ || c === 124 /* | */ || c === 40 /* ( */) return true;
  return ASSIGNING_WORD.test(text.slice(Math.max(0, i - 9), i + 1));
}
const VARIABLE_SCOPE = /\$(?:script|global|local|private|env|using):$/i;
// the attributes a reference reads go on after it: `local.options.machine_type`, `var.disks[0].size`
const HCL_REFERENCE = /(?:^|[^\w.])(?:var|local|each\.value|each\.key|[a-z_][a-z0-9_]*\.value)(?:\.[A-Za-z_][\w-]*|\[[^\]\n]{0,40}\])*\.$/;
/** a quoted key of a map that `lookup(map, "key", default)` reads */
const LOOKUP_KEY = /\blookup\(\s*[^,()\n]{1,80},\s*$/;
/** a key that holds a name (`network_name`, `:libvirt__network_name =>`, `VMName:`), and its quote */
const NAME_KEY = /(?:^|[^\w])[A-Za-z_]\w*(?:_name|[a-z0-9]Name)["']?[ \t]*(?:=>|=|:)[ \t]*$/;

/** Whether text[start, end) is the whole quoted value of a key that holds a name: `management_network_name = "vagrant-libvirt"` names a network. */
export function isNameValue(text: string, start: number, end: number): boolean {
  const q = start > 0 ? text.charCodeAt(start - 1) : 0;
  if ((q !== 34 && q !== 39) || text.charCodeAt(end) !== q) return false;
  return NAME_KEY.test(text.slice(Math.max(0, start - 81), start - 1));
}

/**
 * Whether the match is a name the file refers to: an HCL reference (`var.node_name`,
 * `local.host_os`, `each.value.iothread`, `local.options.machine_type`, a `lookup()` key) or a name in a Jinja expression or statement (`{{ cpu_mode }}`,
 * `{{ item.memsize | int }}`, `{% if boot_firmware == "efi" %}`). It holds a value; the key it is assigned to is the term.
 */
export function isReferenceName(text: string, start: number, end: number): boolean {
  if (start > 0 && text.charCodeAt(start - 1) === 46 /* . */ && HCL_REFERENCE.test(text.slice(Math.max(0, start - 120), start))) return true;
  if (start > 0 && text.charCodeAt(start - 1) === 34 && text.charCodeAt(end) === 34 && LOOKUP_KEY.test(text.slice(Math.max(0, start - 120), start - 1))) return true;
  return inTemplateExpression(text, start, end);
}

/** Inside a Jinja `{{ … }}` expression or `{% … %}` statement on one line, within 120 characters each way. */
function inTemplateExpression(text: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i > 0 && start - i <= 120; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    const p = text.charCodeAt(i - 1);
    if (c === 125 /* } */ && (p === 125 || p === 37 /* % */)) return false;
    if (p === 123 /* { */ && (c === 123 || c === 37)) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  // a string literal in the expression is a value, not a name: `== "efi"`
  const q = text.charCodeAt(start - 1);
  if ((q === 34 || q === 39) && text.charCodeAt(end) === q) return false;
  const closer = text.charCodeAt(open) === 37 ? '%}' : '}}';
  const close = text.indexOf(closer, end);
  if (close < 0 || close - end > 120) return false;
  const nl = text.indexOf('\n', end);
  return nl < 0 || nl > close;
}

/**
 * Whether the match is the name label of an HCL block (`resource "vsphere_virtual_machine" "vm" {`,
 * `source "virtualbox-iso" "vm" {`): a name the file gives, not the thing it names.
 */
export function isBlockLabel(text: string, start: number, end: number): boolean {
  if (start < 1 || text.charCodeAt(start - 1) !== 34 || text.charCodeAt(end) !== 34) return false;
  if (!/^"\s*\{/.test(text.slice(end, end + 8))) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > 200) return false;
  return BLOCK_HEADER.test(text.slice(lineStart, start - 1));
}
const BLOCK_HEADER = /^\s*(?:(?:resource|data|source)\s+"[^"\n]*"\s+|(?:module|variable|output)\s+)$/;
const ASSIGNING_WORD = /(?:^|[\s;])(?:export|local|readonly|declare|typeset)$/;

/**
 * Whether a multi-piece term starts a file name that goes on to a firmware or installer image
 * (`OVMF_VARS-1920x1080.fd`, `OVMF_CODE_4M.secboot.fd`, `virtio-win-0.1.240.iso`): the rest is
 * pieces that start with a digit or are lower case, ending in `.fd`, `.rom` or `.iso`. The file
 * is a build of that thing, so the term keeps its card.
 */
export function startsFileName(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (isAlnum(b) || b === 95 || b === 45 || b === 46) return false;
  }
  let pieces = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 95 || c === 45 || c === 46) pieces = true;
  }
  if (!pieces) return false;
  let i = end;
  const limit = Math.min(text.length, end + 65);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (!(isAlnum(c) || c === 95 || c === 45 || c === 46)) break;
    i++;
  }
  if (i - end > 64) return false;
  return FILE_REST.test(text.slice(end, i));
}
const FILE_REST = /^(?:[-_.](?:[0-9][A-Za-z0-9]*|[a-z][a-z0-9]*))*\.(?:fd|rom|iso)$/;

/**
 * A key whose value names the machine itself, up to where the value starts: `name:`, `- name: `,
 * `"name": "`, `vm_name = "`, `VMName=`, `hostname:`, `uuid:`, a `-Name`, `-VMName`, `--name` or
 * `-name` option, a `<name>` or `<uuid>` element. Not a device's name key (`host_dev_name`): `tap0`
 * is a TAP device.
 */
const LABEL_KEY = /(?:(?:^|[^\w-])(?:name|Name|NAME|hostname|host_name|uuid|UUID|vm_name|vmName|VMName|domain_name|instance_name)["']?[ \t]*(?:=>|=|:)[ \t]*|(?:^|[\s"'(])--?(?:Name|VMName|name|vm-name)(?:[ \t]+|=)|<(?:name|uuid)>[ \t]*)$/;
const LABEL_END = new Set([34, 39, 32, 9, 10, 13, 60, 44, 59, 125, 93, 41]);

function isLabelChar(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 95 || c === 46;
}

/** The run of label characters (`web-vm2`, `tpm0`) around text[start, end), at most 80 more each side. */
function labelSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && start - s < 80 && isLabelChar(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && e - end < 80 && isLabelChar(text.charCodeAt(e))) e++;
  return [s, e];
}

/**
 * The one-word value of a key that holds a name or id (see LABEL_KEY) that text[start, end) sits
 * in, as [start, end); undefined when it sits in none. `<name>vm1</name>`, `- name: containerdisk`,
 * `-Name web-vm2`: a label someone chose, not a term.
 */
export function labelValue(text: string, start: number, end: number): [number, number] | undefined {
  const [s, e] = labelSpan(text, start, end);
  if (e < text.length && !LABEL_END.has(text.charCodeAt(e))) return undefined;
  // a name of several words (`"Default Switch"`) may be the thing itself
  for (let i = start; i < end; i++) if (!isLabelChar(text.charCodeAt(i))) return undefined;
  const q = s > 0 ? text.charCodeAt(s - 1) : 0;
  let k = s;
  if (q === 34 || q === 39) {
    if (text.charCodeAt(e) !== q) return undefined;
    k = s - 1;
  }
  const head = text.slice(Math.max(0, k - 60), k);
  if (!LABEL_KEY.test(head)) return undefined;
  // an XML attribute (`<timer name='rtc'/>`) names a choice the schema defines, not a label
  if ((q === 34 || q === 39) && head.lastIndexOf('<') > head.lastIndexOf('>')) return undefined;
  return [s, e];
}

/** a QEMU sub-option that names an object (`id=`) or refers to one by its id (`tpmdev=`, `chardev=`, `netdev=`) */
const ID_KEY = /(?:^|[\s,])(?:id|tpmdev|chardev|netdev|drive|audiodev|fsdev|memdev|iothread|node-name)=$/;

/**
 * Whether text[start, end) sits in the value of a QEMU option that gives or quotes an object id
 * (`-tpmdev emulator,id=tpm0`, `-device tpm-tis,tpmdev=tpm0`): a name the file chose.
 */
export function isIdValue(text: string, start: number, end: number): boolean {
  const [s, e] = labelSpan(text, start, end);
  if (e < text.length && !LABEL_END.has(text.charCodeAt(e)) && text.charCodeAt(e) !== 92 /* \ */) return false;
  return ID_KEY.test(text.slice(Math.max(0, s - 12), s));
}

let functionsText = '';
let functions: ReadonlySet<string> = new Set();

/** The names of the functions a PowerShell script defines (`function Dismount-CustomVM {`), lower case; read once per text. */
function definedFunctions(text: string): ReadonlySet<string> {
  if (text !== functionsText) {
    functionsText = text;
    functions = new Set([...text.matchAll(FUNCTION_DEFINITION)].map((m) => m[1].toLowerCase()));
  }
  return functions;
}
const FUNCTION_DEFINITION = /(?:^|[\s;{])function[ \t]+([A-Za-z_][\w-]*)/gim;
/** the command a `-Parameter` belongs to: the first word of its statement, on its line or a line continued with a backtick */
const COMMAND_HEAD = /(?:^|[|;({=])[ \t]*&?[ \t]*([A-Za-z_][\w-]*)(?:[^|;({=\n]|`\r?\n)*$/;

/**
 * Whether text[start] is a parameter name (`-VHDPath`) given to a function the same script
 * defines (`function Dismount-CustomVM { param($VHDPath) }` ... `Dismount-CustomVM -VHDPath $p`):
 * the script's own parameter, not a Hyper-V cmdlet's.
 */
export function isOwnFunctionParameter(text: string, start: number): boolean {
  if (start < 2 || text.charCodeAt(start - 1) !== 45 /* - */) return false;
  const b = text.charCodeAt(start - 2);
  if (b !== 32 && b !== 9) return false;
  const own = definedFunctions(text);
  if (!own.size) return false;
  let from = text.lastIndexOf('\n', start - 1);
  // a statement continued over lines ending in a backtick
  while (from > 0 && text.charCodeAt(from - 1) === 96 /* ` */ || (from > 1 && text.charCodeAt(from - 1) === 13 && text.charCodeAt(from - 2) === 96)) from = text.lastIndexOf('\n', from - 1);
  if (start - from > 400) return false;
  const m = COMMAND_HEAD.exec(text.slice(from + 1, start - 1));
  return !!m && own.has(m[1].toLowerCase());
}

/** a Ruby block's parameters so far: `do |kvm` or `{ |h, override` */
const BLOCK_PARAMS_BEFORE = /(?:\bdo|\{)[ \t]*\|[\w, \t]*$/;
const BLOCK_PARAMS_AFTER = /^[\w, \t]*\|/;
/** a Vagrant machine's name: `config.vm.define "kvm"`, `define :web` */
const DEFINE_BEFORE = /\.define[ \t]*\(?[ \t]*["':]$/;

/**
 * Whether text[start, end) is a name a Ruby file (a Vagrantfile) gives: a block parameter
 * (`do |kvm|`) or the machine name of `config.vm.define "kvm"`. Not the hypervisor it is named after.
 */
export function isRubyName(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && start - s < 80 && isLabelChar(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && e - end < 80 && isLabelChar(text.charCodeAt(e))) e++;
  const head = text.slice(Math.max(0, s - 80), s);
  if (BLOCK_PARAMS_BEFORE.test(head) && BLOCK_PARAMS_AFTER.test(text.slice(e, e + 80))) return true;
  if (!DEFINE_BEFORE.test(head)) return false;
  const q = text.charCodeAt(s - 1);
  return q === 58 /* : */ || text.charCodeAt(e) === q;
}

const RESOURCE_REFERENCE = /^\.[A-Za-z_][\w-]*(?:\.|\[)/;

/**
 * Whether text[start, end) is the resource type of a Terraform reference, `TYPE.NAME.attribute`
 * (`hyperv_vhd.web.path`): the type is the term, the name and attribute are the file's own.
 */
export function isResourceReference(text: string, start: number, end: number): boolean {
  const b = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (isAlnum(b) || b === 95 || b === 46 || b === 36 || b === 45) return false;
  return RESOURCE_REFERENCE.test(text.slice(end, end + 120));
}
