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
 * Gets the bundled knowledge base ready in idle time: parses it entry by entry, then builds
 * the term engine, in slices of about `sliceMs` with `pause` between them. A lookup that comes
 * first finishes the work at once.
 */
export async function warmUpKnowledge(pause: () => Promise<void>, sliceMs = 4): Promise<void> {
  if (!index) {
    const kb = await parseInSlices(textOf(), pause, sliceMs);
    index ??= new KnowledgeIndex(kb);
    await pause();
  }
  await index.warmUp(pause, sliceMs, now);
}

/**
 * Parses `{"version":N,"entries":[{...},...],"flows":[...],"checks":[...]}` (as the build writes it) one entry at a time,
 * pausing every `sliceMs`; any other shape is parsed at once.
 */
export async function parseInSlices(text: string, pause: () => Promise<void>, sliceMs: number): Promise<KnowledgeBase> {
  const head = /^\{"version":(\d+),"entries":\[/.exec(text.slice(0, 64));
  if (!head || !text.endsWith(']}')) return JSON.parse(text) as KnowledgeBase;
  const entries: Entry[] = [];
  let i = head[0].length;
  let started = now();
  while (text.charCodeAt(i) === 123 /* { */) {
    const end = objectEnd(text, i);
    if (end < 0) return JSON.parse(text) as KnowledgeBase;
    entries.push(JSON.parse(text.slice(i, end)) as Entry);
    i = end;
    if (text.charCodeAt(i) === 44 /* , */) i++;
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
