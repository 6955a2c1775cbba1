import type { Entry, EntryKind } from '../knowledge/types';
import { aliasForms, aliasSignature } from '../matching/alias';
import { english, fill, messages, type Translate } from '../l10n';
import { parseEntry, type CompileResult, type Parsed, type Problem, type SourceFile } from './entry';

/** The problems found across entry files. `{0}`, `{1}` …: as each says. */
const words = messages({
  /** {0}: an id, {1}: the file that has it */
  idTaken: 'id `{0}` is already used by {1}',
  /** {0}: a field name, {1}: the id named */
  noEntry: '`{0}` refers to `{1}`, which no entry has',
  /** appended to noEntry; {0}: the id meant */
  didYouMean: '; did you mean `{0}`?',
  /** {0}: a field name, {1}: the id, {2}: its kind, {3}: the kind needed */
  wrongKind: '`{0}` refers to `{1}`, which is a {2}, not a {3}',
  perVmComponents: '`perVm` is for components',
  binaryComponents: '`binary` is for components',
  layerFields: '`modeTitles` and `apart` are for layers',
  /** {0}: a mode */
  modeNotListed: "`modeTitles` names `{0}`, which is not among the layer's `modes`",
  layerSystem: 'a layer needs `system`',
  systemClass: 'a system needs `classification` (type1 or type2)',
  systemStack: 'a system needs `stack`: its layers from hardware up',
  /** {0}: a layer, {1}: the system it names */
  stackSystem: 'stack lists `{0}`, whose `system` is `{1}`',
  /** an entry that claims an alias, in a list; {0}: its id, {1}: its file */
  claimant: '{0} ({1})',
  /** a bundled entry that claims an alias, in a list; {0}: its id, {1}: its file */
  bundledClaimant: '{0} (bundled, {1})',
  /** {0}: the alias, {1}: the workspace entry, {2}: its file, {3}: the bundled entries that claim it */
  bundledAlias: "alias `{0}` of {1} ({2}) is also claimed by {3}: a workspace entry cannot take a bundled entry's alias; remove it",
  /** {0}: the alias, {1}: the other entries that claim it */
  sharedAlias: 'alias `{0}` is also claimed by {1}: remove it, or list it under `ambiguous` in every entry that claims it',
});

/** The "did you mean" of a problem, in the language of `t`: for ./workspace. */
export const didYouMean = (near: string, t: Translate = english): string => fill(words(t).didYouMean, near);

/** Compiles all entry files: every reference must resolve; aliases may be shared only on purpose. */
export function compile(files: SourceFile[], t: Translate = english): CompileResult {
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  const w = words(t);
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const p = parseEntry(f, problems, { t });
    if (p) parsed.push(p);
  }
  const byId = new Map<string, Entry>();
  const fileOf = new Map<string, string>();
  for (const p of parsed) {
    for (const id of [p.entry.id, ...p.entry.formerIds]) {
      const other = fileOf.get(id);
      if (other !== undefined) {
        problems.push({ file: p.entry.file, line: p.lines.get('id') ?? 2, message: fill(w.idTaken, id, other) });
      } else {
        byId.set(id, p.entry);
        fileOf.set(id, p.entry.file);
      }
    }
  }
  checkReferences(parsed, (id) => byId.get(id), problems, t);
  checkAliasClaims(parsed, problems, [], t);
  const entries = parsed.map((p) => p.entry).sort((a, b) => a.id.localeCompare(b.id));
  return { kb: { version: 1, entries }, problems };
}

