/**
 * The YAML of a front matter, read the same way for entries and checks: parse errors and a
 * non-map at their lines, each field's line, and unknown fields reported.
 */
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { english, fill, messages, type Translate } from '../l10n';

const words = messages({
  /** {0}: what is wrong (one of the reasons below) */
  malformed: 'malformed front matter: {0}',
  /** {0}: what is wrong (one of the reasons below), {1}: a column number */
  malformedAt: 'malformed front matter: {0} (column {1})',
  notFieldLines: 'malformed front matter: expected `field: value` lines',
  anchor: 'a YAML anchor or alias (`&name`, `*name`) is used wrongly',
  directive: 'a YAML directive (`%…`) is not allowed in front matter',
  escape: 'a backslash escape in a double-quoted value is not valid',
  indent: 'the indentation is wrong: line up the items of a list or a map',
  tab: 'a tab is used to indent; YAML indents with spaces',
  tag: 'a YAML tag (`!…`) is not allowed or not known here',
  reserved: 'a value starts with a character YAML reserves (such as `@` or a backquote): put it in quotes',
  key: 'a field name must be short text on one line',
  flowBlock: 'a list or map in brackets or braces holds an indented block',
  duplicate: 'a field is given twice',
  missing: 'a closing quote, bracket or brace, or a separator, is missing',
  unexpected: 'unexpected text here; a value holding `: ` or ` #` needs quotes',
  documents: 'the front matter holds more than one YAML document',
  aliases: 'its YAML aliases expand into too much data',
  other: 'the YAML cannot be read',
});

type Words = ReturnType<typeof words>;
/** The parser's error codes (yaml's ErrorCode), in our words so they can be translated. */
const REASONS: Record<string, keyof Words> = {
  ALIAS_PROPS: 'anchor',
  BAD_ALIAS: 'anchor',
  MULTIPLE_ANCHORS: 'anchor',
  BAD_DIRECTIVE: 'directive',
  BAD_DQ_ESCAPE: 'escape',
  BAD_INDENT: 'indent',
  TAB_AS_INDENT: 'tab',
  BAD_PROP_ORDER: 'tag',
  MULTIPLE_TAGS: 'tag',
  TAG_RESOLVE_FAILED: 'tag',
  BAD_COLLECTION_TYPE: 'tag',
  BAD_SCALAR_START: 'reserved',
  BLOCK_AS_IMPLICIT_KEY: 'key',
  MULTILINE_IMPLICIT_KEY: 'key',
  KEY_OVER_1024_CHARS: 'key',
  NON_STRING_KEY: 'key',
  BLOCK_IN_FLOW: 'flowBlock',
  DUPLICATE_KEY: 'duplicate',
  MISSING_CHAR: 'missing',
  UNEXPECTED_TOKEN: 'unexpected',
  MULTIPLE_DOCS: 'documents',
  RESOURCE_EXHAUSTION: 'aliases',
};

/** A parser error as a problem message, translated: `code` is yaml's ErrorCode, if it has one. */
export function yamlReason(code: unknown, column: number | undefined, t: Translate = english): string {
  const w = words(t);
  const reason = w[(typeof code === 'string' && REASONS[code]) || 'other'];
  return column === undefined ? fill(w.malformed, reason) : fill(w.malformedAt, reason, column);
}

export interface FrontMatter {
  doc: Document.Parsed;
  /** the document's top-level map */
  map: YAMLMap;
  /** line of each top-level field, 1-based in the file */
  fieldLines: Map<string, number>;
  /** the file line of a YAML offset */
  lineOf: (offset: number | undefined) => number;
}

/**
 * Parses `yamlText` (the lines after the opening `---`); `report(line, message)` gets every
 * problem and `unknown(key)` says what to report for a field that is not allowed, if anything.
 * Returns undefined when the YAML cannot be used.
 */
export function readFrontMatter(yamlText: string, report: (line: number, message: string) => void, unknown: (key: string) => string | undefined, t: Translate = english): FrontMatter | undefined {
  const w = words(t);
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line + 1);
  if (doc.errors.length) {
    for (const e of doc.errors) report(lineOf(e.pos[0]), yamlReason(e.code, counter.linePos(e.pos[0]).col, t));
    return undefined;
  }
  if (!isMap(doc.contents)) {
    report(2, w.notFieldLines);
    return undefined;
  }
  const fieldLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf((pair.key as YamlNode | null)?.range?.[0]);
    fieldLines.set(key, line);
    const problem = unknown(key);
    if (problem) report(line, problem);
  }
  return { doc, map: doc.contents, fieldLines, lineOf };
}
