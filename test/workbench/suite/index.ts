/**
 * The in-host test module: the workbench loads this bundle (out/test/workbench/suite.js) into
 * the extension host and calls `run()`. It runs every test/workbench/suite/*.test.ts with the
 * browser build of mocha (BDD: describe/it) and reports each test as one log line that
 * test/workbench/run.mjs parses:
 *   ATLAS_TEST {"state":"passed"|"failed"|"skipped","title":"...","error":"..."}
 *   ATLAS_RESULT {"passed":N,"failed":N,"skipped":N}
 * The same bundle runs in desktop VS Code's (Node) extension host (test/electron/run.mjs).
 */
import tests from 'atlas-workbench-tests';

interface MochaTest {
  fullTitle(): string;
  duration?: number;
}
interface MochaRunner {
  on(event: string, listener: (...args: never[]) => void): MochaRunner;
}
interface BrowserMocha {
  setup(options: Record<string, unknown>): BrowserMocha;
  grep(re: RegExp | string): BrowserMocha;
}

const TIMEOUT_MS = 20_000;

function report(kind: 'ATLAS_TEST' | 'ATLAS_RESULT', data: unknown): void {
  console.log(`${kind} ${JSON.stringify(data)}`);
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const stack = err.stack ?? '';
    const head = `${err.name}: ${err.message}`;
    // Keep the assertion message plus a few frames; bundled frames are noise beyond that.
    const frames = stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4);
    const extra = (err as { expected?: unknown; actual?: unknown; showDiff?: boolean }).showDiff
      ? `\n  expected: ${safe((err as { expected?: unknown }).expected)}\n  actual:   ${safe((err as { actual?: unknown }).actual)}`
      : '';
    return [head + extra, ...frames].join('\n');
  }
  return String(err);
}

function safe(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** A mocha reporter that only logs machine-readable lines (the Node side prints them nicely). */
function AtlasReporter(this: unknown, runner: MochaRunner): void {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  runner.on('pass', (test: MochaTest) => {
    passed++;
    report('ATLAS_TEST', { state: 'passed', title: test.fullTitle(), duration: test.duration });
  });
  runner.on('fail', (test: MochaTest, err: unknown) => {
    failed++;
    report('ATLAS_TEST', { state: 'failed', title: test.fullTitle(), error: errorText(err) });
  });
  runner.on('pending', (test: MochaTest) => {
    skipped++;
    report('ATLAS_TEST', { state: 'skipped', title: test.fullTitle() });
  });
  runner.on('end', () => report('ATLAS_RESULT', { passed, failed, skipped }));
}

export function run(): Promise<void> {
  // The browser build defines globalThis.mocha (and describe/it/... once set up).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', reporter: AtlasReporter, timeout: TIMEOUT_MS, color: false });

  return new Promise<void>((resolve, reject) => {
    try {
      for (const [file, load] of tests) {
        try {
          load();
        } catch (e) {
          // A test file that throws while loading is a failing test, not a silent gap.
          describe(file, () => it('loads', () => { throw e; }));
        }
      }
      // Mocha.prototype.run, not the browser wrapper mocha.run(): the wrapper reads
      // `location.search`, which the desktop (Node) extension host of test/electron lacks.
      const done = (failures: number) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve());
      (globalThis as unknown as { Mocha: { prototype: { run(this: BrowserMocha, fn: (failures: number) => void): MochaRunner } } }).Mocha.prototype.run.call(mocha, done);
    } catch (e) {
      report('ATLAS_RESULT', { passed: 0, failed: 1, skipped: 0, error: errorText(e) });
      reject(e);
    }
  });
}
