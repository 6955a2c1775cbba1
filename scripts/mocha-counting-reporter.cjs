// Mocha's spec reporter, plus the counts written as JSON to the file named by the
// ATLAS_MOCHA_RESULTS environment variable ({"passed":N,"failed":N,"skipped":N}), so
// scripts/test.mjs can add them up. Usage: mocha --reporter ./scripts/mocha-counting-reporter.cjs
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
      writeFileSync(out, JSON.stringify({ passed: s.passes, failed: s.failures, skipped: s.pending }));
    });
  }
}

module.exports = CountingReporter;
