import * as assert from 'node:assert/strict';
import { DEFAULT_PALETTE } from '../../src/core/diagram/svg';
import { parseDiagramMessage, parseDiagramState } from '../../src/features/diagram/messages';

describe('diagram webview messages', () => {
  it('accepts the few shapes we expect', () => {
    assert.deepEqual(parseDiagramMessage({ type: 'open', id: 'hyperv.vmwp' }), { type: 'open', id: 'hyperv.vmwp' });
    assert.deepEqual(parseDiagramMessage({ type: 'reveal', id: 'hyperv.vsp' }), { type: 'reveal', id: 'hyperv.vsp' });
    assert.deepEqual(parseDiagramMessage({ type: 'external', url: 'https://learn.microsoft.com/x' }), { type: 'external', url: 'https://learn.microsoft.com/x' });
    assert.deepEqual(parseDiagramMessage({ type: 'diagram', system: 'kvm' }), { type: 'diagram', system: 'kvm' });
    const palette = { ...DEFAULT_PALETTE, background: 'rgb(31, 31, 31)', edge: 'rgba(204, 204, 204, 0.6)', kernelFill: 'transparent' };
    assert.deepEqual(parseDiagramMessage({ type: 'export', palette }), { type: 'export', palette });
  });

  it('ignores everything else', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'open',
      42,
      [],
      { type: 'open' },
      { type: 'open', id: 7 },
      { type: 'open', id: 'Hyper V' },
      { type: 'open', id: '../../etc/passwd' },
      { type: 'open', id: 'hyperv.vmwp', extra: 1 },
      { type: 'reveal', id: 'x'.repeat(200) },
      { type: 'external', url: 'http://example.com' },
      { type: 'external', url: 'javascript:alert(1)' },
      { type: 'external', url: 'command:workbench.action.reloadWindow' },
      { type: 'external', url: 'https://a b' },
      { type: 'export' },
      { type: 'export', palette: [] },
      { type: 'export', palette: { ...DEFAULT_PALETTE, background: 'var(--vscode-editor-background)' } },
      { type: 'export', palette: { ...DEFAULT_PALETTE, foreground: 'red"/><script>' } },
      { type: 'export', palette: { ...DEFAULT_PALETTE, extra: '#fff' } },
      { type: 'export', palette: { background: '#fff' } },
      { type: 'export', palette: DEFAULT_PALETTE, svg: '<svg/>' },
      { type: 'command', command: 'reveal', id: 'hyperv' },
      { type: 'diagram' },
      { type: 'diagram', system: 'KVM ../x' },
      { type: 'diagram', system: 'k'.repeat(300) },
      { type: 'diagram', system: 'kvm', id: 'kvm' },
      { type: '__proto__' },
    ];
    for (const m of bad) assert.equal(parseDiagramMessage(m), undefined, JSON.stringify(m));
  });

  it('reads a restored panel state only when it is well formed', () => {
    assert.deepEqual(parseDiagramState({ view: 'system:hyperv', token: 'a1b2c3d4e5f6', selected: 'x', zoom: { k: 1 } }), { view: 'system:hyperv', token: 'a1b2c3d4e5f6' });
    assert.deepEqual(parseDiagramState({ view: 'compare:hyperv:virtualbox', token: '0123456789abcdef' }), { view: 'compare:hyperv:virtualbox', token: '0123456789abcdef' });
    for (const s of [undefined, null, 'x', { view: 'system:hyperv' }, { view: 'evil:x', token: 'abcdef0123' }, { view: 'system:hyperv', token: 'not hex!' }, { view: 'system:Hyper V', token: 'abcdef0123' }]) {
      assert.equal(parseDiagramState(s), undefined, JSON.stringify(s));
    }
  });
});
