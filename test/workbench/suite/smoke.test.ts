import * as assert from './assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, closeAllEditors, listSamples, openSample } from './helpers';

describe('smoke', () => {
  after(closeAllEditors);

  it('the extension is installed and activates', async () => {
    const ext = await activateExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.isActive, true);
  });

  it('the extension host loads the bundle made for it (Node: `main`, web: `browser`)', async () => {
    const ext = await activateExtension();
    // globalThis.process, not process: the suite bundle defines process.env away
    const nodeProcess = (globalThis as { process?: { versions?: { node?: string }; env?: Record<string, string | undefined> } }).process;
    const isNode = typeof nodeProcess?.versions?.node === 'string';
    assert.equal((ext.exports as { bundle?: string }).bundle, isNode ? 'node' : 'web');
    // the runner says which host it started; a code-server run must be the Node one
    const expected = nodeProcess?.env?.ATLAS_EXPECT_BUNDLE;
    if (expected) assert.equal((ext.exports as { bundle?: string }).bundle, expected);
  });

  it('a sample file from the workspace opens', async function () {
    const samples = await listSamples();
    if (samples.length === 0) this.skip(); // samples/ has no files yet
    const editor = await openSample(samples[0]!);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    assert.ok(editor.document.getText().length > 0, `${samples[0]} is empty`);
  });
});
