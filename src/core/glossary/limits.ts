/**
 * Size limits for entry files, the same for bundled content and workspace glossaries. They are
 * far above what a real entry needs and low enough that no file can make parsing, matching or a
 * hover card slow.
 */
export const LIMITS = {
  /** characters in one file */
  fileChars: 128 * 1024,
  /** characters in an entry's body */
  bodyChars: 16 * 1024,
  /** characters in one alias */
  aliasChars: 80,
  /** word pieces in one alias (the engine reads pieces one by one) */
  aliasTokens: 6,
  /** aliases of one entry */
  aliasesPerEntry: 64,
  /** characters in a title, short form, label, setting value or any other one-line field */
  fieldChars: 200,
  /** sources, connections, values or related ids of one entry */
  listItems: 64,
  /** YAML aliases (`*name`) in one file's front matter */
  yamlAliases: 50,
  /** workspace glossary files read, over all folders */
  glossaryFiles: 2000,
  /** workspace glossary entries loaded */
  glossaryEntries: 2000,
} as const;
