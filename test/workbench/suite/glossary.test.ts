/**
 * Workspace glossaries in the real workbench: samples/.atlas/ is loaded; a file written to it
 * is picked up live, its problems appear in the Problems panel at the right line, and fixing
 * or deleting it applies with no reload.
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, closeAllEditors, hoverTextAt, openSample, positionOf, samplesFolder, waitFor } from './helpers';

const GOOD = `---
id: lab.wbtest
title: Workbench test term
kind: concept
summary: A term the workbench test writes and removes.
aliases: [wbtest-term]
sources:
  - { title: Team wiki, url: "https://wiki.example.com/wbtest" }
---
Written by test/workbench/suite/glossary.test.ts.
`;
const BROKEN = GOOD.replace('summary: A term the workbench test writes and removes.\n', '');

const COMPONENT = `---
id: lab.wbdiagram
title: Workbench diagram agent
kind: component
summary: A component the workbench test places in the Hyper-V root partition, then removes.
aliases: [wbdiagram-agent]
systems: [hyperv]
layers: [hyperv.root]
mode: user
sources:
  - { title: Team wiki, url: "https://wiki.example.com/wbdiagram" }
---
Written by test/workbench/suite/glossary.test.ts.
`;

interface DiagramSnapshot {
  view: string;
  revision: number;
  drawnRevision: number;
  settled: boolean;
  entries: string[];
}

const fileUri = () => vscode.Uri.joinPath(samplesFolder(), '.atlas', 'wb-test.md');
const componentUri = () => vscode.Uri.joinPath(samplesFolder(), '.atlas', 'wb-diagram.md');
const snapshot = () => vscode.commands.executeCommand<DiagramSnapshot | undefined>('hypervisorAtlas.diagram.snapshot', 'system:hyperv');
/** The Hyper-V diagram's snapshot once the page has drawn the latest data and `ok` holds for it. */
const drawn = (ok: (s: DiagramSnapshot) => boolean, message: string) =>
  waitFor(async () => {
    const s = await snapshot();
    return s && s.drawnRevision === s.revision && ok(s) ? s : undefined;
  }, message, 15000);
async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri);
  } catch {
    // already gone
  }
}
const write = (text: string) => vscode.workspace.fs.writeFile(fileUri(), new TextEncoder().encode(text));

async function cardAt(doc: vscode.TextDocument, text: string): Promise<string> {
  const all = await hoverTextAt(doc, positionOf(doc, text, 0, Math.floor(text.length / 2)));
  return all.includes('command:hypervisorAtlas.openEntry?') ? all : '';
}

