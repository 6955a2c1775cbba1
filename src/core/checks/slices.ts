/**
 * Checks a long text in slices, pausing between them. A slice ends at a blank line when there
 * is one in its second half, else after the end of a sentence (so no sentence is cut), else at
 * a line break, else after a space.
 */
import type { CheckEngine } from './engine';
import type { CheckOptions, Finding } from './types';

/** Characters per slice. */
export const SLICE_CHARS = 4 * 1024;

/** The findings of `text`, as one run gives them; undefined when `pause` says to stop. */
export async function checkInSlices(text: string, options: CheckOptions, engine: CheckEngine, pause: () => Promise<boolean>): Promise<Finding[] | undefined> {
  const out: Finding[] = [];
  let from = 0;
  let lineBase = 0;
  while (from < text.length) {
    const to = sliceEnd(text, from);
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    for (const f of engine.run(slice, options)) out.push({ ...f, start: f.start + from, end: f.end + from, line: f.line + lineBase });
    if (to >= text.length) break;
    for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) lineBase++;
    from = to;
    if (!(await pause())) return undefined;
  }
  return out;
}

/** Where the slice that starts at `from` ends. */
export function sliceEnd(text: string, from: number): number {
  const limit = from + SLICE_CHARS;
  if (limit >= text.length) return text.length;
  const half = from + SLICE_CHARS / 2;
  const blank = text.lastIndexOf('\n\n', limit);
  if (blank >= half) return blank + 1;
  const sentence = text.lastIndexOf('. ', limit);
  if (sentence >= half) return sentence + 2;
  const line = text.lastIndexOf('\n', limit);
  if (line >= half) return line + 1;
  const space = text.lastIndexOf(' ', limit);
  if (space >= half) return space + 1;
  return limit;
}
