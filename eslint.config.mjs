// ESLint (flat config): typescript-eslint's recommended rules, plus import boundaries:
//   src/core/**      pure TypeScript: no `vscode`, no Node built-ins (node:* or bare `fs`, ...)
//   src/features/**, src/extension.ts
//                    run in the web extension host too: no Node built-ins
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Bare names (`fs`, `fs/promises`, ...); every `node:*` import is caught by the pattern below.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('node:') && !m.startsWith('_'));
const noNode = {
  message: 'Node built-ins are not available in the web extension host; keep this code platform-neutral.',
};
const nodePatterns = [{ group: ['node:*'], message: noNode.message }];

// Globals for plain JavaScript files (ESLint's recommended no-undef applies to them).
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'fetch',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'structuredClone',
    'globalThis', 'performance'].map((g) => [g, 'readonly']),
);
const commonjsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };
const mochaGlobals = Object.fromEntries(['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach', 'suite', 'test', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown'].map((g) => [g, 'readonly']));
// Code passed to page.evaluate() runs in the browser.
const browserGlobals = Object.fromEntries(['window', 'document', 'NodeFilter', 'HTMLElement', 'getComputedStyle', 'location', 'navigator'].map((g) => [g, 'readonly']));

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'media/', '.vscode-test/', '.vscode-test-web/', '.vscode-test-cs/', 'test-results/', '**/*.d.ts.map'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonjsGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.mjs'],
    languageOptions: { globals: { ...mochaGlobals, ...browserGlobals } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure TypeScript: pass what it needs in from src/features.' }, ...nodeBuiltins.map((name) => ({ name, ...noNode }))],
          patterns: nodePatterns,
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, ...noNode })), patterns: nodePatterns }],
    },
  },
);
