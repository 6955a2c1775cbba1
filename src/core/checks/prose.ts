/**
 * Where a document holds prose: all of a Markdown, reStructuredText, AsciiDoc or plain-text
 * file except its code blocks and front matter; only the comments of a code file, never its
 * strings. One linear pass either way.
 */
import type { ProseMode } from './types';

type Syntax = { line: string[]; block?: [string, string]; hashAtWordStart?: boolean; backtick?: boolean; noStrings?: boolean };

const C: Syntax = { line: ['//'], block: ['/*', '*/'], backtick: true };
const HASH: Syntax = { line: ['#'], hashAtWordStart: true };
const SYNTAX: Record<string, Syntax> = {
  c: C,
  hash: HASH,
  hcl: { line: ['#', '//'], block: ['/*', '*/'], hashAtWordStart: true },
  powershell: { line: ['#'], block: ['<#', '#>'], hashAtWordStart: true },
  ini: { line: ['#', ';'], hashAtWordStart: true, noStrings: true },
  xml: { line: [], block: ['<!--', '-->'], noStrings: true },
  dash: { line: ['--'], block: ['/*', '*/'] },
  bat: { line: ['REM ', 'rem ', '::'] },
  css: { line: [], block: ['/*', '*/'] },
};

const LANGUAGES: Record<string, string> = {
  javascript: 'c', typescript: 'c', javascriptreact: 'c', typescriptreact: 'c', c: 'c', cpp: 'c', csharp: 'c', java: 'c', go: 'c', rust: 'c',
  swift: 'c', kotlin: 'c', scala: 'c', dart: 'c', jsonc: 'c', php: 'c', groovy: 'c', proto: 'c', 'objective-c': 'c',
  css: 'css', scss: 'c', less: 'c',
  shellscript: 'hash', python: 'hash', ruby: 'hash', yaml: 'hash', toml: 'hash', perl: 'hash', r: 'hash', makefile: 'hash', dockerfile: 'hash',
  ansible: 'hash', 'xen-xl': 'hash', 'vmware-vmx': 'hash', coffeescript: 'hash', elixir: 'hash', nix: 'hash', cmake: 'hash',
  terraform: 'hcl', hcl: 'hcl', powershell: 'powershell', ini: 'ini', properties: 'ini',
  xml: 'xml', html: 'xml', xsl: 'xml', svg: 'xml', vue: 'xml',
  sql: 'dash', lua: 'dash', haskell: 'dash', bat: 'bat',
};
const EXTENSIONS: Record<string, string> = {
  js: 'c', mjs: 'c', cjs: 'c', ts: 'c', mts: 'c', cts: 'c', jsx: 'c', tsx: 'c', c: 'c', h: 'c', cc: 'c', cpp: 'c', hpp: 'c', cs: 'c', java: 'c', go: 'c', rs: 'c',
  swift: 'c', kt: 'c', scala: 'c', dart: 'c', jsonc: 'c', php: 'c', groovy: 'c', proto: 'c', css: 'css', scss: 'c', less: 'c',
  sh: 'hash', bash: 'hash', zsh: 'hash', py: 'hash', rb: 'hash', yml: 'hash', yaml: 'hash', toml: 'hash', pl: 'hash', r: 'hash', mk: 'hash', nix: 'hash', vmx: 'hash',
  tf: 'hcl', tfvars: 'hcl', hcl: 'hcl', ps1: 'powershell', psm1: 'powershell', psd1: 'powershell', ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'ini',
  xml: 'xml', html: 'xml', htm: 'xml', xsl: 'xml', svg: 'xml', vue: 'xml', vbox: 'xml', sql: 'dash', lua: 'dash', hs: 'dash', bat: 'bat', cmd: 'bat',
};
const PROSE_LANGUAGES = new Set(['markdown', 'plaintext', 'restructuredtext', 'asciidoc', 'text']);
const PROSE_EXTENSIONS = new Set(['md', 'markdown', 'mdx', 'txt', 'text', 'rst', 'adoc', 'asciidoc']);
const NAMES: Record<string, string> = { dockerfile: 'hash', makefile: 'hash', vagrantfile: 'hash', containerfile: 'hash', gemfile: 'hash', rakefile: 'hash' };

