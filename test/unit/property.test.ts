import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONTEXT_RADIUS, LOOKUP_RADIUS, TermMatcher } from '../../src/core/matching/matcher';
import { scanText } from '../../src/features/in-file/scan';
import { FIXTURE } from './fixture';
import { referenceScan } from './reference';

const entries = FIXTURE;
const matcher = new TermMatcher(entries);
const aliases = entries.flatMap((e) => e.aliases);
const noise = ['the', 'runs', 'on', 'x', 'config', 'value', 'Data', 'ID', 'id', 'vid', 'video', 'processor', 'hosts', 'Path', 'New', 'set', 'disk1', 'os', 'a1b2', 'ethernet3.present', 'scsi1:4.fileName', '= 512', ': 1'];
const separators = [' ', ' ', '  ', '\n', '\n  ', '\n# ', '\n\n', '-', '_', '.', '', '=', ', ', '"', '(', '/'];

const variant = fc.tuple(fc.constantFrom(...aliases), fc.constantFrom('as-is', 'lower', 'upper', 'snake', 'kebab', 'spaced', 'plural')).map(([a, how]) => {
  switch (how) {
    case 'lower':
      return a.toLowerCase();
    case 'upper':
      return a.toUpperCase();
    case 'snake':
      return a.replace(/[ -]/g, '_');
    case 'kebab':
      return a.replace(/ /g, '-');
    case 'spaced':
      return a.replace(/ /g, '\n   ');
    case 'plural':
      return a + 's';
    default:
      return a;
  }
});
const piece = fc.oneof({ weight: 2, arbitrary: variant }, { weight: 3, arbitrary: fc.constantFrom(...noise) });
const text = fc.array(fc.tuple(piece, fc.constantFrom(...separators)), { maxLength: 40 }).map((parts) => parts.map(([p, s]) => p + s).join(''));

describe('term engine against a reference matcher (property)', () => {
  it('finds the same spans and entries on thousands of random texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        const got = matcher.scan(t).map((m) => ({ start: m.start, end: m.end, ids: (m.candidates ?? [m.id]).slice().sort() }));
        assert.deepEqual(got, referenceScan(entries, t));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same term at every position as a full scan, on random texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        const all = matcher.scan(t);
        for (let i = 0; i < t.length; i += 3) {
          const expected = all.find((m) => m.start <= i && i < m.end);
          assert.equal(matcher.matchAt(t, i)?.id, expected?.id);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** the shapes the audit found disagreements with: dense ambiguous words, long runs, cut neighbours */
const shapes = ['vmx vmx ', 'PV PV ', 'host guest vmx hyperv driver kvm ', 'New-VM Get-VM ', 'Get-VM Connect-VIServer ', 'root' + ' '.repeat(60) + 'partition ', '\n'.repeat(3), '\r', ' \t'.repeat(30)];
const shape = fc.tuple(fc.constantFrom(...shapes), fc.integer({ min: 1, max: 40 })).map(([s, n]) => s.repeat(n));
const long = fc.array(fc.oneof(text, shape), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

describe('one answer everywhere (property)', () => {
  it('In This File, in chunks of any size, finds what one scan finds, and the hover agrees on each', async () => {
    await fc.assert(
      fc.asyncProperty(long, fc.integer({ min: 64, max: 4000 }), fc.constantFrom(undefined, ['vmware'], ['hyperv']), async (t, chunkChars, systems) => {
        const whole = matcher.scan(t, { systems });
        const r = await scanText(matcher, t, { systems, limits: { chunkChars }, pause: async () => {} });
        const chunked = r!.groups.flatMap((g) => g.occurrences.map((o) => ({ start: o.start, end: o.end, id: g.id }))).sort((a, b) => a.start - b.start);
        assert.deepEqual(chunked, whole.map(({ start, end, id }) => ({ start, end, id })));
        const step = Math.max(1, Math.floor(whole.length / 20));
        for (let k = 0; k < whole.length; k += step) {
          const m = whole[k];
          for (const at of [m.start, (m.start + m.end) >> 1, m.end - 1]) {
            const hover = matcher.matchAt(t, at, { systems });
            assert.deepEqual(hover && { start: hover.start, end: hover.end, id: hover.id }, { start: m.start, end: m.end, id: m.id });
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a window lookup reads no more than the lookup radius needs', () => {
    assert.ok(CONTEXT_RADIUS + 2 * matcher.maxAliasChars <= LOOKUP_RADIUS);
  });
});
