/**
 * "Compare Type 1 and Type 2": four small stacks, not two full diagrams. A generic Type 1 and
 * a generic Type 2 stack, then where Hyper-V really sits (the root partition beside the
 * children, above the hypervisor) and KVM, whose class is debated. Each stack's heading and
 * caption are the sections of the comparison's own entry (content/concepts/type-1-vs-type-2.md);
 * every box is an entry; each stack links to the full diagram of a real system.
 */
import type { KnowledgeIndex } from '../knowledge/index';
import { english, fill, messages, type Messages, type Translate } from '../l10n';
import { textWidth, wrap } from './text';
import type { DiagramLayout, LaidNode, TextItem } from './types';

export const COMPARISON_ENTRY = 'concept.type-comparison';

/**
 * The words drawn in the stacks (box labels, the notes below them, frame titles), by key: a
 * stack names its words by key, so each is translated once (`npm run l10n`).
 */
const stackWords = messages({
  vm: 'VM',
  guestOs: 'guest OS',
  aGuestVm: 'a guest VM',
  hypervisor: 'Hypervisor',
  underEveryOs: 'on the hardware, under every OS',
  hardware: 'Hardware',
  cpuMemoryDevices: 'CPU, memory, devices',
  hostOsUserSpace: 'Host OS: user space',
  hostProcesses: 'Host processes (non-VM)',
  appsServices: 'apps, services',
  vmProcess: 'VM process',
  onePerVm: 'one per VM',
  guestOsBox: 'Guest OS',
  hostOsKernel: 'Host OS: kernel',
  hypervisorDriver: 'Hypervisor driver',
  aKernelModule: 'a kernel module',
  hostDrivers: 'Host drivers',
  ownTheDevices: 'own the devices',
  rootPartition: 'Root partition',
  rootSub: 'Windows, with the device drivers',
  childPartition: 'Child partition',
  windowsHypervisor: 'Windows hypervisor',
  underWindows: 'on the hardware, under Windows',
  linuxUserSpace: 'Host OS (Linux): user space',
  qemuProcess: 'QEMU process',
  libvirtdShells: 'libvirtd, shells',
  linuxKernel: 'Host OS (Linux): kernel, also the hypervisor',
  kvmModule: 'KVM module',
  kvmKoSub: 'kvm.ko, kvm-intel / kvm-amd',
});

/** A word of the stacks, by its key in `stackWords`. */
export type StackWord = keyof ReturnType<typeof stackWords>;

export interface BoxSpec {
  label: StackWord;
  sub?: StackWord;
  entry: string;
  /** boxes drawn inside this one (the guest inside its VM process) */
  inner?: BoxSpec[];
}

export interface RowSpec {
  /** a frame around the row's boxes: the host OS's kernel, its user space */
  frame?: { label: StackWord; entry: string };
  boxes: BoxSpec[];
}

export interface StackSpec {
  key: string;
  /** the heading of the comparison entry's section that gives this stack's title and caption */
  section: string;
  /** the entry the heading selects */
  entry: string;
  /** the systems whose full diagram the stack links to, first one drawn wins */
  systems: string[];
  /** top to bottom: guests first, hardware last */
  rows: RowSpec[];
}

/** Words the Type 2 and KVM stacks share (in English): the same part reads the same in both. */
export const HOST_PROCESSES = stackWords().hostProcesses;
export const HOST_DRIVERS = stackWords().hostDrivers;