/** Every id an entry names must resolve, to an entry of the right kind. */
export function checkReferences(parsed: readonly Parsed[], lookup: (id: string) => Entry | undefined, problems: Problem[], t: Translate = english): void {
  const w = words(t);
  for (const p of parsed) {
    const e = p.entry;
    const line = (field: string) => p.lines.get(field) ?? 2;
    const check = (field: string, id: string, kind?: EntryKind) => {
      const target = lookup(id);
      if (!target) {
        const near = suggestion(id, lookup);
        problems.push({ file: e.file, line: line(field), message: fill(w.noEntry, field, id) + (near ? fill(w.didYouMean, near) : ''), ...(near ? { fix: { kind: 'replace', id, with: near } as const } : {}) });
      } else if (kind && target.kind !== kind) {
        problems.push({ file: e.file, line: line(field), message: fill(w.wrongKind, field, id, target.kind, kind) });
      }
    };
    for (const id of e.related) check('related', id);
    if (p.extends) continue;
    for (const id of e.systems) check('systems', id, 'system');
    for (const id of e.layers) check('layers', id, 'layer');
    for (const c of e.connections) {
      check('connections', c.to);
      if (c.via) check('connections', c.via);
    }
    for (const row of e.stack ?? []) for (const id of row) check('stack', id, 'layer');
    for (const id of e.perVm ?? []) check('perVm', id, 'layer');
    if (e.perVm?.length && e.kind !== 'component') problems.push({ file: e.file, line: line('perVm'), message: w.perVmComponents });
    if (e.binary && e.kind !== 'component') problems.push({ file: e.file, line: line('binary'), message: w.binaryComponents });
    if ((e.modeTitles || e.apart) && e.kind !== 'layer') problems.push({ file: e.file, line: line(e.apart ? 'apart' : 'modeTitles'), message: w.layerFields });
    for (const m of Object.keys(e.modeTitles ?? {})) {
      if (!e.modes?.includes(m as never)) problems.push({ file: e.file, line: line('modeTitles'), message: fill(w.modeNotListed, m) });
    }
    if (e.system) check('system', e.system, 'system');
    if (e.kind === 'layer' && !e.system) problems.push({ file: e.file, line: 2, message: w.layerSystem });
    if (e.kind === 'system' && !e.classification) problems.push({ file: e.file, line: 2, message: w.systemClass });
    if (e.kind === 'system' && !e.stack?.length) problems.push({ file: e.file, line: 2, message: w.systemStack });
  }
  // a layer listed in a system's stack must name that system
  for (const p of parsed) {
    for (const row of p.entry.stack ?? []) {
      for (const id of row) {
        const layer = lookup(id);
        if (layer && layer.kind === 'layer' && layer.system !== p.entry.id) {
          problems.push({ file: p.entry.file, line: p.lines.get('stack') ?? 2, message: fill(w.stackSystem, id, layer.system ?? '') });
        }
      }
    }
  }
}

/** Ids the lookup knows, for "did you mean": set by `suggestFrom`. */
const knownIds = new WeakMap<(id: string) => Entry | undefined, readonly string[]>();

/** Lets `checkReferences` suggest the nearest of `ids` for an id that does not resolve. */
export function suggestFrom(lookup: (id: string) => Entry | undefined, ids: readonly string[]): void {
  knownIds.set(lookup, ids);
}

function suggestion(id: string, lookup: (id: string) => Entry | undefined): string | undefined {
  const ids = knownIds.get(lookup);
  return ids && nearestId(id, ids);
}

