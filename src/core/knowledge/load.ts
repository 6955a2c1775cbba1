import knowledgeText from 'atlas-knowledge';
import { KnowledgeIndex } from './index';
import type { Entry, KnowledgeBase } from './types';

let index: KnowledgeIndex | undefined;
let provided: string | undefined;

/**
 * Supplies the compiled knowledge base's text where the bundle does not carry it (the web
 * bundle reads dist/knowledge.json at activation); call before the first lookup.
 */
export function provideKnowledgeText(text: string): void {
  provided = text;
}

const textOf = (): string => provided ?? knowledgeText;

/** The bundled knowledge base, parsed on first use (or finished by `warmUpKnowledge`). */
export function bundledKnowledge(): KnowledgeIndex {
  index ??= new KnowledgeIndex(JSON.parse(textOf()) as KnowledgeBase);
  return index;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Work between two pauses of the warm-up, in ms: well under the 10 ms an extension host may be
 * blocked, since the background threads (GC, optimizing compiler) work alongside.
 */
export const SLICE_MS = 2;

let warming: Promise<void> | undefined;

/** Whether the bundled knowledge base and its term engine are built (lookups then cost no build). */
export function knowledgeReady(): boolean {
  return index?.matcherReady ?? false;
}

/**
 * Gets the bundled knowledge base ready in idle time: parses it entry by entry, then builds
 * the term engine, in slices of about `sliceMs` with `pause` between them. A lookup that comes
 * first finishes the work at once; calls while one runs share it.
 */
export function warmUpKnowledge(pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<void> {
  warming ??= (async () => {
    if (!index) {
      // reading the file (Node) is a slice of its own
      const text = textOf();
      await pause();
      const kb = await parseInSlices(text, pause, sliceMs);
      index ??= new KnowledgeIndex(kb);
      await pause();
    }
    await index.warmUp(pause, sliceMs, now);
  })().finally(() => (warming = undefined));
  return warming;
}

/**
 * Parses `{"version":N,"entries":[{...},...],"flows":[...],"checks":[...]}` (as the build writes it) one entry at a time,
 * pausing every `sliceMs`; any other shape is parsed at once. The build puts each entry on a line
 * of its own (JSON text has no raw line break inside a value), so its end is found natively.
 */
export async function parseInSlices(text: string, pause: () => Promise<void>, sliceMs: number): Promise<KnowledgeBase> {
  const head = /^\{"version":(\d+),"entries":\[(\n?)/.exec(text.slice(0, 64));
  if (!head || !text.endsWith(']}')) return JSON.parse(text) as KnowledgeBase;
  const lines = head[2] === '\n';
  const entries: Entry[] = [];
  let i = head[0].length;
  let started = now();
  while (text.charCodeAt(i) === 123 /* { */) {
    let end: number;
    let next: number;
    if (lines) {
      next = text.indexOf('\n', i);
      if (next < 0) return JSON.parse(text) as KnowledgeBase;
      end = text.charCodeAt(next - 1) === 44 /* , */ ? next - 1 : next;
      next++;
    } else {
      end = objectEnd(text, i);
      if (end < 0) return JSON.parse(text) as KnowledgeBase;
      next = text.charCodeAt(end) === 44 /* , */ ? end + 1 : end;
    }
    let entry: Entry;
    try {
      entry = JSON.parse(text.slice(i, end)) as Entry;
    } catch {
      return JSON.parse(text) as KnowledgeBase;
    }
    entries.push(entry);
    i = next;
    if (now() - started >= sliceMs) {
      await pause();
      started = now();
    }
  }
  if (text.startsWith('],"', i)) {
    // flows and checks follow the entries; they are few
    const rest = JSON.parse(`{${text.slice(i + 2)}`) as Omit<KnowledgeBase, 'version' | 'entries'>;
    return { ...rest, version: Number(head[1]), entries } as KnowledgeBase;
  }
  if (i !== text.length - 2) return JSON.parse(text) as KnowledgeBase;
  return { version: Number(head[1]), entries } as KnowledgeBase;
}

/** The offset just after the JSON object that starts at `from`, or -1. */
function objectEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
