/**
 * The check engine: one pass over the words of the prose, sentence by sentence. A subject,
 * then within `within` words a claim, in one sentence, with no other clause between them
 * (no `is`, `runs`, `while`, ... in the gap) and no other subject closer to the claim, is a
 * finding, unless a hedge (`not`, `looks like`, `think`, a question) or one of the check's
 * own `unless` patterns stands anywhere in that sentence. Work per word is bounded by the
 * content (patterns × their length), so a run is linear in the text whatever it holds.
 */
import { lineIndex } from '../matching/positions';
import { proseRanges, defaultProse } from './prose';
import { expandPattern } from './phrase';
import type { CheckDef, CheckOptions, Finding } from './types';
import { BREAK, PUNCT, WORD, proseTokens, type Tokens } from './words';

const SUBJECT = 0;
const CLAIM = 1;
const BEFORE = 2;
const UNLESS = 3;
const HEDGE = 4;

/** Words that say the sentence is not asserting the claim. */
export const HEDGES: readonly string[] = [
  'not', "isn't", "aren't", "wasn't", "doesn't", "don't", "didn't", 'never', 'no', 'nor', 'cannot', "can't",
  '(looks|look|looked|looking) like', '(seems|seem|seemed|appears|appear|appeared|appearance)', 'as if', 'as though',
  '(think|thinks|thought|believe|believes|assume|assumes|assumed|suppose|imagine)', '(myth|misconception|misconceptions|mistake|mistaken|mistakenly|wrong|wrongly|incorrect|incorrectly|misleading|misnomer)',
  '(although|though|whether|if|unlike|contrary|instead|rather)', '(called|sometimes|often|some|debate|debated|argue|argued|argues|claim|claims|says|said)',
];

/** Words that start a new clause: a claim after one of them is not about the subject before it. */
const CLAUSE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'runs', 'run', 'ran', 'while', 'whereas', 'but', 'than', 'vs', 'versus', ';', ':', '(', ')', 'installs', 'installed', 'uses', 'use', 'has', 'have', 'needs', 'requires']);

interface Sequence {
  words: string[];
  role: number;
  /** indexes into the engine's checks */
  checks: number[];
}

interface Compiled {
  def: CheckDef;
  hasSubject: boolean;
  replace: { words: string[]; to: string }[];
}

interface Pending {
  check: number;
  from: number;
  to: number;
}

const prefix = (k: string) => k.slice(0, 3);

function put(map: Map<string, Map<string, Sequence[]>>, a: string, b: string, s: Sequence): void {
  let inner = map.get(a);
  if (!inner) map.set(a, (inner = new Map()));
  const list = inner.get(b);
  if (list) list.push(s);
  else inner.set(b, [s]);
}
const QUOTES = '"“”«»`\'‘’';

export class CheckEngine {
  readonly checks: readonly CheckDef[];
  /** words compared so far, for tests of bounded work */
  steps = 0;
  private readonly compiled: Compiled[] = [];
  /** first word → the second word's prefix ('' for one-word sequences) → sequences */
  private readonly exact = new Map<string, Map<string, Sequence[]>>();
  /** the first word's prefix → first word → sequences, for a first token that is not the first word itself (`virtualbox`, `Hyper|V`) */
  private readonly loose = new Map<string, Map<string, Sequence[]>>();

  private readonly seqs = new Map<string, Sequence>();
  /** patterns still to compile: [pattern, role, check] */
  private readonly tasks: [string, number, number][] = [];
  private next = 0;

  /**
   * Throws on a pattern the content build would have rejected. `lazy`: compile no pattern yet;
   * `step()` then compiles one at a time (the editor does it between other work), and the
   * first `run` finishes what is left.
   */
  constructor(defs: readonly CheckDef[], lazy = false) {
    this.checks = defs;
    defs.forEach((def, c) => {
      for (const p of def.subjects) this.tasks.push([p, SUBJECT, c]);
      for (const p of def.claims) this.tasks.push([p, CLAIM, c]);
      for (const p of def.claimsBefore) this.tasks.push([p, BEFORE, c]);
      for (const p of def.unless) this.tasks.push([p, UNLESS, c]);
      const replace: Compiled['replace'] = [];
      for (const [from, to] of Object.entries(def.replace ?? {})) {
        const v = expandPattern(from);
        if (Array.isArray(v)) for (const words of v) replace.push({ words, to });
      }
      this.compiled.push({ def, hasSubject: def.subjects.length > 0, replace });
    });
    for (const h of HEDGES) this.tasks.push([h, HEDGE, -1]);
    if (!lazy) this.finish();
  }

