/**
 * The CLI's own words, in English, translated by the locale chosen with `--locale` or
 * HYPERVISOR_ATLAS_LOCALE (./locale.ts). The same catalog as the extension's pure modules:
 * `npm run l10n` puts them into l10n/bundle.l10n.json. Content (entries, checks) stays English.
 */
import { english, messages, type Translate } from '../core/l10n';

const words = messages({
  usage: 'Usage:\n  hypervisor-atlas scan [--format text|json|ndjson|markdown] [--generic context|always|never] PATH...\n      Print every virtualization term found in the files. markdown prints a glossary of the\n      terms the files use, with summaries and sources, for a docs site.\n  hypervisor-atlas check [--format text|json|ndjson|sarif|github] [--fail-on error|warning|info|never]\n                         [--disable CHECK]... PATH...\n      Check docs (Markdown, reStructuredText, AsciiDoc, text) and code comments for common\n      virtualization misconceptions. In folders, files of other kinds are skipped; a file\n      named on the command line is read as prose unless its kind is known. Exits 1 when a\n      finding is at least as severe as --fail-on (default: warning). sarif is SARIF 2.1.0\n      (GitHub code scanning); github prints workflow annotations.\n  hypervisor-atlas check --list [--json]\n      Print the checks: id, severity and title.\n  hypervisor-atlas explain [--json] TERM\n      Print the entry TERM resolves to (an alias, title or id; PowerShell parameters\n      such as -ExposeVirtualizationExtensions work as they are). Exits 1 when none does.\n  hypervisor-atlas list [--json]\n      Print every entry of the knowledge base.\n  hypervisor-atlas --help | --version\n\nInput (scan and check): PATH may be a file, a folder (walked; .git and node_modules are\nskipped) or - for standard input. Binary files are skipped with a note; UTF-16 files with a\nbyte-order mark are read as UTF-16.\n  --exclude GLOB          leave out paths matching GLOB (repeatable; a GLOB without / matches\n                          a name at any depth, e.g. --exclude \'*.min.js\' --exclude \'vendor/**\')\n  --no-ignore             read files that .gitignore files leave out (they are honoured by default)\n  --max-file-size SIZE    skip larger files (default 64M; K, M and G suffixes)\n  --glossary DIR          add a team glossary folder of entry files (repeatable, any command);\n                          its problems are printed as file:line: message\n  --jobs N                read and match in N threads (default: one per core, at most 8)\n  --json                  the same as --format json\n  --locale LANG           print messages in LANG, from l10n/bundle.l10n.LANG.json where the\n                          package has one (default: HYPERVISOR_ATLAS_LOCALE, else English)\nLines and columns are 1-based; columns count UTF-16 code units, as VS Code does.\nExit codes: 0 done, 1 findings (check) or files that could not be read, 2 bad usage.',
  /** {0}: why the command line is wrong, {1}: the usage text */
  usageError: 'hypervisor-atlas: {0}\n\n{1}',
  maxFileSize: '--max-file-size takes a size such as 500K, 64M or 1G',
  /** {0}: an option */
  takesValue: '{0} takes a value',
  /** {0}: an option */
  unknownOption: 'unknown option {0}',
  /** {0}: an option, {1}: its values, such as `text, json` */
  takesOneOf: '{0} takes {1}',
  /** {0}: a command, {1}: an option */
  doesNotTake: '{0} does not take {1}',
  jobs: '--jobs takes a whole number from 1',
  scanNeedsPath: 'scan needs at least one PATH',
  explainNeedsTerm: 'explain needs a TERM',
  listNoArguments: 'list takes no arguments',
  checkNeedsPath: 'check needs at least one PATH (or --list)',
  noCommand: 'no command given',
  /** {0}: what was given */
  unknownCommand: 'unknown command {0}',
  /** {0}: the locale asked for, {1}: the file looked for */
  noTranslation: 'hypervisor-atlas: no translation for {0} ({1} not found): messages are in English',
  /** {0}: a check name */
  noCheck: '--disable: no check {0} (see check --list)',
  /** scan's summary on stderr; {0}: matches, {1}: files */
  scanSummary: '{0} match(es) in {1} file(s)',
  /** check's summary on stderr; {0}: findings, {1}: files, {2}: errors, {3}: warnings, {4}: infos */
  checkSummary: '{0} finding(s) in {1} file(s): {2} error(s), {3} warning(s), {4} info',
  glossaryRuleTitle: 'Team glossary entry that cannot be used',
  glossaryRuleExplanation: 'A glossary entry file breaks a rule of the entry format, so the whole file is left out of the glossary.',
  glossaryRuleCorrect: 'Fix the file as the message says; content/README.md describes the entry format.',
  /** {0}: the term asked for */
  noEntry: 'hypervisor-atlas: no entry for "{0}".',
  /** appended to noEntry; {0}: titles of near entries */
  didYouMean: ' Did you mean: {0}?',
  /** {0}: the entry's aliases */
  alsoWritten: 'Also written: {0}',
  /** {0}: the systems' titles */
  systems: 'Systems: {0}',
  /** {0}: the related entries' titles */
  related: 'Related: {0}',
  sources: 'Sources:',
  /** {0}: a path, {1}: why (cannotReadReason…) */
  cannotRead: 'hypervisor-atlas: cannot read {0}: {1}',
  /** {0}: a path */
  notRegularFile: 'hypervisor-atlas: skipped {0}: not a regular file',
  /** {0}: a path, {1}: its size, {2}: the limit */
  overSize: 'hypervisor-atlas: skipped {0}: {1} bytes, over --max-file-size {2}',
  /** {0}: a path, {1}: why (readBlocks, binaryFile…) */
  skipped: 'hypervisor-atlas: skipped {0}: {1}',
  standardInput: 'standard input',
  readBlocks: 'reading it would block',
  binaryFile: 'binary file',
  binaryData: 'binary data',
  /** {0}: the limit */
  overMax: 'over --max-file-size {0}',
  noSuchFile: 'no such file or directory',
  permissionDenied: 'permission denied',
  symlinkLoop: 'too many levels of symbolic links',
  /** a glossary folder that cannot be listed; {0}: why */
  cannotReadFolder: 'cannot read: {0}',
  symlinkNotFollowed: 'symbolic link: not followed',
  /** a SARIF fix; {0}: the replacement text */
  replaceWith: 'Replace with "{0}"',
  glossaryTitle: '# Virtualization glossary',
  /** {0}: how many terms, {1}: how many files */
  glossaryIntro: 'The {0} terms used in {1} file(s), explained. Generated by hypervisor-atlas from its bundled knowledge base.',
  /** {0}: times, {1}: files, {2}: links to the sources */
  glossaryUsed: 'Used {0} time(s) in {1} file(s). Sources: {2}',
  kindSystem: 'Systems',
  kindLayer: 'Layers',
  kindComponent: 'Components',
  kindConcept: 'Concepts',
  kindTool: 'Tools',
  kindFormat: 'Formats',
  kindSetting: 'Settings',
});

export type CliWords = ReturnType<typeof words>;

/** The CLI's words in the language of `t`. */
export const cliWords = (t: Translate = english): CliWords => words(t);
