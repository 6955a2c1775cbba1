/**
 * Terms inside file-system paths, file names and link labels: a folder or file named after a
 * term (`C:\VMs\...\Virtual Hard Disks\`, `/var/run/xen/qemu-root-<domid>`, `xen-mapcache.c`,
 * `[qemu-namespaces]`) is not the term. A match that itself holds `/` or `\` is an entry's own
 * path (`/dev/kvm`, `root\virtualization\v2`) and stays; so does a file's extension
 * (`web01.qcow2`) and a program in a `bin` folder (`/usr/bin/qemu-system-x86_64`).
 */

const SLASH = 47;
const BACKSLASH = 92;
const DOT = 46;

/** Characters that end a path run: white space, quotes, brackets, `=`, `,`, `;`, `:`, `|`, `<`, `>`, `` ` ``. */
function endsRun(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 96 || c === 40 || c === 41 || c === 91 || c === 93 || c === 61 || c === 44 || c === 59 || c === 58 || c === 124 || c === 60 || c === 62 || c === 123 || c === 125;
}

/** A letter, digit, `-` or `_`: what a file or label name is made of (`<` and `>` too, for `<domid>`). */
function nameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

/** Extensions that make a dotted word a file name (`xen-mapcache.c`, `guest50.img`). */
const FILE_EXTENSIONS = new Set(
  'c h cc cpp hpp py go rs sh bash ps1 psm1 rb pl js ts json yaml yml xml toml conf cfg ini md txt log img iso qcow2 vmdk vhd vhdx raw ova ovf vmx nvram fd bin tf hcl service socket j2 tpl'.split(' '),
);

const MAX_RUN = 512;
const KERNEL_FS = /^\/(?:dev|sys|proc)\//;

/** A PowerShell cmdlet name that ends its path: `Get-VM`, `Set-VMFirmware`. */
const CMDLET = /^[A-Z][a-z]+-[A-Z][A-Za-z]+(?![\\A-Za-z0-9])/;

export function inPathOrFileName(text: string, start: number, end: number, generic = false): boolean {
  // most terms stand between spaces or punctuation that ends every path and name
  if ((start === 0 || endsRun(text.charCodeAt(start - 1))) && (end >= text.length || endsRun(text.charCodeAt(end)))) return false;
  let dotted = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === SLASH || c === BACKSLASH) return false;
    if (c === DOT) dotted = true;
  }
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  // a folder name an entry lists as itself: `C:\ClusterStorage`
  if (camelCase(text, start, end)) return false;
  // a Windows folder or file: `C:\VMs`, `"$path\Virtual Hard Disks\"`, a first folder `VMs\$name`;
  // not a module-qualified cmdlet (`Hyper-V\Get-VM`)
  // (a program file an entry names ends the path and stays: `"$env:windir\system32\MBR2GPT.EXE"`)
  if (before === BACKSLASH) return !CMDLET.test(text.slice(start, start + 64)) && !exeAtEnd(text, end);
  if (text.charCodeAt(end) === BACKSLASH) {
    const n = text.charCodeAt(end + 1);
    if (((n >= 65 && n <= 90) || n === 36 || n === 37 || n === 42) && !CMDLET.test(text.slice(end + 1, end + 65))) return true;
  }
  return posixPath(text, start, end, before, dotted, generic) || (!dotted && fileName(text, end)) || linkLabel(text, start, end);
}

