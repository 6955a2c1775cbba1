/**
 * The "Architectures" tree, as plain data built from the knowledge base (no `vscode` here).
 *
 * Shape (every level generated from the content; a new system file adds a node):
 *
 *   Type 1 (bare metal)            systems with `classification: type1`, by title
 *     Hyper-V                      a system
 *       Why Type 1 (bare metal)?   its classification note, wrapped into short lines below
 *         Hyper-V looks hosted …   (KVM's heading: "Type 1 or Type 2? Debated")
 *       Root partition             its layers, TOP DOWN: the topmost row of `stack` first,
 *         Virtual Machine …        hardware last, as the diagram reads from top to bottom;
 *       …                          each layer's description says "top layer" … "bottom layer"
 *       Hardware                   the components drawn in a layer: user mode, then kernel
 *   Type 2 (hosted)                mode, then firmware (the diagram's order), then by title
 *   Other systems                  (only if a system has no classification)
 *   Hardware assistance            every `hw.*` entry
 *   Concepts                       concepts: "General" first, then one folder per system
 *   Files and formats              formats, by title
 *   Management tools               tools: "General" first, then one folder per system
 *   Settings and parameters        settings, one folder per `appliesTo` (QEMU, libvirt, xl.cfg…)
 *   Other entries                  (only if something fits nowhere above)
 *
 * An entry can sit in several places (VMBus is in the root and the child partition, VT-x
 * under every system's hardware and under "Hardware assistance"); `primary()` picks the one
 * "Reveal in Atlas" selects. Node ids are paths of stable keys, so they survive rebuilds.
 */
import type { KnowledgeIndex } from '../knowledge/index';
import type { Entry, EntryKind, Mode } from '../knowledge/types';
import { english, fill, messages, type Translate } from '../l10n';
import { diagramSystems, placement } from '../render/card';
import { classificationLabel, kindLabels, modeLabel } from '../render/words';
import { codeSpan, escapeMarkdown } from '../render/markdown';

export type AtlasNodeKind = 'group' | 'entry' | 'note';

export interface AtlasNode {
  /** unique in the tree and stable across rebuilds: the keys of its path joined by `/` */
  readonly id: string;
  readonly kind: AtlasNodeKind;
  readonly label: string;
  /** shown after the label: the short form (acronym or binary), mode, layer position or a count */
  readonly description: string;
  /** Markdown; every piece of content in it is escaped */
  readonly tooltip: string;
  /** a codicon id ('' for the wrapped lines of a note) */
  readonly icon: string;
  /** the entry this node opens (entries; a note opens its system; a group may open a concept) */
  readonly entryId?: string;
  /** the system whose subtree holds this node, for "Show in Diagram" */
  readonly systemId?: string;
  /** space-separated flags for `viewItem` menus: group|entry|note, kind-<kind>, diagram, source */
  readonly contextValue: string;
  /** whether it starts expanded */
  readonly expanded: boolean;
  readonly parent: AtlasNode | undefined;
  readonly children: AtlasNode[];
}

/** Top-level group keys; also the first segment of every node id below them. */
export const GROUP = {
  type1: 'type1',
  type2: 'type2',
  otherSystems: 'systems',
  hardware: 'hardware',
  concepts: 'concepts',
  formats: 'formats',
  tools: 'tools',
  settings: 'settings',
  other: 'other',
} as const;

/** How the layers of a system are listed; stated in each layer's description. */
export const LAYER_ORDER = 'top-down' as const;

/** Characters per line of a wrapped classification note. */
export const NOTE_LINE_CHARS = 44;

/** A PowerShell cmdlet name, Verb-Noun, optionally followed by a parenthesis: `New-VM (Hyper-V)` */
const CMDLET = /^[A-Z][a-z]+-[A-Z][A-Za-z0-9]+(?: \(.*\))?$/;

const MODE_ORDER: Record<Mode, number> = { user: 0, kernel: 1, firmware: 2 };

