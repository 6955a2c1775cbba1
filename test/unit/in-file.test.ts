import * as assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/matching/matcher';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { DEFAULT_LIMITS, partialMessage, preview, scanText, type InFileResult } from '../../src/features/in-file/scan';
import { FIXTURE } from './fixture';

const matcher = new TermMatcher(FIXTURE);
const summary = (r: InFileResult | undefined) => r?.groups.map((g) => [g.id, g.occurrences.map((o) => `${o.line + 1}:${o.character + 1}`).join(' ')]);

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('in this file: grouping and positions', () => {
  it('groups matches by entry, in order of first occurrence, with a count and line numbers', async () => {
    const text = ['# lab', 'New-VM -Name lab  # runs in a VMWP', 'Get-Process vmwp.exe; VMBus', 'the VMWP again'].join('\n');
    const r = await scanText(matcher, text);
    assert.deepEqual(summary(r), [
      ['hyperv.new-vm', '2:1'],
      ['hyperv.vmwp', '2:31 3:13 4:5'],
      ['hyperv.vmbus', '3:23'],
    ]);
    assert.equal(r!.total, 5);
    assert.equal(r!.truncated, undefined);
    assert.equal(partialMessage(r!), undefined);
  });

  it('counts lines the way VS Code does: \\n, \\r\\n and a lone \\r', async () => {
    const r = await scanText(matcher, 'VMBus\r\nVMBus\rVMBus\nx VMBus');
    assert.deepEqual(summary(r), [['hyperv.vmbus', '1:1 2:1 3:1 4:3']]);
  });

  it('gives the end of a term that spans a line break', async () => {
    const r = await scanText(matcher, 'the root\r\n  partition owns devices');
    const o = r!.groups[0].occurrences[0];
    assert.deepEqual([o.line, o.character, o.endLine, o.endCharacter], [0, 4, 1, 11]);
    assert.equal(o.preview, 'the root partition owns devices');
    assert.equal(o.preview.slice(...o.highlight), 'root partition');
  });

  it('previews the line around a match, trimmed, with the match highlighted', async () => {
    const long = `\t\t$vm = New-VM -Name "lab" ${'-MemoryStartupBytes 4GB '.repeat(10)}`;
    const r = await scanText(matcher, long);
    const o = r!.groups[0].occurrences[0];
    assert.ok(o.preview.startsWith('$vm = New-VM'), o.preview);
    assert.ok(o.preview.endsWith('…'), o.preview);
    assert.equal(o.preview.slice(...o.highlight), 'New-VM');
    assert.ok(!/\s\s/.test(o.preview), 'runs of white space are collapsed');
    // far into a long line, the preview starts at a word, marked with an ellipsis
    const far = preview(`${'word '.repeat(40)}VMBus tail`, 0, 200, 205);
    assert.ok(far.preview.startsWith('…'), far.preview);
    assert.equal(far.preview.slice(...far.highlight), 'VMBus');
  });

  it('flags generic matches and other meanings', async () => {
    const r = await scanText(matcher, 'New-VM then a worker process\nvmx', { generic: 'always' });
    const byId = new Map(r!.groups.map((g) => [g.id, g.occurrences[0]]));
    assert.equal(byId.get('hyperv.vmwp')?.generic, true);
    assert.ok(byId.get('hyperv.new-vm')?.candidates?.includes('tool.powercli'));
  });

  it('respects the generic-terms policy', async () => {
    const text = 'a worker process near VMBus';
    assert.ok((await scanText(matcher, text, { generic: 'context' }))!.groups.some((g) => g.id === 'hyperv.vmwp'));
    assert.ok(!(await scanText(matcher, text, { generic: 'never' }))!.groups.some((g) => g.id === 'hyperv.vmwp'));
  });
});

