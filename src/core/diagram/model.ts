import type { KnowledgeIndex } from '../knowledge/index';
import type { Entry } from '../knowledge/types';
import { english, fill, messages, type Translate } from '../l10n';
import { classificationLabel, kindLabels } from '../render/words';
import { SYSTEM_HINTS } from './hints';
import type { Band, DiagramModel, ModelEdge, ModelLayer, ModelNode, SystemHints } from './types';

/** Bands top to bottom: user mode above kernel mode above firmware. */
export const BAND_ORDER: readonly Band[] = ['user', 'none', 'kernel', 'firmware'];

const bandWords = messages({ user: 'user mode', kernel: 'kernel mode', firmware: 'firmware' });

/** In English; a band without a mode is never drawn and has no label. */
export const BAND_LABEL: Record<Band, string> = { ...bandWords(), none: '' };

/** A band's label, translated ('' for the band without a mode). */
export function bandLabel(band: Band, t: Translate = english): string {
  return band === 'none' ? '' : bandWords(t)[band];
}

/** Id of the column that holds entries outside the system's stack. */
export const OUTSIDE_KEY = 'outside';

/** A layer's title for the drawing: "Root partition (layer)" → "Root partition". */
export function layerTitle(layer: Entry, instance?: number, tr: Translate = english): string {
  const t = layer.title.replace(/\s*\(layer\)\s*$/i, '');
  return instance ? fill(modelWords(tr).instance, t, instance) : t;
}

/**
 * The big and small label of a component box: the name people read (the acronym when there is
 * a short one) over the file that implements it (`binary`) or, without one, the title. When
 * the short one is a file (`Vid.sys`), the box reads the name people use (`VID`, its first
 * alias with a capital and no dot or space) over the file name.
 */
export function nodeLabels(e: Entry): { primary: string; secondary?: string } {
  const short = e.short?.trim();
  const binary = e.binary?.trim();
  if (short && /^[A-Za-z][\w-]*\.[A-Za-z0-9]{1,4}$/.test(short)) {
    const name = (e.aliases ?? []).find((a) => a.length <= 12 && /[A-Z]/.test(a) && !/[\s.]/.test(a));
    if (name) return { primary: name, secondary: binary ?? short };
  }
  if (short && short !== e.title && short.length <= 12 && !/\s/.test(short)) return { primary: short, secondary: binary ?? e.title };
  const second = binary ?? (short && short !== e.title ? short : undefined);
  return { primary: e.title, ...(second ? { secondary: second } : {}) };
}

const modelWords = messages({
  outside: 'Outside this stack',
  /** {0}: a layer, {1}: which VM */
  instance: '{0} · VM {1}',
  /** {0}: which VM */
  forVm: 'for VM {0}',
  /** {0}: the system an entry outside the stack belongs to */
  inSystem: 'in {0}',
  unplaced: 'not placed in a layer',
});

export function systemSubtitle(system: Entry, t: Translate = english): string {
  const type = classificationLabel(system.classification, t);
  return [type, system.vendor].filter(Boolean).join(' · ');
}

/**
 * Builds what to draw for a system from the knowledge base: its `stack` rows of layers
 * (hardware first), the components drawn in each layer split into mode bands, and one edge
 * per component `connection`. Connections to hardware entries that no layer of the system
 * lists are drawn in the bottom row; connections to entries of no layer of this system (an
 * other system's layer, a file format) go to an "outside the stack" column. Everything the
 * content lacks is listed in `problems` instead of being invented.
 */
