/**
 * The "Hypervisor Atlas" container in the real workbench: the Architectures view, Reveal in
 * Atlas and the item commands. (Expanding rows by hand and reading them is in
 * test/workbench/ui/tree.test.mjs.)
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hoverTextAt, waitFor } from './helpers';

interface Selected {
  id: string;
  entryId?: string;
  label: string;
}

const selection = () => vscode.commands.executeCommand<Selected[]>('hypervisorAtlas.architectures.selection');

/** The entry card tab (a webview titled after the entry), if one is open. */
function cardTab(title: string): vscode.Tab | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && /hypervisorAtlas\.entry/.test(tab.input.viewType) && tab.label === title) return tab;
    }
  }
  return undefined;
}

describe('Architectures view', () => {
  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of [
      'hypervisorAtlas.revealInAtlas',
      'hypervisorAtlas.searchAtlas',
      'hypervisorAtlas.architectures.refresh',
      'hypervisorAtlas.tree.showInDiagram',
      'hypervisorAtlas.tree.copySummary',
      'hypervisorAtlas.tree.openSource',
      'hypervisorAtlas.tree.openCard',
      'hypervisorAtlas.architectures.focus', // VS Code adds one per contributed view
      'hypervisorAtlas.inFile.focus',
    ]) {
      assert.includes(all, id, `command ${id} is not registered`);
    }
  });

  it('opens from its activity bar container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.hypervisorAtlas');
    await vscode.commands.executeCommand('hypervisorAtlas.architectures.focus');
  });

  it('reveals an entry by id at its primary place and selects it', async () => {
    const id = await vscode.commands.executeCommand<string>('hypervisorAtlas.revealInAtlas', 'hyperv.vmwp');
    assert.equal(id, 'type1/hyperv/hyperv.root/hyperv.vmwp');
    const selected = await waitFor(async () => (await selection())?.find((s) => s.entryId === 'hyperv.vmwp'), 'the tree did not select VMWP');
    assert.equal(selected.label, 'Virtual Machine Worker Process');
  });

  it('reveals a system under its type and a hardware feature under Hardware assistance', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', 'kvm'), 'type1/kvm');
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', 'virtualbox'), 'type2/virtualbox');
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', 'hw.vt-x'), 'hardware/hw.vt-x');
  });

  it('reveals the term under the cursor: VMBus in an editor', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'powershell', content: '# The VSC talks to the VSP over VMBus.\nGet-VM\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('VMBus') + 2;
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const id = await vscode.commands.executeCommand<string>('hypervisorAtlas.revealInAtlas');
    assert.equal(id, 'type1/hyperv/hyperv.root/hyperv.vmbus');
    await waitFor(async () => (await selection())?.some((s) => s.id === id), 'the tree did not select VMBus');
  });

  it('is linked from the hover card', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'The VSC talks to the VSP over VMBus.\n' });
    await vscode.window.showTextDocument(doc);
    const hover = await hoverTextAt(doc, doc.positionAt(doc.getText().indexOf('VMBus') + 1));
    const link = /\[[^\]]*Reveal in Atlas\]\((command:hypervisorAtlas\.revealInAtlas\?[^)]+)\)/.exec(hover);
    assert.ok(link, `the hover has no Reveal in Atlas link: ${hover.slice(-400)}`);
    const args = JSON.parse(decodeURIComponent(link[1].split('?')[1]));
    assert.deepEqual(args, ['hyperv.vmbus']);
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', ...args), 'type1/hyperv/hyperv.root/hyperv.vmbus');
  });

  it('accepts an item of In This File, and the editor context menu’s URI argument', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', { entryId: 'hyperv.vmms' }), 'type1/hyperv/hyperv.root/hyperv.vmms');
    const doc = await vscode.workspace.openTextDocument({ content: 'xen dom0 runs xl\n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(new vscode.Position(0, 15), new vscode.Position(0, 15));
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', doc.uri), 'type1/xen/xen.dom0-layer/xen.xl');
  });

  it('says so, and selects nothing, when there is no term under the cursor', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'nothing to see here\n' });
    await vscode.window.showTextDocument(doc);
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas'), undefined);
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', 'no.such-entry'), undefined);
  });

  it('opens the card of a selected item, and keeps the tree focused', async () => {
    await closeAllEditors();
    const shown = await vscode.commands.executeCommand('hypervisorAtlas.architectures.open', 'type1/hyperv/hyperv.root/hyperv.vmms');
    assert.equal(shown, true);
    await waitFor(() => cardTab('Virtual Machine Management Service'), 'no card for VMMS');
    const selected = await selection();
    assert.equal(selected?.[0]?.id, 'type1/hyperv/hyperv.root/hyperv.vmms');
  });

  it('copies an item’s summary', async () => {
    const text = await vscode.commands.executeCommand<string>('hypervisorAtlas.tree.copySummary', { entryId: 'hyperv.vmwp' });
    assert.match(text, /^Virtual Machine Worker Process \(VMWP\): /);
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  it('refreshes without losing the selection', async () => {
    await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', 'hyperv.vid');
    await vscode.commands.executeCommand('hypervisorAtlas.architectures.refresh');
    await vscode.commands.executeCommand('hypervisorAtlas.revealInAtlas', 'hyperv.vid');
    const selected = await selection();
    assert.equal(selected?.[0]?.entryId, 'hyperv.vid');
  });

  it('Show in Diagram passes [system, entry] to the diagram, or says it is not there yet', async () => {
    const result = await vscode.commands.executeCommand('hypervisorAtlas.tree.showInDiagram', { entryId: 'hyperv.vmwp', systemId: 'hyperv' });
    const available = (await vscode.commands.getCommands(true)).includes('hypervisorAtlas.showDiagram');
    assert.equal(result, available);
  });
});
