/**
 * "In This File" in the real workbench: what it lists for a sample, following edits and
 * editor switches, jumping to an occurrence, settings, and a 10 MB file.
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, listSamples, openSample, waitFor } from './helpers';

interface Snapshot {
  uri?: string;
  state?: string;
  message?: string;
  sections: { label: string; ids: string[] }[];
  groups: { id: string; count: number; lines: number[]; generic: boolean }[];
}

const SAMPLE = 'hyperv/lab-setup.ps1';
const snapshot = () => vscode.commands.executeCommand<Snapshot>('hypervisorAtlas.inFile.snapshot');

/** Polls the view until `check` holds for what it lists. */
async function listed(check: (s: Snapshot) => boolean, message: string, timeoutMs = 8000): Promise<Snapshot> {
  let last: Snapshot | undefined;
  try {
    return await waitFor(
      async () => {
        last = await snapshot();
        return check(last) ? last : undefined;
      },
      message,
      timeoutMs,
      100,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}; the view showed ${JSON.stringify(last).slice(0, 400)}`);
  }
}

describe('In This File view', () => {
  let hasSample = false;
  before(async () => {
    await activateExtension();
    hasSample = (await listSamples()).includes(SAMPLE);
    await vscode.commands.executeCommand('hypervisorAtlas.inFile.focus');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('hypervisorAtlas').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    for (const key of ['inFile.groupBy', 'inFile.sortBy']) await vscode.workspace.getConfiguration('hypervisorAtlas').update(key, undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('says to open a file when no editor is open', async () => {
    await closeAllEditors();
    const s = await listed((x) => x.state === 'noEditor', 'the view did not go to its "open a file" state');
    assert.deepEqual(s.groups, []);
  });

  it(`lists the terms of ${SAMPLE}, grouped by entry with counts and line numbers`, async function () {
    if (!hasSample) this.skip();
    const editor = await openSample(SAMPLE);
    const s = await listed((x) => x.uri === editor.document.uri.toString() && x.state === 'found', `no terms listed for ${SAMPLE}`);
    const byId = new Map(s.groups.map((g) => [g.id, g]));
    for (const id of ['hyperv', 'hyperv.set-vmprocessor', 'hyperv.checkpoint-vm']) assert.ok(byId.has(id), `${id} missing from ${JSON.stringify([...byId.keys()])}`);
    const newVm = byId.get('hyperv.new-vm');
    assert.ok(newVm, 'New-VM is not listed');
    const expected = editor.document.getText().match(/\bNew-VM\b/g)?.length ?? 0;
    assert.ok(expected >= 3, 'the sample runs New-VM at least three times');
    assert.equal(newVm.count, expected, 'every New-VM is counted');
    const text = editor.document.getText().split(/\r?\n/);
    for (const line of newVm.lines) assert.match(text[line - 1], /New-VM/i, `line ${line} has no New-VM`);
    assert.equal(s.message, undefined, 'a small file is listed in full');
  });

  it('groups by system or kind and sorts by count, switched by its commands, common words last', async function () {
    if (!hasSample) this.skip();
    const editor = await openSample(SAMPLE);
    const uri = editor.document.uri.toString();
    const flat = await listed((x) => x.uri === uri && x.state === 'found', `no terms listed for ${SAMPLE}`);
    assert.deepEqual(flat.sections, [], 'no sections until asked');
    await vscode.commands.executeCommand('hypervisorAtlas.inFile.groupBy', 'system');
    const bySystem = await listed((x) => x.uri === uri && x.sections.length > 0, 'no sections after Group By System');
    assert.equal(bySystem.sections[0]!.label, 'Hyper-V', JSON.stringify(bySystem.sections.map((x) => x.label)));
    assert.deepEqual(bySystem.sections.flatMap((x) => x.ids).sort(), flat.groups.map((g) => g.id).sort(), 'every term is in exactly one section');
    await vscode.commands.executeCommand('hypervisorAtlas.inFile.sortBy', 'count');
    await vscode.commands.executeCommand('hypervisorAtlas.inFile.groupBy', 'none');
    const byCount = await listed((x) => x.uri === uri && x.sections.length === 0 && x.groups.length === flat.groups.length, 'the flat list did not come back');
    const shown = JSON.stringify(byCount.groups.map((g) => [g.id, g.count, g.generic]));
    const firstGeneric = byCount.groups.findIndex((g) => g.generic);
    assert.ok(firstGeneric > 0, `the sample has specific terms and common words: ${shown}`);
    assert.ok(byCount.groups.slice(firstGeneric).every((g) => g.generic), `common words come after every specific term: ${shown}`);
    for (const part of [byCount.groups.slice(0, firstGeneric), byCount.groups.slice(firstGeneric)]) {
      const counts = part.map((g) => g.count);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `sorted by count: ${shown}`);
    }
    await vscode.commands.executeCommand('hypervisorAtlas.inFile.groupBy', 'kind');
    const byKind = await listed((x) => x.uri === uri && x.sections.length > 0, 'no sections after Group By Kind');
    assert.ok(byKind.sections.some((x) => x.label === 'Components'), JSON.stringify(byKind.sections.map((x) => x.label)));
  });

  it('moves the cursor to an occurrence', async function () {
    if (!hasSample) this.skip();
    const editor = await openSample(SAMPLE);
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.includes('Set-VMProcessor'));
    const character = editor.document.lineAt(line).text.indexOf('Set-VMProcessor');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const moved = await vscode.commands.executeCommand('hypervisorAtlas.inFile.goTo', editor.document.uri.toString(), line, character, line, character + 'Set-VMProcessor'.length);
    assert.equal(moved, true);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    assert.equal(active.selection.start.line, line);
    assert.equal(active.selection.start.character, character);
    assert.equal(active.document.getText(active.selection), 'Set-VMProcessor');
  });

  it('follows edits (debounced) and editor switches', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'plain text\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await listed((x) => x.uri === doc.uri.toString() && x.state === 'none', 'an untitled file without terms is not "none"');
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'the VSC and the VSP talk over VMBus\n'));
    const s = await listed((x) => x.uri === doc.uri.toString() && x.groups.some((g) => g.id === 'hyperv.vmbus'), 'the edit did not show up');
    assert.deepEqual(s.groups.find((g) => g.id === 'hyperv.vmbus')?.lines, [2]);
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'qemu -cpu host-passthrough\n' });
    await vscode.window.showTextDocument(other);
    await listed((x) => x.uri === other.uri.toString() && x.groups.some((g) => g.id === 'kvm.host-passthrough'), 'switching editors did not rescan');
  });

  it('respects hypervisorAtlas.exclude', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'VMBus\n' });
    await vscode.window.showTextDocument(doc);
    await listed((x) => x.uri === doc.uri.toString() && x.state === 'found', 'VMBus not found');
    await vscode.workspace.getConfiguration('hypervisorAtlas').update('exclude', ['**'], vscode.ConfigurationTarget.Global);
    await listed((x) => x.state === 'excluded' && x.groups.length === 0, 'an excluded file is still listed');
    await vscode.workspace.getConfiguration('hypervisorAtlas').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await listed((x) => x.state === 'found', 'the file is not listed again after the exclusion went');
  });

  it('stays responsive on a 10 MB file and says the list is partial', async function () {
    this.timeout(90_000);
    const block = `${'const value = computeSomething(index, options); // ordinary code\n'.repeat(30)}Set-VMProcessor -ExposeVirtualizationExtensions $true # VMBus and vmwp.exe\n`;
    const content = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    await vscode.window.showTextDocument(doc);
    // while it scans, the extension host keeps answering
    let slowest = 0;
    const end = Date.now() + 1500;
    while (Date.now() < end) {
      const t = Date.now();
      await vscode.commands.executeCommand('hypervisorAtlas.architectures.selection');
      slowest = Math.max(slowest, Date.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const s = await listed((x) => x.uri === doc.uri.toString() && x.state === 'found', 'the 10 MB file was not listed', 60_000);
    assert.match(s.message ?? '', /\(file too large\)/);
    assert.ok(s.groups.reduce((n, g) => n + g.count, 0) <= 5000);
    assert.ok(slowest < 1000, `the extension host stalled for ${slowest} ms`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
