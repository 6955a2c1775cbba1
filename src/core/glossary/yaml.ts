/**
 * The YAML of a front matter, read the same way for entries and checks: parse errors and a
 * non-map at their lines, each field's line, and unknown fields reported.
 */
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { english, fill, messages, type Translate } from '../l10n';

const words = messages({
  /** {0}: the YAML parser's message (English) */
  malformed: 'malformed front matter: {0}',
  notFieldLines: 'malformed front matter: expected `field: value` lines',
});

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
    for (const e of doc.errors) report(lineOf(e.pos[0]), fill(w.malformed, e.message.split('\n')[0]!));
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