  /** Compiles the next pattern; returns true when all are compiled. */
  step(): boolean {
    if (this.next < this.tasks.length) {
      const [pattern, role, check] = this.tasks[this.next++];
      this.add(pattern, role, check);
    }
    return this.next >= this.tasks.length;
  }

  /** Compiles whatever is left. */
  finish(): this {
    while (!this.step());
    return this;
  }

  private add(pattern: string, role: number, check: number): void {
    const variants = expandPattern(pattern);
    if (!Array.isArray(variants)) throw new Error(`${this.checks[check]?.id ?? 'hedges'}: ${variants.message}`);
    for (const words of variants) {
      const k = `${role}\0${words.join('\0')}`;
      const s = this.seqs.get(k);
      if (s) {
        if (!s.checks.includes(check)) s.checks.push(check);
        continue;
      }
      const seq: Sequence = { words, role, checks: [check] };
      this.seqs.set(k, seq);
      put(this.exact, words[0], words.length > 1 ? prefix(words[1]) : '', seq);
      put(this.loose, prefix(words[0]), words[0], seq);
    }
  }

  /** The findings in `text`, in order. See index.ts for the options. */
  run(text: string, options: CheckOptions = {}): Finding[] {
    this.finish();
    const enabled = options.enabled ?? {};
    const on = this.compiled.map((c) => enabled[c.def.id] !== false && enabled[c.def.id.replace(/^check\./, '')] !== false);
    if (!on.some(Boolean)) return [];
    const prose = options.prose ?? defaultProse(options.languageId, options.fileName);
    const t = proseTokens(text, proseRanges(text, prose, options.languageId, options.fileName));
    const found: Pending[] = [];
    this.scan(t, on, found);
    found.sort((p, q) => p.from - q.from || p.check - q.check);
    if (!found.length) return [];
    const lines = lineIndex(text);
    // a claim quoted on its own ("VMware VirtualBox") is mentioned, not made
    const isQuote = (c: string) => c !== '' && QUOTES.includes(c);
    const quoted = (p: Pending) => isQuote(text.charAt(t.start[p.from] - 1)) && isQuote(text.charAt(t.end[p.to - 1]));
    return found.filter((p) => !quoted(p)).map((p) => {
      const c = this.compiled[p.check];
      const start = t.start[p.from];
      const end = t.end[p.to - 1];
      const pos = lines.position(start);
      const replacement = this.replacement(text, t, p, c);
      return {
        checkId: c.def.id,
        severity: c.def.severity,
        start,
        end,
        line: pos.line,
        column: pos.character,
        message: c.def.explanation,
        correct: c.def.correct,
        ...(replacement !== undefined ? { replacement } : {}),
        sources: c.def.sources,
      };
    });
  }

  /** Length in tokens of `s` matched at token `i`, or 0. */
  private matchAt(t: Tokens, i: number, s: Sequence): number {
    const w = s.words;
    let j = 0;
    let k = i;
    while (j < w.length) {
      if (k >= t.count || t.kind[k] === BREAK) return 0;
      let a = w[j];
      let b = t.key[k];
      this.steps++;
      // one token may be several pattern words run together (`virtualbox`), or the reverse
      while (a !== b) {
        if (a.length < b.length && b.startsWith(a) && j + 1 < w.length) a += w[++j];
        else if (b.length < a.length && a.startsWith(b) && k + 1 < t.count && t.glued[k + 1]) b += t.key[++k];
        else if (j === w.length - 1 && t.kind[k] === WORD && (b === `${a}s` || b === `${a}es`)) break;
        else return 0;
        this.steps++;
      }
      j++;
      k++;
    }
    if (k < t.count && t.glued[k]) return 0;
    return k - i;
  }

