/**
 * Guided flows through the API: the command opens its system's diagram, refuses what is not a
 * flow, and the hover card links to it. (Playing a flow is in test/workbench/ui/flows.test.mjs.)
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hoverTextAt, openSample, positionOf, waitFor } from './helpers';

const diagramTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /hypervisorAtlas\.diagram/.test(t.input.viewType));

describe('guided flows', () => {
  before(async () => {
    await activateExtension();
    await closeAllEditors();
  });
  afterEach(closeAllEditors);

  it('Show Flow opens the diagram of the flow\'s system, reusing an open one', async () => {
    assert.includes(await vscode.commands.getCommands(true), 'hypervisorAtlas.showFlow');
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showFlow', 'kvm.kvm-run-loop'), true);
    await waitFor(() => diagramTabs().find((t) => t.label === 'KVM architecture'), 'no KVM diagram');
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showFlow', 'kvm.virtio-net-vhost', 'kvm.vhost-net'), true);
    assert.equal(diagramTabs().length, 1);
  });

  it('refuses what is not a flow', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showFlow', 'no.such-flow'), false);
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showFlow', { evil: true }), false);
    assert.equal(diagramTabs().length, 0);
  });

  it('the hover card of the VSP offers Show how it works', async () => {
    const editor = await openSample('hyperv/hyper-v-architecture.md');
    const text = await hoverTextAt(editor.document, positionOf(editor.document, 'VSP', 0, 1));
    const link = `command:hypervisorAtlas.showFlow?${encodeURIComponent(JSON.stringify(['hyperv.synthetic-io', 'hyperv.vsp']))}`;
    assert.ok(text.includes(link), `no Show how it works link: ${text.slice(0, 300)}`);
  });
});