/** The four stacks; which box goes where is the point of the view, so it is written out here. */
export const STACKS: readonly StackSpec[] = [
  {
    key: 'type1',
    section: 'Type 1: bare metal',
    entry: 'concept.type-1',
    systems: ['esxi', 'xen'],
    rows: [
      {
        boxes: [
          { label: 'vm', sub: 'guestOs', entry: 'concept.virtual-machine' },
          { label: 'vm', sub: 'guestOs', entry: 'concept.virtual-machine' },
          { label: 'vm', sub: 'guestOs', entry: 'concept.virtual-machine' },
        ],
      },
      { boxes: [{ label: 'hypervisor', sub: 'underEveryOs', entry: 'concept.hypervisor' }] },
      { boxes: [{ label: 'hardware', sub: 'cpuMemoryDevices', entry: 'concept.host' }] },
    ],
  },
  {
    key: 'type2',
    section: 'Type 2: hosted',
    entry: 'concept.type-2',
    systems: ['virtualbox', 'workstation'],
    rows: [
      {
        frame: { label: 'hostOsUserSpace', entry: 'concept.host' },
        boxes: [
          { label: 'vmProcess', sub: 'onePerVm', entry: 'concept.vmm', inner: [{ label: 'guestOsBox', entry: 'concept.guest' }] },
          { label: 'hostProcesses', sub: 'appsServices', entry: 'concept.host' },
        ],
      },
      {
        frame: { label: 'hostOsKernel', entry: 'concept.host' },
        boxes: [
          { label: 'hypervisorDriver', sub: 'aKernelModule', entry: 'concept.type-2' },
          { label: 'hostDrivers', sub: 'ownTheDevices', entry: 'concept.host' },
        ],
      },
      { boxes: [{ label: 'hardware', sub: 'cpuMemoryDevices', entry: 'concept.host' }] },
    ],
  },
  {
    key: 'hyperv',
    section: 'Where Hyper-V really sits',
    entry: 'hyperv',
    systems: ['hyperv'],
    rows: [
      {
        boxes: [
          { label: 'rootPartition', sub: 'rootSub', entry: 'hyperv.root-partition' },
          { label: 'childPartition', sub: 'aGuestVm', entry: 'hyperv.child-partition' },
          { label: 'childPartition', sub: 'aGuestVm', entry: 'hyperv.child-partition' },
        ],
      },
      { boxes: [{ label: 'windowsHypervisor', sub: 'underWindows', entry: 'hyperv.windows-hypervisor' }] },
      { boxes: [{ label: 'hardware', sub: 'cpuMemoryDevices', entry: 'hyperv.hardware' }] },
    ],
  },
  {
    key: 'kvm',
    section: 'KVM: Type 1 or Type 2?',
    entry: 'kvm',
    systems: ['kvm'],
    rows: [
      {
        frame: { label: 'linuxUserSpace', entry: 'kvm.userspace' },
        boxes: [
          { label: 'qemuProcess', sub: 'onePerVm', entry: 'kvm.qemu', inner: [{ label: 'guestOsBox', entry: 'kvm.guest' }] },
          { label: 'hostProcesses', sub: 'libvirtdShells', entry: 'kvm.userspace' },
        ],
      },
      {
        frame: { label: 'linuxKernel', entry: 'kvm.host-kernel' },
        boxes: [
          { label: 'kvmModule', sub: 'kvmKoSub', entry: 'kvm.module' },
          { label: 'hostDrivers', sub: 'ownTheDevices', entry: 'kvm.host-kernel' },
        ],
      },
      { boxes: [{ label: 'hardware', sub: 'cpuMemoryDevices', entry: 'kvm.hardware' }] },
    ],
  },
];

/** Font sizes: the smallest is 14 px, so the view stays readable down to 80 % zoom. */
export const COMPARE_FONT = { heading: 18, caption: 14, primary: 15, secondary: 14, frame: 14, link: 14 } as const;

const PANEL_W = 410;
const GAP_X = 28;
const GAP_Y = 20;
const PAD = 8;
const ROW_GAP = 6;
const LINE = { caption: 18, primary: 18, secondary: 17 } as const;

/** The sections of the comparison entry's body: `## heading` → its text as one paragraph. */
export function comparisonSections(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let heading: string | undefined;
  let text: string[] = [];
  const flush = () => {
    if (heading !== undefined) out.set(heading, plain(text.join(' ')));
  };
  for (const line of body.split(/\r?\n/)) {
    const m = /^##\s+(.+?)\s*$/.exec(line);
    if (m) {
      flush();
      heading = m[1]!;
      text = [];
    } else if (heading !== undefined) text.push(line.trim());
  }
  flush();
  return out;
}

