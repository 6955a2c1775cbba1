/**
 * The architecture diagrams in the real workbench, through the API: the commands, the panels
 * they open and reuse, and the hover card's link. (What the webview draws, and how it reacts
 * to mouse and keyboard, is in test/workbench/ui/diagram.test.mjs.)
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hoverTextAt, openSample, positionOf, waitFor } from './helpers';

function diagramTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /hypervisorAtlas\.diagram/.test(t.input.viewType));
}

describe('architecture diagrams', () => {
  before(async () => {
    await activateExtension();
    await closeAllEditors();
  });
  afterEach(closeAllEditors);

  it('registers Show Hyper-V Architecture, Show Architecture Diagram and Compare Type 1 and Type 2', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['hypervisorAtlas.showHyperVArchitecture', 'hypervisorAtlas.showDiagram', 'hypervisorAtlas.compareTypes']) assert.includes(all, id);
  });

  it('Show Hyper-V Architecture opens one diagram panel and reuses it', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showHyperVArchitecture'), true);
    // the tab model can list the new tab a moment before it marks it active
    const tab = await waitFor(() => diagramTabs().find((t) => t.label === 'Hyper-V architecture' && t.isActive), 'no active "Hyper-V architecture" webview tab');
    assert.ok(tab.isActive);
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showDiagram', 'hyperv', 'hyperv.vmwp'), true);
    assert.equal(diagramTabs().length, 1, 'the same panel is reused for the same system');
  });

  it('Show Architecture Diagram opens any system, and accepts an entry id to find its system', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showDiagram', 'kvm', 'kvm.qemu'), true);
    await waitFor(() => diagramTabs().find((t) => t.label === 'KVM architecture'), 'no KVM diagram');
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showDiagram', 'esxi.vmkernel'), true);
    await waitFor(() => diagramTabs().find((t) => t.label === 'VMware ESXi architecture'), 'no ESXi diagram for esxi.vmkernel');
    assert.equal(diagramTabs().length, 2);
  });

  it('refuses what is not a system or an entry', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showDiagram', 'no.such-system'), false);
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showDiagram', { evil: true }), false);
    assert.equal(diagramTabs().length, 0);
  });

  it('Compare Type 1 and Type 2 opens a side-by-side diagram', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.compareTypes'), true);
    await waitFor(() => diagramTabs().find((t) => t.label === 'Type 1 and Type 2'), 'no comparison tab');
  });

  it('the hover card of a Hyper-V term links to its place in the Hyper-V diagram', async () => {
    const editor = await openSample('hyperv/hyper-v-architecture.md');
    const text = await hoverTextAt(editor.document, positionOf(editor.document, 'vmwp.exe', 0, 2));
    const link = `command:hypervisorAtlas.showDiagram?${encodeURIComponent(JSON.stringify(['hyperv', 'hyperv.vmwp']))}`;
    assert.ok(text.includes(link), `the hover has no Show in diagram link: ${text.slice(0, 300)}`);
    assert.match(text, /Show in Hyper\\?-V diagram/);
  });
});
