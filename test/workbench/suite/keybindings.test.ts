import * as assert from './assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hoverTextAt, openSample, positionOf } from './helpers';

interface Binding {
  key: string;
  command: string;
  mac?: string;
  when?: string;
}

/** The keybindings this extension contributes, from its own manifest. */
async function ours(): Promise<Binding[]> {
  const ext = await activateExtension();
  return ((ext.packageJSON as { contributes?: { keybindings?: Binding[] } }).contributes?.keybindings ?? []).map((b) => ({ ...b, key: b.key.toLowerCase() }));
}

describe('keybindings and toggles', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('hypervisorAtlas').update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('Explain Term has a keybinding that no default keybinding of this VS Code uses', async () => {
    const bindings = await ours();
    const explain = bindings.find((b) => b.command === 'hypervisorAtlas.explainTerm');
    assert.ok(explain, `keybindings: ${JSON.stringify(bindings)}`);
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && /"key":/.test(doc.getText()), 'the default keybindings file opened');
    // JSON with comments: take every "key" of the defaults
    const defaults = [...doc.getText().matchAll(/"key":\s*"([^"]+)"[^}]*?"command":\s*"([^"]+)"/g)].map((m) => ({ key: m[1]!.toLowerCase(), command: m[2]! }));
    assert.ok(defaults.length > 300, `read ${defaults.length} default keybindings`);
    // a chord also clashes when its first part is a default single key
    const first = explain.key.split(' ')[0]!;
    const clashes = defaults.filter((d) => !d.command.startsWith('hypervisorAtlas.') && (d.key === explain.key || d.key === first || d.key.startsWith(`${explain.key} `)));
    assert.deepEqual(clashes, [], `${explain.key} is taken`);
  });

  it('Toggle Hover Cards turns the cards off and on again', async () => {
    const editor = await openSample('hyperv/lab-setup.ps1');
    const at = positionOf(editor.document, 'New-VMSwitch');
    assert.match(await hoverTextAt(editor.document, at), /New\\?-VMSwitch/);
    await vscode.commands.executeCommand('hypervisorAtlas.toggleHovers');
    assert.equal(vscode.workspace.getConfiguration('hypervisorAtlas').get('hover.enabled'), false);
    assert.doesNotMatch(await hoverTextAt(editor.document, at), /New\\?-VMSwitch/);
    await vscode.commands.executeCommand('hypervisorAtlas.toggleHovers');
    assert.equal(vscode.workspace.getConfiguration('hypervisorAtlas').get('hover.enabled'), true);
    assert.match(await hoverTextAt(editor.document, at), /New\\?-VMSwitch/);
  });

  it('Ctrl+click: each term is a link to its card, and hypervisorAtlas.links.enabled turns the links off', async () => {
    const editor = await openSample('hyperv/lab-setup.ps1');
    const doc = editor.document;
    const at = positionOf(doc, 'New-VMSwitch', 0, 3);
    const linkAt = async () => {
      const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
      return links.find((l) => l.range.contains(at) && l.target?.scheme === 'command');
    };
    const link = await linkAt();
    assert.ok(link, 'a command link on New-VMSwitch');
    assert.equal(link.target!.path, 'hypervisorAtlas.openEntry');
    const args = JSON.parse(decodeURIComponent(link.target!.query)) as string[];
    assert.deepEqual(args, ['hyperv.new-vmswitch']);
    assert.equal(doc.getText(link.range), 'New-VMSwitch', 'the link covers the whole term');
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.openEntry', ...args), true);
    try {
      await vscode.workspace.getConfiguration('hypervisorAtlas').update('links.enabled', false, vscode.ConfigurationTarget.Global);
      assert.equal(await linkAt(), undefined, 'no link once the setting is off');
    } finally {
      await vscode.workspace.getConfiguration('hypervisorAtlas').update('links.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
