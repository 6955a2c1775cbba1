import { ALL_CAPS, HAS_LETTER, PLURAL, lowerCode, separatorKey, tokenize, type Token } from './tokenize';

/**
 * An alias as the trie stores it: the first piece's lower-case text, then each further piece
 * prefixed by the separator key it needs (' ' loose, '-' hyphen required, '.', ...).
 */
export interface AliasForm {
  keys: string[];
  /** ALL-CAPS alias: the text must be ALL CAPS too. */
  strict: boolean;
  /**
   * A short lower-case alias (`ept`, `tcg`, `vhd`): the text must be lower case or ALL CAPS,
   * so `Ept` and `Vhd` in identifiers and encoded data are not read as terms.
   */
  lowerOnly: boolean;
  /**
   * An alias written as a command-line flag (`-m`, `-monitor`): one lower-case piece that the
   * text must write with the same single `-` in front, as an option of its own.
   */
  flag: boolean;
}

/** PowerShell's approved verbs that appear in virtualization scripts. */
const VERBS = new Set(
  (
    'add checkpoint clear compare complete connect convert copy debug disable disconnect dismount enable ' +
    'export get grant import install invoke measure merge mount move new optimize remove rename repair ' +
    'reset resize restart restore resume revoke save set start stop suspend test uninstall unregister ' +
    'register update wait'
  ).split(' '),
);

const LEADING = /^[^A-Za-z0-9]+/;
/** a flag alias: one `-` and one lower-case piece (`-m`, `-cpu`, `-monitor`) */
const FLAG = /^-[a-z][a-z0-9]*$/;

/** The key an alias's `generic` and `aliasScopes` entries are found under: a flag (`-vga`) is not its bare word (`vga`). */
export function scopeKey(alias: string): string {
  return (FLAG.test(alias.trim()) ? '-' : '') + cleanAlias(alias).toLowerCase();
}
const TRAILING = /[^A-Za-z0-9]+$/;

/** The alias as written, without leading `-`, `--`, `$`, `<`, `/` or trailing punctuation. */
export function cleanAlias(alias: string): string {
  return alias.replace(LEADING, '').replace(TRAILING, '');
}

/** Lower-cases code unit by code unit, exactly as the matcher folds text. */
function lower(s: string): string {
  // printable ASCII (nearly every alias) lower-cases the same either way, in one flat string
  if (!/[^\u0020-\u007e]/.test(s)) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(lowerCode(s.charCodeAt(i)));
  return out;
}

/** The forms under which an alias is stored; empty for an alias with no letters or digits. */
export function aliasForms(alias: string): AliasForm[] {
  const text = cleanAlias(alias);
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const cmdlet = /^[A-Z][a-z]+-[A-Z]/.test(text) && VERBS.has(text.slice(tokens[0].start, tokens[0].end).toLowerCase());
  let strict = false;
  let letters = false;
  for (const t of tokens) {
    if (t.flags & HAS_LETTER) {
      letters = true;
      strict = true;
    }
  }
  if (letters) strict = tokens.every((t) => !(t.flags & HAS_LETTER) || t.flags & ALL_CAPS);
  // A single capital letter (`V` in `Hyper-V`) does not make an alias an acronym.
  if (strict && !tokens.some((t) => t.flags & HAS_LETTER && t.end - t.start >= 2)) strict = false;
  if (strict && /[a-z]/.test(text)) strict = false;

  // an acronym written as a plural (`VSPs`) is stored as its singular, as the text is read
  const piece = (t: Token) => lower(text.slice(t.start, t.flags & PLURAL ? t.end - 1 : t.end));
  const keys: string[] = [piece(tokens[0])];
  for (let i = 1; i < tokens.length; i++) {
    let sep = separatorKey(text, tokens[i - 1].end, tokens[i].start);
    if (sep === '-') sep = cmdlet && i === 1 ? '-' : ' ';
    if (sep === '') sep = text.slice(tokens[i - 1].end, tokens[i].start);
    keys.push(sep + piece(tokens[i]));
  }
  const flag = FLAG.test(alias.trim());
  const lowerOnly = tokens.length === 1 && text.length <= 4 && !/[A-Z]/.test(text);
  const forms: AliasForm[] = [{ keys, strict: flag ? false : strict, lowerOnly: flag ? false : lowerOnly, flag }];
  // Pieces joined loosely may also be run together: `Hyper-V` → `hyperv`,
  // `Set-VMProcessor` → `set-vmprocessor` (a cmdlet keeps its hyphen).
  const squashed: string[] = [];
  for (const k of keys) {
    if (squashed.length && k[0] === ' ') squashed[squashed.length - 1] += k.slice(1);
    else squashed.push(k);
  }
  if (squashed.length < keys.length) forms.push({ keys: squashed, strict, lowerOnly: false, flag: false });
  return forms;
}

/** One string that identifies what an alias matches, for finding aliases claimed twice. */
export function aliasSignature(alias: string): string {
  const forms = aliasForms(alias);
  return forms.length ? (forms[0].flag ? '-' : '') + forms[0].keys.join('') : '';
}
