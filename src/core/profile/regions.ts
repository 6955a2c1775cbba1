/**
 * Parts of a document with contexts of their own: a Packer template's builder blocks
 * (`source "hyperv-iso" "x" { ... }` in HCL, one object of the `"builders": [...]` array in
 * JSON). Keys several builders share (`guest_os_type`, `guest_additions_mode`) mean the
 * thing of the builder whose block they sit in. One linear pass over the text.
 */

/** Contexts a Packer builder block adds, by builder family. */
export const BUILDER_SCOPES = ['packer-hyperv', 'packer-qemu', 'packer-virtualbox', 'packer-vmware', 'packer-vsphere', 'packer-proxmox'] as const;

export interface ProfileRegion {
  /** offsets into the document; `end` is exclusive */
  start: number;
  end: number;
  /** added to the document's contexts inside the region */
  contexts: string[];
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

const HCL_SOURCE = /^[ \t]*source[ \t]+"([A-Za-z0-9_-]+)"[ \t]+"[^"\n]*"[ \t]*\{/gm;
const JSON_BUILDERS = /"builders"\s*:\s*\[/g;
const JSON_TYPE = /"type"\s*:\s*"([A-Za-z0-9_-]+)"/y;

/** The builder blocks of a Packer template, in order. */
export function packerRegions(text: string): ProfileRegion[] {
  const out: ProfileRegion[] = [];
  for (const m of text.matchAll(HCL_SOURCE)) {
    const open = m.index + m[0].length - 1;
    out.push({ start: m.index, end: closingBracket(text, open, true), contexts: builderContexts(m[1]) });
  }
  for (const m of text.matchAll(JSON_BUILDERS)) {
    const arrayEnd = closingBracket(text, m.index + m[0].length - 1, false);
    // each object of the array; its own "type" key (depth 1) names the builder
    for (let i = m.index + m[0].length; i < arrayEnd; i++) {
      if (text.charCodeAt(i) !== 123) continue;
      const end = closingBracket(text, i, false);
      out.push({ start: i, end, contexts: builderContexts(ownType(text, i, end)) });
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
