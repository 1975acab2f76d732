import * as vscode from 'vscode';
import { SECTION } from '../settings';


/**
 * Writes one of the panel's choices to the settings ("Make default"), where the user's effective
 * value comes from (folder, workspace or user), so the hover and the status bar agree with the
 * panel. The scope is the one every read uses: the document of the literal shown. Returns where
 * the write went as the notice names it, in the display language ("user settings"); undefined when
 * the value was already in effect (nothing written, no configuration event will follow).
 */
export async function writeSetting(key: 'unit' | 'interpretation' | 'loss', value: string, scope: vscode.ConfigurationScope | undefined): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  if (config.get(key) === value) return undefined;
  const inspected = config.inspect(key);
  const [target, name]: [vscode.ConfigurationTarget, string] =
    inspected?.workspaceFolderValue !== undefined
      ? [vscode.ConfigurationTarget.WorkspaceFolder, vscode.l10n.t('folder settings')]
      : inspected?.workspaceValue !== undefined
        ? [vscode.ConfigurationTarget.Workspace, vscode.l10n.t('workspace settings')]
        : [vscode.ConfigurationTarget.Global, vscode.l10n.t('user settings')];
  await config.update(key, value, target);
  return name;
}