const KIND_ICON: Record<EntryKind, string> = {
  system: 'server-environment',
  layer: 'layers',
  component: 'symbol-class',
  concept: 'lightbulb',
  format: 'file-binary',
  tool: 'tools',
  setting: 'settings-gear',
};

/** Labels of the `appliesTo` values content uses; an unknown value is shown as written. */
const appliesToLabels = messages({
  powershell: 'PowerShell (cmdlet parameters)',
  bcdedit: 'bcdedit (Windows boot configuration)',
  kubevirt: 'KubeVirt manifests',
  qemu: 'QEMU command line',
  libvirt: 'libvirt domain XML',
  'xl.cfg': 'xl.cfg (Xen domain configuration)',
  vmx: '.vmx (VMware configuration)',
  vboxmanage: 'VBoxManage',
  vagrant: 'Vagrantfile',
  packer: 'Packer templates',
  kernel: 'Linux kernel and module parameters',
  terraform: 'Terraform',
  ansible: 'Ansible',
  esxcli: 'ESXCLI',
  powercli: 'PowerCLI',
  proxmox: 'Proxmox VE VM options',
  'cloud-hypervisor': 'Cloud Hypervisor command line',
});

/** The tree's own words: group labels and what they hold, counts, layer positions, notes. */
const treeWords = messages({
  type1About: 'Hypervisors that run directly on the hardware.',
  type2About: 'Hypervisors that run on top of an installed operating system.',
  otherSystems: 'Other systems',
  otherSystemsAbout: 'Systems the knowledge base does not classify.',
  hardware: 'Hardware assistance',
  hardwareAbout: 'CPU, memory and I/O features that hypervisors rely on (hw.* entries).',
  concepts: 'Concepts',
  conceptsAbout: 'Ideas and terms that explain how virtualization works.',
  formats: 'Files and formats',
  formatsAbout: 'Disk images, VM configuration files and packaging formats.',
  tools: 'Management tools',
  toolsAbout: 'Programs, modules and cmdlets that create and manage virtual machines.',
  settings: 'Settings and parameters',
  settingsAbout: 'Configuration keys, command-line options and cmdlet parameters, grouped by where you write them.',
  other: 'Other entries',
  otherAbout: 'Entries that fit nowhere above: a layer missing from its system’s stack, or a component without a layer.',
  otherSettings: 'Other settings',
  /** {0}: where settings are written ("QEMU command line"), {1}: the content's appliesTo value */
  settingsIn: 'Settings written in {0} (appliesTo: {1}).',
  settingsNowhere: 'Settings without an appliesTo.',
  general: 'General',
  /** {0}: a group ("Concepts"), {1}: a system */
  groupOfSystem: '{0} of {1}.',
  /** {0}: a group ("Concepts") */
  groupGeneral: '{0} that are not specific to one hypervisor.',
  oneSystem: '1 system',
  systems: '{0} systems',
  oneEntry: '1 entry',
  entries: '{0} entries',
  oneFormat: '1 format',
  formatCount: '{0} formats',
  oneSetting: '1 setting',
  settingCount: '{0} settings',
  oneConcept: '1 concept',
  conceptCount: '{0} concepts',
  oneTool: '1 tool',
  toolCount: '{0} tools',
  onlyLayer: 'only layer',
  topLayer: 'top layer',
  bottomLayer: 'bottom layer',
  middleLayer: 'middle layer',
  /** {0}: the layer's row counted from the hardware, {1}: rows */
  layerOf: 'layer {0} of {1} from the bottom',
  /** {0}: "top layer", {1}: a system */
  positionIn: '{0} of {1}',
  /** {0}: "top layer of Hyper-V", {1}: the layers in the same row */
  beside: '{0}, beside {1}',
  /** {0}: "top layer of Hyper-V" */
  layersOrder: '{0}; layers are listed top-down, hardware last.',
  noLayers: 'no layers yet',
  cmdlet: 'cmdlet',
  /** {0}: what the entry is ("concept") */
  workspace: '{0} · workspace',
  debated: 'Type 1 or Type 2? Debated',
  /** {0}: "Type 1 (bare metal)" */
  why: 'Why {0}?',
  classificationHeading: 'Classification',
  classification: 'classification',
  /** {0}: "Type 1 (bare metal)" */
  listedUnder: 'listed under {0}',
  /** {0}: the glossary file's name */
  fromGlossary: 'From the workspace glossary {0}',
  /** {0}: the file's name */
  workspaceNote: 'Workspace note from {0}',
});

