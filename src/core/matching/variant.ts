/** The entries an alias spelling at a trie node stands for, with the case and scope rules it matches under. */
export interface Variant {
  candidates: number[];
  /** per candidate: its scope set (0: unscoped) */
  scopes: number[];
  /** some candidate is scoped */
  scoped: boolean;
  strict: boolean;
  lowerOnly: boolean;
  generic: boolean;
  /** a flag alias (`-m`): matches only written as that flag, see `AliasForm.flag` */
  flag: boolean;
  /** every candidate is a config key (xl.cfg's `memory`, `.vmx`'s `firmware`) */
  settings: boolean;
  /** the candidates' ids for each choice, made once (see `ordered`) */
  orders: string[][] | undefined;
}

/**
 * A variant with these fields, always built by this one literal: every variant then has the same
 * hidden class, so the hot paths that read them stay monomorphic (a spread copy, or `orders`
 * added later, gave them several).
 */
export function newVariant(candidates: number[], scopes: number[], strict: boolean, lowerOnly: boolean, generic: boolean, flag: boolean, settings: boolean): Variant {
  return { candidates, scopes, scoped: scopes.some((x) => x !== 0), strict, lowerOnly, generic, flag, settings, orders: undefined };
}

/** `v` with other candidates and scopes. */
export function withCandidates(v: Variant, candidates: number[], scopes: number[]): Variant {
  return newVariant(candidates, scopes, v.strict, v.lowerOnly, v.generic, v.flag, v.settings);
}

/**
 * The variant a node gives for text of the given case, if its case rules allow one. Where several
 * aliases of the same spelling apply (`VMX` strict and `vmx` loose), their entries are merged,
 * exact-case first, and specific aliases outrank generic ones.
 */
export function merge(variants: Variant[], allCaps: boolean, mixed: boolean): Variant | undefined {
  let found: Variant | undefined;
  let merged = false;
  for (const v of variants) {
    if ((v.strict && !allCaps) || (v.lowerOnly && mixed) || v.flag) continue;
    if (!found || (found.generic && !v.generic)) {
      found = v;
      merged = false;
    } else if (found.generic === v.generic) {
      if (!merged) found = withCandidates(found, [...found.candidates], [...found.scopes]);
      merged = true;
      v.candidates.forEach((c, k) => {
        if (!found!.candidates.includes(c)) {
          found!.candidates.push(c);
          found!.scopes.push(v.scopes[k]);
        }
      });
      found.scoped = found.scopes.some((x) => x !== 0);
      found.settings &&= v.settings;
    }
  }
  return found;
}

/** The flag aliases at a node merged into one variant, for lower-case text written as a flag; undefined when it has none. */
export function mergeFlags(variants: Variant[]): Variant | undefined {
  let found: Variant | undefined;
  for (const v of variants) {
    if (!v.flag) continue;
    if (!found) found = withCandidates(v, [...v.candidates], [...v.scopes]);
    else
      v.candidates.forEach((c, k) => {
        if (!found!.candidates.includes(c)) {
          found!.candidates.push(c);
          found!.scopes.push(v.scopes[k]);
        }
      });
  }
  if (found) {
    found.scoped = found.scopes.some((x) => x !== 0);
    found.settings = variants.every((v) => !v.flag || v.settings);
  }
  return found;
}