function extension(fileName: string | undefined): string {
  const base = (fileName ?? '').replace(/\\/g, '/').split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function syntaxOf(languageId: string | undefined, fileName: string | undefined): Syntax | undefined {
  const byLanguage = languageId ? LANGUAGES[languageId] : undefined;
  if (byLanguage) return SYNTAX[byLanguage];
  const base = ((fileName ?? '').replace(/\\/g, '/').split('/').pop() ?? '').toLowerCase();
  const key = EXTENSIONS[extension(fileName)] ?? NAMES[base];
  return key ? SYNTAX[key] : undefined;
}

/** 'all' for prose documents and for text of unknown kind; 'comments' for code whose comments we can find. */
export function defaultProse(languageId?: string, fileName?: string): ProseMode {
  if (languageId && PROSE_LANGUAGES.has(languageId)) return 'all';
  if (!languageId && PROSE_EXTENSIONS.has(extension(fileName))) return 'all';
  return syntaxOf(languageId, fileName) ? 'comments' : 'all';
}

/** The [start, end) ranges of prose in `text`, sorted. */
export function proseRanges(text: string, mode: ProseMode, languageId?: string, fileName?: string): [number, number][] {
  if (mode === 'comments') {
    const syntax = syntaxOf(languageId, fileName);
    return syntax ? commentRanges(text, syntax) : [];
  }
  return documentRanges(text, languageId, fileName);
}

/** The whole text but fenced code (```, ~~~, AsciiDoc ----/....), literal `::` blocks and front matter. */
function documentRanges(text: string, languageId?: string, fileName?: string): [number, number][] {
  const rst = languageId === 'restructuredtext' || extension(fileName) === 'rst';
  const out: [number, number][] = [];
  let from = 0;
  let i = 0;
  let fence = '';
  let literalIndent = -1; // inside an rST literal block: lines indented at least this much
  let expectLiteral = false;
  const n = text.length;
  // front matter: `---` on the first line up to the next `---`
  if (text.startsWith('---\n') || text.startsWith('---\r\n')) {
    const close = text.search(/\r?\n---\s*(\r?\n|$)/);
    if (close > 0) {
      const after = text.indexOf('\n', close + 4);
      i = from = after < 0 ? n : after + 1;
    }
  }
  while (i < n) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = n;
    let s = i;
    while (s < eol && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
    const indent = s - i;
    const line = text.slice(s, Math.min(eol, s + 8)).replace(/\r$/, '');
    if (fence) {
      if (line.startsWith(fence)) {
        fence = '';
        from = eol + 1;
      }
    } else if (literalIndent >= 0) {
      if (s < eol && text.charCodeAt(s) !== 13 && indent < literalIndent) {
        literalIndent = -1;
        from = i;
        continue;
      }
    } else {
      const m = /^(```|~~~|----|\.\.\.\.)/.exec(line);
      if (m) {
        if (from < i) out.push([from, i]);
        fence = m[1];
      } else if (expectLiteral && s < eol && text.charCodeAt(s) !== 13 && indent > 0) {
        if (from < i) out.push([from, i]);
        literalIndent = indent;
        expectLiteral = false;
      } else if (s < eol && text.charCodeAt(s) !== 13) {
        expectLiteral = false;
      }
      if (rst && !fence && literalIndent < 0 && /::\s*$/.test(text.slice(Math.max(i, eol - 4), eol))) expectLiteral = true;
    }
    i = eol + 1;
  }
  if (!fence && literalIndent < 0 && from < n) out.push([from, n]);
  return out;
}

/** Comment bodies (without their leaders), one range per line, skipping strings. */
function commentRanges(text: string, syntax: Syntax): [number, number][] {
  const out: [number, number][] = [];
  const n = text.length;
  const pushLines = (from: number, to: number) => {
    // one range per line, each without its leading spaces and `*`
    let a = from;
    while (a < to) {
      let e = text.indexOf('\n', a);
      if (e < 0 || e > to) e = to;
      let s = a;
      while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      if (text.charCodeAt(s) === 42 && text.charCodeAt(s + 1) !== 47) s++;
      if (s < e) out.push([s, e]);
      a = e + 1;
    }
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (syntax.block && text.startsWith(syntax.block[0], i)) {
      const close = text.indexOf(syntax.block[1], i + syntax.block[0].length);
      const end = close < 0 ? n : close;
      pushLines(i + syntax.block[0].length, end);
      i = close < 0 ? n : close + syntax.block[1].length;
      continue;
    }
    let leader = '';
    for (const l of syntax.line) {
      if (text.startsWith(l, i)) {
        leader = l;
        break;
      }
    }
    if (leader && leader.startsWith('#') && syntax.hashAtWordStart && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (!(p === 32 || p === 9 || p === 10 || p === 13)) leader = '';
    }
    if (leader) {
      let e = text.indexOf('\n', i);
      if (e < 0) e = n;
      let s = i + leader.length;
      while (s < e && text.charCodeAt(s) === leader.charCodeAt(0)) s++; // `///`, `##`
      if (s < e) out.push([s, e]);
      i = e;
      continue;
    }
    if (!syntax.noStrings && (c === 34 || c === 39 || (c === 96 && syntax.backtick))) {
      // a string: to its closing quote; ' and " end at a line break too
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === c) break;
        else if (d === 10 && c !== 96) break;
        else j++;
      }
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** Whether a file is prose, code whose comments can be found, or of a kind the checks do not know. */
export function fileKind(languageId?: string, fileName?: string): 'prose' | 'code' | undefined {
  if (languageId ? PROSE_LANGUAGES.has(languageId) : PROSE_EXTENSIONS.has(extension(fileName))) return 'prose';
  return syntaxOf(languageId, fileName) ? 'code' : undefined;
}
