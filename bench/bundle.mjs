// The benchmark's own bundles: TypeScript entry points under bench/src, bundled for Node into
// out/bench/*.cjs, with `import text from 'atlas-knowledge'` read from dist/knowledge.json as
// esbuild.mjs bundles it. Shared by run.mjs and layout-vs-elk.mjs.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const benchOut = join(root, 'out', 'bench');

const knowledgePlugin = {
  name: 'atlas-knowledge',
  setup(b) {
    b.onResolve({ filter: /^atlas-knowledge$/ }, () => ({ path: 'knowledge', namespace: 'atlas-knowledge' }));
    b.onLoad({ filter: /.*/, namespace: 'atlas-knowledge' }, () => ({ contents: readFileSync(join(root, 'dist/knowledge.json'), 'utf8'), loader: 'text' }));
  },
};

/** Bundles `entryPoints` (name → path from the repository root) into out/bench/<name>.cjs. */
export async function bundleForBench(entryPoints, { external = [] } = {}) {
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, path]) => [name, join(root, path)])),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: benchOut,
    outExtension: { '.js': '.cjs' },
    external,
    plugins: [knowledgePlugin],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}