export function buildModel(kb: KnowledgeIndex, systemId: string, hints: SystemHints = SYSTEM_HINTS[systemId] ?? {}, t: Translate = english): DiagramModel {
  const system = kb.get(systemId);
  if (!system || system.kind !== 'system') throw new Error(`${systemId} is not a system in the knowledge base`);
  const problems = new Set<string>();
  const layers: ModelLayer[] = [];
  const nodes: ModelNode[] = [];
  const rows: string[][] = [];
  const stack = system.stack ?? [];
  if (stack.length === 0) problems.add(`${system.id}: the system has no \`stack\``);

  const repeatOf = (layerId: string) => Math.max(1, Math.min(4, Math.floor(hints.repeat?.[layerId] ?? 1)));
  const drawnLayerIds = new Set(stack.flat());
  // one copy per VM: content `perVm`, or the hints' `perInstance` (one per copy of a repeated layer)
  const perVmOf = (c: Entry): string[] => {
    const hinted = hints.perInstance?.[c.id];
    return (c.perVm ?? (hinted ? [hinted] : [])).filter((l) => drawnLayerIds.has(l));
  };
  // The VMs, in drawing order: every drawn copy of a layer some component has one copy per,
  // and every copy of a repeated layer. Their titles say which VM they are.
  const vmLayerIds = new Set<string>();
  for (const id of drawnLayerIds) if (repeatOf(id) > 1) vmLayerIds.add(id);
  for (const l of drawnLayerIds) for (const c of kb.componentsOf(l)) for (const v of perVmOf(c)) vmLayerIds.add(v);
  const vmKeys: string[] = [];
  for (const row of stack) for (const id of row) if (vmLayerIds.has(id)) for (let i = 1; i <= repeatOf(id); i++) vmKeys.push(repeatOf(id) > 1 ? `${id}#${i}` : id);
  const vmNumber = (key: string) => vmKeys.indexOf(key) + 1;
  const keysOf = (layerId: string) => (repeatOf(layerId) > 1 ? Array.from({ length: repeatOf(layerId) }, (_, i) => `${layerId}#${i + 1}`) : [layerId]);

  stack.forEach((row, r) => {
    const keys: string[] = [];
    for (const layerId of row) {
      const layer = kb.get(layerId);
      if (!layer) {
        problems.add(`${system.id}: \`stack\` lists ${layerId}, which no entry has`);
        continue;
      }
      if (layer.kind !== 'layer') {
        problems.add(`${system.id}: \`stack\` lists ${layerId}, a ${layer.kind}, not a layer`);
        continue;
      }
      if (layer.system && layer.system !== system.id) problems.add(`${layer.id}: layer of ${layer.system} drawn in ${system.id}'s stack`);
      const members = kb.componentsOf(layer.id);
      for (const m of members) {
        if (m.kind !== 'component') problems.add(`${m.id}: a ${m.kind} listed in \`layers\` (${layer.id}); only components are drawn`);
      }
      const components = members.filter((m) => m.kind === 'component');
      const moded = (layer.modes?.length ?? 0) > 0;
      const bandOf = (c: Entry): Band => {
        if (!moded) return 'none';
        if (!c.mode) {
          problems.add(`${c.id}: no \`mode\`, but its layer ${layer.id} is split into ${layer.modes!.join('/')} mode`);
          return 'none';
        }
        if (!layer.modes!.includes(c.mode)) problems.add(`${c.id}: mode ${c.mode} is not among the \`modes\` of ${layer.id}`);
        return c.mode;
      };
      const used = new Set<Band>(moded ? layer.modes! : ['none']);
      for (const c of components) used.add(bandOf(c));
      const bands = BAND_ORDER.filter((b) => used.has(b));
      for (const key of keysOf(layer.id)) {
        keys.push(key);
        const vm = vmNumber(key);
        layers.push({
          key,
          entryId: layer.id,
          title: layerTitle(layer, vm || undefined, t),
          row: r,
          ...(vm ? { instance: vm } : {}),
          bands,
          ...(layer.modeTitles ? { bandTitles: layer.modeTitles } : {}),
          ...(layer.apart ? { apart: true } : {}),
        });
        for (const c of components) {
          const per = perVmOf(c).filter((l) => l !== layer.id);
          const serves = per.length && !vmLayerIds.has(layer.id) ? per.flatMap(keysOf) : [undefined];
          for (const target of serves) {
            const k = target ? vmNumber(target) : 0;
            nodes.push({
              id: serves.length > 1 ? `${c.id}@${key}~${k}` : `${c.id}@${key}`,
              entryId: c.id,
              layerKey: key,
              band: bandOf(c),
              ...nodeLabels(c),
              ...(target ? { note: fill(modelWords(t).forVm, k), instance: k, vm: target } : vm ? { vm: key } : {}),
              ...(hints.base?.includes(c.id) ? { base: true } : {}),
            });
          }
        }
      }
    }
    rows.push(keys);
  });

  // Hardware targets the system's layers do not list go to the bottom row; everything else
  // a component talks to outside this stack goes to the outside column.
  const bottom = layers.find((l) => l.row === 0 && !l.instance) ?? layers[0];
  let outside: ModelLayer | undefined;
  const outsideLayer = () => {
    if (!outside) {
      outside = { key: OUTSIDE_KEY, entryId: system.id, title: modelWords(t).outside, row: rows.length, bands: ['none'], outside: true };
      layers.push(outside);
      rows.push([OUTSIDE_KEY]);
    }
    return outside;
  };
  const addOutside = (e: Entry, note: string) => {
    const l = outsideLayer();
    nodes.push({ id: `${e.id}@${l.key}`, entryId: e.id, layerKey: l.key, band: 'none', ...nodeLabels(e), note });
  };

  for (const e of kb.unlayeredOf(system.id)) if (e.kind === 'component') addOutside(e, modelWords(t).unplaced);

  const drawn = (id: string) => nodes.some((n) => n.entryId === id);
  const sources = uniqueEntries(kb, nodes);
  for (const src of sources) {
    for (const c of src.connections) {
      const target = kb.get(c.to);
      if (!target) {
        problems.add(`${src.id}: connection to ${c.to} (${c.label}), which no entry has`);
        continue;
      }
      if (c.via && !kb.get(c.via)) problems.add(`${src.id}: connection via ${c.via}, which no entry has`);
      if (drawn(target.id) || target.id === src.id) continue;
      if (target.kind === 'layer' && target.system === system.id) {
        problems.add(`${src.id}: connection to the layer ${target.id}; connections should name a component`);
        continue;
      }
      if (target.id.startsWith('hw.') && bottom) {
        const labels = nodeLabels(target);
        nodes.push({ id: `${target.id}@${bottom.key}`, entryId: target.id, layerKey: bottom.key, band: bottom.bands[0] ?? 'none', ...labels });
        continue;
      }
      // A component shared with another system (e.g. a VMware device in ESXi and Workstation)
      // may connect to that other system's parts: that is the other diagram's business.
      if (!src.systems.includes(system.id)) continue;
      if (target.systems.some((s) => s !== system.id && src.systems.includes(s))) continue;
      addOutside(target, whereElse(kb, target, t));
    }
  }

  const edges = buildEdges(kb, nodes);
  return {
    systemId: system.id,
    title: system.title,
    subtitle: systemSubtitle(system, t),
    rows,
    layers,
    nodes,
    edges,
    problems: [...problems].sort(),
  };
}