type TreeWords = ReturnType<typeof treeWords>;
type Noun = 'system' | 'entry' | 'format' | 'setting' | 'concept' | 'tool';
const PLURAL: Record<Noun, [keyof TreeWords, keyof TreeWords]> = {
  system: ['oneSystem', 'systems'],
  entry: ['oneEntry', 'entries'],
  format: ['oneFormat', 'formatCount'],
  setting: ['oneSetting', 'settingCount'],
  concept: ['oneConcept', 'conceptCount'],
  tool: ['oneTool', 'toolCount'],
};

/** Concepts a top-level group opens when selected, if the content has one. */
const GROUP_ENTRY: Partial<Record<string, string[]>> = {
  [GROUP.type1]: ['concept.type-1', 'concept.type-1-hypervisor', 'concept.bare-metal'],
  [GROUP.type2]: ['concept.type-2', 'concept.type-2-hypervisor', 'concept.hosted-hypervisor'],
  [GROUP.hardware]: ['concept.hardware-assisted-virtualization', 'concept.hardware-assistance', 'hw.hardware-assisted-virtualization'],
};

interface Place {
  node: AtlasNode;
  /** lower wins when choosing the primary place */
  rank: number;
}

/** Mutable while building; exposed as the read-only AtlasNode. */
type Building = { -readonly [K in keyof AtlasNode]: AtlasNode[K] } & { children: Building[]; parent: Building | undefined };

export class AtlasTree {
  readonly roots: readonly AtlasNode[];
  private readonly byId = new Map<string, AtlasNode>();
  private readonly places: Map<string, Place[]>;

  /** @internal use buildAtlasTree */
  constructor(roots: AtlasNode[], places: Map<string, Place[]>) {
    this.roots = roots;
    const walk = (n: AtlasNode) => {
      if (this.byId.has(n.id)) throw new Error(`atlas tree: duplicate node id ${n.id}`);
      this.byId.set(n.id, n);
      n.children.forEach(walk);
    };
    roots.forEach(walk);
    this.places = places;
  }

  get(nodeId: string): AtlasNode | undefined {
    return this.byId.get(nodeId);
  }

  /** Every node, depth first, parents before children. */
  *all(): IterableIterator<AtlasNode> {
    const stack = [...this.roots].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      yield n;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }

  /** Every node that stands for an entry (not notes, not groups), in tree order. */
  placesOf(entryId: string): AtlasNode[] {
    return (this.places.get(entryId) ?? []).map((p) => p.node);
  }

  /**
   * Where "Reveal in Atlas" goes: a system under its type; a layer under its system; an
   * `hw.*` entry under "Hardware assistance"; anything drawn in a layer under the first such
   * layer of its own system; everything else in its group (a setting under its first
   * `appliesTo`). `id` may be a former id.
   */
  primary(entryId: string, kb?: KnowledgeIndex): AtlasNode | undefined {
    const id = kb?.get(entryId)?.id ?? entryId;
    const list = this.places.get(id);
    if (!list?.length) return undefined;
    let best = list[0];
    for (const p of list) if (p.rank < best.rank) best = p;
    return best.node;
  }

