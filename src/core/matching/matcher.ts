import { aliasForms, cleanAlias, scopeKey } from './alias';
import { continuesIdentifier, CREDENTIAL_KEY, inCommentLine, isDirectory, isHomeFolder, isKeyPosition, isBlockLabel, isNameValue, labelValue, isReferenceName, isResourceReference, isIdValue, isOwnFunctionParameter, isRubyName, isSourceReference, isValue, isVariableName, isVerbUse, keyFollows, quotedName, codeLineBreak, notTermEnd, opensBlock, startsFileName } from './boundaries';
import { inPathOrFileName } from './paths';
import { bit, pairHash, popcount, ROOT_BITS, sepCode, sepLength, slotOf } from './edge-table';
import { AT_AM_END, AT_AM_START, AT_SP_END, AT_SP_START, AT_SYSTEM, compact, CONTEXT_RADIUS, lowerFrom, newRaw, upperFrom, type Raw } from './raw';
import { ALL_CAPS, HAS_LETTER, HAS_UPPER, MAX_SEPARATOR, PLURAL, charClass, hashStep, lowerCode, newToken, nextToken, separatorKey, type Token } from './tokenize';
import type { ContextRegion, GenericPolicy, MatchableEntry, ScanOptions, TermMatch } from './types';
import { merge, mergeFlags, newVariant, withCandidates, type Variant } from './variant';
import { clampOffset, lookupWindow, syncPoint } from './window';

export type { ContextRegion, GenericPolicy, MatchableEntry, ScanOptions, TermMatch } from './types';

/** Profile regions that hold one option's value (see `qemu-cpu` in profile/regions). */
const VALUE_CONTEXTS: ReadonlySet<string> = new Set(['qemu-cpu']);
export { CONTEXT_RADIUS } from './raw';
export { LOOKUP_RADIUS, lookupWindow } from './window';
export { continuesIdentifier, isKeyPosition, notTermEnd } from './boundaries';

const STEM_MIN = 4;
/** digits an index inside a key may have (`ethernet12.present`); a longer number is no index */
const MAX_INDEX_DIGITS = 6;
/** characters a raw scan reads before it settles the matches whose context it has */
const SCAN_BLOCK = 16 * 1024;
/** what a candidate without systems scores: it wins unless some neighbour votes for another */
const NO_SYSTEM_SCORE = 0.05;

/** a neighbour's vote by its distance d: 1 / (1 + d / 64), computed once (the same doubles) */
const NEARNESS = new Float64Array(2048);
for (let d = 0; d < NEARNESS.length; d++) NEARNESS[d] = 1 / (1 + d / 64);

const VMWARE_FAMILY = new Set(['esxi', 'workstation']);
/** the profile's syntax formats (FORMATS in core/profile): a `.vmx` file has none of them */
export const SYNTAX_FORMATS: readonly string[] = ['shell', 'powershell', 'hcl', 'json', 'yaml', 'xml', 'ruby', 'toml', 'ini', 'prose'];

/**
 * The term engine: finds every alias occurrence in text, longest match first, no overlaps.
 * Linear in the text: each token starts at most one walk down the alias trie, and a walk is
 * no longer than the longest alias. The trie's edges live in one open-addressing hash table
 * keyed by (node, separator, hash of the lower-cased piece), so reading text allocates
 * nothing until a match is found.
 */
export class TermMatcher {
  private readonly ids: string[];
  private readonly systemMask: number[];
  private readonly isSetting: boolean[];
  private readonly isTool: boolean[];
  /** the entry belongs to exactly one system: only such terms vote and vouch */
  private readonly singleSystem: boolean[];
  private readonly systemBits = new Map<string, number>();
  /** per node: the aliases ending there, and whether any edge leaves it */
  private readonly variants: (Variant[] | undefined)[] = [undefined];
  private readonly hasNext: boolean[] = [false];
  /** edges: parent node, separator code, lower-case key, child node */
  private edgeParent: number[] = [];
  private edgeSep: number[] = [];
  private edgeKey: string[] = [];
  private edgeChild: number[] = [];
  /** the hash of each edge's key */
  private edgeHash: number[] = [];
  private table: Int32Array = new Int32Array(0);
  /** a bit per hash of every first piece, to skip text that starts no alias */
  private readonly rootBits = new Uint32Array(ROOT_BITS / 32);
  /** a bit per hash of every pair of pieces that follow each other in some alias: no match crosses a gap between any other two */
  private readonly pairBits = new Uint32Array(ROOT_BITS / 32);
  private mask = 0;
  /**
   * Characters a match can span at most: each piece as long as its key plus a plural ending
   * or an index, and the longest separator between pieces.
   */
  get maxAliasChars(): number {
    return this.longest;
  }
  private longest = 0;
  /** tokens read and votes counted since the engine was built: the robustness tests bound it */
  steps = 0;
  /** a build still to run (see `build`) */
  private building: Iterator<void> | undefined;

  /** Builds the engine at once; `deferred`: only starts, `step` and `finish` do the rest. */
  constructor(entries: readonly MatchableEntry[], deferred = false) {
    this.ids = entries.map((e) => e.id);
    this.isSetting = entries.map((e) => e.kind === 'setting');
    this.isTool = entries.map((e) => e.kind === 'tool');
    this.singleSystem = entries.map((e) => {
      const systems = e.systems ?? [];
      // ESXi and Workstation share VMware's .vmx format and its keys: one family
      return systems.length === 1 || (systems.length > 1 && systems.every((s) => VMWARE_FAMILY.has(s)));
    });
    const systemBits = this.systemBits;
    this.systemMask = entries.map((e) => {
      let mask = 0;
      for (const s of e.systems ?? []) {
        if (!systemBits.has(s)) systemBits.set(s, systemBits.size % 31);
        mask |= 1 << systemBits.get(s)!;
      }
      return mask;
    });
    this.building = this.build(entries);
    if (!deferred) this.finish();
  }

  /** Runs a little more of a deferred build; true once it is complete. */
  step(): boolean {
    if (this.building?.next().done === false) return false;
    this.building = undefined;
    return true;
  }

  /** Completes a deferred build at once. */
  finish(): this {
    while (!this.step());
    return this;
  }