function uniqueEntries(kb: KnowledgeIndex, nodes: ModelNode[]): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const n of nodes) {
    if (seen.has(n.entryId)) continue;
    seen.add(n.entryId);
    const e = kb.get(n.entryId);
    if (e) out.push(e);
  }
  return out;
}

function whereElse(kb: KnowledgeIndex, e: Entry, t: Translate): string {
  const owner = e.kind === 'layer' && e.system ? kb.get(e.system) : kb.getAll(e.systems)[0];
  if (owner) return fill(modelWords(t).inSystem, owner.title);
  return kindLabels(t)[e.kind];
}

/**
 * One edge per connection and drawn copy. When the target is drawn several times, a copy
 * connects to the target in its own layer copy if there is one (a child's VSC to that child's
 * VMBus), a copy in or for a VM to the target in or for the same VM (VMWP 2 to child 2), and
 * otherwise to every copy (the root's VSP to the VSC of each child).
 */
function buildEdges(kb: KnowledgeIndex, nodes: ModelNode[]): ModelEdge[] {
  const byEntry = new Map<string, ModelNode[]>();
  for (const n of nodes) byEntry.set(n.entryId, [...(byEntry.get(n.entryId) ?? []), n]);
  const edges: ModelEdge[] = [];
  const seen = new Set<string>();
  for (const s of nodes) {
    const entry = kb.get(s.entryId);
    if (!entry) continue;
    for (const c of entry.connections) {
      const all = byEntry.get(c.to);
      if (!all) continue;
      let targets = all.filter((t) => t.layerKey === s.layerKey && (t.vm === undefined || s.vm === undefined || t.vm === s.vm));
      if (targets.length === 0) {
        const sameVm = all.filter((t) => t.vm === s.vm);
        targets = s.vm === undefined ? all : sameVm.length ? sameVm : all.filter((t) => t.vm === undefined);
      }
      for (const t of targets) {
        if (t.id === s.id) continue;
        const key = `${s.id}>${t.id}>${c.label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ id: `e${edges.length}`, from: s.id, to: t.id, fromEntry: s.entryId, toEntry: t.entryId, label: c.label, ...(c.via ? { via: c.via } : {}), ...(c.story ? { story: true } : {}) });
      }
    }
  }
  return edges;
}
