/** Helpers of the trie's edge table: the root-piece bit set, the slot hash, separator keys. */

export const ROOT_BITS = 1 << 16;

export function bit(bits: Uint32Array, hash: number): boolean {
  const h = (hash ^ (hash >>> 16)) & (ROOT_BITS - 1);
  return (bits[h >>> 5] & (1 << (h & 31))) !== 0;
}

export function sepCode(key: string): number {
  // a key's separator is its first character; a longer punctuation run never matches text
  return sepLength(key) === 1 ? key.charCodeAt(0) : -1;
}

export function sepLength(key: string): number {
  let n = 0;
  while (n < key.length && !/[a-z0-9]/.test(key[n]) && key.charCodeAt(n) < 128) n++;
  return n;
}

export function slotOf(node: number, sep: number, hash: number): number {
  let h = Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(sep + 2, 0x85ebca77) ^ hash;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

export function popcount(x: number): number {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

/** The hash of two pieces in a row (for the pair bit set, read as `bit` reads a piece's). */
export function pairHash(first: number, second: number): number {
  return Math.imul(first, 0x9e3779b1) ^ second;
}