  private *build(entries: readonly MatchableEntry[]): Generator<void> {
    this.table = new Int32Array(16).fill(-1);
    this.mask = 15;
    const scopeIds = new Map<string, number>();
    const scopeOf = (list: readonly string[] | undefined): number => {
      if (!list?.length) return 0;
      const key = [...list].sort().join(' ');
      let id = scopeIds.get(key);
      if (id === undefined) {
        id = this.scopeSets.length;
        scopeIds.set(key, id);
        this.scopeSets.push({ any: list.filter((n) => !n.startsWith('!')), none: list.filter((n) => n.startsWith('!')).map((n) => n.slice(1)) });
      }
      return id;
    };
    // a yield after every alias, every 1024 edges and every 64 nodes: the caller decides, by
    // the clock, when to pause, so no slice is much longer than its budget even cold
    const prefixStems = new Set<string>();
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index];
      for (const alias of entry.aliases) if (CLASS_PREFIX.test(alias.trim())) prefixStems.add(alias.trim().slice(0, -1).toLowerCase());
      const generic = new Set((entry.generic ?? []).map(scopeKey));
      const byAlias = new Map(Object.entries(entry.aliasScopes ?? {}).map(([a, list]) => [scopeKey(a), list] as const));
      for (const alias of entry.aliases) {
        const isGeneric = generic.has(scopeKey(alias));
        const scope = scopeOf([...(entry.scopes ?? []), ...(byAlias.get(scopeKey(alias)) ?? [])]);
        for (const form of aliasForms(alias)) {
          let span = (form.keys.length - 1) * MAX_SEPARATOR;
          for (const k of form.keys) span += k.length + 2 + MAX_INDEX_DIGITS;
          this.longest = Math.max(this.longest, span);
          this.insert(form.keys, form.strict, form.lowerOnly, form.flag, isGeneric, index, scope);
        }
        yield;
      }
    }
    yield;
    yield* this.buildTable();
    yield;
    // what `accept` takes at each node for each case of the text, computed once: a match then
    // costs no loop and no allocation
    for (let n = 0; n < this.variants.length; n++) {
      const list = this.variants[n];
      for (let c = 0; c < 4; c++) this.accepted.push(list ? merge(list, c >= 2, (c & 1) === 1) : undefined);
      const flags = list && mergeFlags(list);
      if (flags) this.flagAccepted.set(n, flags);
      if (n % 64 === 63) yield;
    }
    for (const stem of prefixStems) {
      let h = 0;
      for (let k = 0; k < stem.length; k++) h = hashStep(h, stem.charCodeAt(k));
      const node = this.child(0, 0, h, stem, 0, stem.length);
      // class names are CamelCase: the variant for mixed-case text
      const v = node === -1 ? undefined : this.accepted[node * 4 + 1];
      if (v) this.prefixes.set(stem, v);
    }
  }

  /** A class prefix alias (`Msvm_`) by its lower-case stem: the variant a whole class name of that family gets. */
  private readonly prefixes = new Map<string, Variant>();

  /** per node with flag aliases: the variant `accept` takes for a lower-case piece written as a flag */
  private readonly flagAccepted = new Map<number, Variant>();
  /** during a walk: its first piece is written as a flag (`-m` after a space or quote) */
  private flagHere = false;
  /** per node, 4 entries: the variant `accept` takes when the text is [mixed-case][ALL CAPS] */
  private readonly accepted: (Variant | undefined)[] = [];
  /** scope sets by id; 0 is "everywhere" */
  private readonly scopeSets: { any: string[]; none: string[]; either?: number[] }[] = [{ any: [], none: [] }];
  /** ids of the scope sets that allow what either of two sets allows, by "a b" */
  private readonly eitherIds = new Map<string, number>();

  /**
   * The scope set that allows what `a` or `b` allows: two aliases of one entry that read alike
   * (`boot_order` in Proxmox, `bootOrder` in KubeVirt) each keep their own contexts.
   */
  private eitherScope(a: number, b: number): number {
    if (a === b || a === 0 || b === 0) return a === b ? a : 0;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let id = this.eitherIds.get(key);
    if (id === undefined) {
      id = this.scopeSets.length;
      this.eitherIds.set(key, id);
      this.scopeSets.push({ any: [], none: [], either: [a, b] });
    }
    return id;
  }
  /** during a scan: which scope sets the document's contexts allow, or undefined to allow all */
  private allowed: Uint8Array | undefined;
  private allowedFor: readonly string[] | undefined;
  private regionsFor: readonly ContextRegion[] | undefined;
  /** during a scan: the regions, and what each one's contexts allow */
  private regions: readonly ContextRegion[] = [];
  private regionAllowed: Uint8Array[] = [];

  /** during a scan: the document is code (contexts given, not prose) */
  private code = false;
  /** during a scan: the document is a shell script */
  private shell = false;
  /** during a scan: the document is a PowerShell script */
  private powershell = false;
  /** during a scan: the document is Ruby (a Vagrantfile) */
  private ruby = false;
  /** during a scan: the document is a Packer template */
  private packer = false;
  /** during a scan: the document is a KubeVirt spec, whose `name:` values label disks, volumes and networks */
  private kubevirt = false;
  /** during a scan: the document is Terraform, whose `TYPE.NAME.attribute` references name a resource type */
  private terraform = false;
  /** during a scan: the document is a `.vmx` file, whose keys are case-insensitive: no piece splits at a change of case */
  private whole = false;

  private setContexts(contexts: readonly string[] | undefined, regions?: readonly ContextRegion[]): void {
    if (contexts === this.allowedFor && regions === this.regionsFor) return;
    this.allowedFor = contexts;
    this.regionsFor = regions;
    this.code = !!contexts && !contexts.includes('prose');
    this.shell = !!contexts && contexts.includes('shell');
    this.powershell = !!contexts && contexts.includes('powershell');
    this.packer = !!contexts && contexts.includes('packer');
    this.ruby = !!contexts && (contexts.includes('ruby') || contexts.includes('vagrant'));
    this.kubevirt = !!contexts && contexts.includes('kubevirt');
    this.terraform = !!contexts && contexts.includes('terraform');
    this.whole = !!contexts && contexts.includes('vmx') && !contexts.some((c) => SYNTAX_FORMATS.includes(c));
    this.regions = [];
    this.regionAllowed = [];
    this.receivers = false;
    if (!contexts || this.scopeSets.length === 1) {
      this.allowed = undefined;
      return;
    }
    this.allowed = this.allowedBy(contexts);
    if (regions?.length) {
      this.regions = regions;
      this.regionAllowed = regions.map((r) => this.allowedBy([...contexts, ...r.contexts]));
      this.receivers = regions.some((r) => r.receiver);
    }
  }

  /** Per scope set: whether these contexts allow it. */
  private allowedBy(contexts: readonly string[]): Uint8Array {
    const has = new Set(contexts);
    const allowed = new Uint8Array(this.scopeSets.length);
    this.scopeSets.forEach((set, i) => {
      // an either set comes after both of its parts
      if (set.either) allowed[i] = allowed[set.either[0]] | allowed[set.either[1]];
      else allowed[i] = Number((set.any.length === 0 || set.any.some((n) => has.has(n))) && !set.none.some((n) => has.has(n)));
    });
    return allowed;
  }

  /** What the contexts allow at `offset`: the document's, or its region's. */
  private allowedAt(offset: number): Uint8Array | undefined {
    const r = this.regionAt(offset);
    return r === -1 ? this.allowed : this.regionAllowed[r];
  }

  /** Whether `offset` is in an option's value (`host` after QEMU's `-cpu`): a one-word setting there is that value. */
  private inValueRegion(offset: number): boolean {
    const r = this.regions.length ? this.regionAt(offset) : -1;
    return r !== -1 && this.regions[r].contexts.some((c) => VALUE_CONTEXTS.has(c));
  }

  /** The index of the region at `offset`, or -1. */
  private regionAt(offset: number): number {
    const regions = this.regions;
    let lo = 0;
    let hi = regions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (regions[mid].end <= offset) lo = mid + 1;
      else if (regions[mid].start > offset) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /**
   * In a region with a receiver, the name its aliases are written under when the token is that
   * block variable before a `.` (`v` of `v.memory` in a libvirt block: `lv`); else undefined.
   */
  private receiverName(text: string, tok: Token): string | undefined {
    if (!this.receivers) return undefined;
    const r = this.regionAt(tok.start);
    const receiver = r === -1 ? undefined : this.regions[r].receiver;
    // the variable may be several pieces (`vm_cfg`)
    if (!receiver || text.charCodeAt(tok.start + receiver[0].length) !== 46 /* . */ || !text.startsWith(receiver[0], tok.start)) return undefined;
    // a variable that starts further back (`my_v.memory`) is another one
    const before = tok.start > 0 ? text.charCodeAt(tok.start - 1) : 32;
    if (charClass(before) !== 0 || before === 95 /* _ */ || before === 46 /* . */ || before === 36 /* $ */ || before === 64 /* @ */) return undefined;
    return receiver[1] === receiver[0] ? undefined : receiver[1];
  }
  private readonly receiverToken = newToken();
  /** during a scan: some region has a receiver */
  private receivers = false;
  /** during a walk: the name the first token is read as (see receiverName) */
  private firstAs: string | undefined;

  /** The variant without the candidates out of scope at `offset`; undefined when none is left. */
  private inScope(v: Variant, offset: number): Variant | undefined {
    const allowed = this.regions.length ? this.allowedAt(offset) : this.allowed;
    if (!allowed || !v.scoped) return v;
    let keep = 0;
    for (const s of v.scopes) keep += allowed[s];
    if (keep === v.candidates.length) return v;
    if (keep === 0) return undefined;
    const candidates: number[] = [];
    const scopes: number[] = [];
    v.candidates.forEach((c, i) => {
      if (allowed[v.scopes[i]]) {
        candidates.push(c);
        scopes.push(v.scopes[i]);
      }
    });
    const kept = withCandidates(v, candidates, scopes);
    // the candidates left decide whether the word is a config key both ways (`cpus` in a Packer file is a key though xl-cpupool's is not; a comment's `cpus` in a modifyvm block is none)
    kept.settings = candidates.every((c) => this.isSetting[c]);
    return kept;
  }

  private insert(keys: string[], strict: boolean, lowerOnly: boolean, flag: boolean, generic: boolean, index: number, scope: number): void {
    let node = 0;
    keys.forEach((raw, i) => {
      const sep = i === 0 ? 0 : sepCode(raw);
      const key = i === 0 ? raw : raw.slice(sepLength(raw));
      let h = 0;
      for (let k = 0; k < key.length; k++) h = hashStep(h, key.charCodeAt(k));
      // the edge table is filled as the trie grows: no string-keyed map of edges
      let slot = slotOf(node, sep, h) & this.mask;
      let child = -1;
      for (let e = this.table[slot]; e !== -1; e = this.table[slot]) {
        if (this.edgeParent[e] === node && this.edgeSep[e] === sep && this.edgeKey[e] === key) {
          child = this.edgeChild[e];
          break;
        }
        slot = (slot + 1) & this.mask;
      }
      if (child === -1) {
        child = this.variants.length;
        this.variants.push(undefined);
        this.hasNext.push(false);
        this.hasNext[node] = true;
        this.table[slot] = this.edgeParent.length;
        this.edgeParent.push(node);
        this.edgeSep.push(sep);
        this.edgeKey.push(key);
        this.edgeHash.push(h);
        this.edgeChild.push(child);
        if (this.table.length < this.edgeKey.length * 3) this.rehash();
      }
      node = child;
    });
    const list = (this.variants[node] ??= []);
    const same = list.find((v) => v.strict === strict && v.lowerOnly === lowerOnly && v.flag === flag && v.generic === generic);
    if (same) {
      const at = same.candidates.indexOf(index);
      if (at === -1) {
        same.candidates.push(index);
        same.scopes.push(scope);
      } else same.scopes[at] = this.eitherScope(same.scopes[at], scope);
      same.scoped = same.scopes.some((x) => x !== 0);
      same.settings &&= this.isSetting[index];
    } else {
      list.push(newVariant([index], [scope], strict, lowerOnly, generic, flag, this.isSetting[index]));
      list.sort((a, b) => Number(b.strict) - Number(a.strict));
    }
  }

  /** The edge table at twice its size, the edges placed again in their order. */
  private rehash(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let e = 0; e < this.edgeKey.length; e++) {
      let slot = slotOf(this.edgeParent[e], this.edgeSep[e], this.edgeHash[e]) & this.mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = e;
    }
  }

  /** The root-piece and pair bit sets. */
  private *buildTable(): Generator<void> {
    const pieceHash = new Int32Array(this.variants.length);
    for (let e = 0; e < this.edgeKey.length; e++) {
      const h = this.edgeHash[e];
      if (this.edgeParent[e] === 0) {
        const b = (h ^ (h >>> 16)) & (ROOT_BITS - 1);
        this.rootBits[b >>> 5] |= 1 << (b & 31);
      }
      // a parent's edge comes before its children's: its hash is known
      pieceHash[this.edgeChild[e]] = h;
      if (this.edgeParent[e] !== 0) {
        const ph = pairHash(pieceHash[this.edgeParent[e]], h);
        const b = (ph ^ (ph >>> 16)) & (ROOT_BITS - 1);
        this.pairBits[b >>> 5] |= 1 << (b & 31);
      }
      if (e % 1024 === 1023) yield;
    }
  }

  /**
   * The child of `node` along separator `sep` and the piece text[start, end) (lower-cased,
   * hashing to `hash`), followed by `suffix` when it is not -1; -1 when there is none.
   */
  private child(node: number, sep: number, hash: number, text: string, start: number, end: number, suffix = -1): number {
    const len = end - start + (suffix === -1 ? 0 : 1);
    let slot = slotOf(node, sep, hash) & this.mask;
    for (;;) {
      const e = this.table[slot];
      if (e === -1) return -1;
      if (this.edgeParent[e] === node && this.edgeSep[e] === sep) {
        const key = this.edgeKey[e];
        if (key.length === len) {
          let i = 0;
          for (; i < end - start; i++) {
            const c = text.charCodeAt(start + i);
            if ((c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : lowerCode(c)) !== key.charCodeAt(i)) break;
          }
          if (i === end - start && (suffix === -1 || key.charCodeAt(i) === suffix)) return this.edgeChild[e];
        }
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Every match in `text[from, to)`, in order, at most `options.limit`. Offsets are into `text`;
   * they are clamped to the text and rounded down, and a NaN or empty range finds nothing.
   */
  scan(text: string, options: ScanOptions = {}, from = 0, to = text.length): TermMatch[] {
    const a = clampOffset(from, text.length);
    const b = clampOffset(to, text.length);
    return this.scanRange(text, options, a, b, a, b);
  }

  /**
   * The matches that start in `text[keepFrom, keepTo)`, reading `text[from, to)` for their
   * context: the same as `scan(text, options, from, to)` filtered to those starts, but it stops
   * as soon as `options.limit` matches are found and settles no match outside the kept range.
   */
  scanRange(text: string, options: ScanOptions, from: number, to: number, keepFrom: number, keepTo: number): TermMatch[] {
    from = clampOffset(from, text.length);
    to = clampOffset(to, text.length);
    keepFrom = Math.max(from, clampOffset(keepFrom, text.length));
    keepTo = Math.min(to, clampOffset(keepTo, text.length));
    const out: TermMatch[] = [];
    const limit = Number.isNaN(options.limit) ? Infinity : (options.limit ?? Infinity);
    if (Number.isNaN(from) || Number.isNaN(to) || from >= to || keepFrom >= keepTo || !(limit >= 1)) return out;
    const policy = options.generic ?? 'context';
    const documentMask = this.maskOf(options.systems);
    this.setContexts(options.contexts, options.regions);
    let raw = newRaw();
    let pos = from;
    let i = 0;
    for (;;) {
      // drop what no match still to settle needs: long scans keep short arrays
      if (i >= 1024) {
        raw = compact(raw, i);
        i = 0;
      }
      pos = this.rawScan(text, pos, to, policy, pos + SCAN_BLOCK, raw);
      const done = pos >= to;
      // settle the matches whose context has been read in full
      for (; i < raw.start.length && (done || raw.end[i] + CONTEXT_RADIUS < pos); i++) {
        if (raw.start[i] >= keepTo) return out;
        if (raw.start[i] < keepFrom) continue;
        const v = raw.variant[i];
        if (v.generic || v.candidates.length > 1) {
          const match = this.resolveOne(text, raw, i, policy, documentMask);
          if (match) out.push(match);
        } else out.push({ start: raw.start[i], end: raw.end[i], id: this.ids[v.candidates[0]] });
        if (out.length >= limit) return out;
      }
      // every match read is settled, and any still to read starts after keepTo
      if (done || (pos > keepTo && i === raw.start.length)) return out;
    }
  }

  /**
   * Appends to `raw` the raw matches in text[pos, to) that start at or before `stopAfter`.
   * Returns where to go on: the start of the first token after `stopAfter`, or `to`.
   */
  private rawScan(text: string, pos: number, to: number, policy: GenericPolicy, stopAfter: number, raw: Raw): number {
    let tok = newToken();
    let look = newToken();
    const rootBits = this.rootBits;
    let skipTo = pos; // the end of the last URL, e-mail address or credential value
    this.lookFrom = -1;
    for (;;) {
      // the walk may already have read the token that starts after `pos`: take it
      if (this.lookFrom === pos && this.lookTo === to) {
        const t = tok;
        tok = look;
        look = t;
      } else if (!nextToken(text, pos, to, tok, this.whole)) break;
      this.lookFrom = -1;
      if (tok.start > stopAfter) return tok.start;
      pos = tok.end;
      this.steps++;
      if (tok.start < skipTo) continue;
      // a URL, address, link target or anchor starts only where a token meets one of these
      // (`:` `.` `@` `-` `_` `+` after it, `(` `#` `:` before it, as notTermEnd tests them); most
      // tokens meet none, and skip the call
      const after = tok.end < text.length ? text.charCodeAt(tok.end) : 0;
      const before = tok.start > 0 ? text.charCodeAt(tok.start - 1) : 0;
      const skip = after === 58 || after === 46 || after === 64 || after === 45 || after === 95 || after === 43 || before === 40 || before === 35 || before === 58 ? notTermEnd(text, tok.start, tok.end, 0, text.length) : tok.start;
      if (skip > tok.start) {
        skipTo = skip;
        pos = Math.max(pos, skip);
        continue;
      }
      const as = this.receivers ? this.receiverName(text, tok) : undefined;
      if (as && this.walkAs(as, text, tok, look, to, policy, raw)) {
        pos = this.bestEnd;
        continue;
      }
      // most pieces of ordinary text start no alias: reject them on the root filter
      const f = tok.flags;
      if (
        !bit(rootBits, tok.hash) &&
        !(f & PLURAL) &&
        !(tok.digitsAt !== -1 && (bit(rootBits, tok.hashLetters) || bit(rootBits, hashStep(tok.hashLetters, 48)))) &&
        !(tok.end - tok.start >= STEM_MIN && !(f & ALL_CAPS) && (bit(rootBits, tok.hash1) || bit(rootBits, tok.hash2)))
      ) {
        continue;
      }
      if (this.walk(text, tok, look, to)) {
        let variant = this.settle(text, tok);
        // a multi-piece alias out of scope here leaves room for a shorter one in scope: "the VM ID"
        // in a Hyper-V script is a VM, not the Proxmox vm_id key
        for (let tries = 0; !variant && this.outOfScopeEnd > tok.end && tries < 4; tries++) {
          if (!this.walk(text, tok, look, this.outOfScopeEnd - 1) || this.bestEnd >= this.outOfScopeEnd) break;
          variant = this.settle(text, tok);
        }
        if (variant && !(variant.generic && policy === 'never')) this.push(raw, tok.start, this.bestEnd, variant);
        pos = this.bestEnd;
      }
    }
    return to;
  }

  /** A walk from token `tok` read as the name `as`; true when it matched (pos then goes on after it). */
  private walkAs(as: string, text: string, tok: Token, look: Token, to: number, policy: GenericPolicy, raw: Raw): boolean {
    this.firstAs = as;
    // the whole variable is the first piece
    const first = Object.assign(this.receiverToken, tok);
    let dot = tok.start;
    while (text.charCodeAt(dot) !== 46) dot++;
    first.end = dot;
    tok = first;
    try {
      if (!this.walk(text, tok, look, to)) return false;
      const variant = this.settle(text, tok);
      if (!variant) return false;
      if (!(variant.generic && policy === 'never')) this.push(raw, tok.start, this.bestEnd, variant);
      return true;
    } finally {
      this.firstAs = undefined;
    }
  }

  private push(raw: Raw, start: number, end: number, variant: Variant): void {
    raw.start.push(start);
    raw.end.push(end);
    raw.variant.push(variant);
    if (variant.generic) return;
    if (variant.candidates.length > 1) {
      raw.amStart.push(start);
      raw.amEnd.push(end);
      return;
    }
    // a specific, unambiguous match: it votes and vouches for its systems
    const mask = this.systemMask[variant.candidates[0]];
    const k = raw.spStart.length;
    raw.spStart.push(start);
    raw.spEnd.push(end);
    raw.spMask.push(mask);
    // only a term of one system (ESXi and Workstation count as one) votes or vouches for it
    if (!this.singleSystem[variant.candidates[0]]) return;
    for (let m = mask; m; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      (raw.bySystem[b] ??= []).push(k);
    }
  }

  /** Whether a match starts a quoted value after a user or password key (`username "vagrant"`). */
  private isCredential(text: string, start: number): boolean {
    const q = start > 0 ? text.charCodeAt(start - 1) : 0;
    if (q === 34 || q === 39) return CREDENTIAL_KEY.test(text.slice(Math.max(0, start - 41), start - 1));
    // unquoted: `-e ansible_become_pass=vagrant`
    return q === 61 && CREDENTIAL_KEY.test(text.slice(Math.max(0, start - 41), start));
  }

  /**
   * The walk's match at token `tok` once scopes and the whole-thing rules are applied; when
   * none is left, undefined, and the scan goes on after the token (bestEnd = tok.end).
   */
  private settle(text: string, tok: Token): Variant | undefined {
    if (this.prefixes.size && text.charCodeAt(tok.end) === 95 /* _ */) this.classFamily(text, tok);
    const variant = this.inScope(this.bestVariant!, tok.start);
    this.outOfScopeEnd = variant ? 0 : this.bestEnd;
    // between white space (most matches), no credential, link label, identifier, path or file name
    const before = tok.start > 0 ? text.charCodeAt(tok.start - 1) : 32;
    const after = this.bestEnd < text.length ? text.charCodeAt(this.bestEnd) : 32;
    const spaced = (before === 32 || before === 10 || before === 9 || before === 13) && (after === 32 || after === 10 || after === 9 || after === 13);
    if (
      variant &&
      (spaced ||
        (!this.isCredential(text, tok.start) &&
          !isLinkLabel(text, tok.start, this.bestEnd) &&
          (!continuesIdentifier(text, tok.start, digitsEnd(text, this.bestEnd), 0, text.length, this.code, variant.generic) || (!variant.generic && (startsFileName(text, tok.start, this.bestEnd) || (this.packer && isSourceReference(text, tok.start, this.bestEnd)) || (this.terraform && isResourceReference(text, tok.start, this.bestEnd))))) &&
          !(inPathOrFileName(text, tok.start, this.bestEnd, variant.generic) && (variant.generic || !startsFileName(text, tok.start, this.bestEnd))))) &&
      !(this.code && (isDirectory(text, tok.start, this.bestEnd, 0, text.length) || isHomeFolder(text, tok.start) || (variant.generic && this.crossCutting(variant) && isValue(text, tok.start, 0) && !(variant.settings && isKeyPosition(text, tok.start, this.bestEnd))) || this.isVariable(text, tok.start, this.bestEnd, variant) || isIdValue(text, tok.start, this.bestEnd) || (this.powershell && isOwnFunctionParameter(text, tok.start)) || (this.ruby && isRubyName(text, tok.start, this.bestEnd)) || isBlockLabel(text, tok.start, this.bestEnd) || isReferenceName(text, tok.start, this.bestEnd) || (this.allTools(variant) && isNameValue(text, tok.start, this.bestEnd)) || this.isNameInCode(text, tok.start, this.bestEnd, variant) || this.isLabel(text, tok.start, this.bestEnd, variant)))
    ) {
      return variant;
    }
    this.bestEnd = tok.end;
    return undefined;
  }

  /**
   * A class name of a family whose prefix is an alias (`Msvm_` for Hyper-V's WMI classes): when
   * the longest match stops inside the name (`Msvm_VirtualSystemManagementServiceSettingData`),
   * the whole name is a class of the family. A longer alias that is the whole name keeps its card.
   */
  private classFamily(text: string, tok: Token): void {
    const v = this.prefixes.get(text.slice(tok.start, tok.end).toLowerCase());
    const next = text.charCodeAt(tok.end + 1);
    if (!v || !((next >= 65 && next <= 90) || (next >= 97 && next <= 122))) return;
    let e = tok.end + 1;
    while (e < text.length && (charClass(text.charCodeAt(e)) !== 0 || text.charCodeAt(e) === 95)) e++;
    if (this.bestEnd >= e) return;
    this.bestVariant = v;
    this.bestEnd = e;
  }

  /**
   * In code, a setting's name or a cross-cutting word as a whole variable name: `$vhdPath` holds a
   * path, not New-VM's parameter; `HOST_OS=` and `$GUEST` hold an OS name, not the host or guest.
   * A lower-case product or concept name as the whole name (`vmid=$(pvesh get /cluster/nextid)`,
   * `qm set $vmid`, `$hyperv = Get-WindowsOptionalFeature`) holds an id or a result, not the product.
   * A short name (`$vm`, `$VM`) is the object the script handles and keeps its card.
   */
  private isVariable(text: string, start: number, end: number, v: Variant): boolean {
    return (v.settings || (end - start >= 4 && (this.crossCutting(v) || isLowerWord(text, start, end)))) && isVariableName(text, start, end, this.shell);
  }

  /**
   * An ordinary word used as a word, even where its system's terms are around: a config key's
   * name in a comment's prose (`to boot` in `# Kernel image to boot`) unless the comment heads
   * that key or quotes it, a cross-cutting noun as a verb (`to host the`).
   */
  private proseUse(text: string, start: number, end: number, v: Variant): boolean {
    if (v.settings) return !isKeyPosition(text, start, end) && inCommentLine(text, start) && !quotedName(text, start, end) && !keyFollows(text, start, end);
    return this.crossCutting(v) && isVerbUse(text, start, end);
  }

  /** Every candidate is a tool: a name given as a value (a network called `vagrant-libvirt`) is not the tool. */
  private allTools(v: Variant): boolean {
    for (const c of v.candidates) if (!this.isTool[c]) return false;
    return true;
  }

  /** Every candidate is a cross-cutting entry (no system): `host`, `guest`, `container`. */
  private crossCutting(v: Variant): boolean {
    for (const c of v.candidates) if (this.systemMask[c]) return false;
    return true;
  }

  /**
   * In code, a short specific lower-case alias as a whole variable name (`$vhd` holds a path, not the
   * format), and a generic word as a sub-option key (`-device vfio-pci,host=01:00.0`).
   */
  private isNameInCode(text: string, start: number, end: number, v: Variant): boolean {
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    if (v.lowerOnly && !v.generic && before === 36 /* $ */) return true;
    return v.generic && before === 44 /* , */ && text.charCodeAt(end) === 61 /* = */ && this.crossCutting(v);
  }

  /**
   * In code, a generic word inside a one-word name or id value (`<name>vm1</name>` and
   * `<uuid>vm0</uuid>` are no VM), and in a KubeVirt spec a setting's name as the whole value of
   * `name:` (`- name: containerdisk` labels a disk; the `containerDisk:` key under it is the term).
   * Elsewhere a name's value may be the thing itself (`Name = "Hyper-V"` installs the feature).
   */
  private isLabel(text: string, start: number, end: number, v: Variant): boolean {
    if (!v.generic && !(v.settings && this.kubevirt)) return false;
    const value = labelValue(text, start, end);
    if (!value) return false;
    if (v.generic) return true;
    return value[0] === start && value[1] === digitsEnd(text, end) && YAML_NAME.test(text.slice(Math.max(0, start - 40), start));
  }

  private maskOf(systems: readonly string[] | undefined): number {
    let mask = 0;
    for (const s of systems ?? []) {
      const b = this.systemBits.get(s);
      if (b !== undefined) mask |= 1 << b;
    }
    return mask;
  }

  /**
   * The match that covers `offset`, reading only `text` around it: at most LOOKUP_RADIUS
   * characters on each side. The same answer as scanning that whole window, for less reading:
   * the scan starts where every scan of the window passes (after a separator no alias crosses),
   * stops at `offset`, and reads the context on both sides only for a match that needs it (a
   * generic or ambiguous alias).
   */
  matchAt(text: string, offset: number, options: ScanOptions = {}): TermMatch | undefined {
    if (typeof text !== 'string' || !Number.isFinite(offset) || offset < 0 || offset > text.length) return undefined;
    offset = Math.floor(offset);
    const [from, to] = lookupWindow(text, offset);
    if (from > offset || to < offset) return undefined;
    const policy = options.generic ?? 'context';
    this.setContexts(options.contexts, options.regions);
    let raw = newRaw();
    this.rawScan(text, this.restartPoint(text, offset, from, to), to, policy, offset, raw);
    let i = raw.start.length - 1;
    if (i < 0 || raw.end[i] <= offset) return undefined;
    const v = raw.variant[i];
    if (v.candidates.length === 1 && (!v.generic || policy === 'always')) {
      const match: TermMatch = { start: raw.start[i], end: raw.end[i], id: this.ids[v.candidates[0]] };
      if (v.generic) match.generic = true;
      return match;
    }
    // a generic or ambiguous alias: read its context on both sides
    const start = raw.start[i];
    const end = raw.end[i];
    raw = newRaw();
    this.rawScan(text, this.restartPoint(text, start - CONTEXT_RADIUS, from, to), to, policy, end + CONTEXT_RADIUS, raw);
    i = raw.start.indexOf(start);
    if (i < 0) return undefined;
    return this.resolveOne(text, raw, i, policy, this.maskOf(options.systems));
  }

  /**
   * The last token start at or before `at`, and not before `from`, that every scan starting at
   * or before `from` reaches at rest, so a scan from there reads what they read: a sync point
   * (see `syncPoint`), or a word after white space that no alias joins to the word before (white
   * space also ends every URL and address a scan skips). `from` where there is none.
   */
  private restartPoint(text: string, at: number, from: number, to: number): number {
    // the first such word going back from `at`, bounded by `from` only; the sync point matters
    // only if it comes after that word, so it is looked for no further back (dense text has
    // none in the whole window, and finding that out read all of it)
    let found = from;
    let b = Math.min(at, to);
    while (b > from) {
      while (b > from && charClass(text.charCodeAt(b - 1)) !== 0) b--;
      let a = b;
      while (a > from && text.charCodeAt(a - 1) <= 32) a--;
      if (a <= from) break;
      if (a < b && b < to && charClass(text.charCodeAt(a - 1)) !== 0 && !this.goesOn(text, a, b, from, to)) {
        found = b;
        break;
      }
      while (a > from && charClass(text.charCodeAt(a - 1)) === 0) a--;
      b = a;
    }
    return Math.max(found, syncPoint(text, at, from, to, found));
  }

  /**
   * Whether some alias may go on from the last piece of the word that ends at `end` to the first
   * of the word at `next`, in any form the walk reads them (an index, a plural or stem).
   */
  private goesOn(text: string, end: number, next: number, from: number, to: number): boolean {
    let r = end;
    while (r > from && charClass(text.charCodeAt(r - 1)) !== 0) r--;
    const u = this.scratch;
    while (nextToken(text, r, end, u, this.whole) && u.end < end) r = u.end;
    if (u.flags & PLURAL) return false;
    const t = this.scratch2;
    if (!nextToken(text, next, to, t, this.whole)) return false;
    const us = u.digitsAt === -1 ? [u.hash] : [u.hash, hashStep(u.hashLetters, 48)];
    const ts = [t.hash, t.hash1, t.hash2, t.hashLetters, hashStep(t.hashLetters, 48)];
    for (const x of us) for (const y of ts) if (bit(this.pairBits, pairHash(x, y))) return true;
    return false;
  }
  private readonly scratch2 = newToken();
  private readonly scratch = newToken();

  /** The entry ids an exact term resolves to (the whole string must be one match). */
  lookupTerm(term: string): TermMatch | undefined {
    const text = term.trim();
    this.setContexts(undefined);
    const matches = this.scan(text, { generic: 'always' });
    if (matches.length === 1 && matches[0].start === 0 && matches[0].end === text.length) return matches[0];
    const cleaned = cleanAlias(text);
    if (cleaned !== text) return this.lookupTerm(cleaned);
    return undefined;
  }

  /** Set by `walk`: `look` holds the token nextToken finds from lookFrom before lookTo (-1: none) */
  private lookFrom = -1;
  private lookTo = 0;
  /** Set by `walk`: the longest match found. */
  private bestEnd = 0;
  /** Set by `settle`: where the match it dropped as out of scope ended (0: none dropped so). */
  private outOfScopeEnd = 0;
  private bestVariant: Variant | undefined;

  /** Finds the longest match starting at token `first` (into bestEnd/bestVariant); `look` is scratch space. */
  private walk(text: string, first: Token, look: Token, to: number): boolean {
    this.bestVariant = undefined;
    this.lookFrom = -1;
    let node = 0;
    let cur = first;
    let sepA = 0;
    let sepB = -1;
    let allCaps = true;
    this.flagHere = this.flagAccepted.size > 0 && isFlag(text, first.start) && !(first.flags & HAS_UPPER);
    for (;;) {
      const flags = cur.flags;
      if (flags & HAS_LETTER && !(flags & ALL_CAPS)) allCaps = false;
      // mixed case: some capitals but not all (`Ept`, `VMware`)
      const mixed = (flags & HAS_UPPER) !== 0 && !(flags & ALL_CAPS);
      let child = -1;
      let indexed = false;
      const as = cur === first ? this.firstAs : undefined;
      if (as !== undefined) {
        // the block variable read as the name the aliases use: no plural, index or stem of it
        let h = 0;
        for (let k = 0; k < as.length; k++) h = hashStep(h, as.charCodeAt(k));
        child = this.child(0, 0, h, as, 0, as.length);
        if (child !== -1 && this.variants[child]) this.accept(child, cur.end, allCaps, mixed, true);
      } else if (!(flags & PLURAL)) {
        child = this.child(node, sepA, cur.hash, text, cur.start, cur.end);
        if (child === -1 && sepB !== -1) child = this.child(node, sepB, cur.hash, text, cur.start, cur.end);
        if (child === -1 && cur.digitsAt !== -1 && cur.end - cur.digitsAt <= MAX_INDEX_DIGITS) {
          // an index inside a key is any number: `ethernet1.present`, `scsi1:4.fileName` follow
          // aliases written with 0; a name that ends in a number (`dom0`, `vmnet8`) does not
          const h = hashStep(cur.hashLetters, 48);
          child = this.child(node, sepA, h, text, cur.start, cur.digitsAt, 48);
          if (child === -1 && sepB !== -1) child = this.child(node, sepB, h, text, cur.start, cur.digitsAt, 48);
          indexed = child !== -1;
        }
        if (child !== -1 && this.variants[child] && !indexed) this.accept(child, cur.end, allCaps, mixed, cur === first);
      }
      // plural and digit forms end a match; they never continue one
      if (as === undefined && (child === -1 || !this.variants[child] || indexed)) this.stem(node, sepA, sepB, text, cur, allCaps, mixed);
      if (child === -1 || !this.hasNext[child]) break;
      const end = cur.end;
      if (!nextToken(text, end, to, look, this.whole)) break;
      this.lookFrom = end;
      this.lookTo = to;
      const sep = separatorKey(text, end, look.start);
      if (sep === '') break;
      // in code a term does not run on from one line's token to the next line's
      if (this.code && look.start - end > 1 && codeLineBreak(text, end, look.start)) break;
      sepA = sep.charCodeAt(0);
      sepB = sepA === 45 /* - */ ? 32 : -1;
      node = child;
      if (cur === first) cur = look;
    }
    return this.bestVariant !== undefined;
  }

  /** Accepts `node` for the key text[t.start, keyEnd) (+ `suffix`) under either separator. */
  private tryStem(node: number, sepA: number, sepB: number, text: string, t: Token, keyEnd: number, hash: number, suffix: number, matchEnd: number, allCaps: boolean, mixed: boolean): boolean {
    let n = this.child(node, sepA, hash, text, t.start, keyEnd, suffix);
    if (n !== -1 && this.variants[n] && this.accept(n, matchEnd, allCaps, mixed)) return true;
    if (sepB === -1) return false;
    n = this.child(node, sepB, hash, text, t.start, keyEnd, suffix);
    return n !== -1 && !!this.variants[n] && this.accept(n, matchEnd, allCaps, mixed);
  }

  private stem(node: number, sepA: number, sepB: number, text: string, t: Token, allCaps: boolean, mixed: boolean): void {
    const { start, end, flags } = t;
    if (flags & PLURAL) {
      this.tryStem(node, sepA, sepB, text, t, end - 1, t.hash, -1, end, allCaps, mixed);
      return;
    }
    if (end - start >= STEM_MIN && !(flags & ALL_CAPS) && lowerCode(text.charCodeAt(end - 1)) === 115 /* s */) {
      if (this.tryStem(node, sepA, sepB, text, t, end - 1, t.hash1, -1, end, allCaps, mixed)) return;
      if (lowerCode(text.charCodeAt(end - 2)) === 101 /* e */ && this.tryStem(node, sepA, sepB, text, t, end - 2, t.hash2, -1, end, allCaps, mixed)) return;
    }
    if (t.digitsAt > start && !(text.charCodeAt(t.digitsAt) === 48 && end - t.digitsAt >= 2)) {
      // `kvm64` falls back to `kvm`; a numbered name (`kvm01`, `web01`) does not
      this.tryStem(node, sepA, sepB, text, t, t.digitsAt, t.hashLetters, -1, t.digitsAt, allCaps, mixed);
    }
  }

  /**
   * Takes the match a trie node gives, if its case rules allow. Where several aliases of the
   * same spelling apply (`VMX` strict and `vmx` loose), their entries are merged, exact-case
   * first, and specific aliases outrank generic ones.
   */
  private accept(node: number, end: number, allCaps: boolean, mixed: boolean, whole = false): boolean {
    const found = (whole && this.flagHere && this.flagAccepted.get(node)) || this.accepted[node * 4 + (allCaps ? 2 : 0) + (mixed ? 1 : 0)];
    if (found === undefined) return false;
    this.bestEnd = end;
    this.bestVariant = found;
    return true;
  }

  /**
   * Picks among the entries of an ambiguous alias by the specific terms around it: each
   * neighbour votes for the candidates that share a system with it, weighted by nearness and
   * by how specific the candidate is to that system (`vmx` near `vhv.enable` is VMware's file,
   * near `qemu` Intel's CPU flag). Ties keep the content's order.
   */
  private choose(candidates: number[], raw: Raw, at: number, end: number, documentMask: number): number {
    // the specific neighbours within reach: ending at or after at - R, starting at or before end + R
    const lo = lowerFrom(raw.spEnd, at - CONTEXT_RADIUS, raw.at, AT_SP_END);
    const hi = upperFrom(raw.spStart, end + CONTEXT_RADIUS, raw.at, AT_SP_START);
    let chosen = candidates[0];
    let bestScore = 0;
    for (const c of candidates) {
      const mask = this.systemMask[c];
      // a cross-cutting entry (no system) is the answer when no system's terms are around
      if (!mask) {
        if (bestScore < NO_SYSTEM_SCORE) {
          bestScore = NO_SYSTEM_SCORE;
          chosen = c;
        }
        continue;
      }
      const width = popcount(mask);
      let score = mask & documentMask ? (2 * popcount(mask & documentMask)) / width + (this.isSetting[c] ? 0.01 : 0) : 0;
      if (lo < hi) score += this.votes(raw, mask, width, lo, hi, at);
      if (score > bestScore) {
        bestScore = score;
        chosen = c;
      }
    }
    return chosen;
  }

  /**
   * The votes of the specific neighbours lo..hi-1 for a candidate of systems `mask`, summed in
   * text order. Only those sharing a system count: with one system, its own list is read.
   */
  private votes(raw: Raw, mask: number, width: number, lo: number, hi: number, at: number): number {
    let score = 0;
    if (width === 1) {
      const b = 31 - Math.clz32(mask);
      const list = raw.bySystem[b];
      if (!list) return 0;
      for (let j = lowerFrom(list, lo, raw.at, AT_SYSTEM + b); j < list.length && list[j] < hi; j++) {
        const k = list[j];
        this.steps++;
        const d = raw.spStart[k] - at;
        if (d !== 0) score += d > -NEARNESS.length && d < NEARNESS.length ? NEARNESS[d < 0 ? -d : d] : 1 / (1 + Math.abs(d) / 64);
      }
      return score;
    }
    this.steps += hi - lo;
    for (let k = lo; k < hi; k++) {
      const shared = mask & raw.spMask[k];
      if (shared && raw.spStart[k] !== at) score += popcount(shared) / width / (1 + Math.abs(raw.spStart[k] - at) / 64);
    }
    return score;
  }

  private inDocumentSystems(v: Variant, documentMask: number): boolean {
    if (!documentMask) return false;
    for (const c of v.candidates) if (this.systemMask[c] & documentMask) return true;
    return false;
  }

  /**
   * Whether a generic match has a specific term near it that vouches for it: any specific
   * term for a cross-cutting entry (`host`; an ambiguous one too, `vm` beside `Get-VM`), but for
   * a system's entry (xl.cfg's `memory`) one that belongs to the same system.
   */
  private specificNear(raw: Raw, start: number, end: number, generic: Variant): boolean {
    let mask = 0;
    for (const c of generic.candidates) mask |= this.systemMask[c];
    const lo = lowerFrom(raw.spEnd, start - CONTEXT_RADIUS, raw.at, AT_SP_END);
    const hi = upperFrom(raw.spStart, end + CONTEXT_RADIUS, raw.at, AT_SP_START);
    if (!mask) return lo < hi || lowerFrom(raw.amEnd, start - CONTEXT_RADIUS, raw.at, AT_AM_END) < upperFrom(raw.amStart, end + CONTEXT_RADIUS, raw.at, AT_AM_START);
    if (lo >= hi) return false;
    // an ambiguous word does not vouch (it could mean another system's thing): only listed ones do
    for (let m = mask; m; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      const list = raw.bySystem[b];
      if (!list) continue;
      const j = lowerFrom(list, lo, raw.at, AT_SYSTEM + b);
      if (j < list.length && list[j] < hi) return true;
    }
    return false;
  }

  /**
   * The ids of an ambiguous variant's candidates, `chosen` first: one frozen array per choice,
   * shared by every match that makes it (dense text makes hundreds of thousands).
   */
  private ordered(v: Variant, chosen: number): string[] {
    const orders = (v.orders ??= []);
    const at = v.candidates.indexOf(chosen);
    return (orders[at] ??= Object.freeze([chosen, ...v.candidates.filter((c) => c !== chosen)].map((c) => this.ids[c])) as string[]);
  }

  /** Settles raw matches found by other means (the benchmark's engines): as `scan` would. */
  protected resolve(text: string, found: Pick<Raw, 'start' | 'end' | 'variant'>, policy: GenericPolicy, limit: number, documentMask: number): TermMatch[] {
    const raw = newRaw();
    for (let i = 0; i < found.start.length; i++) this.push(raw, found.start[i], found.end[i], found.variant[i]);
    const out: TermMatch[] = [];
    for (let i = 0; i < raw.start.length && out.length < limit; i++) {
      const v = raw.variant[i];
      const match = v.generic || v.candidates.length > 1 ? this.resolveOne(text, raw, i, policy, documentMask) : { start: raw.start[i], end: raw.end[i], id: this.ids[v.candidates[0]] };
      if (match) out.push(match);
    }
    return out;
  }

  /** Raw match i settled; undefined for a generic one that does not count here. */
  private resolveOne(text: string, raw: Raw, i: number, policy: GenericPolicy, documentMask: number): TermMatch | undefined {
    const { start, end, variant } = raw;
    const v = variant[i];
    const candidates = v.candidates;
    if (
      v.generic &&
      policy === 'context' &&
      !this.inDocumentSystems(v, documentMask) &&
      // a config key that is an ordinary word counts in prose only where it is used as a key
      (!this.specificNear(raw, start[i], end[i], v) || (v.settings && !isKeyPosition(text, start[i], end[i]) && !this.inValueRegion(start[i])))
    ) {
      return undefined;
    }
    // in code, even in its own system's files, a config key that is one ordinary word is that key
    // only where it is used as one: `cores=2` or an HCL block `vga {`, not "the host has 8 cores" in a comment
    if (v.generic && v.settings && policy === 'context' && this.code && isOneWord(text, start[i], end[i]) && !isKeyPosition(text, start[i], end[i]) && !opensBlock(text, end[i]) && !isQuotedValue(text, start[i], end[i]) && !this.inValueRegion(start[i]) && !(inCommentLine(text, start[i]) && (quotedName(text, start[i], end[i]) || keyFollows(text, start[i], end[i])))) return undefined;
    const s = start[i];
    const e = end[i];
    if (v.generic && policy === 'context' && this.proseUse(text, s, e, v)) return undefined;
    if (candidates.length === 1) return v.generic ? { start: s, end: e, id: this.ids[candidates[0]], generic: true } : { start: s, end: e, id: this.ids[candidates[0]] };
    const chosen = this.choose(candidates, raw, s, e, documentMask);
    // one object literal per shape: no property added later
    return v.generic
      ? { start: s, end: e, id: this.ids[chosen], candidates: this.ordered(v, chosen), generic: true }
      : { start: s, end: e, id: this.ids[chosen], candidates: this.ordered(v, chosen) };
  }
}

/**
 * Whether the piece at `start` is written as a flag: `-m` (or `--m`, which QEMU, qm and
 * virt-install read alike) after white space, a quote, `(`, `[` or `,`, or at the start.
 */
function isFlag(text: string, start: number): boolean {
  if (start < 1 || text.charCodeAt(start - 1) !== 45 /* - */) return false;
  let at = start - 1;
  if (at >= 1 && text.charCodeAt(at - 1) === 45) at--;
  if (at < 1) return true;
  const b = text.charCodeAt(at - 1);
  return b === 32 || b === 9 || b === 10 || b === 13 || b === 34 || b === 39 || b === 40 || b === 91 || b === 44;
}

/** Past the digits a match leaves behind (`kvm` of `kvm64`): the whole word is what must end there (`proxmox1-xx` is a name). */
/** an alias that is a class family's prefix: `Msvm_` */
const CLASS_PREFIX = /^[A-Za-z][A-Za-z0-9]*_$/;

/** a YAML `name:` key (a list item's too), up to its value */
const YAML_NAME = /(?:^|[\s-])name:[ \t]*["']?$/;

function digitsEnd(text: string, end: number): number {
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end;
}

/** Whether text[start, end) is a whole quoted value (`type='vnc'`, `"qxl"`): a key's value names that setting's choice. */
function isQuotedValue(text: string, start: number, end: number): boolean {
  const q = start > 0 ? text.charCodeAt(start - 1) : 0;
  // a quoted HCL block label (`variable "memory" {`) names a block, not a value
  return (q === 34 || q === 39) && text.charCodeAt(end) === q && start > 1 && (text.charCodeAt(start - 2) === 61 || text.charCodeAt(start - 2) === 32 || text.charCodeAt(start - 2) === 58) && !opensBlock(text, end + 1);
}

/** Whether text[start, end) is the whole label of a Markdown link definition (`[qcow]: https://...` at a line start): a name for a URL. */
function isLinkLabel(text: string, start: number, end: number): boolean {
  if (start < 1 || text.charCodeAt(start - 1) !== 91 /* [ */ || text.charCodeAt(end) !== 93 /* ] */ || text.charCodeAt(end + 1) !== 58 /* : */) return false;
  let i = start - 2;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  return (i < 0 || text.charCodeAt(i) === 10) && start - 2 - i <= 3;
}

/** Whether text[start, end) is one word of letters and digits. */
function isOneWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (charClass(text.charCodeAt(i)) === 0) return false;
  return true;
}

/** text[start, end) is lower-case letters and digits only (`vmid`, `hyperv`), as a variable is named; `QEMU` or `$KVM_BIN` is not. */
function isLowerWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
