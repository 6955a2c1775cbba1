import type { Variant } from './variant';

/** How far (in characters) a specific term makes generic aliases count, and picks among ambiguous ones. */
export const CONTEXT_RADIUS = 400;

/**
 * Raw matches before generic and ambiguous ones are settled, as parallel arrays; and the
 * specific, unambiguous ones among them (the only ones that vote, or vouch for a system's
 * word), with, per system bit, the indices (into spStart) of those of that system; and the
 * specific ambiguous ones, which vouch only for a cross-cutting word (`vm` beside `Get-VM`).
 */
export interface Raw {
  start: number[];
  end: number[];
  variant: Variant[];
  spStart: number[];
  spEnd: number[];
  spMask: number[];
  bySystem: (number[] | undefined)[];
  amStart: number[];
  amEnd: number[];
  /** where the last searches in spEnd, spStart, amEnd, amStart and each bySystem list ended: the next one goes on from there */
  at: number[];
}

/**
 * `raw` without the matches before `i` (settled) and the specific ones too far back to vote on
 * match i or any after it.
 */
export function compact(raw: Raw, i: number): Raw {
  const next = i < raw.start.length ? raw.start[i] : Infinity;
  const cut = lowerBound(raw.spEnd, next - CONTEXT_RADIUS);
  const amCut = lowerBound(raw.amEnd, next - CONTEXT_RADIUS);
  return {
    start: raw.start.slice(i),
    end: raw.end.slice(i),
    variant: raw.variant.slice(i),
    spStart: raw.spStart.slice(cut),
    spEnd: raw.spEnd.slice(cut),
    spMask: raw.spMask.slice(cut),
    bySystem: cut === 0 ? raw.bySystem : raw.bySystem.map((list) => {
      if (!list) return list;
      const kept = list.slice(lowerBound(list, cut));
      for (let k = 0; k < kept.length; k++) kept[k] -= cut;
      return kept;
    }),
    amStart: raw.amStart.slice(amCut),
    amEnd: raw.amEnd.slice(amCut),
    at: newCursors(),
  };
}

export function newRaw(): Raw {
  return { start: [], end: [], variant: [], spStart: [], spEnd: [], spMask: [], bySystem: [], amStart: [], amEnd: [], at: newCursors() };
}

/** The cursors in Raw.at: spEnd, spStart, amEnd, amStart, then a bySystem list's by its bit. */
export const AT_SP_END = 0;
export const AT_SP_START = 1;
export const AT_AM_END = 2;
export const AT_AM_START = 3;
export const AT_SYSTEM = 4;

/**
 * lowerBound(a, x), found by going on from cursor `c` of `at` (where the last search of `a`
 * ended), which it moves there: matches settled in order make each search O(1).
 */
export function lowerFrom(a: readonly number[], x: number, at: number[], c: number): number {
  let i = at[c];
  if (i > a.length || (i > 0 && a[i - 1] >= x)) i = lowerBound(a, x);
  else {
    const stop = i + 16;
    while (i < a.length && a[i] < x) if (++i === stop) return (at[c] = lowerBound(a, x, i));
  }
  return (at[c] = i);
}

/** upperBound(a, x), as lowerFrom. */
export function upperFrom(a: readonly number[], x: number, at: number[], c: number): number {
  let i = at[c];
  if (i > a.length || (i > 0 && a[i - 1] > x)) i = upperBound(a, x);
  else {
    const stop = i + 16;
    while (i < a.length && a[i] <= x) if (++i === stop) return (at[c] = upperBound(a, x, i));
  }
  return (at[c] = i);
}

/** The first index (not before `lo`) whose value is >= x, in an ascending array. */
export function lowerBound(a: readonly number[], x: number, lo = 0): number {
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index (not before `lo`) whose value is > x, in an ascending array. */
export function upperBound(a: readonly number[], x: number, lo = 0): number {
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function newCursors(): number[] {
  return new Array<number>(AT_SYSTEM + 32).fill(0);
}
