/**
 * The content compiler: reads content/**\/*.md (YAML front matter + Markdown body), checks
 * every entry and every reference, and returns the knowledge base or `file:line: message`s.
 * The rules live in src/core/glossary/, shared with workspace glossaries; esbuild.mjs does the I/O.
 */
export { compile } from '../src/core/glossary/compile';
export { formatProblem, parseEntry, retiredSource, type CompileResult, type Problem, type SourceFile } from '../src/core/glossary/entry';
export { decodeEntryFile } from '../src/core/glossary/decode';
