/**
 * The misconception checks on bad input: no exception, work bounded by the text's length
 * (counted in engine steps, never wall time), and a claim split into slices is found the same.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { SLICE_CHARS, checkInSlices, sliceEnd } from '../../src/core/checks/slices';

const engine = bundledKnowledge().checkEngine;

function steps(f: () => void): number {
  const before = engine.steps;
  f();
  return engine.steps - before;
}

describe('robustness: misconception checks', function () {
  this.timeout(120_000);

  it('linear work on adversarial text: long sentences of subjects, claims and hedges, no breaks', () => {
    const units = ['Hyper-V is a Type 2 ', 'VMware Virtual Box ', 'Layer 1 & Layer 2 Hypervisor ', 'type type type ', 'is is is a a an ', 'Hyper-V Hyper-V Hyper-V ', '(((((', "'s's's "];
    for (const u of units) {
      const small = u.repeat(2_000);
      const big = u.repeat(20_000);
      const a = steps(() => engine.run(small, { prose: 'all' }));
      const b = steps(() => engine.run(big, { prose: 'all' }));
      assert.ok(b <= a * 10 + 1000, `${JSON.stringify(u)}: ${a} steps for 2,000 units, ${b} for 20,000`);
      assert.ok(b / big.length < 400, `${JSON.stringify(u)}: ${b} steps for ${big.length} characters`);
    }
  });

  it('never throws and keeps offsets inside the text, on random text in every mode', () => {
    const pieces = fc.constantFrom('Hyper-V', ' is ', 'a ', 'Type 2', ' hypervisor', '.', '\n', '\n\n', '//', '#', '/*', '*/', '"', "'", '`', 'VMware', ' VirtualBox', '𝐋𝐚𝐲𝐞𝐫', ' 2', '\uD800', '\u0000', '’s', '|', '```\n', 'not ', '?');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), fc.constantFrom('markdown', 'typescript', 'python', 'xml', 'restructuredtext', undefined), (parts, languageId) => {
        const text = parts.join('');
        for (const f of engine.run(text, { languageId })) {
          assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length);
        }
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('a document checked in slices gives what one run gives', async () => {
    const para = 'Intro text about labs.\n\nWe use VMware VirtualBox here. Hyper-V is a Type 2 hypervisor.\n\n';
    const text = para.repeat(3000);
    const whole = engine.run(text, { languageId: 'markdown' }).map((f) => `${f.checkId}@${f.start}:${f.line}`);
    const sliced = (await checkInSlices(text, { languageId: 'markdown' }, engine, async () => true))!.map((f) => `${f.checkId}@${f.start}:${f.line}`);
    assert.equal(whole.length, 6000);
    assert.deepEqual(sliced, whole);
    // one long line of sentences, no blank line: slices end after a sentence, each short
    const line = 'We use VMware VirtualBox here. Hyper-V is a Type 2 hypervisor. '.repeat(4000);
    const lineWhole = engine.run(line, { prose: 'all' }).map((f) => `${f.checkId}@${f.start}`);
    const lineSliced = (await checkInSlices(line, { prose: 'all' }, engine, async () => true))!.map((f) => `${f.checkId}@${f.start}`);
    assert.equal(lineWhole.length, 8000);
    assert.deepEqual(lineSliced, lineWhole);
    for (let from = 0; from < line.length; ) {
      const to = sliceEnd(line, from);
      assert.ok(to > from && to - from <= SLICE_CHARS);
      from = to;
    }
  });
});