  /** The nodes from a root down to `node`, inclusive. */
  path(node: AtlasNode): AtlasNode[] {
    const out: AtlasNode[] = [];
    for (let n: AtlasNode | undefined = node; n; n = n.parent) out.unshift(n);
    return out;
  }
}

/** The system an entry belongs to first: itself, its layer's system, the system its id names, or its first system. */
export function homeSystem(entry: Entry, kb: KnowledgeIndex): string | undefined {
  if (entry.kind === 'system') return entry.id;
  if (entry.kind === 'layer') return entry.system;
  const prefix = entry.id.split('.')[0];
  if (entry.systems.includes(prefix) && kb.get(prefix)?.kind === 'system') return prefix;
  return entry.systems.find((s) => kb.get(s)?.kind === 'system');
}

/** A layer's title without a parenthesis that only repeats "layer" or the system's name. */
export function layerLabel(layer: Entry, system: Entry | undefined): string {
  const m = /^(.*\S)\s*\(([^()]*)\)$/.exec(layer.title);
  if (!m) return layer.title;
  const inner = m[2].trim().toLowerCase();
  const names = [system?.title, system?.short, system?.id].filter((s): s is string => !!s).map((s) => s.toLowerCase());
  const redundant = inner === 'layer' || names.some((n) => inner === n || inner === `${n} host`);
  return redundant ? m[1] : layer.title;
}

/** "top layer", "bottom layer", "middle layer" or "layer 2 of 4" (row 0 is the hardware). */
export function layerPosition(row: number, rows: number, t: Translate = english): string {
  const w = treeWords(t);
  if (rows <= 1) return w.onlyLayer;
  if (row === rows - 1) return w.topLayer;
  if (row === 0) return w.bottomLayer;
  if (rows === 3) return w.middleLayer;
  return fill(w.layerOf, row + 1, rows);
}

function shortOf(entry: Entry): string | undefined {
  return entry.short && entry.short !== entry.title ? entry.short : undefined;
}

