/**
 * The Get Started walkthrough's own command: Open an Example opens a short Hyper-V script we
 * wrote as an untitled PowerShell document (the walkthrough works without a workspace), with
 * the cursor on a term to hover.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { FeatureDeps } from '../deps';

export const EXAMPLE = [
  '# A Hyper-V lab in four commands. Hover a term to see its card.',
  "New-VMSwitch -Name LabNet -SwitchType Internal",
  "New-VM -Name lab01 -Generation 2 -MemoryStartupBytes 2GB -SwitchName LabNet",
  'Set-VMProcessor -VMName lab01 -Count 2 -ExposeVirtualizationExtensions $true',
  'Start-VM -Name lab01   # VMMS starts a worker process (VMWP) for the VM in the root partition',
  '',
].join('\n');

/** Where the cursor goes: the first term the walkthrough asks to hover. */
export const EXAMPLE_TERM = 'New-VMSwitch';

async function openExample(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'powershell', content: EXAMPLE });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const at = doc.positionAt(EXAMPLE.indexOf(EXAMPLE_TERM) + 2);
  editor.selection = new vscode.Selection(at, at);
  return editor;
}

export function register(_context: vscode.ExtensionContext, deps: FeatureDeps): vscode.Disposable[] {
  deps.commands.add(Commands.openExample);
  return [vscode.commands.registerCommand(Commands.openExample, openExample)];
}
