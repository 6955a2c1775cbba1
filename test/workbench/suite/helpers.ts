/** Helpers for tests that run inside the workbench's extension host (test/workbench/suite). */
import * as assert from './assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'hypervisor-atlas.hypervisor-atlas';

/** The extension under test, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the workbench`);
  await ext.activate();
  return ext;
}

/** The workspace folder the harness mounts (samples/). */
export function samplesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the harness mounts samples/)');
  return folder.uri;
}

/** Every file under samples/, as paths relative to it (e.g. `kvm/guest.xml`), sorted. */
export async function listSamples(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (uri: vscode.Uri, prefix: string): Promise<void> => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(uri)) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (type & vscode.FileType.Directory) await walk(vscode.Uri.joinPath(uri, name), rel);
      else if (type & vscode.FileType.File) out.push(rel);
    }
  };
  await walk(samplesFolder(), '');
  return out.sort();
}

/** Opens samples/<name> (e.g. `kvm/guest.xml`) in an editor and returns that editor. */
export async function openSample(name: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(samplesFolder(), ...name.split('/'));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The position of the `nth` (0-based) occurrence of `text` in the document, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, text: string, nth = 0, offset = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (occurrence ${nth}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + offset);
}

/** The hovers every provider returns at `position`, flattened to Markdown/plain text. */
export async function hoverTextAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws `message`). */
export async function waitFor<T>(check: () => T | Promise<T>, message: string, timeoutMs = 5000, intervalMs = 50): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`${message} (waited ${timeoutMs} ms)${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Closes every editor, so tests do not see each other's documents. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
