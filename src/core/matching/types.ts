/** The engine's public shapes: what it reads of an entry, what it returns, how it is asked. */

/** What the matcher needs to know of an entry. */
export interface MatchableEntry {
  id: string;
  aliases: readonly string[];
  generic?: readonly string[];
  systems?: readonly string[];
  /** `setting` entries (config keys) get stricter rules for their generic words */
  kind?: string;
  /** contexts the entry matches in (`terraform`, `prose`, `hyperv`); `!name` excludes one */
  scopes?: readonly string[];
  /** the same for single aliases, keyed by the alias as written */
  aliasScopes?: Readonly<Record<string, readonly string[]>>;
}

export interface TermMatch {
  /** offsets into the scanned text; `end` is exclusive */
  start: number;
  end: number;
  /** the entry the match resolves to */
  id: string;
  /** every entry the matched alias belongs to, when it is ambiguous (the chosen one first) */
  candidates?: string[];
  /** matched through a generic alias (`host`, `driver`), kept because a specific term is near */
  generic?: boolean;
}

export type GenericPolicy = 'context' | 'always' | 'never';

export interface ScanOptions {
  /** when generic aliases may match: near a specific term (default), always, or never */
  generic?: GenericPolicy;
  /** stop after this many matches */
  limit?: number;
  /**
   * Systems the whole text is known to be about (a `.vmx` file is VMware's): their generic
   * words count without a specific term near them, and ambiguous words lean towards them.
   */
  systems?: readonly string[];
  /**
   * The document's contexts (its profile's tools, formats and systems). When given, scoped
   * entries and aliases match only in their scopes; when absent, scopes are not checked.
   */
  contexts?: readonly string[];
  /**
   * Parts of the text with contexts of their own, added to `contexts` there (a Packer
   * template's builder blocks); offsets into the scanned text, in order, not overlapping.
   */
  regions?: readonly ContextRegion[];
}

/** A part of a text and the contexts it adds. */
export interface ContextRegion {
  start: number;
  end: number;
  contexts: readonly string[];
  /** a block variable and the name aliases write it as: in `|v|` of a Hyper-V provider, `v.cpus` is matched as `hv.cpus` */
  receiver?: readonly [string, string];
}
