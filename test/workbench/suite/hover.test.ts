import * as vscode from 'vscode';
import * as assert from './assert';
import { activateExtension, closeAllEditors, hoverTextAt, openSample, positionOf, waitFor } from './helpers';

/**
 * The hovers at the nth occurrence of `text` (middle of the word) when one of them is our card
 * (every card links to its full card), else '' (other extensions' hovers do not count).
 */
async function card(doc: vscode.TextDocument, text: string, nth = 0): Promise<string> {
  const all = await hoverTextAt(doc, positionOf(doc, text, nth, Math.floor(text.length / 2)));
  return all.includes('command:hypervisorAtlas.openEntry?') ? all : '';
}

async function setting(key: string, value: unknown, language?: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('hypervisorAtlas', language ? { languageId: language } : undefined);
  await config.update(key, value, vscode.ConfigurationTarget.Global, language !== undefined);
}

describe('hover cards', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('explains Hyper-V cmdlets and parameters in a PowerShell script', async () => {
    const doc = (await openSample('hyperv/lab-setup.ps1')).document;
    const expose = await card(doc, 'ExposeVirtualizationExtensions');
    assert.match(expose, /\*\*ExposeVirtualizationExtensions\*\*/);
    assert.match(expose, /nested virtualization/i);
    assert.match(expose, /\[\$\(book\) More…\]\(command:hypervisorAtlas\.openEntry\?/, 'the compact card links to the full one');
    assert.match(expose, /\[\$\(link-external\) Source\]\(https:\/\/learn\.microsoft\.com\//);
    assert.doesNotMatch(expose, /\*\*Sources:\*\*/, 'compact by default');
    try {
      await setting('hover.detail', 'full');
      const full = await card(doc, 'ExposeVirtualizationExtensions');
      assert.match(full, /\*\*Sources:\*\* \[.+\]\(https:\/\/learn\.microsoft\.com\//);
      assert.match(full, /\[\$\(book\) Open card\]/);
    } finally {
      await setting('hover.detail', undefined);
    }
    assert.match(await card(doc, 'Set-VMProcessor'), /Set\\?-VMProcessor/);
    assert.match(await card(doc, 'DynamicMemoryEnabled'), /Dynamic Memory/i);
  });

  it('explains libvirt domain XML, and leaves the ordinary words alone', async () => {
    const doc = (await openSample('kvm/web01-domain.xml')).document;
    const passthrough = await card(doc, 'host-passthrough', 1);
    assert.match(passthrough, /host-passthrough/);
    assert.match(passthrough, /KVM/);
    assert.equal(await card(doc, 'web01'), '', 'a VM name is not a term');
    assert.equal(await card(doc, 'placement'), '', 'an attribute name is not a term');
  });

  it('explains the architecture note: partitions across a line break, components with their place', async () => {
    const doc = (await openSample('hyperv/hyper-v-architecture.md')).document;
    const root = await card(doc, 'root partition');
    assert.match(root, /\*\*Root partition\*\*/i);
    const winhv = await card(doc, 'winhv.sys');
    assert.match(winhv, /WinHv/);
    assert.match(winhv, /Hyper\\-V › Root partition/);
    assert.match(winhv, /kernel mode/);
    assert.match(winhv, /command:hypervisorAtlas\.showDiagram\?/, 'links to the diagram');
    assert.match(winhv, /command:hypervisorAtlas\.revealInAtlas\?/, 'links to the tree');
    assert.match(winhv, /command:hypervisorAtlas\.openEntry\?/, 'related entries open their cards');
  });

  it('gives a Packer key the card of the builder whose block it sits in, or none', async () => {
    const content = '{\n  "builders": [\n    { "type": "hyperv-iso", "guest_additions_mode": "disable" },\n    { "type": "virtualbox-iso", "guest_additions_mode": "upload" }\n  ]\n}\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(doc);
    // the Packer key's own card, which says what it does per builder, never VirtualBox's Guest Additions in a Hyper-V block
    const hyperv = await card(doc, 'guest_additions_mode', 0);
    assert.match(hyperv, /guest\\_additions\\_mode \\\(Packer\\\)/);
    assert.match(hyperv, /Hyper\\-V attaches/);
    assert.doesNotMatch(hyperv, /virtualbox\.guest-additions/, 'the Hyper-V builder has no VirtualBox Guest Additions');
    assert.match(await card(doc, 'guest_additions_mode', 1), /Guest Additions/);
  });

  it('explains Vagrant providers and the .vmx keys passed through them', async () => {
    const doc = (await openSample('vagrant/Vagrantfile')).document;
    assert.match(await card(doc, 'vhv.enable'), /vhv\.enable/);
    assert.match(await card(doc, 'config.vm.provider'), /Vagrant provider/);
    assert.equal(await card(doc, 'BOX'), '', 'a Ruby constant is not a term');
  });

  it('works in untitled documents of any language, and says nothing on ordinary code', async () => {
    const code = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'function host(guest: Image) { return kernel.snapshot(domain); }\n' });
    await vscode.window.showTextDocument(code);
    for (const word of ['host', 'guest', 'Image', 'kernel', 'snapshot', 'domain']) {
      assert.equal(await card(code, word), '', `"${word}" in ordinary code`);
    }
    const note = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'one VMWP per VM, on the host\n' });
    await vscode.window.showTextDocument(note);
    assert.match(await card(note, 'VMWP'), /Virtual Machine Worker Process/);
    assert.match(await card(note, 'host'), /\*\*Host\*\*/, 'a generic word near a specific term');
  });

  it('escapes what it quotes from the document', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'The **root\n  partition** and [VMWP](javascript:alert(1)).\n' });
    await vscode.window.showTextDocument(doc);
    const text = await card(doc, 'VMWP');
    assert.match(text, /Virtual Machine Worker Process/);
    assert.ok(!text.includes('javascript:'), 'nothing from the document becomes a link');
  });

  it('follows hypervisorAtlas.hover.enabled per language, and the exclude globs, without a reload', async () => {
    const doc = (await openSample('hyperv/hyper-v-architecture.md')).document;
    try {
      await setting('hover.enabled', false, 'markdown');
      assert.equal(await card(doc, 'root partition'), '');
      await setting('hover.enabled', undefined, 'markdown');
      assert.match(await card(doc, 'root partition'), /Root partition/i);
      await setting('exclude', ['**/hyperv/*.md']);
      assert.equal(await card(doc, 'root partition'), '');
    } finally {
      await setting('hover.enabled', undefined, 'markdown');
      await setting('exclude', undefined);
    }
    assert.match(await card(doc, 'root partition'), /Root partition/i);
  });

  it('follows hypervisorAtlas.genericTerms', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'the host\n' });
    await vscode.window.showTextDocument(doc);
    try {
      assert.equal(await card(doc, 'host'), '');
      await setting('genericTerms', 'always');
      assert.match(await card(doc, 'host'), /\*\*Host\*\*/);
    } finally {
      await setting('genericTerms', undefined);
    }
  });

  it('opens any entry as a card with Explain Term and Open Entry', async () => {
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.openEntry', 'hyperv.vmwp'), true);
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.openEntry', 'no.such-entry'), false);
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Virtual Machine Worker Process'),
      'the card opens in a tab titled with the entry',
    );
  });
});
