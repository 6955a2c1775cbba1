import { aliasForms } from '../matching/alias';
import { tokenize } from '../matching/tokenize';
import { english, fill, messages, type Translate } from '../l10n';
import { LIMITS } from './limits';

/**
 * Ordinary English words: as an alias each would light up prose and comments everywhere, so an
 * entry must list it under `generic` (then it only matches near a specific term).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all also an and any are as at back be been before being below between both but by can ' +
    'come could day did do does down each even every few first for from get give go good had has have he her here him ' +
    'his how i if in into is it its just know last like little long look make man many may me more most much must my ' +
    'new no not now of off old on once one only or other our out over own part people place right same say see she ' +
    'should show so some still such take than that the their them then there these they thing think this those through ' +
    'time to too two under up us use used very want was way we well were what when where which while who why will with ' +
    'work would year you your ' +
    'system systems service services server servers network networks disk disks file files data memory process ' +
    'processes thread threads user users group groups name names value values type types list table state status ' +
    'start stop run running test tests config configuration setting settings option options default mode level page ' +
    'pages node nodes cluster clusters pool pools switch switches port ports bridge link links path paths storage ' +
    'volume volumes store device devices driver drivers host hosts guest guests machine machines image images kernel ' +
    'instance instances template templates backup backups snapshot snapshots domain domains container containers ' +
    'partition partitions agent agents tool tools client clients manager admin team lab prod production staging dev ' +
    'build release version update main master primary secondary local remote public private shared'
  ).split(' '),
);

/** Regex syntax that the term engine would read as punctuation and drop or split on. */
const REGEX_LIKE = /\\[dDwWsSbB.+*?()[\]{}|^$]|[*?|^[\]{}()]|\.[*+?]|\$$/;
/** Trailing characters that change what an alias means but that the engine drops (`c++` is read as `c`). */
const MEANINGFUL_TRAILING = /[+#*?)\]}\\|^$%&!@~]+$/;
const MEANINGFUL_LEADING = /^[#*?([{\\|^%&!@~]/;

const words = messages({
  /** {0}: its length, {1}: the limit */
  tooLong: 'alias of {0} characters: keep aliases under {1}',
  /** {0}: the alias */
  multiline: 'alias `{0}` spans lines: write it on one line',
  /** {0}: the alias */
  noLetters: 'alias `{0}` has no letters or digits',
  /** {0}: the alias */
  pattern: 'alias `{0}` contains pattern syntax or punctuation the term engine drops (it would match something else): write the term as it appears in files, letters, digits and - _ . / : = , only',
  /** {0}: the alias, {1}: its pieces, {2}: the limit */
  tooManyPieces: 'alias `{0}` has {1} word pieces: keep aliases to {2} or fewer',
  /** {0}: the alias */
  common: 'alias `{0}` is a common English word: list it under `generic` too, so it only matches near a specific term',
});

/**
 * What is wrong with an alias, or undefined. `generic`: the entry's generic aliases, lower case.
 */
export function aliasProblem(alias: string, generic: ReadonlySet<string>, t: Translate = english): string | undefined {
  const w = words(t);
  const text = alias.trim();
  if (text.length > LIMITS.aliasChars) return fill(w.tooLong, text.length, LIMITS.aliasChars);
  if (/[\r\n\u2028\u2029]/.test(alias)) return fill(w.multiline, oneLine(text));
  if (aliasForms(text).length === 0) return fill(w.noLetters, oneLine(text));
  if (REGEX_LIKE.test(text) || MEANINGFUL_TRAILING.test(text) || MEANINGFUL_LEADING.test(text)) return fill(w.pattern, oneLine(text));
  const tokens = tokenize(text).length;
  if (tokens > LIMITS.aliasTokens) return fill(w.tooManyPieces, oneLine(text), tokens, LIMITS.aliasTokens);
  const lower = text.toLowerCase();
  const singular = lower.replace(/(?:es|s)$/, '');
  if ((COMMON_WORDS.has(lower) || COMMON_WORDS.has(singular)) && !generic.has(lower)) return fill(w.common, text);
  return undefined;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').replace(/`/g, "'");
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
