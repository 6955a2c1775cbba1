/**
 * SARIF 2.1.0 for `check --format sarif`, as GitHub code scanning and other CI viewers read it:
 * one rule per check, one result per finding, paths relative to %SRCROOT% (the working
 * directory), columns in UTF-16 code units, and the safe replacement as a fix.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckDef, Severity } from '../core/checks/types';
import { fill, type Translate } from '../core/l10n';
import type { Located } from './check-text';
import { cliWords } from './words';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Writes the SARIF log as results come: the header, one result at a time, then the end. */
export function sarifWriter(checks: readonly CheckDef[], version: string, io: { out: (s: string) => void; t?: Translate }, cwd = process.cwd()) {
  const w = cliWords(io.t);
  const ruleIndex = new Map(checks.map((c, i) => [c.id, i]));
  const uri = (path: string) => {
    if (path === '-') return { uri: 'stdin' };
    const abs = resolve(cwd, path);
    const rel = relative(cwd, abs);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const head = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hypervisor-atlas',
            version,
            rules: checks.map((c) => ({
              id: c.id,
              name: c.id.replace(/^check\./, ''),
              shortDescription: { text: c.title },
              fullDescription: { text: c.explanation },
              help: {
                text: `${c.correct}\n\n${w.sources}\n${c.sources.map((s) => `- ${s.title}: ${s.url}`).join('\n')}`,
                markdown: `${c.correct}\n\n${w.sources}\n${c.sources.map((s) => `- [${s.title.replace(/[[\]]/g, '')}](${s.url})`).join('\n')}`,
              },
              ...(c.sources[0] ? { helpUri: c.sources[0].url } : {}),
              defaultConfiguration: { level: LEVEL[c.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: [] as unknown[],
      },
    ],
  };
  const text = JSON.stringify(head);
  const open = text.lastIndexOf('"results":[]') + '"results":['.length;
  io.out(text.slice(0, open));
  let n = 0;
  return {
    result(f: Located) {
      const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
      const artifactLocation = uri(f.path);
      const result = {
        ruleId: f.checkId,
        ...(ruleIndex.has(f.checkId) ? { ruleIndex: ruleIndex.get(f.checkId) } : {}),
        level: LEVEL[f.severity],
        message: { text: `${f.message} ${f.correct}` },
        locations: [{ physicalLocation: { artifactLocation, region: { ...region, snippet: { text: f.text } } } }],
        ...(f.replacement !== undefined
          ? { fixes: [{ description: { text: fill(w.replaceWith, f.replacement) }, artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text: f.replacement } }] }] }] }
          : {}),
      };
      io.out(`${n++ ? ',' : ''}\n${JSON.stringify(result)}`);
    },
    end() {
      io.out(`${text.slice(open)}\n`);
    },
  };
}
