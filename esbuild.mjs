// Builds every bundle: the knowledge base, the extension (Node and web worker), the CLI,
// the webview scripts and the test bundles. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const checkOnly = process.argv.includes('--check-content');
// --lenient: write the knowledge base even when content has problems (local work only).
const lenient = process.argv.includes('--lenient');

/** Compiles content/ into dist/knowledge.json; returns the problems found. */
export async function buildContent({ write = true, lenient = false } = {}) {
  await esbuild.build({
    entryPoints: ['build/content.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: 'out/build/content.cjs',
    logLevel: 'error',
  });
  const require = createRequire(import.meta.url);
  delete require.cache[require.resolve('./out/build/content.cjs')];
  const { compile, formatProblem, decodeEntryFile } = require('./out/build/content.cjs');
  const unreadable = [];
  const files = [];
  for (const f of walk('content', unreadable)) {
    if (!f.endsWith('.md') || f.endsWith(`${sep}README.md`) || f === join('content', 'README.md')) continue;
    const path = relative('.', f).split(sep).join('/');
    const decoded = decodeEntryFile(path, readFileSync(f));
    if ('problem' in decoded) unreadable.push(decoded.problem);
    else files.push({ path, text: decoded.text });
  }
  const compiled = compile(files);
  const kb = compiled.kb;
  const problems = [...unreadable, ...compiled.problems];
  if (write && (problems.length === 0 || lenient)) {
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/knowledge.json', knowledgeJson(kb));
  }
  return { kb, problems: problems.map(formatProblem) };
}

/**
 * JSON.stringify(kb) with each entry on a line of its own (what JSON.parse reads the same), so
 * the warm-up finds where an entry ends without scanning it (src/core/knowledge/load.ts).
 */
function knowledgeJson(kb) {
  const { version, entries, ...rest } = kb;
  const tail = JSON.stringify(rest).slice(1);
  return `{"version":${JSON.stringify(version)},"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]${tail === '}' ? '}' : `,${tail}`}`;
}

/** Files below `dir`; a folder reached twice (a symbolic-link loop) or unreadable is a problem, not a crash. */
function walk(dir, problems = [], seen = new Set()) {
  const out = [];
  let real;
  try {
    real = realpathSync(dir);
  } catch (e) {
    problems.push({ file: dir.split(sep).join('/'), line: 1, message: `cannot read: ${e.code ?? e.message}` });
    return out;
  }
  if (seen.has(real)) {
    problems.push({ file: dir.split(sep).join('/'), line: 1, message: 'symbolic-link loop: this folder was already read' });
    return out;
  }
  seen.add(real);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    let isDir;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      problems.push({ file: p.split(sep).join('/'), line: 1, message: `cannot read: ${e.code ?? e.message}` });
      continue;
    }
    if (isDir) out.push(...walk(p, problems, seen));
    else out.push(p);
  }
  return out;
}

/** Resolves `import text from 'atlas-knowledge'` to the compiled knowledge base, as text. */
const knowledgePlugin = {
  name: 'atlas-knowledge',
  setup(build) {
    build.onResolve({ filter: /^atlas-knowledge$/ }, () => ({ path: 'knowledge', namespace: 'atlas-knowledge' }));
    build.onLoad({ filter: /.*/, namespace: 'atlas-knowledge' }, () => ({
      contents: readFileSync('dist/knowledge.json', 'utf8'),
      loader: 'text',
      watchFiles: walk('content'),
    }));
  },
};

/** A bundle's `atlas-knowledge` module: how that bundle gets the knowledge base's text. */
function knowledgeModule(name, contents) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: /^atlas-knowledge$/ }, () => ({ path: 'knowledge', namespace: name }));
      build.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: 'js', watchFiles: walk('content') }));
    },
  };
}

/**
 * The Node bundle reads dist/knowledge.json on first use instead of carrying it as a string:
 * `require` then compiles 190 KB instead of 1.1 MB. (The web bundle reads it at activation.)
 */
