import { aliasForms } from '../../src/core/matching/alias';
import { CONTEXT_RADIUS, type MatchableEntry } from '../../src/core/matching/matcher';
import { ALL_CAPS, HAS_DIGIT, HAS_LETTER, PLURAL, charClass, separatorKey, tokenize, type Token } from '../../src/core/matching/tokenize';

/**
 * A reference matcher written for clarity, not speed: tokenize everything, then at each
 * token try every alias of every entry, piece by piece, and keep the longest; then drop
 * generic matches with no specific match near them. No trie, no streaming.
 */
export function referenceScan(entries: readonly MatchableEntry[], text: string): { start: number; end: number; ids: string[] }[] {
  const tokens = tokenize(text);
  const seps = tokens.map((t, i) => (i + 1 < tokens.length ? separatorKey(text, t.end, tokens[i + 1].start) : ''));
  const forms = entries.flatMap((e, index) =>
    e.aliases.flatMap((a) =>
      aliasForms(a).map((f) => ({ ...f, index, generic: (e.generic ?? []).map((g) => g.toLowerCase()).includes(a.toLowerCase()) })),
    ),
  );
  const lower = (t: Token) => text.slice(t.start, t.end).toLowerCase();
  /** an index is any number of up to six digits: `ethernet1` reads as `ethernet0`, `4` as `0` */
  const indexed = (t: Token) => (/(^|[^0-9])[0-9]{1,6}$/.test(lower(t)) ? lower(t).replace(/[0-9]+$/, '0') : undefined);
  let exactLast = false;
  /** the end offset if `key` (with its separator prefix) matches token i as the last piece; sets exactLast */
  const lastPiece = (key: string, t: Token): number | undefined => {
    const k = lower(t);
    exactLast = false;
    if (t.flags & PLURAL) return key === k.slice(0, -1) ? t.end : undefined;
    if (key === k) {
      exactLast = true;
      return t.end;
    }
    if (k.length >= 4 && k.endsWith('s') && !(t.flags & ALL_CAPS) && (key === k.slice(0, -1) || (k.endsWith('es') && key === k.slice(0, -2)))) return t.end;
    if (t.flags & HAS_DIGIT && t.flags & HAS_LETTER) {
      const letters = k.replace(/[0-9]+$/, '');
      if (letters && letters !== k && key === letters && !/^0[0-9]/.test(k.slice(letters.length))) return t.start + letters.length;
    }
    return undefined;
  };
  const raw: { start: number; end: number; ids: number[]; generic: boolean }[] = [];
  let i = 0;
  let skipEnd = 0;
  while (i < tokens.length) {
    // a repository path with a domain (`github.com/a/b`) holds no terms
    const t0 = tokens[i];
    if (t0.start < skipEnd) {
      i++;
      continue;
    }
    if ((t0.start === 0 || /[ \t"'=]/.test(text[t0.start - 1])) && /^\.[a-z]{2,6}\/[^/\s"']+\//.test(text.slice(t0.end, t0.end + 80))) {
      const rest = /^[^\s"')>\]<`]*/.exec(text.slice(t0.end, t0.end + 2048))![0];
      skipEnd = t0.end + rest.length;
      i++;
      continue;
    }
    let best: { end: number; last: number; ids: number[]; generic: boolean; exact: boolean } | undefined;
    for (const f of forms) {
      let ok = true;
      let allCaps = true;
      let end = -1;
      let exact = false;
      for (let p = 0; p < f.keys.length; p++) {
        const t = tokens[i + p];
        if (!t) {
          ok = false;
          break;
        }
        if (t.flags & HAS_LETTER && !(t.flags & ALL_CAPS)) allCaps = false;
        const key = p === 0 ? f.keys[0] : f.keys[p].slice(1);
        if (p > 0) {
          const want = f.keys[p][0];
          const have = seps[i + p - 1];
          if (!(have === want || (have === '-' && want === ' '))) {
            ok = false;
            break;
          }
        }
        if (p === f.keys.length - 1) {
          const e = lastPiece(key, t);
          if (e === undefined) ok = false;
          else {
            end = e;
            exact = exactLast;
          }
        } else if (t.flags & PLURAL || (lower(t) !== key && indexed(t) !== key)) ok = false;
        if (!ok) break;
      }
      const last = tokens[i + f.keys.length - 1];
      const mixed = last && /[A-Z]/.test(text.slice(last.start, last.end)) && !(last.flags & ALL_CAPS);
      if (!ok || (f.strict && !allCaps) || (f.lowerOnly && mixed)) continue;
      // a flag alias (`-m`): the exact lower-case word right after one `-` (or two, `--m`) that follows white
      // space, a quote, `(`, `[` or `,` (or starts the text)
      if (f.flag && !(exact && /^[a-z0-9]+$/.test(lower(last)) && text.slice(last.start, last.end) === lower(last) && /(^|[ \t\n\r"'([,])--?$/.test(text.slice(Math.max(0, last.start - 3), last.start)))) continue;
      const lastIndex = i + f.keys.length - 1;
      // longest first; at the same end the exact spelling beats a plural or digit form (`vcpus`
      // is its own key, not the plural of vCPU), then specific beats generic
      const better =
        !best || end > best.end || (end === best.end && (exact && !best.exact ? true : exact === best.exact && best.generic && !f.generic));
      const same = best && end === best.end && exact === best.exact && best.generic === f.generic;
      if (better) best = { end, last: lastIndex, ids: [f.index], generic: f.generic, exact };
      else if (same && !best!.ids.includes(f.index)) best!.ids.push(f.index);
    }
    // the whole identifier must be the term: no letter, `_` or `.` key part runs on at the
    // right, no letter or `_` at the left; a generic word also takes no `-` on either side or
    // `.` at its left
    if (best) {
      const g = best.generic;
      const start = tokens[i].start;
      // a word character is an ASCII letter or digit, or any other letter (é, ß, 中)
      const word = (i: number) => {
        const c = i >= 0 && i < text.length ? text.charCodeAt(i) : 0;
        return /[A-Za-z0-9]/.test(String.fromCharCode(c)) || (c >= 128 && charClass(c) !== 0);
      };
      // a digit fallback (`kvm` of `kvm64`) is checked after the digits: the whole word must end there
      const wordEnd = best.end + (/^[0-9]*/.exec(text.slice(best.end))![0].length);
      const r1 = text[wordEnd] ?? '';
      const l1 = text[start - 1] ?? '';
      const rightRuns = (c: number) => (c >= 128 ? charClass(c) !== 0 : /[A-Za-z]/.test(String.fromCharCode(c)));
      // a specific multi-piece term that starts a firmware or installer file name keeps its
      // card (`OVMF_VARS-1920x1080.fd`): the rest is digit-led or lower-case pieces up to .fd/.rom/.iso
      const run = /^[A-Za-z0-9._-]*/.exec(text.slice(best.end))![0];
      const fileName =
        !g &&
        !/[A-Za-z0-9._-]/.test(l1) &&
        /[-_.]/.test(text.slice(start, best.end)) &&
        run.length <= 64 &&
        /^([-_.]([0-9][A-Za-z0-9]*|[a-z][a-z0-9]*))*\.(fd|rom|iso)$/.test(run);
      if (
        (!fileName &&
          ((wordEnd < text.length && rightRuns(text.charCodeAt(wordEnd))) ||
          ((g ? /[-_.]/ : /[_.]/).test(r1) && word(wordEnd + 1)) ||
          word(start - 1) ||
          ((g ? /[-_.]/ : /_/).test(l1) && word(start - 2)) ||
          (!g && hyphenName(text, start, best.end)))) ||
        (inPath(text, start, best.end, g) && !fileName)
      ) {
        best = undefined;
      }
    }
    if (best) {
      raw.push({ start: tokens[i].start, end: best.end, ids: best.ids, generic: best.generic });
      i = best.last + 1;
      // a digit fallback ends inside its token; the rest of that token is not a new token
    } else i++;
  }
  const strong = raw.filter((m) => !m.generic);
  const systems = (ids: number[]) => new Set(ids.flatMap((x) => entries[x].systems ?? []));
  const vouches = (generic: number[], specific: number[]) => {
    const own = systems(generic);
    // any specific word vouches for a cross-cutting one, an ambiguous word too (`vm` by `Get-VM`)
    if (own.size === 0) return true;
    if (specific.length > 1) return false; // otherwise ambiguous words do not vouch
    // only a term of one system (or of VMware's ESXi and Workstation together) vouches for a system's word
    const theirs = [...systems(specific)];
    const single = theirs.length === 1 || (theirs.length > 1 && theirs.every((s) => s === 'esxi' || s === 'workstation'));
    return single && theirs.some((s) => own.has(s));
  };
  // a config key that is an ordinary word also needs `=` or `:` after it, or to be written as a
  // flag after a space, tab, line break, `(` or `-`, or as an XML element
  const keyPosition = (start: number, end: number) =>
    /^["'\] \t]{0,39}[=:]/.test(text.slice(end, end + 40)) || /(<\/?|(^|[ \t\n\r(-])-)$/.test(text.slice(Math.max(0, start - 2), start));
  const settingsOnly = (ids: number[]) => ids.every((x) => entries[x].kind === 'setting');
  return raw
    .filter(
      (m) =>
        !m.generic ||
        (strong.some((s) => s.end >= m.start - CONTEXT_RADIUS && s.start <= m.end + CONTEXT_RADIUS && vouches(m.ids, s.ids)) &&
          (!settingsOnly(m.ids) || keyPosition(m.start, m.end))),
    )
    .map((m) => ({ start: m.start, end: m.end, ids: m.ids.map((x) => entries[x].id).sort() }));
}

/** In prose, a lower-case alias that starts a name of three or more `-`-joined lower-case parts (`xen-save-devices-state`). */
function hyphenName(text: string, start: number, end: number): boolean {
  if (/[A-Z]/.test(text.slice(start, end))) return false;
  // a placeholder is a part too: `qemu-root-<domid>`
  const parts = (/^(?:-(?:<[a-z_]{1,31}>|[a-z0-9]*))*/.exec(text.slice(end))![0].match(/-(?:<[a-z_]+>|[a-z0-9]*)/g) ?? []).map((p) => p.slice(1)).slice(0, 8);
  const next = text[end + parts.reduce((n, p) => n + 1 + p.length, 0)] ?? '';
  const joining = ['to', 'and', 'or', 'in', 'on', 'of', 'by', 'for', 'the', 'a', 'an', 'per', 'vs', 'with'];
  if (parts.some((p) => p === '' || joining.includes(p))) return false;
  return parts.length >= 2 && !/[A-Z]/.test(next);
}

/**
 * Inside a file-system path, a file name or a bracketed label, and not an entry's own path: after
 * `\` (or before `\` and a capital or variable), a folder or part of the last segment of an absolute
 * path (not its extension, a kernel file system's object unless an ordinary word below its first level, a named file or a program in a bin folder), a module-qualified cmdlet stays, a `vm/$name` first folder,
 * a relative Markdown link target, the base of `name-part.ext`, part of `[lower-case-label]`. CamelCase folders (`ClusterStorage`) stay.
 */
function inPath(text: string, start: number, end: number, generic: boolean): boolean {
  const m = text.slice(start, end);
  if (/[/\\]/.test(m) || /[a-z][A-Z]/.test(m)) return false;
  const cmdlet = /^[A-Z][a-z]+-[A-Z][A-Za-z]+(?![\\A-Za-z0-9])/;
  if (text[start - 1] === '\\') return !cmdlet.test(text.slice(start, start + 64));
  if (/^\\[A-Z$%*]/.test(text.slice(end, end + 2)) && !cmdlet.test(text.slice(end + 1, end + 65))) return true;
  const stop = { test: (c: string) => c <= ' ' || '"\'`()[]=,;:|<>{}'.includes(c) };
  const seg = (from: number, step: number) => {
    let i = from;
    while (i + (step < 0 ? -1 : 0) >= 0 && i < text.length && Math.abs(i - from) < 512) {
      const c = text[step < 0 ? i - 1 : i];
      if (c === undefined || stop.test(c) || c === '/') break;
      i += step;
    }
    return i;
  };
  const a = seg(start, -1);
  const b = seg(end, 1);
  const slashBefore = text[a - 1] === '/';
  const slashAfter = text[b] === '/';
  let posix = false;
  if (slashBefore || slashAfter) {
    let r = a;
    while (r > 0 && a - r < 512 && !stop.test(text[r - 1])) r--;
    if (r > 1 && text.slice(r - 2, r) === '](') posix = true;
    else if (!(r > 0 && text[r - 1] === '<')) {
      if (!/^(\/|~|\.\/|\.\.)/.test(text.slice(r, r + 2))) posix = !slashBefore && slashAfter && text[b + 1] === '$';
      else if (/^\/(dev|sys|proc)\//.test(text.slice(r, r + 6)) && (!generic || a === r + 5)) posix = false;
      else if (slashAfter) posix = true;
      else if (text[start - 1] === '.' && b === end) posix = false;
      else posix = !(a === start && b === end && (/[._-]/.test(m) || /(^|\/)(s?bin|libexec)$/.test(text.slice(Math.max(r, a - 9), a - 1))));
    }
  }
  if (posix) return true;
  const file = !m.includes('.') && /^[A-Za-z0-9_-]+\.([A-Za-z0-9]{1,7})(?![A-Za-z0-9]|\.[A-Za-z0-9])/.exec(text.slice(end));
  if (file && FILE_EXTENSIONS.includes(file[1].toLowerCase())) return true;
  const left = /[A-Za-z0-9_-]*$/.exec(text.slice(0, start))![0];
  const right = /^[A-Za-z0-9_-]*/.exec(text.slice(end))![0];
  if (text[start - left.length - 1] === '[' && text[end + right.length] === ']' && (left + right).length > 0 && !/[A-Z]/.test(left + m + right)) return true;
  return false;
}
const FILE_EXTENSIONS = 'c h cc cpp hpp py go rs sh bash ps1 psm1 rb pl js ts json yaml yml xml toml conf cfg ini md txt log img iso qcow2 vmdk vhd vhdx raw ova ovf vmx nvram fd bin tf hcl service socket j2 tpl'.split(' ');