/** Markdown inline marks removed: the SVG draws plain text. */
function plain(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Placed {
  nodes: LaidNode[];
  frames: DiagramLayout['frames'];
  texts: TextItem[];
  height: number;
}

/** The words of a view: the stacks' and the view's own, in one language. */
interface Words {
  s: Messages<StackWord>;
  w: ReturnType<typeof compareWords>;
}

function boxHeight(b: BoxSpec, w: number, words: Words): number {
  const sub = b.sub ? wrap(words.s[b.sub], COMPARE_FONT.secondary, w - 12).length : 0;
  const inner = (b.inner ?? []).reduce((h, i) => h + boxHeight(i, w - 16, words) + 6, 0);
  return 6 + wrap(words.s[b.label], COMPARE_FONT.primary, w - 8).length * LINE.primary + sub * LINE.secondary + (inner ? inner + 4 : 0) + 6;
}

function placeBox(b: BoxSpec, id: string, x: number, y: number, w: number, h: number, where: string, out: Placed, words: Words): void {
  const cx = x + w / 2;
  const texts: TextItem[] = [];
  const label = words.s[b.label];
  const sub = b.sub ? words.s[b.sub] : undefined;
  let ty = y + 6;
  for (const line of wrap(label, COMPARE_FONT.primary, w - 8)) {
    ty += LINE.primary;
    texts.push({ text: line, x: cx, y: ty - 4, size: COMPARE_FONT.primary, bold: true, role: 'primary', anchor: 'middle' });
  }
  for (const line of sub ? wrap(sub, COMPARE_FONT.secondary, w - 12) : []) {
    ty += LINE.secondary;
    texts.push({ text: line, x: cx, y: ty - 4, size: COMPARE_FONT.secondary, role: 'secondary', anchor: 'middle' });
  }
  out.nodes.push({ id, entryId: b.entry, kind: 'component', x, y, w, h, texts, name: `${[label, sub].filter(Boolean).join(', ')}; ${where}` });
  let iy = ty + 6;
  (b.inner ?? []).forEach((inner, k) => {
    const ih = boxHeight(inner, w - 16, words);
    placeBox(inner, `${id}/${k}`, x + 8, iy, w - 16, ih, fill(words.w.inside, label), out, words);
    iy += ih + 6;
  });
}

/** One stack's rows, from `y` down, the top row grown by `extra`; returns its height. */
function placeRows(spec: StackSpec, x: number, y: number, w: number, out: Placed, words: Words, extra = 0): number {
  let cy = y;
  spec.rows.forEach((row, r) => {
    const inset = row.frame ? PAD : 0;
    const top = row.frame ? LINE.primary + 6 : 0;
    const n = row.boxes.length;
    const bw = (w - 2 * inset - (n - 1) * ROW_GAP) / n;
    const bh = Math.max(...row.boxes.map((b) => boxHeight(b, bw, words))) + (r === 0 ? extra : 0);
    const rowH = top + bh + 2 * inset;
    const frameText = row.frame ? words.s[row.frame.label] : undefined;
    const where = frameText ?? (r === spec.rows.length - 1 ? words.w.atTheBottom : fill(words.w.row, r + 1));
    if (row.frame && frameText) {
      const fid = `${spec.key}|frame${r}`;
      out.frames.push({ id: fid, kind: 'layer', x, y: cy, w, h: rowH });
      const label: TextItem = { text: frameText, x: x + PAD, y: cy + 18, size: COMPARE_FONT.frame, bold: true, role: 'layer' };
      out.nodes.push({ id: `${spec.key}|layer${r}`, entryId: row.frame.entry, kind: 'layer', x: x + 4, y: cy + 2, w: Math.min(w - 8, textWidth(frameText, COMPARE_FONT.frame) + 12), h: 22, texts: [label], name: fill(words.w.layerName, frameText) });
    }
    row.boxes.forEach((b, k) => placeBox(b, `${spec.key}|r${r}b${k}`, x + inset + k * (bw + ROW_GAP), cy + top + inset, bw, bh, where, out, words));
    cy += rowH + ROW_GAP;
  });
  return cy - ROW_GAP - y;
}

const compareWords = messages({
  title: 'Type 1 and Type 2 compared',
  /** {0}: a system */
  openFull: 'Open the full {0} diagram ›',
  /** {0}: a system; the link's accessible name */
  openFullName: 'Open the full {0} diagram',
  /** where a box sits, read after its name: the bottom row of a stack */
  atTheBottom: 'at the bottom',
  /** {0}: the row's number, from the top */
  row: 'row {0}',
  /** {0}: the box that holds this one (a guest inside its VM process) */
  inside: 'inside {0}',
  /** {0}: a frame's title (the host OS's kernel); the accessible name of the title */
  layerName: '{0}, layer',
});

export function compareView(kb: KnowledgeIndex, key: string, t: Translate = english): DiagramLayout {
  const w = compareWords(t);
  const words: Words = { s: stackWords(t), w };
  const out: DiagramLayout = { key, title: w.title, width: 0, height: 0, frames: [], texts: [], nodes: [], edges: [], problems: [] };
  const entry = kb.get(COMPARISON_ENTRY);
  const sections = comparisonSections(entry?.body ?? '');
  if (!entry) out.problems.push(`${COMPARISON_ENTRY} is missing: the stacks have no captions`);
  const inner = PANEL_W - 2 * PAD;
  const rows = [STACKS.slice(0, 2), STACKS.slice(2, 4)];
  let y = 0;
  for (const pair of rows) {
    const captions = pair.map((s) => {
      const text = sections.get(s.section);
      if (text === undefined) out.problems.push(`${COMPARISON_ENTRY} has no section "## ${s.section}"`);
      return wrap(text ?? '', COMPARE_FONT.caption, inner);
    });
    const captionH = Math.max(...captions.map((c) => c.length)) * LINE.caption;
    const natural = pair.map((s) => placeRows(s, 0, 0, inner, { nodes: [], frames: [], texts: [], height: 0 }, words));
    const stackH = Math.max(...natural);
    // the shorter stack's top row grows, so both stacks fill the row and the hardware lines up
    const stacks = pair.map((s, i) => {
      const placed: Placed = { nodes: [], frames: [], texts: [], height: 0 };
      placed.height = placeRows(s, 0, 0, inner, placed, words, stackH - natural[i]!);
      return { s, i, placed };
    });
    const headingH = 30;
    const stackTop = y + headingH + captionH + 10;
    const linkY = stackTop + stackH + 10;
    for (const { s, i, placed } of stacks) {
      const x = i * (PANEL_W + GAP_X);
      const headingText = s.section;
      const hw = Math.min(PANEL_W, textWidth(headingText, COMPARE_FONT.heading) + 16);
      const headingEntry = kb.get(s.entry) ? s.entry : COMPARISON_ENTRY;
      out.nodes.push({
        id: `${s.key}|heading`,
        entryId: headingEntry,
        kind: 'concept',
        layerKey: s.key,
        x,
        y,
        w: hw,
        h: 28,
        texts: [{ text: headingText, x: x + 8, y: y + 21, size: COMPARE_FONT.heading, bold: true, role: 'header' }],
        name: headingText,
        description: captions[i]!.join(' '),
      });
      captions[i]!.forEach((line, k) => out.texts.push({ text: line, x: x + PAD, y: y + headingH + (k + 1) * LINE.caption - 5, size: COMPARE_FONT.caption, role: 'caption' }));
      // bottom-align the stacks of a row, so the two hardware rows sit on one line
      const dx = x + PAD;
      const dy = stackTop + (stackH - placed.height);
      out.frames.push({ id: `${s.key}|panel`, kind: 'outside', x, y: stackTop - 6, w: PANEL_W, h: stackH + 12 });
      for (const f of placed.frames) out.frames.push({ ...f, x: f.x + dx, y: f.y + dy });
      for (const n of placed.nodes) out.nodes.push({ ...n, layerKey: s.key, x: n.x + dx, y: n.y + dy, texts: n.texts.map((t) => ({ ...t, x: t.x + dx, y: t.y + dy })) });
      const system = s.systems.find((id) => (kb.get(id)?.stack?.length ?? 0) > 0);
      if (system) {
        const title = kb.get(system)!.title;
        const text = fill(w.openFull, title);
        out.nodes.push({
          id: `${s.key}|link`,
          entryId: system,
          kind: 'link',
          opens: system,
          layerKey: s.key,
          x,
          y: linkY,
          w: Math.min(PANEL_W, textWidth(text, COMPARE_FONT.link) + 20),
          h: 26,
          texts: [{ text, x: x + 10, y: linkY + 18, size: COMPARE_FONT.link, role: 'link' }],
          name: fill(w.openFullName, title),
        });
      } else out.problems.push(`stack "${s.section}": none of ${s.systems.join(', ')} has a diagram to link to`);
    }
    for (const s of pair) for (const n of out.nodes) if (n.id.startsWith(`${s.key}|`) && !kb.get(n.entryId)) out.problems.push(`stack "${s.section}": box "${n.name}" names the missing entry ${n.entryId}`);
    y = linkY + 26 + GAP_Y;
  }
  out.width = 2 * PANEL_W + GAP_X;
  out.height = y - GAP_Y;
  return out;
}