describe('in this file: big files', () => {
  it('finds the same matches in chunks as in one scan', async () => {
    const words = ['VMBus', 'root partition', 'root\npartition', 'vhost-net', 'host', 'guest', 'VMX', 'vmx', 'qcow2', 'New-VM', 'x', 'hello', '\n', '\r\n', 'kvm64', 'worker process', 'vhv.enable'];
    const rnd = random(7);
    for (let round = 0; round < 20; round++) {
      let text = '';
      while (text.length < 5000) text += words[Math.floor(rnd() * words.length)] + (rnd() < 0.7 ? ' ' : rnd() < 0.5 ? '-' : '.');
      const whole = matcher.scan(text).map((m) => `${m.start}-${m.end}:${m.id}`);
      const r = await scanText(matcher, text, { limits: { chunkChars: 37 + round * 50 }, pause: async () => {} });
      const chunked = r!.groups.flatMap((g) => g.occurrences.map((o) => ({ s: o.start, k: `${o.start}-${o.end}:${g.id}` }))).sort((a, b) => a.s - b.s).map((x) => x.k);
      assert.deepEqual(chunked, whole, `round ${round}`);
    }
  });

  it('stops at the match cap and says so', async () => {
    const text = 'VMBus '.repeat(200);
    const r = await scanText(matcher, text, { limits: { maxMatches: 50, chunkChars: 64 }, pause: async () => {} });
    assert.equal(r!.total, 50);
    assert.equal(r!.truncated, 'matches');
    assert.equal(partialMessage(r!), 'Showing the first 50 matches (file too large).');
    assert.equal(partialMessage({ truncated: 'matches', total: 5000, scannedChars: 0, textLength: 0 }), 'Showing the first 5,000 matches (file too large).');
  });

  it('reads only the first maxChars characters, cut between words, and says so', async () => {
    const text = 'VMBus '.repeat(1000);
    const r = await scanText(matcher, text, { limits: { maxChars: 1003 }, pause: async () => {} });
    assert.equal(r!.truncated, 'size');
    assert.equal(r!.total, 167); // 1002 characters hold 167 whole "VMBus " and the cut never splits one
    assert.equal(r!.textLength, 6000);
    assert.match(partialMessage(r!)!, /^Showing terms in the first 1 KB of 6 KB \(file too large\)\.$/);
  });

  it('yields between chunks and drops a scan that became stale', async () => {
    let pauses = 0;
    let stale = false;
    const text = 'VMBus host '.repeat(2000);
    const done = await scanText(matcher, text, { limits: { chunkChars: 1000 }, pause: async () => void pauses++ });
    assert.ok(pauses >= 20, `only ${pauses} pauses`);
    assert.ok(done);
    const cancelled = await scanText(matcher, text, {
      limits: { chunkChars: 1000 },
      pause: async () => {
        stale = true;
      },
      isCancelled: () => stale,
    });
    assert.equal(cancelled, undefined);
  });

  for (const [name, every] of [
    ['dense', 40],
    ['sparse', 4000],
  ] as const) {
    it(`splits a 10 MB file into bounded chunks and caps the work (${name} terms)`, async function () {
      this.timeout(60_000);
      const kb = bundledKnowledge();
      const line = 'Set-VMProcessor -VMName lab -ExposeVirtualizationExtensions $true # VMBus, vmwp.exe and the root partition; qemu -cpu host-passthrough\n';
      const filler = 'const value = computeSomething(index, options); // ordinary code with no terms in it at all\n';
      const block = filler.repeat(every) + line;
      const text = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
      let pauses = 0;
      const r = await scanText(kb.matcher, text, {
        pause: async () => {
          pauses++;
        },
      });
      assert.ok(r);
      assert.ok(r.truncated, 'a 10 MB file should be capped');
      assert.ok(partialMessage(r));
      assert.ok(r.total <= DEFAULT_LIMITS.maxMatches);
      assert.ok(r.scannedChars <= DEFAULT_LIMITS.maxChars);
      // the event loop gets a turn at least once per chunk of the part that was read
      assert.ok(pauses >= Math.floor(r.scannedChars / DEFAULT_LIMITS.chunkChars) - 1, `${pauses} pauses for ${r.scannedChars} characters`);
    });
  }
});
