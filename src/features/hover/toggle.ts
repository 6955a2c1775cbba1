import * as vscode from 'vscode';
import { Commands } from '../commands';

/**
 * Hypervisor Atlas: Toggle Hovers. Flips `hypervisorAtlas.hover.enabled` where it is set
 * (workspace folder, workspace, else user settings), so the flip always takes effect.
 */
export async function toggleHovers(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('hypervisorAtlas');
  const info = config.inspect<boolean>('hover.enabled');
  const enabled = config.get<boolean>('hover.enabled', true);
  const target =
    info?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : info?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update('hover.enabled', !enabled, target);
  vscode.window.setStatusBarMessage(enabled ? vscode.l10n.t('Hypervisor Atlas: hover cards off') : vscode.l10n.t('Hypervisor Atlas: hover cards on'), 4000);
  return !enabled;
}

export function registerToggle(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.toggleHovers, toggleHovers);
}