  private scan(t: Tokens, on: boolean[], out: Pending[]): void {
    const n = this.compiled.length;
    let pending: Pending[] = [];
    let hedged = false;
    const unless = new Uint8Array(n);
    const beforeFrom = new Int32Array(n).fill(-1);
    const beforeTo = new Int32Array(n).fill(-1);
    let subjFrom = -1;
    let subjTo = -1;
    let subjChecks: number[] = [];
    let lastClause = -1;
    let words = 0;
    const wordAt = new Int32Array(t.count + 1);
    const gapOk = (from: number, to: number, within: number) => wordAt[to] - wordAt[from] <= within && !(lastClause >= from && lastClause < to);
    const flush = (question: boolean) => {
      // of overlapping findings of one check keep the longest; each once
      pending.sort((p, q) => p.check - q.check || p.from - q.from || q.to - p.to);
      let check = -1;
      let reach = -1;
      for (const p of pending) {
        if (p.check !== check) {
          check = p.check;
          reach = -1;
        }
        if (p.to <= reach) continue;
        reach = p.to;
        const c = this.compiled[p.check];
        if (c.def.hedges && (hedged || question)) continue;
        if (unless[p.check]) continue;
        out.push(p);
      }
      pending = [];
      hedged = false;
      unless.fill(0);
      beforeFrom.fill(-1);
      beforeTo.fill(-1);
      subjFrom = subjTo = -1;
      subjChecks = [];
      lastClause = -1;
    };
    const lists: Sequence[][] = [];
    for (let i = 0; i < t.count; i++) {
      wordAt[i] = words;
      const kind = t.kind[i];
      if (kind === BREAK) {
        flush(t.question[i] === 1);
        continue;
      }
      if (kind === WORD) words++;
      if (t.glued[i]) continue;
      const key = t.key[i];
      lists.length = 0;
      const byNext = this.exact.get(key);
      if (byNext) {
        const one = byNext.get('');
        if (one) lists.push(one);
        if (i + 1 < t.count && t.kind[i + 1] !== BREAK) {
          const next = t.key[i + 1];
          const two = byNext.get(prefix(next.length < 3 && i + 2 < t.count && t.glued[i + 2] ? next + t.key[i + 2] : next));
          if (two) lists.push(two);
        }
      }
      this.addLoose(lists, prefix(key), key);
      if (key.length < 3 && i + 1 < t.count && t.glued[i + 1]) this.addLoose(lists, prefix(key + t.key[i + 1]), key);
      for (const list of lists) {
        for (const s of list) {
          const len = this.matchAt(t, i, s);
          if (!len) continue;
          const end = i + len;
          if (s.role === HEDGE) hedged = true;
          else if (s.role === UNLESS) for (const c of s.checks) unless[c] = 1;
          else if (s.role === SUBJECT) {
            if (!(subjTo === end && subjFrom >= 0 && subjFrom < i)) {
              subjFrom = i;
              subjTo = end;
              subjChecks = s.checks;
            }
            for (const c of s.checks) {
              if (on[c] && beforeTo[c] >= 0 && gapOk(beforeTo[c], i, this.compiled[c].def.within)) pending.push({ check: c, from: beforeFrom[c], to: end });
            }
          } else if (s.role === CLAIM) {
            for (const c of s.checks) {
              if (!on[c]) continue;
              if (!this.compiled[c].hasSubject) pending.push({ check: c, from: i, to: end });
              else if (subjTo >= 0 && subjTo <= i && subjChecks.includes(c) && gapOk(subjTo, i, this.compiled[c].def.within)) pending.push({ check: c, from: subjFrom, to: end });
            }
          } else if (s.role === BEFORE) {
            for (const c of s.checks) {
              beforeFrom[c] = i;
              beforeTo[c] = end;
            }
          }
        }
      }
      if (CLAUSE.has(key) && (kind === WORD || kind === PUNCT)) lastClause = i;
    }
    wordAt[t.count] = words;
  }

  /** Adds the sequences whose first word starts with `key` or is its start, other than `key` itself. */
  private addLoose(lists: Sequence[][], p: string, key: string): void {
    const byFirst = this.loose.get(p);
    if (!byFirst) return;
    for (const [first, list] of byFirst) if (first !== key && (first.startsWith(key) || key.startsWith(first))) lists.push(list);
  }

  /** The text for the quick fix: the found text with the check's replacements made, or undefined. */
  private replacement(text: string, t: Tokens, p: Pending, c: Compiled): string | undefined {
    if (!c.replace.length) return undefined;
    const start = t.start[p.from];
    let out = '';
    let at = start;
    let changed = false;
    for (let i = p.from; i < p.to; ) {
      let used = 0;
      for (const r of c.replace) {
        const len = this.matchAt(t, i, { words: r.words, role: CLAIM, checks: [] });
        if (!len || i + len > p.to || (i > p.from && t.glued[i])) continue;
        let to = t.end[i + len - 1];
        if (/^['’][sS]$/.test(text.slice(to - 2, to)) && !/s$/.test(r.words[r.words.length - 1])) to -= 2;
        const original = text.slice(t.start[i], to);
        out += text.slice(at, t.start[i]) + adaptCase(original, r.to);
        at = to;
        used = len;
        changed = true;
        break;
      }
      i += used || 1;
    }
    if (!changed) return undefined;
    out += text.slice(at, t.end[p.to - 1]);
    return out === text.slice(start, t.end[p.to - 1]) ? undefined : out;
  }
}

/** `layer` → `type`, `LAYER` → `TYPE`, anything else → the replacement as written. */
function adaptCase(original: string, to: string): string {
  if (original === original.toLowerCase() && original !== original.toUpperCase()) return to.toLowerCase();
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return to.toUpperCase();
  return to;
}