const knowledgeFilePlugin = knowledgeModule(
  'atlas-knowledge-file',
  "let text; Object.defineProperty(exports, '__esModule', { value: true }); Object.defineProperty(exports, 'default', { get: () => (text ??= require('fs').readFileSync(require('path').join(__dirname, 'knowledge.json'), 'utf8')) });",
);

/**
 * The web bundle does not carry the knowledge base either: activation reads dist/knowledge.json
 * (src/features/knowledge-file.ts) and hands it over with `provideKnowledgeText` before anything
 * looks a term up, so the .vsix holds it once.
 */
const knowledgeProvidedPlugin = knowledgeModule(
  'atlas-knowledge-provided',
  "Object.defineProperty(exports, '__esModule', { value: true }); Object.defineProperty(exports, 'default', { get: () => { throw new Error('the knowledge base was not provided (provideKnowledgeText)'); } });",
);

/**
 * yaml and markdown-it are a half of the Node bundle and nothing needs them at activation: the
 * Node bundle requires them from dist/lib/ on first use, so `require` compiles the rest only.
 * yaml's named imports become getters that load it when first read.
 */
const LAZY_LIBS = ['yaml', 'markdown-it'];
const lazyLibsPlugin = {
  name: 'atlas-lazy-libs',
  setup(build) {
    const requireHere = createRequire(import.meta.url);
    build.onResolve({ filter: /^(yaml|markdown-it)$/ }, (args) => (args.namespace === 'atlas-lazy-lib' ? { path: `./lib/${args.path}.js`, external: true } : { path: args.path, namespace: 'atlas-lazy-lib' }));
    build.onLoad({ filter: /.*/, namespace: 'atlas-lazy-lib' }, (args) => {
      const load = `let m; const load = () => (m ??= require(${JSON.stringify(args.path)}));`;
      const names = Object.keys(requireHere(args.path)).filter((k) => k !== 'default');
      const getters = names.map((k) => `Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`);
      // markdown-it is a function (required where it is used, never at the top level): hand it over as it is
      const body = names.length ? `${load} Object.defineProperty(exports, '__esModule', { value: true }); ${getters.join(' ')}` : `module.exports = require(${JSON.stringify(args.path)});`;
      return { contents: body, loader: 'js', resolveDir: process.cwd() };
    });
  },
};

