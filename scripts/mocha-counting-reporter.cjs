// Mocha's spec reporter, plus the counts written as JSON to the file named by the
// ATLAS_MOCHA_RESULTS environment variable ({"passed":N,"failed":N,"skipped":N,"failures":[...]}),
// so scripts/test.mjs can add them up and name what failed. Usage: mocha --reporter ./scripts/mocha-counting-reporter.cjs
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { reporters } = require('mocha');

class CountingReporter extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const out = process.env.ATLAS_MOCHA_RESULTS;
    if (!out) return;
    runner.once('end', () => {
      const s = this.stats;
      mkdirSync(dirname(out), { recursive: true });
      const failures = this.failures.map((t) => ({ phase: 'unit', title: t.fullTitle(), error: String(t.err?.message ?? '').split('\n')[0] }));
      writeFileSync(out, JSON.stringify({ passed: s.passes, failed: s.failures, skipped: s.pending, failures }));
    });
  }
}

module.exports = CountingReporter;
