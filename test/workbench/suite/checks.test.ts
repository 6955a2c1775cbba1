/** Misconception checks in the real workbench: a diagnostic in Markdown, and its quick fix. */
import * as assert from './assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Hypervisor Atlas');

describe('misconception checks', function () {
  this.timeout(20_000);
  before(activateExtension);
  after(closeAllEditors);

  it('flags "VMware VirtualBox" in a Markdown file and the quick fix makes it "Oracle VirtualBox"', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Lab\n\nWe run the guests in VMware VirtualBox on a laptop.\n' });
    await vscode.window.showTextDocument(doc);
    const [d] = await waitFor(() => (ours(doc.uri).length ? ours(doc.uri) : undefined), 'no Hypervisor Atlas diagnostic appeared', 10_000);
    assert.equal(doc.getText(d.range), 'VMware VirtualBox');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Oracle/);
    // The workbench cancels a code-action request, and answers it with nothing, when the set of
    // code-action providers for the document changes while it runs (VS Code's getCodeActions).
    // Markdown Language Features registers its providers when the first Markdown document opens,
    // so it is activated first; its language client may still register late, hence the retry.
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    const fix = await waitFor(async () => {
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      return actions.find((a) => a.title === 'Replace with "Oracle VirtualBox"' && a.edit);
    }, 'no quick fix was offered', 5_000, 200);
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(2).text, 'We run the guests in Oracle VirtualBox on a laptop.');
    await waitFor(() => ours(doc.uri).length === 0, 'the diagnostic stayed after the fix', 10_000);
  });

  it('leaves code strings alone and turns off with hypervisorAtlas.checks.enabled', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'const a = "VMware VirtualBox";\n// Hyper-V is a Type 2 hypervisor\n' });
    await vscode.window.showTextDocument(doc);
    const found = await waitFor(() => (ours(doc.uri).length ? ours(doc.uri) : undefined), 'no diagnostic in the comment', 10_000);
    assert.deepEqual(found.map((d) => doc.getText(d.range)), ['Hyper-V is a Type 2 hypervisor']);
    const config = vscode.workspace.getConfiguration('hypervisorAtlas.checks');
    await config.update('enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => ours(doc.uri).length === 0, 'diagnostics stayed with the feature off', 10_000);
    } finally {
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