/** In an absolute (or `./`, `~/`) POSIX path: a folder, or part of its last segment but not its extension. */
function posixPath(text: string, start: number, end: number, before: number, dotted: boolean, generic: boolean): boolean {
  // the segment's bounds
  let a = start;
  while (a > 0 && start - a < MAX_RUN && !endsRun(text.charCodeAt(a - 1)) && text.charCodeAt(a - 1) !== SLASH) a--;
  let b = end;
  while (b < text.length && b - end < MAX_RUN && !endsRun(text.charCodeAt(b)) && text.charCodeAt(b) !== SLASH) b++;
  const slashBefore = a > 0 && text.charCodeAt(a - 1) === SLASH;
  const slashAfter = text.charCodeAt(b) === SLASH;
  if (!slashBefore && !slashAfter) return false;
  // the run's start: it must begin with `/`, `./`, `../` or `~/`
  let r = a;
  while (r > 0 && a - r < MAX_RUN && !endsRun(text.charCodeAt(r - 1))) r--;
  const first = text.charCodeAt(r);
  // `</vcpu>` closes an element; `$x.Bytes/1MB` divides
  if (r > 0 && text.charCodeAt(r - 1) === 60) return false;
  // a relative Markdown link target: `](../src/containerd-shim-kata-v2)`
  if (r > 1 && text.charCodeAt(r - 1) === 40 && text.charCodeAt(r - 2) === 93) return true;
  const absolute = first === SLASH || first === 126 /* ~ */ || (first === DOT && (text.charCodeAt(r + 1) === SLASH || text.charCodeAt(r + 1) === DOT));
  if (!absolute) {
    // a relative first folder before a variable: govc's `vm/$name`
    return !slashBefore && slashAfter && text.charCodeAt(b + 1) === 36;
  }
  // kernel file systems name kernel objects: `/dev/xen/gntdev`, `/sys/kernel/iommu_groups/`
  // (an ordinary word deeper down is a user's name: `/dev/vg0/builder`, but `/dev/vda` is the disk)
  if (KERNEL_FS.test(text.slice(r, r + 6)) && (!generic || a === r + 5)) return false;
  if (slashAfter) return true;
  // the last segment: its extension stays, so does a whole file an entry names (`OVMF_CODE.fd`,
  // `hypervisor-fw`) and a program in a bin folder
  if (before === DOT && b === end) return false;
  if (a === start && b === end && (dotted || named(text, start, end) || /(?:^|\/)(?:s?bin|libexec)$/.test(text.slice(Math.max(r, a - 9), a - 1)))) return false;
  return true;
}

/** In a file name's base before a known extension: `xen-mapcache.c`, `guest50.img` (a dotted key is no base: `ethernet0.present`). */
function fileName(text: string, end: number): boolean {
  let b = end;
  while (b < text.length && b - end < MAX_RUN && nameChar(text.charCodeAt(b))) b++;
  if (text.charCodeAt(b) !== DOT || b === end) return false;
  let e = b + 1;
  while (e < text.length && e - b < 8 && isAlnumAscii(text.charCodeAt(e))) e++;
  if (e < text.length && (isAlnumAscii(text.charCodeAt(e)) || text.charCodeAt(e) === DOT && isAlnumAscii(text.charCodeAt(e + 1)))) return false;
  return FILE_EXTENSIONS.has(text.slice(b + 1, e).toLowerCase());
}

/** A name of several parts: `hypervisor-fw`, `kata_runtime`. */
function named(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 95) return true;
  return false;
}

/** A lower-case letter followed by a capital inside the match: a CamelCase name (`ClusterStorage`). */
function camelCase(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    const p = text.charCodeAt(i - 1);
    if (c >= 65 && c <= 90 && p >= 97 && p <= 122) return true;
  }
  return false;
}

/** The match ends in `.exe` and the path run ends there. */
function exeAtEnd(text: string, end: number): boolean {
  return end >= 4 && text.slice(end - 4, end).toLowerCase() === '.exe' && (end >= text.length || endsRun(text.charCodeAt(end)));
}

function isAlnumAscii(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Part of a Markdown reference label or a bracketed name such as `[qemu-namespaces]`. */
function linkLabel(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < 64 && nameChar(text.charCodeAt(a - 1))) a--;
  if (text.charCodeAt(a - 1) !== 91 /* [ */) return false;
  let b = end;
  while (b < text.length && b - end < 64 && nameChar(text.charCodeAt(b))) b++;
  if (text.charCodeAt(b) !== 93 /* ] */ || (a === start && b === end)) return false;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) >= 65 && text.charCodeAt(i) <= 90) return false;
  return true;
}