const common = {
  bundle: true,
  sourcemap: production ? 'external' : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [knowledgePlugin],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/**
 * Resolves `import tests from 'atlas-workbench-tests'` (in test/workbench/suite/index.ts) to a
 * list of [file, load] pairs, one per test/workbench/suite/*.test.ts, so new test files are
 * picked up without editing index.ts.
 */
const workbenchTestsPlugin = {
  name: 'atlas-workbench-tests',
  setup(build) {
    const dir = join(process.cwd(), 'test', 'workbench', 'suite');
    build.onResolve({ filter: /^atlas-workbench-tests$/ }, () => ({ path: 'tests', namespace: 'atlas-workbench-tests' }));
    build.onLoad({ filter: /.*/, namespace: 'atlas-workbench-tests' }, () => {
      const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort();
      const items = files.map((f) => `[${JSON.stringify(f)}, () => require(${JSON.stringify(`./${f}`)})]`);
      return { contents: `module.exports = [\n${items.join(',\n')}\n];\n`, loader: 'js', resolveDir: dir, watchDirs: [dir] };
    });
  },
};

/** One script per webview: src/webview/<name>.ts, or src/webview/<name>/index.ts for one split into modules; both become dist/webview/<name>.js. */
function webviewEntries() {
  return readdirSync('src/webview').flatMap((name) => {
    const p = join('src/webview', name);
    if (statSync(p).isDirectory()) return existsSync(join(p, 'index.ts')) ? [{ in: join(p, 'index.ts'), out: name }] : [];
    return name.endsWith('.ts') ? [{ in: p, out: name.slice(0, -3) }] : [];
  });
}

function requireResolve(id) {
  return createRequire(import.meta.url).resolve(id);
}

function optional(entries) {
  return entries.filter((e) => existsSync(e));
}

const testEntries = existsSync('test/unit') ? walk('test/unit').filter((f) => f.endsWith('.test.ts')) : [];
const robustnessEntries = existsSync('test/robustness') ? walk('test/robustness').filter((f) => f.endsWith('.test.ts')) : [];

const configs = [
  { ...common, entryPoints: ['src/extension.ts'], platform: 'node', format: 'cjs', target: 'node20', outfile: 'dist/extension.node.js', external: ['vscode'], plugins: [knowledgeFilePlugin, lazyLibsPlugin], define: { ...common.define, __ATLAS_BUNDLE__: '"node"' } },
  ...LAZY_LIBS.map((lib) => ({ ...common, entryPoints: [requireResolve(lib)], platform: 'node', format: 'cjs', target: 'node20', outfile: `dist/lib/${lib}.js` })),
  { ...common, entryPoints: ['src/extension.ts'], platform: 'browser', format: 'cjs', target: 'es2022', outfile: 'dist/extension.web.js', external: ['vscode'], plugins: [knowledgeProvidedPlugin], define: { ...common.define, __ATLAS_BUNDLE__: '"web"' } },
  {
    ...common,
    entryPoints: ['src/cli/index.ts'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { ...common.define, __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
  { ...common, entryPoints: webviewEntries(), platform: 'browser', format: 'iife', target: 'es2022', outdir: 'dist/webview' },
  ...(optional(['src/features/markdown-preview/preview.ts']).length
    ? [{ ...common, entryPoints: optional(['src/features/markdown-preview/preview.ts']), platform: 'browser', format: 'iife', target: 'es2022', outdir: 'dist/preview' }]
    : []),
  ...(testEntries.length
    ? [{ ...common, sourcemap: 'inline', minify: false, entryPoints: testEntries, platform: 'node', format: 'cjs', target: 'node20', outdir: 'out/test/unit', outbase: 'test/unit', outExtension: { '.js': '.cjs' }, external: ['vscode', 'mocha', 'fast-check', 'yaml', 'markdown-it', 'modern-ahocorasick', 'ahocorasick', 'picomatch', 'typescript', 'elkjs'] }]
    : []),
  ...(robustnessEntries.length
    ? [{ ...common, sourcemap: 'inline', minify: false, entryPoints: robustnessEntries, platform: 'node', format: 'cjs', target: 'node20', outdir: 'out/test/robustness', outbase: 'test/robustness', outExtension: { '.js': '.cjs' }, external: ['vscode', 'mocha', 'fast-check', 'yaml', 'markdown-it', 'modern-ahocorasick', 'ahocorasick', 'picomatch', 'typescript'] }]
    : []),
  ...(optional(['test/workbench/suite/index.ts']).length
    ? [{ ...common, sourcemap: 'inline', minify: false, entryPoints: ['test/workbench/suite/index.ts'], platform: 'browser', format: 'cjs', target: 'es2022', outfile: 'out/test/workbench/suite.js', external: ['vscode'], plugins: [...common.plugins, workbenchTestsPlugin], define: { ...common.define, 'process.env': '{}' } }]
    : []),
];

async function main() {
  const { problems } = await buildContent({ write: !checkOnly, lenient });
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`content: ${problems.length} problem(s)`);
    if (!watch && !lenient) process.exit(1);
  }
  if (checkOnly) {
    console.log('content: ok');
    return;
  }
  if (watch) {
    for (const c of configs) await (await esbuild.context(c)).watch();
    console.log('esbuild: watching for changes');
  } else {
    await Promise.all(configs.map((c) => esbuild.build(c)));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