function byTitle(a: Entry, b: Entry): number {
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

function plural(n: number, noun: Noun, t: Translate): string {
  const [one, many] = PLURAL[noun];
  const w = treeWords(t);
  return n === 1 ? w[one] : fill(w[many], n);
}

/** The tooltip of an entry: title, kind, where it sits, summary. All escaped. */
export function entryTooltip(kb: KnowledgeIndex, entry: Entry, t: Translate = english): string {
  const w = treeWords(t);
  const short = shortOf(entry);
  const lines = [`**${escapeMarkdown(entry.title)}**${short ? ` (${escapeMarkdown(short)})` : ''} · *${kindLabels(t)[entry.kind]}*`];
  const where = placement(kb, entry, t);
  if (where.length) lines.push(where.map(escapeMarkdown).join('  \n'));
  lines.push(escapeMarkdown(entry.summary));
  if (entry.kind === 'system' && entry.classificationNote) lines.push(`*${escapeMarkdown(entry.classificationNote)}*`);
  if (entry.workspace) lines.push(fill(w.fromGlossary, codeSpan(entry.file, 200)));
  for (const note of entry.notes ?? []) lines.push(fill(w.workspaceNote, codeSpan(note.file, 200)));
  return lines.join('\n\n');
}

/** Builds the whole tree. Pure: the same knowledge base gives the same tree, ids included. */
export function buildAtlasTree(kb: KnowledgeIndex, t: Translate = english): AtlasTree {
  const w = treeWords(t);
  const kinds = kindLabels(t);
  const places = new Map<string, Place[]>();
  const roots: Building[] = [];

  const node = (parent: Building | undefined, key: string, fields: Partial<Building> & Pick<Building, 'kind' | 'label' | 'icon'>): Building => {
    const n: Building = {
      id: parent ? `${parent.id}/${key}` : key,
      description: '',
      tooltip: '',
      contextValue: fields.kind,
      expanded: false,
      parent,
      children: [],
      ...fields,
    } as Building;
    (parent ? parent.children : roots).push(n);
    return n;
  };

  const contextFor = (entry: Entry, inSystem: boolean): string => {
    const flags = ['entry', `kind-${entry.kind}`];
    const drawable = entry.kind === 'system' || entry.kind === 'layer' || entry.kind === 'component';
    if (drawable && (inSystem || diagramSystems(kb, entry).length > 0)) flags.push('diagram');
    if (entry.sources.length) flags.push('source');
    return flags.join(' ');
  };

  const entryNode = (parent: Building, entry: Entry, rank: number, fields: Partial<Building> = {}): Building => {
    const systemId = fields.systemId ?? ancestorSystem(parent);
    const n = node(parent, entry.id, {
      kind: 'entry',
      label: entry.title,
      description: shortOf(entry) ?? '',
      tooltip: entryTooltip(kb, entry, t),
      icon: iconFor(entry),
      entryId: entry.id,
      systemId,
      contextValue: contextFor(entry, systemId !== undefined),
      ...fields,
    });
    // every entry shows something after its label: its short form, else its kind
    if (!n.description) n.description = entry.kind === 'tool' && CMDLET.test(entry.title) ? w.cmdlet : kinds[entry.kind];
    if (entry.workspace) n.description = fill(w.workspace, n.description);
    const list = places.get(entry.id) ?? [];
    list.push({ node: n, rank });
    places.set(entry.id, list);
    return n;
  };

  const group = (parent: Building | undefined, key: string, label: string, icon: string, tooltip: string, expanded = false): Building => {
    const linked = parent ? undefined : (GROUP_ENTRY[key] ?? []).map((id) => kb.get(id)).find((e): e is Entry => !!e);
    return node(parent, key, {
      kind: 'group',
      label,
      icon,
      expanded,
      tooltip: linked ? `**${escapeMarkdown(label)}**\n\n${escapeMarkdown(tooltip)}\n\n${escapeMarkdown(linked.summary)}` : `**${escapeMarkdown(label)}**\n\n${escapeMarkdown(tooltip)}`,
      ...(linked ? { entryId: linked.id, contextValue: `group ${contextFor(linked, false)}` } : {}),
    });
  };

  // ---- systems by classification ------------------------------------------------------
  const systems = kb.systems().sort(byTitle);
  const typeGroups: [string, string, string, string, (s: Entry) => boolean][] = [
    [GROUP.type1, classificationLabel('type1', t), 'server', w.type1About, (s) => s.classification === 'type1'],
    [GROUP.type2, classificationLabel('type2', t), 'device-desktop', w.type2About, (s) => s.classification === 'type2'],
    [GROUP.otherSystems, w.otherSystems, 'server-environment', w.otherSystemsAbout, (s) => s.classification !== 'type1' && s.classification !== 'type2'],
  ];
  for (const [key, label, icon, about, test] of typeGroups) {
    const members = systems.filter(test);
    if (members.length === 0 && key === GROUP.otherSystems) continue;
    const g = group(undefined, key, label, icon, about, key !== GROUP.otherSystems);
    g.description = plural(members.length, 'system', t);
    for (const system of members) addSystem(g, system);
  }

  function addSystem(parent: Building, system: Entry): void {
    const rows = (system.stack ?? []).map((row) => kb.getAll(row).filter((l) => l.kind === 'layer'));
    const layerCount = rows.reduce((n, r) => n + r.length, 0);
    const s = entryNode(parent, system, 0, {
      systemId: system.id,
      description: [shortOf(system), system.vendor].filter(Boolean).join(' · '),
    });
    if (system.classificationNote) {
      // The note, visible in the tree: a heading item, expanded, with the text wrapped into
      // short lines under it (a tree row does not wrap, and a long one is cut off).
      const text = system.classificationNote;
      const debated = classificationDebated(text);
      const type = classificationLabel(system.classification, t) || undefined;
      const tooltip = `**${escapeMarkdown(system.title)}: ${type ?? w.classification}**\n\n${escapeMarkdown(text)}`;
      const heading = node(s, 'note', {
        kind: 'note',
        label: debated ? w.debated : type ? fill(w.why, type) : w.classificationHeading,
        description: debated && type ? fill(w.listedUnder, type) : w.classification,
        tooltip,
        icon: debated ? 'question' : 'info',
        entryId: system.id,
        systemId: system.id,
        contextValue: 'note',
        expanded: true,
      });
      wrapText(text, NOTE_LINE_CHARS).forEach((line, i) =>
        node(heading, String(i + 1), { kind: 'note', label: line, description: '', tooltip, icon: '', entryId: system.id, systemId: system.id, contextValue: 'note' }),
      );
    }
    // top-down: the last row of `stack` (furthest from the hardware) first
    for (let r = rows.length - 1; r >= 0; r--) {
      for (const layer of rows[r]) {
        const modes = layer.modes?.length ? ` · ${modeLabel(layer.modes, t)}` : '';
        const position = fill(w.positionIn, layerPosition(r, rows.length, t), escapeMarkdown(system.title));
        const where = rows[r].length > 1 ? fill(w.beside, position, escapeMarkdown(rows[r].filter((l) => l !== layer).map((l) => layerLabel(l, system)).join(', '))) : position;
        const l = entryNode(s, layer, layer.system === system.id ? 0 : 3, {
          label: layerLabel(layer, system),
          description: `${layerPosition(r, rows.length, t)}${modes}`,
          tooltip: `${entryTooltip(kb, layer, t)}\n\n*${fill(w.layersOrder, where)}*`,
          systemId: system.id,
        });
        for (const c of componentsIn(layer)) {
          const home = homeSystem(c, kb);
          const rank = c.id.startsWith('hw.') ? 2 : home === system.id || home === undefined ? 1 : 3;
          const mode = c.mode ? modeLabel([c.mode], t) : undefined;
          entryNode(l, c, rank, { systemId: system.id, description: [shortOf(c), mode].filter(Boolean).join(' · ') });
        }
      }
    }
    if (layerCount === 0) s.description = [s.description, w.noLayers].filter(Boolean).join(' · ');
  }

  function componentsIn(layer: Entry): Entry[] {
    const rank = (e: Entry) => (e.mode ? MODE_ORDER[e.mode] : 3);
    return kb.componentsOf(layer.id).filter((e) => e.kind !== 'system' && e.kind !== 'layer').sort((a, b) => rank(a) - rank(b) || byTitle(a, b));
  }

  // ---- cross-cutting groups ----------------------------------------------------------
  const isHw = (e: Entry) => e.id.startsWith('hw.');
  const hw = kb.entries.filter(isHw).sort(byTitle);
  const hwGroup = group(undefined, GROUP.hardware, w.hardware, 'circuit-board', w.hardwareAbout);
  hwGroup.description = plural(hw.length, 'entry', t);
  for (const e of hw) entryNode(hwGroup, e, 0, { systemId: undefined, contextValue: contextFor(e, false) });

  bySystemGroup(GROUP.concepts, w.concepts, 'lightbulb', w.conceptsAbout, kb.ofKind('concept').filter((e) => !isHw(e)), 'concept');
  const formats = kb.ofKind('format').filter((e) => !isHw(e)).sort(byTitle);
  const fGroup = group(undefined, GROUP.formats, w.formats, 'files', w.formatsAbout);
  fGroup.description = plural(formats.length, 'format', t);
  for (const e of formats) entryNode(fGroup, e, 2, { systemId: undefined, contextValue: contextFor(e, false) });
  bySystemGroup(GROUP.tools, w.tools, 'tools', w.toolsAbout, kb.ofKind('tool').filter((e) => !isHw(e)), 'tool');

  // settings: one folder per `appliesTo`, in order of first appearance by title
  const settings = kb.ofKind('setting').filter((e) => !isHw(e)).sort(byTitle);
  const sGroup = group(undefined, GROUP.settings, w.settings, 'settings', w.settingsAbout);
  sGroup.description = plural(settings.length, 'setting', t);
  const targets = new Map<string, Entry[]>();
  for (const e of settings) {
    for (const t of e.appliesTo?.length ? e.appliesTo : ['']) {
      const list = targets.get(t) ?? [];
      list.push(e);
      targets.set(t, list);
    }
  }
  const applies: Readonly<Record<string, string>> = appliesToLabels(t);
  const targetLabel = (target: string) => (target === '' ? w.otherSettings : (applies[target.toLowerCase()] ?? target));
  const targetKeys = [...targets.keys()].sort((a, b) =>
    (a === '') !== (b === '') ? (a === '' ? 1 : -1) : targetLabel(a).localeCompare(targetLabel(b), 'en', { sensitivity: 'base', ignorePunctuation: true }),
  );
  for (const target of targetKeys) {
    const list = targets.get(target)!;
    const g = group(sGroup, target === '' ? '-' : `applies-to:${target}`, targetLabel(target), 'folder', target ? fill(w.settingsIn, targetLabel(target), target) : w.settingsNowhere);
    g.description = plural(list.length, 'setting', t);
    for (const e of list) {
      const primaryTarget = e.appliesTo?.[0] ?? '';
      entryNode(g, e, primaryTarget === target ? 2 : 4, { systemId: undefined, contextValue: contextFor(e, false) });
    }
  }

  function bySystemGroup(key: string, label: string, icon: string, about: string, entries: Entry[], noun: Noun): void {
    const g = group(undefined, key, label, icon, about);
    g.description = plural(entries.length, noun, t);
    const buckets = new Map<string, Entry[]>();
    for (const e of entries) {
      const home = homeSystem(e, kb) ?? '';
      const list = buckets.get(home) ?? [];
      list.push(e);
      buckets.set(home, list);
    }
    const order = ['', ...systems.map((s) => s.id)];
    for (const home of order) {
      const list = buckets.get(home);
      if (!list?.length) continue;
      const sys = home ? kb.get(home) : undefined;
      const sub = group(g, home || 'general', sys?.title ?? w.general, 'folder', sys ? fill(w.groupOfSystem, label, sys.title) : fill(w.groupGeneral, label));
      sub.description = plural(list.length, noun, t);
      for (const e of list.sort(byTitle)) entryNode(sub, e, 2, { systemId: undefined, contextValue: contextFor(e, false) });
    }
  }

  // ---- everything else ----------------------------------------------------------------
  const leftover = kb.entries.filter((e) => !places.has(e.id)).sort(byTitle);
  if (leftover.length) {
    const g = group(undefined, GROUP.other, w.other, 'question', w.otherAbout);
    g.description = plural(leftover.length, 'entry', t);
    for (const e of leftover) entryNode(g, e, 5, { systemId: undefined, contextValue: contextFor(e, false), description: [shortOf(e), kinds[e.kind]].filter(Boolean).join(' · ') });
  }

  return new AtlasTree(roots, places);
}

/** Whether a classification note names both classes (KVM: "many count it as Type 1; others call it hosted (Type 2)"). */
export function classificationDebated(note: string): boolean {
  return /\btype[\s-]*1\b/i.test(note) && /\btype[\s-]*2\b/i.test(note);
}

/** Splits text into lines of at most `width` characters at spaces (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function ancestorSystem(n: Building | undefined): string | undefined {
  for (let p = n; p; p = p.parent) if (p.systemId) return p.systemId;
  return undefined;
}

function iconFor(entry: Entry): string {
  if (entry.id.startsWith('hw.')) return 'circuit-board';
  if (entry.kind === 'component' && entry.mode === 'firmware') return 'chip';
  return KIND_ICON[entry.kind];
}