describe('workspace glossary', () => {
  before(activateExtension);
  after(async () => {
    await closeAllEditors();
    await remove(fileUri());
    await remove(componentUri());
  });

  it('declares Restricted Mode support as limited, and loads glossaries in this trusted workspace', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { capabilities: { untrustedWorkspaces: { supported: unknown; description: string; restrictedConfigurations: string[] } } };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /glossar/);
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['hypervisorAtlas.glossary.paths']);
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it('explains a term of samples/.atlas in a hover that names the workspace file', async () => {
    const doc = (await openSample('notes/lab-glossary-demo.md')).document;
    const card = await waitFor(() => cardAt(doc, 'orion-cluster'), 'the sample glossary term gets a card', 15000);
    assert.match(card, /\*\*Orion lab cluster\*\*/);
    assert.match(card, /From the workspace glossary `\.atlas\/orion-cluster\.md`/);
    for (const link of card.match(/\]\(([^)]+)\)/g) ?? []) {
      assert.match(link, /^\]\((command:hypervisorAtlas\.(openEntry|showDiagram|revealInAtlas)\?|https:\/\/wiki\.example\.com\/lab\/orion)/);
    }
    const note = await cardAt(doc, 'vmms-svc');
    assert.match(note, /Workspace note/);
    assert.match(note, /\.atlas\/vmms-note\.md/);
  });

  it('shows a glossary component in the Architectures tree and the Hyper-V diagram', async () => {
    const id = await vscode.commands.executeCommand<string>('hypervisorAtlas.revealInAtlas', 'lab.backup-agent');
    assert.ok(id, 'Reveal in Atlas finds the workspace component');
    const selected = await vscode.commands.executeCommand<{ label: string }[]>('hypervisorAtlas.architectures.selection');
    assert.equal(selected[0]?.label, 'Lab backup agent');
    assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showDiagram', 'lab.backup-agent'), true);
  });

  it('redraws an open Hyper-V diagram in place when a glossary component is added, and again when it is deleted', async () => {
    await closeAllEditors();
    try {
      assert.equal(await vscode.commands.executeCommand('hypervisorAtlas.showDiagram', 'hyperv'), true);
      const before = await drawn((s) => s.settled, 'the Hyper-V diagram is drawn with the workspace glossary loaded');
      assert.includes(before.entries, 'lab.backup-agent');
      assert.ok(!before.entries.includes('lab.wbdiagram'));

      await vscode.workspace.fs.writeFile(componentUri(), new TextEncoder().encode(COMPONENT));
      const added = await drawn((s) => s.entries.includes('lab.wbdiagram'), 'the open diagram draws the new component');
      assert.ok(added.revision > before.revision, `revision ${before.revision} → ${added.revision}`);
      assert.includes(added.entries, 'lab.backup-agent');

      await vscode.workspace.fs.delete(componentUri());
      const removed = await drawn((s) => !s.entries.includes('lab.wbdiagram'), 'the deleted component leaves the open diagram');
      assert.ok(removed.revision > added.revision);
      assert.deepEqual(removed.entries, before.entries);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /hypervisorAtlas\.diagram/.test(t.input.viewType));
      assert.equal(tabs.length, 1, 'the same panel all along');
    } finally {
      await remove(componentUri());
      await closeAllEditors();
    }
  });

  it('picks up a new file, reports its problem at the right line, and applies the fix and the delete live', async () => {
    const doc = (await openSample('notes/lab-glossary-demo.md')).document;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '\nAlso wbtest-term here.\n');
    await vscode.workspace.applyEdit(edit);

    await write(GOOD);
    await waitFor(async () => /Workbench test term/.test(await cardAt(doc, 'wbtest-term')), 'the new glossary file is loaded', 15000);

    await write(BROKEN);
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(fileUri()).find((d) => /missing required field `summary`/.test(d.message)),
      'the broken file shows its problem',
      15000,
    );
    assert.equal(diagnostic.range.start.line, 1, 'at line 2 of the file');
    assert.equal(diagnostic.source, 'Hypervisor Atlas');
    await waitFor(async () => (await cardAt(doc, 'wbtest-term')) === '', 'the broken entry is left out', 15000);
    assert.match(await cardAt(doc, 'orion-cluster'), /Orion lab cluster/, 'the rest of the glossary keeps working');

    await write(GOOD);
    await waitFor(() => vscode.languages.getDiagnostics(fileUri()).length === 0, 'the fix clears the problem', 15000);
    await waitFor(async () => /Workbench test term/.test(await cardAt(doc, 'wbtest-term')), 'the fixed entry is back', 15000);

    await vscode.workspace.fs.delete(fileUri());
    await waitFor(async () => (await cardAt(doc, 'wbtest-term')) === '', 'the deleted entry disappears', 15000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers "did you mean" as a quick fix', async () => {
    await write(GOOD.replace('aliases: [wbtest-term]', 'aliases: [wbtest-term]\nrelated: [hyperv.vmmz]'));
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(fileUri()).find((d) => /did you mean `hyperv\.vmms`/.test(d.message)),
      'the typo is reported',
      15000,
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri()));
    const at = new vscode.Range(diagnostic.range.start.line, 0, diagnostic.range.start.line, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fileUri(), at, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === 'Change to `hyperv.vmms`'), actions.map((a) => a.title).join(', '));
    await closeAllEditors();
    await vscode.workspace.fs.delete(fileUri());
  });

  it('New Glossary Entry… writes a template that loads without problems', async () => {
    const uri = await vscode.commands.executeCommand<string>('hypervisorAtlas.newGlossaryEntry', 'Workbench template term');
    assert.ok(uri);
    const target = vscode.Uri.parse(uri);
    try {
      const doc = vscode.window.activeTextEditor!.document;
      assert.match(doc.getText(), /^---\nid: team\.workbench-template-term\n/);
      // front-matter completions: kinds after `kind:`, and the keys explained on hover
      const kindLine = doc.getText().split('\n').findIndex((l) => l.startsWith('kind:'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(kindLine, 6));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('component') && labels.includes('concept'), labels.slice(0, 20).join(', '));
      assert.match(await hoverTextAt(doc, new vscode.Position(kindLine, 1)), /One of system, layer, component/);
      await waitFor(() => vscode.languages.getDiagnostics(target).length === 0 && true, 'no problems', 5000);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(target);
    }
  });
});
