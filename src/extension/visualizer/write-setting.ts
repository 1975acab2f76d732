import * as vscode from 'vscode';
import { SECTION } from '../settings';

/**
 * Writes a panel toggle to the settings, where the user's effective value comes from (folder,
 * workspace or user), so the hover and the status bar agree with the panel. The scope is the one
 * every read uses: the document of the literal shown. False when the value was already in effect
 * (no configuration event will follow).
 */
export async function writeSetting(key: 'unit' | 'interpretation' | 'loss', value: string, scope: vscode.ConfigurationScope | undefined): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  if (config.get(key) === value) return false;
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
  return true;
}
