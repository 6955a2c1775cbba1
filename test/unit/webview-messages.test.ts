import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDiagramMessage, parseDiagramState } from '../../src/features/diagram/messages';
import { parseEntryMessage } from '../../src/features/explain/messages';
import { parseIncoming } from '../../src/webview/diagram/incoming';

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const validators = { parseDiagramMessage, parseDiagramState, parseEntryMessage, parseIncoming: (raw: unknown) => parseIncoming(raw, { view: 'system:hyperv', token: 'deadbeef', revision: 0 }) } as Record<string, (raw: unknown) => unknown>;

/** What a forged message may look like: any JSON value, near-valid shapes, huge strings, hostile objects. */
const huge = fc.constantFrom('a'.repeat(10 * 1024 * 1024), `${'a.'.repeat(1 << 20)}a`, `https://${'x'.repeat(1 << 20)}`, `https://a.example/${'-'.repeat(5000)}`);
const field = fc.oneof(
  fc.string(),
  fc.constantFrom('open', 'reveal', 'external', 'export', 'command', 'diagram', 'hyperv.vmbus', 'system:hyperv', 'https://learn.microsoft.com/x', 'https://a b', 'javascript:alert(1)', 'https://x/\n', 'hyperv.vmbus\n', 'deadbeef', 'DEADBEEF', '#fff', 'rgb(1,2,3)'),
  huge,
  fc.anything(),
);
const shaped = fc.record(
  { type: field, id: field, url: field, command: field, system: field, palette: fc.oneof(field, fc.dictionary(fc.string(), field)), view: field, token: field, extra: field },
  { requiredKeys: [] },
);
const hostile = fc.constantFrom<unknown>(
  Object.defineProperty({ type: 'open' }, 'id', { enumerable: true, get: () => { throw new Error('getter'); } }),
  new Proxy({}, { ownKeys: () => { throw new Error('ownKeys'); } }),
  new Proxy({ type: 'open', id: 'x' }, { get: () => { throw new Error('get'); } }),
  Object.create(null),
  Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
  [],
  ['open', 'x'],
  null,
  undefined,
  42,
  'open',
);

function checkOutcome(name: string, out: unknown): void {
  if (out === undefined) return;
  const m = out as Record<string, unknown>;
  for (const key of ['id', 'system']) if (key in m) assert.ok(typeof m[key] === 'string' && (m[key] as string).length <= 120 && ID.test(m[key] as string), `${name}: ${key}`);
  if ('url' in m) assert.ok(typeof m.url === 'string' && m.url.length < 2048 && /^https:\/\/[^\s"'<>`\\]+$/.test(m.url), `${name}: url`);
  if ('token' in m) assert.ok(typeof m.token === 'string' && /^[0-9a-f]{8,64}$/.test(m.token), `${name}: token`);
}

describe('webview message validators (fuzz)', () => {
  for (const [name, parse] of Object.entries(validators)) {
    it(`${name} never throws and lets through only well-formed fields`, () => {
      fc.assert(
        fc.property(fc.oneof(shaped, hostile, fc.anything()), (raw) => {
          let out: unknown;
          assert.doesNotThrow(() => (out = parse(raw)));
          checkOutcome(name, out);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('checks lengths before patterns: a 10 MB id or URL is refused without a RangeError', () => {
    for (const id of ['a'.repeat(10 * 1024 * 1024), `${'a.'.repeat(5 * 1024 * 1024)}a`]) {
      assert.equal(parseEntryMessage({ type: 'open', id }), undefined);
      assert.equal(parseEntryMessage({ type: 'command', command: 'diagram', id: 'hyperv.vmbus', system: id }), undefined);
      assert.equal(parseDiagramMessage({ type: 'open', id }), undefined);
      assert.equal(parseIncoming({ type: 'select', id }, { view: 'system:hyperv', token: 'deadbeef', revision: 0 }), undefined);
      assert.equal(parseDiagramState({ view: 'system:hyperv', token: id }), undefined);
    }
  });

  it('anchors URLs at both ends', () => {
    assert.deepEqual(parseEntryMessage({ type: 'external', url: 'https://learn.microsoft.com/a' }), { type: 'external', url: 'https://learn.microsoft.com/a' });
    for (const url of ['https://learn.microsoft.com/a b', 'https://x/\njavascript:alert(1)', 'https://x/"onload', ' https://x', 'http://x', 'javascript:https://x']) {
      assert.equal(parseEntryMessage({ type: 'external', url }), undefined, url);
      assert.equal(parseDiagramMessage({ type: 'external', url }), undefined, url);
    }
  });

  it('still accepts every well-formed message', () => {
    assert.deepEqual(parseEntryMessage({ type: 'open', id: 'hyperv.vmbus' }), { type: 'open', id: 'hyperv.vmbus' });
    assert.deepEqual(parseEntryMessage({ type: 'command', command: 'reveal', id: 'hyperv.vmbus', system: 'hyperv' }), { type: 'command', command: 'reveal', id: 'hyperv.vmbus', system: 'hyperv' });
    assert.deepEqual(parseDiagramMessage({ type: 'reveal', id: 'kvm.vhost-net' }), { type: 'reveal', id: 'kvm.vhost-net' });
    assert.deepEqual(parseDiagramState({ view: 'system:hyperv', token: 'deadbeef' }), { view: 'system:hyperv', token: 'deadbeef' });
  });
});
