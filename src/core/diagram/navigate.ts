import type { Rect } from './types';

export type Direction = 'up' | 'down' | 'left' | 'right';

interface Item extends Rect {
  id: string;
}

/**
 * The spatial neighbour of `fromId` in a direction, for arrow-key navigation: among the items
 * whose centre lies that way, the one nearest along the direction, with distance across it
 * weighted three times (items that overlap across cost nothing extra). Undefined at an edge.
 */
export function neighbour(items: readonly Item[], fromId: string, dir: Direction): string | undefined {
  const from = items.find((i) => i.id === fromId);
  if (!from) return items[0]?.id;
  const fx = from.x + from.w / 2;
  const fy = from.y + from.h / 2;
  let best: Item | undefined;
  let bestScore = Infinity;
  for (const it of items) {
    if (it.id === fromId) continue;
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h / 2;
    let along: number;
    let across: number;
    if (dir === 'left' || dir === 'right') {
      along = dir === 'right' ? cx - fx : fx - cx;
      const gap = Math.max(it.y, from.y) - Math.min(it.y + it.h, from.y + from.h);
      across = gap < 0 ? 0 : Math.abs(cy - fy);
    } else {
      along = dir === 'down' ? cy - fy : fy - cy;
      const gap = Math.max(it.x, from.x) - Math.min(it.x + it.w, from.x + from.w);
      across = gap < 0 ? 0 : Math.abs(cx - fx);
    }
    if (along <= 0.5) continue;
    const score = along + 3 * across;
    if (score < bestScore || (score === bestScore && best && (it.y < best.y || (it.y === best.y && it.x < best.x)))) {
      best = it;
      bestScore = score;
    }
  }
  return best?.id;
}

/** Items in reading order: top to bottom, then left to right (for Home/End and a first focus). */
export function readingOrder<T extends Rect>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.y - b.y || a.x - b.x);
}