/** The id closest to `id` by edit distance, when it is close enough to be a typo. */
export function nearestId(id: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of ids) {
    if (Math.abs(candidate.length - id.length) >= bestDistance) continue;
    const d = editDistance(id, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * One alias, one entry, unless every entry claiming it says it is ambiguous. `fixed`: entries
 * that are claimed against but never reported (the bundled ones, for a workspace glossary),
 * and never ambiguous with a newcomer.
 */
type Claim = { entry: Entry; p?: Parsed; alias: string; ambiguous: boolean };
/** entries, and alias signatures, per step of `aliasClaimSteps`: each step well under a millisecond */
const STEP_ENTRIES = 10;
const STEP_CLAIMS = 300;
/** the claims of a fixed set of entries, computed once (the bundled ones, on every glossary reload) */
const fixedClaims = new WeakMap<readonly Entry[], Map<string, Claim[]>>();

export function checkAliasClaims(parsed: readonly Parsed[], problems: Problem[], fixed: readonly Entry[] = [], t: Translate = english): void {
  for (const step of aliasClaimSteps(parsed, problems, fixed, t)) step();
}

/** `checkAliasClaims` as small steps to run in order, so a caller can pause between them. */
export function aliasClaimSteps(parsed: readonly Parsed[], problems: Problem[], fixed: readonly Entry[] = [], t: Translate = english): (() => void)[] {
  const w = words(t);
  const steps: (() => void)[] = [];
  const claims = new Map<string, Claim[]>();
  const add = (into: Map<string, Claim[]>, entry: Entry, p: Parsed | undefined, aliases: readonly string[], ambiguousAliases: readonly string[]) => {
    const ambiguous = new Set(ambiguousAliases.map((a) => aliasSignature(a)));
    const seen = new Set<string>();
    for (const alias of aliases) {
      for (const form of aliasForms(alias)) {
        const sig = (form.flag ? '-' : '') + form.keys.join('');
        if (seen.has(sig)) continue;
        seen.add(sig);
        const list = into.get(sig) ?? [];
        list.push({ entry, p, alias, ambiguous: p !== undefined && ambiguous.has(aliasSignature(alias)) });
        into.set(sig, list);
      }
    }
  };
  const cached = fixedClaims.get(fixed);
  const held = cached ?? new Map<string, Claim[]>();
  if (!cached) {
    // the fixed entries' claims, in steps too: they are the bundled knowledge base
    for (let i = 0; i < fixed.length; i += STEP_ENTRIES) {
      steps.push(() => {
        for (const e of fixed.slice(i, i + STEP_ENTRIES)) add(held, e, undefined, e.aliases, e.ambiguous);
      });
    }
    steps.push(() => void fixedClaims.set(fixed, held));
  }
  for (let i = 0; i < parsed.length; i += STEP_ENTRIES) {
    steps.push(() => {
      for (const p of parsed.slice(i, i + STEP_ENTRIES)) add(claims, p.entry, p, p.entry.aliases, p.entry.ambiguous);
    });
  }
  // then the claims against each other, a few hundred signatures a step
  let lists: Claim[][] = [];
  steps.push(() => {
    for (const [sig, list] of claims) {
      const h = held.get(sig);
      if (h) list.unshift(...h);
    }
    lists = [...claims.values()];
  });
  const reported = new Set<string>();
  // an alias has at most two forms: no more signatures than that
  const signatures = parsed.reduce((n, p) => n + 2 * p.entry.aliases.length, 0);
  for (let k = 0; k * STEP_CLAIMS < signatures; k++) steps.push(() => report(lists.slice(k * STEP_CLAIMS, (k + 1) * STEP_CLAIMS)));
  const report = (part: Claim[][]) => {
    for (const list of part) {
      const owners = new Set(list.map((c) => c.p ?? c.entry));
      if (owners.size < 2 || list.every((c) => c.ambiguous)) continue;
      const hasFixed = list.some((c) => !c.p);
      for (const c of list) {
        if (!c.p || (c.ambiguous && !hasFixed) || reported.has(`${c.p.entry.file}\0${c.alias}`)) continue;
        // an extending file may repeat an alias its own bundled entry has
        const others = list.filter((o) => (o.p ?? o.entry) !== (c.p ?? c.entry) && !(c.p?.extends && !o.p && o.entry.id === c.p.extends));
        if (others.length === 0) continue;
        reported.add(`${c.p.entry.file}\0${c.alias}`);
        const names = others.map((o) => fill(o.p ? w.claimant : w.bundledClaimant, o.entry.id, o.entry.file));
        problems.push({
          file: c.p.entry.file,
          line: c.p.lines.get('aliases') ?? 2,
          message: hasFixed
            ? fill(w.bundledAlias, c.alias, c.p.extends ?? c.p.entry.id, c.p.entry.file, names.join(', '))
            : fill(w.sharedAlias, c.alias, names.join(', ')),
        });
      }
    }
  };
  return steps;
}
